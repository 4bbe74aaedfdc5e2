"""What the meeting was: its date and part of day, host unit, kind, reviewed period and term."""

import re
from contextlib import suppress
from datetime import date, timedelta

from newsroom.periods import Period, PeriodKind
from newsroom.text import fold

from .layout import SENTENCE_END, UPPER

# --- The meeting date: "Chiều ngày 18/6/2021", "Ngày 17-5-2023", "sáng 17/7", "ngày 17 tháng 5 năm 2023" ---

PART = r"(?P<part>sáng|chiều|tối|trưa|đêm)"
# "18/6/2021", "17-5-2023", "17/7", "23 và 24/7/2020" (the first day), "15 tháng 12 năm 2020"
DAY_MONTH = (
    r"(?P<d>\d{1,2})(?:\s*(?:và|,|-|–|đến)\s*\d{1,2}(?=\s*[/.-]\s*\d))?\s*"
    r"(?:[/.-]\s*(?P<m>\d{1,2})(?:\s*[/.-]\s*(?P<y>\d{4}))?"
    r"|\s+tháng\s+(?P<m2>\d{1,2})(?:\s*(?:năm|,|/)\s*(?P<y2>\d{4}))?)"
)
# ... after "sáng"/"chiều" (and "nay", "(", "ngày"), after "ngày", after "trong hai ngày", or opening the lead
MEETING_DATE = re.compile(
    rf"(?:{PART}\s+(?:nay\s+|qua\s+|hôm nay\s+)?(?:\(\s*|ngày\s+|hôm\s+)?|(?<![\w/])ngày\s+"
    rf"|(?:trong|suốt)\s+(?:\d|hai|ba)\s+ngày\s+|^\(?)(?<![\d/]){DAY_MONTH}(?![\d/])",
    re.IGNORECASE,
)
CITATION_BEFORE = re.compile(
    r"(?:số\s*[\d/]|\d+\s*/\s*[A-ZĐ]|[A-ZĐ]{2,}-[A-ZĐ]{2,}|(?:quyết định|nghị quyết|chỉ thị|kế hoạch|công văn|"
    r"hướng dẫn|thông báo|kết luận|quy định|thông tư|nghị định|luật|ban hành|ký)\b)[^,;.]{0,40}$",
    re.IGNORECASE,
)
PARTS = {"sáng": "morning", "trưa": "morning", "chiều": "afternoon", "tối": "evening", "đêm": "evening"}


# A lead that says the event was recent without a date: the date is not written, and none is looked for further on.
UNDATED = re.compile(r"^\W*(?:vừa qua|mới đây|thời gian qua|trong tuần qua|những ngày qua|vừa rồi)\b", re.IGNORECASE)
# A sentence that reports an event (the later paragraphs are searched for one when the lead gives no date).
EVENT = re.compile(r"\b(?:tổ chức|tiến hành|khai mạc|diễn ra|hội nghị|đại hội|lễ|sinh hoạt|họp)\b", re.IGNORECASE)
TERM_YEARS = re.compile(r"nhiệm kỳ\s*(?:[IVX]+\s*)?\(?\s*((?:19|20)\d\d)\s*[-–—]\s*(?:19|20)\d\d", re.IGNORECASE)
YEAR_RANGE = re.compile(
    r"(?<![\d/])(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*)?(?:19|20)\d\d\s*[-–—]\s*"
    r"(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*)?((?:19|20)\d\d)(?![\d/])"
)
LONE_YEAR = re.compile(r"(?<![\d/.-])((?:19|20)\d\d)(?![\d/])")


