"""Seed the benchmark's large dataset fast: the demo province, then bulk rows written with COPY.

    DJANGO_SETTINGS_MODULE=bench.settings python bench/seed.py --articles 100000

On top of `seed_demo` (its tree, people, photos, categories and tags) it adds units down to 5 levels until there
are `--units`, people until `--people`, meetings and articles until `--articles`, spread over `--years` years
back from today; most articles report a meeting, most have a cover, some a gallery and tags. It prints its
progress; 100,000 articles take a few minutes on two cores. The same seed gives the same rows.
"""

import argparse
import csv
import io
import os
import random
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles.models import Article, Category, Photo, Tag  # noqa: E402
from demo import data  # noqa: E402
from newsroom.periods import Period  # noqa: E402
from newsroom.text import fold, slugify_vi  # noqa: E402
from organizations.models import Meeting, Organization, Person, given_name_sort_key  # noqa: E402

BRANCHING = [12, 8, 5, 5]  # children per unit at depths 1..4 of the added subtree: 5 levels in all
CHUNK = 5000
STARTED = time.monotonic()


def say(message):
    print(f"[{time.monotonic() - STARTED:6.1f} s] {message}", flush=True)


def copy(table, columns, rows):
    """COPY `rows` into `table` in chunks; returns how many."""
    raw = connection.connection.cursor()
    count, buffer, writer = 0, io.StringIO(), None
    statement = f"COPY {table} ({', '.join(columns)}) FROM STDIN WITH (FORMAT csv, NULL '\\N')"

    def flush():
        buffer.seek(0)
        raw.copy_expert(statement, buffer)
        buffer.seek(0)
        buffer.truncate()

    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow(["\\N" if v is None else v for v in row])
        count += 1
        if count % CHUNK == 0:
            flush()
    flush()
    return count


def next_id(model):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {model._meta.db_table}")
        return cursor.fetchone()[0]


def reset_sequence(model):
    with connection.cursor() as cursor:
        table = model._meta.db_table
        cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))")


def add_units(rng, target):
    """A subtree under the root, breadth first, until `target` units: (id, path, name) of every added unit."""
    root = Organization.objects.get(depth=1)
    have = Organization.objects.count()
    kinds = ["upper", "grassroots", "grassroots_cell", "cell"]
    made, level, first_id = [], [(root.path, root.numchild)], next_id(Organization)
    for depth, branching in enumerate(BRANCHING, start=2):
        below = []
        for parent_path, taken in level:
            for i in range(branching):
                if have + len(made) >= target:
                    break
                path = parent_path + Organization._int2str(taken + i + 1).rjust(Organization.steplen, "0")
                n = len(made) + 1
                name = f"{'Đảng bộ' if depth < 5 else 'Chi bộ'} {rng.choice(data.GIVEN_NAMES_MALE)} số {n}"
                made.append((first_id + n - 1, path, depth, name, kinds[depth - 2]))
                below.append((path, 0))
        level = below
    rows = (
        (pk, path, depth, 0, kind, name, "", "", f"{slugify_vi(name)}-{pk}", "", "", "", "", "", False)
        for pk, path, depth, name, kind in made
    )
    columns = ["id", "path", "depth", "numchild", "kind", "name", "short_name", "aliases", "slug", "description"]
    columns += ["address", "phone", "email", "website", "needs_review"]
    copy("organizations_organization", columns, rows)
    with connection.cursor() as cursor:  # numchild of every unit, from the paths
        cursor.execute(
            "UPDATE organizations_organization o SET numchild = (SELECT COUNT(*) FROM organizations_organization c "
            "WHERE c.path LIKE o.path || '____' AND c.depth = o.depth + 1)"
        )
    reset_sequence(Organization)
    return made


