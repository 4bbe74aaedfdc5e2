"""The document library of the demo province: the central resolutions its articles cite and the province's own
documents, with a few reports on studying them; and the leaders' work schedule around today."""

from datetime import date, datetime, time, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from articles.models import Article, ArticlePhoto
from demo import data
from demo.builders.context import unique
from documents.models import Document, DocumentFile, Field, Issuer
from documents.services import link_citations
from newsroom.text import fold, slugify_vi
from organizations.models import Position
from statutory.models import ScheduleEntry

F = Document.Form
CENTRAL, POLITBURO, GOVERNMENT = "Ban Chấp hành Trung ương", "Bộ Chính trị", "Chính phủ"
COMMITTEE, PEOPLES_COMMITTEE, COUNCIL = f"Tỉnh ủy {data.PROVINCE}", f"UBND tỉnh {data.PROVINCE}", "HĐND tỉnh"
PROPAGANDA, BLOC = "Ban Tuyên giáo Tỉnh ủy", "Đảng ủy Khối các cơ quan tỉnh"
ISSUERS = [  # name, unit key in the demo tree (None: an outside body)
    (CENTRAL, None),
    (POLITBURO, None),
    (GOVERNMENT, None),
    (COMMITTEE, "tinh"),
    (PEOPLES_COMMITTEE, None),
    (COUNCIL, None),
    (PROPAGANDA, None),
    (BLOC, "khoi_cq"),
]
PARTY, ECONOMY, IDEOLOGY, ORGANIZATION, DIGITAL = (
    "Xây dựng Đảng",
    "Kinh tế - xã hội",
    "Tư tưởng, văn hóa",
    "Tổ chức bộ máy",
    "Chuyển đổi số",
)

