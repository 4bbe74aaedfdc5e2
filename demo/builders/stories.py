"""One composer per kind of meeting: the meeting's title, summary and tasks, and the paragraphs of the article that
reports it."""

from django.utils.html import escape

from demo import data
from demo.builders.text import enumerate_vi, lower_first, paragraphs, thousands, two_digits
from organizations.models import Meeting

MK = Meeting.Kind


def attendance(demo, guests, on, level, *, verb="Tham dự Hội nghị có"):
    audience = {
        "province": "các đồng chí Tỉnh ủy viên, lãnh đạo các sở, ban, ngành, đoàn thể tỉnh và bí thư các đảng bộ "
        "trực thuộc",
        "upper": "các đồng chí Ủy viên Ban Chấp hành Đảng bộ, bí thư các tổ chức cơ sở đảng trực thuộc",
    }.get(level, "các đồng chí Ủy viên Ban Chấp hành Đảng bộ, bí thư các chi bộ trực thuộc")
    if not guests:
        return f"{verb} {audience}."
    people = " và ".join(f"đồng chí {demo.named(g, on)}" for g in guests)
    return f"{verb} {people}; cùng {audience}."


def sample_tasks(demo, ctx, count, extra=None):
    tasks = demo.rng.sample(data.TASKS, count)
    if extra:
        tasks.insert(demo.rng.randint(0, len(tasks)), extra)
    return [task.format(**ctx) for task in tasks]


def remarks(demo, guests, on, ctx):
    if not guests:
        return ""
    template = demo.rng.choice(data.GUEST_REMARKS)
    return template.format(**ctx, guest=demo.named(guests[0], on, ", "))


def compose_review(demo, plan, ctx, chair, speaker, guests):
    rng, kind, on, info = demo.rng, plan["kind"], plan["on"], demo.info[plan["host"]]
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
    below = max(3, len(info["cells"]) if level == "grassroots" else len(units_below(demo, plan["host"], on)))
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
        f"Đồng chí {demo.named(chair, on)} chủ trì Hội nghị. " + attendance(demo, guests, on, level) if chair else "",
        f"Đồng chí {demo.named(speaker, on, ', ')} trình bày báo cáo kết quả công tác {label}." if speaker else "",
        " ".join(results),
    ]
    body = paragraphs(*body)
    summary = f"Hội nghị đánh giá kết quả công tác xây dựng Đảng {label} và thống nhất nhiệm vụ {following}."
    if kind == MK.TONG_KET_NAM:
        rated, line = ratings(demo, year, below, info)
        body += rated
        summary += f" {line}"
    tasks = sample_tasks(demo, facts, rng.randint(3, 4), data.YEAR_TASKS.get(year + (kind == MK.TONG_KET_NAM)))
    numbered = "; ".join(f"({n}) {task}" for n, task in enumerate(tasks, start=1))
    texts = [
        f"{rng.choice(data.SHORTCOMINGS)} {rng.choice(data.DISCUSSION).format(**facts)}",
        f"Hội nghị thống nhất {len(tasks)} nhiệm vụ trọng tâm {following}: {numbered}.",
    ]
    if kind == MK.TONG_KET_NAM:
        texts.append(f"Năm {year + 1}, {info['short']} phấn đấu: {'; '.join(targets(demo, info))}.")
    texts += [remarks(demo, guests, on, facts), rng.choice(data.CONCLUSIONS).format(**facts) if chair else ""]
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


def units_below(demo, key, on):
    """The Party organizations directly under `key` on `on`."""
    return [
        k
        for k, i in demo.info.items()
        if i["level"] in ("upper", "grassroots")
        and i["parent"]
        and demo.exists(k, on)
        and demo.parent_on(k, on) == key
    ]


def ratings(demo, year, below, info):
    rng = demo.rng
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


def targets(demo, info, *, with_mass=True):
    """Three targets fit for the unit, and its mass organizations' titles to win."""
    rng, kind = demo.rng, info.get("type")
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


