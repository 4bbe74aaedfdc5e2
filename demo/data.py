"""Tables for `manage.py seed_demo`: a made-up province, its units, names and the phrases its reports are built from.

Everything here is invented and modelled on how Party organizations report their meetings; no text is
taken from real articles. Placeholders in braces are filled by the builders.
"""

from datetime import date

PROVINCE = "Thanh Sơn"
CITY = "Sơn Hà"
ROOT_SLUG = "dang-bo-tinh-thanh-son"
PHONE_PREFIX = "0259"
REORGANIZED_BLOCS_ON = date(2025, 2, 1)
MERGED_DEPARTMENTS_ON = date(2025, 3, 1)
DISTRICTS_REMOVED_ON = date(2025, 7, 1)
FIRST_YEAR, LAST_YEAR = 2016, 2025

# --- The organization tree as it stood before the 2025 reorganization ---
# Grassroots "parts" become cells named "Chi bộ <part> <suffix>"; "mass" lists the mass organizations beside the unit.

ROOT = {
    "key": "tinh",
    "name": f"Đảng bộ tỉnh {PROVINCE}",
    "short": "Đảng bộ tỉnh",
    "committee": f"Tỉnh ủy {PROVINCE}",
    "committee_short": "Tỉnh ủy",
    "aliases": [f"Tỉnh ủy {PROVINCE}", f"Tỉnh uỷ {PROVINCE}", "Tỉnh ủy", "Ban Chấp hành Đảng bộ tỉnh"],
    "founded": date(1946, 2, 19),
    "congress": 19,
    "members": 52400,
    "address": f"Số 2 đường Trần Phú, phường Bắc Sơn, thành phố {CITY}, tỉnh {PROVINCE}",
    "field": "lãnh đạo toàn diện các mặt chính trị, kinh tế, văn hóa, xã hội, quốc phòng, an ninh của tỉnh",
}

UPPER_UNITS = [
    {
        "key": "khoi_cq",
        "name": "Đảng bộ Khối các cơ quan tỉnh",
        "short": "Đảng bộ Khối",
        "committee": "Đảng ủy Khối các cơ quan tỉnh",
        "committee_short": "Đảng ủy Khối",
        "aliases": ["Đảng ủy Khối các cơ quan tỉnh", "Đảng uỷ Khối các cơ quan tỉnh", "Đảng bộ Khối CCQ tỉnh"],
        "founded": date(2008, 4, 15),
        "congress": 3,
        "members": 4860,
        "address": f"Số 18 đường Lê Lợi, phường Bắc Sơn, thành phố {CITY}",
        "field": "lãnh đạo công tác xây dựng Đảng trong các sở, ban, ngành cấp tỉnh",
        "grassroots": ["tnmt", "nnptnt", "vhttdl", "gddt", "vpubnd"],
    },
    {
        "key": "khoi_dn",
        "name": "Đảng bộ Khối Doanh nghiệp tỉnh",
        "short": "Đảng bộ Khối",
        "committee": "Đảng ủy Khối Doanh nghiệp tỉnh",
        "committee_short": "Đảng ủy Khối",
        "aliases": ["Đảng ủy Khối Doanh nghiệp tỉnh", "Đảng bộ Khối DN tỉnh"],
        "founded": date(2008, 4, 15),
        "congress": 3,
        "members": 2130,
        "address": f"Số 18 đường Lê Lợi, phường Bắc Sơn, thành phố {CITY}",
        "field": "lãnh đạo công tác xây dựng Đảng và nhiệm vụ sản xuất, kinh doanh trong các doanh nghiệp của tỉnh",
        "grassroots": ["capnuoc", "thuyloi"],
    },
    {
        "key": "tp_sonha",
        "name": f"Đảng bộ thành phố {CITY}",
        "short": "Đảng bộ thành phố",
        "committee": f"Thành ủy {CITY}",
        "committee_short": "Thành ủy",
        "aliases": [f"Thành ủy {CITY}", f"Thành uỷ {CITY}", f"Đảng bộ TP {CITY}"],
        "founded": date(1976, 3, 1),
        "congress": 21,
        "members": 9450,
        "address": f"Số 5 đường Hùng Vương, phường Tân An, thành phố {CITY}",
        "field": "phát triển kinh tế - xã hội, xây dựng đô thị văn minh, bảo đảm quốc phòng, an ninh trên địa bàn "
        "thành phố",
        "grassroots": ["bacson", "tanan", "sondong"],
    },
    {
        "key": "h_tanlap",
        "name": "Đảng bộ huyện Tân Lập",
        "short": "Đảng bộ huyện",
        "committee": "Huyện ủy Tân Lập",
        "committee_short": "Huyện ủy",
        "aliases": ["Huyện ủy Tân Lập", "Huyện uỷ Tân Lập"],
        "founded": date(1977, 9, 1),
        "congress": 23,
        "members": 6120,
        "address": "Khu phố Bắc, thị trấn Tân Lập, huyện Tân Lập",
        "field": "phát triển kinh tế - xã hội, xây dựng nông thôn mới, bảo đảm quốc phòng, an ninh trên địa bàn huyện",
        "grassroots": ["tt_tanlap", "phumy"],
    },
    {
        "key": "h_hoaan",
        "name": "Đảng bộ huyện Hòa An",
        "short": "Đảng bộ huyện",
        "committee": "Huyện ủy Hòa An",
        "committee_short": "Huyện ủy",
        "aliases": ["Huyện ủy Hòa An", "Huyện uỷ Hoà An", "Đảng bộ huyện Hoà An"],
        "founded": date(1977, 9, 1),
        "congress": 22,
        "members": 5380,
        "address": "Thôn Thạnh Lợi, xã Hòa Thạnh, huyện Hòa An",
        "field": "phát triển kinh tế - xã hội, xây dựng nông thôn mới, bảo đảm quốc phòng, an ninh trên địa bàn huyện",
        "grassroots": ["hoathanh", "anphu"],
    },
]


def department(key, agency, short, field, parts, mass, members, congress, address, extra_aliases=()):
    return {
        "key": key,
        "type": "department",
        "name": f"Đảng bộ {agency}",
        "short": f"Đảng bộ {short}",
        "committee": f"Đảng ủy {agency}",
        "committee_short": "Đảng ủy Sở",
        "agency": agency,
        "agency_short": short,
        "aliases": [f"Đảng ủy {agency}", f"Đảng uỷ {short}", short, *extra_aliases],
        "field": field,
        "parts": parts,
        "mass": mass,
        "members": members,
        "congress": congress,
        "address": address,
    }


def company(key, agency, short, field, parts, mass, members, congress, address):
    return {
        "key": key,
        "type": "company",
        "name": f"Đảng bộ {agency}",
        "short": f"Đảng bộ {short}",
        "committee": f"Đảng ủy {agency}",
        "committee_short": "Đảng ủy Công ty",
        "agency": agency,
        "agency_short": short,
        "aliases": [f"Đảng ủy {short}", short],
        "field": field,
        "parts": parts,
        "mass": mass,
        "members": members,
        "congress": congress,
        "address": address,
    }


def commune(key, level, place, district, parts, mass, members, congress):
    agency = f"{level} {place}"
    return {
        "key": key,
        "type": "commune",
        "level": level,
        "name": f"Đảng bộ {agency}",
        "short": f"Đảng bộ {level}",
        "committee": f"Đảng ủy {agency}",
        "committee_short": f"Đảng ủy {level}",
        "agency": agency,
        "agency_short": agency,
        "aliases": [f"Đảng ủy {agency}", f"Đảng uỷ {agency}"],
        "field": "phát triển kinh tế - xã hội, xây dựng nông thôn mới, bảo đảm quốc phòng, an ninh trên địa bàn",
        "parts": parts,
        "mass": mass,
        "members": members,
        "congress": congress,
        "address": f"Trụ sở Đảng ủy - HĐND - UBND {agency}, {district}",
    }


ADMIN_CENTRE = f"phường Bắc Sơn, thành phố {CITY}"
TU, YU, VET, WOMEN = "trade_union", "youth_union", "veterans", "women"

