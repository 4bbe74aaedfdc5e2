"""What a reader sees of a page: its text, a part of it, its links; so tests don't depend on markup details."""

import re
from html import unescape
from html.parser import HTMLParser

REGIONS = "main|section|aside|nav|ul|ol|footer|dl|figure|header|div|article|p"


def _plain(html):
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S | re.I)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def text(response):
    """The page's visible text, tags dropped and spaces collapsed."""
    return _plain(response.content.decode())


def heading(response):
    """The text of the page's <h1>."""
    found = re.search(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S)
    assert found, "the page has no <h1>"
    return _plain(found[1])


def region(response, label):
    """The visible text of the innermost section, aside, nav... headed or aria-labelled `label`."""
    html = response.content.decode()
    marker = re.search(
        rf'aria-label="{re.escape(label)}"|<h[1-6][^>]*>(?:\s|<[^>]+>)*{re.escape(label)}(?:\s|<[^>]+>)*</h', html
    )
    assert marker, f"no part of the page is labelled {label!r}"
    for opening in reversed(list(re.finditer(rf"<({REGIONS})[\s>]", html[: marker.end()]))):
        depth = 0
        for tag in re.finditer(rf"<(/?){opening[1]}[\s>]", html[opening.start() :]):
            depth += -1 if tag[1] else 1
            if depth == 0:
                end = opening.start() + tag.end()
                if end > marker.end():
                    return _plain(html[opening.start() : end])
                break
    raise AssertionError(f"nothing on the page encloses {label!r}")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self._open = [], None

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._open = {"attrs": dict(attrs), "text": ""}
            self.links.append(self._open)

    def handle_data(self, data):
        if self._open is not None:
            self._open["text"] += data

    def handle_endtag(self, tag):
        if tag == "a":
            self._open = None


def links(response):
    """[(href, text, attributes)] of every link on the page."""
    parser = _Links()
    parser.feed(response.content.decode())
    return [(link["attrs"].get("href"), " ".join(link["text"].split()), link["attrs"]) for link in parser.links]


def hrefs(response):
    return [href for href, _, _ in links(response)]


def tags(response, name):
    """The attributes of every <name> element: tags(response, "meta"), tags(response, "link")."""
    found = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag == name:
                found.append(dict(attrs))

    Collect().feed(response.content.decode())
    return found