# form, number, issuer, issued on, summary, fields, extras (plenum, central_term, replaces, is_public)
DOCUMENTS = [
    (F.NGHI_QUYET, "04-NQ/TW", CENTRAL, date(2016, 10, 30), "Về tăng cường xây dựng, chỉnh đốn Đảng; ngăn chặn, "
     "đẩy lùi sự suy thoái về tư tưởng chính trị, đạo đức, lối sống, những biểu hiện “tự diễn biến”, “tự chuyển "
     "hóa” trong nội bộ", [PARTY, IDEOLOGY], {"plenum": 4, "central_term": "XII"}),
    (F.CHI_THI, "05-CT/TW", POLITBURO, date(2016, 5, 15), "Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, "
     "phong cách Hồ Chí Minh", [IDEOLOGY], {}),
    (F.NGHI_QUYET, "18-NQ/TW", CENTRAL, date(2017, 10, 25), "Một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ "
     "máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả", [ORGANIZATION],
     {"plenum": 6, "central_term": "XII"}),
    (F.NGHI_QUYET, "19-NQ/TW", CENTRAL, date(2017, 10, 25), "Về tiếp tục đổi mới hệ thống tổ chức và quản lý, nâng "
     "cao chất lượng và hiệu quả hoạt động của các đơn vị sự nghiệp công lập", [ORGANIZATION], {}),
    (F.NGHI_QUYET, "26-NQ/TW", CENTRAL, date(2018, 5, 19), "Về tập trung xây dựng đội ngũ cán bộ các cấp, nhất là "
     "cấp chiến lược, đủ phẩm chất, năng lực và uy tín, ngang tầm nhiệm vụ", [PARTY],
     {"plenum": 7, "central_term": "XII"}),
    (F.QUY_DINH, "08-QĐi/TW", CENTRAL, date(2018, 10, 25), "Quy định trách nhiệm nêu gương của cán bộ, đảng viên, "
     "trước hết là Ủy viên Bộ Chính trị, Ủy viên Ban Bí thư, Ủy viên Ban Chấp hành Trung ương", [PARTY], {}),
    (F.CHI_THI, "35-CT/TW", POLITBURO, date(2019, 5, 30), "Về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu "
     "toàn quốc lần thứ XIII của Đảng", [PARTY], {}),
    (F.KET_LUAN, "21-KL/TW", CENTRAL, date(2021, 10, 25), "Về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính "
     "trị; kiên quyết ngăn chặn, đẩy lùi, xử lý nghiêm cán bộ, đảng viên suy thoái về tư tưởng chính trị, đạo đức, "
     "lối sống, biểu hiện “tự diễn biến”, “tự chuyển hóa”", [PARTY, IDEOLOGY], {}),
    (F.NGHI_QUYET, "27-NQ/TW", CENTRAL, date(2022, 11, 9), "Về tiếp tục xây dựng và hoàn thiện Nhà nước pháp quyền "
     "xã hội chủ nghĩa Việt Nam trong giai đoạn mới", [ORGANIZATION], {"plenum": 6, "central_term": "XIII"}),
    (F.CHI_THI, "35-CT/TW", POLITBURO, date(2024, 6, 14), "Về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu "
     "toàn quốc lần thứ XIV của Đảng", [PARTY], {}),
    (F.NGHI_QUYET, "57-NQ/TW", POLITBURO, date(2024, 12, 22), "Về đột phá phát triển khoa học, công nghệ, đổi mới "
     "sáng tạo và chuyển đổi số quốc gia", [DIGITAL, ECONOMY], {}),
    (F.NGHI_DINH, "33/2023/NĐ-CP", GOVERNMENT, date(2023, 6, 10), "Quy định về cán bộ, công chức, viên chức cấp xã "
     "và người hoạt động không chuyên trách ở cấp xã, ở thôn, tổ dân phố", [ORGANIZATION], {}),
    (F.QUYET_DINH, "89/QĐ-UBND", PEOPLES_COMMITTEE, date(2021, 1, 20), "Ban hành Chương trình hành động thực hiện "
     "nhiệm vụ phát triển kinh tế - xã hội năm 2021", [ECONOMY], {}),
    (F.QUYET_DINH, "112/QĐ-UBND", PEOPLES_COMMITTEE, date(2022, 1, 18), "Ban hành Chương trình hành động thực hiện "
     "nhiệm vụ phát triển kinh tế - xã hội năm 2022", [ECONOMY], {}),
    (F.QUYET_DINH, "1280/QĐ-UBND", PEOPLES_COMMITTEE, date(2021, 8, 5), "Phê duyệt Đề án chuyển đổi số tỉnh "
     f"{data.PROVINCE} giai đoạn 2021 - 2025, định hướng đến năm 2030", [DIGITAL], {}),
    (F.KE_HOACH, "2345/KH-UBND", PEOPLES_COMMITTEE, date(2025, 2, 20), "Triển khai thực hiện Nghị quyết số "
     "57-NQ/TW của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
     [DIGITAL], {}),
    (F.NGHI_QUYET, "25/NQ-HĐND", COUNCIL, date(2021, 12, 10), "Về kế hoạch phát triển kinh tế - xã hội năm 2022",
     [ECONOMY], {}),
    (F.NGHI_QUYET, "06-NQ/TU", COMMITTEE, date(2021, 6, 15), f"Về chuyển đổi số tỉnh {data.PROVINCE} đến năm 2025, "
     "định hướng đến năm 2030", [DIGITAL], {}),
    (F.CHUONG_TRINH, "01-CTr/TU", COMMITTEE, date(2020, 11, 5), "Chương trình làm việc toàn khóa của Ban Chấp hành "
     "Đảng bộ tỉnh nhiệm kỳ 2020 - 2025", [PARTY], {}),
    (F.QUY_CHE, "01-QC/TU", COMMITTEE, date(2020, 10, 30), "Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh, Ban "
     "Thường vụ, Thường trực Tỉnh ủy nhiệm kỳ 2020 - 2025", [PARTY], {}),
    (F.QUY_CHE, "01-QC/TU", COMMITTEE, date(2025, 10, 20), "Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh, Ban "
     "Thường vụ, Thường trực Tỉnh ủy nhiệm kỳ 2025 - 2030", [PARTY], {"replaces": ("01-QC/TU", 2020)}),
    (F.KE_HOACH, "15-KH/TU", COMMITTEE, date(2016, 7, 20), "Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị về đẩy "
     "mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", [IDEOLOGY], {}),
    (F.KE_HOACH, "102-KH/TU", COMMITTEE, date(2021, 12, 20), "Thực hiện Kết luận số 21-KL/TW của Hội nghị Trung "
     "ương 4 khóa XIII về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị", [PARTY], {}),
    (F.HUONG_DAN, "03-HD/TU", COMMITTEE, date(2021, 11, 12), "Kiểm điểm, đánh giá, xếp loại chất lượng tổ chức "
     "đảng, đảng viên và tập thể, cá nhân cán bộ lãnh đạo, quản lý các cấp năm 2021", [PARTY], {}),
    (F.HUONG_DAN, "12-HD/TU", COMMITTEE, date(2023, 11, 10), "Kiểm điểm, đánh giá, xếp loại chất lượng tổ chức "
     "đảng, đảng viên và tập thể, cá nhân cán bộ lãnh đạo, quản lý các cấp từ năm 2023", [PARTY],
     {"replaces": ("03-HD/TU", 2021)}),
    (F.DE_AN, "05-ĐA/TU", COMMITTEE, date(2021, 3, 25), "Nâng cao chất lượng tổ chức cơ sở đảng và chất lượng đảng "
     "viên giai đoạn 2021 - 2025", [PARTY], {}),
    (F.CHI_THI, "08-CT/TU", COMMITTEE, date(2024, 8, 1), "Về lãnh đạo đại hội đảng bộ các cấp tiến tới Đại hội đại "
     "biểu Đảng bộ tỉnh lần thứ XX, nhiệm kỳ 2025 - 2030", [PARTY], {}),
    (F.KET_LUAN, "15-KL/TU", COMMITTEE, date(2025, 1, 10), "Về sắp xếp, tinh gọn tổ chức bộ máy của hệ thống chính "
     "trị tỉnh theo Nghị quyết số 18-NQ/TW", [ORGANIZATION], {}),
    (F.THONG_BAO, "256-TB/TU", COMMITTEE, date(2021, 7, 12), "Kết luận của Ban Thường vụ Tỉnh ủy về tình hình kinh "
     "tế - xã hội 6 tháng đầu năm, nhiệm vụ 6 tháng cuối năm 2021", [ECONOMY], {}),
    (F.HUONG_DAN, "05-HD/BTGTU", PROPAGANDA, date(2025, 1, 6), "Tuyên truyền kỷ niệm 95 năm Ngày thành lập Đảng "
     "Cộng sản Việt Nam (03/02/1930 - 03/02/2025)", [IDEOLOGY], {}),
    (F.NGHI_QUYET, "10-NQ/ĐUK", BLOC, date(2022, 1, 14), "Về lãnh đạo thực hiện nhiệm vụ chính trị năm 2022",
     [PARTY], {}),
    (F.KE_HOACH, "45-KH/ĐUK", BLOC, date(2022, 2, 8), "Học tập, quán triệt, triển khai thực hiện Nghị quyết, Kết "
     "luận Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XIII", [PARTY, IDEOLOGY], {}),
    (F.CONG_VAN, "450-CV/ĐUK", BLOC, date(2021, 6, 1), "Về việc tổ chức hội nghị sơ kết công tác xây dựng Đảng 6 "
     "tháng đầu năm 2021", [PARTY], {}),
    (F.THONG_BAO, "12-TB/ĐUK", BLOC, date(2023, 4, 3), "Phân công nhiệm vụ trong Ban Thường vụ Đảng ủy Khối (lưu "
     "hành nội bộ)", [ORGANIZATION], {"is_public": False}),
]  # fmt: skip

