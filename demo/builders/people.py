"""People and what they hold: terms of the Party committees, Party, government and mass-organization posts, and
the Party members of the cells."""

from datetime import date, timedelta
from functools import partial

from demo import data
from demo.builders.context import DAY, FOREVER, unique
from demo.builders.text import roman
from newsroom.text import slugify_vi
from organizations.models import Membership, Organization, Person, Position, Term
from organizations.services import transfer_membership

PARTY, GOVERNMENT, MASS = Position.Kind.PARTY, Position.Kind.GOVERNMENT, Position.Kind.MASS


def build_terms(demo):
    rng = demo.rng
    province_2025 = date(2025, 10, 15)
    for key, info in demo.info.items():
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
            add_term(demo, key, year, info["congress"] + number, opened[year], last or demo.ends.get(key))


def add_term(demo, key, year, number, opened, ends_on=None):
    demo.terms[key][year] = Term.objects.create(
        organization=demo.units[key],
        start_year=year,
        end_year=year + 5,
        congress_number=roman(number),
        starts_on=opened,
        ends_on=ends_on,
    )


def new_person(demo, female=None):
    rng = demo.rng
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
        if given not in middle.split() and full_name not in demo.names and full_name not in data.AVOIDED_NAMES:
            break
    demo.names.add(full_name)
    person = Person(full_name=full_name, slug=unique(slugify_vi(full_name, 194), demo.person_slugs))
    person.save()
    return person


def pair(demo, female=None):
    """Holders of a post in the 2015 and the 2020 term: often the same person twice."""
    first = new_person(demo, female)
    return [first, first if demo.rng.random() < 0.4 else new_person(demo, female)]


