"""The parts of an article's text: source line, page furniture, title, publication time, breadcrumb, lead, body
paragraphs, photo captions and the byline. Rules work on whole lines, as pages are copied: one paragraph a line."""

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from newsroom.text import fold, nfc, phrases, tone_key

TZ = ZoneInfo("Asia/Ho_Chi_Minh")

# Capital letters, Vietnamese ones included (a range such as À-Ỹ would take in small letters too).
UPPER = "A-Z" + "".join(ch for ch in map(chr, range(0xC0, 0x1EFA)) if ch.isupper())

SOURCE_LINE = re.compile(r"^#\s*source\s*:\s*(?P<url>\S+)\s*$", re.IGNORECASE)
# A capture tool's prefix before the headline: " date 2023-10 Title", " date 2025-10-27 Title".
CAPTURE_PREFIX = re.compile(r"^date\s+(?P<y>\d{4})-(?P<m>\d\d)(?:-(?P<d>\d\d))?(?:\s+|$)")
INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
WRAP_END = (".", "!", "?", ":", ";", "”", '"', ")", "…")
SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")

# Lines that belong to the page, not the article (folded: no case, no diacritics).
FURNITURE = phrases(
    """
    skip ribbon commands, skip to main content, chia se bai viet, chia se, binh luan, in bai viet,
    in bai, ban in, gui email, gui bai viet, luu bai viet, ve dau trang, len dau trang, quay lai,
    tro ve, tro lai, xem them, tweet, facebook, zalo, twitter, email, e-mail, print, share,
    like, thich, trang chu, dang nhap, phong chu, co chu, tai ve, tai xuong, in trang,
    gui cho ban be, gop y, gui gop y, a a a, a- a a+, -a +a, top, menu, tim kiem,
    doc them, nghe doc bai, nghe bai viet, chuyen muc, sharing, copy link, sao chep lien ket
"""
)
FURNITURE_PATTERN = re.compile(
    r"^(?:(?:so )?luot (?:xem|doc|truy cap)\s*:?\s*[\d.,]+|[\W_]+|\d{1,4}|binh luan\s*\(\d+\)|"
    r"tong so diem cua bai viet.*|click de danh gia.*|bam de danh gia.*|danh gia bai viet.*|"
    r"chia se (?:len|qua) .*|(?:font|co chu)\s*:.*)$"
)
# A heading after which the rest of the page is not the article (only once the article has begun).
TAIL_MARKERS = phrases(
    """
    binh luan, y kien ban doc, gui y kien, gui binh luan, viet binh luan, tin lien quan,
    bai viet lien quan, cac tin khac, tin khac, cac bai viet khac, bai viet khac, tin cung chuyen muc,
    bai cung chuyen muc, nhung tin moi hon, nhung tin cu hon, tin moi hon, tin cu hon, tin moi,
    tin da dua, cac tin da dua, xem nhieu nhat, tin xem nhieu, tin doc nhieu, y kien cua ban,
    tin tuc khac, cung chuyen muc, bai viet cung chuyen muc, tin bai khac, tin lien quan khac
"""
)
KEYWORDS_LINE = re.compile(r"^(?:tu khoa|tags?|the|keywords?)\s*:\s*(?P<words>.+)$")

PUBLISHED = re.compile(
    r"""^(?:(?:thu\ (?:hai|ba|tu|nam|sau|bay)|chu\ nhat|t[2-7]|cn)\s*,?\s*)?
    (?:(?:ngay\ |thoi\ gian\ )?(?:dang|cap\ nhat|xuat\ ban|dang\ tai)(?:\ luc|\ ngay)?\s*:?\s*)?
    (?:(?P<time1>\d{1,2}\s*[:h]\s*\d{2})(?::\d{2})?\s*(?:am|pm)?\s*[,|-]?\s*(?:ngay\s*)?)?
    (?:ngay\s+)?(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})
    (?:\s*(?:[,|-]|luc)?\s*(?P<time2>\d{1,2}\s*[:h]\s*\d{2})(?::\d{2})?\s*(?:am|pm)?)?
    \s*(?:\(?gmt\s*\+\s*0?7(?::00)?\)?)?$""",
    re.VERBOSE,
)