# Reports on studying and carrying out documents: title, unit key, published on, the text citing them.
STUDIES = [
    ("Tỉnh ủy triển khai Chương trình hành động phát triển kinh tế - xã hội năm 2021", "tinh", date(2021, 1, 28),
     "Hội nghị quán triệt Quyết định số 89/QĐ-UBND ngày 20/01/2021 của UBND tỉnh ban hành Chương trình hành động "
     "thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2021 và Nghị quyết số 25/NQ-HĐND của HĐND tỉnh."),
    ("Quán triệt Nghị quyết về chuyển đổi số của Tỉnh ủy", "khoi_cq", date(2021, 7, 2),
     "Đảng ủy Khối các cơ quan tỉnh tổ chức quán triệt Nghị quyết số 06-NQ/TU của Tỉnh ủy về chuyển đổi số; "
     "các cơ quan xây dựng kế hoạch thực hiện Quyết định số 1280/QĐ-UBND ngày 05/8/2021 của UBND tỉnh."),
    ("Sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW", "tinh", date(2021, 5, 18),
     "Hội nghị đánh giá 5 năm thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị và Kế hoạch số 15-KH/TU của Tỉnh ủy; "
     "gắn với thực hiện Nghị quyết Trung ương 4 (khóa XII) và Quy định số 08-QĐi/TW về trách nhiệm nêu gương."),
    ("Triển khai Kết luận 21-KL/TW trong Đảng bộ Khối", "khoi_cq", date(2022, 2, 15),
     "Thực hiện Kế hoạch số 45-KH/ĐUK của Đảng ủy Khối và Kế hoạch số 102-KH/TU của Tỉnh ủy, các chi bộ quán "
     "triệt Kết luận số 21-KL/TW và Nghị quyết số 10-NQ/ĐUK về nhiệm vụ chính trị năm 2022."),
    ("Hướng dẫn kiểm điểm, đánh giá, xếp loại chất lượng năm 2021", "tinh", date(2021, 11, 20),
     "Ban Thường vụ Tỉnh ủy ban hành Hướng dẫn số 03-HD/TU; các tổ chức đảng thực hiện theo Đề án số 05-ĐA/TU "
     "về nâng cao chất lượng tổ chức cơ sở đảng và đảng viên."),
    ("Triển khai Nghị quyết Trung ương 6 khóa XIII về Nhà nước pháp quyền", "tinh", date(2023, 2, 10),
     "Hội nghị học tập Nghị quyết Trung ương 6 khóa XIII (Nghị quyết số 27-NQ/TW) và Nghị định số 33/2023/NĐ-CP "
     "về cán bộ, công chức cấp xã."),
    ("Chuẩn bị đại hội đảng bộ các cấp nhiệm kỳ 2025 - 2030", "tinh", date(2024, 8, 12),
     "Thực hiện Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị và Chỉ thị số 08-CT/TU của Tỉnh ủy, các đảng "
     "bộ xây dựng kế hoạch tổ chức đại hội; Hướng dẫn số 12-HD/TU về kiểm điểm cuối năm được thực hiện nghiêm."),
    ("Sắp xếp tổ chức bộ máy theo Nghị quyết 18-NQ/TW", "tinh", date(2025, 1, 20),
     "Ban Thường vụ Tỉnh ủy ban hành Kết luận số 15-KL/TU về sắp xếp bộ máy, thực hiện Nghị quyết số 18-NQ/TW, "
     "Nghị quyết số 19-NQ/TW và Nghị quyết Trung ương 7 khóa XII về công tác cán bộ."),
    ("Tuyên truyền kỷ niệm 95 năm Ngày thành lập Đảng", "khoi_cq", date(2025, 1, 15),
     "Các cơ quan thực hiện Hướng dẫn số 05-HD/BTGTU của Ban Tuyên giáo Tỉnh ủy; treo băng rôn, khẩu hiệu và "
     "tổ chức sinh hoạt chuyên đề theo Chỉ thị số 05-CT/TW."),
    ("Triển khai Nghị quyết 57-NQ/TW về khoa học, công nghệ và chuyển đổi số", "tinh", date(2025, 3, 5),
     "Hội nghị quán triệt Nghị quyết số 57-NQ/TW của Bộ Chính trị và Kế hoạch số 2345/KH-UBND ngày 20/02/2025 "
     "của UBND tỉnh; Thông báo số 256-TB/TU được rà soát lại."),
]  # fmt: skip