def meeting_date(texts, *, published=None, period=None):
    """(date, part of day) of the first meeting date in `texts` (lead first); (None, "") when the lead gives none
    ("Vừa qua", "Mới đây"). Document dates ("Quyết định số 89/QĐ-UBND ngày 20/01/2021") are not meeting dates.
    After the lead, a later paragraph's date counts only in a sentence that reports an event, and only when the
    lead does not say the event was recent without a date."""
    texts = [text for text in texts if text]
    if not texts:
        return None, ""
    found = _date_in(texts[0], published, period)
    if found or UNDATED.match(texts[0]):
        return found or (None, "")
    for text in texts[1:]:
        for sentence in SENTENCE_END.split(text):
            if EVENT.search(sentence) and (found := _date_in(sentence, published, period, first_only=True)):
                return found
    return None, ""


def event_text(lead, paragraphs):
    """The passage that reports the event: the lead, unless it gives no date (an introduction, a document's
    preamble "Căn cứ ...") and a later sentence reporting an event does; then the text from that sentence on."""
    if not lead or any(_dated(lead)) or UNDATED.match(lead):
        return lead
    for paragraph in paragraphs:
        for sentence in SENTENCE_END.split(paragraph):
            if EVENT.search(sentence) and any(_dated(sentence)):
                return paragraph[paragraph.index(sentence) :]
    return lead


def _dated(text):
    for match in MEETING_DATE.finditer(text):
        if not CITATION_BEFORE.search(text[max(0, match.start() - 60) : match.start()]):
            yield match


def _date_in(text, published, period, *, first_only=False):
    for match in MEETING_DATE.finditer(text):
        if CITATION_BEFORE.search(text[max(0, match.start() - 60) : match.start()]):
            continue
        day = int(match["d"])
        month = int(match["m"] or match["m2"])
        year = match["y"] or match["y2"]
        year = int(year) if year else _year_for(day, month, _sentence_at(text, match.start()), published, period)
        if year is None:
            return None
        try:
            found = date(year, month, day)
        except ValueError:
            if first_only:
                return None
            continue
        part = (match["part"] or "").lower()
        return found, PARTS.get(part, "")
    return None


def _sentence_at(text, position):
    start = 0
    for end in SENTENCE_END.finditer(text):
        if end.start() >= position:
            return text[start : end.start()]
        start = end.end()
    return text[start:]


def _year_for(day, month, sentence, published, period):
    """The year of a date written without one: from the publication date, the reviewed period, or the sentence
    itself (a congress's term gives its first year, an anniversary "(1930 - 2026)" its last, else a year named
    beside the date, "6 tháng cuối năm 2025"). A year elsewhere in the text is only likely, and not taken."""
    if published:
        year = published.year
        with_year = _safe_date(year, month, day)
        if with_year and with_year > published.date():
            year -= 1
        return year
    if period is not None and period.kind == PeriodKind.TERM:  # a congress opens its term
        return period.start_year if _safe_date(period.start_year, month, day) else None
    if period is not None:
        end = period.end
        candidates = [y for y in (end.year - 1, end.year, end.year + 1) if _safe_date(y, month, day)]
        return min(candidates, key=lambda y: abs((_safe_date(y, month, day) - end).days), default=None)
    text = TERM_YEARS.sub(" ", CITED_DOCUMENT.sub(" ", sentence))  # a term named is not the meeting's year
    for pattern in (YEAR_RANGE, LONE_YEAR):
        if match := pattern.search(text):
            return int(match[1])
    return None


CITED_DOCUMENT = re.compile(
    r"(?:số\s*)?\d+\s*[-/][\w/Đđ-]*\s+ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|"
    r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}",
    re.IGNORECASE,
)


def _safe_date(year, month, day):
    try:
        return date(year, month, day)
    except ValueError:
        return None


# --- The host unit: "Đảng bộ Sở Tài nguyên và Môi trường tổ chức Hội nghị ..." ---