# "7 tháng 2, 2014", "Thứ sáu, ngày 7 tháng 2 năm 2014" (blog and portal headers)
PUBLISHED_WORDS = re.compile(
    r"""^(?:(?:thu\ (?:hai|ba|tu|nam|sau|bay)|chu\ nhat)\s*,?\s*)?(?:ngay\ )?
    (?P<d>\d{1,2})\ thang\ (?P<m>\d{1,2})\s*(?:,|nam)\s*(?P<y>\d{4})
    (?:\s*(?:[,|-]|luc)?\s*(?P<time2>\d{1,2}\s*[:h]\s*\d{2})(?::\d{2})?\s*(?:am|pm)?)?\s*$""",
    re.VERBOSE,
)
# "Hải Phòng, ngày 27 tháng 02 năm 2020": the place-and-date line of a document or a print view, not a headline.
PLACE_DATE_LINE = re.compile(r"^[\w .'-]{2,40},\s*ngay\s+\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4}\.?$")
# "Thanh Sơn (Ban Thời sự)-Thứ sáu, ngày 03/03/2017 19:16 GMT+7": the writer, then the date line.
BYLINE_DATE = re.compile(r"^(?P<name>[^\d()\-–|]{3,40}?)\s*(?:\([^()]{2,40}\))?\s*[-–|]\s*(?P<date>.*\d{4}.*)$")

# "BDK.VN - Ngày 17-5-2023, ...": a source (or a dateline) in capitals before the lead.
SOURCE_PREFIX = re.compile(
    r"^\(?(?P<source>[A-ZĐ][A-ZĐ0-9.&]*[A-ZĐ0-9](?:\ [A-ZĐ][A-ZĐ0-9.&]*|\ Online){0,3})\)?\s*[-–—]\s+(?=\S)"
)
LEAD_OPENING = re.compile(
    r"^(?:(?:sang|chieu|toi|trua)\s+(?:nay|qua|hom nay|ngay)?\s*\(?\d|(?:sang|chieu|toi|trua)\s+ngay\b|"
    r"ngay\s+\d|vua qua|moi day|thoi gian qua|trong (?:hai|ba|\d) ngay|tu ngay\s+\d|nhung ngay qua|"
    r"vao (?:luc|hoi|ngay|sang|chieu|toi)\b|hom nay\b|can cu\b)"
)

# "Ảnh: Thiệu Phan" alone, or closing a caption: ". Ảnh: X", " (Ảnh: X)", " - Ảnh: X"
PHOTO_CREDIT = re.compile(
    r"(?:^|(?<=[.!?])\s*|\s+[-–—]?\s*)\(?(?:ảnh|ảnh và tin|nguồn ảnh|photo)\s*:\s*"
    r"(?P<credit>[^():]{2,60}?)\s*\)?\s*\.?$",
    re.IGNORECASE,
)
# What stands where a photo was without describing it: a file name ("a1", "hinh", "IMG_2034.jpg"), an unfilled
# template field ("%image_alt%"), an agency tag in brackets ("(TTXVN/Vietnam+)").
NOT_A_CAPTION = re.compile(
    r"^(?:\S+|.*(?:%\w+%|\{\{.*\}\}|\$\{.*\}).*|\([^()]*\)|.*\.(?:jpe?g|png|gif|webp))$", re.IGNORECASE
)
# A gallery's alt text before each caption: "<headline> ảnh 1 <caption>", "<headline> ảnh 2<caption>".
GALLERY_ALT = re.compile(rf"^.{{10,}}?\s+ảnh\s*\d{{1,2}}\s*(?=[{UPPER}])")
ILLUSTRATION = re.compile(r"\(?\s*ảnh(?: minh họa| minh hoạ| tư liệu| internet)\s*\)?\.?$", re.IGNORECASE)
GALLERY_HEADING = re.compile(
    r"^(?:một số |những |các |chùm )?(?:hình ảnh|ảnh)(?:\s+(?:tại|của|về|hoạt động|trong|buổi|hội nghị|đại hội|"
    r"lễ|chương trình)\b.*)?\s*[:.]?$",
    re.IGNORECASE,
)
# Openings of a narrative sentence, not of a caption: "Phát biểu tại Hội nghị, ...", "Tại Hội nghị, ...".
NARRATIVE_OPENING = re.compile(
    r"^(?:phát biểu|tại|theo|trong|về|để|với|sau|qua|nhằm|thực hiện|kết luận|bước sang|tiếp theo|tiếp đó|dịp này|"
    r"được biết|nhân dịp|nhân|ngay sau|trước đó|đồng thời|bên cạnh|ngoài ra|cùng ngày|thay mặt|năm|tháng|"
    r"hiện nay|từ|đến nay|như vậy|vì vậy|do đó|tuy nhiên|mặc dù|trước|sau khi|khi|nếu|kết thúc)\b",
    re.IGNORECASE,
)
# A sentence ends at . ! ? or … before a capital, but not after an abbreviated degree or initial ("TS. Diệp").
SENTENCE_END = re.compile(
    r"(?<!\b[A-ZĐ]\.)(?<!\b[A-ZĐ][a-zA-Z]\.)(?<!\b[A-Z][a-z][A-Z]\.)(?<!\bPGS\.)(?<=[.!?…])\s+(?=[^\w\s]*[A-ZĐÀ-Ỹ])"
)
NARRATION = re.compile(r"\b(?:đã|sẽ|đang|cho rằng|cho biết|nhằm|bởi vì|được|của mình)\b|[:;“”\"]", re.IGNORECASE)
LIST_MARKER = re.compile(r"^(?:[-+•*–]|\(?\d{1,2}[).]|\(?[a-zđ][).]\s|[IVX]{1,4}[.)]\s)")

