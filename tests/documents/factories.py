import io
import zipfile
from datetime import date

import factory
from django.core.files.uploadedfile import SimpleUploadedFile

from documents.models import Document, DocumentFile, Field, Issuer


def pdf_file(name="van-ban.pdf", size=None):
    content = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    if size:
        content += b"0" * (size - len(content))
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def docx_file(name="van-ban.docx"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/octet-stream")


class IssuerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Issuer

    name = factory.Sequence(lambda n: f"Cơ quan ban hành số {n}")


class FieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Field

    name = factory.Sequence(lambda n: f"Lĩnh vực {n}")


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    form = Document.Form.CHI_THI
    number = factory.Sequence(lambda n: f"{n + 100}-CT/TW")
    issuer = factory.SubFactory(IssuerFactory)
    issued_on = date(2016, 5, 15)
    summary = "Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"


class DocumentFileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DocumentFile

    document = factory.SubFactory(DocumentFactory)
    file = factory.LazyFunction(pdf_file)
