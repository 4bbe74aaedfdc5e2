import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from articles.models import Photo
from newsroom.images import validate_image
from tests.factories import PhotoFactory


def upload(name, data, content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def drawn(fmt, size=(120, 80), mode="RGB", **options):
    buffer = io.BytesIO()
    image = Image.new(mode, size, {"1": 1, "L": 128}.get(mode, (30, 120, 200)))
    if mode == "RGB":
        image.paste((200, 30, 30), (10, 10, 60, 40))
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def refusal(file):
    with pytest.raises(ValidationError) as error:
        validate_image(file)
    return error.value


@pytest.mark.parametrize(
    ("name", "fmt", "content_type"),
    [("anh.jpg", "JPEG", "image/jpeg"), ("anh.png", "PNG", "image/png"), ("anh.webp", "WEBP", "image/webp")],
)
def test_real_images_are_accepted(name, fmt, content_type):
    validate_image(upload(name, drawn(fmt), content_type))


def test_grayscale_jpeg_is_accepted():
    validate_image(upload("anh.jpg", drawn("JPEG", mode="L")))


def test_progressive_jpeg_is_accepted():
    validate_image(upload("anh.jpg", drawn("JPEG", progressive=True)))


def test_phone_camera_jpeg_with_several_pictures_is_accepted():
    buffer = io.BytesIO()
    first, second = Image.new("RGB", (60, 40), "red"), Image.new("RGB", (60, 40), "blue")
    first.save(buffer, "MPO", save_all=True, append_images=[second])
    validate_image(upload("IMG_0001.jpg", buffer.getvalue()))


def test_text_file_named_jpg_is_refused_in_vietnamese():
    error = refusal(upload("anh.jpg", "Đây không phải là ảnh".encode()))
    assert error.messages == ["Tệp tải lên không phải là ảnh hợp lệ (JPEG, PNG hoặc WebP) hoặc đã bị hỏng."]


def test_empty_file_is_refused():
    assert refusal(upload("anh.jpg", b"")).code == "not_image"


def test_gif_is_refused():
    error = refusal(upload("anh.gif", drawn("GIF"), "image/gif"))
    assert error.messages == ["Định dạng GIF không được chấp nhận; chỉ nhận JPEG, PNG hoặc WebP."]


def test_gif_named_jpg_is_refused():
    assert refusal(upload("anh.jpg", drawn("GIF"))).code == "format"


def test_bmp_is_refused():
    assert refusal(upload("anh.bmp", drawn("BMP"), "image/bmp")).code == "format"


def test_svg_is_refused():
    svg = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="9"/></svg>'
    assert refusal(upload("logo.svg", svg, "image/svg+xml")).code == "not_image"


def test_html_named_png_is_refused():
    assert refusal(upload("anh.png", b"<html><script>alert(1)</script></html>", "image/png")).code == "not_image"


def test_file_over_the_upload_limit_is_refused(settings):
    settings.IMAGE_MAX_UPLOAD_BYTES = 1000
    data = drawn("PNG", size=(300, 300), mode="RGB", compress_level=0)
    error = refusal(upload("anh.png", data, "image/png"))
    assert (error.code, error.messages[0].startswith("Tệp ảnh quá lớn")) == ("too_large", True)


def test_file_just_at_the_upload_limit_is_accepted(settings):
    data = drawn("PNG")
    settings.IMAGE_MAX_UPLOAD_BYTES = len(data)
    validate_image(upload("anh.png", data, "image/png"))


def test_image_with_more_pixels_than_allowed_is_refused(settings):
    settings.IMAGE_MAX_PIXELS = 1_000_000
    data = drawn("PNG", size=(2000, 1000), mode="1")
    error = refusal(upload("anh.png", data, "image/png"))
    assert error.code == "pixels"
    assert error.messages == ["Ảnh 2000×1000 điểm ảnh vượt giới hạn 1 triệu điểm ảnh."]


def test_limit_below_a_million_pixels_is_printed_as_a_fraction(settings):
    settings.IMAGE_MAX_PIXELS = 500_000
    error = refusal(upload("anh.png", drawn("PNG", size=(1000, 1000), mode="1"), "image/png"))
    assert "vượt giới hạn 0,5 triệu điểm ảnh" in error.messages[0]


def test_huge_pixel_png_small_on_disk_is_refused(settings):
    settings.IMAGE_MAX_PIXELS = 10_000_000
    data = drawn("PNG", size=(10_000, 10_000), mode="1")
    assert len(data) < settings.IMAGE_MAX_UPLOAD_BYTES
    assert refusal(upload("anh.png", data, "image/png")).code == "pixels"


def test_decompression_bomb_beyond_pillow_limit_is_refused_not_crashing():
    data = drawn("PNG", size=(20_000, 20_000), mode="1")
    assert len(data) < 1_000_000
    error = refusal(upload("bom.png", data, "image/png"))
    assert error.messages == ["Ảnh có kích thước điểm ảnh quá lớn, không thể xử lý an toàn."]


@pytest.mark.parametrize("keep", [0.5, 0.9])
def test_truncated_jpeg_is_refused(keep):
    data = drawn("JPEG", size=(400, 300))
    assert refusal(upload("anh.jpg", data[: int(len(data) * keep)])).code == "not_image"


def test_truncated_png_is_refused():
    data = drawn("PNG", size=(400, 300))
    assert refusal(upload("anh.png", data[: len(data) // 2], "image/png")).code == "not_image"


def test_truncated_webp_is_refused():
    data = drawn("WEBP", size=(400, 300))
    assert refusal(upload("anh.webp", data[: len(data) // 2], "image/webp")).code == "not_image"


def test_file_position_is_restored_after_validation():
    file = upload("anh.jpg", drawn("JPEG"))
    file.seek(7)
    validate_image(file)
    assert file.tell() == 7


def test_file_position_is_restored_after_refusal():
    file = upload("anh.gif", drawn("GIF"), "image/gif")
    file.seek(3)
    refusal(file)
    assert file.tell() == 3


def test_validated_upload_can_still_be_read_whole():
    data = drawn("PNG")
    file = upload("anh.png", data, "image/png")
    validate_image(file)
    assert file.read() == data


def test_photo_with_a_bad_file_gets_the_error_on_its_image_field(db):
    photo = Photo(image=upload("anh.jpg", b"not an image"))
    with pytest.raises(ValidationError) as error:
        photo.full_clean()
    assert list(error.value.message_dict) == ["image"]


def test_photo_with_a_decompression_bomb_gets_the_error_on_its_image_field(db):
    photo = Photo(image=upload("bom.png", drawn("PNG", size=(20_000, 20_000), mode="1"), "image/png"))
    with pytest.raises(ValidationError) as error:
        photo.full_clean()
    assert error.value.message_dict["image"] == ["Ảnh có kích thước điểm ảnh quá lớn, không thể xử lý an toàn."]


def test_photo_with_a_real_image_passes_full_clean(db):
    Photo(image=upload("anh.webp", drawn("WEBP"), "image/webp")).full_clean()


def test_stored_photo_can_be_edited_after_the_upload_limit_was_lowered(db, settings):
    photo = PhotoFactory()
    settings.IMAGE_MAX_UPLOAD_BYTES = 10
    photo = Photo.objects.get(pk=photo.pk)
    photo.credit = "Thiệu Phan"
    photo.full_clean()
