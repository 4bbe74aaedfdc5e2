"""extract(): what the importer reads from an article's text, with no database."""

import json
import unicodedata
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from articles.importer import extract, extract_html
from articles.importer.reading import UnreadableFile, decode
from newsroom.periods import Period
from newsroom.text import tone_key
from tests.importer.conftest import cp1258

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def article(*lines):
    return "\n\n".join(lines)


LEAD = (
    "Chiều ngày 18/6/2021, Đảng bộ Sở Tài nguyên và Môi trường tổ chức Hội nghị sơ kết công tác 6 tháng đầu năm, "
    "triển khai công tác 6 tháng cuối năm 2021. Đồng chí Hoàng Thanh Oai - Tỉnh ủy viên – Bí thư Đảng ủy – Giám đốc "
    "Sở chủ trì Hội nghị."
)
BODY = (
    "Trong 6 tháng đầu năm 2021, Đảng bộ Sở đã phát huy tốt vai trò lãnh đạo của Đảng, lãnh đạo đơn vị thực hiện "
    "hoàn thành tốt chức năng, nhiệm vụ trong lĩnh vực quản lý nhà nước về tài nguyên môi trường trên địa bàn tỉnh."
)
TITLE = "Đảng bộ Sở Tài nguyên và Môi trường sơ kết công tác Đảng 6 tháng đầu năm 2021"


# --- The five real articles, field by field ---


def test_seed_000_meeting_of_a_department(seed_text):
    found = extract(seed_text(0))
    assert found.title.startswith("Đảng bộ Sở Tài nguyên và Môi trường tổ chức Hội nghị sơ kết")
    assert found.published is None
    assert (found.meeting_date, found.part_of_day) == (date(2021, 6, 18), "afternoon")
    assert found.organizing_unit == "Đảng bộ Sở Tài nguyên và Môi trường"
    assert (found.meeting_type, found.period, found.term) == ("so_ket_6_thang", Period.half(2021, 1), None)
    assert [p.name for p in found.chairs] == ["Hoàng Thanh Oai"]
    assert found.people[0].titles == ["Tỉnh ủy viên", "Bí thư Đảng ủy", "Giám đốc Sở"]
    assert found.people[1].name == "Ngô Văn Viện"
    assert found.byline == "Hoài Thu"
    assert [c.text for c in found.captions] == [
        "Đ/c Hoàng Thanh Oai, Tỉnh uỷ viên, Bí thư Đảng bộ, Giám đốc Sở TN&MT phát biểu chỉ đạo Hội nghị",
        "Toàn cảnh Hội nghị",
    ]
    assert found.lead.startswith("Chiều ngày 18/6/2021")
    assert not any("Toàn cảnh" in p for p in found.layout.paragraphs)


def test_seed_001_without_date_or_byline(seed_text):
    found = extract(seed_text(1))
    assert found.title.endswith("6 tháng cuối năm 2021.")
    assert found.breadcrumb == ["Đảng, Đoàn thể"]
    assert found.meeting_date is None  # "Vừa qua"
    assert found.organizing_unit == "Đảng bộ Sở Văn hóa, Thể thao và Du lịch"
    assert (found.meeting_type, str(found.period), found.term) == ("so_ket_6_thang", "2021-H1", None)
    assert [p.name for p in found.chairs] == ["Tạ Đình Quyền"]
    assert found.byline == "" and found.captions == []
    assert "Skip" not in found.layout.title and not found.lead.startswith("Hội nghị sơ kết")


def test_seed_002_two_meetings_without_title(seed_text):
    found = extract(seed_text(2))
    assert found.title == ""
    assert found.organizing_unit == "Đảng bộ Sở"
    assert (found.meeting_type, str(found.period)) == ("tong_ket_nam", "2015")
    assert found.meeting_title == "Hội nghị tổng kết công tác xây dựng Đảng năm 2015"
    assert found.chairs == []  # he opened the meeting; nobody is said to chair it
    assert [p.name for p in found.people] == ["Phạm Minh Chính", "Lưu Trọng Quang", "Phùng Đình Ảnh"]
    assert found.byline == "TRUNG TÂM CÔNG NGHỆ THÔNG TIN"
    assert len(found.captions) == 3
    assert [b.kind for b in found.layout.blocks][-4:] == ["heading", "caption", "caption", "caption"]


