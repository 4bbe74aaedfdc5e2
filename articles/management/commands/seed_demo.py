"""Build a believable demo province: its Party organization tree with the 2025 reorganization, terms, people and
their positions, Party members, meetings and the articles that report them, with photos drawn on the spot."""

import io
import random
import time
from collections import defaultdict
from datetime import date, datetime, timedelta
from functools import lru_cache, partial
from math import cos, radians, sin
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.html import escape
from PIL import Image, ImageDraw, ImageFont

from articles import demo_data as data
from articles.models import Article, ArticlePhoto, Category, Photo, SiteSettings, Tag, TaggedArticle
from newsroom.text import slugify_vi, tone_key
from organizations.models import Meeting, MeetingParticipant, Membership, Organization, Person, Position, Term
from organizations.services import merge_organizations, rename_organization, transfer_membership

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
DAY = timedelta(days=1)
FOREVER = date.max
Kind = Organization.Kind
MK = Meeting.Kind
PARTY, GOVERNMENT, MASS = Position.Kind.PARTY, Position.Kind.GOVERNMENT, Position.Kind.MASS
MASS_KINDS = {data.TU: Kind.TRADE_UNION, data.YU: Kind.YOUTH_UNION, data.VET: Kind.VETERANS, data.WOMEN: Kind.WOMEN}
REVIEWS = (MK.SO_KET_6_THANG, MK.SO_KET_9_THANG, MK.TONG_KET_NAM)
COUNTED = {
    "đơn vị": Organization,
    "nhiệm kỳ": Term,
    "nhân sự": Person,
    "chức vụ": Position,
    "đảng viên sinh hoạt": Membership,
    "hội nghị": Meeting,
    "người dự hội nghị": MeetingParticipant,
    "bài viết": Article,
    "ảnh": Photo,
    "ảnh trong bài": ArticlePhoto,
}


class Command(BaseCommand):
    help = (
        "Tạo dữ liệu mẫu: cây tổ chức Đảng của một tỉnh (cả đợt sắp xếp năm 2025), nhân sự, chức vụ, đảng viên, "
        "hội nghị và tin bài có ảnh. Chạy lại không tạo trùng."
    )

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true", help="Không làm gì nếu đã có bất kỳ tổ chức nào.")
        parser.add_argument("--size", type=int, default=1, help="Hệ số nhân số hội nghị và tin bài (mặc định 1).")
        parser.add_argument(
            "--seed", type=int, default=2025, help="Hạt giống ngẫu nhiên; cùng hạt giống, cùng dữ liệu."
        )

    def handle(self, *args, if_empty, size, seed, **options):
        if size < 1:
            raise CommandError("--size phải là số nguyên dương.")
        if if_empty and Organization.objects.exists():
            self.stdout.write("Cơ sở dữ liệu đã có tổ chức: bỏ qua, không tạo dữ liệu mẫu.")
            return
        if Organization.objects.filter(slug=data.ROOT_SLUG).exists():
            self.stdout.write(f"Dữ liệu mẫu “{data.ROOT['name']}” đã có: không tạo thêm gì.")
            return
        started = time.monotonic()
        before = {label: model.objects.count() for label, model in COUNTED.items()}
        with transaction.atomic():
            DemoBuilder(seed=seed, size=size, say=self.stdout.write).build()
        made = ", ".join(f"{model.objects.count() - before[label]} {label}" for label, model in COUNTED.items())
        self.stdout.write(
            self.style.SUCCESS(f"Đã tạo dữ liệu mẫu trong {time.monotonic() - started:.1f} giây: {made}.")
        )


def roman(number):
    numerals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    text = ""
    for value, letters in numerals:
        while number >= value:
            text, number = text + letters, number - value
    return text


def slashed(day):
    return f"{day.day}/{day.month}/{day.year}"


def dashed(day):
    return f"{day.day}-{day.month}-{day.year}"


def lower_first(text):
    return text[:1].lower() + text[1:]


def two_digits(number):
    return f"{number:02}"


def thousands(number):
    return f"{number:,}".replace(",", ".")


def enumerate_vi(items):
    """ "A, B và C" """
    items = list(items)
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} và {items[-1]}"


def paragraphs(*texts):
    return "".join(f"<p>{escape(text)}</p>" for text in texts if text)