# What the leaders' week holds: weekday, hour, minute, title, location, unit key ({unit}: its name as it is now).
SCHEDULE = [
    (0, 7, 30, "Giao ban Thường trực Tỉnh ủy", "Phòng họp Thường trực Tỉnh ủy", "tinh"),
    (0, 14, 0, "Làm việc với Ban Tuyên giáo Tỉnh ủy về công tác tuyên truyền", "Trụ sở Tỉnh ủy", "tinh"),
    (1, 8, 0, "Dự Hội nghị Ban Chấp hành {unit}", "Hội trường {unit}", "khoi_cq"),
    (2, 8, 0, "Tiếp công dân định kỳ", "Trụ sở Tiếp công dân tỉnh", "tinh"),
    (2, 14, 30, "Kiểm tra công tác chuẩn bị đại hội tại các chi bộ", "Các chi bộ trực thuộc", "khoi_cq"),
    (3, 8, 0, "Họp Ban Thường vụ Tỉnh ủy", "Phòng họp số 1, Tỉnh ủy", "tinh"),
    (4, 9, 0, "Làm việc với Ban Thường vụ {unit}", "Hội trường {unit}", "khoi_cq"),
    (4, 14, 0, "Duyệt nội dung Hội nghị sơ kết 6 tháng", "Phòng họp Văn phòng Tỉnh ủy", "tinh"),
]


