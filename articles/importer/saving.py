"""Writing an extraction to the database: the article, its unit, meeting, people and their positions."""

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, time
from html import escape

import reversion
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from newsroom.html import clean_html
from newsroom.text import fold, given_name_sort_key, slugify_vi, tone_key, unit_name_key
from organizations.models import Meeting, MeetingParticipant, Organization, Person, Position, Term

from ..models import Article, Category
from ..workflow import apply_transition
from .extraction import Extraction
from .layout import TZ
from .locks import hold

Kind = Organization.Kind
UNIT_MENTION = re.compile(
    r"(?:Đảng (?:bộ|ủy|uỷ)|Chi bộ|(?:Tỉnh|Huyện|Thành|Thị|Quận) (?:ủy|uỷ)|Công đoàn|Đoàn Thanh niên|"
    r"Hội Cựu chiến binh|Hội Liên hiệp Phụ nữ|Sở)\b[^.;:()“”\"]{0,80}"
)
KIND_BY_NAME = [
    (r"^cong doan\b", Kind.TRADE_UNION),
    (r"^doan (?:thanh nien|tn)\b", Kind.YOUTH_UNION),
    (r"^hoi (?:cuu chien binh|ccb)\b", Kind.VETERANS),
    (r"^hoi (?:lien hiep phu nu|lhpn)\b", Kind.WOMEN),
    (r"^(?:dang bo tinh|tinh uy)\b", Kind.PROVINCIAL),
    (r"^dang bo (?:khoi|huyen|thanh pho|quan|thi xa|cac co quan|uy ban nhan dan tinh$)", Kind.UPPER),
    (r"^chi bo\b", Kind.CELL),
]
PARENT_KINDS = {
    Kind.CELL: [Kind.GRASSROOTS, Kind.PARTIAL, Kind.UPPER],
    Kind.GRASSROOTS_CELL: [Kind.UPPER, Kind.PROVINCIAL],
    Kind.GRASSROOTS: [Kind.UPPER, Kind.PROVINCIAL],
    Kind.UPPER: [Kind.PROVINCIAL],
    Kind.TRADE_UNION: [Kind.GRASSROOTS, Kind.GRASSROOTS_CELL, Kind.UPPER],
    Kind.YOUTH_UNION: [Kind.GRASSROOTS, Kind.GRASSROOTS_CELL, Kind.UPPER],
    Kind.VETERANS: [Kind.GRASSROOTS, Kind.GRASSROOTS_CELL, Kind.UPPER],
    Kind.WOMEN: [Kind.GRASSROOTS, Kind.GRASSROOTS_CELL, Kind.UPPER],
}
MASS_TITLE = re.compile(
    r"\b(?:cong doan|doan thanh nien|bi thu doan|hoi cuu chien binh|hoi lien hiep phu nu|chi hoi)\b"
)
PARTY_TITLE = re.compile(
    r"\b(?:bi thu|uy vien|uv|dang uy vien|tinh uy vien|huyen uy vien|thanh uy vien|ban tuyen giao|ban to chuc|"
    r"ban dan van|uy ban kiem tra|ubkt|dang|chi bo|chu nhiem)\b"
)


# A unit is named for its organization, not its committee: "Huyện ủy Phú Lâm" is "Đảng bộ huyện Phú Lâm".
COMMITTEE_NAMES = [
    (r"^Đảng (?:ủy|uỷ)\b", "Đảng bộ"),
    (r"^Chi (?:ủy|uỷ)\b", "Chi bộ"),
    (r"^Tỉnh (?:ủy|uỷ)\b", "Đảng bộ tỉnh"),
    (r"^Huyện (?:ủy|uỷ)\b", "Đảng bộ huyện"),
    (r"^Thành (?:ủy|uỷ)\b", "Đảng bộ thành phố"),
    (r"^Thị (?:ủy|uỷ)\b", "Đảng bộ thị xã"),
    (r"^Quận (?:ủy|uỷ)\b", "Đảng bộ quận"),
]


class CannotImport(Exception):
    """An article that cannot be imported as it is (the message says why, in Vietnamese)."""


class UnitUnknown(CannotImport):
    """The text names no host unit: the file waits in the review queue until an administrator sets one."""


@dataclass
class ImportResult:
    action: str  # "created", "updated" or "unchanged"
    article: Article
    unit: Organization
    meeting: Meeting | None = None
    proposed_unit: Organization | None = None
    people_created: int = 0
    notes: list[str] = field(default_factory=list)