class DemoBuilder:
    """Builds the demo data stage by stage; `rng` alone decides every choice, so a seed gives the same data."""

    def __init__(self, *, seed, size, say):
        self.rng = random.Random(seed)
        self.size = size
        self.say = say
        self.units = {}  # key -> Organization
        self.info = {}  # key -> the facts the texts use: names, level, parent key, cells, mass organizations
        self.ends = {}  # key -> last day, for units that end in 2025
        self.successor = {}  # key -> key of the unit that carries it on
        self.terms = defaultdict(dict)  # key -> {start year: Term}
        self.held = defaultdict(list)  # person pk -> [(rank, position pk, title, first day, last day)]
        self.roles = defaultdict(list)  # (unit key, role) -> [(first day, last day, person)]
        self.leads = {}  # unit key -> {role: [holder in the 2015 term, holder in the 2020 term]}
        self.names = set()
        self.person_slugs = set(Person.objects.values_list("slug", flat=True))
        self.article_slugs = set(Article.objects.values_list("slug", flat=True))
        self.ordinary = []  # (person, cell key, since): members without a public office
        self.admissions = []  # (cell key, day, number admitted)
        self.photos = defaultdict(list)  # scene -> [Photo]
        self.categories = {}
        self.tags = {}
        self.published = []  # (article pk, published_at)
        self.gallery, self.tagged, self.related = [], [], []

    def build(self):
        self.say("1/7. Cây tổ chức: tỉnh, khối, huyện, cơ sở, chi bộ, đoàn thể...")
        self.build_tree()
        self.build_terms()
        self.say(f"     {len(self.units)} đơn vị, {sum(len(t) for t in self.terms.values())} nhiệm kỳ.")
        self.say("2/7. Nhân sự và chức vụ (Đảng, chính quyền, đoàn thể)...")
        self.staff_province()
        for key, info in list(self.info.items()):
            if info["level"] == "upper":
                self.staff_upper(key)
            elif info["level"] == "grassroots":
                self.staff_grassroots(key)
        self.say("3/7. Đảng viên sinh hoạt tại các chi bộ, kết nạp và chuyển sinh hoạt...")
        self.build_members()
        self.say("4/7. Sắp xếp tổ chức năm 2025: hợp nhất khối, sáp nhập sở, kết thúc cấp huyện...")
        self.reorganize()
        self.set_contacts()
        self.say(f"     {len(self.units)} đơn vị, {len(self.names)} nhân sự.")
        self.say("5/7. Vẽ ảnh minh họa...")
        self.draw_photos()
        self.say("6/7. Hội nghị và tin bài tường thuật...")
        self.make_categories_and_tags()
        plans = self.plan_meetings()
        for plan in plans:
            self.report(plan)
        self.say(f"     {len(plans)} hội nghị.")
        self.say("7/7. Tin hoạt động, đoàn thể; bài chờ duyệt...")
        self.write_news()
        ArticlePhoto.objects.bulk_create(self.gallery, batch_size=500)
        Photo.objects.bulk_update([photo for photos in self.photos.values() for photo in photos], ["unit"])
        TaggedArticle.objects.bulk_create(self.tagged, batch_size=500)
        Article.related_units.through.objects.bulk_create(self.related, batch_size=500)
        self.hold_back_some()
        self.feature_some()
        SiteSettings.objects.update_or_create(
            pk=1,
            defaults={
                "site_name": "Tin tức Đảng bộ tỉnh Thanh Sơn",
                "responsible_body": "Ban Tuyên giáo và Dân vận Tỉnh ủy Thanh Sơn",
                "editor_in_charge": "Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy",
                "license": "Giấy phép số 00/GP-TTĐT (dữ liệu mẫu)",
                "address": "Số 1 đường Trần Hưng Đạo, thành phố Thanh Sơn",
                "email": "banbientap@example.vn",
            },
        )

    def feature_some(self):
        newest = Article.objects.published().filter(meeting__isnull=False).order_by("-published_at")
        Article.objects.filter(pk__in=list(newest.values_list("pk", flat=True)[:3])).update(is_featured=True)

    # --- The tree ---

    def add(self, info, kind, *, parent, level, valid_from, description, slug=None, contact=True):
        key = info["key"]
        fields = {
            "kind": kind,
            "name": info["name"],
            "short_name": info.get("short", ""),
            "aliases": "\n".join(info.get("aliases", [])),
            "description": description,
            "address": info.get("address", ""),
            "valid_from": valid_from,
        }
        if contact:
            local = info.get("mail") or f"dangbo.{key.replace('_', '').replace('.', '-')}"
            fields["phone"] = f"{data.PHONE_PREFIX} {self.rng.randint(3810, 3899)} {self.rng.randint(100, 999)}"
            fields["email"] = f"{local}@example.vn"
        if slug:
            fields["slug"] = slug
        if parent is None:
            unit = Organization.objects.add_root(create_kwargs=fields)
        else:
            unit = Organization.objects.add_child(self.fresh(parent), create_kwargs=fields)
        self.units[key] = unit
        self.info[key] = {
            "short": info["name"],
            "committee": info["name"],
            "committee_short": info["name"],
            **info,
            "level": level,
            "parent": parent,
            "valid_from": valid_from,
            "cells": [],
            "mass": {},
        }
        return unit

    def fresh(self, key):
        """The unit as it is now in the database: moves change the paths of units loaded before them."""
        self.units[key] = Organization.objects.get(pk=self.units[key].pk)
        return self.units[key]

    def build_tree(self):
        root = data.ROOT
        self.add(
            {**root, "mail": "vanphong.tinhuy"},
            Kind.PROVINCIAL,
            parent=None,
            level="province",
            valid_from=root["founded"],
            slug=data.ROOT_SLUG,
            description=f"Ban Chấp hành Đảng bộ tỉnh ({root['committee']}) là cơ quan lãnh đạo của Đảng bộ giữa hai "
            f"kỳ Đại hội, {root['field']}.",
        )
        for upper in data.UPPER_UNITS:
            self.add(
                upper,
                Kind.UPPER,
                parent="tinh",
                level="upper",
                valid_from=upper["founded"],
                description=f"{upper['committee']} là cơ quan lãnh đạo của {upper['name']} giữa hai kỳ Đại hội, trực "
                f"thuộc {root['committee']}; {upper['field']}.",
            )
            for key in upper["grassroots"]:
                self.add_grassroots(data.GRASSROOTS[key], parent=upper["key"])
        for key in ("khoi_cq", "khoi_dn"):
            self.ends[key] = data.REORGANIZED_BLOCS_ON - DAY
        for key in ("tnmt", "nnptnt"):
            self.ends[key] = data.MERGED_DEPARTMENTS_ON - DAY
            for mass_key in self.info[key]["mass"].values():
                self.ends[mass_key] = data.MERGED_DEPARTMENTS_ON - DAY
        for _, _, _, district, communes in data.NEW_COMMUNES:
            for key in (district, *communes):
                self.ends[key] = data.DISTRICTS_REMOVED_ON - DAY

    def add_grassroots(self, spec, *, parent):
        rng, key = self.rng, spec["key"]
        parent_name = self.info[parent]["name"]
        founded = date(rng.randint(1990, 2009), rng.randint(1, 12), 1)
        if spec["type"] == "department":
            description = (
                f"Đảng bộ cơ sở trực thuộc {parent_name}; lãnh đạo thực hiện nhiệm vụ chính trị của {spec['agency']}: "
                f"tham mưu, giúp UBND tỉnh {spec['field']}; lãnh đạo công tác xây dựng Đảng và các đoàn thể trong "
                "cơ quan."
            )
        elif spec["type"] == "company":
            description = (
                f"Đảng bộ cơ sở trực thuộc {parent_name}; lãnh đạo {spec['agency']} thực hiện nhiệm vụ "
                f"{spec['field']}; lãnh đạo công tác xây dựng Đảng và các đoàn thể trong doanh nghiệp."
            )
        else:
            description = (
                f"Đảng bộ cơ sở trực thuộc {parent_name}; lãnh đạo toàn diện {spec['field']} {spec['agency']}."
            )
        self.add(spec, Kind.GRASSROOTS, parent=parent, level="grassroots", valid_from=founded, description=description)
        info = self.info[key]
        info["type"] = spec["type"]
        for number, part in enumerate(spec["parts"], start=1):
            cell_key = f"{key}.c{number}"
            commune = spec["type"] == "commune"
            self.add(
                {
                    "key": cell_key,
                    "name": f"Chi bộ {part} {spec['agency']}",
                    "short": f"Chi bộ {part}",
                    "committee_short": "Chi bộ",
                    "address": spec["address"],
                    "part": part,
                    "field": spec["field"],
                },
                Kind.CELL,
                parent=key,
                level="cell",
                valid_from=founded + timedelta(days=rng.randint(0, 3000)),
                contact=False,
                description=f"Chi bộ trực thuộc {spec['name']}; lãnh đạo đảng viên "
                + (
                    f"và nhân dân {part} thực hiện chủ trương của Đảng, chính sách, pháp luật của Nhà nước."
                    if commune
                    else f"thực hiện nhiệm vụ chính trị của {part}."
                ),
            )
            info["cells"].append(cell_key)
        for mass in spec["mass"]:
            self.add_mass(key, mass, founded + timedelta(days=rng.randint(30, 900)))

    def add_mass(self, key, mass, valid_from):
        info = self.info[key]
        long_name, short_name = data.MASS_NAMES[mass]
        agency, agency_short = info["agency"], info["agency_short"]
        mass_key = f"{key}.{mass}"
        self.add(
            {
                "key": mass_key,
                "name": f"{long_name} {agency}",
                "short": f"{long_name} {agency_short}",
                "aliases": [f"{short_name} {agency_short}"],
                "address": info["address"],
                "mail": f"{mass.replace('_', '')}.{key.replace('_', '')}",
                "agency": agency,
                "agency_short": agency_short,
            },
            MASS_KINDS[mass],
            parent=key,
            level="mass",
            valid_from=valid_from,
            description=f"{data.MASS_FUNCTIONS[mass]} Hoạt động dưới sự lãnh đạo của {info['committee']}.",
        )
        info["mass"][mass] = mass_key
        return mass_key

    def build_terms(self):
        rng = self.rng
        province_2025 = date(2025, 10, 15)
        for key, info in self.info.items():
            if info["level"] not in ("province", "upper", "grassroots"):
                continue
            if info["level"] == "province":
                opened = {2015: date(2015, 10, 14), 2020: date(2020, 10, 13), 2025: province_2025}
            elif info["level"] == "upper":
                opened = {2015: date(2015, rng.choice((6, 7)), rng.randint(2, 28))}
                opened[2020] = date(2020, rng.choice((7, 8)), rng.randint(2, 28))
            else:
                opened = {2015: date(2015, rng.choice((4, 5)), rng.randint(3, 28))}
                opened[2020] = date(2020, rng.choice((4, 5, 6)), rng.randint(3, 28))
            years = sorted(opened)
            for number, year in enumerate(years):
                last = opened[years[number + 1]] - DAY if number + 1 < len(years) else None
                self.add_term(key, year, info["congress"] + number, opened[year], last or self.ends.get(key))

    def add_term(self, key, year, number, opened, ends_on=None):
        self.terms[key][year] = Term.objects.create(
            organization=self.units[key],
            start_year=year,
            end_year=year + 5,
            congress_number=roman(number),
            starts_on=opened,
            ends_on=ends_on,
        )

    def term_on(self, key, on):
        for term in self.terms.get(key, {}).values():
            if term.starts_on <= on <= (term.ends_on or FOREVER):
                return term
        return None

    def exists(self, key, on):
        return self.info[key]["valid_from"] <= on <= self.ends.get(key, FOREVER)

    def parent_on(self, key, on):
        """The unit above `key` on `on`, following a parent that had ended to the unit that carried it on."""
        parent = self.info[key]["parent"]
        while parent in self.ends and self.ends[parent] < on:
            parent = self.successor[parent]
        return parent

    # --- People and positions ---

    def person(self, female=None):
        rng = self.rng
        female = rng.random() < 0.4 if female is None else female
        while True:
            family = rng.choice(data.FAMILY_NAMES)
            if female:
                middle, given = rng.choice(data.MIDDLE_NAMES_FEMALE), rng.choice(data.GIVEN_NAMES_FEMALE)
                if middle == "Thị" and rng.random() < 0.2:
                    middle = f"Thị {rng.choice(('Thu', 'Ngọc', 'Thanh', 'Kim', 'Hồng', 'Minh', 'Hoàng', 'Phương'))}"
            else:
                middle, given = rng.choice(data.MIDDLE_NAMES_MALE), rng.choice(data.GIVEN_NAMES_MALE)
            full_name = f"{family} {middle} {given}"
            if given not in middle.split() and full_name not in self.names and full_name not in data.AVOIDED_NAMES:
                break
        self.names.add(full_name)
        person = Person(full_name=full_name, slug=self.unique(slugify_vi(full_name, 194), self.person_slugs))
        person.save()
        return person

    @staticmethod
    def unique(base, taken):
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        taken.add(slug)
        return slug

    def pair(self, female=None):
        """Holders of a post in the 2015 and the 2020 term: often the same person twice."""
        first = self.person(female)
        return [first, first if self.rng.random() < 0.4 else self.person(female)]

    def hold(
        self, person, key, title, role=None, *, kind=PARTY, term=None, start=None, end=None, public=True, rank=20
    ):
        if term is None and key in self.ends:
            end = min(end or FOREVER, self.ends[key])
        position = Position.objects.create(
            person=person,
            organization=self.units[key],
            title=title,
            kind=kind,
            term=term,
            starts_on=start,
            ends_on=end,
            is_public=public,
            rank=rank,
        )
        first = start or (term.starts_on if term else date.min)
        last = end or (term.ends_on if term and term.ends_on else FOREVER)
        self.held[person.pk].append((rank, position.pk, title, first, last))
        if role:
            self.roles[key, role].append((first, last, person))
        return position

    def holder(self, key, role, on):
        for first, last, person in reversed(self.roles.get((key, role), [])):
            if first <= on <= last:
                return person
        return None

    def titles(self, person, on):
        """What `Person.titles_on` answers, without a query."""
        return [title for rank, pk, title, first, last in sorted(self.held[person.pk]) if first <= on <= last]

    def spans(self, key, people, title, role, *, kind=GOVERNMENT, rank=40, at=None):
        """A dated post (director, chairman) that follows the Party post of each term; the same person keeps it."""
        rng, spans = self.rng, []
        for number, (year, person) in enumerate(zip((2015, 2020), people, strict=True)):
            opened = self.terms[key][year].starts_on
            start = opened - timedelta(days=rng.randint(200, 1200)) if number == 0 else opened + timedelta(days=30)
            if spans and spans[-1][0] == person:
                continue
            if spans:
                spans[-1][2] = start - DAY
            spans.append([person, start, None])
        for person, start, end in spans:
            self.hold(person, at or key, title, role, kind=kind, start=start, end=end, rank=rank)

    def staff_province(self):
        self.province_people = {label: self.person(woman) for label, woman in data.PROVINCE_PEOPLE.items()}
        self.fill(data.PROVINCE_POSTS, default_at="tinh")

    def fill(self, posts, *, default_at, **names):
        """Create the positions of a `demo_data` table (see `demo_data.post`)."""
        for post in posts:
            who = post["who"]
            if isinstance(who, str):
                person = self.province_people[who]
            else:
                person = self.leads[who[0].format(**names)][who[1]][1]
            at = post["at"] or default_at
            term = self.terms[at][post["term"]] if post["term"] else None
            title = post["title"].format(**self.info[at])
            self.hold(person, at, title, post["role"], kind=post["kind"], term=term, start=post["start"],
                      end=post["end"], rank=post["rank"])  # fmt: skip

    def staff_upper(self, key):
        info, terms, hold = self.info[key], self.terms[key], self.hold
        province = self.terms["tinh"]
        committee, bloc = info["committee"], key.startswith("khoi")
        secretaries, deputies = self.pair(False), self.pair()
        for year, secretary, deputy in zip((2015, 2020), secretaries, deputies, strict=True):
            hold(secretary, "tinh", "Tỉnh ủy viên", term=province[year], rank=10)
            hold(secretary, key, f"Bí thư {committee}", "secretary", term=terms[year])
            title = f"Phó Bí thư Thường trực {committee}" if bloc else f"Phó Bí thư {committee}"
            hold(deputy, key, title, "deputy", term=terms[year], rank=22)
        self.leads[key] = {"secretary": secretaries, "deputy": deputies}
        if bloc:
            inspector = self.person()
            for year in (2015, 2020):
                hold(inspector, key, f"Chủ nhiệm Ủy ban Kiểm tra {committee}", "inspection", term=terms[year], rank=30)
            self.leads[key]["inspection"] = [inspector, inspector]
        else:
            place = info["name"].removeprefix("Đảng bộ ")
            self.spans(key, secretaries, f"Chủ tịch HĐND {place}", "council")
            self.spans(key, deputies, f"Chủ tịch UBND {place}", "chairman", rank=45)

    def staff_grassroots(self, key):
        info, terms, hold, rng = self.info[key], self.terms[key], self.hold, self.rng
        parent, short, kind = info["parent"], info["agency_short"], info["type"]
        if key == "tnmt":
            secretaries = [self.province_people["vice"], self.person(False)]
        else:
            secretaries = self.pair()
        deputies = self.pair()
        if kind == "commune":
            party = (f"Bí thư {info['committee']}", f"Phó Bí thư {info['committee']}")
            government = (f"Chủ tịch HĐND {info['agency']}", f"Chủ tịch UBND {info['agency']}")
        else:
            party = (f"Bí thư Đảng ủy {short}", f"Phó Bí thư Đảng ủy {short}")
            government = (info.get("head", f"Giám đốc {short}"), info.get("deputy_head", f"Phó Giám đốc {short}"))
        for year, secretary, deputy in zip((2015, 2020), secretaries, deputies, strict=True):
            hold(secretary, key, party[0], "secretary", term=terms[year])
            hold(deputy, key, party[1], "deputy", term=terms[year], rank=25)
            if key != "tnmt" and rng.random() < 0.6:
                committee = f"Ủy viên Ban Chấp hành {self.info[parent]['name']}"
                hold(secretary, parent, committee, term=self.terms[parent][year], rank=15)
        leads = self.leads[key] = {"secretary": secretaries, "deputy": deputies}
        if key == "tnmt":
            self.fill(data.TNMT_POSTS, default_at=key)
        else:
            self.spans(key, secretaries, government[0], "head")
        self.spans(key, deputies, government[1], "deputy_head", rank=45)
        mass, lead = info["mass"], partial(self.hold, kind=MASS, rank=60)
        if data.TU in mass:
            self.spans(key, deputies, f"Chủ tịch Công đoàn {short}", "union", kind=MASS, rank=60, at=mass[data.TU])
        if data.YU in mass:
            youth = leads["youth"] = [self.person(), self.person()]
            title = f"Bí thư Đoàn Thanh niên {short}"
            lead(youth[0], mass[data.YU], title, "youth", start=self.some_day(2014, 2014), end=date(2019, 3, 25))
            lead(youth[1], mass[data.YU], title, "youth", start=date(2019, 3, 26))
        if data.VET in mass:
            veteran = self.person(False)
            leads["veterans"] = [veteran, veteran]
            title = f"Chủ tịch Hội Cựu chiến binh {short}"
            lead(veteran, mass[data.VET], title, "veterans", start=self.some_day(2012, 2016))
        if data.WOMEN in mass:
            title = f"Chủ tịch Hội Liên hiệp Phụ nữ {short}"
            lead(self.person(True), mass[data.WOMEN], title, "women", start=self.some_day(2012, 2017))

    # --- Members ---

    def some_day(self, first_year, last_year):
        rng = self.rng
        return date(rng.randint(first_year, last_year), rng.randint(1, 12), rng.randint(1, 28))

    def build_members(self):
        rng, rows, members = self.rng, [], {}
        for key, info in list(self.info.items()):
            if info["level"] != "grassroots":
                continue
            officials = [self.leads[key]["secretary"][1], self.leads[key]["deputy"][1]]
            for number, cell in enumerate(info["cells"]):
                people = [self.person() for _ in range(rng.randint(3, 5))]
                for person in people:
                    since = self.some_day(1986, 2022)
                    self.ordinary.append((person, cell, since))
                    rows.append(Membership(person=person, organization=self.units[cell], since=since))
                if number == 0:
                    for person in officials:
                        if person.pk not in members:
                            members[person.pk] = cell
                            rows.append(
                                Membership(
                                    person=person, organization=self.units[cell], since=self.some_day(1990, 2006)
                                )
                            )
                short = self.info[cell]["short"]
                self.hold(
                    people[0], cell, f"Bí thư {short}", "cell_secretary", start=self.some_day(2015, 2020), public=False
                )
                if len(people) > 3:
                    self.hold(
                        people[1], cell, f"Phó Bí thư {short}", start=self.some_day(2015, 2020), public=False, rank=25
                    )
            if data.TU in info["mass"] and info["type"] != "commune":
                person = self.ordinary[-1][0]
                title = f"Ủy viên Ban Chấp hành Công đoàn {info['agency_short']}"
                self.hold(
                    person, info["mass"][data.TU], title, kind=MASS, start=date(2018, 5, 1), public=False, rank=70
                )
        cells = [key for key, info in self.info.items() if info["level"] == "cell"]
        for year, cell in zip((2017, 2019, 2021, 2023, 2025, 2025), rng.sample(cells, 6), strict=True):
            day = date(year, rng.randint(3, 11), rng.randint(1, 28))
            count = rng.choice((1, 1, 2, 2, 3))
            status = Membership.Status.PROBATIONARY if year == 2025 else Membership.Status.FULL
            for _ in range(count):
                rows.append(Membership(person=self.person(), organization=self.units[cell], status=status, since=day))
            self.admissions.append((cell, day, count))
        Membership.objects.bulk_create(rows)
        moving = [
            (p, c) for p, c, since in self.ordinary if since.year < 2015 and c.split(".")[0] in ("vhttdl", "phumy")
        ]
        moves = (("gddt.c1", date(2019, 9, 1)), ("tt_tanlap.c2", date(2022, 3, 1)))
        for (person, _), (target, on) in zip(rng.sample(moving, 2), moves, strict=True):
            membership = Membership.objects.get(person=person, until__isnull=True)
            transfer_membership(membership=membership, to=self.fresh(target), on=on)

    # --- 2025 ---

    def reorganize(self):
        on = data.REORGANIZED_BLOCS_ON
        ubnd = data.UBND_PARTY["key"]
        self.add(
            data.UBND_PARTY,
            Kind.UPPER,
            parent="tinh",
            level="upper",
            valid_from=on,
            description=f"{data.UBND_PARTY['committee']} {data.UBND_PARTY['field']}; thành lập ngày {slashed(on)} "
            "trên cơ sở kết thúc hoạt động của Đảng bộ Khối các cơ quan tỉnh và Đảng bộ Khối Doanh nghiệp tỉnh.",
        )
        self.info[ubnd]["members"] = self.info["khoi_cq"]["members"] + self.info["khoi_dn"]["members"]
        merge_organizations(absorbed=[self.fresh("khoi_cq"), self.fresh("khoi_dn")], into=self.fresh(ubnd), on=on)
        self.successor["khoi_cq"] = self.successor["khoi_dn"] = ubnd
        self.add_term(ubnd, 2025, 1, date(2025, 8, 12))
        self.fill(data.UBND_POSTS, default_at=ubnd)
        self.merge_departments()
        self.end_districts()

    def merge_departments(self):
        """Sở TN&MT takes a new name and absorbs Sở NN&PTNT; so do their mass organizations."""
        on, merged, key = data.MERGED_DEPARTMENTS_ON, data.MERGED_DEPARTMENT, data.MERGED_DEPARTMENT["key"]
        old = [self.info["tnmt"], self.info["nnptnt"]]
        unit = rename_organization(unit=self.fresh("tnmt"), name=merged["name"], short_name=merged["short"], on=on)
        unit.aliases = "\n".join([*merged["aliases"], *(info["name"] for info in old)])
        unit.description = (
            f"Đảng bộ cơ sở trực thuộc {data.UBND_PARTY['name']}; lãnh đạo thực hiện nhiệm vụ chính trị của "
            f"{merged['agency']}: tham mưu, giúp UBND tỉnh {merged['field']}. Thành lập ngày {slashed(on)} trên cơ sở "
            f"hợp nhất {enumerate_vi(info['name'] for info in old)}."
        )
        unit.save(update_fields=["aliases", "description"])
        facts = {**old[0], **merged, "committee": f"Đảng ủy {merged['agency']}", "congress": 1}
        self.adopt(unit, {**facts, "members": sum(info["members"] for info in old)}, parent="dang_bo_ubnd", on=on)
        merge_organizations(absorbed=[self.fresh("nnptnt")], into=self.fresh(key), on=on)
        self.successor["tnmt"] = self.successor["nnptnt"] = key
        self.info[key]["cells"] = old[0]["cells"] + old[1]["cells"]
        for mass in (data.TU, data.YU, data.VET):
            before = [info["mass"][mass] for info in old if mass in info["mass"]]
            long_name, short_name = data.MASS_NAMES[mass]
            name, short = f"{long_name} {merged['agency']}", f"{long_name} {merged['agency_short']}"
            unit = rename_organization(unit=self.fresh(before[0]), name=name, short_name=short, on=on)
            unit.aliases = "\n".join(
                [f"{short_name} {merged['agency_short']}", *(self.info[k]["name"] for k in before)]
            )
            unit.save(update_fields=["aliases"])
            mass_key = f"{key}.{mass}"
            self.adopt(unit, {"key": mass_key, "name": name, "short": short}, parent=key, on=on, level="mass")
            self.info[key]["mass"][mass] = mass_key
            if len(before) > 1:
                merge_organizations(absorbed=[self.fresh(before[1])], into=self.fresh(mass_key), on=on)
            for old_key in before:
                self.successor[old_key] = mass_key
        self.add_term(key, 2025, 1, date(2025, 5, 20))
        self.fill(data.MERGED_DEPARTMENT_POSTS, default_at=key)

    def end_districts(self):
        """The district level ends: each district's communes merge into one commune directly under the province."""
        on = data.DISTRICTS_REMOVED_ON
        for key, level, place, district, communes in data.NEW_COMMUNES:
            spec = data.commune(key, level, place, f"tỉnh {data.PROVINCE}", [], [], 0, 1)
            names = enumerate_vi(self.info[k]["name"] for k in communes)
            self.add(
                spec,
                Kind.GRASSROOTS,
                parent="tinh",
                level="grassroots",
                valid_from=on,
                description=f"Đảng bộ cơ sở trực thuộc {data.ROOT['committee']}; lãnh đạo toàn diện {spec['field']} "
                f"{spec['agency']}. Thành lập ngày {slashed(on)} trên cơ sở hợp nhất {names}.",
            )
            info = self.info[key]
            info.update(type="commune", members=sum(self.info[k]["members"] for k in communes))
            merge_organizations(absorbed=[self.fresh(k) for k in communes], into=self.fresh(key), on=on)
            merge_organizations(absorbed=[self.fresh(district)], into=self.fresh(key), on=on)
            for old in (district, *communes):
                self.successor[old] = key
                info["cells"] += self.info[old]["cells"]
                info["mass"].update(self.info[old]["mass"])
            self.add_term(key, 2025, 1, date(2025, 8, self.rng.randint(18, 28)))
            self.fill(data.NEW_COMMUNE_POSTS, default_at=key, district=district, commune=communes[0])

    def adopt(self, unit, info, *, parent, on, level="grassroots"):
        """Register a unit that a service created (`rename_organization`) so that the texts can use it."""
        self.units[info["key"]] = unit
        self.info[info["key"]] = {
            "committee": info["name"],
            "committee_short": "Đảng ủy Sở",
            "address": self.info[parent]["address"] if parent in self.info else "",
            **info,
            "cells": [],
            "mass": {},
            "level": level,
            "parent": parent,
            "valid_from": on,
        }

    def set_contacts(self):
        for key, info in self.info.items():
            on = min(self.ends.get(key, FOREVER), date(2025, 12, 31))
            roles = ("deputy", "secretary") if info["level"] != "mass" else ("union", "youth", "veterans", "women")
            person = next(filter(None, (self.holder(key, role, on) for role in roles)), None)
            if person:
                Organization.objects.filter(pk=self.units[key].pk).update(contact_person=person)

    # --- Photos ---

    def draw_photos(self):
        for number, scene in enumerate(data.PHOTO_PLAN, start=1):
            photo = Photo(alt_text=data.PHOTO_SCENES[scene], credit=self.rng.choice(data.PHOTOGRAPHERS))
            # why: assigned, not `image.save(..., save=False)`, which leaves width and height empty
            photo.image = ContentFile(draw_scene(scene, self.rng), name=f"anh-mau-{number:02}-{scene}.jpg")
            photo.save()
            self.photos[scene].append(photo)

    # --- Meetings and the articles that report them ---

    def make_categories_and_tags(self):
        for order, (name, description) in enumerate(data.CATEGORIES, start=1):
            self.categories[name] = Category.objects.get_or_create(
                name=name, defaults={"description": description, "order": order}
            )[0]
        names = {tag for tags in data.KIND_TAGS.values() for tag in tags}
        names |= set(data.EXTRA_TAGS) | {tag for tags in data.YEAR_TAGS.values() for tag in tags}
        names |= {tag for news in data.NEWS for tag in news["tags"]} | {"Tin hoạt động", "Đoàn thể"}
        for name in sorted(names):
            tag = Tag.objects.filter(key=tone_key(name)).first()
            if tag is None:
                tag = Tag(name=name)
                tag.save()
            self.tags[name] = tag

    def plan_meetings(self):
        rng, plans = self.rng, []

        def plan(kind, host, on, **extra):
            plans.append({"kind": kind, "host": host, "on": on, **extra})

        for key in (
            "tinh",
            "khoi_cq",
            "khoi_dn",
            "tp_sonha",
            "h_tanlap",
            "h_hoaan",
            "tnmt",
            "vhttdl",
            "capnuoc",
            "phumy",
            "bacson",
        ):
            plan(MK.DAI_HOI, key, self.terms[key][2020].starts_on, term=self.terms[key][2020])
        for key in ("nnmt", "dang_bo_ubnd", "p_sonha", "x_tanlap", "tinh"):
            plan(MK.DAI_HOI, key, self.terms[key][2025].starts_on, term=self.terms[key][2025])
        for key in ("tinh", "khoi_cq"):
            plan(
                MK.SO_KET_GIUA_NHIEM_KY,
                key,
                date(2018, rng.choice((5, 6)), rng.randint(3, 28)),
                term=self.terms[key][2015],
            )
        for key in ("tinh", "khoi_cq", "khoi_dn", "tp_sonha", "tnmt", "vhttdl", "gddt"):
            plan(
                MK.SO_KET_GIUA_NHIEM_KY,
                key,
                date(2023, rng.randint(4, 6), rng.randint(3, 28)),
                term=self.terms[key][2020],
            )
        hosts = [key for key, info in self.info.items() if info["level"] in ("upper", "grassroots")]
        for resolution in data.RESOLUTIONS:
            day = resolution[0] + timedelta(days=rng.randint(0, 20))
            for key in rng.sample([k for k in hosts if self.exists(k, day)], rng.choice((1, 2))):
                plan(MK.HOC_TAP_QUAN_TRIET, key, day, resolution=resolution)
        plan(MK.OTHER, "dang_bo_ubnd", data.REORGANIZED_BLOCS_ON, founded=["khoi_cq", "khoi_dn"])
        plan(MK.OTHER, "nnmt", data.MERGED_DEPARTMENTS_ON, founded=["tnmt", "nnptnt"])
        for key, _, _, _, communes in data.NEW_COMMUNES:
            plan(MK.OTHER, key, data.DISTRICTS_REMOVED_ON, founded=communes)
        for cell, day, count in self.admissions:
            plan(MK.KET_NAP_DANG_VIEN, cell, day, admitted=count)
        for day, key in (
            (date(2017, 2, 2), "bacson"),
            (date(2019, 5, 18), "tnmt"),
            (date(2021, 9, 1), "phumy"),
            (date(2023, 11, 6), "vhttdl"),
            (date(2025, 2, 2), "sondong"),
        ):
            plan(MK.TRAO_HUY_HIEU, key, day)

        reviewers = [key for key, info in self.info.items() if info["level"] in ("province", "upper", "grassroots")]
        pool = []
        for year in range(data.FIRST_YEAR, data.LAST_YEAR + 1):
            for key in reviewers:
                mid_year = (
                    date(year, 6, rng.randint(16, 30)) if rng.random() < 0.6 else date(year, 7, rng.randint(1, 12))
                )
                pool.append((MK.SO_KET_6_THANG, key, mid_year, year))
                pool.append((MK.SO_KET_9_THANG, key, date(year, 10, rng.randint(2, 16)), year))
                pool.append((MK.TONG_KET_NAM, key, date(year, 1, rng.randint(6, 25)), year - 1))
                if year == data.LAST_YEAR:
                    pool.append((MK.TONG_KET_NAM, key, date(year, 12, rng.randint(10, 26)), year))
        pool = [entry for entry in pool if self.exists(entry[1], entry[2])]
        rng.shuffle(pool)
        # the landmarks above come once: larger sizes add as many periodic meetings again per size step
        wanted = 40 * self.size + len(plans) * (self.size - 1)
        for kind, key, day, year in pool[:wanted]:
            plan(kind, key, day, year=year)
        wanted = 12 * self.size + max(0, wanted - len(pool))
        cells, seen, tries = [key for key, info in self.info.items() if info["level"] == "cell"], set(), 0
        while len(seen) < wanted and tries < 50 * wanted:
            tries += 1
            cell, year, month = rng.choice(cells), rng.randint(data.FIRST_YEAR, data.LAST_YEAR), rng.randint(1, 12)
            day = date(year, month, rng.randint(5, 25))
            if (cell, year, month) not in seen and self.exists(cell, day):
                seen.add((cell, year, month))
                plan(MK.SINH_HOAT_CHUYEN_DE, cell, day, theme=rng.choice(data.MONTHLY_THEMES))
        plans.sort(key=lambda p: (p["on"], p["host"], p["kind"]))
        return plans

    def cast(self, kind, key, on):
        """Who chairs, who presents the report and who comes from the superior committee."""
        level, rng = self.info[key]["level"], self.rng
        chair = None if level == "cell" else self.holder(key, "secretary", on)
        speaker = None
        if kind in (*REVIEWS, MK.SO_KET_GIUA_NHIEM_KY, MK.DAI_HOI):
            speaker = self.holder(key, "standing_deputy" if key == "tinh" else "deputy", on)
        parent = self.parent_on(key, on) if level != "province" else None
        if level == "cell":
            roles, wanted = ("deputy", "secretary"), 1
        elif level == "grassroots":
            roles, wanted = ("secretary", "deputy", "inspection"), 1 if rng.random() < 0.75 else 0
        elif level == "upper":
            parent = "tinh"
            roles = ("standing_deputy", "deputy", "organization_head", "propaganda_head", "inspection_head")
            wanted = 2 if kind == MK.DAI_HOI else 1
        else:
            roles, wanted = (), 0
        if kind in (MK.DAI_HOI, MK.OTHER, MK.SO_KET_GIUA_NHIEM_KY) and level != "province":
            wanted = max(wanted, 1)
        if kind == MK.HOC_TAP_QUAN_TRIET:
            speaker = self.holder("tinh", "propaganda_deputy" if level == "grassroots" else "propaganda_head", on)
        found = [self.holder(parent, role, on) for role in roles] if parent else []
        if level != "cell":
            rng.shuffle(found)
        guests = []
        for person in found:
            if person and person not in guests and person not in (chair, speaker) and len(guests) < wanted:
                guests.append(person)
        if speaker == chair:
            speaker = None
        return chair, speaker, guests

    def report(self, plan):
        kind, key, on = plan["kind"], plan["host"], plan["on"]
        info, rng = self.info[key], self.rng
        chair, speaker, guests = self.cast(kind, key, on)
        part = self.part_of_day(kind, info["level"])
        days = 1
        if kind == MK.DAI_HOI:
            days = {"province": 3, "upper": 2}.get(info["level"], 1)
        if days > 1:
            dates = [on + timedelta(days=n) for n in range(days)]
            when = f"Trong {days} ngày {', '.join(str(d.day) for d in dates[:-1])} và {slashed(dates[-1])}"
        else:
            moment = {Meeting.PartOfDay.MORNING: "Sáng ngày", Meeting.PartOfDay.AFTERNOON: "Chiều ngày"}
            when = f"{moment.get(part, 'Ngày')} {slashed(on)}"
        parent = self.parent_on(key, on) if info["level"] != "province" else None
        ctx = {
            "unit": info["name"],
            "unit_short": info["short"],
            "committee": info["committee"],
            "committee_short": info["committee_short"],
            "field": info.get("field", ""),
            "year": on.year,
            "next_year": on.year + 1,
            "month": on.month,
            "day_month": f"{on.day}/{on.month}",
            "when": when,
            "parent": self.info[parent]["name"] if parent else "",
            "parent_committee": self.info[parent]["committee"] if parent else "",
            "chair_name": chair.full_name if chair else "",
        }
        story = getattr(self, f"compose_{kind}")(plan, ctx, chair, speaker, guests)
        meeting = Meeting(
            host=self.units[key],
            kind=kind,
            title=story["title"],
            held_on=on,
            part_of_day=part,
            location=self.location(key, kind),
            term=plan.get("term") or self.term_on(key, on),
            period_code=story.get("period", ""),
            summary=story["summary"],
            tasks="\n".join(f"({n}) {task}." for n, task in enumerate(story["tasks"], start=1)),
        )
        meeting.save()
        cast = [(chair, MeetingParticipant.Role.CHAIR), (speaker, MeetingParticipant.Role.SPEAKER)]
        cast += [(guest, MeetingParticipant.Role.GUEST) for guest in guests]
        for order, (person, role) in enumerate(((p, r) for p, r in cast if p), start=1):
            MeetingParticipant(meeting=meeting, person=person, role=role, order=order).save()

        shots = self.shots(kind, on, chair, speaker, guests, story.get("shots", []))
        tags = rng.sample(data.KIND_TAGS[kind], rng.randint(2, 3))
        tags += rng.sample(data.YEAR_TAGS.get(on.year, []) + data.EXTRA_TAGS, rng.randint(0, 2))
        category = story.get("category") or (
            data.BUILDING if rng.random() < 0.75 or info["level"] == "province" else data.PARTY_AND_MASS
        )
        title_ctx = {**ctx, **story.get("title_ctx", {})}
        common = {
            "titles": [template.format(**title_ctx) for template in data.TITLES[kind]],
            "on": on + timedelta(days=days - 1),
            "meeting": meeting,
            "body": story["body"],
            "period": story.get("period", ""),
            "category": category,
            "tags": tags,
            "shots": shots,
        }
        phrase = story["phrase"]
        lead = f"{when}, {info['name']} tổ chức {phrase}."
        if info["level"] == "cell":
            lead = f"{when}, {info['name']} trực thuộc {ctx['parent']} tổ chức {phrase}."
        elif rng.random() < 0.2:
            lead = f"Vừa qua, {info['name']} tổ chức {phrase}."
        related = [parent] if parent and rng.random() < 0.3 else []
        self.write(publisher=key, lead=lead, related=related, **common)
        second = {MK.DAI_HOI: 0.8, MK.OTHER: 0.8, MK.SO_KET_GIUA_NHIEM_KY: 0.8, MK.TRAO_HUY_HIEU: 0.4}
        if parent and rng.random() < second.get(kind, 0.35):
            subject, told = info["committee"], lower_first(phrase)
            if kind == MK.DAI_HOI:
                subject, told = info["name"], phrase
            lead = f"Ngày {dashed(on)}, {subject} đã tổ chức {told}."
            if guests:
                lead += f" {self.named(guests[0], on, ' - ', titles_first=True)} đến dự."
            source = rng.choice(data.SOURCES) if self.info[parent]["level"] in ("upper", "province") else ""
            self.write(publisher=parent, lead=lead, related=[key], source=source, **common)

    def shots(self, kind, on, chair, speaker, guests, extra):
        """The photos of a report as (scene, caption): an overall view first, then 1-3 of the others."""
        ceremony = kind in (MK.KET_NAP_DANG_VIEN, MK.TRAO_HUY_HIEU)
        noun = (
            "buổi lễ"
            if ceremony
            else {MK.DAI_HOI: "Đại hội", MK.SINH_HOAT_CHUYEN_DE: "buổi sinh hoạt"}.get(kind, "Hội nghị")
        )
        if kind == MK.SINH_HOAT_CHUYEN_DE:
            shots = [("table", "Quang cảnh buổi sinh hoạt chuyên đề")]
        else:
            shots = [("hall", "Quang cảnh buổi lễ" if ceremony else f"Toàn cảnh {noun}")]
        if chair:
            shots.append(
                ("podium", f"Đ/c {self.named(chair, on, ', ')} phát biểu {'tại' if guests else 'kết luận'} {noun}")
            )
        for guest in guests:
            shots.append(("podium", f"Đ/c {self.named(guest, on, ', ')} phát biểu chỉ đạo {noun}"))
        if speaker:
            task = "truyền đạt nội dung nghị quyết" if kind == MK.HOC_TAP_QUAN_TRIET else "trình bày báo cáo"
            shots.append(("podium", f"Đ/c {self.named(speaker, on, ', ')} {task} tại {noun}"))
        shots += extra
        if ceremony or kind == MK.OTHER:
            shots.append(("ceremony", "Các đại biểu chụp ảnh lưu niệm"))
        else:
            shots.append(("hall", f"Đảng viên tham gia đóng góp ý kiến tại {noun}"))
        return shots[:1] + self.rng.sample(shots[1:], min(len(shots) - 1, self.rng.randint(1, 3)))

    def part_of_day(self, kind, level):
        if kind == MK.DAI_HOI and level in ("province", "upper"):
            return Meeting.PartOfDay.ALL_DAY
        if kind in (MK.KET_NAP_DANG_VIEN, MK.TRAO_HUY_HIEU, MK.OTHER):
            return Meeting.PartOfDay.MORNING
        return Meeting.PartOfDay.MORNING if self.rng.random() < 0.55 else Meeting.PartOfDay.AFTERNOON

    def location(self, key, kind):
        info = self.info[key]
        if info["level"] == "province":
            return "Trung tâm Hội nghị tỉnh" if kind == MK.DAI_HOI else "Hội trường Tỉnh ủy"
        if info["level"] == "cell":
            return f"Nhà văn hóa {info['part']}" if info["part"].startswith("thôn") else f"Phòng họp {info['short']}"
        return f"Hội trường {info['committee']}"

    def named(self, person, on, sep=" - ", *, titles_first=False):
        titles = sep.join(self.titles(person, on))
        if not titles:
            return person.full_name
        return f"{titles} {person.full_name}" if titles_first else f"{person.full_name}{sep}{titles}"

    def attendance(self, guests, on, level, *, verb="Tham dự Hội nghị có"):
        audience = {
            "province": "các đồng chí Tỉnh ủy viên, lãnh đạo các sở, ban, ngành, đoàn thể tỉnh và bí thư các đảng bộ "
            "trực thuộc",
            "upper": "các đồng chí Ủy viên Ban Chấp hành Đảng bộ, bí thư các tổ chức cơ sở đảng trực thuộc",
        }.get(level, "các đồng chí Ủy viên Ban Chấp hành Đảng bộ, bí thư các chi bộ trực thuộc")
        if not guests:
            return f"{verb} {audience}."
        people = " và ".join(f"đồng chí {self.named(g, on)}" for g in guests)
        return f"{verb} {people}; cùng {audience}."

    def sample_tasks(self, ctx, count, extra=None):
        tasks = self.rng.sample(data.TASKS, count)
        if extra:
            tasks.insert(self.rng.randint(0, len(tasks)), extra)
        return [task.format(**ctx) for task in tasks]

    def remarks(self, guests, on, ctx):
        if not guests:
            return ""
        template = self.rng.choice(data.GUEST_REMARKS)
        return template.format(**ctx, guest=self.named(guests[0], on, ", "))

    # One composer per kind of meeting: the meeting's title, summary and tasks, and the article's paragraphs.

    def compose_review(self, plan, ctx, chair, speaker, guests):
        rng, kind, on, info = self.rng, plan["kind"], plan["on"], self.info[plan["host"]]
        year = plan["year"]
        if kind == MK.SO_KET_6_THANG:
            period, label, following = f"{year}-H1", f"6 tháng đầu năm {year}", f"6 tháng cuối năm {year}"
            phrase = f"Hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu năm, triển khai nhiệm vụ {following}"
        elif kind == MK.SO_KET_9_THANG:
            period, label, following = f"{year}-9M", f"9 tháng đầu năm {year}", f"quý IV năm {year}"
            phrase = f"Hội nghị sơ kết công tác Đảng 9 tháng đầu năm, triển khai nhiệm vụ {following}"
        else:
            period, label, following = f"{year}", f"năm {year}", f"năm {year + 1}"
            phrase = f"Hội nghị tổng kết công tác xây dựng Đảng năm {year}, triển khai nhiệm vụ {following}"
        level = info["level"]
        below = max(3, len(info["cells"]) if level == "grassroots" else len(self.units_below(plan["host"], on)))
        facts = {
            **ctx,
            "next_label": following,
            "period_label": label,
            "year": year if kind == MK.TONG_KET_NAM else on.year,
            "inspected": rng.randint(2, below),
            "watched": rng.randint(3, 12),
            "admitted": rng.randint(1, 6),
            "confirmed": rng.randint(1, 5),
        }
        results = [f"Trong {label}, {data.RESULTS[0].format(**facts)}"]
        results.append(data.YEAR_CONTEXT[year].format(**facts))
        results += [text.format(**facts) for text in rng.sample(data.RESULTS[1:], 2)]
        if info.get("type") == "commune":
            results.append(rng.choice(data.COMMUNE_RESULTS))
        body = [
            f"Đồng chí {self.named(chair, on)} chủ trì Hội nghị. " + self.attendance(guests, on, level)
            if chair
            else "",
            f"Đồng chí {self.named(speaker, on, ', ')} trình bày báo cáo kết quả công tác {label}." if speaker else "",
            " ".join(results),
        ]
        body = paragraphs(*body)
        summary = f"Hội nghị đánh giá kết quả công tác xây dựng Đảng {label} và thống nhất nhiệm vụ {following}."
        if kind == MK.TONG_KET_NAM:
            ratings, line = self.ratings(year, below, info)
            body += ratings
            summary += f" {line}"
        tasks = self.sample_tasks(facts, rng.randint(3, 4), data.YEAR_TASKS.get(year + (kind == MK.TONG_KET_NAM)))
        numbered = "; ".join(f"({n}) {task}" for n, task in enumerate(tasks, start=1))
        texts = [
            f"{rng.choice(data.SHORTCOMINGS)} {rng.choice(data.DISCUSSION).format(**facts)}",
            f"Hội nghị thống nhất {len(tasks)} nhiệm vụ trọng tâm {following}: {numbered}.",
        ]
        if kind == MK.TONG_KET_NAM:
            texts.append(f"Năm {year + 1}, {info['short']} phấn đấu: {'; '.join(self.targets(info))}.")
        texts += [self.remarks(guests, on, facts), rng.choice(data.CONCLUSIONS).format(**facts) if chair else ""]
        body += paragraphs(*texts)
        title = {
            MK.SO_KET_6_THANG: "Hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu năm",
            MK.SO_KET_9_THANG: "Hội nghị sơ kết công tác Đảng 9 tháng đầu năm",
            MK.TONG_KET_NAM: "Hội nghị tổng kết công tác xây dựng Đảng năm",
        }[kind]
        return {
            "title": f"{title} {year}",
            "phrase": phrase,
            "period": period,
            "summary": summary,
            "tasks": tasks,
            "body": body,
            "title_ctx": {"year": year, "next_year": year + 1},
        }

    compose_so_ket_6_thang = compose_so_ket_9_thang = compose_tong_ket_nam = compose_review

    def units_below(self, key, on):
        """The Party organizations directly under `key` on `on`."""
        return [
            k
            for k, i in self.info.items()
            if i["level"] in ("upper", "grassroots")
            and i["parent"]
            and self.exists(k, on)
            and self.parent_on(k, on) == key
        ]

    def ratings(self, year, below, info):
        rng = self.rng
        words = data.RATINGS_UNTIL_2017 if year <= 2017 else data.RATINGS
        best = max(1, round(below * rng.uniform(0.1, 0.25)))
        good = max(0, round((below - best) * rng.uniform(0.5, 0.8)))
        rest = below - best - good
        sub = "chi bộ" if info["level"] == "grassroots" else "tổ chức cơ sở đảng"
        members = info.get("members", 100) + rng.randint(-8, 8)
        excellent, passed = round(members * rng.uniform(0.14, 0.22)), rng.randint(1, 5)
        unrated = rng.randint(2, 6)
        fine = members - excellent - passed - unrated
        items = [f"{best}/{below} {sub} đạt “{words[0]}”", f"{good}/{below} {sub} đạt “{words[1]}”"]
        if rest:
            items.append(f"{rest}/{below} {sub} đạt “{words[2]}”")
        items.append(
            f"Về đảng viên: {thousands(excellent)} đồng chí hoàn thành xuất sắc nhiệm vụ, {thousands(fine)} đồng chí "
            f"hoàn thành tốt nhiệm vụ, {passed} đồng chí hoàn thành nhiệm vụ"
        )
        head = f"Kết quả đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên năm {year}:"
        marks = [";"] * (len(items) - 1) + ["."]
        rows = "".join(f"<li>{escape(item)}{mark}</li>" for item, mark in zip(items, marks, strict=True))
        html = f"<p>{escape(head)}</p><ul>{rows}</ul>"
        line = f"Năm {year}: {best}/{below} {sub} đạt “{words[0]}”; {thousands(excellent)} đảng viên hoàn thành xuất "
        return html, line + "sắc nhiệm vụ."

    def targets(self, info, *, with_mass=True):
        """Three targets fit for the unit, and its mass organizations' titles to win."""
        rng, kind = self.rng, info.get("type")
        templates = {"commune": data.COMMUNE_TARGETS, "department": data.TARGETS, "company": data.TARGETS}
        values = {
            "worker": rng.choice((80, 85, 90)),
            "sub": "chi bộ" if info["level"] == "grassroots" else "tổ chức cơ sở đảng",
            "cells_good": rng.choice((80, 85, 90)),
            "members_good": rng.choice((85, 90, 95)),
            "new_members": thousands(max(2, round(info.get("members", 100) * rng.uniform(0.02, 0.04)))),
            "income": rng.randint(45, 80),
            "poor": rng.choice(("1", "1,5", "2")),
        }
        chosen = [text.format(**values) for text in rng.sample(templates.get(kind, data.TARGETS[2:]), 3)]
        if with_mass and kind != "commune":
            chosen += [data.MASS_TARGETS[mass] for mass in info["mass"]]
        return chosen

    def compose_so_ket_giua_nhiem_ky(self, plan, ctx, chair, speaker, guests):
        rng, on, info, term = self.rng, plan["on"], self.info[plan["host"]], plan["term"]
        term_label = f"{term.start_year} - {term.end_year}"
        total = rng.randint(18, 28)
        reached = total - rng.randint(1, 4)
        phrase = (
            f"Hội nghị sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội đại biểu Đảng bộ lần thứ "
            f"{term.congress_number}, nhiệm kỳ {term_label}"
        )
        facts = {**ctx, "next_label": "nửa nhiệm kỳ còn lại", "period_label": "nửa đầu nhiệm kỳ"}
        tasks = self.sample_tasks(facts, 4)
        numbered = "; ".join(f"({n}) {task}" for n, task in enumerate(tasks, start=1))
        body = paragraphs(
            f"Đồng chí {self.named(chair, on)} chủ trì Hội nghị. " + self.attendance(guests, on, info["level"]),
            f"Hội nghị thống nhất đánh giá: sau nửa nhiệm kỳ, {info['short']} đã đạt và vượt {reached}/{total} chỉ "
            f"tiêu chủ yếu theo Nghị quyết Đại hội; {total - reached} chỉ tiêu còn lại có khả năng hoàn thành vào "
            "cuối nhiệm kỳ. Các khâu đột phá được triển khai quyết liệt, bước đầu mang lại kết quả rõ nét.",
            " ".join(
                text.format(**facts, inspected=3, watched=5, admitted=4, confirmed=3)
                for text in rng.sample(data.RESULTS[1:4], 2)
            ),
            rng.choice(data.SHORTCOMINGS),
            self.remarks(guests, on, facts),
            f"Nửa nhiệm kỳ còn lại, {info['committee_short']} tập trung: {numbered}.",
        )
        return {
            "title": f"Hội nghị sơ kết giữa nhiệm kỳ {term_label}",
            "phrase": phrase,
            "period": f"{term.start_year}-{term.end_year}-mid",
            "summary": f"Sau nửa nhiệm kỳ {term_label}, đạt và vượt {reached}/{total} chỉ tiêu chủ yếu.",
            "tasks": tasks,
            "body": body,
            "title_ctx": {"congress": term.congress_number, "term_label": term_label},
        }

    def compose_dai_hoi(self, plan, ctx, chair, speaker, guests):
        rng, on, info, term = self.rng, plan["on"], self.info[plan["host"]], plan["term"]
        term_label = f"{term.start_year} - {term.end_year}"
        number = term.congress_number
        members = info.get("members", 100)
        delegates = {"province": 350, "upper": rng.randint(200, 260)}.get(
            info["level"], min(members, rng.randint(80, 120))
        )
        elected = {"province": 53, "upper": rng.randint(31, 39)}.get(info["level"], rng.choice((9, 11, 13, 15)))
        secretary = self.holder(plan["host"], "secretary", on)
        first = number == "I"
        tasks = [f"Hằng năm, {target}" for target in self.targets(info, with_mass=False)]
        opening = (
            f"Đây là Đại hội đầu tiên của {info['name']} sau khi sắp xếp tổ chức bộ máy, đánh dấu bước phát triển mới "
            "của Đảng bộ."
            if first
            else f"Đại hội đã đánh giá kết quả thực hiện Nghị quyết Đại hội nhiệm kỳ {term.start_year - 5} - "
            f"{term.start_year}: {info['short']} đã lãnh đạo hoàn thành và hoàn thành vượt {rng.randint(14, 20)}/"
            f"{rng.randint(21, 24)} chỉ tiêu chủ yếu; công tác xây dựng Đảng và hệ thống chính trị có nhiều chuyển "
            "biến tích cực."
        )
        parent = self.parent_on(plan["host"], on) if info["level"] != "province" else None
        elected_text = (
            f"Đại hội đã bầu Ban Chấp hành Đảng bộ nhiệm kỳ {term_label} gồm {elected} đồng chí. Tại phiên họp thứ "
            f"nhất, Ban Chấp hành đã bầu Ban Thường vụ; đồng chí {secretary.full_name} được bầu giữ chức Bí thư "
            f"{info['committee']} nhiệm kỳ {term_label}."
        )
        if parent:
            elected_text += f" Đại hội cũng bầu Đoàn đại biểu dự Đại hội {self.info[parent]['name']}."
        guest_text = ""
        if guests:
            guest_text = (
                f"Phát biểu chỉ đạo Đại hội, đồng chí {self.named(guests[0], on, ', ')} ghi nhận những kết quả quan "
                f"trọng mà {info['short']} đạt được, đề nghị Ban Chấp hành khóa mới sớm cụ thể hóa Nghị quyết Đại hội "
                "thành chương trình, kế hoạch hành động, phát huy tinh thần đoàn kết, đổi mới, sáng tạo."
            )
        people = " và ".join(f"đồng chí {self.named(g, on)}" for g in guests)
        body = paragraphs(
            f"Dự Đại hội có {people + '; cùng ' if guests else ''}{delegates} đại biểu thay mặt cho hơn "
            f"{thousands(members)} đảng viên trong toàn Đảng bộ.",
            opening,
            f"Với phương châm “{rng.choice(data.CONGRESS_SLOGANS)}”, Đại hội xác định các chỉ tiêu chủ yếu của nhiệm "
            f"kỳ: {'; '.join(lower_first(t) for t in tasks)}.",
            elected_text,
            guest_text,
        )
        return {
            "title": f"Đại hội đại biểu {info['name']} lần thứ {number}, nhiệm kỳ {term_label}",
            "phrase": f"Đại hội đại biểu lần thứ {number}, nhiệm kỳ {term_label}",
            "period": f"{term.start_year}-{term.end_year}",
            "summary": f"Đại hội bầu Ban Chấp hành gồm {elected} đồng chí; đồng chí {secretary.full_name} được bầu "
            "làm Bí thư.",
            "tasks": tasks,
            "body": body,
            "title_ctx": {"congress": number, "term_label": term_label},
            "shots": [("ceremony", f"Ban Chấp hành Đảng bộ nhiệm kỳ {term_label} ra mắt Đại hội")],
        }

    def compose_hoc_tap_quan_triet(self, plan, ctx, chair, speaker, guests):
        on = plan["on"]
        _, short, full, gist = plan["resolution"]
        online = " Hội nghị được tổ chức trực tiếp kết hợp trực tuyến đến các chi bộ." if on.year >= 2020 else ""
        teacher = speaker or chair
        tasks = [
            "Xây dựng chương trình hành động thực hiện nghị quyết sát với nhiệm vụ chính trị của đơn vị",
            "Tổ chức cho đảng viên viết bài thu hoạch, nộp về Văn phòng cấp ủy đúng thời gian quy định",
            "Đưa nội dung nghị quyết vào sinh hoạt chi bộ định kỳ; định kỳ kiểm tra, đánh giá kết quả thực hiện",
        ]
        body = paragraphs(
            f"Đồng chí {self.named(chair, on)} chủ trì Hội nghị.{online} Tham dự có toàn thể cán bộ, đảng viên trong "
            "Đảng bộ.",
            f"Tại Hội nghị, các đảng viên được nghe đồng chí {self.named(teacher, on)} truyền đạt những nội dung cơ "
            f"bản của {full}. {gist}",
            f"Kết luận Hội nghị, đồng chí {chair.full_name} yêu cầu mỗi cán bộ, đảng viên nắm vững nội dung nghị "
            "quyết, liên hệ với nhiệm vụ của cơ quan, đơn vị; các chi bộ xây dựng chương trình hành động cụ thể và "
            "tổ chức cho đảng viên viết bài thu hoạch đúng thời gian quy định./.",
        )
        return {
            "title": f"Hội nghị học tập, quán triệt {short}",
            "phrase": f"Hội nghị học tập, quán triệt, triển khai thực hiện {full}",
            "summary": f"Quán triệt {full}; các chi bộ xây dựng chương trình hành động thực hiện.",
            "tasks": tasks,
            "body": body,
            "title_ctx": {"doc": short},
        }

    def compose_sinh_hoat_chuyen_de(self, plan, ctx, chair, speaker, guests):
        rng, on, theme = self.rng, plan["on"], plan["theme"]
        follow_ups = rng.sample(data.FOLLOW_UPS, 3)
        numbered = "; ".join(f"({n}) {text}" for n, text in enumerate(follow_ups, start=1))
        guest = guests[0] if guests else None
        body = paragraphs(
            f"Dự buổi sinh hoạt có đồng chí {self.named(guest, on)} cùng toàn thể đảng viên trong Chi bộ."
            if guest
            else "",
            "Tại buổi sinh hoạt, đồng chí Bí thư Chi bộ quán triệt những nội dung cơ bản của chuyên đề; các đảng viên "
            "thảo luận sôi nổi, liên hệ với thực tiễn công tác và đăng ký nội dung làm theo gắn với nhiệm vụ được "
            "giao.",
            f"Chi bộ thống nhất {len(follow_ups)} nội dung làm theo: {numbered}.",
            f"Phát biểu tại buổi sinh hoạt, đồng chí {guest.full_name} đánh giá cao cách tổ chức sinh hoạt chuyên đề "
            "của Chi bộ và đề nghị mỗi đảng viên biến những điều đã học thành việc làm cụ thể, thiết thực./."
            if guest
            else "",
        )
        return {
            "title": f"Sinh hoạt chi bộ chuyên đề tháng {on.month}/{on.year}: {theme}",
            "phrase": f"sinh hoạt chuyên đề tháng {on.month}/{on.year} với chủ đề “{theme}”",
            "period": f"{on.year}-{on.month:02}",
            "summary": f"Chuyên đề: {theme}.",
            "tasks": follow_ups,
            "body": body,
            "category": data.UNCLE_HO,
            "shots": [("table", "Đảng viên thảo luận tại buổi sinh hoạt")],
        }

    def compose_ket_nap_dang_vien(self, plan, ctx, chair, speaker, guests):
        on, count = plan["on"], plan["admitted"]
        guest = guests[0] if guests else None
        body = paragraphs(
            f"Dự buổi lễ có đồng chí {self.named(guest, on)}." if guest else "",
            f"Tại buổi lễ, đại diện Chi bộ công bố quyết định kết nạp đảng viên của {ctx['parent_committee']}; "
            f"{two_digits(count)} đảng viên mới trang nghiêm tuyên thệ dưới cờ Đảng, hứa tuyệt đối trung thành với "
            "mục đích, lý tưởng của Đảng, chấp hành nghiêm Cương lĩnh chính trị, Điều lệ Đảng.",
            "Các quần chúng được kết nạp đều có phẩm chất đạo đức tốt, hoàn thành xuất sắc nhiệm vụ chuyên môn, được "
            "Chi bộ bồi dưỡng, theo dõi, giúp đỡ trong thời gian dài.",
            f"Phát biểu tại buổi lễ, đồng chí {guest.full_name} chúc mừng các đảng viên mới, đề nghị tiếp tục rèn "
            "luyện, phấn đấu để được công nhận là đảng viên chính thức sau 12 tháng dự bị; đồng thời giao Chi bộ "
            "phân công đảng viên chính thức giúp đỡ các đồng chí trong thời gian dự bị./."
            if guest
            else "",
        )
        return {
            "title": "Lễ kết nạp đảng viên mới",
            "phrase": f"Lễ kết nạp đảng viên cho {two_digits(count)} quần chúng ưu tú",
            "summary": f"Kết nạp {two_digits(count)} đảng viên mới.",
            "tasks": [
                "Phân công đảng viên chính thức theo dõi, giúp đỡ đảng viên dự bị",
                "Tiếp tục bồi dưỡng quần chúng ưu tú, tạo nguồn phát triển đảng viên",
            ],
            "body": body,
            "category": data.BUILDING,
            "shots": [("ceremony", "Các đảng viên mới tuyên thệ dưới cờ Đảng")],
        }

    def compose_trao_huy_hieu(self, plan, ctx, chair, speaker, guests):
        rng, on, info = self.rng, plan["on"], self.info[plan["host"]]
        occasion = data.BADGE_OCCASIONS[on.month].format(n=on.year - data.BADGE_BASE_YEAR[on.month], year=on.year)
        thirty, forty, fifty = rng.randint(2, 9), rng.randint(1, 6), rng.randint(0, 3)
        total = thirty + forty + fifty
        badges = (
            f"{thirty} đảng viên được trao Huy hiệu 30 năm tuổi Đảng, {forty} đảng viên nhận Huy hiệu 40 năm tuổi Đảng"
        )
        badges += f" và {fifty} đảng viên nhận Huy hiệu 50 năm tuổi Đảng" if fifty else ""
        body = paragraphs(
            f"Đồng chí {self.named(chair, on)} chủ trì buổi lễ. "
            + self.attendance(guests, on, info["level"], verb="Dự buổi lễ có"),
            f"Trong đợt này có {badges}.",
            f"Phát biểu tại buổi lễ, đồng chí {chair.full_name} chúc mừng các đảng viên được nhận Huy hiệu Đảng; "
            "khẳng định đây là phần thưởng cao quý ghi nhận quá trình cống hiến bền bỉ của mỗi đảng viên, mong các "
            "đồng chí tiếp tục giữ gìn phẩm chất người đảng viên, là tấm gương sáng cho thế hệ trẻ noi theo.",
            "Thay mặt các đảng viên được nhận Huy hiệu, một đồng chí đảng viên lão thành bày tỏ niềm vinh dự, tự hào "
            "và hứa tiếp tục tham gia xây dựng Đảng bộ trong sạch, vững mạnh./.",
        )
        return {
            "title": f"Lễ trao Huy hiệu Đảng đợt {on.day}/{on.month}/{on.year}",
            "phrase": f"Lễ trao Huy hiệu Đảng cho {total} đảng viên nhân dịp {occasion}",
            "summary": f"Trao Huy hiệu Đảng cho {total} đảng viên.",
            "tasks": ["Tiếp tục chăm lo, động viên đảng viên cao tuổi Đảng phát huy vai trò nêu gương"],
            "body": body,
            "category": rng.choice((data.BUILDING, data.ACTIVITIES)),
            "shots": [("ceremony", f"Đ/c {chair.full_name} trao Huy hiệu Đảng cho các đảng viên")],
        }

    def compose_other(self, plan, ctx, chair, speaker, guests):
        on, info = plan["on"], self.info[plan["host"]]
        before = enumerate_vi(self.info[key]["name"] for key in plan["founded"])
        body = paragraphs(
            f"Dự Hội nghị có đồng chí {self.named(guests[0], on)}." if guests else "",
            f"{info['name']} được thành lập trên cơ sở hợp nhất {before}, "
            "theo tinh thần Nghị quyết số 18-NQ/TW về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị "
            "tinh gọn, hoạt động hiệu lực, hiệu quả.",
            f"Tại Hội nghị, đại diện lãnh đạo công bố quyết định thành lập {info['name']} và quyết định chỉ định Ban "
            f"Chấp hành, Ban Thường vụ, Bí thư, Phó Bí thư; đồng chí {chair.full_name} được chỉ định giữ chức Bí thư "
            f"{info['committee']}.",
            self.remarks(guests, on, {**ctx, "period_label": "thời gian qua"}),
            f"Nhận nhiệm vụ, đồng chí {chair.full_name} khẳng định {info['committee']} sẽ tập trung ổn định tổ chức, "
            "bảo đảm hoạt động thông suốt, không gián đoạn, không để ảnh hưởng đến người dân và doanh nghiệp./.",
        )
        return {
            "title": f"Hội nghị công bố quyết định thành lập {info['name']}",
            "phrase": f"Hội nghị công bố quyết định thành lập {info['name']}",
            "summary": f"Công bố quyết định thành lập {info['name']} trên cơ sở hợp nhất {before}.",
            "tasks": [
                "Ổn định tổ chức, kiện toàn các chi bộ trực thuộc",
                "Bảo đảm hoạt động thông suốt, không gián đoạn sau sắp xếp",
                "Chuẩn bị Đại hội Đảng bộ lần thứ I, nhiệm kỳ 2025 - 2030",
            ],
            "body": body,
            "category": data.BUILDING,
            "shots": [("ceremony", f"Trao quyết định thành lập {info['name']}")],
        }

    # --- Articles ---

    def write(self, *, publisher, titles, lead, on, body, category, tags, shots, related, meeting, period, source=""):
        """One published article with its cover, captioned gallery, tags and related units."""
        rng, info = self.rng, self.info[publisher]
        title = rng.choice(titles)
        reporter, photographer = rng.choice(data.REPORTERS), rng.choice(data.PHOTOGRAPHERS)
        bylines = [reporter, reporter, f"Tin, ảnh: {reporter}", f"Tin: {reporter} - Ảnh: {photographer}"]
        if info["level"] in ("grassroots", "upper"):
            bylines.append(f"Văn phòng {info['committee']}")
        if "Trung tâm Công nghệ thông tin" in [self.info[c].get("part") for c in info["cells"]]:
            bylines.append("TRUNG TÂM CÔNG NGHỆ THÔNG TIN")
        byline = rng.choice(bylines)
        credit = reporter if byline.startswith("Tin, ảnh") else photographer
        delay = rng.choices((0, 1, 2), weights=(3, 5, 2))[0]
        hour = rng.randint(11, 20) if delay == 0 else rng.randint(7, 17)
        published_at = datetime.combine(on + timedelta(days=delay), datetime.min.time(), TZ).replace(
            hour=hour, minute=rng.randint(0, 59)
        )
        article = Article(
            title=title,
            slug=self.unique(slugify_vi(title, 294) or "bai-viet", self.article_slugs),
            lead=lead,
            body=body,
            status=Article.Status.PUBLISHED,
            published_at=published_at,
            unit=self.units[publisher],
            meeting=meeting,
            category=self.categories[category],
            byline=byline,
            photo_credit=credit,
            source=source,
            period_code=period,
        )
        used = {shot[0]: self.rng.sample(self.photos[shot[0]], len(self.photos[shot[0]])) for shot in shots}
        picks = [used[scene].pop() if used[scene] else self.photos[scene][0] for scene, _ in shots]
        article.cover = picks[0]
        article.save()
        for photo in picks:  # a photo belongs to the unit of the first article that shows it
            photo.unit = photo.unit or article.unit
        for order, ((scene, caption), photo) in enumerate(zip(shots, picks, strict=True), start=1):
            other = rng.random() < 0.15
            self.gallery.append(
                ArticlePhoto(
                    article=article,
                    photo=photo,
                    caption=caption[:500],
                    credit=rng.choice(data.PHOTOGRAPHERS) if other else credit,
                    alt_text=f"{caption} ({lower_first(data.PHOTO_SCENES[scene])})"[:300],
                    order=order,
                )
            )
        for tag in list(dict.fromkeys(self.tags[name] for name in tags))[:5]:
            self.tagged.append(TaggedArticle(content_object=article, tag=tag))
        for key in related:
            self.related.append(Article.related_units.through(article=article, organization=self.units[key]))
        self.published.append((article.pk, published_at))
        return article

    def write_news(self):
        rng = self.rng
        pool = []
        for number, news in enumerate(data.NEWS):
            for key, info in self.info.items():
                if news["mass"] is None and info["level"] not in ("upper", "grassroots"):
                    continue
                if news["mass"] is not None and not (info["level"] == "mass" and key.endswith(f".{news['mass']}")):
                    continue
                for year in range(data.FIRST_YEAR, data.LAST_YEAR + 1):
                    day = date(year, news["month"], news["day"]) - timedelta(days=rng.randint(0, 4))
                    if self.exists(key, day):
                        pool.append((number, key, day))
        wanted = 30 * self.size
        chosen = rng.sample(pool, min(wanted, len(pool)))
        chosen += [rng.choice(pool) for _ in range(wanted - len(chosen))]
        for number, key, day in sorted(chosen, key=lambda c: (c[2], c[1], c[0])):
            news, info = data.NEWS[number], self.info[key]
            year = day.year
            facts = {
                "unit": info["name"],
                "committee": info["committee"],
                "year": year,
                "years_tu": year - 1929,
                "years_yu": year - 1931,
                "years_vet": year - 1989,
                "years_martyrs": year - 1947,
                "years_ho": year - 1890,
                "people": rng.randint(40, 150),
                "gifts": rng.randint(20, 80),
                "cells": max(3, len(info["cells"])),
            }
            related = [self.parent_on(key, day)] if info["level"] == "mass" else []
            if news["mass"] is None:
                category = news.get("category", data.ACTIVITIES)
            else:
                category = data.PARTY_AND_MASS
            tags = list(news["tags"]) + rng.sample(["Tin hoạt động", "Đoàn thể", "Xây dựng Đảng"], 1)
            self.write(
                publisher=key,
                lead=news["lead"].format(**facts),
                related=related,
                on=day,
                meeting=None,
                body=paragraphs(*(text.format(**facts) for text in news["body"])),
                period="",
                category=category,
                tags=tags,
                shots=news["shots"],
                titles=[news["title"].format(**facts)],
            )

    def hold_back_some(self):
        """A few of the latest reports wait for approval or were sent back; one old report was withdrawn."""
        latest = sorted(self.published, key=lambda item: item[1])
        statuses = [Article.Status.DRAFT, Article.Status.SUBMITTED, Article.Status.SUBMITTED, Article.Status.RETURNED]
        for (pk, _), status in zip(reversed(latest[-12:][::3]), statuses, strict=False):
            Article.objects.filter(pk=pk).update(status=status, published_at=None)
        withdrawn = [pk for pk, at in latest if at.year == 2019]
        if withdrawn:
            Article.objects.filter(pk=self.rng.choice(withdrawn)).update(status=Article.Status.WITHDRAWN)


