"""Checks that an upload is a real, reasonably sized JPEG, PNG or WebP image, and keeps only its pixels."""

import io
import re
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import ExifTags, Image, ImageOps
from PIL.JpegImagePlugin import get_sampling

# MPO is the JPEG that phone cameras write with a second picture (depth, preview) inside.
ALLOWED_FORMATS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
MARKUP = re.compile(rb"<\s*(?:script|html|body|svg|iframe|!doctype|\?php)", re.IGNORECASE)


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
    """`file`, checked by `validate_image`, re-encoded in its own format from its pixels alone.

    Whatever else the file carried goes: bytes appended after the image (a ZIP, a script), comments, text chunks,
    EXIF (its orientation is applied to the pixels first), XMP, extra frames. A colour profile is kept, unless it
    contains markup.
    """
    validate_image(file)
    file.seek(0)
    with Image.open(file) as original:
        image_format = ALLOWED_FORMATS[original.format]
        icc_profile = original.info.get("icc_profile")
        options = {"icc_profile": None if icc_profile and MARKUP.search(icc_profile) else icc_profile}
        if image_format == "JPEG":  # the original's quantization: re-encoding loses as little as it can
            options |= {"qtables": original.quantization, "subsampling": get_sampling(original), "comment": b""}
        elif image_format == "WebP":
            options["quality"] = 90
        turned = original.getexif().get(ExifTags.Base.Orientation, 1) != 1
        image = ImageOps.exif_transpose(original) if turned else original
        output = io.BytesIO()
        image.save(output, image_format, **options)
    file.seek(0)
    return ContentFile(output.getvalue(), name=file.name)


def _too_many_pixels(width, height):
    limit = f"{settings.IMAGE_MAX_PIXELS / 1_000_000:g}".replace(".", ",")
    return ValidationError(
        _("Ảnh %(width)s×%(height)s điểm ảnh vượt giới hạn %(limit)s triệu điểm ảnh.")
        % {"width": width, "height": height, "limit": limit},
        code="pixels",
    )


class ImageField(models.ImageField):
    """Django's ImageField, except that a new file is stored as `sanitized_image` makes it, and that an image too
    large for Pillow to open leaves its width and height unknown instead of crashing when assigned:
    `validate_image` then refuses it with a message."""

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        # why: only the Python side differs, so migrations keep Django's field and need no change for it
        return name, "django.db.models.ImageField", args, kwargs

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            file.file = sanitized_image(file.file)
        return super().pre_save(model_instance, add)

    def update_dimension_fields(self, instance, force=False, *args, **kwargs):
        try:
            super().update_dimension_fields(instance, force, *args, **kwargs)
        except Image.DecompressionBombError:
            pass