def body_html(extraction: Extraction) -> str:
    """The body as HTML: paragraphs, gallery headings, and captions as figures without an image (the photos
    were not part of the import), so the page shows them as captions where the photos stood."""
    parts = []
    for block in extraction.layout.blocks if extraction.layout else []:
        if block.kind == "p":
            parts.append(f"<p>{escape(block.text)}</p>")
        elif block.kind == "heading":
            parts.append(f"<h2>{escape(block.text)}</h2>")
        else:
            credit = f" (Ảnh: {escape(block.caption.credit)})" if block.caption.credit else ""
            parts.append(f'<figure class="image"><figcaption>{escape(block.text)}{credit}</figcaption></figure>')
    return clean_html("\n".join(parts))


def fallback_title(extraction):
    """A headline for an article printed without one: the meeting it reports, else its first sentence."""
    if extraction.meeting_title:
        return extraction.meeting_title[:1].upper() + extraction.meeting_title[1:]
    first = re.split(r"(?<=[.!?])\s", extraction.lead or "", maxsplit=1)[0]
    if len(first) <= 200:
        return first.rstrip(".")
    return first[: first.rfind(" ", 0, 200)] + "…"


@transaction.atomic
def import_extraction(
    extraction: Extraction,
    *,
    unit: Organization | None = None,
    category: Category | None = None,
    status: str | None = None,
    by=None,
    dry_run: bool = False,
    units: "UnitIndex | None" = None,
) -> ImportResult:
    """Create or update the article of `extraction` (found again by its import key), with its meeting, people and
    positions; a host unit not in the tree is proposed (needs_review) under the parent the text names.

    An article changed in the CMS since its last import is left as it is (a "conflict"). A new article is a
    draft; with `status` "published" the approver `by` publishes it through the workflow. An existing article
    keeps the status the workflow gave it. With `dry_run`, everything is rolled back: the result says what would
    have been done. `units`: the tree's names, loaded once for a batch."""
    existing = Article.all_objects.filter(import_key=extraction.import_key).first()
    if existing and existing.deleted_at:
        raise CannotImport("Bài này đã có nhưng đang ở thùng rác: bỏ qua (khôi phục bài trước nếu muốn nhập lại).")
    if existing and existing.version != existing.imported_version:
        note = "Bài đã được sửa trên hệ thống sau lần nhập trước: giữ nguyên, không ghi đè bằng bản ở trang cũ."
        return ImportResult("conflict", existing, existing.unit, existing.meeting, notes=[note])
    if existing and existing.meeting_id and existing.meeting.version != existing.imported_meeting_version:
        note = "Hội nghị của bài đã được sửa trên hệ thống sau lần nhập trước: giữ nguyên cả bài lẫn hội nghị."
        return ImportResult("conflict", existing, existing.unit, existing.meeting, notes=[note])
    publishing = existing is None and status == Article.Status.PUBLISHED
    if publishing and by is None:
        raise CannotImport("Muốn đăng bài ngay khi nhập thì phải cho biết người duyệt đăng (--by).")
    notes = []
    if existing and status and status != existing.status:
        notes.append(f"Bài đã có: giữ nguyên trạng thái “{existing.get_status_display()}” (chỉ đổi qua duyệt bài).")
    units = units or UnitIndex()
    on = extraction.meeting_date or (extraction.published.date() if extraction.published else None)
    proposed = None
    if unit is None:
        unit, proposed = resolve_unit(extraction, units=units, on=on, notes=notes)
    article = existing or Article(import_key=extraction.import_key, status=Article.Status.DRAFT)
    before = _snapshot(article) if existing else None
    meeting, changed = _save_meeting(extraction, article=article, host=unit)
    _fill_article(article, extraction, unit=unit, meeting=meeting, category=category, notes=notes)
    # imports side by side (--jobs) must not take one slug, or make one person, twice: one round trip, one order
    slug = [] if article.slug else [f"slug {slugify_vi(article.title)}"]
    people = [f"person {given_name_sort_key(found.name)}" for found in extraction.people] if meeting else []
    hold(*slug, *people)
    if _snapshot(article) != before:
        if existing:  # an edit form opened before this update must not overwrite it (optimistic locking)
            article.version += 1
        article.imported_version = article.version
        article.imported_meeting_version = meeting.version if meeting else None
        with reversion.create_revision():
            reversion.set_comment("Nhập lại từ trang cũ" if existing else "Nhập từ trang cũ")
            article.save()
        changed = True
    people_created = 0
    if meeting is not None:
        fresh = existing is None or existing.meeting_id is None  # a new meeting has no participants yet
        people_created, people_changed = _save_people(
            extraction, meeting=meeting, host=unit, on=on, units=units, fresh=fresh
        )
        changed = changed or people_changed
    if on is None and any(person.titles for person in extraction.people):
        notes.append("Không rõ ngày: chỉ ghi chức danh khi đó của người dự, không ghi chức vụ.")
    if publishing:
        try:
            apply_transition(article, "approve", by=by, comment="Đăng khi nhập từ trang cũ")
        except (PermissionDenied, ValidationError) as error:
            raise CannotImport(" ".join(getattr(error, "messages", [str(error)]))) from None
        article.refresh_from_db(fields=["version", "status"])
    remembered = (article.version, meeting.version if meeting else None)
    if remembered != (article.imported_version, article.imported_meeting_version):
        Article.all_objects.filter(pk=article.pk).update(
            imported_version=remembered[0], imported_meeting_version=remembered[1]
        )
    action = "created" if existing is None else ("updated" if changed or proposed else "unchanged")
    result = ImportResult(action, article, unit, meeting, proposed, people_created, notes)
    if dry_run:
        transaction.set_rollback(True)
    return result