# --- Drawing ---


@lru_cache
def font(size):
    try:
        return ImageFont.truetype("DejaVuSans-Bold.ttf", size)
    except OSError:
        return ImageFont.load_default(size=size)


def star(draw, cx, cy, radius, fill):
    points = []
    for n in range(10):
        r = radius if n % 2 == 0 else radius * 0.4
        angle = -90 + n * 36
        points.append((cx + r * cos(radians(angle)), cy + r * sin(radians(angle))))
    draw.polygon(points, fill=fill)


def person_shape(draw, x, y, scale, shirt, rng):
    head = 14 * scale
    skin = rng.choice(((224, 182, 150), (205, 160, 125), (232, 196, 165)))
    draw.rounded_rectangle((x - 22 * scale, y, x + 22 * scale, y + 60 * scale), radius=int(8 * scale), fill=shirt)
    draw.ellipse((x - head, y - 2 * head - 2, x + head, y - 2), fill=skin)
    draw.pieslice((x - head, y - 2 * head - 2, x + head, y - 2), 180, 360, fill=(35, 30, 30))


def draw_scene(scene, rng):
    """A 1200×800 JPEG of a meeting scene: hall, stage, red banner, flags, people drawn as simple shapes."""
    width, height = 1200, 800
    wall = rng.choice(((232, 220, 196), (214, 222, 232), (236, 226, 210), (220, 206, 186)))
    image = Image.new("RGB", (width, height), wall)
    draw = ImageDraw.Draw(image)
    shirts = ((245, 245, 245), (240, 240, 235), (52, 84, 140), (70, 110, 160), (190, 40, 50), (230, 230, 210))
    if scene == "outdoor":
        draw.rectangle((0, 0, width, 470), fill=(150, 195, 235))
        draw.rectangle((0, 470, width, height), fill=(112, 160, 90))
        for x in range(60, width, 170):
            draw.rectangle((x + 35, 330, x + 50, 470), fill=(100, 70, 40))
            draw.ellipse((x, 230, x + 90, 360), fill=(60, 120 + rng.randint(0, 40), 60))
        draw.rectangle((1040, 150, 1048, 560), fill=(120, 120, 120))
        draw.rectangle((1048, 150, 1180, 238), fill=(218, 37, 29))
        star(draw, 1114, 194, 30, (255, 221, 0))
        for row in range(2):
            for x in range(120 + row * 40, 980, 90):
                person_shape(draw, x + rng.randint(-10, 10), 520 + row * 110, 1.2 + row * 0.3, rng.choice(shirts), rng)
    else:
        floor = tuple(max(0, c - 70) for c in wall)
        draw.rectangle((0, 540, width, height), fill=floor)
        draw.rectangle((60, 400, 1140, 540), fill=(150, 90, 60))
        draw.rectangle((60, 400, 1140, 412), fill=(120, 70, 45))
        draw.rectangle((150, 50, 1050, 250), fill=(196, 22, 28))
        draw.rectangle((160, 60, 1040, 240), outline=(255, 214, 0), width=4)
        for text, size, y in ((data.ROOT["name"].upper(), 30, 85), (rng.choice(data.BANNERS[scene]), 40, 150)):
            while draw.textlength(text, font=font(size)) > 840:
                size -= 2
            left = (width - draw.textlength(text, font=font(size))) / 2
            draw.text((left, y), text, font=font(size), fill=(255, 221, 0))
        draw.rectangle((70, 90, 130, 130), fill=(218, 37, 29))
        star(draw, 100, 110, 14, (255, 221, 0))
        draw.rectangle((1070, 90, 1130, 130), fill=(218, 37, 29))
        star(draw, 1100, 110, 14, (255, 221, 0))
        if scene in ("hall", "podium"):
            draw.rectangle((200, 330, 1000, 400), fill=(235, 235, 240))
            for x in range(240, 980, 80):
                person_shape(draw, x, 310, 0.8, rng.choice(shirts), rng)
            draw.rectangle((200, 360, 1000, 400), fill=(200, 30, 40))
        if scene == "podium":
            draw.polygon(((1030, 400), (1150, 400), (1135, 290), (1045, 290)), fill=(130, 75, 40))
            draw.ellipse((1075, 315, 1105, 345), fill=(255, 214, 0))
            person_shape(draw, 1090, 240, 1.2, rng.choice(shirts[:4]), rng)
        if scene == "hall":
            for row in range(4):
                scale = 1.0 + row * 0.35
                for x in range(40 + row * 25, width, int(70 * scale)):
                    person_shape(draw, x + rng.randint(-6, 6), 600 + row * 55, scale, rng.choice(shirts), rng)
        if scene == "table":
            for x in range(260, 960, 110):
                person_shape(draw, x, 500, 1.1, rng.choice(shirts), rng)
            draw.rounded_rectangle((180, 560, 1020, 660), radius=20, fill=(240, 240, 235))
            draw.rectangle((180, 640, 1020, 700), fill=(130, 80, 50))
            for x in range(300, 960, 140):
                draw.rectangle((x, 580, x + 60, 600), fill=(250, 250, 250))
        if scene == "ceremony":
            for x in range(180, 1060, 110):
                person_shape(draw, x, 300, 1.4, rng.choice(shirts), rng)
                draw.ellipse(
                    (x - 12, 360, x + 18, 390), fill=rng.choice(((230, 60, 90), (250, 200, 40), (240, 120, 40)))
                )
            for x in range(60, width, 95):
                person_shape(draw, x + rng.randint(-8, 8), 640, 1.6, rng.choice(shirts), rng)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82)
    return buffer.getvalue()