def tiny_pdf(title):
    """A one-page PDF saying `title` (without diacritics: the standard fonts lack them)."""
    text = fold(title).encode("ascii", "ignore").replace(b"(", b"").replace(b")", b"")[:90]
    stream = b"BT /F1 12 Tf 50 780 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def build(demo):
    issuers = {}
    for order, (name, unit_key) in enumerate(ISSUERS):
        unit = demo.units[unit_key] if unit_key else None
        issuers[name] = Issuer.objects.create(name=name, unit=unit, order=order)
    fields = {name: Field.objects.create(name=name) for name in (PARTY, ECONOMY, IDEOLOGY, ORGANIZATION, DIGITAL)}
    made = {}
    for form, number, issuer, issued_on, summary, field_names, extras in DOCUMENTS:
        replaces = extras.get("replaces")
        document = Document.objects.create(
            form=form,
            number=number,
            issuer=issuers[issuer],
            issued_on=issued_on,
            effective_on=issued_on,
            summary=summary,
            plenum=extras.get("plenum"),
            central_term=extras.get("central_term", ""),
            is_public=extras.get("is_public", True),
        )
        document.fields.set([fields[name] for name in field_names])
        made[(number, issued_on.year)] = document
        if replaces:
            Document.objects.filter(pk=made[replaces].pk).update(replaced_by=document)
        if issuer != CENTRAL and len(made) % 3 == 1:
            upload = ContentFile(tiny_pdf(f"{document.title} - {summary}"), name=f"{slugify_vi(document.title)}.pdf")
            DocumentFile.objects.create(document=document, file=upload, label=f"{document.title}.pdf")
    write_studies(demo)
    link_citations(articles=Article.objects.all())
    plan_week(demo)
    return len(made)


def write_studies(demo):
    """Reports of study meetings, with a cover, two captioned photos and tags like every demo article."""
    rng = demo.rng
    tags = [demo.tags[name] for name in data.KIND_TAGS["hoc_tap_quan_triet"]]
    for title, unit_key, published_on, text in STUDIES:
        unit = demo.units[unit_key]
        when = timezone.make_aware(datetime.combine(published_on, time(15, 30)))
        hall, podium = rng.choice(demo.photos["hall"]), rng.choice(demo.photos["podium"])
        credit = rng.choice(data.PHOTOGRAPHERS)
        article = Article.objects.create(
            title=title,
            slug=unique(slugify_vi(title, 294), demo.article_slugs),
            lead=f"Ngày {published_on.day}/{published_on.month}/{published_on.year}, {unit.name} tổ chức hội nghị "
            "học tập, quán triệt và triển khai thực hiện văn bản của cấp trên.",
            body=f"<p>{text}</p><p>Các đồng chí dự hội nghị thống nhất xây dựng kế hoạch cụ thể, phân công rõ người, "
            "rõ việc, rõ thời gian hoàn thành.</p>",
            status=Article.Status.PUBLISHED,
            published_at=when,
            unit=unit,
            category=demo.categories[data.BUILDING],
            byline="Ban Tuyên giáo",
            photo_credit=credit,
            cover=hall,
        )
        ArticlePhoto.objects.bulk_create(
            [
                ArticlePhoto(article=article, photo=photo, caption=caption, alt_text=caption, credit=credit, order=n)
                for n, (photo, caption) in enumerate(
                    [(hall, "Toàn cảnh Hội nghị"), (podium, "Đồng chí lãnh đạo quán triệt nội dung văn bản")], 1
                )
            ]
        )
        article.tags.add(*tags)


def carried_on(demo, key, on):
    """The unit that carries `key` on at `on` (the blocs merged in 2025)."""
    while key in demo.ends and demo.ends[key] < on:
        key = demo.successor[key]
    return key


def plan_week(demo):
    """The schedule of last week, this week and the next two, so that the pages show something whatever the day."""
    today = timezone.localdate()
    monday = today - timedelta(days=today.weekday())
    units = {key: demo.units[carried_on(demo, key, today)] for key in {entry[-1] for entry in SCHEDULE}}
    leaders = {
        key: [p.person for p in Position.objects.public().held_on(today).filter(organization=unit)[:2]]
        for key, unit in units.items()
    }
    for week in (-1, 0, 1, 2):
        for weekday, hour, minute, title, location, unit_key in SCHEDULE:
            if demo.rng.random() < 0.25 and week:
                continue
            day = monday + timedelta(days=7 * week + weekday)
            entry = ScheduleEntry.objects.create(
                unit=units[unit_key],
                title=title.format(unit=units[unit_key].name),
                starts_at=timezone.make_aware(datetime.combine(day, time(hour, minute))),
                location=location.format(unit=units[unit_key].name),
            )
            entry.leaders.set(leaders[unit_key][: 1 + (hour < 12)])
