import re
import unicodedata

from newsroom.text import fold, given_name_sort_key, nfc, normalize_tone, slugify_vi, tone_key


def nfd(value):
    return unicodedata.normalize("NFD", value)


def test_nfc_composes_decomposed_text():
    decomposed = nfd("Hội nghị")
    assert decomposed != "Hội nghị"
    assert nfc(decomposed) == "Hội nghị"


def test_nfc_passes_none_through():
    assert nfc(None) is None


def test_normalize_tone_moves_tone_of_uy():
    assert normalize_tone("Tỉnh uỷ") == "Tỉnh ủy"


def test_normalize_tone_moves_tone_of_oa():
    assert normalize_tone("khoá, hoà, hoạ") == "khóa, hòa, họa"


def test_normalize_tone_moves_tone_of_oe():
    assert normalize_tone("oè khoẻ") == "òe khỏe"


def test_normalize_tone_keeps_case():
    assert normalize_tone("Uỷ ban THUỶ LỢI Hoà Bình") == "Ủy ban THỦY LỢI Hòa Bình"


def test_normalize_tone_keeps_qu_as_consonant():
    assert normalize_tone("quý Quỳnh QUỶ") == "quý Quỳnh QUỶ"


def test_normalize_tone_keeps_tone_before_final_consonant():
    assert normalize_tone("hoàng toán khuyến quyết") == "hoàng toán khuyến quyết"


def test_normalize_tone_leaves_uo_cluster_alone():
    assert normalize_tone("thuở ấy") == "thuở ấy"


def test_normalize_tone_is_idempotent():
    once = normalize_tone("Thuý, tuý, Uỷ viên")
    assert once == "Thúy, túy, Ủy viên"
    assert normalize_tone(once) == once


def test_normalize_tone_composes_decomposed_input():
    assert normalize_tone(nfd("Tỉnh uỷ")) == "Tỉnh ủy"


def test_fold_drops_diacritics_and_case():
    assert fold("Hội nghị sơ kết") == "hoi nghi so ket"


def test_fold_turns_d_bar_into_d():
    assert fold("Đảng bộ đoàn") == "dang bo doan"


def test_fold_matches_both_tone_placements_and_capitals():
    assert fold("Tỉnh uỷ") == fold("Tỉnh ủy") == fold("TINH UY") == "tinh uy"


def test_fold_collapses_whitespace_and_keeps_punctuation():
    assert fold("  Sơ kết,\u00a0 6 tháng\n") == "so ket, 6 thang"


def test_fold_of_decomposed_text():
    assert fold(nfd("Hội nghị sơ kết")) == "hoi nghi so ket"


def test_tone_key_ignores_tone_placement_case_and_spacing():
    assert tone_key("Tỉnh uỷ  Hoà Bình") == tone_key("tỉnh ủy hòa bình") == "tỉnh ủy hòa bình"


def test_tone_key_keeps_diacritics():
    assert tone_key("nghi quyet") != tone_key("nghị quyết")


def test_tone_key_of_decomposed_text():
    assert tone_key(nfd("Nghị  quyết")) == "nghị quyết"


def test_slug_keeps_d_of_dang():
    assert slugify_vi("Đảng bộ") == "dang-bo"


def test_slug_of_unit_name():
    assert slugify_vi("Đảng bộ Sở Tài nguyên và Môi trường") == "dang-bo-so-tai-nguyen-va-moi-truong"


def test_slug_treats_ampersand_as_separator():
    assert slugify_vi("Sở TN&MT") == "so-tn-mt"


def test_slug_trims_dashes():
    assert slugify_vi(" - Hội nghị (lần 2) - ") == "hoi-nghi-lan-2"


def test_slug_of_decomposed_text():
    assert slugify_vi(nfd("Tỉnh uỷ Hoà Bình")) == "tinh-uy-hoa-binh"


def test_slug_of_empty_input():
    assert slugify_vi("") == slugify_vi(None) == slugify_vi(" & ") == ""


def test_slug_truncates_on_word_boundary():
    assert slugify_vi("Hội nghị sơ kết", max_length=12) == "hoi-nghi-so"


def test_slug_truncates_long_word():
    assert slugify_vi("Nghị quyết", max_length=4) == "nghi"


NAMES_IN_ORDER = [
    "Nguyễn Văn An",
    "Lê Văn Anh",
    "Trần Thị Ánh",
    "Vũ Thị Ân",
    "Đỗ Thị Dung",
    "Phạm Đức Đạt",
    "Hoàng Thanh Oai",
    "Lưu Trọng Quang",
    "Ngô Văn Viện",
]


def test_names_sort_by_given_name_in_vietnamese_order():
    assert sorted(reversed(NAMES_IN_ORDER), key=given_name_sort_key) == NAMES_IN_ORDER


def test_names_with_same_given_name_sort_by_family_name():
    names = ["Trần Văn Anh", "Đỗ Thị Anh", "Đặng Văn Anh", "Bùi Anh"]
    assert sorted(names, key=given_name_sort_key) == ["Bùi Anh", "Đặng Văn Anh", "Đỗ Thị Anh", "Trần Văn Anh"]


def test_tones_only_break_ties():
    names = ["Lê Mạ", "Lê Má", "Lê Mã", "Lê Mả", "Lê Mà", "Lê Ma", "Trần Ma", "Lê Mai"]
    expected = ["Lê Ma", "Lê Mà", "Lê Mả", "Lê Mã", "Lê Má", "Lê Mạ", "Trần Ma", "Lê Mai"]
    assert sorted(names, key=given_name_sort_key) == expected


def test_sort_key_is_digits_only():
    for name in [*NAMES_IN_ORDER, "Nguyễn Thị O'Neil-Zoë 2"]:
        assert re.fullmatch(r"[0-9]+", given_name_sort_key(name))


def test_sort_key_ignores_tone_placement_case_and_form():
    key = given_name_sort_key("Nguyễn Thị Thúy")
    assert given_name_sort_key("NGUYỄN thị Thuý") == key
    assert given_name_sort_key(nfd("Nguyễn Thị Thuý")) == key


def test_sort_key_fits_database_column():
    assert len(given_name_sort_key("Nguyễn Huỳnh Thị Phương Trường Xuân Khánh Quỳnh Nguyễn Ngọc Thảo")) <= 255