BYLINE_LABEL = re.compile(
    r"^\(?\s*(?P<label>tác giả(?: bài viết)?|(?:tin|bài|ảnh|video)(?:\s*(?:,|và|-|–|&|\+)\s*(?:ảnh|tin|bài|clip))?|"
    r"người viết|phóng viên|nhóm phóng viên|nhóm pv|pv|thực hiện|nhóm thực hiện|tin bài)\s*:\s*"
    r"(?P<name>[^():]{2,120}?)\s*\)?\s*\.?$",
    re.IGNORECASE,
)
TRAILING_BYLINE = re.compile(
    r"\s*\(\s*(?P<label>(?:tin|bài)(?:\s*(?:,|và|-|&)\s*ảnh)?|tác giả)\s*:\s*(?P<name>[^()]{2,60})\)\s*\.?$",
    re.IGNORECASE,
)
NAME_CONNECTORS = {"-", "–", "—", ",", "&", "/", "và", "(", ")"}
UNIT_OPENING = re.compile(
    r"^(?:văn phòng|ban|đảng ủy|đảng uỷ|đảng bộ|chi bộ|trung tâm|phòng|công đoàn|đoàn thanh niên|đoàn|"
    r"hội|ủy ban|uỷ ban|tổ|bộ phận)\b",
    re.IGNORECASE,
)
WRITER_AND_UNIT = re.compile(r"^(?P<name>[^()\-–]+?)\s*(?:\(|\s[-–]\s)\s*(?P<unit>[^()]+?)\)?$")
SCENE_VERB = re.compile(r"\b(?:phát biểu|trao|tặng|ra mắt|chụp|dự|tham dự|thăm|biểu quyết)\b", re.IGNORECASE)
SCENE_SUBJECT = re.compile(r"^(?:đồng chí|đ/c|các đồng chí|các đ/c|lãnh đạo|đại biểu|các đại biểu)\s", re.IGNORECASE)
SOURCE_CREDIT = re.compile(r"^(?:nguồn|theo)\s*:?\s+(?P<source>.{2,80}?)\.?$", re.IGNORECASE)


@dataclass
class Caption:
    text: str
    credit: str = ""
    written: str = ""  # the line as it stands, an inline credit included
    inline_credit: bool = False


@dataclass
class Block:
    kind: str  # "p", "caption" or "heading"
    text: str
    caption: Caption | None = None
    in_gallery: bool = False


@dataclass
class Layout:
    source_url: str = ""
    title: str = ""
    published: datetime | None = None
    source: str = ""
    breadcrumb: list[str] = field(default_factory=list)
    lead: str = ""
    blocks: list[Block] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    byline: str = ""
    byline_label: str = ""
    keywords: list[str] = field(default_factory=list)
    caption_keys: dict[str, Caption] = field(default_factory=dict, repr=False)

    @property
    def paragraphs(self):
        return [block.text for block in self.blocks if block.kind == "p"]


def clean_lines(text: str) -> list[str]:
    """The paragraphs of `text`, one a line, in NFC, with invisible characters dropped and spaces collapsed.

    A line broken inside a sentence (hard-wrapped text) is joined again: it ends without punctuation and the
    next line, right below it, goes on in lower case."""
    text = INVISIBLE.sub("", nfc(text)).replace("\r\n", "\n").replace("\r", "\n")
    lines, previous = [], ""
    for raw in text.split("\n"):
        line = SPACES.sub(" ", raw).strip()
        if line and previous and len(previous) > 50 and line[0].islower() and not previous.endswith(WRAP_END):
            lines[-1] = previous = f"{previous} {line}"
            continue
        if line:
            lines.append(line)
        previous = line
    return lines


