"""The meetings: which ones were held, who chaired, spoke and came from above, and the one or two articles that
report each of them."""

from datetime import date, timedelta

from demo import data
from demo.builders.stories import COMPOSERS
from demo.builders.text import dashed, lower_first, slashed
from demo.builders.writing import write
from organizations.models import Meeting, MeetingParticipant

MK = Meeting.Kind
REVIEWS = (MK.SO_KET_6_THANG, MK.SO_KET_9_THANG, MK.TONG_KET_NAM)


def plan_meetings(demo):
    rng, plans = demo.rng, []

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
        plan(MK.DAI_HOI, key, demo.terms[key][2020].starts_on, term=demo.terms[key][2020])
    for key in ("nnmt", "dang_bo_ubnd", "p_sonha", "x_tanlap", "tinh"):
        plan(MK.DAI_HOI, key, demo.terms[key][2025].starts_on, term=demo.terms[key][2025])
    for key in ("tinh", "khoi_cq"):
        plan(
            MK.SO_KET_GIUA_NHIEM_KY,
            key,
            date(2018, rng.choice((5, 6)), rng.randint(3, 28)),
            term=demo.terms[key][2015],
        )
    for key in ("tinh", "khoi_cq", "khoi_dn", "tp_sonha", "tnmt", "vhttdl", "gddt"):
        plan(
            MK.SO_KET_GIUA_NHIEM_KY,
            key,
            date(2023, rng.randint(4, 6), rng.randint(3, 28)),
            term=demo.terms[key][2020],
        )
    hosts = [key for key, info in demo.info.items() if info["level"] in ("upper", "grassroots")]
    for resolution in data.RESOLUTIONS:
        day = resolution[0] + timedelta(days=rng.randint(0, 20))
        for key in rng.sample([k for k in hosts if demo.exists(k, day)], rng.choice((1, 2))):
            plan(MK.HOC_TAP_QUAN_TRIET, key, day, resolution=resolution)
    plan(MK.OTHER, "dang_bo_ubnd", data.REORGANIZED_BLOCS_ON, founded=["khoi_cq", "khoi_dn"])
    plan(MK.OTHER, "nnmt", data.MERGED_DEPARTMENTS_ON, founded=["tnmt", "nnptnt"])
    for key, _, _, _, communes in data.NEW_COMMUNES:
        plan(MK.OTHER, key, data.DISTRICTS_REMOVED_ON, founded=communes)
    for cell, day, count in demo.admissions:
        plan(MK.KET_NAP_DANG_VIEN, cell, day, admitted=count)
    for day, key in (
        (date(2017, 2, 2), "bacson"),
        (date(2019, 5, 18), "tnmt"),
        (date(2021, 9, 1), "phumy"),
        (date(2023, 11, 6), "vhttdl"),
        (date(2025, 2, 2), "sondong"),
    ):
        plan(MK.TRAO_HUY_HIEU, key, day)

    reviewers = [key for key, info in demo.info.items() if info["level"] in ("province", "upper", "grassroots")]
    pool = []
    for year in range(data.FIRST_YEAR, data.LAST_YEAR + 1):
        for key in reviewers:
            mid_year = date(year, 6, rng.randint(16, 30)) if rng.random() < 0.6 else date(year, 7, rng.randint(1, 12))
            pool.append((MK.SO_KET_6_THANG, key, mid_year, year))
            pool.append((MK.SO_KET_9_THANG, key, date(year, 10, rng.randint(2, 16)), year))
            pool.append((MK.TONG_KET_NAM, key, date(year, 1, rng.randint(6, 25)), year - 1))
            if year == data.LAST_YEAR:
                pool.append((MK.TONG_KET_NAM, key, date(year, 12, rng.randint(10, 26)), year))
    pool = [entry for entry in pool if demo.exists(entry[1], entry[2])]
    rng.shuffle(pool)
    # the landmarks above come once: larger sizes add as many periodic meetings again per size step
    wanted = 40 * demo.size + len(plans) * (demo.size - 1)
    for kind, key, day, year in pool[:wanted]:
        plan(kind, key, day, year=year)
    wanted = 12 * demo.size + max(0, wanted - len(pool))
    cells, seen, tries = [key for key, info in demo.info.items() if info["level"] == "cell"], set(), 0
    while len(seen) < wanted and tries < 50 * wanted:
        tries += 1
        cell, year, month = rng.choice(cells), rng.randint(data.FIRST_YEAR, data.LAST_YEAR), rng.randint(1, 12)
        day = date(year, month, rng.randint(5, 25))
        if (cell, year, month) not in seen and demo.exists(cell, day):
            seen.add((cell, year, month))
            plan(MK.SINH_HOAT_CHUYEN_DE, cell, day, theme=rng.choice(data.MONTHLY_THEMES))
    plans.sort(key=lambda p: (p["on"], p["host"], p["kind"]))
    return plans


def pick_cast(demo, kind, key, on):
    """Who chairs, who presents the report and who comes from the superior committee."""
    level, rng = demo.info[key]["level"], demo.rng
    chair = None if level == "cell" else demo.holder(key, "secretary", on)
    speaker = None
    if kind in (*REVIEWS, MK.SO_KET_GIUA_NHIEM_KY, MK.DAI_HOI):
        speaker = demo.holder(key, "standing_deputy" if key == "tinh" else "deputy", on)
    parent = demo.parent_on(key, on) if level != "province" else None
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
        speaker = demo.holder("tinh", "propaganda_deputy" if level == "grassroots" else "propaganda_head", on)
    found = [demo.holder(parent, role, on) for role in roles] if parent else []
    if level != "cell":
        rng.shuffle(found)
    guests = []
    for person in found:
        if person and person not in guests and person not in (chair, speaker) and len(guests) < wanted:
            guests.append(person)
    if speaker == chair:
        speaker = None
    return chair, speaker, guests


