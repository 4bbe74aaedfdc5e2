"""Do trafilatura or underthesea read real pages better than the importer's own rules? Figures for the choice.

Neither is a dependency: install them apart and point PYTHONPATH at them, then run from the repository's root:

    pip install --target /tmp/nlp-libs trafilatura underthesea
    DEBUG=true PYTHONPATH=.:/tmp/nlp-libs python bench/extraction_libraries.py [../shared/import-real]

The set's texts are plain text, so trafilatura is measured on each text served as a typical portal page (a menu,
a breadcrumb, the headline in <h1>, the paragraphs, a related-news sidebar, a footer): the importer's own HTML reader
against trafilatura's main content and metadata fed to the same rules. underthesea's CRF model (shipped in its
package) is measured as a check on the people the rules find (kept only if tagged PER) and as a source of more
names. Network access is refused for the whole run: nothing may download.
"""

import html
import json
import os
import socket
import sys
import time
from pathlib import Path

import django


def _offline(*args, **kwargs):
    raise RuntimeError("network access attempted")


socket.socket.connect = _offline
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
django.setup()

from articles.importer import extract, extract_html, extraction  # noqa: E402
from articles.importer import people as rules  # noqa: E402
from articles.importer.evaluation import FIELDS, agrees  # noqa: E402
from newsroom.text import tone_key  # noqa: E402

SET = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/import-real")
LABELS = json.loads((SET / "expected.json").read_text(encoding="utf-8"))
TEXTS = {label["file"]: (SET / "articles" / label["file"]).read_text(encoding="utf-8") for label in LABELS}
HEADLINES = {label["file"]: label["title"] for label in LABELS}  # where the page's <h1> stands


def as_page(name):
    lines = TEXTS[name].splitlines()
    url = lines[0].split(":", 1)[1].strip() if lines[0].startswith("# source") else ""
    headline = HEADLINES[name]
    body = "\n".join(
        f"<h1>{html.escape(line)}</h1>" if headline and headline in line else f"<p>{html.escape(line)}</p>"
        for line in (line.strip() for line in lines[1:])
        if line
    )
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>{html.escape(headline or "Tin tức")} - Cổng thông tin điện tử</title><link rel="canonical" href="{url}"></head>
<body><header><div class="logo">Cổng thông tin điện tử</div><nav class="menu"><ul><li><a href="/">Trang chủ</a></li>
<li><a href="/tin">Tin tức</a></li><li><a href="/dang">Xây dựng Đảng</a></li></ul></nav></header>
<div class="breadcrumb"><a href="/">Trang chủ</a> &gt; <a href="/tin">Tin tức</a></div>
<main><div class="news-detail"><div class="content-detail">{body}</div></div></main>
<aside class="sidebar"><h3>Tin liên quan</h3><ul><li><a href="/a">Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15</a>
</li><li><a href="/b">Trao Huy hiệu Đảng đợt 3/2</a></li></ul></aside>
<footer><p>Bản quyền thuộc Cổng thông tin điện tử. Điện thoại: 0123 456 789.</p></footer></body></html>"""


def score(read):
    right, counted, started = dict.fromkeys(FIELDS, 0), dict.fromkeys(FIELDS, 0), time.monotonic()
    for label in LABELS:
        row = read(label["file"]).as_expected(label["file"])
        for field in FIELDS:
            got, wanted = row.get(field), label.get(field)
            if field == "period" and label.get("meeting_type") == "dai_hoi" and wanted == label.get("term"):
                wanted = None
            if got or wanted:
                counted[field] += 1
                right[field] += agrees(field, got, wanted, label.get(f"{field}_aliases") or ())
    seconds = time.monotonic() - started
    fields = " ".join(f"{f}={right[f] / counted[f]:.2f}" for f in FIELDS if counted[f])
    return f"overall {sum(right.values()) / sum(counted.values()):.3f}  {seconds:6.2f} s  {fields}"


def with_trafilatura(name):
    import trafilatura

    found = trafilatura.bare_extraction(as_page(name), with_metadata=True, favor_recall=True)
    found = found.as_dict() if hasattr(found, "as_dict") else found
    return extract("\n\n".join(filter(None, [found.get("title"), found.get("text")])), source_url=found.get("url"))


def tagged_people(texts):
    from underthesea import ner

    names, current = set(), []
    for text in texts:
        for sentence in rules.sentences_of(text):
            for word, _, _, tag in [*ner(sentence), ("", "", "", "O")]:
                if tag.endswith("PER") and not (tag.startswith("B") and current):
                    current.append(word)
                    continue
                if current:
                    names.add(tone_key(" ".join(current)))
                current = [word] if tag.endswith("PER") else []
    return names


def people_checked(paragraphs, captions=()):
    tagged = tagged_people([*paragraphs, *captions])
    return [person for person in ORIGINAL(paragraphs, captions) if tone_key(person.name) in tagged]


def people_added(paragraphs, captions=()):
    found = ORIGINAL(paragraphs, captions)
    known = {tone_key(person.name) for person in found}
    more = [n for n in tagged_people([*paragraphs, *captions]) if len(n.split()) >= 2]
    return found + [rules.Person(n.title()) for n in more if not any(n in k or k in n for k in known)]


ORIGINAL = extraction.people_in

print(f"{len(LABELS)} labelled pages of {SET}")
print(f"{'rules on the text':34}", score(lambda name: extract(TEXTS[name])))
print(f"{'page: importer HTML reader':34}", score(lambda name: extract_html(as_page(name))))
print(f"{'page: trafilatura + rules':34}", score(with_trafilatura))
extraction.people_in = people_checked
print(f"{'underthesea NER checks people':34}", score(lambda name: extract(TEXTS[name])))
extraction.people_in = people_added
print(f"{'underthesea NER adds people':34}", score(lambda name: extract(TEXTS[name])))
