"""`extract()`: everything the importer reads from one article's text, with no database access."""

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime

from newsroom.periods import Period
from newsroom.text import nfc, tone_key

from . import facts
from .layout import Caption, Layout, breadcrumb_parts, parse_published, read_layout
from .people import Person, people_in
from .reading import MAX_TEXT_BYTES, UnreadableFile, is_page, parse_html, read_file


@dataclass
class Extraction:
    title: str = ""
    published: datetime | None = None
    source: str = ""
    source_url: str = ""
    breadcrumb: list[str] = field(default_factory=list)
    lead: str = ""
    layout: Layout | None = None
    byline: str = ""
    byline_label: str = ""
    captions: list[Caption] = field(default_factory=list)
    meeting_title: str = ""
    meeting_date: date | None = None
    part_of_day: str = ""
    organizing_unit: str = ""
    organizing_body: str = ""  # as written: "Ban Thường vụ Huyện ủy Phú Lâm" for the unit "Huyện ủy Phú Lâm"
    meeting_type: str = "other"
    period: Period | None = None
    term: tuple[int, int] | None = None
    people: list[Person] = field(default_factory=list)
    content_hash: str = ""

    @property
    def chairs(self):
        return [person for person in self.people if person.chair]

    @property
    def import_key(self):
        """What identifies the article across imports: its source address, else its text (64 hex digits)."""
        if self.source_url:
            return hashlib.sha256(f"url:{self.source_url.strip()}".encode()).hexdigest()
        return self.content_hash

    @property
    def photo_credit(self):
        credits = {c.credit for c in self.captions if c.credit}
        if len(credits) == 1:
            return credits.pop()
        if self.byline_label and "ảnh" in self.byline_label.lower():
            return self.byline
        return ""

    def missing(self):
        """Names of the facts that could not be determined (in Vietnamese, for the summary)."""
        checks = {
            "tiêu đề": self.title,
            "thời gian đăng": self.published,
            "ngày họp": self.meeting_date,
            "đơn vị tổ chức": self.organizing_unit,
            "loại hội nghị": self.meeting_type != "other",
            "kỳ báo cáo": self.period,
            "người chủ trì": self.chairs,
            "tác giả": self.byline,
        }
        return [label for label, value in checks.items() if not value]

    def as_expected(self, file=None):
        """The extraction in the schema of the evaluation set's expected.json."""
        return {
            "file": file,
            "title": self.title or None,
            "meeting_date": self.meeting_date.isoformat() if self.meeting_date else None,
            "published": self.published.date().isoformat() if self.published else None,
            "organizing_unit": self.organizing_body or self.organizing_unit or None,
            "meeting_type": self.meeting_type,
            # a congress's period is its term, written once, as the term
            "period": str(self.period) if self.period and self.meeting_type != "dai_hoi" else None,
            "term": f"{self.term[0]}-{self.term[1]}" if self.term else None,
            "chair": [person.name for person in self.chairs],
            "people": [{"name": person.name, "roles": person.titles} for person in self.people],
            "author": self.byline or None,
            "photo_captions": [caption.written or caption.text for caption in self.captions],
        }


def content_hash(text):
    return hashlib.sha256(" ".join(tone_key(text).split()).encode()).hexdigest()


def extract(text: str, *, source_url: str | None = None) -> Extraction:
    """Read an article from the text of a .txt file (one paragraph a line, as copied from its page)."""
    return _extract(read_layout(text), text, source_url=source_url)


def extract_html(html: str, *, source_url: str | None = None) -> Extraction:
    """Read an article from a saved web page: its main content only, figure captions known as captions."""
    page = parse_html(html)
    lines = page.blocks
    if page.title and not any(tone_key(line) == tone_key(page.title) for line in lines[:8]):
        lines = [page.title, *lines]
    text = "\n".join(lines)
    if len(text.encode()) > MAX_TEXT_BYTES:
        raise UnreadableFile("Nội dung chính của trang quá dài: không giống một bài viết.")
    layout = read_layout(
        text,
        known_captions=page.captions,
        title_hint=page.title,
        published_hint=parse_published(page.published) if page.published else None,
    )
    if not layout.breadcrumb and page.breadcrumb:
        layout.breadcrumb = breadcrumb_parts(page.breadcrumb[-1]) or []
    return _extract(layout, text, source_url=source_url or page.source_url or None)


def _extract(layout: Layout, text: str, *, source_url=None) -> Extraction:
    found = Extraction(
        title=layout.title,
        published=layout.published,
        source=layout.source,
        source_url=nfc(source_url or layout.source_url or ""),
        breadcrumb=layout.breadcrumb,
        lead=layout.lead,
        layout=layout,
        byline=layout.byline,
        byline_label=layout.byline_label,
        captions=layout.captions,
        content_hash=content_hash(text),
    )
    title = layout.title
    lead = facts.event_text(layout.lead, layout.paragraphs)
    context = "\n".join([layout.lead, *layout.paragraphs])
    found.organizing_body = facts.host_body(lead, title, layout.paragraphs, context=context)
    found.organizing_unit = facts.unit_of(found.organizing_body)
    found.meeting_title, found.meeting_type = facts.meeting_of(title, lead, layout.paragraphs)
    first_sentence = facts.first_sentence(lead)
    texts = [title, found.meeting_title, first_sentence]
    period = facts.reviewed_period(found.meeting_type, texts)
    found.meeting_date, found.part_of_day = facts.meeting_date(
        [layout.lead, *layout.paragraphs], published=found.published, period=period
    )
    found.period = period or facts.reviewed_period(found.meeting_type, texts, held_on=found.meeting_date)
    found.term = facts.term_of(texts)
    found.people = people_in([lead, *layout.paragraphs], [c.text for c in layout.captions])
    return found


def read_extraction(path) -> Extraction:
    """What the file at `path` says: a saved page (.html) or a plain text."""
    text = read_file(path)
    return extract_html(text) if is_page(path) else extract(text)