ARTICLE_FIELDS = [
    "title",
    "lead",
    "body",
    "unit_id",
    "meeting_id",
    "category_id",
    "byline",
    "photo_credit",
    "source",
    "source_url",
    "period_code",
    "published_at",
    "published_at_estimated",
    "status",
]


def _snapshot(article):
    values = {name: getattr(article, name) for name in ARTICLE_FIELDS}
    values["body"] = clean_html(values["body"] or "")
    return values


def _fill_article(article, extraction, *, unit, meeting, category, notes):
    if not extraction.title:
        notes.append("Bài không có tiêu đề: lấy tên hội nghị (hoặc câu đầu) làm tiêu đề.")
    article.title = (extraction.title or fallback_title(extraction))[:300]
    article.lead = extraction.lead
    article.body = body_html(extraction)
    article.unit = unit
    article.meeting = meeting
    article.byline = extraction.byline[:200]
    article.photo_credit = extraction.photo_credit[:120]
    article.source = extraction.source[:120]
    article.source_url = extraction.source_url[:500]
    article.period_code = str(extraction.period) if extraction.period else ""
    category = category or _category_of(extraction)
    if category or not article.pk:
        article.category = category
    if extraction.published:
        article.published_at = extraction.published
        article.published_at_estimated = False
    elif article.published_at is None or article.published_at_estimated:
        # why: an old article dated today would top the home page; the meeting or its period dates it roughly.
        # The estimate is marked so that editors see it (the article admin) and may correct it.
        if extraction.meeting_date:
            article.published_at = datetime.combine(extraction.meeting_date, time(12), tzinfo=TZ)
            notes.append("Không rõ thời gian đăng: ước tính bằng ngày họp.")
        elif extraction.period:
            article.published_at = datetime.combine(extraction.period.end, time(12), tzinfo=TZ)
            notes.append("Không rõ thời gian đăng và ngày họp: ước tính bằng ngày cuối kỳ báo cáo.")
        else:
            article.published_at = article.published_at or timezone.now()
            notes.append("Không rõ thời gian đăng: ước tính bằng thời điểm nhập.")
        article.published_at_estimated = True


def _category_of(extraction):
    for name in reversed(extraction.breadcrumb):
        for category in Category.objects.all():
            if tone_key(category.name) == tone_key(name):
                return category
    return None


# --- Units ---


def resolve_unit(extraction: Extraction, *, units, on=None, notes):
    """(unit, proposed unit or None) for the host the text names; raises CannotImport when it names none."""
    name = extraction.organizing_unit
    if not name:
        raise UnitUnknown("Không xác định được đơn vị tổ chức: hãy chỉ định đơn vị bằng --unit.")
    text = _article_text(extraction)
    found = units.match(name, text=text, on=on)
    if found:
        return found, None
    hold("new units")  # another import may be proposing it right now: wait for it, and see what it made
    units.add_new()
    if found := units.match(name, text=text, on=on) or units.proposal_named(name):
        return found, None
    parent = _named_parent(name, units=units, text=text, on=on)
    proposed = _propose_unit(name, parent=parent)
    units.add(proposed)
    notes.append(
        f"Đề xuất đơn vị mới “{proposed.name}”"
        + (f" thuộc “{parent.name}”" if parent else "")
        + " (cần quản trị viên xác nhận)."
    )
    return proposed, proposed