def words(text):
    return text.split()


def is_furniture(line):
    key = fold(line).strip(" .:")
    return key in FURNITURE or bool(FURNITURE_PATTERN.match(key))


def parse_published(line) -> datetime | None:
    """The publication time on a date line ("17/05/2023 - 12:17", "Thứ Tư, 17/5/2023 12:17 (GMT+7)")."""
    if len(line) > 80:
        return None
    if re.match(r"\d{4}-\d\d-\d\d", line.strip()):  # a page's metadata: "2023-05-17T12:17:00+07:00"
        try:
            found = datetime.fromisoformat(line.strip().replace("Z", "+00:00"))
        except ValueError:
            return None
        return found.astimezone(TZ) if found.tzinfo else found.replace(tzinfo=TZ)
    for part in [re.sub(r"(\d{4})\s*\|\s*(?=\d{1,2}:\d\d)", r"\1 ", line), *line.split("|")]:  # "17/07/2019 | 09:15"
        key = fold(part).strip(" ()[]")
        match = PUBLISHED.match(key) or PUBLISHED_WORDS.match(key)
        if match:
            return _datetime(match)
    return None


def _datetime(match):
    time = match.groupdict().get("time1") or match.groupdict().get("time2") or "0:00"
    hour, minute = (int(n) for n in re.split(r"\s*[:h]\s*", time))
    try:
        return datetime(int(match["y"]), int(match["m"]), int(match["d"]), hour, minute, tzinfo=TZ)
    except ValueError:
        return None


def split_credit(text):
    """(caption, credit): "Đại biểu góp ý kiến. Ảnh: Thiệu Phan" -> ("Đại biểu góp ý kiến.", "Thiệu Phan")."""
    match = PHOTO_CREDIT.search(text)
    if match and len(words(match["credit"])) <= 6:
        return text[: match.start()].rstrip(" -–—(").strip(), match["credit"].strip()
    illustration = ILLUSTRATION.search(text)
    if illustration and illustration.start() > 0:
        return text[: illustration.start()].rstrip(" -–—(").strip(), ""
    return text, ""


def is_gallery_heading(line):
    return len(words(line)) <= 12 and bool(GALLERY_HEADING.match(line))


def sentences(text):
    """The sentences of `text`; "TS. Diệp Quang Vinh" is one."""
    return [part for part in SENTENCE_END.split(text) if part]


def looks_like_caption(line):
    """A short stand-alone line describing a photo rather than telling the story: "Toàn cảnh Hội nghị",
    "Đ/c ... phát biểu tại Hội nghị": one clause, no narrative opening or tense, no list or heading marks."""
    count = len(words(line))
    # a longer line is a caption only as one scene: who, in what post, doing what ("Đồng chí ... trao ...")
    longest = 50 if SCENE_SUBJECT.match(line) and SCENE_VERB.search(line) else 30
    if count > longest or len(sentences(line)) > 1 or LIST_MARKER.match(line) or line.endswith((":", ";", ",")):
        return False
    if line.upper() == line or NARRATION.search(line.rstrip(".")) or NARRATIVE_OPENING.match(line):
        return False
    return not LEAD_OPENING.match(fold(line))  # "Ngày 13/6/2017 Chi bộ ... tiến hành Đại hội": a report


def _capitalized(word):
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and letters[0].isupper()


def parse_byline(line):
    """(label, name) when `line` is a byline: "Tác giả bài viết: Hoài Thu", "Tin, ảnh: Hoàng Lam", a bare name,
    or a publishing unit ("TRUNG TÂM CÔNG NGHỆ THÔNG TIN")."""
    match = BYLINE_LABEL.match(line)
    if match:
        label = match["label"]
        if fold(label) in ("anh", "video"):  # a photo credit on its own line, not the writer
            return None
        return label, match["name"].strip()
    text = line.rstrip(".").strip()
    tokens = text.replace("(", " ( ").replace(")", " ) ").split()
    if not tokens or len(text) > 80 or any(ch.isdigit() for ch in text) or text.endswith((":", ";", ",", "!", "?")):
        return None
    name_words = [t for t in tokens if t.lower() not in NAME_CONNECTORS]
    if text.upper() == text and 2 <= len(name_words) <= 14 and any(c.isalpha() for c in text):
        return "", text
    if 2 <= len(name_words) <= 6 and all(_capitalized(t) for t in name_words):
        return "", text
    # a name and where the writer works: "Minh Hà (Văn phòng Đảng ủy)", "Minh Hà - Văn phòng Đảng ủy"
    match = WRITER_AND_UNIT.match(text)
    if match and 2 <= len(words(match["name"])) <= 4 and all(_capitalized(w) for w in words(match["name"])):
        if UNIT_OPENING.match(match["unit"]):
            return "", text
    if UNIT_OPENING.match(text) and len(name_words) <= 6 and not SCENE_VERB.search(text):
        return "", text
    return None