def compose_so_ket_giua_nhiem_ky(demo, plan, ctx, chair, speaker, guests):
    rng, on, info, term = demo.rng, plan["on"], demo.info[plan["host"]], plan["term"]
    term_label = f"{term.start_year} - {term.end_year}"
    total = rng.randint(18, 28)
    reached = total - rng.randint(1, 4)
    phrase = (
        f"Hội nghị sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội đại biểu Đảng bộ lần thứ "
        f"{term.congress_number}, nhiệm kỳ {term_label}"
    )
    facts = {**ctx, "next_label": "nửa nhiệm kỳ còn lại", "period_label": "nửa đầu nhiệm kỳ"}
    tasks = sample_tasks(demo, facts, 4)
    numbered = "; ".join(f"({n}) {task}" for n, task in enumerate(tasks, start=1))
    body = paragraphs(
        f"Đồng chí {demo.named(chair, on)} chủ trì Hội nghị. " + attendance(demo, guests, on, info["level"]),
        f"Hội nghị thống nhất đánh giá: sau nửa nhiệm kỳ, {info['short']} đã đạt và vượt {reached}/{total} chỉ "
        f"tiêu chủ yếu theo Nghị quyết Đại hội; {total - reached} chỉ tiêu còn lại có khả năng hoàn thành vào "
        "cuối nhiệm kỳ. Các khâu đột phá được triển khai quyết liệt, bước đầu mang lại kết quả rõ nét.",
        " ".join(
            text.format(**facts, inspected=3, watched=5, admitted=4, confirmed=3)
            for text in rng.sample(data.RESULTS[1:4], 2)
        ),
        rng.choice(data.SHORTCOMINGS),
        remarks(demo, guests, on, facts),
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


def compose_dai_hoi(demo, plan, ctx, chair, speaker, guests):
    rng, on, info, term = demo.rng, plan["on"], demo.info[plan["host"]], plan["term"]
    term_label = f"{term.start_year} - {term.end_year}"
    number = term.congress_number
    members = info.get("members", 100)
    delegates = {"province": 350, "upper": rng.randint(200, 260)}.get(
        info["level"], min(members, rng.randint(80, 120))
    )
    elected = {"province": 53, "upper": rng.randint(31, 39)}.get(info["level"], rng.choice((9, 11, 13, 15)))
    secretary = demo.holder(plan["host"], "secretary", on)
    first = number == "I"
    tasks = [f"Hằng năm, {target}" for target in targets(demo, info, with_mass=False)]
    opening = (
        f"Đây là Đại hội đầu tiên của {info['name']} sau khi sắp xếp tổ chức bộ máy, đánh dấu bước phát triển mới "
        "của Đảng bộ."
        if first
        else f"Đại hội đã đánh giá kết quả thực hiện Nghị quyết Đại hội nhiệm kỳ {term.start_year - 5} - "
        f"{term.start_year}: {info['short']} đã lãnh đạo hoàn thành và hoàn thành vượt {rng.randint(14, 20)}/"
        f"{rng.randint(21, 24)} chỉ tiêu chủ yếu; công tác xây dựng Đảng và hệ thống chính trị có nhiều chuyển "
        "biến tích cực."
    )
    parent = demo.parent_on(plan["host"], on) if info["level"] != "province" else None
    elected_text = (
        f"Đại hội đã bầu Ban Chấp hành Đảng bộ nhiệm kỳ {term_label} gồm {elected} đồng chí. Tại phiên họp thứ "
        f"nhất, Ban Chấp hành đã bầu Ban Thường vụ; đồng chí {secretary.full_name} được bầu giữ chức Bí thư "
        f"{info['committee']} nhiệm kỳ {term_label}."
    )
    if parent:
        elected_text += f" Đại hội cũng bầu Đoàn đại biểu dự Đại hội {demo.info[parent]['name']}."
    guest_text = ""
    if guests:
        guest_text = (
            f"Phát biểu chỉ đạo Đại hội, đồng chí {demo.named(guests[0], on, ', ')} ghi nhận những kết quả quan "
            f"trọng mà {info['short']} đạt được, đề nghị Ban Chấp hành khóa mới sớm cụ thể hóa Nghị quyết Đại hội "
            "thành chương trình, kế hoạch hành động, phát huy tinh thần đoàn kết, đổi mới, sáng tạo."
        )
    people = " và ".join(f"đồng chí {demo.named(g, on)}" for g in guests)
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


def compose_hoc_tap_quan_triet(demo, plan, ctx, chair, speaker, guests):
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
        f"Đồng chí {demo.named(chair, on)} chủ trì Hội nghị.{online} Tham dự có toàn thể cán bộ, đảng viên trong "
        "Đảng bộ.",
        f"Tại Hội nghị, các đảng viên được nghe đồng chí {demo.named(teacher, on)} truyền đạt những nội dung cơ "
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


def compose_sinh_hoat_chuyen_de(demo, plan, ctx, chair, speaker, guests):
    rng, on, theme = demo.rng, plan["on"], plan["theme"]
    follow_ups = rng.sample(data.FOLLOW_UPS, 3)
    numbered = "; ".join(f"({n}) {text}" for n, text in enumerate(follow_ups, start=1))
    guest = guests[0] if guests else None
    body = paragraphs(
        f"Dự buổi sinh hoạt có đồng chí {demo.named(guest, on)} cùng toàn thể đảng viên trong Chi bộ."
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


def compose_ket_nap_dang_vien(demo, plan, ctx, chair, speaker, guests):
    on, count = plan["on"], plan["admitted"]
    guest = guests[0] if guests else None
    body = paragraphs(
        f"Dự buổi lễ có đồng chí {demo.named(guest, on)}." if guest else "",
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


def compose_trao_huy_hieu(demo, plan, ctx, chair, speaker, guests):
    rng, on, info = demo.rng, plan["on"], demo.info[plan["host"]]
    occasion = data.BADGE_OCCASIONS[on.month].format(n=on.year - data.BADGE_BASE_YEAR[on.month], year=on.year)
    thirty, forty, fifty = rng.randint(2, 9), rng.randint(1, 6), rng.randint(0, 3)
    total = thirty + forty + fifty
    badges = (
        f"{thirty} đảng viên được trao Huy hiệu 30 năm tuổi Đảng, {forty} đảng viên nhận Huy hiệu 40 năm tuổi Đảng"
    )
    badges += f" và {fifty} đảng viên nhận Huy hiệu 50 năm tuổi Đảng" if fifty else ""
    body = paragraphs(
        f"Đồng chí {demo.named(chair, on)} chủ trì buổi lễ. "
        + attendance(demo, guests, on, info["level"], verb="Dự buổi lễ có"),
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


def compose_other(demo, plan, ctx, chair, speaker, guests):
    on, info = plan["on"], demo.info[plan["host"]]
    before = enumerate_vi(demo.info[key]["name"] for key in plan["founded"])
    body = paragraphs(
        f"Dự Hội nghị có đồng chí {demo.named(guests[0], on)}." if guests else "",
        f"{info['name']} được thành lập trên cơ sở hợp nhất {before}, "
        "theo tinh thần Nghị quyết số 18-NQ/TW về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị "
        "tinh gọn, hoạt động hiệu lực, hiệu quả.",
        f"Tại Hội nghị, đại diện lãnh đạo công bố quyết định thành lập {info['name']} và quyết định chỉ định Ban "
        f"Chấp hành, Ban Thường vụ, Bí thư, Phó Bí thư; đồng chí {chair.full_name} được chỉ định giữ chức Bí thư "
        f"{info['committee']}.",
        remarks(demo, guests, on, {**ctx, "period_label": "thời gian qua"}),
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


COMPOSERS = {
    MK.SO_KET_6_THANG: compose_review,
    MK.SO_KET_9_THANG: compose_review,
    MK.TONG_KET_NAM: compose_review,
    MK.SO_KET_GIUA_NHIEM_KY: compose_so_ket_giua_nhiem_ky,
    MK.DAI_HOI: compose_dai_hoi,
    MK.HOC_TAP_QUAN_TRIET: compose_hoc_tap_quan_triet,
    MK.SINH_HOAT_CHUYEN_DE: compose_sinh_hoat_chuyen_de,
    MK.KET_NAP_DANG_VIEN: compose_ket_nap_dang_vien,
    MK.TRAO_HUY_HIEU: compose_trao_huy_hieu,
    MK.OTHER: compose_other,
}