GRASSROOTS = {
    unit["key"]: unit
    for unit in [
        department(
            "tnmt",
            agency="Sở Tài nguyên và Môi trường",
            short="Sở TN&MT",
            field="quản lý nhà nước về đất đai, tài nguyên nước, khoáng sản, môi trường, khí tượng thủy văn, "
            "đo đạc bản đồ",
            parts=[
                "Văn phòng",
                "Thanh tra",
                "Phòng Quản lý đất đai",
                "Văn phòng Đăng ký đất đai",
                "Trung tâm Công nghệ thông tin",
            ],
            mass=[TU, YU, VET],
            members=168,
            congress=4,
            address=f"Số 27 đường Nguyễn Huệ, {ADMIN_CENTRE}",
            extra_aliases=["Sở TNMT"],
        ),
        department(
            "nnptnt",
            agency="Sở Nông nghiệp và Phát triển nông thôn",
            short="Sở NN&PTNT",
            field="quản lý nhà nước về nông nghiệp, lâm nghiệp, thủy sản, thủy lợi và phát triển nông thôn",
            parts=["Văn phòng", "Chi cục Thủy lợi", "Chi cục Trồng trọt và Bảo vệ thực vật", "Chi cục Kiểm lâm"],
            mass=[TU, YU],
            members=212,
            congress=4,
            address=f"Số 9 đường Phan Chu Trinh, {ADMIN_CENTRE}",
            extra_aliases=["Sở NNPTNT"],
        ),
        department(
            "vhttdl",
            agency="Sở Văn hóa, Thể thao và Du lịch",
            short="Sở VHTTDL",
            field="quản lý nhà nước về văn hóa, gia đình, thể dục, thể thao và du lịch",
            parts=["Văn phòng", "Thư viện tỉnh", "Bảo tàng tỉnh", "Trung tâm Văn hóa - Điện ảnh"],
            mass=[TU, YU, VET],
            members=124,
            congress=3,
            address=f"Số 40 đường Lý Thường Kiệt, {ADMIN_CENTRE}",
            extra_aliases=["Sở Văn hoá, Thể thao và Du lịch"],
        ),
        department(
            "gddt",
            agency="Sở Giáo dục và Đào tạo",
            short="Sở GD&ĐT",
            field="quản lý nhà nước về giáo dục mầm non, giáo dục phổ thông, giáo dục thường xuyên và giáo dục "
            "nghề nghiệp",
            parts=["Văn phòng", "Phòng Giáo dục Trung học", "Phòng Kế hoạch - Tài chính"],
            mass=[TU, YU],
            members=86,
            congress=5,
            address=f"Số 3 đường Hai Bà Trưng, {ADMIN_CENTRE}",
            extra_aliases=["Sở GDĐT"],
        ),
        {
            **department(
                "vpubnd",
                agency="Văn phòng UBND tỉnh",
                short="Văn phòng UBND tỉnh",
                field="tham mưu tổng hợp, giúp việc Ủy ban nhân dân tỉnh và Chủ tịch UBND tỉnh trong chỉ đạo, "
                "điều hành",
                parts=["Phòng Tổng hợp", "Phòng Kinh tế", "Phòng Hành chính - Tổ chức"],
                mass=[TU],
                members=64,
                congress=4,
                address=f"Số 1 đường Trần Phú, {ADMIN_CENTRE}",
                extra_aliases=["VP UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"],
            ),
            "committee_short": "Đảng ủy Văn phòng",
            "head": "Chánh Văn phòng UBND tỉnh",
            "deputy_head": "Phó Chánh Văn phòng UBND tỉnh",
        },
        company(
            "capnuoc",
            agency=f"Công ty Cổ phần Cấp nước {PROVINCE}",
            short="Công ty Cấp nước",
            field="sản xuất, cung cấp nước sạch cho đô thị và khu công nghiệp",
            parts=["Văn phòng", "Xí nghiệp Cấp nước số 1", "Xí nghiệp Cấp nước số 2"],
            mass=[TU, YU],
            members=95,
            congress=6,
            address=f"Số 55 đường Nguyễn Trãi, phường Tân An, thành phố {CITY}",
        ),
        company(
            "thuyloi",
            agency=f"Công ty TNHH MTV Khai thác công trình thủy lợi {PROVINCE}",
            short="Công ty Thủy lợi",
            field="quản lý, khai thác công trình thủy lợi phục vụ sản xuất nông nghiệp và dân sinh",
            parts=["Văn phòng", "Xí nghiệp Thủy lợi Tân Lập", "Xí nghiệp Thủy lợi Hòa An"],
            mass=[TU],
            members=78,
            congress=5,
            address="Thôn Thạnh Phú, xã Hòa Thạnh, huyện Hòa An",
        ),
        commune(
            "bacson",
            "phường",
            "Bắc Sơn",
            district=f"thành phố {CITY}",
            parts=["khu phố 1", "khu phố 2", "khu phố 3", "Công an"],
            mass=[VET, WOMEN],
            members=310,
            congress=12,
        ),
        commune(
            "tanan",
            "phường",
            "Tân An",
            district=f"thành phố {CITY}",
            parts=["khu phố Tân Hòa", "khu phố Tân Thịnh", "khu phố Tân Phú"],
            mass=[],
            members=265,
            congress=11,
        ),
        commune(
            "sondong",
            "xã",
            "Sơn Đông",
            district=f"thành phố {CITY}",
            parts=["thôn Đông Hải", "thôn Đông Sơn", "thôn Trung Hậu", "Trường Tiểu học"],
            mass=[],
            members=198,
            congress=14,
        ),
        commune(
            "tt_tanlap",
            "thị trấn",
            "Tân Lập",
            district="huyện Tân Lập",
            parts=["khu phố Bắc", "khu phố Nam", "Trường THCS"],
            mass=[],
            members=242,
            congress=13,
        ),
        commune(
            "phumy",
            "xã",
            "Phú Mỹ",
            district="huyện Tân Lập",
            parts=["thôn Mỹ Hòa", "thôn Mỹ Lợi", "thôn Phú Thạnh"],
            mass=[WOMEN],
            members=176,
            congress=15,
        ),
        commune(
            "hoathanh",
            "xã",
            "Hòa Thạnh",
            district="huyện Hòa An",
            parts=["thôn Thạnh Lợi", "thôn Thạnh Phú", "thôn Hòa Bình"],
            mass=[],
            members=164,
            congress=14,
        ),
        commune(
            "anphu",
            "xã",
            "An Phú",
            district="huyện Hòa An",
            parts=["thôn An Lạc", "thôn An Thịnh", "thôn Phú Xuân"],
            mass=[],
            members=151,
            congress=13,
        ),
    ]
}

MASS_NAMES = {
    TU: ("Công đoàn", "Công đoàn cơ sở"),
    YU: ("Đoàn Thanh niên", "Đoàn TN"),
    VET: ("Hội Cựu chiến binh", "Hội CCB"),
    WOMEN: ("Hội Liên hiệp Phụ nữ", "Hội LHPN"),
}
MASS_FUNCTIONS = {
    TU: "Đại diện, chăm lo, bảo vệ quyền, lợi ích hợp pháp của đoàn viên, người lao động; tổ chức phong trào thi đua.",
    YU: "Tập hợp, giáo dục đoàn viên thanh niên; xung kích trong chuyển đổi số và các hoạt động tình nguyện.",
    VET: "Tập hợp hội viên cựu chiến binh; phát huy bản chất Bộ đội Cụ Hồ, tham gia xây dựng Đảng, chính quyền.",
    WOMEN: "Đại diện quyền, lợi ích hợp pháp của phụ nữ; vận động hội viên tham gia phát triển kinh tế gia đình.",
}

