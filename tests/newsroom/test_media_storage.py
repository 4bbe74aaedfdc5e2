"""Uploaded files in an S3 bucket (MEDIA_STORAGE=s3, MinIO in production), tested against moto's S3 server."""

import io
import json
import os
import re
import subprocess
import sys
import uuid

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from sorl.thumbnail import get_thumbnail

from articles.models import Article, ArticlePhoto, Photo
from articles.services import move_to_trash, purge
from organizations.models import Person
from tests.admin_forms import form_data
from tests.conftest import S3_KEYS, Bucket
from tests.factories import ArticlePhotoFactory, OrganizationFactory, UserFactory, image_file
from tests.test_deployment import settings_in_subprocess

S3_ENV = {
    "MEDIA_STORAGE": "s3",
    "S3_ENDPOINT_URL": "http://minio:9000",
    "S3_BUCKET": "newsroom-media",
    "S3_ACCESS_KEY": "newsroom",
    "S3_SECRET_KEY": "mat-khau-minio",
}
PHOTO = re.compile(r"photos/\d{4}/\d{2}/[0-9a-f]{32}\.jpg")


def renditions(keys):
    return {key for key in keys if key.startswith("cache/")}


# --- Settings ---


def test_media_stays_on_the_local_disk_by_default():
    assert settings_in_subprocess({}, "s.STORAGES['default']") == {
        "BACKEND": "django.core.files.storage.FileSystemStorage"
    }


def test_s3_settings_come_from_the_environment():
    backend, options = settings_in_subprocess(
        S3_ENV, "[s.STORAGES['default']['BACKEND'], s.STORAGES['default']['OPTIONS']]"
    )
    assert backend == "newsroom.storage.MediaStorage"
    assert options == {
        "endpoint_url": "http://minio:9000",
        "bucket_name": "newsroom-media",
        "access_key": "newsroom",
        "secret_key": "mat-khau-minio",
        "region_name": "us-east-1",
    }


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({**S3_ENV, "S3_BUCKET": ""}, "S3_BUCKET"),
        ({**S3_ENV, "S3_ENDPOINT_URL": ""}, "S3_ENDPOINT_URL"),
        ({"MEDIA_STORAGE": "ftp"}, "MEDIA_STORAGE"),
    ],
)
def test_incomplete_storage_settings_stop_the_start_with_a_vietnamese_message(env, message):
    with pytest.raises(subprocess.CalledProcessError) as failed:
        settings_in_subprocess(env, "s.STORAGES")
    assert message in failed.value.stderr
    assert "Chưa đặt" in failed.value.stderr or "không hợp lệ" in failed.value.stderr


def test_bucket_is_read_path_style_without_signed_urls_or_acls(settings):
    from newsroom.storage import MediaStorage

    storage = MediaStorage(endpoint_url="http://minio:9000", bucket_name="newsroom-media")
    assert (storage.addressing_style, storage.querystring_auth, storage.default_acl) == ("path", False, None)
    assert storage.url("photos/2025/06/ảnh 1.jpg") == "/media/photos/2025/06/%E1%BA%A3nh%201.jpg"


# --- Uploads, renditions, deletes: against the S3 server ---


def test_photo_added_in_the_admin_is_an_object_in_the_bucket_served_under_media(admin_client, s3_media):
    url = reverse("admin:articles_photo_add")
    data = form_data(admin_client.get(url), alt_text="Toàn cảnh Hội nghị", image=image_file())
    assert admin_client.post(url, data).status_code == 302
    photo = Photo.objects.get()
    assert PHOTO.fullmatch(photo.image.name)
    assert photo.image.name in s3_media.keys()
    assert s3_media.read(photo.image.name)[:2] == b"\xff\xd8"
    assert photo.image.url == f"/media/{photo.image.name}"
    assert (photo.width, photo.height) == (64, 48)


def test_gallery_upload_stores_the_photo_and_its_renditions_in_the_bucket(admin_client, s3_media):
    unit = OrganizationFactory()
    url = reverse("admin:articles_article_add")
    data = form_data(admin_client.get(url), title="Hội nghị sơ kết", unit=unit.pk, body="<p>Nội dung.</p>")
    data["gallery-0-upload"] = image_file(size=(1600, 1000))
    assert admin_client.post(url, data).status_code == 302
    photo = ArticlePhoto.objects.get().photo
    keys = s3_media.keys()
    assert photo.image.name in keys
    assert len(renditions(keys)) == 2  # 480x320 and 1200, made when the photo was saved
    thumbnail = get_thumbnail(photo.image, "480x320", crop="center")
    assert thumbnail.name in keys
    assert thumbnail.url == f"/media/{thumbnail.name}"
    assert (thumbnail.width, thumbnail.height) == (480, 320)