ORG_PREFIX = re.compile(
    r"(?<![\w])(?:Đảng (?:bộ|ủy|uỷ)|Chi (?:bộ|ủy|uỷ)|Ban Thường vụ|Ban Chấp hành|BCH|BTV|Ban Cán sự|Đảng đoàn|"
    r"(?:Tỉnh|Huyện|Thành|Thị|Quận) (?:ủy|uỷ)|Ban (?:Tuyên giáo|Dân vận|Tổ chức|Nội chính)|(?:Ủy|Uỷ) ban Kiểm tra|"
    r"UBKT|Công đoàn|Đoàn Thanh niên|Đoàn TNCS|Đoàn TN|Hội Cựu chiến binh|Hội CCB|Hội Liên hiệp Phụ nữ|Hội LHPN|"
    r"Ủy ban nhân dân|UBND|Sở|Văn phòng|Trường|Công ty|Trung tâm|Bệnh viện|Ban Quản lý)(?![\w])"
)
HOST_VERB = re.compile(
    r"\s+(?:đã\s+|vừa\s+|long trọng\s+|chính thức\s+|trang trọng\s+|đến\s+|cùng\s+)*(?:tổ chức|tiến hành|khai mạc|"
    r"họp|sơ kết|tổng kết|trao|thăm|ra quân|phát động|học tập|quán triệt|kết nạp|phối hợp tổ chức)\b"
)
# What follows a unit's name without being part of it: its place in the tree, a partner, who led a delegation.
UNIT_QUALIFIER = re.compile(
    r"\s+(?:trực thuộc|thuộc|phối hợp|cùng với|kết hợp với|liên kết với|do\s+(?:đồng chí|đ/c|ông|bà)|do|về việc|v/v|"
    r"lần thứ|nhiệm kỳ)(?!\w).*$",
    re.IGNORECASE,
)
# The committee or a delegation acting for the unit: "BCH Đảng bộ Sở" is the Đảng bộ Sở.
COMMITTEE_OF = re.compile(
    r"^(?:BCH|BTV|Ban Chấp hành|Ban Thường vụ|Thường trực|Đoàn công tác của)\s+"
    r"(?=Đảng|Chi|(?:Tỉnh|Huyện|Thành|Thị|Quận) (?:ủy|uỷ))"
)
SUBJECT_END = re.compile(
    r"\s+(?:đã|đang|sẽ|vừa|luôn|tiếp tục|được|lãnh đạo|chỉ đạo|thực hiện|có|là|đạt|tổ chức|tiến hành|xây dựng|"
    r"triển khai|quán triệt|ban hành|phát động|quan tâm|chú trọng|gồm|với|trong|tại)(?!\w)|[:;,.]"
)
SENTENCE_OPENER = re.compile(r"^(?:[^,]{0,40},\s+)?")


def host_unit(lead: str, title: str, paragraphs=(), *, context="") -> str:
    """The unit that held the event, as a unit: `host_body()` without the committee that acted for it."""
    return unit_of(host_body(lead, title, paragraphs, context=context))


def unit_of(body):
    """The unit a body belongs to: "Ban Thường vụ Huyện ủy Phú Lâm khóa XX" is "Huyện ủy Phú Lâm"."""
    return re.sub(r"\s+kh[oó]a\s+[IVXLC]+$", "", COMMITTEE_OF.sub("", body)).strip()


def host_body(lead: str, title: str, paragraphs=(), *, context="") -> str:
    """The body that held the event, as written (its committee included): the subject of "tổ chức" (or "sơ kết",
    "trao", "thăm" ...) in the lead; else the first unit that is the subject of a sentence; else the unit the
    title names; else a commune or district that holds it ("xã Quang Sơn tổ chức"). A bare "chi bộ" is the
    branch the text named before ("Chi bộ KH-ĐD ... Theo đó, ngày 15/4 chi bộ tổ chức")."""
    found = _host_body(lead, title, paragraphs)
    if BARE_UNIT.match(found) and context:
        position = context.find(lead[:40]) if lead else -1
        earlier = context[: position if position > 0 else len(context)]
        named = [m for m in NAMED_UNIT.finditer(earlier) if fold(m["prefix"]) == fold(found)]
        if named:
            name = named[-1].group()
            end = SUBJECT_END.search(name, len(named[-1]["prefix"]))
            return _tidy_unit(name[: end.start()] if end else name)
    return found