def breadcrumb_parts(line):
    """Category names from a breadcrumb line ("Đảng, Đoàn thể", "Trang chủ > Tin tức > Xây dựng Đảng")."""
    if len(line) > 80 or any(ch.isdigit() for ch in line) or line.endswith((".", ":", ";", "!", "?")):
        return None
    parts = [p.strip() for p in re.split(r"\s*(?:>|»|›|/|\|)\s*", line) if p.strip()]
    if len(parts) == 1 and len(words(line)) > 5:
        return None
    return [p for p in parts if fold(p) not in ("trang chu", "home", "tin tuc")] or parts


def _is_title(line):
    count = len(words(line))
    key = fold(line)
    return 3 <= count <= 60 and len(line) <= 300 and not LEAD_OPENING.match(key) and not PLACE_DATE_LINE.match(key)


def _is_body_start(line):
    return len(words(line)) > 30 or bool(LEAD_OPENING.match(fold(line))) or bool(SOURCE_PREFIX.match(line))


def read_layout(text: str, *, known_captions=(), title_hint="", published_hint=None) -> Layout:
    layout = Layout()
    first, _, rest = text.lstrip("\ufeff").partition("\n")
    if match := SOURCE_LINE.match(first.strip()):  # read before lines are joined: a prefix may follow it
        layout.source_url = match["url"]
        text = rest
    lines = clean_lines(text)
    if lines and (match := CAPTURE_PREFIX.match(lines[0])):
        if match["d"]:
            layout.published = _datetime(match)
        lines[0] = lines[0][match.end() :]
        lines = [line for line in lines if line]
    lines = _drop_furniture(lines, layout)
    known = {tone_key(c) for c in known_captions}
    index = _read_header(lines, layout, known, title_hint)
    if published_hint and not layout.published:
        layout.published = published_hint
    body = lines[index:]
    if body:
        lead = body.pop(0)
        match = SOURCE_PREFIX.match(lead)
        if match:
            layout.source = match["source"]
            lead = lead[match.end() :]
        layout.lead = lead
    body = _take_byline(body, layout)
    # why: an article ends with its byline or a full stop; without either the capture was cut, mid-sentence
    cut = bool(body) and not layout.byline and not body[-1].endswith(WRAP_END)
    _read_body(body, layout, known, cut=cut)
    _credited_captions_only(layout)
    return layout


def _drop_furniture(lines, layout):
    kept, started = [], False
    for line in lines:
        key = fold(line).strip(" .:")
        if started and key in TAIL_MARKERS:
            break
        if KEYWORDS_LINE.match(key):
            layout.keywords = [w.strip() for w in re.split(r"[,;]", line.split(":", 1)[1]) if w.strip()]
            continue
        if is_furniture(line):
            continue
        kept.append(line)
        started = started or len(words(line)) > 30
    return kept


def _read_header(lines, layout, known, title_hint):
    """Read title, date, breadcrumb and captions before the lead; the index of the lead."""
    repeated = {line for line, count in Counter(lines).items() if count > 1}
    for index, line in enumerate(lines):
        key = tone_key(line)
        if layout.title and key == tone_key(layout.title):
            continue
        if (published := parse_published(line)) is not None:
            layout.published = layout.published or published
            continue
        if PLACE_DATE_LINE.match(fold(line)):
            continue
        if (match := BYLINE_DATE.match(line)) and (published := parse_published(match["date"])) is not None:
            layout.published = layout.published or published
            if (found := parse_byline(match["name"])) and not found[0]:
                layout.byline = match["name"].strip()
            continue
        if key in known or line in repeated and layout.title and not _is_body_start(line):
            _add_caption(layout, line)
            continue
        if not layout.title and title_hint and key == tone_key(title_hint):  # the page's headline, however long
            layout.title = line
            continue
        if _is_body_start(line) and (layout.title or title_hint or len(words(line)) > 60):
            return index
        crumbs = breadcrumb_parts(line)
        if crumbs and (layout.title or title_hint or index + 1 < len(lines) and _is_title(lines[index + 1])):
            layout.breadcrumb = layout.breadcrumb or crumbs
            continue
        if not layout.title and _is_title(line):
            layout.title = line
            continue
        if layout.title and (looks_like_caption(line) or all(split_credit(line)) and len(words(line)) <= 40):
            _add_caption(layout, line)
            continue
        return index
    return len(lines)


