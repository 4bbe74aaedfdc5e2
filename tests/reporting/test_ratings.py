from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsroom.roles import EDITOR, SITE_ADMIN
from organizations.models import Organization
from organizations.services import merge_organizations
from reporting.models import MemberRatingCount, OrganizationRating, RatingLevel, RatingScheme
from tests.conftest import sign_in
from tests.factories import OrganizationFactory, staff_with_role

K = Organization.Kind
OLD = ["Trong sạch, vững mạnh tiêu biểu", "Trong sạch, vững mạnh", "Hoàn thành tốt nhiệm vụ", "Yếu kém"]
NEW = [
    "Hoàn thành xuất sắc nhiệm vụ",
    "Hoàn thành tốt nhiệm vụ",
    "Hoàn thành nhiệm vụ",
    "Không hoàn thành nhiệm vụ",
]
FORM = "/admin/bao-cao/xep-loai/"


@pytest.fixture
def levels(db):
    """{(first year, subject, name): level}: organizations before 2018 (old) and since (new); members since 2016."""
    found = {}
    member = RatingScheme.Subject.MEMBER
    for scheme, names in (
        (RatingScheme.objects.create(name="Trước 2018", first_year=2016, last_year=2017), OLD),
        (RatingScheme.objects.create(name="Từ 2018", first_year=2018), NEW),
        (RatingScheme.objects.create(name="Đảng viên", subject=member, first_year=2016), NEW),
    ):
        for order, name in enumerate(names, start=1):
            found[(scheme.first_year, scheme.subject, name)] = RatingLevel.objects.create(
                scheme=scheme, name=name, order=order
            )
    return found


def old(levels, name):
    return levels[(2016, "organization", name)]


def new(levels, name):
    return levels[(2018, "organization", name)]


def member(levels, name):
    return levels[(2016, "member", name)]


def rate(unit, year, level):
    return OrganizationRating.objects.create(unit=unit, year=year, level=level)


def shares(tally):
    return {share.level.name: (share.count, share.percent) for share in tally.shares if share.count}


@pytest.fixture
def department(db):
    """A department's Party committee with 18 cells, as in seed 002."""
    province = OrganizationFactory(name="Đảng bộ tỉnh", kind=K.PROVINCIAL)
    department = OrganizationFactory(name="Đảng bộ Sở Văn hóa", parent=province)
    cells = [OrganizationFactory(name=f"Chi bộ số {n}", kind=K.CELL, parent=department) for n in range(18)]
    department.refresh_from_db()
    return province, department, cells


def test_a_year_counts_its_sub_units_per_level_of_that_years_scheme(levels, department):
    _, unit, cells = department
    for cell, name in zip(cells, [OLD[0]] * 2 + [OLD[1]] * 7 + [OLD[2]] * 9, strict=True):
        rate(cell, 2016, old(levels, name))
    for cell in cells[:3]:
        rate(cell, 2019, new(levels, NEW[0]))

    tally_2019, tally_2016 = OrganizationRating.objects.below(unit).tally()

    assert (tally_2016.year, tally_2016.total, tally_2016.scheme.name) == (2016, 18, "Trước 2018")
    assert shares(tally_2016) == {OLD[0]: (2, 11.1), OLD[1]: (7, 38.9), OLD[2]: (9, 50.0)}
    assert [share.level.name for share in tally_2019.shares] == NEW
    assert shares(tally_2019) == {NEW[0]: (3, 100.0)}


def test_the_unit_itself_is_not_its_own_sub_unit(levels, department):
    province, unit, cells = department
    rate(unit, 2020, new(levels, NEW[1]))

    assert OrganizationRating.objects.below(unit).tally() == []
    assert shares(OrganizationRating.objects.below(province).tally()[0]) == {NEW[1]: (1, 100.0)}


def test_member_counts_add_up_over_the_sub_units(levels, department):
    province, unit, cells = department
    for cell, counts in zip(cells, [(2, 7, 1), (34, 121, 3)], strict=False):
        for name, count in zip(NEW, counts, strict=False):
            MemberRatingCount.objects.create(unit=cell, year=2021, level=member(levels, name), count=count)

    (tally,) = MemberRatingCount.objects.in_unit(province).tally()

    assert tally.total == 168
    assert shares(tally) == {NEW[0]: (36, 21.4), NEW[1]: (128, 76.2), NEW[2]: (4, 2.4)}