def _article_text(extraction):
    layout = extraction.layout
    return "\n".join([extraction.title, extraction.lead, *(layout.paragraphs if layout else [])])


class UnitIndex:
    """The units of the tree with the keys of their names, loaded once for a batch of imports.

    A name is looked up by `unit_name_key`: exactly, else as the short form of longer names ("Đảng bộ Sở"). Among
    several units, those active on the date win, then those whose own name (not an alias, such as the old name a
    successor keeps) matches, then those whose distinctive words the text also uses ("... Sở Tài nguyên và Môi
    trường")."""

    def __init__(self):
        self.own, self.aliases = {}, {}
        # key -> {unit: whether it is the unit's own name}; by the key, and by the key without "Đảng bộ"/"Chi bộ"
        self.by_key, self.by_short_key = defaultdict(dict), defaultdict(dict)
        self.sorted_keys = None  # for the names that begin with a key, built when first needed
        self.folded = ("", "")  # the last text looked at, and its key
        for unit in Organization.objects.all():
            self.add(unit)

    def proposal_named(self, name):
        """The unit an earlier import proposed under exactly this name: a name too general to tell units apart
        ("Đảng bộ phường") is proposed once, not once per article."""
        named = [unit for unit, own in self.by_key.get(unit_name_key(name), {}).items() if own and unit.needs_review]
        return min(named, key=lambda unit: unit.pk, default=None)

    def add_new(self):
        """Add the units created (by other imports) since the index was loaded."""
        for unit in Organization.objects.filter(pk__gt=max((unit.pk for unit in self.own), default=0)):
            if unit not in self.own:
                self.add(unit)

    def add(self, unit):
        self.own[unit] = {unit_name_key(name) for name in (unit.name, unit.short_name) if name}
        self.aliases[unit] = {unit_name_key(name) for name in unit.alias_list()}
        for keys, own in ((self.aliases[unit], False), (self.own[unit], True)):
            for key in keys:
                for index, at in ((self.by_key, key), (self.by_short_key, _without_party_prefix(key))):
                    index[at][unit] = own or index[at].get(unit, False)
        self.sorted_keys = None

    def match(self, name, *, text="", on=None, short_forms=True):
        key = unit_name_key(name)
        if not key:
            return None
        candidates = dict(self.by_key.get(key, {}))
        if not candidates and short_forms:
            candidates = self._longer_names(key)
        if len(candidates) > 1 and on:
            candidates = {unit: own for unit, own in candidates.items() if unit.is_current(on)} or candidates
        if len(candidates) > 1 and any(candidates.values()):
            candidates = {unit: own for unit, own in candidates.items() if own}
        if len(candidates) > 1 and text:
            folded = self._key_of_text(text)
            for names in (lambda unit: self.own[unit], lambda unit: self.own[unit] | self.aliases[unit]):
                named = {
                    unit: own
                    for unit, own in candidates.items()
                    if any(f" {_distinct_part(k, key)} " in folded for k in names(unit))
                }
                if named:
                    candidates = named
                    break
        return next(iter(candidates)) if len(candidates) == 1 else None

    def _longer_names(self, key):
        """{unit: own name?} for the units a name of which begins with `key`, or equals it but for "Đảng bộ"."""
        found = dict(self.by_short_key.get(_without_party_prefix(key), {}))
        if self.sorted_keys is None:
            self.sorted_keys = sorted(self.by_key)
        start = key + " "
        for at in range(bisect_left(self.sorted_keys, start), len(self.sorted_keys)):
            longer = self.sorted_keys[at]
            if not longer.startswith(start):
                break
            for unit, own in self.by_key[longer].items():
                found[unit] = own or found.get(unit, False)
        return found

    def _key_of_text(self, text):
        if self.folded[0] != text:
            self.folded = (text, f" {unit_name_key(text)} ")
        return self.folded[1]


def _without_party_prefix(key):
    return re.sub(r"^(?:dang bo|chi bo) ", "", key)


