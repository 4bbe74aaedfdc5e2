"""What staff of one unit may learn about other units through the admin and the public site (security review,
second pass): a staff account reaches its own units and those below, nothing else."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from newsroom.roles import EDITOR
from organizations.models import Organization, StaffAssignment
from tests.factories import ArticleFactory, OrganizationFactory, TagFactory, staff_with_role

S = Article.Status


@pytest.fixture
def tree(db):
    province = OrganizationFactory(name="Đảng bộ tỉnh", kind=Organization.Kind.PROVINCIAL)
    ours = OrganizationFactory(name="Đảng bộ Sở Tài nguyên và Môi trường", parent=province)
    theirs = OrganizationFactory(name="Đảng bộ Sở Tư pháp", parent=province)
    return {"province": province, "ours": ours, "theirs": theirs}


@pytest.fixture
def editor_user(tree):
    return staff_with_role(EDITOR, tree["ours"])


@pytest.fixture
def editor(client, editor_user):
    client.force_login(editor_user)
    return client


def view_on_site(obj):
    content_type = ContentType.objects.get_for_model(obj)
    return reverse("admin:view_on_site", args=[content_type.pk, obj.pk])


@pytest.mark.parametrize(
    "hidden",
    [
        {"status": S.DRAFT, "published_at": None},
        {"status": S.PUBLISHED, "published_at": timezone.now() + timedelta(days=2)},
        {"status": S.SUBMITTED, "published_at": None},
    ],
    ids=["draft", "scheduled", "submitted"],
)
def test_view_on_site_does_not_tell_another_units_unpublished_address(editor, tree, hidden):
    article = ArticleFactory(unit=tree["theirs"], slug="bai-bi-mat-cua-don-vi-khac", **hidden)
    response = editor.get(view_on_site(article))
    assert response.status_code == 404
    assert "bai-bi-mat" not in response.get("Location", "")


def test_view_on_site_does_not_tell_a_trashed_articles_address(editor, tree):
    article = ArticleFactory(unit=tree["ours"], slug="bai-trong-thung-rac", deleted_at=timezone.now())
    assert editor.get(view_on_site(article)).status_code == 404


def test_view_on_site_still_takes_staff_to_their_own_draft(editor, tree):
    article = ArticleFactory(unit=tree["ours"], slug="bai-nhap-cua-toi", status=S.DRAFT, published_at=None)
    response = editor.get(view_on_site(article))
    assert response.status_code == 302
    assert response["Location"].endswith("/tin-tuc/bai-nhap-cua-toi/")


def test_view_on_site_of_a_public_unit_page_works(editor, tree):
    response = editor.get(view_on_site(tree["theirs"]))
    assert response.status_code == 302
    assert response["Location"].endswith(tree["theirs"].get_absolute_url())


def test_view_on_site_of_a_bad_content_type_or_id_is_not_found(editor, tree):
    assert editor.get(reverse("admin:view_on_site", args=[999999, 1])).status_code == 404
    content_type = ContentType.objects.get_for_model(Article)
    assert editor.get(reverse("admin:view_on_site", args=[content_type.pk, "abc"])).status_code == 404


@pytest.mark.parametrize("status", [S.DRAFT, S.SUBMITTED, S.RETURNED, S.WITHDRAWN])
def test_a_tag_used_only_by_unpublished_articles_has_no_public_page(client, tree, status):
    tag = TagFactory(name="Nhân sự dự kiến")
    ArticleFactory(unit=tree["ours"], status=status, published_at=None).tags.add(tag)
    assert client.get(reverse("articles:tag", args=[tag.slug])).status_code == 404
    assert client.get(reverse("articles:tag-feed", args=[tag.slug])).status_code == 404


def test_a_tag_used_only_by_a_scheduled_article_has_no_public_page_yet(client, tree):
    tag = TagFactory(name="Nhân sự dự kiến")
    ArticleFactory(unit=tree["ours"], published_at=timezone.now() + timedelta(days=1)).tags.add(tag)
    assert client.get(reverse("articles:tag", args=[tag.slug])).status_code == 404


def test_a_tag_of_a_published_article_has_its_page(client, tree):
    tag = TagFactory(name="Sơ kết")
    ArticleFactory(unit=tree["ours"]).tags.add(tag)
    assert client.get(reverse("articles:tag", args=[tag.slug])).status_code == 200
    assert client.get(reverse("articles:tag-feed", args=[tag.slug])).status_code == 200


def test_my_drafts_leave_the_dashboard_when_i_move_to_another_unit(editor, editor_user, tree):
    ArticleFactory(
        unit=tree["ours"], title="Bản nháp ở đơn vị cũ", status=S.DRAFT, published_at=None, created_by=editor_user
    )
    assert "Bản nháp ở đơn vị cũ" in editor.get(reverse("admin:index")).content.decode()

    StaffAssignment.objects.filter(user=editor_user).update(organization=tree["theirs"])

    assert "Bản nháp ở đơn vị cũ" not in editor.get(reverse("admin:index")).content.decode()