@pytest.fixture
def blocs(levels):
    """Two blocs with a department and its cells each, rated for 2024; merged into a new bloc on 01/02/2025."""
    province = OrganizationFactory(name="Đảng bộ tỉnh", kind=K.PROVINCIAL)
    units = {}
    for key in ("cq", "dn"):
        bloc = units[key] = OrganizationFactory(name=f"Đảng bộ Khối {key}", kind=K.UPPER, parent=province)
        department = units[f"{key}-so"] = OrganizationFactory(name=f"Đảng bộ Sở {key}", parent=bloc)
        units[f"{key}-cells"] = [OrganizationFactory(kind=K.CELL, parent=department) for _ in range(2)]
    merged = OrganizationFactory(
        name="Đảng bộ các cơ quan Đảng tỉnh", kind=K.UPPER, parent=province, valid_from=date(2025, 2, 1)
    )
    for key in ("cq", "dn"):
        rate(units[key], 2024, new(levels, NEW[1]))
        rate(units[f"{key}-so"], 2024, new(levels, NEW[0]))
        for cell in units[f"{key}-cells"]:
            rate(cell, 2024, new(levels, NEW[2]))
            MemberRatingCount.objects.create(unit=cell, year=2024, level=member(levels, NEW[1]), count=10)
    MemberRatingCount.objects.create(unit=units["cq"], year=2024, level=member(levels, NEW[0]), count=3)
    return province, merged, units


def refreshed(*units):
    for unit in units:
        unit.refresh_from_db()
    return units


def test_merging_units_changes_no_total_of_the_unit_above(blocs):
    province, merged, units = blocs
    before = (OrganizationRating.objects.below(province).tally(), MemberRatingCount.objects.in_unit(province).tally())

    merge_organizations(absorbed=[units["cq"], units["dn"]], into=merged, on=date(2025, 2, 1))
    (province,) = refreshed(province)

    after = (OrganizationRating.objects.below(province).tally(), MemberRatingCount.objects.in_unit(province).tally())
    assert after == before
    assert after[0][0].total == 8  # two blocs, two departments, four cells: each once


def test_the_successor_carries_its_predecessors_years(blocs):
    province, merged, units = blocs
    merge_organizations(absorbed=[units["cq"], units["dn"]], into=merged, on=date(2025, 2, 1))
    (merged,) = refreshed(merged)

    (organizations,) = OrganizationRating.objects.below(merged).tally()
    (members,) = MemberRatingCount.objects.in_unit(merged).tally()

    # the departments and cells of both blocs; the blocs themselves are the merged unit as it was, not sub-units
    assert shares(organizations) == {NEW[0]: (2, 33.3), NEW[2]: (4, 66.7)}
    assert members.total == 43  # 4 cells x 10, and the 3 members counted at the bloc itself


def test_a_unit_merged_mid_year_is_counted_once_in_that_year(levels):
    province = OrganizationFactory(name="Đảng bộ tỉnh", kind=K.PROVINCIAL)
    old_department = OrganizationFactory(name="Đảng bộ Sở Tài nguyên và Môi trường", parent=province)
    cell = OrganizationFactory(name="Chi bộ Văn phòng", kind=K.CELL, parent=old_department)
    into = OrganizationFactory(name="Đảng bộ Sở Nông nghiệp và Môi trường", parent=province)
    rate(cell, 2024, new(levels, NEW[0]))
    merge_organizations(absorbed=[old_department], into=into, on=date(2025, 3, 1))
    cell.refresh_from_db()
    rate(cell, 2025, new(levels, NEW[1]))
    rate(into, 2025, new(levels, NEW[1]))
    province, into = refreshed(province, into)

    tallies = {tally.year: tally for tally in OrganizationRating.objects.below(province).tally()}
    assert (tallies[2025].total, tallies[2024].total) == (2, 1)
    assert [tally.total for tally in OrganizationRating.objects.below(into).tally()] == [1, 1]


def test_a_level_of_another_years_scheme_is_refused(levels, department):
    _, _, cells = department
    rating = OrganizationRating(unit=cells[0], year=2020, level=old(levels, OLD[0]))

    with pytest.raises(ValidationError, match="không áp dụng cho năm 2020"):
        rating.full_clean()