def _host_body(lead, title, paragraphs):
    for sentence in _first_sentences(lead, 2):
        verb = HOST_VERB.search(sentence)
        if verb and (found := _subject_unit(sentence[: verb.start()])):
            return found
    for paragraph in [lead, *paragraphs]:
        for sentence in SENTENCE_END.split(QUOTED.sub(" ", paragraph)):
            if found := _sentence_subject_unit(sentence):
                return found
    if title:
        written = title[:1] + title[1:].lower() if title.isupper() else title  # "CHI BỘ MG ĐẠI NGHĨA TỔ CHỨC"
        verb = HOST_VERB.search(written)
        if verb and (found := _subject_unit(written[: verb.start()])):
            return found
    for sentence in _first_sentences(lead, 2):
        verb = HOST_VERB.search(sentence)
        if verb and (place := PLACE_HOST.search(_clauses(sentence[: verb.start()])[-1])):
            return place.group().strip()
    return ""


# Lower-case forms of the Party's units that open a subject: "Sáng 2/1, chi bộ Cơ quan ... tổ chức".
LOWER_ORG = re.compile(rf"(?<![\w])(?:chi bộ|đảng bộ|đảng ủy|đảng uỷ)(?=\s+[{UPPER}0-9]|\s*$)")
BARE_UNIT = re.compile(r"^(?:chi bộ|đảng bộ|đảng ủy|đảng uỷ|chi ủy|chi uỷ)$", re.IGNORECASE)
NAMED_UNIT = re.compile(rf"(?<![\w])(?P<prefix>[Cc]hi bộ|[Đđ]ảng bộ|[Đđ]ảng ủy|[Đđ]ảng uỷ)\s+[{UPPER}0-9][^,.;:]*")
PLACE_HOST = re.compile(
    rf"^(?:[Xx]ã|[Pp]hường|[Tt]hị trấn|[Hh]uyện|[Qq]uận|[Tt]ỉnh|[Tt]hành phố|[Tt]hị xã)\s+(?:[{UPPER}][\w]*\s*)+$"
)
GENITIVE = re.compile(r"\bcủa$")
# "... do đồng chí X, Phó Bí thư Đảng ủy Khối làm trưởng đoàn": the person who led, with the posts they hold
LED_BY = re.compile(r"\s+do\s+(?:đồng chí|đ/c|ông|bà)\s.*$", re.IGNORECASE)
DELEGATION = re.compile(r"\b[Đđ]oàn(?: công tác| đại biểu)? của$")


def _first_sentences(text, count):
    return SENTENCE_END.split(text)[:count]


def first_sentence(text):
    return _first_sentences(text or "", 1)[0] if text else ""


def _clauses(text):
    """The clauses of a subject, split at commas and semicolons; a part that names no unit and opens with a capital
    or "các" goes on the name before it ("Sở Văn hóa, Thể thao và Du lịch", "Mặt trận Tổ quốc, các đoàn thể")."""
    clauses = []
    for part in re.split(r"(?<=[,;:])\s+", text):
        if clauses and not ORG_PREFIX.search(part) and re.match(rf"(?:[{UPPER}]|các\s)", part):
            clauses[-1] += " " + part
        else:
            clauses.append(part)
    return clauses


def _subject_unit(subject):
    """The unit in the subject of a sentence, from its last clause that names one: the one after "do" ("Hội nghị
    do Đảng ủy X tổ chức") or "Đoàn công tác của", else the first one that is not a complement ("sự nhất trí
    của Đảng bộ thị xã"), else the last one."""
    subject = LED_BY.sub("", subject)
    for clause in reversed(_clauses(subject)):
        starts = sorted([*ORG_PREFIX.finditer(clause), *LOWER_ORG.finditer(clause)], key=lambda m: m.start())
        if not starts:
            continue

        def before(m, clause=clause):
            return clause[: m.start()].rstrip()

        owner = [m for m in starts if re.search(r"\bdo$", before(m)) or DELEGATION.search(before(m))]
        subjects = [m for m in starts if not GENITIVE.search(before(m))]
        chosen = owner[0] if owner else subjects[0] if subjects else starts[-1]
        return _tidy_unit(clause[chosen.start() :].rstrip(" ,;:"))
    return ""