def hold(demo, person, key, title, role=None, *, kind=PARTY, term=None, start=None, end=None, public=True, rank=20):
    if term is None and key in demo.ends:
        end = min(end or FOREVER, demo.ends[key])
    position = Position.objects.create(
        person=person,
        organization=demo.units[key],
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
    demo.held[person.pk].append((rank, position.pk, title, first, last))
    if role:
        demo.roles[key, role].append((first, last, person))
    return position


def spans(demo, key, people, title, role, *, kind=GOVERNMENT, rank=40, at=None):
    """A dated post (director, chairman) that follows the Party post of each term; the same person keeps it."""
    rng, periods = demo.rng, []
    for number, (year, person) in enumerate(zip((2015, 2020), people, strict=True)):
        opened = demo.terms[key][year].starts_on
        start = opened - timedelta(days=rng.randint(200, 1200)) if number == 0 else opened + timedelta(days=30)
        if periods and periods[-1][0] == person:
            continue
        if periods:
            periods[-1][2] = start - DAY
        periods.append([person, start, None])
    for person, start, end in periods:
        hold(demo, person, at or key, title, role, kind=kind, start=start, end=end, rank=rank)


def fill(demo, posts, *, default_at, **names):
    """Create the positions of a `data` table (see `data.post`)."""
    for post in posts:
        who = post["who"]
        if isinstance(who, str):
            person = demo.province_people[who]
        else:
            person = demo.leads[who[0].format(**names)][who[1]][1]
        at = post["at"] or default_at
        term = demo.terms[at][post["term"]] if post["term"] else None
        title = post["title"].format(**demo.info[at])
        options = {key: post[key] for key in ("kind", "start", "end", "rank")}
        hold(demo, person, at, title, post["role"], term=term, **options)


def staff(demo):
    demo.province_people = {label: new_person(demo, woman) for label, woman in data.PROVINCE_PEOPLE.items()}
    fill(demo, data.PROVINCE_POSTS, default_at="tinh")
    for key, info in list(demo.info.items()):
        if info["level"] == "upper":
            staff_upper(demo, key)
        elif info["level"] == "grassroots":
            staff_grassroots(demo, key)


def staff_upper(demo, key):
    info, terms = demo.info[key], demo.terms[key]
    province = demo.terms["tinh"]
    committee, bloc = info["committee"], key.startswith("khoi")
    secretaries, deputies = pair(demo, False), pair(demo)
    for year, secretary, deputy in zip((2015, 2020), secretaries, deputies, strict=True):
        hold(demo, secretary, "tinh", "Tỉnh ủy viên", term=province[year], rank=10)
        hold(demo, secretary, key, f"Bí thư {committee}", "secretary", term=terms[year])
        title = f"Phó Bí thư Thường trực {committee}" if bloc else f"Phó Bí thư {committee}"
        hold(demo, deputy, key, title, "deputy", term=terms[year], rank=22)
    demo.leads[key] = {"secretary": secretaries, "deputy": deputies}
    if bloc:
        inspector = new_person(demo)
        for year in (2015, 2020):
            title = f"Chủ nhiệm Ủy ban Kiểm tra {committee}"
            hold(demo, inspector, key, title, "inspection", term=terms[year], rank=30)
        demo.leads[key]["inspection"] = [inspector, inspector]
    else:
        place = info["name"].removeprefix("Đảng bộ ")
        spans(demo, key, secretaries, f"Chủ tịch HĐND {place}", "council")
        spans(demo, key, deputies, f"Chủ tịch UBND {place}", "chairman", rank=45)


def staff_grassroots(demo, key):
    info, terms, rng = demo.info[key], demo.terms[key], demo.rng
    parent, short, kind = info["parent"], info["agency_short"], info["type"]
    if key == "tnmt":
        secretaries = [demo.province_people["vice"], new_person(demo, False)]
    else:
        secretaries = pair(demo)
    deputies = pair(demo)
    if kind == "commune":
        party = (f"Bí thư {info['committee']}", f"Phó Bí thư {info['committee']}")
        government = (f"Chủ tịch HĐND {info['agency']}", f"Chủ tịch UBND {info['agency']}")
    else:
        party = (f"Bí thư Đảng ủy {short}", f"Phó Bí thư Đảng ủy {short}")
        government = (info.get("head", f"Giám đốc {short}"), info.get("deputy_head", f"Phó Giám đốc {short}"))
    for year, secretary, deputy in zip((2015, 2020), secretaries, deputies, strict=True):
        hold(demo, secretary, key, party[0], "secretary", term=terms[year])
        hold(demo, deputy, key, party[1], "deputy", term=terms[year], rank=25)
        if key != "tnmt" and rng.random() < 0.6:
            committee = f"Ủy viên Ban Chấp hành {demo.info[parent]['name']}"
            hold(demo, secretary, parent, committee, term=demo.terms[parent][year], rank=15)
    leads = demo.leads[key] = {"secretary": secretaries, "deputy": deputies}
    if key == "tnmt":
        fill(demo, data.TNMT_POSTS, default_at=key)
    else:
        spans(demo, key, secretaries, government[0], "head")
    spans(demo, key, deputies, government[1], "deputy_head", rank=45)
    mass, lead = info["mass"], partial(hold, demo, kind=MASS, rank=60)
    if data.TU in mass:
        spans(demo, key, deputies, f"Chủ tịch Công đoàn {short}", "union", kind=MASS, rank=60, at=mass[data.TU])
    if data.YU in mass:
        youth = leads["youth"] = [new_person(demo), new_person(demo)]
        title = f"Bí thư Đoàn Thanh niên {short}"
        lead(youth[0], mass[data.YU], title, "youth", start=some_day(demo, 2014, 2014), end=date(2019, 3, 25))
        lead(youth[1], mass[data.YU], title, "youth", start=date(2019, 3, 26))
    if data.VET in mass:
        veteran = new_person(demo, False)
        leads["veterans"] = [veteran, veteran]
        title = f"Chủ tịch Hội Cựu chiến binh {short}"
        lead(veteran, mass[data.VET], title, "veterans", start=some_day(demo, 2012, 2016))
    if data.WOMEN in mass:
        title = f"Chủ tịch Hội Liên hiệp Phụ nữ {short}"
        lead(new_person(demo, True), mass[data.WOMEN], title, "women", start=some_day(demo, 2012, 2017))


def some_day(demo, first_year, last_year):
    rng = demo.rng
    return date(rng.randint(first_year, last_year), rng.randint(1, 12), rng.randint(1, 28))


def build_members(demo):
    rng, rows, members = demo.rng, [], {}
    for key, info in list(demo.info.items()):
        if info["level"] != "grassroots":
            continue
        officials = [demo.leads[key]["secretary"][1], demo.leads[key]["deputy"][1]]
        for number, cell in enumerate(info["cells"]):
            people = [new_person(demo) for _ in range(rng.randint(3, 5))]
            for person in people:
                since = some_day(demo, 1986, 2022)
                demo.ordinary.append((person, cell, since))
                rows.append(Membership(person=person, organization=demo.units[cell], since=since))
            if number == 0:
                for person in officials:
                    if person.pk not in members:
                        members[person.pk] = cell
                        since = some_day(demo, 1990, 2006)
                        rows.append(Membership(person=person, organization=demo.units[cell], since=since))
            short = demo.info[cell]["short"]
            start = some_day(demo, 2015, 2020)
            hold(demo, people[0], cell, f"Bí thư {short}", "cell_secretary", start=start, public=False)
            if len(people) > 3:
                start = some_day(demo, 2015, 2020)
                hold(demo, people[1], cell, f"Phó Bí thư {short}", start=start, public=False, rank=25)
        if data.TU in info["mass"] and info["type"] != "commune":
            person = demo.ordinary[-1][0]
            title = f"Ủy viên Ban Chấp hành Công đoàn {info['agency_short']}"
            at = info["mass"][data.TU]
            hold(demo, person, at, title, kind=MASS, start=date(2018, 5, 1), public=False, rank=70)
    cells = [key for key, info in demo.info.items() if info["level"] == "cell"]
    for year, cell in zip((2017, 2019, 2021, 2023, 2025, 2025), rng.sample(cells, 6), strict=True):
        day = date(year, rng.randint(3, 11), rng.randint(1, 28))
        count = rng.choice((1, 1, 2, 2, 3))
        status = Membership.Status.PROBATIONARY if year == 2025 else Membership.Status.FULL
        for _ in range(count):
            rows.append(Membership(person=new_person(demo), organization=demo.units[cell], status=status, since=day))
        demo.admissions.append((cell, day, count))
    Membership.objects.bulk_create(rows)
    moving = [(p, c) for p, c, since in demo.ordinary if since.year < 2015 and c.split(".")[0] in ("vhttdl", "phumy")]
    moves = (("gddt.c1", date(2019, 9, 1)), ("tt_tanlap.c2", date(2022, 3, 1)))
    for (person, _), (target, on) in zip(rng.sample(moving, 2), moves, strict=True):
        membership = Membership.objects.get(person=person, until__isnull=True)
        transfer_membership(membership=membership, to=demo.fresh(target), on=on)


def set_contacts(demo):
    for key, info in demo.info.items():
        on = min(demo.ends.get(key, FOREVER), date(2025, 12, 31))
        roles = ("deputy", "secretary") if info["level"] != "mass" else ("union", "youth", "veterans", "women")
        person = next(filter(None, (demo.holder(key, role, on) for role in roles)), None)
        if person:
            Organization.objects.filter(pk=demo.units[key].pk).update(contact_person=person)