# --- 2025: the blocs become the Party committee of the provincial People's Committee; two departments merge;
#     the district level ends and communes merge directly under the province ---
UBND_PARTY = {
    "key": "dang_bo_ubnd",
    "name": "Đảng bộ Ủy ban nhân dân tỉnh",
    "short": "Đảng bộ UBND tỉnh",
    "committee": "Đảng ủy UBND tỉnh",
    "committee_short": "Đảng ủy UBND tỉnh",
    "aliases": ["Đảng ủy Ủy ban nhân dân tỉnh", "Đảng ủy UBND tỉnh", "Đảng uỷ UBND tỉnh"],
    "address": f"Số 1 đường Trần Phú, {ADMIN_CENTRE}",
    "field": "lãnh đạo thực hiện nhiệm vụ chính trị của Ủy ban nhân dân tỉnh và công tác xây dựng Đảng trong các "
    "sở, ngành, doanh nghiệp nhà nước của tỉnh",
}
MERGED_DEPARTMENT = {
    "key": "nnmt",
    "name": "Đảng bộ Sở Nông nghiệp và Môi trường",
    "short": "Đảng bộ Sở NN&MT",
    "agency": "Sở Nông nghiệp và Môi trường",
    "agency_short": "Sở NN&MT",
    "aliases": ["Đảng ủy Sở Nông nghiệp và Môi trường", "Sở NN&MT", "Sở NNMT"],
    "field": "quản lý nhà nước về nông nghiệp, lâm nghiệp, thủy sản, thủy lợi, đất đai, tài nguyên nước, khoáng sản "
    "và môi trường",
}
# new unit key, name, the district it replaces, the communes merged into it
NEW_COMMUNES = [
    ("p_sonha", "phường", CITY, "tp_sonha", ["bacson", "tanan", "sondong"]),
    ("x_tanlap", "xã", "Tân Lập", "h_tanlap", ["tt_tanlap", "phumy"]),
    ("x_hoaan", "xã", "Hòa An", "h_hoaan", ["hoathanh", "anphu"]),
]

# --- Posts: who holds what, when ---


def post(who, title, role=None, *, at=None, kind="party", term=None, start=None, end=None, rank=20):
    """One position. `who`: a label of PROVINCE_PEOPLE, or (unit key, role) for whoever held that role in the unit's
    2020 term; `at`: the unit key (default: the province, or the unit being staffed); `term`: the start year of one
    of the unit's terms, for posts that last as long as the term; `role`: what other texts look the holder up by;
    `rank`: lower ranks print first among a person's titles."""
    return {
        "who": who,
        "title": title,
        "role": role,
        "at": at,
        "kind": kind,
        "term": term,
        "start": start,
        "end": end,
        "rank": rank,
    }


GOV, MASS = "government", "mass"
# label -> is a woman
PROVINCE_PEOPLE = {
    "bt1": False,
    "bt2": False,
    "standing": True,
    "governor": False,
    "vice": False,
    "tg1": False,
    "tg2": True,
    "tg_deputy": False,
    "organizer": False,
    "inspector": False,
}
PROVINCE_POSTS = [
    post("bt1", "Bí thư Tỉnh ủy", "secretary", term=2015),
    post("bt1", "Chủ tịch HĐND tỉnh", kind=GOV, start=date(2016, 6, 28), end=date(2021, 6, 24), rank=40),
    post("bt2", "Phó Bí thư Tỉnh ủy", "deputy", term=2015, rank=25),
    post("bt2", "Chủ tịch UBND tỉnh", "governor", kind=GOV, start=date(2015, 11, 20), end=date(2020, 11, 19), rank=40),
    post("bt2", "Bí thư Tỉnh ủy", "secretary", term=2020),
    post("bt2", "Bí thư Tỉnh ủy", "secretary", term=2025),
    post("bt2", "Chủ tịch HĐND tỉnh", kind=GOV, start=date(2021, 6, 25), rank=40),
    post("standing", "Ủy viên Ban Thường vụ Tỉnh ủy", term=2015, rank=10),
    post("standing", "Trưởng Ban Tổ chức Tỉnh ủy", "organization_head", term=2015, rank=30),
    post("standing", "Phó Bí thư Thường trực Tỉnh ủy", "standing_deputy", term=2020, rank=22),
    post("standing", "Phó Bí thư Thường trực Tỉnh ủy", "standing_deputy", term=2025, rank=22),
    post("governor", "Tỉnh ủy viên", term=2015, rank=10),
    post("governor", "Phó Chủ tịch UBND tỉnh", kind=GOV, start=date(2016, 7, 1), end=date(2020, 11, 19), rank=45),
    post("governor", "Phó Bí thư Tỉnh ủy", "deputy", term=2020, rank=25),
    post("governor", "Phó Bí thư Tỉnh ủy", "deputy", term=2025, rank=25),
    post("governor", "Chủ tịch UBND tỉnh", "governor", kind=GOV, start=date(2020, 11, 20), rank=40),
    # "vice" is also the secretary of the Party committee of Sở TN&MT in the 2015 term (see TNMT_POSTS)
    post("vice", "Tỉnh ủy viên", term=2015, rank=10),
    post("vice", "Tỉnh ủy viên", term=2020, rank=10),
    post("vice", "Phó Chủ tịch UBND tỉnh", "vice_governor", kind=GOV, start=date(2020, 7, 1), rank=45),
    post("tg1", "Ủy viên Ban Thường vụ Tỉnh ủy", term=2015, rank=10),
    post("tg1", "Trưởng Ban Tuyên giáo Tỉnh ủy", "propaganda_head", term=2015, rank=30),
    post("tg2", "Ủy viên Ban Thường vụ Tỉnh ủy", term=2020, rank=10),
    post("tg2", "Ủy viên Ban Thường vụ Tỉnh ủy", term=2025, rank=10),
    post("tg2", "Trưởng Ban Tuyên giáo Tỉnh ủy", "propaganda_head", term=2020, end=date(2025, 2, 28), rank=30),
    post("tg2", "Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy", "propaganda_head", start=date(2025, 3, 1), rank=30),
    post(
        "tg_deputy",
        "Phó Trưởng Ban Tuyên giáo Tỉnh ủy",
        "propaganda_deputy",
        start=date(2014, 9, 1),
        end=date(2025, 2, 28),
        rank=35,
    ),
    post(
        "tg_deputy",
        "Phó Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy",
        "propaganda_deputy",
        start=date(2025, 3, 1),
        rank=35,
    ),
    post("organizer", "Ủy viên Ban Thường vụ Tỉnh ủy", term=2020, rank=10),
    post("organizer", "Ủy viên Ban Thường vụ Tỉnh ủy", term=2025, rank=10),
    post("organizer", "Trưởng Ban Tổ chức Tỉnh ủy", "organization_head", term=2020, rank=30),
    post("organizer", "Trưởng Ban Tổ chức Tỉnh ủy", "organization_head", term=2025, rank=30),
    post("inspector", "Ủy viên Ban Thường vụ Tỉnh ủy", term=2015, rank=10),
    post("inspector", "Ủy viên Ban Thường vụ Tỉnh ủy", term=2020, rank=10),
    post("inspector", "Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy", "inspection_head", term=2015, rank=30),
    post("inspector", "Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy", "inspection_head", term=2020, rank=30),
]

# The 2015-term director of Sở TN&MT ("vice") becomes a vice-chairman of the province in mid-2020; the 2020-term
# secretary of its Party committee was his deputy director until then.
TNMT_POSTS = [
    post("vice", "Giám đốc Sở TN&MT", "head", kind=GOV, start=date(2014, 3, 1), end=date(2020, 6, 30), rank=40),
    post(
        ("tnmt", "secretary"),
        "Phó Giám đốc Sở TN&MT",
        kind=GOV,
        start=date(2016, 3, 1),
        end=date(2020, 6, 30),
        rank=45,
    ),
    post(("tnmt", "secretary"), "Giám đốc Sở TN&MT", "head", kind=GOV, start=date(2020, 7, 1), rank=40),
    post(("tnmt", "secretary"), "Tỉnh ủy viên", at="tinh", term=2020, rank=10),
]