def test_seed_003_source_prefix_and_midterm(seed_text):
    found = extract(seed_text(3))
    assert found.published == datetime(2023, 5, 17, 12, 17, tzinfo=TZ)
    assert found.source == "BDK.VN" and found.lead.startswith("Ngày 17-5-2023")
    assert found.meeting_date == date(2023, 5, 17)
    assert found.organizing_unit == "Đảng uỷ khối Cơ quan - Doanh nghiệp tỉnh"
    assert (found.meeting_type, str(found.period), found.term) == (
        "so_ket_giua_nhiem_ky",
        "2020-2025-mid",
        (2020, 2025),
    )
    assert found.chairs == []  # the caption "Chủ trì hội nghị." names nobody
    assert found.people[0].titles == ["Phó bí thư Thường trực Tỉnh uỷ", "Chủ tịch HĐND tỉnh"]
    assert (found.byline_label, found.byline) == ("Tin, ảnh", "Hoàng Lam")
    assert found.photo_credit == "Hoàng Lam"
    assert "Chia sẻ bài viết" not in found.layout.paragraphs and "BÌNH LUẬN" not in found.layout.paragraphs


def test_seed_004_caption_credit_and_bare_byline(seed_text):
    found = extract(seed_text(4))
    assert found.published == datetime(2021, 7, 9, 12, 7, tzinfo=TZ)
    assert found.meeting_date == date(2021, 7, 8)
    assert found.organizing_unit == "Đảng ủy Văn phòng UBND tỉnh"
    assert (found.meeting_type, str(found.period)) == ("so_ket_6_thang", "2021-H1")
    assert found.chairs == []  # a guest "đến dự" is not the chair
    assert found.people[1].titles == ["Chánh Văn phòng UBND tỉnh"]  # not the Bí thư post conferred that day
    assert [(c.text, c.credit) for c in found.captions] == [("Đại biểu tham gia đóng góp ý kiến.", "Thiệu Phan")]
    assert found.byline == "Trương Hùng"


def test_expected_schema_of_a_seed(seed_text):
    row = extract(seed_text(4)).as_expected("004.txt")
    assert list(row) == [
        "file",
        "title",
        "meeting_date",
        "published",
        "organizing_unit",
        "meeting_type",
        "period",
        "term",
        "chair",
        "people",
        "author",
        "photo_captions",
    ]
    assert row["people"][0] == {
        "name": "Nguyễn Trúc Sơn",
        "roles": ["Phó bí thư Ban Cán sự Đảng", "Phó chủ tịch Thường trực UBND tỉnh"],
    }
    json.dumps(row)


# --- Encodings and Unicode ---


def test_decodes_utf8_with_and_without_bom():
    text = "Đảng bộ Sở tổ chức Hội nghị"
    assert decode(text.encode()) == decode(b"\xef\xbb\xbf" + text.encode()) == text


def test_decodes_utf16_with_bom():
    assert decode("Tỉnh ủy Bến Tre".encode("utf-16")) == "Tỉnh ủy Bến Tre"


def test_decodes_windows_1258_into_nfc():
    assert decode(cp1258("Hội nghị sơ kết Đảng ủy")) == "Hội nghị sơ kết Đảng ủy"


def test_nfd_text_reads_like_nfc():
    nfd = unicodedata.normalize("NFD", article(TITLE, LEAD, BODY, "Tác giả bài viết: Hoài Thu"))
    found = extract(nfd)
    assert found.title == TITLE
    assert found.organizing_unit == "Đảng bộ Sở Tài nguyên và Môi trường"
    assert [p.name for p in found.chairs] == ["Hoàng Thanh Oai"]


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "rỗng"),
        (b"  \n\t\n", "rỗng"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "nhị phân"),
        (b"x" * (2 * 1024 * 1024), "quá lớn"),
        ("Đảng bộ Sở tổ chức Hội nghị sơ kết".encode() + b"\xff" + "Hội nghị".encode(), "UTF-8 bị hỏng"),
        (b"\x81\x8d\x8f\x90 abc", "bảng mã"),
    ],
)
def test_unreadable_files_say_why(data, message):
    with pytest.raises(UnreadableFile, match=message):
        decode(data)


# --- Layout: furniture, title, dates, captions, bylines ---


def test_page_furniture_is_not_content():
    found = extract(
        article(
            "Skip Ribbon Commands",
            "Skip to main content",
            TITLE,
            "Lượt xem: 1.234",
            LEAD,
            BODY,
            "Hoài Thu",
            "Chia sẻ bài viết",
            "BÌNH LUẬN",
            "Tin liên quan",
            "Một bài khác về hội nghị của đơn vị khác trong tỉnh",
        )
    )
    assert found.title == TITLE
    assert found.layout.paragraphs == [BODY]
    assert found.byline == "Hoài Thu"


