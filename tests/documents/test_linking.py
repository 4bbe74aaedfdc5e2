import io
from datetime import date, datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from articles.models import Article
from documents.files import validate_document_file
from documents.models import Citation, Document
from documents.services import link_citations
from tests.factories import ArticleFactory

from .factories import DocumentFactory, docx_file, pdf_file

pytestmark = pytest.mark.django_db

BODY = (
    "<p>Tiếp tục thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị gắn với Nghị quyết Trung ương 4 (khóa XII); "
    "Chương trình hành động ban hành kèm theo Quyết định số 89/QĐ-UBND ngày 20/01/2021 của UBND tỉnh.</p>"
)


def test_saving_an_article_stores_its_citations_linked_where_the_library_has_them():
    directive = DocumentFactory(form=Document.Form.CHI_THI, number="05-CT/TW")
    article = ArticleFactory(body=BODY)
    cited = {c.key: c.document for c in article.citations.all()}
    assert cited == {"chi_thi:5-CT/TW": directive, "nghi_quyet:tw4:XII": None, "quyet_dinh:89/QD-UBND": None}


def test_the_articles_citing_a_document_are_one_query(django_assert_num_queries):
    directive = DocumentFactory(form=Document.Form.CHI_THI, number="05-CT/TW")
    ArticleFactory.create_batch(3, body=BODY)
    with django_assert_num_queries(1):
        assert len(list(Article.objects.filter(citations__document=directive))) == 3


def test_editing_the_text_updates_the_citations():
    article = ArticleFactory(body=BODY)
    article.body = "<p>Thực hiện Kết luận số 21-KL/TW.</p>"
    article.save()
    assert [c.key for c in article.citations.all()] == ["ket_luan:21-KL/TW"]


def test_a_document_added_later_takes_the_citations_that_waited_for_it():
    article = ArticleFactory(body=BODY)
    resolution = DocumentFactory(
        form=Document.Form.NGHI_QUYET, number="04-NQ/TW", issued_on=date(2016, 10, 30), plenum=4, central_term="xii"
    )
    assert article.citations.get(key="nghi_quyet:tw4:XII").document == resolution


def test_the_printed_date_picks_the_year_of_a_number_used_every_year():
    DocumentFactory(form=Document.Form.QUYET_DINH, number="89/QĐ-UBND", issued_on=date(2020, 1, 15))
    meant = DocumentFactory(form=Document.Form.QUYET_DINH, number="89/QĐ-UBND", issued_on=date(2021, 1, 20))
    article = ArticleFactory(body=BODY)
    assert article.citations.get(key="quyet_dinh:89/QD-UBND").document == meant


def test_without_a_date_the_newest_issued_before_the_article_is_meant():
    older = DocumentFactory(form=Document.Form.CHI_THI, number="05-CT/TW", issued_on=date(2016, 5, 15))
    DocumentFactory(form=Document.Form.CHI_THI, number="05-CT/TW", issued_on=date(2026, 1, 1))
    article = ArticleFactory(body=BODY, published_at=timezone.make_aware(datetime(2021, 7, 9, 12)))
    assert article.citations.get(key="chi_thi:5-CT/TW").document == older


def test_a_waiting_citation_of_another_year_is_not_taken():
    article = ArticleFactory(body=BODY)
    DocumentFactory(form=Document.Form.QUYET_DINH, number="89/QĐ-UBND", issued_on=date(2019, 1, 20))
    assert article.citations.get(key="quyet_dinh:89/QD-UBND").document is None


def test_linking_many_articles_at_once_replaces_their_citations():
    articles = ArticleFactory.create_batch(2, body=BODY)
    Citation.objects.all().delete()
    link_citations(articles=articles)
    assert Citation.objects.count() == 6


def test_public_hides_internal_documents():
    DocumentFactory(summary="công khai")
    DocumentFactory(summary="nội bộ", is_public=False)
    assert [d.summary for d in Document.objects.public()] == ["công khai"]


def test_search_ignores_diacritics():
    DocumentFactory(number="05-CT/TW", summary="Về đẩy mạnh học tập và làm theo tư tưởng Hồ Chí Minh")
    DocumentFactory(summary="Về công tác kiểm tra")
    assert [d.number for d in Document.objects.search("chi thi 05 hoc tap")] == ["05-CT/TW"]


def test_a_document_cannot_expire_before_it_is_issued():
    document = DocumentFactory.build(issued_on=date(2021, 5, 1), expires_on=date(2021, 4, 1))
    document.issuer.save()
    with pytest.raises(ValidationError, match="Ngày hết hiệu lực phải sau ngày ban hành"):
        document.full_clean()


def test_the_status_says_replaced_expired_or_in_force():
    new = DocumentFactory()
    assert DocumentFactory(replaced_by=new).status() == "Đã được thay thế"
    assert DocumentFactory(issued_on=date(2016, 1, 1), expires_on=date(2020, 1, 1)).status() == "Hết hiệu lực"
    assert new.status() == "Còn hiệu lực"


def test_the_slug_reads_as_the_document():
    assert DocumentFactory(number="05-CT/TW", issued_on=date(2016, 5, 15)).slug == "chi-thi-05-ct-tw-2016"


@pytest.mark.parametrize("make", [pdf_file, docx_file])
def test_pdf_and_docx_files_are_accepted(make):
    validate_document_file(make())


def test_an_imported_seed_is_linked_to_the_library(seeds):
    directive = DocumentFactory(form=Document.Form.CHI_THI, number="05-CT/TW", issued_on=date(2016, 5, 15))
    resolution = DocumentFactory(
        form=Document.Form.NGHI_QUYET, number="04-NQ/TW", issued_on=date(2016, 10, 30), plenum=4, central_term="XII"
    )
    call_command("import_articles", str(next(seeds.glob("001_*.txt"))), stdout=io.StringIO())
    article = Article.objects.get()
    assert {c.document for c in article.citations.all()} == {directive, resolution}