# Who leads the units created in 2025.
B, M, D = REORGANIZED_BLOCS_ON, MERGED_DEPARTMENTS_ON, DISTRICTS_REMOVED_ON
UBND_POSTS = [
    post("governor", "Bí thư Đảng ủy UBND tỉnh", "secretary", start=B, rank=42),
    post(("khoi_cq", "secretary"), "Phó Bí thư Thường trực Đảng ủy UBND tỉnh", "deputy", start=B, rank=22),
    post(("khoi_dn", "secretary"), "Phó Bí thư Đảng ủy UBND tỉnh", start=B, rank=25),
    post(("khoi_cq", "inspection"), "Chủ nhiệm Ủy ban Kiểm tra Đảng ủy UBND tỉnh", "inspection", start=B, rank=30),
]
MERGED_DEPARTMENT_POSTS = [
    post(("tnmt", "secretary"), "Bí thư Đảng ủy Sở NN&MT", "secretary", start=M),
    post(("tnmt", "secretary"), "Giám đốc Sở NN&MT", "head", kind=GOV, start=M, rank=40),
    post(("tnmt", "secretary"), "Tỉnh ủy viên", at="tinh", term=2025, rank=10),
    post(("nnptnt", "secretary"), "Phó Bí thư Đảng ủy Sở NN&MT", "deputy", start=M, rank=25),
    post(("nnptnt", "secretary"), "Phó Giám đốc Sở NN&MT", "deputy_head", kind=GOV, start=M, rank=45),
    post(("tnmt", "deputy"), "Phó Giám đốc Sở NN&MT", "deputy_head", kind=GOV, start=M, rank=45),
    post(
        ("tnmt", "deputy"), "Chủ tịch Công đoàn Sở NN&MT", "union", at="nnmt.trade_union", kind=MASS, start=M, rank=60
    ),
    post(
        ("tnmt", "youth"),
        "Bí thư Đoàn Thanh niên Sở NN&MT",
        "youth",
        at="nnmt.youth_union",
        kind=MASS,
        start=M,
        rank=60,
    ),
    post(
        ("tnmt", "veterans"),
        "Chủ tịch Hội Cựu chiến binh Sở NN&MT",
        "veterans",
        at="nnmt.veterans",
        kind=MASS,
        start=M,
        rank=60,
    ),
]
# {district}: the district the new commune replaces; {commune}: the first commune merged into it.
NEW_COMMUNE_POSTS = [
    post(("{district}", "secretary"), "Bí thư {committee}", "secretary", start=D),
    post(("{district}", "secretary"), "Tỉnh ủy viên", at="tinh", term=2025, rank=10),
    post(("{district}", "deputy"), "Phó Bí thư {committee}", "deputy", start=D, rank=25),
    post(("{district}", "deputy"), "Chủ tịch UBND {agency}", "deputy_head", kind=GOV, start=D, rank=45),
    post(("{commune}", "secretary"), "Phó Bí thư Thường trực {committee}", start=D, rank=22),
    post(("{commune}", "secretary"), "Chủ tịch HĐND {agency}", "head", kind=GOV, start=D, rank=40),
]

# --- People ---


def names(text):
    """The names in `text`, separated by commas."""
    return [name.strip() for name in text.split(",")]


# The common family names are in the draw as many times as they are common.
FAMILY_NAMES = [
    *["Nguyễn"] * 9,
    *["Trần"] * 4,
    *["Lê"] * 4,
    *["Phạm"] * 3,
    *["Hoàng"] * 2,
    *["Phan"] * 2,
    *["Vũ"] * 2,
    *["Võ"] * 2,
    *["Đặng"] * 2,
    *["Bùi"] * 2,
    *["Đỗ"] * 2,
    *names("""
        Huỳnh, Hồ, Ngô, Dương, Lý, Đinh, Lương, Trương, Tạ, Mai, Cao, Lâm, Đoàn, Thái, Quách, Kiều, Hà, Chu, Lưu, Đàm,
        Triệu, Tôn, Khổng, Âu
    """),
]
MIDDLE_NAMES_MALE = names("""
    Văn, Văn, Văn, Minh, Hữu, Đức, Quốc, Thanh, Công, Ngọc, Xuân, Đình, Trọng, Quang, Anh, Bảo, Thế, Tiến, Viết, Duy,
    Hoàng, Khắc, Phú
""")
MIDDLE_NAMES_FEMALE = names("""
    Thị, Thị, Thị, Thị, Thu, Ngọc, Thanh, Mỹ, Kim, Thùy, Hồng, Bích, Phương, Minh, Hải, Diệu, Khánh, Tuyết
""")
GIVEN_NAMES_MALE = names("""
    Hùng, Dũng, Tuấn, Nam, Sơn, Hải, Long, Phong, Quang, Trung, Thắng, Cường, Hiếu, Khánh, Tâm, Bình, Tài, Phúc, Lộc,
    Đạt, Vinh, Hưng, Thịnh, Toàn, Nghĩa, Việt, An, Khoa, Duy, Huy, Lợi, Thành, Tùng, Hòa, Kiên, Lâm, Mạnh, Ninh, Quý,
    Sang, Thuận, Tú, Bảo, Châu, Định, Đông, Giang, Hậu, Luân, Ân, Ý
""")
GIVEN_NAMES_FEMALE = names("""
    Lan, Hoa, Mai, Hương, Hằng, Thảo, Trang, Linh, Ngân, Yến, Nhung, Loan, Hạnh, Phương, Vân, Diệp, Oanh, Hiền, Dung,
    Liên, Huyền, Nga, Thủy, Trinh, Uyên, Ánh, Châu, Giang, Hà, Ly, My, Nhàn, Quyên, Tâm, An, Bình, Hòa, Xuân
""")
# Generated names that belong to well-known public figures are skipped.
AVOIDED_NAMES = set(
    names("""
        Phạm Minh Chính, Nguyễn Phú Trọng, Nguyễn Xuân Phúc, Nguyễn Tấn Dũng, Võ Văn Thưởng, Vương Đình Huệ,
        Trần Thanh Mẫn, Lương Cường, Trần Đại Quang, Phan Văn Khải, Nông Đức Mạnh, Võ Văn Kiệt, Nguyễn Minh Triết,
        Trương Tấn Sang, Trần Cẩm Tú, Phan Đình Trạc, Nguyễn Hòa Bình, Trần Quốc Vượng, Lê Minh Hưng, Nguyễn Văn Nên,
        Đỗ Văn Chiến, Bùi Thanh Sơn, Trần Hồng Hà, Lê Thành Long, Nguyễn Thị Kim Ngân, Võ Thị Ánh Xuân, Trương Thị Mai,
        Nguyễn Văn Linh, Lê Khả Phiêu
    """)
)

REPORTERS = names("""
    Minh Tâm, Thanh Hà, Ngọc Ánh, Quốc Việt, Bảo Trân, Hữu Phước, Kim Oanh, Đức Thắng, Phương Thảo, Hải Đăng, Thu Hiền,
    Trường Giang
""")
PHOTOGRAPHERS = ["Văn Lực", "Minh Khôi", "Thu Trang", "Lê Phúc", "Trần Duy", "Anh Tuấn"]
SOURCES = ["BDK.VN", "BDK.VN", f"Báo {PROVINCE} điện tử"]

# --- Categories and tags ---
CATEGORIES = [
    ("Xây dựng Đảng", "Hội nghị, đại hội, học tập nghị quyết và công tác xây dựng Đảng của các tổ chức đảng."),
    ("Đảng, Đoàn thể", "Hoạt động của tổ chức đảng và các đoàn thể: Công đoàn, Đoàn Thanh niên, Hội Cựu chiến binh."),
    ("Tin hoạt động", "Tin hoạt động của các cơ quan, đơn vị trong Đảng bộ."),
    ("Học tập và làm theo Bác", "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh."),
]
BUILDING, PARTY_AND_MASS, ACTIVITIES, UNCLE_HO = (name for name, _ in CATEGORIES)