def test_source_line_and_hard_wrapped_text():
    wrapped = LEAD[:70] + "\n" + LEAD[70:]
    assert wrapped.split("\n")[1][0].islower()
    found = extract(f"# source: https://example.vn/bai-1\n{TITLE}\n\n{wrapped}\n\n{BODY}")
    assert found.source_url == "https://example.vn/bai-1"
    assert found.lead == LEAD
    assert found.meeting_date == date(2021, 6, 18)


@pytest.mark.parametrize(
    "line, expected",
    [
        ("17/05/2023 - 12:17", datetime(2023, 5, 17, 12, 17, tzinfo=TZ)),
        ("Thứ Năm, 25/08/2022 - 14:05", datetime(2022, 8, 25, 14, 5, tzinfo=TZ)),
        ("Cập nhật: 09/07/2021 12:07 (GMT+7)", datetime(2021, 7, 9, 12, 7, tzinfo=TZ)),
    ],
)
def test_publication_line_before_or_after_title(line, expected):
    assert extract(article(TITLE, line, LEAD, BODY)).published == expected
    assert extract(article(line, TITLE, LEAD, BODY)).title == TITLE


@pytest.mark.parametrize(
    "opening, published, expected",
    [
        ("Vừa qua, ", None, None),
        ("Ngày 17/7, ", "18/07/2023 - 09:00", date(2023, 7, 17)),
        ("Ngày 30/12, ", "05/01/2023 - 09:00", date(2022, 12, 30)),
        ("Trong hai ngày 23 và 24/7/2020, ", None, date(2020, 7, 23)),
        ("Ngày 15 tháng 12 năm 2020, ", None, date(2020, 12, 15)),
        ("Sáng nay (14/3), ", "14/03/2023 - 11:20", date(2023, 3, 14)),
    ],
)
def test_meeting_date_forms(opening, published, expected):
    lead = (
        f"{opening}Đảng ủy Sở Y tế tổ chức Hội nghị học tập Nghị quyết theo Quyết định số 89/QĐ-UBND ngày 20/01/2021."
    )
    lines = [TITLE, published, lead, BODY] if published else [TITLE, lead, BODY]
    assert extract(article(*lines)).meeting_date == expected


def test_day_and_month_without_year_take_the_reviewed_period_when_unpublished():
    lead = "Ngày 29/6, Chi bộ Văn phòng tổ chức Hội nghị sơ kết công tác 6 tháng đầu năm 2023."
    assert extract(article("Chi bộ Văn phòng sơ kết 6 tháng", lead, BODY)).meeting_date == date(2023, 6, 29)


def test_anniversary_and_document_dates_are_not_the_meeting_date():
    lead = (
        "Nhân kỷ niệm 94 năm Ngày thành lập Đảng (3/2/1930 - 3/2/2024), chiều 1-2-2024, Đảng ủy Trường Cao đẳng "
        "Kỹ thuật tổ chức Lễ kết nạp đảng viên mới."
    )
    found = extract(article("Đảng ủy Trường Cao đẳng Kỹ thuật kết nạp đảng viên mới", lead, BODY))
    assert (found.meeting_date, found.meeting_type, found.period) == (date(2024, 2, 1), "ket_nap_dang_vien", None)


def test_captions_and_credits_are_kept_apart_from_the_body():
    found = extract(
        article(
            TITLE,
            LEAD,
            "Toàn cảnh Hội nghị",
            "Toàn cảnh Hội nghị",
            BODY,
            "Đồng chí Hoàng Thanh Oai phát biểu kết luận. Ảnh: Thiệu Phan",
            "Các đại biểu biểu quyết thông qua Nghị quyết",
            "(Ảnh: Minh Hà)",
            "Một số hình ảnh tại Hội nghị",
            "Đại biểu thảo luận tại tổ",
            "Hoài Thu",
        )
    )
    assert [(c.text, c.credit) for c in found.captions] == [
        ("Toàn cảnh Hội nghị", ""),
        ("Đồng chí Hoàng Thanh Oai phát biểu kết luận.", "Thiệu Phan"),
        ("Các đại biểu biểu quyết thông qua Nghị quyết", "Minh Hà"),
        ("Đại biểu thảo luận tại tổ", ""),
    ]
    assert found.layout.paragraphs == [BODY]
    assert found.byline == "Hoài Thu"


def test_narrative_sentences_are_not_captions():
    short = "Phát biểu tại Hội nghị, đồng chí Hoàng Thanh Oai đề nghị các chi bộ tập trung thực hiện nhiệm vụ."
    found = extract(article(TITLE, LEAD, short, "Kết quả xếp loại đảng viên năm 2021:", "+ 2/18 Chi bộ đạt."))
    assert found.captions == []