PARTY_OR_MASS_UNIT = re.compile(
    r"(?:BCH |BTV |Ban Chấp hành |Ban Thường vụ )?"
    r"(?:Đảng|Chi|Công đoàn|Đoàn|Hội|(?:Tỉnh|Huyện|Thành|Thị|Quận) (?:ủy|uỷ))"
)


def _sentence_subject_unit(sentence):
    """A unit that opens a sentence (after a short opening phrase): "Năm 2015, BCH Đảng bộ Sở đã lãnh đạo ..."."""
    rest = sentence[SENTENCE_OPENER.match(sentence).end() :]
    match = ORG_PREFIX.match(rest)
    if not match or not PARTY_OR_MASS_UNIT.match(rest):
        return ""
    end = SUBJECT_END.search(rest, match.end())
    found = unit_of(_tidy_unit(rest[: end.start()] if end else ""))  # a committee that leads is its unit
    return "" if BARE_UNIT.match(found) else found


def _tidy_unit(text):
    text = UNIT_QUALIFIER.sub("", text.strip())
    text = re.sub(r"(?:\s+(?:đã|vừa|cũng|sẽ|long trọng|chính thức|trang trọng|đến|được))+\s*$", "", text)
    return text.strip(" ,;:-–").strip()


# --- The meeting: its name, kind, period and term ---

