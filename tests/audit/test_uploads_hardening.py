"""What is stored of an upload is its pixels: polyglots (an image that is also a script, a page or an archive) lose
everything but the image, and what is not a JPEG, PNG or WebP image is refused."""

import io
import re
import struct
import zipfile
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLResolver, get_resolver, reverse
from PIL import ExifTags, Image, ImageCms, PngImagePlugin

from articles.models import Photo
from newsroom.images import sanitized_image
from organizations.models import Person
from tests.admin_forms import form_data
from tests.factories import OrganizationFactory

SCRIPT = b"<script>alert(1)</script>"
IMG = b"<img src=x onerror=alert(1)>"  # markup that no list of "dangerous" tags names


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


def srgb_profile():
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def srgb_with_red_and_blue_swapped():
    """An sRGB profile whose red and blue primaries trade places: applied, it turns red pixels blue."""
    profile = bytearray(srgb_profile())
    (count,) = struct.unpack(">I", profile[128:132])
    entries = {bytes(profile[at : at + 4]): at for at in range(132, 132 + 12 * count, 12)}
    red, blue = entries[b"rXYZ"] + 4, entries[b"bXYZ"] + 4
    profile[red : red + 4], profile[blue : blue + 4] = profile[blue : blue + 4], profile[red : red + 4]
    return bytes(profile)


def stored_image(data, name="anh.jpg"):
    return Image.open(sanitized_image(uploaded(data, name)))


def test_colour_profile_is_applied_to_the_pixels_and_not_stored():
    stored = stored_image(picture(icc_profile=srgb_with_red_and_blue_swapped()))
    assert "icc_profile" not in stored.info
    red, green, blue = stored.getpixel((5, 5))  # drawn red: the profile said that channel is blue
    assert blue > 200 and red < 60


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_srgb_profile_is_not_stored_and_the_colours_stay(fmt):
    stored = stored_image(picture(fmt, icc_profile=srgb_profile(), **({"quality": 100} if fmt != "PNG" else {})))
    assert "icc_profile" not in stored.info
    assert all(abs(got - drawn) < 12 for got, drawn in zip(stored.getpixel((5, 5)), (200, 30, 30), strict=True))


def test_colour_profile_with_markup_is_not_stored(db):
    photo = Photo.objects.create(image=uploaded(picture(icc_profile=srgb_profile() + IMG)))
    assert b"onerror" not in stored_bytes(photo)


def test_colour_profile_that_is_not_one_is_not_stored():
    stored = stored_image(picture(icc_profile=b"<html><body onload=alert(1)>"))
    assert "icc_profile" not in stored.info


# --- What each format may carry besides its pixels: nothing is stored of it ---

XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><script>alert(1)</script></x:xmpmeta>'


def exif_with_markup():
    exif = Image.Exif()
    exif[ExifTags.Base.ImageDescription] = SCRIPT.decode()
    return exif


def jpeg_segment(marker, payload):
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def jpeg_with_segments(*segments):
    data = picture()
    return data[:2] + b"".join(segments) + data[2:]


def jpeg_markers(data):
    """The markers of a JPEG up to its scan, with the first bytes of each segment."""
    found, at = [], 2
    while data[at + 1] != 0xDA:
        (length,) = struct.unpack(">H", data[at + 2 : at + 4])
        found.append((data[at + 1], data[at + 4 : at + 9]))
        at += 2 + length
    return found


JPEG_METADATA = {
    "exif": picture(exif=exif_with_markup()),
    "xmp": picture(xmp=XMP),
    "icc": picture(icc_profile=srgb_profile() + IMG),
    "comment": picture(comment=SCRIPT),
    "photoshop-iptc": jpeg_with_segments(jpeg_segment(0xED, b"Photoshop 3.0\x00" + SCRIPT)),
    "app15": jpeg_with_segments(jpeg_segment(0xEF, SCRIPT)),
    "second-jfif": jpeg_with_segments(jpeg_segment(0xE0, b"JFXX\x00" + SCRIPT)),
}


@pytest.mark.parametrize("kind", JPEG_METADATA)
def test_jpeg_keeps_no_metadata_segment(db, kind):
    data = stored_bytes(Photo.objects.create(image=uploaded(JPEG_METADATA[kind])))
    assert b"<script" not in data and b"onerror" not in data and b"xmpmeta" not in data
    markers = jpeg_markers(data)
    # the JFIF header Pillow writes, tables and the frame: no APPn but APP0 "JFIF", no COM (0xFE)
    assert {marker for marker, _ in markers} <= {0xE0, 0xDB, 0xC4, 0xC0, 0xC2, 0xDD}
    assert all(start == b"JFIF\x00" for marker, start in markers if marker == 0xE0)


def png_chunks(data):
    found, at = [], 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        found.append(data[at + 4 : at + 8])
        at += 12 + length
    return found


