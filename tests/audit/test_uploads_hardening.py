"""What is stored of an upload is its pixels: polyglots (an image that is also a script, a page or an archive) lose
everything but the image, and what is not a JPEG, PNG or WebP image is refused."""

import io
import struct
import zipfile
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import ExifTags, Image, ImageCms, PngImagePlugin

from articles.models import Photo
from newsroom.images import sanitized_image
from organizations.models import Person
from tests.admin_forms import form_data

SCRIPT = b"<script>alert(1)</script>"


def picture(fmt="JPEG", size=(90, 60), mode="RGB", **options):
    buffer = io.BytesIO()
    image = Image.new(mode, size, (30, 120, 200) if mode == "RGB" else (30, 120, 200, 128))
    image.paste((200, 30, 30) if mode == "RGB" else (200, 30, 30, 255), (0, 0, 30, 20))
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def zip_archive():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Payload.class", b"\xca\xfe\xba\xbe" + SCRIPT)
    return buffer.getvalue()


def uploaded(data, name="anh.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def upload_in_editor(client, data, name="anh.jpg"):
    return client.post(reverse("articles:editor-upload"), {"upload": uploaded(data, name)})


def stored_bytes(photo):
    return read(photo.image)


def read(field_file):
    with field_file.open("rb") as file:
        return file.read()


def test_jpeg_with_a_script_appended_is_stored_without_it(admin_client):
    response = upload_in_editor(admin_client, picture() + SCRIPT)
    assert response.status_code == 200
    photo = Photo.objects.get()
    data = stored_bytes(photo)
    assert b"<script" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert (image.format, image.size) == ("JPEG", (90, 60))
    assert (photo.width, photo.height) == (90, 60)


def test_jpeg_with_an_archive_appended_is_stored_without_it(admin_client):
    assert upload_in_editor(admin_client, picture() + zip_archive()).status_code == 200
    data = stored_bytes(Photo.objects.get())
    assert b"PK\x03\x04" not in data and b"Payload.class" not in data and b"<script" not in data


def test_jpeg_comment_and_exif_are_dropped(admin_client):
    exif = Image.Exif()
    exif[ExifTags.Base.ImageDescription] = SCRIPT.decode()
    exif[ExifTags.Base.GPSInfo] = {ExifTags.GPS.GPSLatitude: (10.0, 46.0, 0.0)}
    upload_in_editor(admin_client, picture(comment=SCRIPT, exif=exif))
    data = stored_bytes(Photo.objects.get())
    assert b"<script" not in data and b"Exif" not in data


def test_exif_orientation_is_applied_to_the_pixels(admin_client):
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # the camera was turned: show the picture rotated a quarter turn
    upload_in_editor(admin_client, picture(exif=exif))
    photo = Photo.objects.get()
    with Image.open(io.BytesIO(stored_bytes(photo))) as image:
        assert image.size == (60, 90)
        assert image.getexif().get(ExifTags.Base.Orientation) is None
    assert (photo.width, photo.height) == (60, 90)


def test_png_text_chunks_are_dropped_and_transparency_kept(db):
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "<html><body>" + SCRIPT.decode())
    photo = Photo.objects.create(
        image=uploaded(picture("PNG", mode="RGBA", pnginfo=info) + SCRIPT, "anh.png", "image/png")
    )
    data = stored_bytes(photo)
    assert b"<html" not in data and b"<script" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert (image.format, image.mode, image.getpixel((50, 50))) == ("PNG", "RGBA", (30, 120, 200, 128))


def test_webp_with_a_script_appended_is_stored_without_it(db):
    photo = Photo.objects.create(image=uploaded(picture("WEBP") + SCRIPT, "anh.webp", "image/webp"))
    data = stored_bytes(photo)
    assert b"<script" not in data
    assert Image.open(io.BytesIO(data)).format == "WEBP"


def test_colour_profile_is_kept_unless_it_carries_markup():
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    kept = sanitized_image(uploaded(picture(icc_profile=srgb)))
    assert Image.open(kept).info["icc_profile"] == srgb
    dropped = sanitized_image(uploaded(picture(icc_profile=srgb + b"<svg onload=alert(1)>")))
    assert "icc_profile" not in Image.open(dropped).info


def test_jpeg_quality_is_kept():
    original = picture(quality=60)
    stored = sanitized_image(uploaded(original))
    assert Image.open(stored).quantization == Image.open(io.BytesIO(original)).quantization


def test_phone_camera_jpeg_keeps_its_main_picture_only():
    buffer = io.BytesIO()
    main, depth = Image.new("RGB", (60, 40), "red"), Image.new("RGB", (60, 40), "blue")
    main.save(buffer, "MPO", save_all=True, append_images=[depth])
    stored = Image.open(sanitized_image(uploaded(buffer.getvalue())))
    assert (stored.format, getattr(stored, "n_frames", 1), stored.getpixel((5, 5))[0] > 200) == ("JPEG", 1, True)


def test_portrait_of_a_person_is_sanitized_too(db):
    person = Person.objects.create(full_name="Nguyễn Văn A", photo=uploaded(picture() + SCRIPT))
    assert b"<script" not in read(person.photo)


def test_photo_uploaded_in_the_admin_is_stored_without_the_payload(admin_client):
    url = reverse("admin:articles_photo_add")
    data = form_data(admin_client.get(url), image=uploaded(picture() + zip_archive() + SCRIPT))
    assert admin_client.post(url, data).status_code == 302
    data = stored_bytes(Photo.objects.get())
    assert b"<script" not in data and b"PK\x03\x04" not in data


def test_svg_is_refused_and_nothing_is_stored(admin_client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="9" height="9"/></svg>'
    response = upload_in_editor(admin_client, svg, "logo.svg")
    assert response.status_code == 400
    assert "không phải là ảnh hợp lệ" in response.json()["error"]["message"]
    assert not Photo.objects.exists()


def test_html_page_starting_like_a_gif_is_refused(admin_client):
    response = upload_in_editor(admin_client, b"GIF89a/*<html><body>" + SCRIPT, "anh.gif")
    assert response.status_code == 400
    assert not Photo.objects.exists()


def png_declaring(width, height):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


@pytest.mark.parametrize("side", [10_000, 100_000])  # 100 and 10 000 megapixels, a few bytes on disk
def test_png_declaring_a_huge_size_is_refused(admin_client, side):
    response = upload_in_editor(admin_client, png_declaring(side, side), "anh.png")
    assert response.status_code == 400
    assert "điểm ảnh" in response.json()["error"]["message"]
    assert not Photo.objects.exists()


def test_saving_a_model_with_a_file_that_is_no_image_fails_loudly(db):
    with pytest.raises(ValidationError):
        Photo.objects.create(image=uploaded(b"<html>" + SCRIPT, "anh.jpg"))