KIND_TAGS = {
    "so_ket_6_thang": ["Sơ kết", "Công tác Đảng", "6 tháng đầu năm"],
    "so_ket_9_thang": ["Sơ kết", "Công tác Đảng", "9 tháng"],
    "tong_ket_nam": ["Tổng kết", "Công tác Đảng", "Xếp loại chất lượng"],
    "so_ket_giua_nhiem_ky": ["Sơ kết giữa nhiệm kỳ", "Nghị quyết", "Nhiệm kỳ 2020 - 2025"],
    "hoc_tap_quan_triet": ["Nghị quyết", "Học tập nghị quyết", "Giáo dục chính trị tư tưởng"],
    "sinh_hoat_chuyen_de": ["Sinh hoạt chi bộ", "Chỉ thị 05-CT/TW", "Học tập và làm theo Bác"],
    "dai_hoi": ["Đại hội", "Nghị quyết", "Công tác cán bộ"],
    "ket_nap_dang_vien": ["Kết nạp đảng viên", "Phát triển đảng viên", "Công tác Đảng"],
    "trao_huy_hieu": ["Huy hiệu Đảng", "Công tác Đảng", "Tuổi Đảng"],
    "other": ["Sắp xếp tổ chức bộ máy", "Nghị quyết 18-NQ/TW", "Công tác cán bộ"],
}
EXTRA_TAGS = [
    "Xây dựng Đảng",
    "Kiểm tra, giám sát",
    "Chỉ thị 05-CT/TW",
    "Nêu gương",
    "Cải cách hành chính",
    "Dân vận khéo",
]
YEAR_TAGS = {
    2020: ["Covid-19"],
    2021: ["Covid-19"],
    2023: ["Chuyển đổi số"],
    2024: ["Chuyển đổi số"],
    2025: ["Chuyển đổi số", "Sắp xếp tổ chức bộ máy"],
}

# --- Phrases of the reports ---
YEAR_CONTEXT = {
    2015: "Năm 2015 là năm tổ chức Đại hội Đảng bộ các cấp nhiệm kỳ 2015 - 2020, tiến tới Đại hội XII của Đảng.",
    2016: "Đây là năm đầu triển khai Nghị quyết Đại hội đại biểu toàn quốc lần thứ XII của Đảng và Nghị quyết "
    "Đại hội Đảng bộ tỉnh lần thứ XIX, nhiệm kỳ 2015 - 2020.",
    2017: "{committee_short} tập trung triển khai Nghị quyết Trung ương 4 khóa XII gắn với Chỉ thị số 05-CT/TW "
    "của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
    2018: "Các nghị quyết Hội nghị Trung ương 6, 7 khóa XII về sắp xếp tổ chức bộ máy và công tác cán bộ được "
    "quán triệt nghiêm túc, triển khai đồng bộ.",
    2019: "Năm 2019 là năm tạo đà hoàn thành các mục tiêu Nghị quyết Đại hội nhiệm kỳ 2015 - 2020, đồng thời chuẩn "
    "bị Đại hội Đảng bộ các cấp nhiệm kỳ 2020 - 2025 theo Chỉ thị số 35-CT/TW của Bộ Chính trị.",
    2020: "Trong bối cảnh dịch Covid-19 diễn biến phức tạp, {committee_short} vừa lãnh đạo phòng, chống dịch, vừa "
    "tổ chức thành công Đại hội Đảng bộ nhiệm kỳ 2020 - 2025.",
    2021: "Đây là năm đầu thực hiện Nghị quyết Đại hội XIII của Đảng và Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX; "
    "cán bộ, đảng viên tham gia tích cực cuộc bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp nhiệm kỳ "
    "2021 - 2026.",
    2022: "Kết luận số 21-KL/TW của Hội nghị Trung ương 4 khóa XIII về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống "
    "chính trị được triển khai đồng bộ, gắn với phục hồi, phát triển kinh tế - xã hội sau đại dịch.",
    2023: "Năm 2023 là năm bản lề của nhiệm kỳ; {committee_short} đã sơ kết giữa nhiệm kỳ, đánh giá toàn diện việc "
    "thực hiện Nghị quyết Đại hội và đẩy mạnh chuyển đổi số trong hoạt động của cơ quan, đơn vị.",
    2024: "{committee_short} tập trung chuẩn bị Đại hội Đảng bộ các cấp nhiệm kỳ 2025 - 2030 theo Chỉ thị số "
    "35-CT/TW ngày 14/6/2024 của Bộ Chính trị, gắn với thực hiện nhiệm vụ chính trị của năm.",
    2025: "{committee_short} thực hiện việc sắp xếp, tinh gọn tổ chức bộ máy theo tinh thần Nghị quyết số 18-NQ/TW, "
    "bảo đảm hoạt động thông suốt, không gián đoạn, đồng thời chuẩn bị chu đáo Đại hội Đảng bộ nhiệm kỳ 2025 - 2030.",
}
RESULTS = [
    "{committee_short} đã lãnh đạo cán bộ, đảng viên, công chức, viên chức và người lao động hoàn thành tốt nhiệm "
    "vụ chính trị, nhất là trong {field}.",
    "Công tác giáo dục chính trị, tư tưởng được chú trọng; các chỉ thị, nghị quyết của Đảng được quán triệt kịp "
    "thời, đầy đủ đến từng chi bộ và đảng viên.",
    "Việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh gắn với trách nhiệm nêu gương của cán bộ, "
    "đảng viên tiếp tục đi vào nền nếp.",
    "Nội dung sinh hoạt chi bộ từng bước được đổi mới; chất lượng sinh hoạt định kỳ và sinh hoạt chuyên đề được "
    "nâng lên.",
    "Công tác kiểm tra, giám sát được thực hiện đúng kế hoạch: {committee_short} đã kiểm tra {inspected} tổ chức "
    "đảng, giám sát chuyên đề {watched} đảng viên; không có đảng viên vi phạm phải xử lý kỷ luật.",
    "Công tác phát triển đảng viên được quan tâm; {committee_short} đã kết nạp {admitted} đảng viên mới và công nhận "
    "đảng viên chính thức cho {confirmed} đồng chí.",
    "Các tổ chức đoàn thể hoạt động sôi nổi, tích cực tham gia xây dựng Đảng, xây dựng cơ quan, đơn vị vững mạnh.",
    "Công tác bảo vệ chính trị nội bộ, phòng, chống tham nhũng, lãng phí, tiêu cực được quan tâm; nội bộ đoàn kết, "
    "thống nhất cao.",
    "Quy chế dân chủ ở cơ sở được thực hiện nghiêm túc, công khai, minh bạch trong mọi hoạt động.",
]
COMMUNE_RESULTS = [
    "Kinh tế - xã hội trên địa bàn tiếp tục phát triển; quốc phòng, an ninh được giữ vững; đời sống nhân dân từng "
    "bước được nâng lên.",
    "Phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” và chương trình xây dựng nông thôn mới được các chi "
    "bộ lãnh đạo thực hiện có hiệu quả.",
]
SHORTCOMINGS = [
    "Bên cạnh kết quả đạt được, Hội nghị thẳng thắn chỉ ra một số hạn chế: nội dung sinh hoạt ở một số chi bộ chưa "
    "phong phú; việc nắm bắt tư tưởng đảng viên có lúc chưa kịp thời.",
    "Tuy nhiên, công tác phát triển đảng viên trong đoàn viên thanh niên còn gặp khó khăn; một số chi bộ chưa chủ "
    "động xây dựng kế hoạch kiểm tra, giám sát.",
    "Hội nghị cũng chỉ ra một số tồn tại cần khắc phục như tiến độ một số nhiệm vụ chuyên môn còn chậm, việc ứng "
    "dụng công nghệ thông tin trong công tác Đảng chưa đồng đều giữa các chi bộ.",
]
DISCUSSION = [
    "Tại Hội nghị, các đại biểu tập trung thảo luận, làm rõ kết quả đạt được, phân tích nguyên nhân của hạn chế và "
    "đề xuất nhiều giải pháp thiết thực để thực hiện nhiệm vụ {next_label}.",
    "Các ý kiến phát biểu thống nhất cao với nội dung báo cáo, đồng thời kiến nghị cấp ủy quan tâm hơn đến công tác "
    "bồi dưỡng lý luận chính trị cho đảng viên trẻ.",
    "Phát biểu tham luận, đại diện các chi bộ trực thuộc chia sẻ kinh nghiệm đổi mới nội dung sinh hoạt chi bộ và "
    "nâng cao chất lượng đảng viên.",
]
TASKS = [
    "Tiếp tục làm tốt công tác giáo dục chính trị, tư tưởng; quán triệt kịp thời các chỉ thị, nghị quyết của Đảng, "
    "chính sách, pháp luật của Nhà nước đến cán bộ, đảng viên",
    "Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh theo Chỉ thị số 05-CT/TW gắn với trách "
    "nhiệm nêu gương của cán bộ, đảng viên",
    "Nâng cao chất lượng sinh hoạt chi bộ; thực hiện nghiêm nguyên tắc tập trung dân chủ, tự phê bình và phê bình",
    "Thực hiện tốt chương trình kiểm tra, giám sát năm {year} của {committee_short} và các chi bộ",
    "Lãnh đạo hoàn thành các chỉ tiêu nhiệm vụ chính trị được giao, trọng tâm là {field}",
    "Quan tâm bồi dưỡng quần chúng ưu tú, phấn đấu kết nạp đảng viên mới theo kế hoạch",
    "Lãnh đạo các tổ chức đoàn thể tổ chức tốt các phong trào thi đua, chăm lo đời sống đoàn viên, hội viên",
    "Đẩy mạnh cải cách hành chính, chuyển đổi số, nâng cao mức độ hài lòng của người dân và doanh nghiệp",
    "Làm tốt công tác bảo vệ chính trị nội bộ; phòng, chống tham nhũng, lãng phí, tiêu cực",
]
YEAR_TASKS = {
    2019: "Chuẩn bị chu đáo các điều kiện tổ chức Đại hội Đảng bộ nhiệm kỳ 2020 - 2025",
    2020: "Tiếp tục thực hiện nghiêm các biện pháp phòng, chống dịch Covid-19 trong cơ quan, đơn vị",
    2021: "Thực hiện hiệu quả mục tiêu vừa phòng, chống dịch Covid-19, vừa hoàn thành nhiệm vụ chuyên môn",
    2024: "Chuẩn bị chu đáo văn kiện, nhân sự Đại hội Đảng bộ nhiệm kỳ 2025 - 2030",
    2025: "Bảo đảm hoạt động thông suốt sau sắp xếp tổ chức bộ máy; ổn định tư tưởng cán bộ, đảng viên",
}
TARGETS = [
    "trên {worker}% cá nhân đạt danh hiệu “Lao động tiên tiến”",
    "từ 10% đến 15% cá nhân đạt danh hiệu “Chiến sĩ thi đua cơ sở”",
    "trên {cells_good}% {sub} hoàn thành tốt nhiệm vụ trở lên",
    "trên {members_good}% đảng viên hoàn thành tốt nhiệm vụ trở lên, trong đó từ 15% đến 20% hoàn thành xuất sắc "
    "nhiệm vụ",
    "kết nạp từ {new_members} đảng viên mới trở lên",
]
COMMUNE_TARGETS = [
    "thu nhập bình quân đầu người đạt trên {income} triệu đồng/năm",
    "tỷ lệ hộ nghèo giảm còn dưới {poor}%",
    "trên {cells_good}% {sub} hoàn thành tốt nhiệm vụ trở lên",
    "kết nạp từ {new_members} đảng viên mới trở lên",
]
MASS_TARGETS = {
    TU: "Công đoàn đạt danh hiệu “Công đoàn cơ sở vững mạnh”",
    YU: "Đoàn Thanh niên đạt danh hiệu “Cơ sở Đoàn vững mạnh”",
    VET: "Hội Cựu chiến binh đạt danh hiệu “Cơ sở Hội vững mạnh”",
    WOMEN: "Hội Liên hiệp Phụ nữ đạt danh hiệu “Cơ sở Hội vững mạnh”",
}
# Quality ratings of Party organizations and members: older wording until 2017, the present one since.
RATINGS_UNTIL_2017 = ["Trong sạch, vững mạnh tiêu biểu", "Trong sạch, vững mạnh", "Hoàn thành tốt nhiệm vụ"]
RATINGS = ["Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ"]
CONCLUSIONS = [
    "Phát biểu kết luận Hội nghị, đồng chí {chair_name} ghi nhận, biểu dương kết quả đạt được và đề nghị các chi bộ, "
    "đảng viên phát huy tinh thần đoàn kết, chủ động khắc phục hạn chế, quyết tâm hoàn thành thắng lợi nhiệm vụ "
    "{next_label}./.",
    "Kết luận Hội nghị, đồng chí {chair_name} tiếp thu các ý kiến đóng góp để hoàn chỉnh báo cáo, đồng thời yêu cầu "
    "cấp ủy các chi bộ cụ thể hóa nhiệm vụ thành chương trình, kế hoạch hành động sát với thực tiễn./.",
    "Kết thúc Hội nghị, đồng chí {chair_name} nhấn mạnh: mỗi cán bộ, đảng viên cần nêu cao tinh thần trách nhiệm, "
    "nói đi đôi với làm, gương mẫu thực hiện nhiệm vụ được giao, góp phần hoàn thành toàn diện các chỉ tiêu "
    "{next_label}./.",
]
GUEST_REMARKS = [
    "Phát biểu chỉ đạo Hội nghị, đồng chí {guest} đánh giá cao kết quả {unit_short} đạt được trong {period_label}, "
    "đồng thời đề nghị cấp ủy tiếp tục đổi mới phương thức lãnh đạo, phát huy vai trò tiền phong, gương mẫu của "
    "người đứng đầu.",
    "Đồng chí {guest} ghi nhận những nỗ lực của {unit_short} và lưu ý cần bám sát nhiệm vụ chính trị, chăm lo công "
    "tác tổ chức, cán bộ và công tác kiểm tra, giám sát trong thời gian tới.",
]

