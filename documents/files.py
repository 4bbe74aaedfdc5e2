"""Attached files of documents: PDF or DOCX only, judged by their content as well as their name, within a size."""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

PDF, DOCX = "pdf", "docx"
CONTENT_TYPES = {
    PDF: "application/pdf",
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def file_kind(upload):
    """PDF or DOCX as the bytes say, or None: a renamed picture or a .doc saved as .docx is neither."""
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if head == b"%PDF-":
        return PDF
    if head[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(upload) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        finally:
            upload.seek(0)
        if {"[Content_Types].xml", "word/document.xml"} <= names:
            return DOCX
    return None


def validate_document_file(upload):
    name = getattr(upload, "name", "") or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in CONTENT_TYPES:
        raise ValidationError(
            _("Tệp “%(name)s” không được nhận: chỉ nhận văn bản PDF (.pdf) hoặc Word (.docx)."),
            params={"name": name.rsplit("/", 1)[-1]},
            code="extension",
        )
    limit = settings.DOCUMENT_MAX_UPLOAD_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("Tệp quá lớn (%(size)s): tối đa %(limit)s. Hãy nén hoặc chia nhỏ tệp rồi tải lên lại."),
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="size",
        )
    if upload.size == 0:
        raise ValidationError(_("Tệp rỗng: hãy chọn lại tệp văn bản."), code="empty")
    kind = file_kind(upload)
    if kind != extension:
        expected = "PDF" if extension == PDF else "Word (.docx)"
        raise ValidationError(
            _(
                "Nội dung tệp “%(name)s” không phải là %(expected)s dù tên tệp có đuôi .%(extension)s. "
                "Hãy mở tệp và lưu lại đúng định dạng (PDF hoặc .docx) rồi tải lên lại."
            ),
            params={"name": name.rsplit("/", 1)[-1], "expected": expected, "extension": extension},
            code="content",
        )
