"""A rendition's address and size by arithmetic are the ones sorl-thumbnail gives it."""

import pytest
from django.template import Context, Template
from sorl.thumbnail import get_thumbnail

from newsroom.renditions import rendition
from tests.factories import PhotoFactory, image_file

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("size", [(64, 48), (900, 600), (2000, 1333), (600, 1600), (1201, 799), (481, 100)])
@pytest.mark.parametrize(("geometry", "options"), [("480x320", {"crop": "center"}), ("1200", {})])
@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_a_rendition_is_where_and_as_large_as_sorl_makes_it(size, geometry, options, fmt):
    photo = PhotoFactory(image=image_file(f"anh.{fmt.lower().replace('jpeg', 'jpg')}", size=size, fmt=fmt))
    made = get_thumbnail(photo.image, geometry, **options)
    computed = rendition(photo.image, geometry, photo.width, photo.height, **options)
    assert (computed.url, computed.width, computed.height) == (made.url, made.width, made.height)


def test_the_tag_asks_no_cache(django_assert_num_queries, monkeypatch):
    photo = PhotoFactory(image=image_file(size=(900, 600)))
    made = get_thumbnail(photo.image, "480x320", crop="center")
    monkeypatch.setattr("sorl.thumbnail.default.kvstore.get", lambda *a, **k: pytest.fail("asked the store"))
    tag = '{% rendition photo "480x320" crop="center" as im %}'
    template = Template("{% load newsroom %}" + tag + "{{ im.url }} {{ im.width }}")
    with django_assert_num_queries(0):
        assert template.render(Context({"photo": photo})) == f"{made.url} 480"