@pytest.mark.parametrize(
    "last_lines, author",
    [
        (["Tác giả bài viết: Hoài Thu"], "Hoài Thu"),
        (["Tin, ảnh: Hoàng Lam"], "Hoàng Lam"),
        (["Tin và ảnh: Minh Khang - Thu Sương"], "Minh Khang - Thu Sương"),
        (["Trương Hùng"], "Trương Hùng"),
        (["VĂN PHÒNG ĐẢNG ỦY"], "VĂN PHÒNG ĐẢNG ỦY"),
        (["Minh Hà (Văn phòng Đảng ủy)"], "Minh Hà (Văn phòng Đảng ủy)"),
        (["Toàn cảnh Hội nghị", "Ảnh: Văn Tùng"], ""),
        (["Tin, ảnh: Đức Anh", "Một số hình ảnh tại Hội nghị", "Quang cảnh Hội nghị"], "Đức Anh"),
    ],
)
def test_bylines(last_lines, author):
    assert extract(article(TITLE, LEAD, BODY, *last_lines)).byline == author


# --- Meeting facts ---


@pytest.mark.parametrize(
    "phrase, kind, period",
    [
        (
            "Hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2022",
            "so_ket_6_thang",
            "2022-H1",
        ),  # noqa: E501
        (
            "Hội nghị sơ kết công tác xây dựng Đảng quý III, 9 tháng năm 2023 và triển khai nhiệm vụ quý IV/2023",
            "so_ket_9_thang",
            "2023-9M",
        ),  # noqa: E501
        ("Hội nghị tổng kết công tác năm 2022, triển khai nhiệm vụ năm 2023", "tong_ket_nam", "2022"),
        ("Hội nghị tổng kết công tác Chi bộ năm qua, đề ra phương hướng, nhiệm vụ năm 2024", "tong_ket_nam", "2023"),
        (
            "Hội nghị sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ lần thứ XIII, nhiệm kỳ 2020 - 2025",
            "so_ket_giua_nhiem_ky",
            "2020-2025-mid",
        ),  # noqa: E501
        ("Đại hội đại biểu Đảng bộ lần thứ I, nhiệm kỳ 2025 - 2030", "dai_hoi", "2025-2030"),
        ("Hội nghị học tập, quán triệt Nghị quyết Trung ương 6 khóa XIII", "hoc_tap_quan_triet", None),
        ("buổi sinh hoạt chuyên đề quý III/2022", "sinh_hoat_chuyen_de", "2022-Q3"),
        ("Lễ trao Huy hiệu 30 năm tuổi Đảng", "trao_huy_hieu", None),
        ("Hội thảo khoa học “Nâng cao chất lượng sinh hoạt chi bộ”", "other", None),
    ],
)
def test_meeting_kind_and_reviewed_period(phrase, kind, period):
    lead = f"Ngày 11/01/2024, Đảng ủy Sở Tài chính tổ chức {phrase}."
    found = extract(article("Tin hoạt động của Đảng ủy Sở Tài chính", lead, BODY))
    assert (found.meeting_type, str(found.period) if found.period else None) == (kind, period)


def test_term_only_from_the_meeting_itself():
    lead = "Ngày 5/1/2022, Đảng ủy Sở Tài chính tổ chức Hội nghị tổng kết công tác năm 2021."
    body = "Đảng bộ chuẩn bị tốt cho bầu cử đại biểu HĐND các cấp nhiệm kỳ 2021-2026 và các nhiệm vụ khác trong năm."
    assert extract(article("Đảng ủy Sở Tài chính tổng kết năm 2021", lead, body)).term is None


@pytest.mark.parametrize(
    "subject, unit",
    [
        (
            "Chi bộ Phòng Kế hoạch - Tài chính thuộc Đảng bộ Sở Giáo dục và Đào tạo",
            "Chi bộ Phòng Kế hoạch - Tài chính",
        ),  # noqa: E501
        ("Ban Tuyên giáo Tỉnh ủy phối hợp với Trường Chính trị tỉnh", "Ban Tuyên giáo Tỉnh ủy"),
        (
            "Đoàn công tác của Đảng ủy Khối Doanh nghiệp tỉnh do đồng chí Kiều Văn Lực làm trưởng đoàn đã",
            "Đảng ủy Khối Doanh nghiệp tỉnh",
        ),  # noqa: E501
        ("tại Hội trường Huyện ủy, Ban Thường vụ Huyện ủy Phú Lâm", "Huyện ủy Phú Lâm"),
    ],
)
def test_host_unit_as_written_without_qualifiers(subject, unit):
    lead = f"Sáng ngày 2/2/2023, {subject} tổ chức Hội nghị."
    assert extract(article(TITLE, lead, BODY)).organizing_unit == unit


