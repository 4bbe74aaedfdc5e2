import io
import zipfile
from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from documents.models import Document, DocumentFile, Issuer
from newsroom.roles import EDITOR
from tests.admin_forms import form_data
from tests.conftest import sign_in
from tests.factories import ArticleFactory, OrganizationFactory, StaffAssignmentFactory, UserFactory, image_file

from .factories import DocumentFactory, IssuerFactory, docx_file, pdf_file

pytestmark = pytest.mark.django_db

ADD = reverse("admin:documents_document_add")


def add_document(admin_client, upload, **fields):
    issuer = Issuer.objects.get_or_create(name="Bộ Chính trị")[0]
    data = form_data(
        admin_client.get(ADD),
        form="chi_thi",
        number="05-CT/TW",
        issuer=issuer.pk,
        issued_on="15/05/2016",
        summary="Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        **fields,
    )
    return admin_client.post(ADD, {**data, "files-0-file": upload})


def file_errors(response):
    return [
        error
        for form in response.context["inline_admin_formsets"][0].formset.forms
        for error in form.errors.get("file", [])
    ]


def test_a_document_is_added_with_its_pdf(admin_client):
    response = add_document(admin_client, pdf_file("chi-thi-05.pdf"))
    assert response.status_code == 302, response.context and response.context["errors"]
    attached = DocumentFile.objects.get()
    assert (attached.document.number, attached.kind, attached.label) == ("05-CT/TW", "pdf", "chi-thi-05.pdf")
    assert attached.file.name.startswith("van-ban/") and "chi-thi" not in attached.file.name


def test_a_docx_is_accepted(admin_client):
    assert add_document(admin_client, docx_file()).status_code == 302
    assert DocumentFile.objects.get().kind == "docx"


def test_a_picture_renamed_to_pdf_is_refused_by_its_content(admin_client):
    picture = image_file()
    response = add_document(admin_client, SimpleUploadedFile("chi-thi.pdf", picture.read()))
    assert response.status_code == 200
    assert "không phải là PDF" in " ".join(file_errors(response))
    assert not Document.objects.exists()


def test_a_file_of_another_type_is_refused_by_its_name(admin_client):
    response = add_document(admin_client, SimpleUploadedFile("chi-thi.doc", b"\xd0\xcf\x11\xe0 old word"))
    assert "chỉ nhận văn bản PDF (.pdf) hoặc Word (.docx)" in " ".join(file_errors(response))


def test_a_zip_that_is_no_word_document_is_refused(admin_client):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "không phải Word")
    response = add_document(admin_client, SimpleUploadedFile("ke-hoach.docx", buffer.getvalue()))
    assert "không phải là Word (.docx)" in " ".join(file_errors(response))


def test_an_oversize_file_is_refused_with_the_limit(admin_client, settings):
    settings.DOCUMENT_MAX_UPLOAD_BYTES = 1024
    response = add_document(admin_client, pdf_file(size=2048))
    errors = " ".join(file_errors(response))
    assert "Tệp quá lớn" in errors and "tối đa 1,0\xa0KB" in errors
    assert not Document.objects.exists()


def test_the_article_form_lists_citations_with_a_link_or_an_offer_to_add(admin_client):
    known = DocumentFactory(form=Document.Form.CHI_THI, number="05-CT/TW", issued_on=date(2016, 5, 15))
    article = ArticleFactory(
        body="<p>Thực hiện Chỉ thị số 05-CT/TW và Quyết định số 89/QĐ-UBND ngày 20/01/2021 của UBND tỉnh.</p>"
    )
    page = admin_client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert "Văn bản được trích dẫn" in page
    assert reverse("admin:documents_document_change", args=[known.pk]) in page
    assert "Thêm vào thư viện" in page
    assert f"{ADD}?form=quyet_dinh&amp;number=89%2FQ%C4%90-UBND&amp;issued_on=20%2F01%2F2021" in page


def test_the_prefilled_add_form_creates_the_cited_document_in_one_save(admin_client):
    article = ArticleFactory(body="<p>Theo Quyết định số 89/QĐ-UBND ngày 20/01/2021 của UBND tỉnh.</p>")
    prefilled = admin_client.get(ADD + "?form=quyet_dinh&number=89%2FQ%C4%90-UBND&issued_on=20%2F01%2F2021")
    issuer = IssuerFactory(name="UBND tỉnh")
    data = form_data(prefilled, issuer=issuer.pk, summary="Ban hành Chương trình hành động năm 2021")
    assert admin_client.post(ADD, data).status_code == 302
    assert article.citations.get().document.number == "89/QĐ-UBND"


def test_saving_the_article_in_the_admin_keeps_working_with_the_citations_panel(admin_client):
    article = ArticleFactory(status="draft", body="<p>Thực hiện Chỉ thị số 05-CT/TW.</p>")
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(admin_client.get(url), body="<p>Thực hiện Kết luận số 21-KL/TW.</p>")
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    assert [c.text for c in article.citations.all()] == ["Kết luận số 21-KL/TW"]


def test_the_same_document_twice_is_refused_in_words(admin_client):
    add_document(admin_client, pdf_file())
    response = add_document(admin_client, pdf_file())
    assert "Đã có văn bản số, ký hiệu này của cơ quan này, ban hành cùng ngày." in response.content.decode()


def test_a_reporter_sees_the_citations_of_his_article_and_may_add_the_missing_one(client):
    unit = OrganizationFactory()
    user = UserFactory()
    user.groups.add(Group.objects.get(name=EDITOR))
    StaffAssignmentFactory(user=user, organization=unit)
    sign_in(client, user)
    article = ArticleFactory(unit=unit, status="draft", body="<p>Theo Quyết định số 89/QĐ-UBND ngày 20/01/2021.</p>")
    page = client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert "Quyết định số 89/QĐ-UBND ngày 20/01/2021" in page and "Thêm vào thư viện" in page
    assert client.get(ADD + "?form=quyet_dinh&number=89%2FQ%C4%90-UBND").status_code == 200