# Sinh hoạt chuyên đề: the theme of the month (Học tập và làm theo Bác)
MONTHLY_THEMES = [
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về tinh thần trách nhiệm, gương mẫu của cán bộ, "
    "đảng viên",
    "Học tập và làm theo tấm gương Bác Hồ về thực hành tiết kiệm, chống lãng phí",
    "Học tập và làm theo phong cách làm việc khoa học, sâu sát thực tiễn của Chủ tịch Hồ Chí Minh",
    "Tư tưởng Hồ Chí Minh về xây dựng Đảng trong sạch, vững mạnh",
    "Học tập và làm theo Bác về ý chí tự lực, tự cường và khát vọng phát triển đất nước phồn vinh, hạnh phúc",
    "Thực hiện trách nhiệm nêu gương của cán bộ, đảng viên theo Quy định số 08-QĐi/TW",
    "Học tập và làm theo tư tưởng Hồ Chí Minh về dân vận và xây dựng khối đại đoàn kết toàn dân tộc",
    "Nâng cao đạo đức cách mạng, quét sạch chủ nghĩa cá nhân theo lời dạy của Bác",
]
FOLLOW_UPS = [
    "Mỗi đảng viên xây dựng kế hoạch làm theo gắn với chức trách, nhiệm vụ được giao",
    "Giữ gìn kỷ luật, kỷ cương hành chính; nói đi đôi với làm",
    "Thực hành tiết kiệm, chống lãng phí trong sử dụng tài sản công, điện, nước",
    "Tích cực tham gia các hoạt động an sinh xã hội tại nơi cư trú",
    "Gương mẫu ứng dụng công nghệ thông tin, chuyển đổi số trong công việc",
    "Tận tụy phục vụ nhân dân, giải quyết công việc đúng hẹn, không gây phiền hà",
]