def _add_caption(layout, line):
    """Keep `line` as a caption (once), its credit apart; a credit alone goes to the caption before it. What
    only stands where a photo was (a file name, a template field, an agency tag) is dropped, and the headline
    or lead printed again under a photo is no caption."""
    line = GALLERY_ALT.sub("", line)
    text, credit = split_credit(line)
    if not text:
        if credit and layout.captions and not layout.captions[-1].credit:
            layout.captions[-1].credit = credit
        return
    key = tone_key(text)
    if NOT_A_CAPTION.match(text) or key.rstrip(" .") in (tone_key(layout.title), tone_key(layout.lead).rstrip(" .")):
        return
    if caption := layout.caption_keys.get(key):
        caption.credit = caption.credit or credit
        return
    caption = layout.caption_keys[key] = Caption(text, credit, line, bool(credit))
    layout.captions.append(caption)
    layout.blocks.append(Block("caption", text, caption))


def _credited_captions_only(layout):
    """A page that credits its photos inline ("... hội nghị. Ảnh: X") credits those captions that end with a full
    stop: there, a full sentence without a credit is a sentence of the story, not a caption."""
    if not any(caption.inline_credit for caption in layout.captions):
        return
    for block in layout.blocks:
        if block.kind == "caption" and not block.caption.credit and not block.in_gallery:
            if block.text.endswith((".", "!", "?")):
                block.kind = "p"
                layout.captions.remove(block.caption)


def _take_byline(body, layout):
    """Take the byline off the end of the body: a labelled one ("Tin, ảnh: ...") among the last lines, else a bare
    name, a unit in capitals or a source on the last line, else one in brackets closing the last paragraph."""
    for index in range(len(body) - 1, max(-1, len(body) - 8), -1):
        found = BYLINE_LABEL.match(body[index]) and parse_byline(body[index])
        if found:
            layout.byline_label, layout.byline = found
            return body[:index] + body[index + 1 :]
    if not body:
        return body
    last = body[-1]
    found = parse_byline(last)
    if found:
        layout.byline_label, layout.byline = found
        return body[:-1]
    match = SOURCE_CREDIT.match(last)
    if match and len(words(last)) <= 10:
        layout.source = layout.source or match["source"]
        return _take_byline(body[:-1], layout)
    match = TRAILING_BYLINE.search(last)
    if match:
        layout.byline_label, layout.byline = match["label"], match["name"].strip()
        return [*body[:-1], last[: match.start()].rstrip()]
    return body


def _fragment_follows(layout):
    """Whether a cut-off last line is a fragment rather than a caption: it follows a paragraph, or it lacks the
    credit every other caption of the page carries."""
    if any(caption.inline_credit for caption in layout.captions):
        return True
    return bool(layout.blocks) and layout.blocks[-1].kind == "p"


def _read_body(body, layout, known, *, cut=False):
    in_gallery = False
    counts = Counter(tone_key(line) for line in body)
    for index, line in enumerate(body):
        key = tone_key(line)
        if is_gallery_heading(line):
            in_gallery = True
            layout.blocks.append(Block("heading", line.rstrip(":")))
            continue
        text, credit = split_credit(line)
        if cut and index == len(body) - 1 and not credit and _fragment_follows(layout):
            layout.blocks.append(Block("p", line))
            continue
        short = len(words(line)) <= 60
        credit_follows = index + 1 < len(body) and not split_credit(body[index + 1])[0]
        if (
            key in known
            or credit
            or not text
            or (in_gallery and short)
            or (credit_follows and short)
            or (counts[key] > 1 and short and not LIST_MARKER.match(line))
            or looks_like_caption(line)
        ):
            _add_caption(layout, line)
            if in_gallery and layout.blocks and layout.blocks[-1].kind == "caption":
                layout.blocks[-1].in_gallery = True
            continue
        layout.blocks.append(Block("p", line))