# A review written without "sơ kết": "đánh giá kết quả 9 tháng", "kiểm điểm 6 tháng đầu năm".
REVIEWING = r"\b(?:so ket|danh gia|kiem diem)\b"
# Event nouns whose topic does not make them a meeting of a kind: a hội thảo "về sinh hoạt chi bộ" is a hội thảo.
OTHER_EVENTS = re.compile(r"^(?:hoi thao|toa dam|hoi thi|dien dan|giao luu|le ra quan|le phat dong|le ky niem)\b")
KIND_RULES = [
    ("so_ket_giua_nhiem_ky", r"\bgiua (?:nhiem )?ky\b"),
    (
        "dai_hoi",
        r"(?:^|to chuc |tien hanh |khai mac |\bdien ra |\btai |\bbe mac )dai hoi\b"
        r"(?! (?:dang bo |dang |dai bieu )?toan quoc)",
    ),
    ("ket_nap_dang_vien", r"\bket nap\b"),
    ("trao_huy_hieu", r"\bhuy hieu\b"),
    ("so_ket_9_thang", rf"{REVIEWING}.*\b0?(?:9|chin) thang\b|\b0?(?:9|chin) thang\b.*\bso ket\b"),
    (
        "so_ket_6_thang",
        rf"{REVIEWING}.*\b0?(?:6|sau) thang dau\b|\bso ket\b.*\b0?(?:6|sau) thang\b|"
        r"\b0?(?:6|sau) thang\b.*\bso ket\b",
    ),
    # a review of how a congress was run is not a year review
    ("tong_ket_nam", r"\btong ket\b(?! \d+ nam)(?! (?:cong tac )?(?:to chuc )?dai hoi)|\bra nghi quyet lanh dao\b"),
    (
        "hoc_tap_quan_triet",
        r"\bhoc tap\b|\bquan triet\b|\btrien khai (?:thuc hien )?(?:cac )?(?:nghi quyet|chi thi|ket luan)",
    ),
    ("sinh_hoat_chuyen_de", r"\bsinh hoat (?:chi bo|chuyen de)\b"),
]
REVIEW_KINDS = ("so_ket_6_thang", "so_ket_9_thang", "tong_ket_nam", "so_ket_giua_nhiem_ky")
KIND_PERIODS = {
    "so_ket_6_thang": PeriodKind.HALF,
    "so_ket_9_thang": PeriodKind.NINE_MONTHS,
    "tong_ket_nam": PeriodKind.YEAR,
    "so_ket_giua_nhiem_ky": PeriodKind.MIDTERM,
    "dai_hoi": PeriodKind.TERM,
}
# The period planned next, from which the reviewed one follows: "nhiệm vụ 6 tháng cuối năm 2021" -> 2021-H1.
PLANNED_BEFORE = {
    PeriodKind.HALF: {PeriodKind.HALF},
    PeriodKind.NINE_MONTHS: {PeriodKind.QUARTER},
    PeriodKind.YEAR: {PeriodKind.YEAR},
}
PLANNING = re.compile(
    r"(?:[,;]|\bvà)\s*(?:đề ra\s+|xây dựng\s+)?(?:triển khai|phương hướng|nhiệm vụ|kế hoạch|mục tiêu)\b|"
    r"\bra nghị quyết lãnh đạo\b",
    re.IGNORECASE,
)
MEETING_NAME = re.compile(
    r"\b(?:tổ chức|tiến hành|khai mạc|tham dự|tại|dự)\s+(?:thành công\s+|trọng thể\s+)?"
    r"(?P<name>(?:Hội nghị|hội nghị|Đại hội|đại hội|Lễ|lễ|buổi|Buổi|sinh hoạt|Sinh hoạt|Hội thảo|hội thảo|"
    r"Tọa đàm|tọa đàm|Chương trình|chương trình)\b[^.;]*)"
)
# A report of several meetings names each at the head of its part: "Về Hội nghị tổng kết ...".
SECTION_MEETING = re.compile(r"^(?:Về|Tại)\s+(?P<name>(?:Hội nghị|Đại hội|Lễ)\b[^.;:]*)")
QUOTED = re.compile(r"[“\"«][^”\"»]*[”\"»]")
TERM = re.compile(r"nhiệm kỳ\s*(?:[IVX]+\s*)?\(?\s*(?P<a>(?:19|20)\d\d)\s*[-–—]\s*(?P<b>(?:19|20)\d\d)", re.IGNORECASE)
# "tiến tới Đại hội ... nhiệm kỳ 2020-2025": the term of a congress to come, not of this meeting
COMING = re.compile(r"\b(?:tiến tới|hướng tới|chuẩn bị)\b[^.;,]*$", re.IGNORECASE)


def _meeting_name_in(lead):
    for sentence in _first_sentences(lead, 2):
        match = MEETING_NAME.search(sentence)
        if match:
            name = re.split(r",?\s+(?:nhằm|để|với sự|dưới sự|có sự|tại hội trường)\b", match["name"])[0]
            return name.strip(" ,")
    return ""


def kind_of(text) -> str | None:
    """The kind of meeting `text` names; "other" for a hội thảo, tọa đàm...; None when it names no kind."""
    key = fold(QUOTED.sub(" ", text or "")).strip()
    if OTHER_EVENTS.match(key):
        return "other"
    return next((kind for kind, rule in KIND_RULES if re.search(rule, key)), None)


REVIEW_OPENING = re.compile(
    r"\b(?:thảo luận|quyết định|xem xét|cho ý kiến)\b.*\b(?:đánh giá|sơ kết|tổng kết|kiểm điểm)\b", re.IGNORECASE
)