# Hội nghị học tập, quán triệt: when, the short and the full name of what was studied, and its gist.
RESOLUTIONS = [
    (
        date(2016, 3, 10),
        "Nghị quyết Đại hội XII của Đảng",
        "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XII của Đảng và Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIX",
        "Nghị quyết Đại hội Đảng bộ tỉnh đề ra 4 khâu đột phá, 5 chương trình trọng tâm và 26 chỉ tiêu chủ yếu trên "
        "các lĩnh vực kinh tế, văn hóa - xã hội, môi trường, quốc phòng, an ninh.",
    ),
    (
        date(2017, 1, 12),
        "Nghị quyết Trung ương 4 khóa XII",
        "Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII",
        "Nghị quyết nhận diện 27 biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, “tự diễn biến”, "
        "“tự chuyển hóa” trong nội bộ và đề ra 4 nhóm nhiệm vụ, giải pháp.",
    ),
    (
        date(2018, 1, 18),
        "Nghị quyết Trung ương 6 khóa XII",
        "các Nghị quyết Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII",
        "Trọng tâm là Nghị quyết số 18-NQ/TW về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị "
        "tinh gọn, hoạt động hiệu lực, hiệu quả và Nghị quyết số 19-NQ/TW về đơn vị sự nghiệp công lập.",
    ),
    (
        date(2018, 7, 19),
        "Nghị quyết Trung ương 7 khóa XII",
        "các Nghị quyết Hội nghị lần thứ bảy Ban Chấp hành Trung ương Đảng khóa XII",
        "Các nghị quyết tập trung xây dựng đội ngũ cán bộ các cấp, nhất là cấp chiến lược, đủ phẩm chất, năng lực "
        "và uy tín, ngang tầm nhiệm vụ.",
    ),
    (
        date(2021, 4, 15),
        "Nghị quyết Đại hội XIII của Đảng",
        "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng và Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX",
        "Nghị quyết Đại hội Đảng bộ tỉnh xác định 3 khâu đột phá, 6 nhóm nhiệm vụ trọng tâm và 24 chỉ tiêu chủ yếu "
        "của nhiệm kỳ 2020 - 2025.",
    ),
    (
        date(2022, 1, 20),
        "Nghị quyết Trung ương 4 khóa XIII",
        "Nghị quyết, Kết luận Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XIII",
        "Kết luận số 21-KL/TW đặt yêu cầu kiên quyết ngăn chặn, đẩy lùi sự suy thoái về tư tưởng chính trị, đạo "
        "đức, lối sống và nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức đảng.",
    ),
    (
        date(2023, 3, 16),
        "Nghị quyết Trung ương 6 khóa XIII",
        "các Nghị quyết Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XIII",
        "Các nghị quyết bàn về quy hoạch, phát triển đô thị, xây dựng giai cấp công nhân và tiếp tục xây dựng, hoàn "
        "thiện Nhà nước pháp quyền xã hội chủ nghĩa Việt Nam.",
    ),
    (
        date(2025, 1, 16),
        "Nghị quyết số 57-NQ/TW",
        "Nghị quyết số 57-NQ/TW của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và "
        "chuyển đổi số quốc gia",
        "Nghị quyết xác định phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số là đột phá quan "
        "trọng hàng đầu, động lực chính để phát triển nhanh lực lượng sản xuất hiện đại.",
    ),
]

# News that reports no meeting. "mass": the kind of mass organization that publishes it, None for a Party unit;
# "shots": the scenes of its photos and their captions.
NEWS = [
    {
        "mass": TU,
        "month": 7,
        "day": 26,
        "title": "{unit} tổ chức Hội thao chào mừng Ngày thành lập Công đoàn Việt Nam",
        "lead": "Chào mừng kỷ niệm {years_tu} năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/{year}), {unit} "
        "tổ chức Hội thao với sự tham gia của đông đảo đoàn viên.",
        "body": [
            "Hội thao gồm các môn bóng chuyền hơi, kéo co, cầu lông và các trò chơi dân gian, thu hút hơn {people} "
            "đoàn viên tham gia.",
            "Hoạt động nhằm tăng cường sự đoàn kết, gắn bó giữa các tổ công đoàn, tạo không khí phấn khởi để đoàn "
            "viên thi đua hoàn thành nhiệm vụ chuyên môn.",
            "Kết thúc Hội thao, Ban Tổ chức đã trao giải cho các đội, cá nhân đạt thành tích cao.",
        ],
        "tags": ["Công đoàn", "Thể thao", "Thi đua"],
        "shots": [
            ("outdoor", "Các vận động viên tranh tài tại Hội thao"),
            ("ceremony", "Ban Tổ chức trao giải cho các đội"),
        ],
    },
    {
        "mass": TU,
        "month": 1,
        "day": 18,
        "title": "{unit} trao quà Tết cho đoàn viên có hoàn cảnh khó khăn",
        "lead": "Nhân dịp Tết Nguyên đán, {unit} đã thăm hỏi, trao {gifts} suất quà cho đoàn viên, người lao động có "
        "hoàn cảnh khó khăn.",
        "body": [
            "Mỗi suất quà gồm tiền mặt và nhu yếu phẩm, được trích từ quỹ hoạt động công đoàn và nguồn đóng góp của "
            "đoàn viên.",
            "Đây là hoạt động thường niên thể hiện sự quan tâm, chia sẻ của tổ chức công đoàn, giúp đoàn viên đón "
            "Tết đầm ấm.",
        ],
        "tags": ["Công đoàn", "An sinh xã hội"],
        "shots": [("ceremony", "Trao quà Tết cho đoàn viên"), ("hall", "Quang cảnh buổi trao quà")],
    },
    {
        "mass": YU,
        "month": 6,
        "day": 12,
        "title": "{unit} ra quân Chiến dịch Thanh niên tình nguyện hè năm {year}",
        "lead": "{unit} tổ chức Lễ ra quân Chiến dịch Thanh niên tình nguyện hè năm {year} với nhiều công trình, "
        "phần việc thiết thực.",
        "body": [
            "Trong chiến dịch, đoàn viên sẽ dọn vệ sinh môi trường, trồng cây xanh, hỗ trợ người dân thực hiện dịch "
            "vụ công trực tuyến và tặng quà cho thiếu nhi có hoàn cảnh khó khăn.",
            "Chiến dịch là dịp để đoàn viên rèn luyện, xung kích, tình nguyện vì cộng đồng.",
        ],
        "tags": ["Đoàn Thanh niên", "Tình nguyện"],
        "shots": [
            ("outdoor", "Đoàn viên ra quân Chiến dịch Thanh niên tình nguyện hè"),
            ("ceremony", "Trao cờ cho các đội hình tình nguyện"),
        ],
    },
    {
        "mass": YU,
        "month": 3,
        "day": 26,
        "title": "{unit} kỷ niệm Ngày thành lập Đoàn TNCS Hồ Chí Minh",
        "lead": "Kỷ niệm {years_yu} năm Ngày thành lập Đoàn TNCS Hồ Chí Minh (26/3/1931 - 26/3/{year}), {unit} tổ "
        "chức gặp mặt, tuyên dương đoàn viên tiêu biểu.",
        "body": [
            "Tại buổi lễ, Ban Chấp hành Đoàn đã tuyên dương {people} đoàn viên có thành tích xuất sắc trong học tập "
            "và làm theo lời Bác.",
            "Nhiều đoàn viên ưu tú được giới thiệu để cấp ủy xem xét, bồi dưỡng, tạo nguồn phát triển đảng viên.",
        ],
        "tags": ["Đoàn Thanh niên", "Tuyên dương"],
        "shots": [("hall", "Quang cảnh buổi lễ kỷ niệm"), ("ceremony", "Tuyên dương đoàn viên tiêu biểu")],
    },
    {
        "mass": VET,
        "month": 12,
        "day": 5,
        "title": "{unit} kỷ niệm Ngày thành lập Hội Cựu chiến binh Việt Nam",
        "lead": "{unit} tổ chức gặp mặt kỷ niệm {years_vet} năm Ngày thành lập Hội Cựu chiến binh Việt Nam "
        "(6/12/1989 - 6/12/{year}).",
        "body": [
            "Các hội viên ôn lại truyền thống vẻ vang của Hội, khẳng định vai trò của cựu chiến binh trong xây dựng "
            "Đảng, chính quyền và bảo vệ nền tảng tư tưởng của Đảng.",
            "Nhân dịp này, Hội đã khen thưởng {people} hội viên có thành tích tiêu biểu trong năm.",
        ],
        "tags": ["Cựu chiến binh", "Truyền thống"],
        "shots": [("hall", "Quang cảnh buổi gặp mặt"), ("ceremony", "Khen thưởng hội viên tiêu biểu")],
    },
    {
        "mass": None,
        "month": 7,
        "day": 24,
        "title": "{committee} thăm, tặng quà gia đình chính sách nhân Ngày Thương binh - Liệt sĩ",
        "lead": "Nhân kỷ niệm {years_martyrs} năm Ngày Thương binh - Liệt sĩ (27/7/1947 - 27/7/{year}), đoàn công tác "
        "của {committee} đã thăm hỏi, tặng quà các gia đình chính sách.",
        "body": [
            "Đoàn đã trao {gifts} suất quà cho thương binh, thân nhân liệt sĩ và gia đình có công với cách mạng.",
            "Thay mặt đoàn công tác, lãnh đạo {committee} bày tỏ lòng biết ơn sâu sắc đối với những hy sinh, cống "
            "hiến của các thế hệ cha anh, chúc các gia đình luôn mạnh khỏe.",
        ],
        "tags": ["Đền ơn đáp nghĩa", "An sinh xã hội"],
        "shots": [
            ("ceremony", "Đoàn công tác trao quà cho gia đình chính sách"),
            ("outdoor", "Đoàn công tác dâng hoa tại Nghĩa trang liệt sĩ"),
        ],
    },
    {
        "mass": None,
        "month": 5,
        "day": 16,
        "title": "{committee} dâng hương tưởng niệm Chủ tịch Hồ Chí Minh",
        "lead": "Nhân kỷ niệm {years_ho} năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/{year}), {committee} "
        "tổ chức dâng hương tưởng niệm Bác.",
        "body": [
            "Trong không khí trang nghiêm, đoàn đã thành kính dâng hương, bày tỏ lòng biết ơn vô hạn đối với công lao "
            "to lớn của Chủ tịch Hồ Chí Minh.",
            "Các đảng viên nguyện tiếp tục học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, hoàn thành "
            "tốt nhiệm vụ được giao.",
        ],
        "tags": ["Học tập và làm theo Bác", "Kỷ niệm"],
        "category": UNCLE_HO,
        "shots": [
            ("ceremony", "Đoàn đại biểu dâng hương tưởng niệm Chủ tịch Hồ Chí Minh"),
            ("outdoor", "Các đại biểu chụp ảnh lưu niệm"),
        ],
    },
    {
        "mass": None,
        "month": 9,
        "day": 20,
        "title": "{committee} kiểm tra việc thực hiện Chỉ thị 05-CT/TW tại các chi bộ",
        "lead": "Đoàn kiểm tra của {committee} đã làm việc với {cells} chi bộ trực thuộc về việc học tập và làm theo "
        "tư tưởng, đạo đức, phong cách Hồ Chí Minh năm {year}.",
        "body": [
            "Qua kiểm tra, các chi bộ đã xây dựng kế hoạch thực hiện Chỉ thị số 05-CT/TW sát với nhiệm vụ của đơn "
            "vị; nhiều cách làm hay được nhân rộng.",
            "Đoàn đề nghị các chi bộ tiếp tục đưa nội dung học tập và làm theo Bác vào sinh hoạt định kỳ, gắn với "
            "việc đánh giá, xếp loại đảng viên cuối năm.",
        ],
        "tags": ["Kiểm tra, giám sát", "Chỉ thị 05-CT/TW"],
        "shots": [("table", "Đoàn kiểm tra làm việc với chi bộ"), ("hall", "Quang cảnh buổi làm việc")],
    },
]

