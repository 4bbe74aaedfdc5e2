"""The organization tree: the province, its blocs and districts, their grassroots units, cells and mass
organizations; then the 2025 reorganization that merges the blocs and two departments and ends the districts."""

from datetime import date, timedelta

from demo import data
from demo.builders.context import DAY
from demo.builders.people import add_term, fill
from demo.builders.text import enumerate_vi, slashed
from organizations.models import Organization
from organizations.services import merge_organizations, rename_organization

Kind = Organization.Kind
MASS_KINDS = {data.TU: Kind.TRADE_UNION, data.YU: Kind.YOUTH_UNION, data.VET: Kind.VETERANS, data.WOMEN: Kind.WOMEN}


def build(demo):
    root = data.ROOT
    add(
        demo,
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
        add(
            demo,
            upper,
            Kind.UPPER,
            parent="tinh",
            level="upper",
            valid_from=upper["founded"],
            description=f"{upper['committee']} là cơ quan lãnh đạo của {upper['name']} giữa hai kỳ Đại hội, trực "
            f"thuộc {root['committee']}; {upper['field']}.",
        )
        for key in upper["grassroots"]:
            add_grassroots(demo, data.GRASSROOTS[key], parent=upper["key"])
    for key in ("khoi_cq", "khoi_dn"):
        demo.ends[key] = data.REORGANIZED_BLOCS_ON - DAY
    for key in ("tnmt", "nnptnt"):
        demo.ends[key] = data.MERGED_DEPARTMENTS_ON - DAY
        for mass_key in demo.info[key]["mass"].values():
            demo.ends[mass_key] = data.MERGED_DEPARTMENTS_ON - DAY
    for _, _, _, district, communes in data.NEW_COMMUNES:
        for key in (district, *communes):
            demo.ends[key] = data.DISTRICTS_REMOVED_ON - DAY


def add(demo, info, kind, *, parent, level, valid_from, description, slug=None, contact=True):
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
        fields["phone"] = f"{data.PHONE_PREFIX} {demo.rng.randint(3810, 3899)} {demo.rng.randint(100, 999)}"
        fields["email"] = f"{local}@example.vn"
    if slug:
        fields["slug"] = slug
    if parent is None:
        unit = Organization.objects.add_root(create_kwargs=fields)
    else:
        unit = Organization.objects.add_child(demo.fresh(parent), create_kwargs=fields)
    demo.units[key] = unit
    demo.info[key] = {
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


def add_grassroots(demo, spec, *, parent):
    rng, key = demo.rng, spec["key"]
    parent_name = demo.info[parent]["name"]
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
        description = f"Đảng bộ cơ sở trực thuộc {parent_name}; lãnh đạo toàn diện {spec['field']} {spec['agency']}."
    add(demo, spec, Kind.GRASSROOTS, parent=parent, level="grassroots", valid_from=founded, description=description)
    info = demo.info[key]
    info["type"] = spec["type"]
    for number, part in enumerate(spec["parts"], start=1):
        cell_key = f"{key}.c{number}"
        commune = spec["type"] == "commune"
        add(
            demo,
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
        add_mass(demo, key, mass, founded + timedelta(days=rng.randint(30, 900)))


def add_mass(demo, key, mass, valid_from):
    info = demo.info[key]
    long_name, short_name = data.MASS_NAMES[mass]
    agency, agency_short = info["agency"], info["agency_short"]
    mass_key = f"{key}.{mass}"
    add(
        demo,
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


def reorganize(demo):
    on = data.REORGANIZED_BLOCS_ON
    ubnd = data.UBND_PARTY["key"]
    add(
        demo,
        data.UBND_PARTY,
        Kind.UPPER,
        parent="tinh",
        level="upper",
        valid_from=on,
        description=f"{data.UBND_PARTY['committee']} {data.UBND_PARTY['field']}; thành lập ngày {slashed(on)} "
        "trên cơ sở kết thúc hoạt động của Đảng bộ Khối các cơ quan tỉnh và Đảng bộ Khối Doanh nghiệp tỉnh.",
    )
    demo.info[ubnd]["members"] = demo.info["khoi_cq"]["members"] + demo.info["khoi_dn"]["members"]
    merge_organizations(absorbed=[demo.fresh("khoi_cq"), demo.fresh("khoi_dn")], into=demo.fresh(ubnd), on=on)
    demo.successor["khoi_cq"] = demo.successor["khoi_dn"] = ubnd
    add_term(demo, ubnd, 2025, 1, date(2025, 8, 12))
    fill(demo, data.UBND_POSTS, default_at=ubnd)
    merge_departments(demo)
    end_districts(demo)


def merge_departments(demo):
    """Sở TN&MT takes a new name and absorbs Sở NN&PTNT; so do their mass organizations."""
    on, merged, key = data.MERGED_DEPARTMENTS_ON, data.MERGED_DEPARTMENT, data.MERGED_DEPARTMENT["key"]
    old = [demo.info["tnmt"], demo.info["nnptnt"]]
    unit = rename_organization(unit=demo.fresh("tnmt"), name=merged["name"], short_name=merged["short"], on=on)
    unit.aliases = "\n".join([*merged["aliases"], *(info["name"] for info in old)])
    unit.description = (
        f"Đảng bộ cơ sở trực thuộc {data.UBND_PARTY['name']}; lãnh đạo thực hiện nhiệm vụ chính trị của "
        f"{merged['agency']}: tham mưu, giúp UBND tỉnh {merged['field']}. Thành lập ngày {slashed(on)} trên cơ sở "
        f"hợp nhất {enumerate_vi(info['name'] for info in old)}."
    )
    unit.save(update_fields=["aliases", "description"])
    facts = {**old[0], **merged, "committee": f"Đảng ủy {merged['agency']}", "congress": 1}
    adopt(demo, unit, {**facts, "members": sum(info["members"] for info in old)}, parent="dang_bo_ubnd", on=on)
    merge_organizations(absorbed=[demo.fresh("nnptnt")], into=demo.fresh(key), on=on)
    demo.successor["tnmt"] = demo.successor["nnptnt"] = key
    demo.info[key]["cells"] = old[0]["cells"] + old[1]["cells"]
    for mass in (data.TU, data.YU, data.VET):
        before = [info["mass"][mass] for info in old if mass in info["mass"]]
        long_name, short_name = data.MASS_NAMES[mass]
        name, short = f"{long_name} {merged['agency']}", f"{long_name} {merged['agency_short']}"
        unit = rename_organization(unit=demo.fresh(before[0]), name=name, short_name=short, on=on)
        unit.aliases = "\n".join([f"{short_name} {merged['agency_short']}", *(demo.info[k]["name"] for k in before)])
        unit.save(update_fields=["aliases"])
        mass_key = f"{key}.{mass}"
        adopt(demo, unit, {"key": mass_key, "name": name, "short": short}, parent=key, on=on, level="mass")
        demo.info[key]["mass"][mass] = mass_key
        if len(before) > 1:
            merge_organizations(absorbed=[demo.fresh(before[1])], into=demo.fresh(mass_key), on=on)
        for old_key in before:
            demo.successor[old_key] = mass_key
    add_term(demo, key, 2025, 1, date(2025, 5, 20))
    fill(demo, data.MERGED_DEPARTMENT_POSTS, default_at=key)


def end_districts(demo):
    """The district level ends: each district's communes merge into one commune directly under the province."""
    on = data.DISTRICTS_REMOVED_ON
    for key, level, place, district, communes in data.NEW_COMMUNES:
        spec = data.commune(key, level, place, f"tỉnh {data.PROVINCE}", [], [], 0, 1)
        names = enumerate_vi(demo.info[k]["name"] for k in communes)
        add(
            demo,
            spec,
            Kind.GRASSROOTS,
            parent="tinh",
            level="grassroots",
            valid_from=on,
            description=f"Đảng bộ cơ sở trực thuộc {data.ROOT['committee']}; lãnh đạo toàn diện {spec['field']} "
            f"{spec['agency']}. Thành lập ngày {slashed(on)} trên cơ sở hợp nhất {names}.",
        )
        info = demo.info[key]
        info.update(type="commune", members=sum(demo.info[k]["members"] for k in communes))
        merge_organizations(absorbed=[demo.fresh(k) for k in communes], into=demo.fresh(key), on=on)
        merge_organizations(absorbed=[demo.fresh(district)], into=demo.fresh(key), on=on)
        for old in (district, *communes):
            demo.successor[old] = key
            info["cells"] += demo.info[old]["cells"]
            info["mass"].update(demo.info[old]["mass"])
        add_term(demo, key, 2025, 1, date(2025, 8, demo.rng.randint(18, 28)))
        fill(demo, data.NEW_COMMUNE_POSTS, default_at=key, district=district, commune=communes[0])


def adopt(demo, unit, info, *, parent, on, level="grassroots"):
    """Register a unit that a service created (`rename_organization`) so that the texts can use it."""
    demo.units[info["key"]] = unit
    demo.info[info["key"]] = {
        "committee": info["name"],
        "committee_short": "Đảng ủy Sở",
        "address": demo.info[parent]["address"] if parent in demo.info else "",
        **info,
        "cells": [],
        "mass": {},
        "level": level,
        "parent": parent,
        "valid_from": on,
    }