def report(demo, plan):
    kind, key, on = plan["kind"], plan["host"], plan["on"]
    info, rng = demo.info[key], demo.rng
    chair, speaker, guests = pick_cast(demo, kind, key, on)
    part = part_of_day(demo, kind, info["level"])
    days = 1
    if kind == MK.DAI_HOI:
        days = {"province": 3, "upper": 2}.get(info["level"], 1)
    if days > 1:
        dates = [on + timedelta(days=n) for n in range(days)]
        when = f"Trong {days} ngày {', '.join(str(d.day) for d in dates[:-1])} và {slashed(dates[-1])}"
    else:
        moment = {Meeting.PartOfDay.MORNING: "Sáng ngày", Meeting.PartOfDay.AFTERNOON: "Chiều ngày"}
        when = f"{moment.get(part, 'Ngày')} {slashed(on)}"
    parent = demo.parent_on(key, on) if info["level"] != "province" else None
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
        "parent": demo.info[parent]["name"] if parent else "",
        "parent_committee": demo.info[parent]["committee"] if parent else "",
        "chair_name": chair.full_name if chair else "",
    }
    story = COMPOSERS[kind](demo, plan, ctx, chair, speaker, guests)
    meeting = Meeting(
        host=demo.units[key],
        kind=kind,
        title=story["title"],
        held_on=on,
        part_of_day=part,
        location=location(demo, key, kind),
        term=plan.get("term") or demo.term_on(key, on),
        period_code=story.get("period", ""),
        summary=story["summary"],
        tasks="\n".join(f"({n}) {task}." for n, task in enumerate(story["tasks"], start=1)),
    )
    meeting.save()
    participants = [(chair, MeetingParticipant.Role.CHAIR), (speaker, MeetingParticipant.Role.SPEAKER)]
    participants += [(guest, MeetingParticipant.Role.GUEST) for guest in guests]
    for order, (person, role) in enumerate(((p, r) for p, r in participants if p), start=1):
        MeetingParticipant(meeting=meeting, person=person, role=role, order=order).save()

    shots = pick_shots(demo, kind, on, chair, speaker, guests, story.get("shots", []))
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
    first = write(demo, publisher=key, lead=lead, related=related, **common)
    second = {MK.DAI_HOI: 0.8, MK.OTHER: 0.8, MK.SO_KET_GIUA_NHIEM_KY: 0.8, MK.TRAO_HUY_HIEU: 0.4}
    if parent and rng.random() < second.get(kind, 0.35):
        subject, told = info["committee"], lower_first(phrase)
        if kind == MK.DAI_HOI:
            subject, told = info["name"], phrase
        lead = f"Ngày {dashed(on)}, {subject} đã tổ chức {told}."
        if guests:
            lead += f" {demo.named(guests[0], on, ' - ', titles_first=True)} đến dự."
        source = rng.choice(data.SOURCES) if demo.info[parent]["level"] in ("upper", "province") else ""
        # the superior's report of the same meeting has a title of its own: two identical cards look like a mistake
        common["titles"] = [title for title in common["titles"] if title != first.title] or common["titles"]
        write(demo, publisher=parent, lead=lead, related=[key], source=source, **common)
    return meeting


def pick_shots(demo, kind, on, chair, speaker, guests, extra):
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
            ("podium", f"Đ/c {demo.named(chair, on, ', ')} phát biểu {'tại' if guests else 'kết luận'} {noun}")
        )
    for guest in guests:
        shots.append(("podium", f"Đ/c {demo.named(guest, on, ', ')} phát biểu chỉ đạo {noun}"))
    if speaker:
        task = "truyền đạt nội dung nghị quyết" if kind == MK.HOC_TAP_QUAN_TRIET else "trình bày báo cáo"
        shots.append(("podium", f"Đ/c {demo.named(speaker, on, ', ')} {task} tại {noun}"))
    shots += extra
    if ceremony or kind == MK.OTHER:
        shots.append(("ceremony", "Các đại biểu chụp ảnh lưu niệm"))
    else:
        shots.append(("hall", f"Đảng viên tham gia đóng góp ý kiến tại {noun}"))
    return shots[:1] + demo.rng.sample(shots[1:], min(len(shots) - 1, demo.rng.randint(1, 3)))


def part_of_day(demo, kind, level):
    if kind == MK.DAI_HOI and level in ("province", "upper"):
        return Meeting.PartOfDay.ALL_DAY
    if kind in (MK.KET_NAP_DANG_VIEN, MK.TRAO_HUY_HIEU, MK.OTHER):
        return Meeting.PartOfDay.MORNING
    return Meeting.PartOfDay.MORNING if demo.rng.random() < 0.55 else Meeting.PartOfDay.AFTERNOON


def location(demo, key, kind):
    info = demo.info[key]
    if info["level"] == "province":
        return "Trung tâm Hội nghị tỉnh" if kind == MK.DAI_HOI else "Hội trường Tỉnh ủy"
    if info["level"] == "cell":
        return f"Nhà văn hóa {info['part']}" if info["part"].startswith("thôn") else f"Phòng họp {info['short']}"
    return f"Hội trường {info['committee']}"