def _distinct_part(unit_key, short_key):
    """What a unit's name adds to the short name the text used: "Đảng bộ Sở" + "tai nguyen moi truong"."""
    rest = unit_key[len(short_key) :].strip() if unit_key.startswith(short_key) else _without_party_prefix(unit_key)
    return rest or unit_key


def kind_of_name(name, parent=None):
    key = unit_name_key(name)
    for pattern, kind in KIND_BY_NAME:
        if re.search(pattern, key):
            if kind == Kind.CELL and parent is not None and parent.kind in (Kind.UPPER, Kind.PROVINCIAL):
                return Kind.GRASSROOTS_CELL
            return kind
    return Kind.GRASSROOTS


def _named_parent(name, *, units, text, on):
    """The unit the text places the host under: "thuộc Đảng bộ X", else a unit it names one level up."""
    kind = kind_of_name(name)
    wanted = PARENT_KINDS.get(kind, [Kind.UPPER, Kind.PROVINCIAL])
    own = unit_name_key(name)
    mentions = [m.group(1).strip(" ,-–") for m in re.finditer(f"(?=({UNIT_MENTION.pattern}))", text)]
    belongs = re.search(r"\bthuộc\s+(" + UNIT_MENTION.pattern + ")", text)
    if belongs:
        mentions.insert(0, belongs.group(1))
    for mention in mentions:
        words = mention.split()
        for size in range(len(words), 1, -1):
            candidate = " ".join(words[:size])
            # a name, not a generic "Đảng ủy thị trấn" that every unit of its level begins with
            if unit_name_key(candidate) == own or not any(word[:1].isupper() for word in words[1:size]):
                continue
            unit = units.match(candidate, text=text, on=on, short_forms=False)
            if unit is not None and unit.kind in wanted:
                return unit
    return _the_province(wanted, text=f"{name}\n{text}")


def _the_province(wanted, *, text):
    """The province, for a unit of a level directly under it when the text speaks of "tỉnh": the tree's one root,
    if an administrator made it a province. Never a proposal of an earlier import, nor a root of another kind."""
    if Kind.PROVINCIAL not in wanted or not re.search(r"\btỉnh\b", tone_key(text).lower()):
        return None
    roots = list(Organization.objects.get_root_nodes()[:2])
    if len(roots) == 1 and roots[0].kind == Kind.PROVINCIAL and not roots[0].needs_review:
        return roots[0]
    return None


def _propose_unit(name, *, parent):
    written = " ".join(name.split())
    party_name = written
    for committee, organization in COMMITTEE_NAMES:
        party_name = re.sub(committee, organization, party_name)
    party_name = party_name[:1].upper() + party_name[1:]
    fields = {
        "kind": kind_of_name(party_name, parent),
        "name": party_name[:255],
        "aliases": written if written != party_name else "",
        "needs_review": True,
    }
    if parent is None:
        return Organization.objects.add_root(create_kwargs=fields)
    return Organization.objects.add_child(parent, create_kwargs=fields)


# --- The meeting, its people and their positions ---


def _save_meeting(extraction, *, article, host):
    """(the meeting the article reports, whether it was written); none for a visit or a campaign with no date."""
    if extraction.meeting_type == "other" and not extraction.meeting_date and not extraction.meeting_title:
        return None, False
    meeting = article.meeting if article.pk and article.meeting_id else Meeting()
    title = extraction.meeting_title or extraction.title or fallback_title(extraction)
    values = {
        "host": host,
        "kind": extraction.meeting_type,
        "title": (title[:1].upper() + title[1:])[:300],
        "held_on": extraction.meeting_date,
        "part_of_day": extraction.part_of_day,
        "period_code": str(extraction.period) if extraction.period else "",
        "term": _term_of(extraction, host),
    }
    changed = meeting.pk is None or any(getattr(meeting, name) != value for name, value in values.items())
    if changed:
        if meeting.pk:  # an edit form opened before this update must not overwrite it (optimistic locking)
            meeting.version += 1
        for name, value in values.items():
            setattr(meeting, name, value)
        meeting.save()
    return meeting, changed


def _term_of(extraction, host):
    if not extraction.term:
        return None
    start, end = extraction.term
    term = Term.objects.filter(organization=host, start_year=start).first()
    if term is None and extraction.meeting_type in ("dai_hoi", "so_ket_giua_nhiem_ky"):
        term = Term.objects.create(organization=host, start_year=start, end_year=end)
    return term