def png_with(kind):
    info = PngImagePlugin.PngInfo()
    options = {"pnginfo": info}
    if kind == "tEXt":
        info.add_text("Comment", SCRIPT.decode())
    elif kind == "zTXt":
        info.add_text("Comment", SCRIPT.decode(), zip=True)
    elif kind == "iTXt":
        info.add_itxt("XML:com.adobe.xmp", XMP.decode(), lang="vi", tkey="x")
    elif kind == "eXIf":
        options["exif"] = exif_with_markup()
    elif kind == "iCCP":
        options["icc_profile"] = srgb_profile() + IMG
    elif kind == "private":
        info.add(b"prVt", SCRIPT)
    return picture("PNG", mode="RGBA", **options)


@pytest.mark.parametrize("kind", ["tEXt", "zTXt", "iTXt", "eXIf", "iCCP", "private"])
def test_png_keeps_no_metadata_chunk(db, kind):
    original = png_with(kind)
    assert kind.encode() in original or kind == "private" and b"prVt" in original
    data = stored_bytes(Photo.objects.create(image=uploaded(original, "anh.png", "image/png")))
    assert set(png_chunks(data)) <= {b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND"}
    assert b"onerror" not in data


def webp_chunks(data):
    found, at = [], 12
    while at < len(data):
        (length,) = struct.unpack("<I", data[at + 4 : at + 8])
        found.append(data[at : at + 4])
        at += 8 + length + length % 2
    return found


@pytest.mark.parametrize(
    ("kind", "options"),
    [
        ("EXIF", {"exif": exif_with_markup()}),
        ("XMP ", {"xmp": XMP}),
        ("ICCP", {"icc_profile": srgb_profile() + IMG}),
    ],
)
def test_webp_keeps_no_metadata_chunk(db, kind, options):
    original = picture("WEBP", mode="RGBA", **options)
    assert kind.encode() in webp_chunks(original)
    data = stored_bytes(Photo.objects.create(image=uploaded(original, "anh.webp", "image/webp")))
    assert set(webp_chunks(data)) <= {b"VP8 ", b"VP8L", b"VP8X", b"ALPH"}
    assert b"<script" not in data and b"onerror" not in data


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


# --- The stored name is made on the server, its extension the stored format's ---

GENERATED = r"[0-9a-f]{32}\.jpg"
HOSTILE_NAMES = ["x.html", "x.js", "x.svg", ".htaccess", "khong-co-duoi", "x.php.jpg", "anh.png", "../../x.html"]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_editor_upload_is_stored_under_a_generated_name(admin_client, name):
    assert upload_in_editor(admin_client, picture(), name).status_code == 200
    assert re.fullmatch(rf"photos/\d{{4}}/\d{{2}}/{GENERATED}", Photo.objects.get().image.name)


@pytest.mark.parametrize(("fmt", "extension"), [("JPEG", "jpg"), ("PNG", "png"), ("WEBP", "webp")])
def test_extension_is_the_stored_format_s_whatever_the_upload_was_called(db, fmt, extension):
    photo = Photo.objects.create(image=uploaded(picture(fmt), "anh.html", "text/html"))
    assert re.fullmatch(rf"photos/\d{{4}}/\d{{2}}/[0-9a-f]{{32}}\.{extension}", photo.image.name)


def test_photo_uploaded_in_the_admin_is_stored_under_a_generated_name(admin_client):
    url = reverse("admin:articles_photo_add")
    data = form_data(admin_client.get(url), image=uploaded(picture(), "x.php.png", "image/png"))  # a JPEG
    assert admin_client.post(url, data).status_code == 302
    assert re.fullmatch(rf"photos/\d{{4}}/\d{{2}}/{GENERATED}", Photo.objects.get().image.name)


def test_gallery_upload_is_stored_under_a_generated_name(admin_client):
    unit = OrganizationFactory()
    url = reverse("admin:articles_article_add")
    data = form_data(admin_client.get(url), title="Hội nghị sơ kết", unit=unit.pk, body="<p>Nội dung.</p>")
    data["gallery-0-upload"] = uploaded(picture(), "x.svg", "image/svg+xml")
    assert admin_client.post(url, data).status_code == 302
    assert re.fullmatch(rf"photos/\d{{4}}/\d{{2}}/{GENERATED}", Photo.objects.get().image.name)


def test_portrait_is_stored_under_a_generated_name(db):
    person = Person.objects.create(full_name="Nguyễn Văn A", photo=uploaded(picture(), ".htaccess"))
    assert re.fullmatch(rf"people/{GENERATED}", person.photo.name)


def views_of(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from views_of(pattern.url_patterns)
        else:
            yield pattern.callback


def test_no_upload_view_but_ours_is_mounted():
    """django-ckeditor-5 has an upload view that stores a file under its own name: the editor posts to ours."""
    modules = {getattr(view, "__module__", "") for view in views_of(get_resolver().url_patterns)}
    assert not any(module.startswith("django_ckeditor_5") for module in modules)