def add_people(rng, target):
    have, first_id = Person.objects.count(), next_id(Person)
    rows = []
    for n in range(max(0, target - have)):
        name = " ".join(
            [rng.choice(data.FAMILY_NAMES), rng.choice(data.MIDDLE_NAMES_MALE), rng.choice(data.GIVEN_NAMES_MALE)]
        )
        rows.append((first_id + n, name, given_name_sort_key(name), f"{slugify_vi(name)}-{first_id + n}", "", ""))
    copy("organizations_person", ["id", "full_name", "sort_key", "slug", "bio", "photo"], rows)
    reset_sequence(Person)
    return len(rows)


MEETING_KINDS = [  # (kind, title, period of the day held)
    ("so_ket_6_thang", "Hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu năm {year}", "h1"),
    ("tong_ket_nam", "Hội nghị tổng kết công tác xây dựng Đảng năm {year}", "year"),
    ("hoc_tap_quan_triet", "Hội nghị học tập, quán triệt Nghị quyết Trung ương", None),
    ("sinh_hoat_chuyen_de", "Sinh hoạt chi bộ chuyên đề tháng {month}/{year}", "month"),
]


class Blanks(dict):
    """Fills the demo's phrase placeholders with something plausible."""

    def __missing__(self, key):
        return {"committee_short": "Đảng ủy", "field": "công tác chuyên môn"}.get(key, "các chi bộ")


def period_of(kind, day):
    if kind == "h1":
        return Period.half(day.year, 1)
    if kind == "year":
        return Period.year(day.year)
    if kind == "month":
        return Period.month(day.year, day.month)
    return None


def add_articles(rng, target, years, units):
    have = Article.objects.count()
    count = max(0, target - have)
    if not count:
        return 0
    today = timezone.localdate()
    days = years * 365
    unit_ids = [pk for pk, *_ in units] or list(Organization.objects.values_list("pk", flat=True))
    categories = list(Category.objects.values_list("pk", flat=True))
    photos = list(Photo.objects.values_list("pk", flat=True))
    tags = list(Tag.objects.values_list("pk", flat=True))
    people = list(Person.objects.values_list("pk", flat=True)[:5000])
    meeting_id, article_id = next_id(Meeting), next_id(Article)
    now = timezone.now().isoformat()
    meetings, articles, gallery, tagged, participants = [], [], [], [], []
    paragraphs = [p.format_map(Blanks()) for p in data.RESULTS + data.SHORTCOMINGS + data.DISCUSSION]
    paragraphs += [t.format_map(Blanks()) + "." for t in data.TASKS]
    for n in range(count):
        day = today - timedelta(days=int(days * (n / count) ** 0.8))  # denser towards today
        unit = rng.choice(unit_ids)
        kind, title_pattern, period_kind = rng.choice(MEETING_KINDS)
        period = period_of(period_kind, day)
        title = title_pattern.format(year=day.year, month=day.month)
        meeting = None
        if rng.random() < 0.6:
            meeting = meeting_id
            meeting_id += 1
            meetings.append(
                (
                    meeting,
                    str(period or ""),
                    period.kind if period else "",
                    period and period.start,
                    period and period.end,
                    kind,
                    title,
                    day,
                    "",
                    "",
                    "",
                    "",
                    now,
                    now,
                    unit,
                    None,
                    1,
                )
            )
            for order, person in enumerate(rng.sample(people, 2)):
                participants.append((meeting, person, "chair" if order == 0 else "guest", "", order))
        body_paragraphs = rng.sample(paragraphs, min(len(paragraphs), 6))
        lead = f"Ngày {day.day}-{day.month}-{day.year}, {title.lower()} với sự tham dự của đông đủ đảng viên."
        body = "".join(f"<p>{p}</p>" for p in body_paragraphs)
        body_text = "\n\n".join(body_paragraphs)
        pk = article_id + n
        published_at = datetime.combine(day, datetime.min.time()).replace(hour=8 + n % 10, minute=n % 60)
        published_at = timezone.make_aware(published_at).isoformat()
        status = "published" if rng.random() < 0.97 else "draft"
        articles.append(
            (
                pk,
                str(period or ""),
                period.kind if period else "",
                period and period.start,
                period and period.end,
                title,
                f"{slugify_vi(title, max_length=200)}-{pk}",
                lead,
                body,
                status,
                published_at if status == "published" else None,
                "Tin, ảnh: Hoài Thu",
                "",
                "",
                "",
                now,
                now,
                None,
                meeting,
                unit,
                rng.choice(categories) if categories else None,
                rng.choice(photos) if photos and rng.random() < 0.8 else None,
                body_text,
                False,
                "\n".join(fold(part) for part in (title, lead, body_text)),
                rng.randint(0, 500),
                None,
                None,
                None,
                None,
                1,
                None,
                "" if meeting else kind,  # a report without a meeting record says its kind itself
                False,
            )
        )
        if photos and rng.random() < 0.3:
            for order, photo in enumerate(rng.sample(photos, min(3, len(photos)))):
                gallery.append((f"Toàn cảnh {order + 1}", "", "", order, pk, photo))
        for tag in rng.sample(tags, min(len(tags), rng.randint(0, 3))):
            tagged.append((pk, tag))
        if (n + 1) % 10000 == 0 or n + 1 == count:
            write(meetings, articles, gallery, tagged, participants)
            meetings, articles, gallery, tagged, participants = [], [], [], [], []
            say(f"  {n + 1:,} / {count:,} bài")
    for model in (Meeting, Article):
        reset_sequence(model)
    return count