def test_people_name_first_and_titles_first():
    lead = (
        "Ngày 13-7-2022, Huyện ủy Thạnh Lộc tổ chức Hội nghị sơ kết 6 tháng đầu năm 2022. Bí thư Huyện uỷ Phan Thị Kim"
        " Liên và Phó bí thư Huyện ủy - Chủ tịch UBND huyện Võ Thành Nhân đồng chủ trì hội nghị. Tham dự có các đồng "
        "chí: Lâm Thị Ngọc Diệp, Phó Bí thư Đảng ủy Khối các cơ quan tỉnh; Tôn Thất Bảo Long, Giám đốc Sở Văn hóa, "
        "Thể thao và Du lịch."
    )
    body = (
        "Các đại biểu học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh tại Trường THPT Nguyễn Đình Chiểu."
    )
    found = extract(article(TITLE, lead, body))
    assert [(p.name, p.titles, p.chair) for p in found.people] == [
        ("Phan Thị Kim Liên", ["Bí thư Huyện uỷ"], True),
        ("Võ Thành Nhân", ["Phó bí thư Huyện ủy", "Chủ tịch UBND huyện"], True),
        ("Lâm Thị Ngọc Diệp", ["Phó Bí thư Đảng ủy Khối các cơ quan tỉnh"], False),
        ("Tôn Thất Bảo Long", ["Giám đốc Sở Văn hóa, Thể thao và Du lịch"], False),
    ]


def test_roles_come_from_the_running_text_before_captions():
    caption = "Đ/c Trịnh Quốc Hưng, Tỉnh uỷ viên, Giám đốc Sở NN&PTNT phát biểu"
    lead = "Ngày 21/6/2022, Đảng bộ Sở tổ chức Hội nghị. Đồng chí Trịnh Quốc Hưng - Bí thư Đảng ủy chủ trì Hội nghị."
    found = extract(article(TITLE, caption, caption, lead, BODY))
    assert found.people[0].titles == ["Bí thư Đảng ủy"]


# --- Saved web pages ---

PAGE = """<!DOCTYPE html><html><head><title>Trang tin</title>
<meta property="og:url" content="https://baodongkhoi.vn/bai-112233.html">
<script>document.write("<p>Không phải bài</p>")</script><style>p{color:red}</style></head>
<body><header><nav><a>Trang chủ</a><a>Thời sự</a></nav></header>
<div class="breadcrumb"><a>Trang chủ</a> &gt; <a>Xây dựng Đảng</a></div>
<article class="detail"><h1>{title}</h1><div class="date">17/05/2023 - 12:17</div>
<p>BDK.VN - {lead}</p><figure><img src="a.jpg"><figcaption>Toàn cảnh Hội nghị. (Ảnh: Thiệu Phan)</figcaption></figure>
<p>{body}</p><p><strong>Tin, ảnh: Hoàng Lam</strong></p></article>
<aside class="related"><h3>Tin liên quan</h3><a>Bài khác</a></aside><footer>Bản quyền</footer></body></html>"""


def test_saved_web_page_main_content_only():
    found = extract_html(PAGE.replace("{title}", TITLE).replace("{lead}", LEAD).replace("{body}", BODY))
    assert found.title == TITLE
    assert found.source_url == "https://baodongkhoi.vn/bai-112233.html"
    assert found.published == datetime(2023, 5, 17, 12, 17, tzinfo=TZ)
    assert (found.source, found.lead) == ("BDK.VN", LEAD)
    assert found.breadcrumb == ["Xây dựng Đảng"]
    assert [(c.text, c.credit) for c in found.captions] == [("Toàn cảnh Hội nghị.", "Thiệu Phan")]
    assert found.layout.paragraphs == [BODY]
    assert found.byline == "Hoàng Lam"


def test_page_wrapped_in_one_form_without_article_element():
    page = f"""<html><body><form id="aspnetForm"><div class="ms-skip"><a>Skip Ribbon Commands</a></div>
    <div id="s4-ribbonrow"><a>Skip to main content</a></div><div class="menu"><ul><li>Tin tức</li></ul></div>
    <div id="ctl00_PlaceHolderMain"><div class="category">Đảng, Đoàn thể</div><h3>{TITLE}</h3>
    <div>{LEAD}</div><div>{BODY}</div><div>Hoài Thu</div></div>
    <div class="footer">Cổng thông tin điện tử</div></form></body></html>"""
    found = extract_html(page)
    assert (found.title, found.lead, found.byline) == (TITLE, LEAD, "Hoài Thu")
    assert found.breadcrumb == ["Đảng, Đoàn thể"]
    assert found.layout.paragraphs == [BODY]


