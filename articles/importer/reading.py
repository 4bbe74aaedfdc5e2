"""Turning files into text: encodings, size and binary checks, and the main content of a saved web page."""

import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from newsroom.text import nfc

SUFFIXES = (".txt", ".html", ".htm")
# An article is a few kilobytes; the limits keep a wrong file from holding up the batch.
MAX_TEXT_BYTES = 1024 * 1024
MAX_PAGE_BYTES = 4 * 1024 * 1024  # a saved page carries scripts and styles besides the article
UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class UnreadableFile(Exception):
    """A file that is not a readable article; the message says why, in Vietnamese."""


def collect_paths(paths):
    """The article files named by `paths` (files, or folders searched recursively), in a stable order."""
    found, missing = [], []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        elif path.is_file():
            found.append(path)
        else:
            missing.append(path)
    return found, missing


def decode(data: bytes, *, limit: int = MAX_TEXT_BYTES) -> str:
    """Text of `data` in NFC: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1258."""
    if not data.strip():
        raise UnreadableFile("Tệp rỗng: không có nội dung.")
    if len(data) > limit:
        raise UnreadableFile(
            f"Tệp quá lớn ({len(data) / 1024 / 1024:.1f} MB, tối đa {limit / 1024 / 1024:.0f} MB): "
            "không giống một bài viết."
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise UnreadableFile(f"Tệp UTF-16 bị hỏng ở byte {error.start}.") from None
    elif b"\x00" in data:
        raise UnreadableFile("Tệp nhị phân (có byte 0), không phải văn bản.")
    else:
        text = _decode_8bit(data)
    text = nfc(text).lstrip("\ufeff")
    if len(CONTROL.findall(text)) > max(3, len(text) // 200):
        raise UnreadableFile("Tệp chứa nhiều ký tự điều khiển: có lẽ là tệp nhị phân, không phải văn bản.")
    if not text.strip():
        raise UnreadableFile("Tệp không có nội dung.")
    return text


def _decode_8bit(data):
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        utf8_error = error
    # why: a UTF-8 file with a few damaged bytes would pass as cp1258 and turn every accented letter into junk
    if len(UTF8_SEQUENCE.findall(data)) > 3:
        raise UnreadableFile(
            f"Tệp UTF-8 bị hỏng ở byte {utf8_error.start}: không đọc được (hãy lưu lại tệp với mã UTF-8)."
        )
    try:
        return data.decode("cp1258")  # cp1258 writes tones as combining marks; NFC joins them
    except UnicodeDecodeError as error:
        raise UnreadableFile(
            "Không nhận ra bảng mã của tệp (không phải UTF-8, UTF-16 hay Windows-1258; "
            f"byte lạ ở vị trí {error.start})."
        ) from None


def is_page(path: Path) -> bool:
    return path.suffix.lower() in (".html", ".htm")


def read_file(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableFile(f"Không mở được tệp: {error.strerror or error}.") from None
    return decode(data, limit=MAX_PAGE_BYTES if is_page(path) else MAX_TEXT_BYTES)


# --- Saved web pages ---

# why not "form": ASP.NET and SharePoint pages wrap the whole page in one
SKIPPED_TAGS = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "button",
    "select",
    "textarea",
    "nav",
    "head",
}
OPTIONAL_TAGS = {"header", "footer", "aside"}
BLOCK_TAGS = frozenset(
    """
    p div section article main h1 h2 h3 h4 h5 h6 li tr td th br
    blockquote figure figcaption table ul ol dd dt time header footer aside
""".split()
)
VOID_TAGS = {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "area", "col", "embed", "param", "track"}
FURNITURE_HINT = re.compile(
    r"\b(?:nav|navigation|menu|sidebar|side-bar|widget|banner|advert|ads?|social|share|sharing|comment|comments|"
    r"related|footer|header|topbar|toolbar|login|search|breadcrumbs?|tags?|pagination|print|complementary|"
    r"contentinfo)\b",
    re.IGNORECASE,
)
CONTENT_HINT = re.compile(
    r"(?:article|content|detail|chi-?tiet|noi-?dung|post|entry|news|story|body|main|the-?content)", re.IGNORECASE
)
CAPTION_HINT = re.compile(r"caption|chu-?thich|image-?desc|img-?desc|photo-?desc|figcaption", re.IGNORECASE)
BREADCRUMB_HINT = re.compile(r"breadcrumb|duong-?dan|category|chuyen-?muc", re.IGNORECASE)


@dataclass
class Page:
    """What a saved web page says about its article: text blocks of the main content and a few marked facts."""

    title: str = ""
    source_url: str = ""
    published: str = ""
    breadcrumb: list[str] = field(default_factory=list)
    blocks: list[str] = field(default_factory=list)
    captions: set[str] = field(default_factory=set)


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, role): role None, "skip", "content", "caption", "breadcrumb" or "title"
        self.chunks = []  # (scope, role, text); scope "content" when inside the main content
        self.head_title = []
        self.in_head_title = False
        self.meta = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            if key and attrs.get("content"):
                self.meta.setdefault(key, attrs["content"])
            return
        if tag == "link" and (attrs.get("rel") or "").lower() == "canonical" and attrs.get("href"):
            self.meta.setdefault("canonical", attrs["href"])
            return
        if tag == "title":
            self.in_head_title = True
        if tag in VOID_TAGS:
            if tag == "br":
                self._text("\n")
            return
        hints = (
            ""
            if tag in ("html", "body")
            else " ".join(
                filter(None, (attrs.get("class"), attrs.get("id"), attrs.get("role"), attrs.get("itemprop")))
            )
        )
        role = None
        if tag in SKIPPED_TAGS or (tag in OPTIONAL_TAGS and not self._inside("content")):
            role = "skip"
        elif tag == "figcaption" or (hints and CAPTION_HINT.search(hints)):
            role = "caption"
        elif hints and BREADCRUMB_HINT.search(hints) and not self._inside("content"):
            role = "breadcrumb"
        elif hints and FURNITURE_HINT.search(hints) and tag not in ("article", "main"):
            role = "skip"
        elif tag == "h1":
            role = "title"
        elif tag in ("article", "main") or (hints and CONTENT_HINT.search(hints)):
            role = "content"
        self.stack.append((tag, role))
        if tag in BLOCK_TAGS:
            self._text("\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_head_title = False
        if tag in VOID_TAGS:
            return
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break
        if tag in BLOCK_TAGS:
            self._text("\n")

    def handle_data(self, data):
        if self.in_head_title:
            self.head_title.append(data)
            return
        self._text(data)

    def _inside(self, role):
        return any(r == role for _, r in self.stack)

    def _text(self, text):
        if self._inside("skip"):
            return
        role = next((r for _, r in reversed(self.stack) if r in ("caption", "breadcrumb", "title")), None)
        self.chunks.append(("content" if self._inside("content") else "page", role, text))


def _blocks(chunks):
    """Join chunks into (role, text) blocks, one per line of the rendered page."""
    blocks, current, current_role = [], [], None
    for _, role, text in chunks:
        parts = text.split("\n")
        for index, part in enumerate(parts):
            if index:
                line = " ".join("".join(current).split())
                if line:
                    blocks.append((current_role, line))
                current, current_role = [], None
            if part.strip():
                current.append(part)
                current_role = current_role or role
            elif part:
                current.append(" ")
    line = " ".join("".join(current).split())
    if line:
        blocks.append((current_role, line))
    return blocks


def _headline_of(head_title):
    """The headline in a page's <title>, "Hội nghị sơ kết ... - Cổng thông tin điện tử", without the site's name
    that closes it; "" for a section's name ("Tin tức - Cổng thông tin điện tử")."""
    parts = re.split(r"\s+[-|–]\s+", head_title)
    if len(parts) > 1:
        head_title = head_title[: head_title.rfind(parts[-1])].rstrip(" -|–")
    return head_title if len(head_title.split()) >= 3 else ""


def parse_html(html: str) -> Page:
    """The article in a saved web page: title, main-content blocks (no menus, scripts or sidebars), captions."""
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    page, meta = Page(), parser.meta
    in_content = [chunk for chunk in parser.chunks if chunk[0] == "content"]
    chunks = in_content if any(text.strip() for _, _, text in in_content) else parser.chunks
    blocks = _blocks(chunks)
    titles = [text for role, text in _blocks(parser.chunks) if role == "title"]
    page.title = nfc(
        (titles[0] if titles else "")
        or unescape(meta.get("og:title", ""))
        or _headline_of(" ".join("".join(parser.head_title).split()))
    )
    page.source_url = meta.get("og:url") or meta.get("canonical") or ""
    page.published = meta.get("article:published_time") or meta.get("datepublished") or ""
    page.breadcrumb = [text for role, text in _blocks(parser.chunks) if role == "breadcrumb"]
    page.captions = {nfc(text) for role, text in blocks if role == "caption"}
    page.blocks = [nfc(text) for role, text in blocks if role != "breadcrumb"]
    return page