def write(meetings, articles, gallery, tagged, participants):
    meeting_columns = ["id", "period_code", "period_kind", "period_start", "period_end", "kind", "title", "held_on"]
    meeting_columns += ["part_of_day", "location", "summary", "tasks", "created_at", "updated_at", "host_id"]
    meeting_columns += ["term_id", "version"]
    copy("organizations_meeting", meeting_columns, meetings)
    copy(
        "organizations_meetingparticipant", ["meeting_id", "person_id", "role", "title_then", '"order"'], participants
    )
    article_columns = ["id", "period_code", "period_kind", "period_start", "period_end", "title", "slug", "lead"]
    article_columns += ["body", "status", "published_at", "byline", "photo_credit", "source", "source_url"]
    article_columns += ["created_at", "updated_at", "created_by_id", "meeting_id", "unit_id", "category_id"]
    article_columns += ["cover_id", "body_text", "is_featured", "search_key", "view_count", "import_key"]
    article_columns += ["deleted_at", "deleted_by_id", "submitted_at", "version", "imported_version"]
    article_columns += ["meeting_kind", "published_at_estimated"]
    copy("articles_article", article_columns, articles)
    copy("articles_articlephoto", ["caption", "credit", "alt_text", '"order"', "article_id", "photo_id"], gallery)
    copy("articles_taggedarticle", ["content_object_id", "tag_id"], tagged)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--units", type=int, default=2_000)
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--seed", type=int, default=2025)
    options = parser.parse_args()
    assert connection.vendor == "postgresql", "the bench seeds PostgreSQL (COPY)"
    rng = random.Random(options.seed)
    if not Organization.objects.exists():
        say("seed_demo: the demo province")
        call_command("seed_demo", stdout=io.StringIO())
    with transaction.atomic():
        units = add_units(rng, options.units)
        levels = Organization.objects.values("depth").distinct().count()
        say(f"{len(units):,} units added: {Organization.objects.count():,} in {levels} levels")
        say(f"{add_people(rng, options.people):,} people added: {Person.objects.count():,}")
        say(f"articles up to {options.articles:,} over {options.years} years")
        add_articles(rng, options.articles, options.years, units)
    with connection.cursor() as cursor:  # as autovacuum leaves a live database: statistics and visibility map
        cursor.execute("VACUUM ANALYZE")
    say(f"done: {Article.objects.count():,} articles, {Meeting.objects.count():,} meetings")


if __name__ == "__main__":
    main()
