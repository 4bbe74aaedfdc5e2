"""Checks that an upload is a real, reasonably sized JPEG, PNG or WebP image before anything keeps it."""

import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image

ALLOWED_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}


def validate_image(file):
    """Raise ValidationError unless `file` is a JPEG, PNG or WebP within the size and pixel limits."""
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
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(_("Ảnh có kích thước điểm ảnh quá lớn, không thể xử lý an toàn."), code="pixels") from None
    except ValidationError:
        raise
    except Exception:  # Pillow raises many kinds of errors for non-images and truncated files
        raise ValidationError(
            _("Tệp tải lên không phải là ảnh hợp lệ (JPEG, PNG hoặc WebP) hoặc đã bị hỏng."), code="invalid"
        ) from None
    finally:
        if position is not None:
            file.seek(position)


def _too_many_pixels(width, height):
    return ValidationError(
        _("Ảnh %(width)s×%(height)s điểm ảnh vượt giới hạn %(limit)s triệu điểm ảnh.")
        % {"width": width, "height": height, "limit": settings.IMAGE_MAX_PIXELS // 1_000_000},
        code="pixels",
    )