# --- Photos drawn at seed time: the scene drawn, its alt text, and the captions it suits ---
PHOTO_SCENES = {
    "hall": "Hội trường với sân khấu, băng rôn đỏ và các hàng ghế đại biểu",
    "podium": "Đại biểu phát biểu tại bục, phía sau là băng rôn hội nghị",
    "table": "Đảng viên ngồi quanh bàn họp trong buổi sinh hoạt chi bộ",
    "ceremony": "Các đại biểu đứng hàng ngang trên sân khấu, cầm hoa và quyết định",
    "outdoor": "Đoàn viên tham gia hoạt động ngoài trời dưới cờ đỏ sao vàng",
}
PHOTO_PLAN = ["hall"] * 5 + ["podium"] * 4 + ["table"] * 3 + ["ceremony"] * 3 + ["outdoor"] * 2
BANNERS = {
    "hall": [
        "HỘI NGHỊ SƠ KẾT CÔNG TÁC ĐẢNG",
        "HỘI NGHỊ TỔNG KẾT CÔNG TÁC XÂY DỰNG ĐẢNG",
        "ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ",
        "HỘI NGHỊ HỌC TẬP, QUÁN TRIỆT NGHỊ QUYẾT",
    ],
    "podium": ["HỘI NGHỊ SƠ KẾT CÔNG TÁC ĐẢNG", "ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ", "HỘI NGHỊ HỌC TẬP, QUÁN TRIỆT NGHỊ QUYẾT"],
    "table": ["SINH HOẠT CHI BỘ CHUYÊN ĐỀ", "HỌC TẬP VÀ LÀM THEO TƯ TƯỞNG, ĐẠO ĐỨC, PHONG CÁCH HỒ CHÍ MINH"],
    "ceremony": ["LỄ TRAO HUY HIỆU ĐẢNG", "LỄ KẾT NẠP ĐẢNG VIÊN", "NHIỆT LIỆT CHÀO MỪNG"],
}

# --- Titles of the reports, per kind of meeting ---
TITLES = {
    "so_ket_6_thang": [
        "{unit} tổ chức Hội nghị sơ kết công tác Đảng 6 tháng đầu năm {year}",
        "{unit} sơ kết công tác xây dựng Đảng 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm {year}",
        "{committee} sơ kết công tác 6 tháng đầu năm {year}",
        "Hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu năm {year} của {unit}",
    ],
    "so_ket_9_thang": [
        "{unit} sơ kết công tác Đảng 9 tháng đầu năm {year}",
        "{committee} sơ kết 9 tháng, triển khai nhiệm vụ quý IV năm {year}",
    ],
    "tong_ket_nam": [
        "{unit} tổng kết công tác xây dựng Đảng năm {year}",
        "{committee} tổng kết công tác năm {year}, triển khai nhiệm vụ năm {next_year}",
        "Hội nghị tổng kết công tác Đảng năm {year} của {unit}",
    ],
    "so_ket_giua_nhiem_ky": [
        "{committee} sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội lần thứ {congress}",
        "{unit} Hội nghị sơ kết giữa nhiệm kỳ {term_label}",
    ],
    "hoc_tap_quan_triet": [
        "{unit} học tập, quán triệt {doc}",
        "{committee} tổ chức Hội nghị học tập, quán triệt {doc}",
    ],
    "sinh_hoat_chuyen_de": [
        "{unit} sinh hoạt chuyên đề tháng {month}/{year}",
        "{unit} sinh hoạt chuyên đề học tập và làm theo Bác tháng {month}/{year}",
    ],
    "dai_hoi": [
        "Đại hội đại biểu {unit} lần thứ {congress}, nhiệm kỳ {term_label}",
        "{unit} tổ chức thành công Đại hội lần thứ {congress}, nhiệm kỳ {term_label}",
    ],
    "ket_nap_dang_vien": [
        "{unit} kết nạp đảng viên mới",
        "{unit} tổ chức Lễ kết nạp đảng viên cho quần chúng ưu tú",
    ],
    "trao_huy_hieu": [
        "{committee} trao Huy hiệu Đảng cho đảng viên",
        "{unit} trao Huy hiệu Đảng đợt {day_month}/{year}",
    ],
    "other": [
        "Công bố quyết định thành lập {unit}",
        "Thành lập {unit}",
    ],
}
CONGRESS_SLOGANS = [
    "Đoàn kết - Dân chủ - Kỷ cương - Sáng tạo - Phát triển",
    "Đoàn kết - Kỷ cương - Đổi mới - Hiệu quả",
    "Đoàn kết - Trách nhiệm - Đổi mới - Phát triển",
]
BADGE_OCCASIONS = {
    2: "kỷ niệm {n} năm Ngày thành lập Đảng Cộng sản Việt Nam (3/2/1930 - 3/2/{year})",
    5: "kỷ niệm {n} năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/{year})",
    9: "kỷ niệm {n} năm Cách mạng Tháng Tám thành công và Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam",
    11: "kỷ niệm {n} năm Cách mạng Tháng Mười Nga (7/11/1917 - 7/11/{year})",
}
BADGE_BASE_YEAR = {2: 1930, 5: 1890, 9: 1945, 11: 1917}
