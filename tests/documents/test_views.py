from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from documents.models import Document
from tests.articles.test_sitemaps import sitemap
from tests.factories import ArticleFactory, OrganizationFactory

from .factories import DocumentFactory, DocumentFileFactory, FieldFactory, IssuerFactory, docx_file

pytestmark = pytest.mark.django_db

LIST = reverse("documents:list")


def listed(client, query=""):
    response = client.get(LIST + query)
    assert response.status_code == 200
    return [d.number for d in response.context["object_list"]]


@pytest.fixture
def library():
    politburo = IssuerFactory(name="Bộ Chính trị")
    province = IssuerFactory(name="UBND tỉnh")
    party = FieldFactory(name="Xây dựng Đảng")
    directive = DocumentFactory(number="05-CT/TW", issuer=politburo, issued_on=date(2016, 5, 15))
    directive.fields.add(party)
    DocumentFactory(
        form=Document.Form.QUYET_DINH,
        number="89/QĐ-UBND",
        issuer=province,
        issued_on=date(2021, 1, 20),
        summary="Ban hành Chương trình hành động thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2021",
    )
    DocumentFactory(number="99-CT/TW", issuer=politburo, is_public=False, summary="Văn bản mật")
    return {"politburo": politburo, "province": province, "party": party, "directive": directive}


def test_the_list_shows_public_documents_newest_first(client, library):
    assert listed(client) == ["89/QĐ-UBND", "05-CT/TW"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?form=quyet_dinh", ["89/QĐ-UBND"]),
        ("?issuer=bo-chinh-tri", ["05-CT/TW"]),
        ("?year=2021", ["89/QĐ-UBND"]),
        ("?field=xay-dung-dang", ["05-CT/TW"]),
        ("?q=chuong+trinh+hanh+dong+kinh+te", ["89/QĐ-UBND"]),
        ("?q=chi+thi+05", ["05-CT/TW"]),
        ("?q=van+ban+mat", []),
        ("?form=chi_thi&year=2016&issuer=bo-chinh-tri", ["05-CT/TW"]),
    ],
)
def test_the_filters_compose_and_ignore_diacritics(client, library, query, expected):
    assert listed(client, query) == expected


@pytest.mark.parametrize("query", ["?year=abc", "?year=1800", "?form=khong-co", "?issuer=khong-co", "?q=" + "x" * 300])
def test_a_bad_filter_is_explained_not_an_error(client, library, query):
    response = client.get(LIST + query)
    assert response.status_code == 200
    assert "Bộ lọc có giá trị không hợp lệ" in response.content.decode()


def test_the_detail_shows_the_facts_files_replacements_and_citing_articles(client, library):
    directive = library["directive"]
    newer = DocumentFactory(number="05-CT/TW", issued_on=date(2021, 6, 1), issuer=library["politburo"])
    old = DocumentFactory(number="03-CT/TW", issued_on=date(2011, 5, 14), issuer=library["politburo"])
    old.replaced_by = directive
    old.save()
    directive.replaced_by = newer
    directive.signer_name, directive.signer_title = "Đinh Thế Huynh", "T/M Bộ Chính trị"
    directive.save()
    DocumentFileFactory(document=directive, label="Chỉ thị 05.pdf")
    published = ArticleFactory(
        title="Quán triệt Chỉ thị 05",
        body="<p>Chỉ thị số 05-CT/TW ngày 15/5/2016</p>",
        published_at=timezone.make_aware(timezone.datetime(2021, 7, 1)),
    )
    ArticleFactory(title="Bản nháp", status=Article.Status.DRAFT, body="<p>Chỉ thị số 05-CT/TW ngày 15/5/2016</p>")

    page = client.get(directive.get_absolute_url()).content.decode()

    assert "Chỉ thị số 05-CT/TW" in page and "Bộ Chính trị" in page and "15/05/2016" in page
    assert "Đinh Thế Huynh (T/M Bộ Chính trị)" in page and "Đã được thay thế" in page
    assert newer.get_absolute_url() in page and old.get_absolute_url() in page
    assert reverse("documents:download", args=[directive.slug, directive.files.get().pk]) in page
    assert published.get_absolute_url() in page and "Bản nháp" not in page


def test_an_internal_document_is_not_found(client, library):
    internal = Document.objects.get(number="99-CT/TW")
    assert client.get(internal.get_absolute_url()).status_code == 404


def test_the_file_downloads_under_a_readable_name_and_runs_nothing(client, library):
    attached = DocumentFileFactory(document=library["directive"], file=docx_file("Chỉ thị 05.docx"))
    response = client.get(reverse("documents:download", args=[library["directive"].slug, attached.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"] and "docx" in response["Content-Disposition"]
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content).startswith(b"PK")


def test_the_file_of_an_internal_document_is_not_served(client, library):
    internal = Document.objects.get(number="99-CT/TW")
    attached = DocumentFileFactory(document=internal)
    assert client.get(reverse("documents:download", args=[internal.slug, attached.pk])).status_code == 404


def measure(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_list_and_detail_run_as_many_queries_with_many_rows_as_with_few(client, library):
    directive = library["directive"]
    unit = OrganizationFactory()
    IssuerFactory(name="Tỉnh ủy", unit=unit)
    pages = [LIST, LIST + "?q=chi+thi&field=xay-dung-dang", directive.get_absolute_url()]
    ArticleFactory(body="<p>Chỉ thị số 05-CT/TW</p>")
    DocumentFileFactory(document=directive)
    few = [measure(client, url) for url in pages]
    for n in range(15):
        document = DocumentFactory(issuer=library["politburo"], replaced_by=directive)
        document.fields.add(library["party"], FieldFactory())
        DocumentFileFactory(document=directive)
        ArticleFactory(body="<p>Chỉ thị số 05-CT/TW</p>", published_at=timezone.now() - timedelta(hours=n + 2))
    assert [measure(client, url) for url in pages] == few


def test_an_article_page_lists_the_public_documents_it_cites(client, library):
    article = ArticleFactory(body="<p>Thực hiện Chỉ thị số 05-CT/TW và Chỉ thị số 99-CT/TW.</p>")
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Văn bản được nhắc đến" in page and library["directive"].get_absolute_url() in page
    assert "99-CT/TW</a>" not in page


def test_every_page_leads_to_the_library_in_the_menu_and_to_the_schedule_in_the_footer(client, db):
    page = client.get(reverse("articles:home")).content.decode()
    assert f'href="{LIST}"' in page and f'href="{reverse("statutory:schedule")}"' in page


def test_the_citing_articles_come_page_by_page(client, library):
    ArticleFactory.create_batch(23, body="<p>Chỉ thị số 05-CT/TW</p>")
    url = library["directive"].get_absolute_url()
    assert len(client.get(url).context["object_list"]) == 20
    assert len(client.get(url + "?page=2").context["object_list"]) == 3


def test_the_sitemap_lists_public_documents_only(client, library):
    addresses = sitemap(client)  # every page of every section of the index
    assert library["directive"].get_absolute_url() in addresses
    assert Document.objects.get(number="99-CT/TW").get_absolute_url() not in addresses


def test_a_label_with_slashes_is_one_file_name(library):
    attached = DocumentFileFactory(document=library["directive"], label="Chỉ thị số 05-CT/TW.pdf")
    assert attached.download_name == "Chỉ thị số 05-CT-TW.pdf"