def test_editor_upload_answers_a_media_url_of_an_object_in_the_bucket(admin_client, s3_media):
    response = admin_client.post(reverse("articles:editor-upload"), {"upload": image_file()})
    assert response.status_code == 200
    name = Photo.objects.get().image.name
    assert response.json() == {"url": f"/media/{name}"}
    assert name in s3_media.keys()


def test_portrait_of_a_person_is_stored_in_the_bucket(db, s3_media):
    person = Person.objects.create(full_name="Nguyễn Văn A", photo=image_file())
    assert re.fullmatch(r"people/[0-9a-f]{32}\.jpg", person.photo.name)
    assert s3_media.keys() == {person.photo.name}
    assert Person.objects.get().photo.url == f"/media/{person.photo.name}"


def test_article_page_shows_renditions_from_the_bucket(client, db, s3_media):
    placement = ArticlePhotoFactory(photo__image=image_file(size=(900, 600)))
    response = client.get(placement.article.get_absolute_url())
    assert response.status_code == 200
    shown = set(re.findall(r'src="/media/([^"]+)"', response.content.decode()))
    assert shown and shown <= s3_media.keys()


def test_photo_deleted_in_the_admin_is_gone_and_the_library_still_lists(admin_client, s3_media):
    photo = Photo.objects.create(image=image_file(), alt_text="Ảnh bỏ đi")
    url = reverse("admin:articles_photo_delete", args=[photo.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not Photo.objects.exists()
    assert admin_client.get(reverse("admin:articles_photo_changelist")).status_code == 200


def test_purging_an_article_with_a_gallery_works_with_the_bucket(db, s3_media):
    editor = UserFactory(is_staff=True)
    placement = ArticlePhotoFactory()
    move_to_trash(Article.objects.filter(pk=placement.article.pk), by=editor)
    assert purge(Article.all_objects.all(), by=editor) == 1
    assert not ArticlePhoto.objects.exists()
    assert default_storage.exists(placement.photo.image.name)  # the photo stays in the library


def test_library_thumbnails_come_from_the_bucket(admin_client, s3_media):
    photo = Photo.objects.create(image=image_file(size=(800, 600)), alt_text="Toàn cảnh")
    response = admin_client.get(reverse("admin:articles_photo_changelist"))
    assert response.status_code == 200
    shown = set(re.findall(r'src="/media/([^"]+)"', response.content.decode()))
    assert shown and shown <= s3_media.keys()
    assert photo.image.name in s3_media.keys()


def test_demo_is_seeded_into_the_bucket(db, s3_media):
    call_command("seed_demo", "--size", "1", stdout=io.StringIO())
    names = set(Photo.objects.values_list("image", flat=True))
    keys = s3_media.keys()
    assert names and names <= keys
    assert renditions(keys)


def test_debug_site_serves_media_from_the_bucket(s3_server):
    """With DEBUG on and no web server in front, /media/ comes from the bucket, with the same headers as from disk."""
    bucket = Bucket(s3_server, f"media-{uuid.uuid4().hex[:16]}")
    bucket.client.put_object(
        Bucket=bucket.name, Key="photos/anh.jpg", Body=b"\xff\xd8\xff\xe0anh", ContentType="image/jpeg"
    )
    code = """if True:
        import django, json
        django.setup()
        from django.test import Client
        found, missing = (Client().get(f"/media/photos/{name}", HTTP_HOST="localhost") for name in ["anh.jpg", "x"])
        body = b"".join(found.streaming_content) if found.status_code == 200 else b""
        headers = [found.get(name) for name in ("Content-Type", "X-Content-Type-Options", "Content-Security-Policy")]
        print(json.dumps([found.status_code, body.hex(), *headers, missing.status_code]))
    """
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env |= {"DJANGO_SETTINGS_MODULE": "newsroom.settings", "DEBUG": "true", "MEDIA_STORAGE": "s3"}
    env |= {"S3_ENDPOINT_URL": s3_server, "S3_BUCKET": bucket.name, "S3_ACCESS_KEY": S3_KEYS["access_key"]}
    env |= {"S3_SECRET_KEY": S3_KEYS["secret_key"]}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=settings.BASE_DIR, capture_output=True, text=True, check=True
    )
    status, body, content_type, nosniff, policy, missing = json.loads(out.stdout.splitlines()[-1])
    assert (status, bytes.fromhex(body), content_type, nosniff) == (
        200,
        b"\xff\xd8\xff\xe0anh",
        "image/jpeg",
        "nosniff",
    )
    assert policy == settings.CSP_MEDIA
    assert missing == 404
