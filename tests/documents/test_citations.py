from datetime import date

import pytest

from documents.citations import find_citations


@pytest.mark.parametrize(
    ("text", "form", "number", "issued_on"),
    [
        ("thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị", "chi_thi", "05-CT/TW", None),
        ("quán triệt Nghị quyết số 06-NQ/TU của Tỉnh ủy", "nghi_quyet", "06-NQ/TU", None),
        (
            "kèm theo Quyết định số 89/QĐ-UBND ngày 20/01/2021 của UBND tỉnh",
            "quyet_dinh",
            "89/QĐ-UBND",
            date(2021, 1, 20),
        ),
        ("theo Kết luận số 21-KL/TW của Hội nghị Trung ương 4", "ket_luan", "21-KL/TW", None),
        ("Quy định số 124-QĐ/TW về giám sát", "quy_dinh", "124-QĐ/TW", None),
        ("Quyết định 2034/QĐ-UBND ngày 5 tháng 3 năm 2020", "quyet_dinh", "2034/QĐ-UBND", date(2020, 3, 5)),
        ("chỉ thị 05-CT/TW", "chi_thi", "05-CT/TW", None),
    ],
)
def test_numbered_citations_are_found_with_form_number_and_date(text, form, number, issued_on):
    [cited] = find_citations(text)
    assert (cited.form, cited.number, cited.issued_on) == (form, number, issued_on)


@pytest.mark.parametrize(
    "text",
    [
        "Nghị quyết Trung ương 4 khóa XII",
        "Nghị quyết Trung ương 4 (khóa XII)",
        "Nghị quyết Trung ương 4 khoá XII",
        "Nghị quyết Hội nghị Trung ương 4, khóa XII",
        "Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII",
    ],
)
def test_a_resolution_named_by_its_plenum_is_one_key_however_written(text):
    [cited] = find_citations(f"Tiếp tục thực hiện {text} về xây dựng, chỉnh đốn Đảng.")
    assert (cited.plenum, cited.central_term, cited.key) == (4, "XII", "nghi_quyet:tw4:XII")


def test_the_same_number_typed_differently_is_one_citation():
    found = find_citations("Chỉ thị số 05-CT/TW ... theo Chỉ thị 5-CT/TW")
    assert [c.key for c in found] == ["chi_thi:5-CT/TW"]


def test_a_later_mention_with_its_date_gives_the_date():
    [cited] = find_citations("Quyết định số 89/QĐ-UBND ... Quyết định số 89/QĐ-UBND ngày 20/01/2021")
    assert cited.issued_on == date(2021, 1, 20)


def test_an_impossible_date_is_left_out_not_an_error():
    [cited] = find_citations("Quyết định số 89/QĐ-UBND ngày 31/02/2021")
    assert cited.issued_on is None


def test_words_that_are_no_citation_are_left_alone():
    text = "Nghị quyết Đại hội XIII của Đảng; Nghị quyết 6 tháng đầu năm; quyết định số lượng; Hội nghị Trung ương"
    assert find_citations(text) == []


SEED_CITATIONS = {
    0: {"nghi_quyet:tw4:XII", "quyet_dinh:89/QD-UBND"},
    1: {"chi_thi:5-CT/TW", "nghi_quyet:tw4:XII"},
    2: set(),
    3: set(),
    4: set(),
}


@pytest.mark.parametrize("number", sorted(SEED_CITATIONS))
def test_the_five_seeds_cite_exactly_their_documents(seed_text, number):
    found = find_citations(seed_text(number))
    assert {cited.key for cited in found} == SEED_CITATIONS[number]


def test_the_seed_decision_keeps_its_date(seed_text):
    [decision] = [c for c in find_citations(seed_text(0)) if c.form == "quyet_dinh"]
    assert (decision.text, decision.issued_on) == ("Quyết định số 89/QĐ-UBND ngày 20/01/2021", date(2021, 1, 20))


def test_a_date_on_the_next_line_is_not_the_documents():
    [cited] = find_citations("Sắp xếp bộ máy theo Nghị quyết 18-NQ/TW\nNgày 20/1/2025, Ban Thường vụ Tỉnh ủy họp.")
    assert (cited.text, cited.issued_on) == ("Nghị quyết 18-NQ/TW", None)


def test_the_number_is_kept_as_printed():
    [cited] = find_citations("theo Quy định số 08-QĐi/TW về nêu gương")
    assert (cited.number, cited.key) == ("08-QĐi/TW", "quy_dinh:8-QDI/TW")


def test_the_citation_text_ends_with_the_term():
    [cited] = find_citations("Nghị quyết Trung ương 4 khóa XIII về xây dựng Đảng")
    assert cited.text == "Nghị quyết Trung ương 4 khóa XIII"


def test_text_pasted_from_word_in_decomposed_form_is_read():
    import unicodedata

    [cited] = find_citations(unicodedata.normalize("NFD", "Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị"))
    assert (cited.form, cited.text) == ("chi_thi", "Chỉ thị số 05-CT/TW")