def test_chairs_listed_after_chu_tri_and_guests_are_not():
    lead = (
        "Sáng 18/6, tại Hội trường UBND tỉnh, Đảng ủy Sở Y tế tổ chức Hội nghị sơ kết 6 tháng đầu năm 2022. Dự và chủ "
        "trì Hội nghị có đồng chí Nguyễn Văn Hùng, Bí thư Đảng ủy; đồng chí Trần Thị Mai, Phó Bí thư Đảng ủy. Đến dự "
        "có đồng chí Lý Văn Mạnh, Trưởng Ban Tổ chức Tỉnh ủy."
    )
    found = extract(article(TITLE, lead, BODY))
    assert found.organizing_unit == "Đảng ủy Sở Y tế"
    assert [p.name for p in found.chairs] == ["Nguyễn Văn Hùng", "Trần Thị Mai"]
    assert [p.name for p in found.people][-1] == "Lý Văn Mạnh"


def test_page_metadata_gives_the_publication_time():
    page = f"""<html><head><meta property="article:published_time" content="2023-05-17T05:17:00Z"></head>
    <body><article><h1>{TITLE}</h1><p>{LEAD}</p><p>{BODY}</p></article></body></html>"""
    assert extract_html(page).published == datetime(2023, 5, 17, 12, 17, tzinfo=TZ)


# --- Real pages: the page noise and the wordings of ../shared/import-real, on invented text ---

NEWS = "Tin hoạt động của các tổ chức cơ sở đảng"
TALK = "Các đại biểu thảo luận sôi nổi, đóng góp nhiều ý kiến tâm huyết."


@pytest.mark.parametrize(
    "header, published",
    [
        (f"# source: https://example.vn/tin-a\n date 2023-10 {TITLE}", None),  # a month only: no date
        (f"# source: https://example.vn/tin-a\n date 2023-10-27 {TITLE}", datetime(2023, 10, 27, tzinfo=TZ)),
        (f"5 tháng 2, 2014\n\n{TITLE}", datetime(2014, 2, 5, tzinfo=TZ)),
        (
            f"{TITLE}\n\nMinh Châu (Ban Thời sự)-Thứ sáu, ngày 03/03/2017 19:16 GMT+7",
            datetime(2017, 3, 3, 19, 16, tzinfo=TZ),
        ),
        (f"Thanh Sơn, ngày 27 tháng 02 năm 2020\n\n{TITLE}", None),  # a print view's place and date
    ],
)
def test_headers_of_captured_pages(header, published):
    found = extract(f"{header}\n\n{LEAD}\n\n{BODY}")
    assert (found.title, found.published, found.lead) == (TITLE, published, LEAD)


def test_a_writer_before_the_date_line_is_the_author():
    found = extract(article(TITLE, "Minh Châu (Ban Thời sự)-Thứ sáu, ngày 03/03/2017 19:16 GMT+7", LEAD, BODY))
    assert found.byline == "Minh Châu"


@pytest.mark.parametrize(
    "opening", ["Căn cứ Điều lệ Đảng Cộng sản Việt Nam.", "Vào lúc 14h ngày 20 tháng 5 năm 2018,"]
)
def test_a_preamble_or_a_dated_opening_is_no_headline(opening):
    found = extract(article(f"{opening} Chi bộ Văn phòng tổ chức Hội nghị.", BODY))
    assert found.title == ""


def test_what_only_stands_where_a_photo_was_is_no_caption():
    lines = ["a1", "%image_alt%", "(TTXVN/Vietnam+)", TITLE, "Toàn cảnh Hội nghị", "Tin tức khác", "Bài cũ hơn"]
    found = extract(article(TITLE, LEAD, *lines[:5], BODY, *lines[5:]))
    assert [c.text for c in found.captions] == ["Toàn cảnh Hội nghị"]


def test_gallery_alt_prefix_and_inline_credits():
    gallery = [
        f"{TITLE} ảnh 1 Đồng chí Lê Văn Hùng phát biểu. (Ảnh: Thu Hà)",
        f"{TITLE} ảnh 2Các đại biểu dự Hội nghị. (Ảnh: Thu Hà)",
        "Đồng chí Lê Văn Hùng chủ trì Hội nghị.",  # a sentence: on this page every caption has its credit
    ]
    found = extract(article(TITLE, LEAD, *gallery, BODY))
    assert found.as_expected()["photo_captions"] == [
        "Đồng chí Lê Văn Hùng phát biểu. (Ảnh: Thu Hà)",
        "Các đại biểu dự Hội nghị. (Ảnh: Thu Hà)",
    ]


def test_the_last_line_of_a_cut_off_text_is_a_fragment():
    found = extract(article(TITLE, LEAD, BODY, "Hội nghị cũng đã biểu quyết thông qua nghị quyết về nhiệm"))
    assert found.captions == []