def _save_people(extraction, *, meeting, host, on, units, fresh=False):
    """Make the meeting's participants those the text names (chairs first as written), each a Person with the
    Positions the titles of the day tell; (people created, whether anything was written)."""
    created, changed, wanted = 0, False, {}
    known = _people_named(extraction)
    for order, found in enumerate(extraction.people):
        person, is_new = _person(found.name, host=host, known=known)
        created += is_new
        role = MeetingParticipant.Role.CHAIR if found.chair else MeetingParticipant.Role.GUEST
        wanted[(person.pk, role)] = (person, ", ".join(found.titles)[:300], order)
        if on:
            for rank, title in enumerate(found.titles):
                changed = _hold(person, title, host=host, on=on, rank=rank, units=units) or changed
    for row in [] if fresh else meeting.participations.all():
        key = (row.person_id, row.role)
        if key not in wanted:
            row.delete()
            changed = True
            continue
        _, title_then, order = wanted.pop(key)
        if (row.title_then, row.order) != (title_then, order):
            row.title_then, row.order = title_then, order
            row.save(update_fields=["title_then", "order"])
            changed = True
    for (_, role), (person, title_then, order) in wanted.items():
        MeetingParticipant.objects.create(
            meeting=meeting, person=person, role=role, title_then=title_then, order=order
        )
        changed = True
    return created, changed or bool(created)


def _people_named(extraction):
    """{sort key: [Person]} for the names the article gives, each person with his positions and their units: two
    queries for all of them."""
    keys = {given_name_sort_key(found.name) for found in extraction.people}
    positions = Prefetch(
        "positions", queryset=Position.objects.select_related("organization"), to_attr="import_positions"
    )
    known = defaultdict(list)
    for person in Person.objects.filter(sort_key__in=keys).prefetch_related(positions).order_by("pk"):
        known[person.sort_key].append(person)
    return known


def _person(name, *, host, known):
    """The person called `name` (the one with a position in the host's branch when several share it), or a new one."""
    key = given_name_sort_key(name)
    same = known[key]
    if len(same) > 1:
        branch = host.path[: Organization.steplen * 2]
        near = [p for p in same if any(pos.organization.path.startswith(branch) for pos in p.import_positions)]
        same = near or same
    if same:
        return same[0], False
    person = Person.objects.create(full_name=name)
    person.import_positions = []
    known[key].append(person)
    return person, True


def _hold(person, title, *, host, on, rank, units):
    """Record that `person` held `title` on `on`: widen a position with the same title, or add one seen only that
    day (an article proves no more). Whether anything was written."""
    key = tone_key(title)
    if not hasattr(person, "import_positions"):  # one query for all the titles of the person in this article
        person.import_positions = list(person.positions.all())
    for position in person.import_positions:
        if tone_key(position.title) == key:
            starts, ends = position.starts_on, position.ends_on
            if starts and on < starts:
                position.starts_on = on
            if ends and on > ends:
                position.ends_on = on
            if (starts, ends) == (position.starts_on, position.ends_on):
                return False
            position.save(update_fields=["starts_on", "ends_on"])
            return True
    folded = fold(title)
    kind = (
        Position.Kind.MASS
        if MASS_TITLE.search(folded)
        else Position.Kind.PARTY
        if PARTY_TITLE.search(folded)
        else Position.Kind.GOVERNMENT
    )
    position = Position.objects.create(
        person=person,
        organization=_organization_of_title(title, host=host, units=units),
        title=title[:150],
        kind=kind,
        starts_on=on,
        ends_on=on,
        rank=10 * (rank + 1),
    )
    person.import_positions.append(position)
    return True


def _organization_of_title(title, *, host, units):
    """The unit a title belongs to: one it names, the host's own mass organization ("Chủ tịch Công đoàn Sở"),
    the province for provincial titles ("Tỉnh ủy viên", "Chủ tịch UBND tỉnh"), else the host."""
    for match in UNIT_MENTION.finditer(title):
        words = match.group().split()
        for size in range(len(words), 1, -1):
            unit = units.match(" ".join(words[:size]), short_forms=False)
            if unit is not None:
                return unit
        kind = kind_of_name(match.group())
        if kind not in Kind.party_kinds() and (own := host.get_children().filter(kind=kind).first()):
            return own
    if re.search(r"\b(?:tinh|tinh uy vien)\b", fold(title)) and not re.search(r"\bdang uy\b", fold(title)):
        if province := _the_province([Kind.PROVINCIAL], text=title):
            return province
    return host
