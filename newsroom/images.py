"""Checks that an upload is a real, reasonably sized JPEG, PNG or WebP image, and keeps only its pixels."""

import io
import secrets
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import ExifTags, Image, ImageOps
from PIL.JpegImagePlugin import get_sampling

try:
    from PIL import ImageCms
except ImportError:  # a Pillow built without Little CMS: profiles are then dropped, not applied
    ImageCms = None

# MPO is the JPEG that phone cameras write with a second picture (depth, preview) inside.
ALLOWED_FORMATS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WebP": "webp"}
SRGB = ImageCms.createProfile("sRGB") if ImageCms else None
SRGB_MODES = {"RGB": "RGB", "RGBA": "RGBA", "CMYK": "RGB"}  # the modes whose profile is applied, and the result


def validate_image(file):
    """Raise ValidationError unless `file` is a JPEG, PNG or WebP within the size and pixel limits.

    A file already in storage was checked when it was uploaded and is not read again.
    """
    if getattr(file, "_committed", False):
        return
    size = getattr(file, "size", None)
    if size is not None and size > settings.IMAGE_MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("Tệp ảnh quá lớn (%(size)s); giới hạn là %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(settings.IMAGE_MAX_UPLOAD_BYTES)},
            code="too_large",
        )
    position = file.tell() if hasattr(file, "tell") else None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                image_format, (width, height) = image.format, image.size
                if image_format not in ALLOWED_FORMATS:
                    raise ValidationError(
                        _("Định dạng %(format)s không được chấp nhận; chỉ nhận JPEG, PNG hoặc WebP.")
                        % {"format": image_format or "?"},
                        code="format",
                    )
                if width * height > settings.IMAGE_MAX_PIXELS:
                    raise _too_many_pixels(width, height)
                image.verify()
            if ALLOWED_FORMATS[image_format] == "JPEG":
                # why: verify() does not read JPEG data, so a cut-off file passes it; decode at 1/8 scale instead
                file.seek(0)
                with Image.open(file) as image:
                    image.draft(image.mode, (1, 1))
                    image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            _("Ảnh có kích thước điểm ảnh quá lớn, không thể xử lý an toàn."), code="pixels"
        ) from None
    except ValidationError:
        raise
    except Exception:  # Pillow raises many kinds of errors for non-images and truncated files
        raise ValidationError(
            _("Tệp tải lên không phải là ảnh hợp lệ (JPEG, PNG hoặc WebP) hoặc đã bị hỏng."), code="not_image"
        ) from None
    finally:
        if position is not None:
            file.seek(position)


def sanitized_image(file) -> ContentFile:
    """`file`, checked by `validate_image`, re-encoded in its own format from its pixels alone, under a new random
    name whose extension is that format's: what is stored is an image, and is served as one, whatever it was called.

    Whatever else the file carried goes: bytes appended after the image (a ZIP, a script), comments, text chunks,
    EXIF (its orientation is applied to the pixels first), XMP, a colour profile (applied to the pixels, which
    become sRGB), extra frames.
    """
    validate_image(file)
    file.seek(0)
    with Image.open(file) as original:
        image_format = ALLOWED_FORMATS[original.format]
        options = {}
        if image_format == "JPEG":  # the original's quantization: re-encoding loses as little as it can
            options = {"qtables": original.quantization, "subsampling": get_sampling(original)}
        elif image_format == "WebP":
            options = {"quality": 90}
        turned = original.getexif().get(ExifTags.Base.Orientation, 1) != 1
        image = in_srgb(ImageOps.exif_transpose(original) if turned else original)
        # why: Pillow writes some of what it read (a JPEG comment, a PNG profile) unless `info` no longer has it
        image.info = {key: value for key, value in image.info.items() if key == "transparency"}
        output = io.BytesIO()
        image.save(output, image_format, **options)
    file.seek(0)
    return ContentFile(output.getvalue(), name=f"{secrets.token_hex(16)}.{EXTENSIONS[image_format]}")


def in_srgb(image):
    """`image` with its colour profile applied: sRGB pixels, which is what a browser assumes of an image without one.

    A profile that Little CMS cannot read, or of a mode it cannot convert, is ignored.
    """
    profile = image.info.get("icc_profile")
    if not profile or ImageCms is None or image.mode not in SRGB_MODES:
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        return ImageCms.profileToProfile(image, source, SRGB, outputMode=SRGB_MODES[image.mode])
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return image


def _too_many_pixels(width, height):
    limit = f"{settings.IMAGE_MAX_PIXELS / 1_000_000:g}".replace(".", ",")
    return ValidationError(
        _("Ảnh %(width)s×%(height)s điểm ảnh vượt giới hạn %(limit)s triệu điểm ảnh.")
        % {"width": width, "height": height, "limit": limit},
        code="pixels",
    )


class ImageField(models.ImageField):
    """Django's ImageField, except that a new file is stored as `sanitized_image` makes it, under the name it gives,
    and that an image too large for Pillow to open leaves its width and height unknown instead of crashing when
    assigned: `validate_image` then refuses it with a message."""

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        # why: only the Python side differs, so migrations keep Django's field and need no change for it
        return name, "django.db.models.ImageField", args, kwargs

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            file.file = sanitized_image(file.file)
            file.name = file.file.name
        return super().pre_save(model_instance, add)

    def update_dimension_fields(self, instance, force=False, *args, **kwargs):
        try:
            super().update_dimension_fields(instance, force, *args, **kwargs)
        except Image.DecompressionBombError:
            pass