def test_a_long_caption_of_one_scene():
    caption = (
        "Đồng chí Lê Văn Hùng, Phó Bí thư Thường trực Đảng ủy Khối và đồng chí Trần Minh Tâm, Phó Bí thư Đảng ủy "
        "Khối, Bí thư chi bộ Cơ quan trao Quyết định khen thưởng cho các đảng viên hoàn thành xuất sắc nhiệm vụ"
    )
    assert [c.text for c in extract(article(TITLE, LEAD, caption, BODY)).captions] == [caption]


def test_meeting_date_from_a_later_paragraph_and_its_year_from_the_same_sentence():
    intro = "Đảng bộ phường Tân An tổ chức hội nghị sơ kết 06 tháng đầu năm 2023 kết hợp phát động thi đua."
    lead = "Ngày 9/6, Ban Thường vụ Đảng ủy phường Tân An tổ chức Hội nghị sơ kết 06 tháng đầu năm 2023."
    found = extract(article("Phường Tân An sơ kết", intro, lead, BODY))
    assert (found.meeting_date, found.meeting_type, str(found.period)) == (
        date(2023, 6, 9),
        "so_ket_6_thang",
        "2023-H1",
    )
    assert found.as_expected()["organizing_unit"] == "Ban Thường vụ Đảng ủy phường Tân An"
    assert found.organizing_unit == "Đảng ủy phường Tân An"


@pytest.mark.parametrize(
    "lead, held_on",
    [
        ("Sáng ngày 3/6, Đảng bộ Công an huyện tổ chức Đại hội lần thứ VIII, nhiệm kỳ 2020 - 2025.", date(2020, 6, 3)),
        ("Ngày 2-10, Đảng ủy Khối tổ chức Hội nghị quán triệt Nghị quyết Đại hội, nhiệm kỳ 2020 - 2025.", None),
        (
            "Ngày 29/9, Đảng ủy Khối tổ chức hội nghị tổng kết Đại hội và sơ kết công tác quý 3 năm 2015.",
            date(2015, 9, 29),
        ),
    ],
)
def test_a_year_not_written_with_the_date(lead, held_on):
    body = "Năm 2026 các đại biểu phấn đấu hoàn thành các chỉ tiêu, nhiệm vụ được giao."  # a year elsewhere: not taken
    assert extract(article(NEWS, lead, body)).meeting_date == held_on


def test_a_congress_files_its_term_once():
    lead = "Ngày 13/06/2017 Chi bộ Văn phòng tiến hành Đại hội nhiệm kỳ IX (2017 – 2020)."
    found = extract(article("Căn cứ Điều lệ Đảng.", lead, TALK)).as_expected()
    assert (found["meeting_type"], found["term"], found["period"]) == ("dai_hoi", "2017-2020", None)


@pytest.mark.parametrize(
    "lead, kind, period",
    [
        (
            "Ngày 29-9-2023, Ban Chấp hành Đảng bộ tỉnh họp đánh giá kết quả 9 tháng năm 2023.",
            "so_ket_9_thang",
            "2023-9M",
        ),
        (
            "Ngày 15/10/2019, BCH Đảng bộ huyện tổ chức hội nghị sơ kết 9 tháng đầu năm, triển khai nhiệm vụ 3 tháng "
            "cuối năm 2019.",
            "so_ket_9_thang",
            "2019-9M",
        ),
        (
            "Ngày 24/12/2019, Đảng ủy Quân sự tỉnh tổ chức Hội nghị ra Nghị quyết lãnh đạo nhiệm vụ năm 2020.",
            "tong_ket_nam",
            "2019",
        ),
        ("Ngày 26/11/2020, Chi bộ Trung tâm tổ chức sinh hoạt chuyên đề quý IV.", "sinh_hoat_chuyen_de", "2020-Q4"),
        (
            "Ngày 29/9/2015, Đảng ủy Khối tổ chức hội nghị tổng kết Đại hội Đảng bộ Khối nhiệm kỳ 2015 – 2020.",
            "other",
            None,
        ),
    ],
)
def test_kinds_and_periods_as_real_pages_write_them(lead, kind, period):
    found = extract(article(NEWS, lead, TALK))
    assert (found.meeting_type, str(found.period) if found.period else None) == (kind, period)