def meeting_of(title: str, lead: str, paragraphs=()) -> tuple[str, str]:
    """(name, kind) of the meeting reported: the kind the title or lead names, a review winning over a ceremony or
    a study held at the same meeting; the name as the lead gives it."""
    named = [(title, kind_of(title))]
    if name := _meeting_name_in(lead):
        named.append((name, kind_of(name)))
    named.append((first_sentence(lead), kind_of(first_sentence(lead))))
    for paragraph in paragraphs:
        for sentence in _first_sentences(paragraph, 50):
            if match := SECTION_MEETING.match(sentence):
                named.append((match["name"], kind_of(match["name"])))
    kinds = [kind for _, kind in named if kind]
    if not kinds:  # a numbered conference of a committee: its business, in the first paragraphs, names the review
        for paragraph in paragraphs[:3]:
            for sentence in _first_sentences(paragraph, 5):
                if kind_of(sentence) in REVIEW_KINDS and REVIEW_OPENING.search(sentence):
                    named.append((sentence, kind_of(sentence)))
                    kinds.append(kind_of(sentence))
                    break
            if kinds:
                break
    kind = next((k for k in kinds if k in REVIEW_KINDS), kinds[0] if kinds else "other")
    names = [text for text, k in named[1:] if k == kind and text] or [name or title]
    return names[0], kind


SPELLED_PERIODS = [
    (re.compile(r"\b0([1-9]) tháng\b", re.IGNORECASE), r"\1 tháng"),  # "06 tháng đầu năm"
    (re.compile(r"\b0?3 tháng cuối năm\b", re.IGNORECASE), "quý IV năm"),
]


def _periods_in(text):
    for pattern, replacement in SPELLED_PERIODS:
        text = pattern.sub(replacement, text)
    return Period.find_all(text)


def reviewed_period(kind, texts, *, held_on=None):
    """The period the meeting reviews, not the one it plans: the first one named that fits its kind; else the one
    just before the period planned ("triển khai nhiệm vụ năm 2024" after a year review: 2023); for a year review
    with no year written, the year ending or just ended at the meeting."""
    wanted = KIND_PERIODS.get(kind)
    if wanted is None:
        return _named_period(texts, held_on) if kind == "sinh_hoat_chuyen_de" else None
    for text in filter(None, texts):
        cut = PLANNING.search(text)
        review, plan = (text[: cut.start()], text[cut.start() :]) if cut else (text, "")
        for period in _periods_in(review):
            if period.kind == wanted:
                return period
            if wanted == PeriodKind.MIDTERM and period.kind == PeriodKind.TERM:
                return Period.midterm(period.start_year, period.number)
        for period in _periods_in(plan):
            if period.kind in PLANNED_BEFORE.get(wanted, ()):
                with suppress(ValueError):
                    return Period.containing(period.start - timedelta(days=1), wanted)
    if wanted == PeriodKind.YEAR and held_on:
        return Period.year(held_on.year - 1 if held_on.month <= 3 else held_on.year)
    return None


QUARTER_ALONE = re.compile(r"\bquý\s+(IV|I{1,3}|[1-4])\b(?!\s*(?:[/-]|năm)\s*\d)", re.IGNORECASE)


def _named_period(texts, held_on=None):
    """A cell meeting's month or quarter ("định kỳ tháng 6/2023", "chuyên đề quý III/2022"); a quarter written
    without its year ("chuyên đề quý II") is that of the meeting's year."""
    for text in filter(None, texts):
        for period in _periods_in(text):
            if period.kind in (PeriodKind.MONTH, PeriodKind.QUARTER):
                return period
    if held_on:
        for text in filter(None, texts):
            if match := QUARTER_ALONE.search(text):
                number = match[1].upper()
                quarter = {"I": 1, "II": 2, "III": 3, "IV": 4}.get(number) or int(number)
                with suppress(ValueError):
                    return Period.quarter(held_on.year, quarter)
    return None


def term_of(texts):
    """The term named in the first of `texts` that names one: "nhiệm kỳ 2020 - 2025" -> (2020, 2025)."""
    for text in texts:
        for match in TERM.finditer(text or ""):
            if COMING.search(text[max(0, match.start() - 80) : match.start()]):
                continue
            if 2 <= int(match["b"]) - int(match["a"]) <= 10:
                return int(match["a"]), int(match["b"])
    return None