def test_two_schemes_may_not_share_a_year(levels):
    with pytest.raises(ValidationError, match="mỗi năm chỉ một thang"):
        RatingScheme(name="Thang khác", first_year=2017, last_year=2019).full_clean()


def test_a_member_level_may_not_rate_an_organization(levels, department):
    _, _, cells = department

    with pytest.raises(ValidationError, match="thang xếp loại đảng viên"):
        OrganizationRating(unit=cells[0], year=2020, level=member(levels, NEW[0])).full_clean()


# --- Bulk entry: one form per unit and year ---


@pytest.fixture
def site_admin(client, department):
    _, unit, _ = department
    return sign_in(client, staff_with_role(SITE_ADMIN, unit))


def test_the_form_lists_the_sub_units_with_the_years_levels(site_admin, levels, department):
    _, unit, cells = department

    response = site_admin.get(FORM, {"unit": unit.slug, "year": 2016})

    assert all(cell.name in response.content.decode() for cell in cells)
    choices = [label for _value, label in response.context["form"][f"level_{cells[0].pk}"].field.choices]
    assert choices[1:] == OLD


def test_saving_the_form_rates_the_sub_units_and_counts_members(site_admin, levels, department):
    _, unit, cells = department
    level, members = new(levels, NEW[0]), member(levels, NEW[0])
    data = {f"level_{cells[0].pk}": level.pk, f"members_{cells[0].pk}_{members.pk}": 12}

    response = site_admin.post(f"{FORM}?unit={unit.slug}&year=2022", data)

    assert response.status_code == 302
    assert OrganizationRating.objects.get(unit=cells[0], year=2022).level == level
    assert MemberRatingCount.objects.get(unit=cells[0], year=2022, level=members).count == 12
    site_admin.post(f"{FORM}?unit={unit.slug}&year=2022", {})
    assert not OrganizationRating.objects.exists() and not MemberRatingCount.objects.exists()


def test_a_bad_count_is_shown_and_nothing_is_saved(site_admin, levels, department):
    _, unit, cells = department
    level, members = new(levels, NEW[0]), member(levels, NEW[0])
    data = {f"level_{cells[0].pk}": level.pk, f"members_{cells[0].pk}_{members.pk}": "-3"}

    response = site_admin.post(f"{FORM}?unit={unit.slug}&year=2022", data)

    assert response.status_code == 200 and "errornote" in response.content.decode()
    assert not OrganizationRating.objects.exists()


def test_a_year_without_a_scheme_says_so(site_admin, levels, department):
    _, unit, _ = department

    assert "Chưa có thang xếp loại" in site_admin.get(FORM, {"unit": unit.slug, "year": 2010}).content.decode()


def test_a_reporter_may_not_enter_ratings(client, levels, department):
    _, unit, _ = department
    client.force_login(staff_with_role(EDITOR, unit))

    assert client.get(FORM, {"unit": unit.slug}).status_code == 403


def test_a_site_admin_may_not_rate_another_units_sub_units(site_admin, levels, department):
    province, _, _ = department

    assert site_admin.get(FORM, {"unit": province.slug}).status_code == 403


# --- The unit page ---


def test_the_unit_page_shows_the_years_aggregates(client, levels, department):
    _, unit, cells = department
    for cell in cells[:2]:
        rate(cell, 2016, old(levels, OLD[0]))
    rate(cells[2], 2016, old(levels, OLD[1]))

    page = client.get(unit.get_absolute_url()).content.decode()

    assert "Trong sạch, vững mạnh tiêu biểu: 2/3 (66,7%)" in page


def test_the_unit_page_runs_as_many_queries_with_many_ratings_as_with_one(client, levels, department):
    _, unit, cells = department
    rate(cells[0], 2016, old(levels, OLD[0]))
    with CaptureQueriesContext(connection) as few:
        client.get(unit.get_absolute_url())
    for year in range(2018, 2026):
        for cell in cells:
            rate(cell, year, new(levels, NEW[year % 3]))
            MemberRatingCount.objects.create(unit=cell, year=year, level=member(levels, NEW[0]), count=5)
    with CaptureQueriesContext(connection) as many:
        response = client.get(unit.get_absolute_url())
    assert response.status_code == 200
    assert len(many) == len(few)