def test_a_committee_conference_is_the_review_its_agenda_names():
    lead = "Ngày 15/7/2019, Ban Chấp hành Đảng bộ Quận khóa XXV tổ chức Hội nghị lần thứ 22."
    agenda = (
        "Hội nghị thảo luận và quyết định một số nội dung: Đánh giá kết quả công tác xây dựng Đảng 6 tháng đầu năm "
        "và phương hướng, nhiệm vụ 6 tháng cuối năm 2019."
    )
    found = extract(article("Tập trung thực hiện thắng lợi nhiệm vụ năm 2019", lead, agenda, BODY))
    assert (found.meeting_type, str(found.period)) == ("so_ket_6_thang", "2019-H1")
    assert (found.as_expected()["organizing_unit"], found.organizing_unit) == (
        "Ban Chấp hành Đảng bộ Quận khóa XXV",
        "Đảng bộ Quận",
    )


@pytest.mark.parametrize(
    "subject, body",
    [
        (
            "Thực hiện kế hoạch của Ban chấp hành Đảng ủy, chiều ngày 23/12/2015 Đảng bộ Bệnh viện Đa khoa tỉnh",
            "Đảng bộ Bệnh viện Đa khoa tỉnh",
        ),
        (
            "Ngày 15/10/2020 được sự nhất trí của Đảng bộ thị xã Phổ An và thống nhất của Đảng bộ xã Thuận An",
            "Đảng bộ xã Thuận An",
        ),
        (
            "Chiều 19/10, tại Hội trường UBND xã Tân Sơn, Đoàn TNCS Hồ Chí Minh xã Tân Sơn",
            "Đoàn TNCS Hồ Chí Minh xã Tân Sơn",
        ),
        ("Sáng ngày 02/01/2024, chi bộ Cơ quan Đảng ủy Khối", "chi bộ Cơ quan Đảng ủy Khối"),
        ("Sáng ngày 28/4, xã Quang Tiến", "xã Quang Tiến"),
    ],
)
def test_host_body_on_real_pages(subject, body):
    assert extract(article(NEWS, f"{subject} tổ chức Hội nghị.", TALK)).as_expected()["organizing_unit"] == body


def test_a_bare_chi_bo_is_the_branch_named_before():
    plan = "Với ý nghĩa đó, Chi bộ KH-ĐD xây dựng kế hoạch sinh hoạt chuyên đề ngay từ đầu năm."
    lead = "Theo đó, ngày 15/4/2022 chi bộ tổ chức Sinh hoạt chuyên đề quý II."
    found = extract(article("Nâng cao chất lượng sinh hoạt chi bộ", f"{plan} {lead}", BODY))
    assert (found.organizing_unit, str(found.period)) == ("Chi bộ KH-ĐD", "2022-Q2")


def test_an_all_caps_headline_names_the_host():
    lead = "Sau thời gian phấn đấu, đ/c Lê Thị Hồng Vân đã được kết nạp Đảng vào ngày 28 tháng 11 năm 2015."
    found = extract(article("CHI BỘ MG HOA SEN TỔ CHỨC KẾT NẠP ĐẢNG VIÊN MỚI", lead, TALK))
    assert tone_key(found.organizing_unit) == "chi bộ mg hoa sen"


def test_people_among_place_and_body_names():
    lead = (
        "Ngày 2/1/2024, chi bộ Cơ quan tổ chức Hội nghị. Đồng chí Trần Minh Tâm, Phó Bí thư Đảng ủy Khối, Bí thư "
        "chi bộ Cơ quan chủ trì Hội nghị. Cùng dự có các đồng chí Uỷ viên BCH Đảng bộ Quận Hai Bà Trưng; Bí thư Đoàn "
        "Thanh niên Quận; Bí thư Tỉnh ủy Kiên Giang Nguyễn Thanh Nghị và 5 đồng chí Ban Thường vụ."
    )
    found = extract(article(TITLE, lead, BODY))
    assert [(p.name, p.chair) for p in found.people] == [("Trần Minh Tâm", True), ("Nguyễn Thanh Nghị", False)]


def test_a_pages_long_headline_and_the_date_line_under_it():
    headline = " ".join(["Tập trung thực hiện thắng lợi nhiệm vụ năm 2019"] * 4)  # 36 words: still the <h1>
    page = f"""<html><body><article><div>Hoạt động Đảng</div><h1>{headline}</h1>
    <div>Ngày đăng 17/07/2019 | 09:15</div><p>{LEAD}</p><p>{BODY}</p></article></body></html>"""
    found = extract_html(page)
    assert (found.title, found.published, found.lead) == (headline, datetime(2019, 7, 17, 9, 15, tzinfo=TZ), LEAD)


def test_the_site_name_is_not_part_of_a_pages_headline():
    page = f"<html><head><title>{TITLE} - Cổng TTĐT</title></head><body><p>{LEAD}</p><p>{BODY}</p></body></html>"
    assert extract_html(page).title == TITLE
