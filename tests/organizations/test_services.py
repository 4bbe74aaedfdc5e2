from datetime import date

import pytest
from django.core.exceptions import ValidationError

from organizations.models import Membership, Organization
from organizations.services import merge_organizations, rename_organization, transfer_membership
from tests.factories import ArticleFactory, MembershipFactory, OrganizationFactory


def fresh(unit):
    return Organization.objects.get(pk=unit.pk)


def child_names(unit):
    return [child.name for child in fresh(unit).get_children()]


@pytest.fixture
def bloc(db):
    """Tỉnh ủy > Đảng bộ Khối các cơ quan tỉnh > (Đảng bộ Sở Nội vụ, Đảng bộ Sở Tư pháp)."""
    province = OrganizationFactory(name="Tỉnh ủy", kind=Organization.Kind.PROVINCIAL)
    bloc = OrganizationFactory(
        name="Đảng bộ Khối các cơ quan tỉnh",
        kind=Organization.Kind.UPPER,
        parent=province,
        valid_from=date(2006, 1, 1),
    )
    OrganizationFactory(name="Đảng bộ Sở Nội vụ", parent=bloc)
    OrganizationFactory(name="Đảng bộ Sở Tư pháp", parent=bloc)
    return bloc


# --- rename_organization ---


def test_rename_creates_a_successor_beside_the_old_unit(bloc):
    successor = rename_organization(unit=bloc, name="Đảng bộ Khối Cơ quan - Doanh nghiệp tỉnh", on=date(2020, 1, 1))
    assert successor.name == "Đảng bộ Khối Cơ quan - Doanh nghiệp tỉnh"
    assert successor.get_parent() == bloc.get_parent()
    assert child_names(bloc.get_parent()) == [
        "Đảng bộ Khối các cơ quan tỉnh",
        "Đảng bộ Khối Cơ quan - Doanh nghiệp tỉnh",
    ]


def test_renamed_unit_starts_on_the_day_of_the_rename(bloc):
    successor = rename_organization(unit=bloc, name="Đảng bộ Khối mới", on=date(2020, 1, 1))
    assert fresh(successor).valid_from == date(2020, 1, 1)


def test_rename_moves_sub_units_to_the_successor(bloc):
    successor = rename_organization(unit=bloc, name="Đảng bộ Khối mới", on=date(2020, 1, 1))
    assert child_names(successor) == ["Đảng bộ Sở Nội vụ", "Đảng bộ Sở Tư pháp"]
    assert child_names(bloc) == []


def test_rename_moves_sub_units_at_every_depth(bloc):
    department = Organization.objects.get(name="Đảng bộ Sở Nội vụ")
    OrganizationFactory(name="Chi bộ Phòng Tổ chức", parent=department)
    successor = rename_organization(unit=bloc, name="Đảng bộ Khối mới", on=date(2020, 1, 1))
    assert [unit.name for unit in successor.get_descendants()] == [
        "Đảng bộ Sở Nội vụ",
        "Chi bộ Phòng Tổ chức",
        "Đảng bộ Sở Tư pháp",
    ]


def test_rename_ends_the_old_unit_the_day_before(bloc):
    successor = rename_organization(unit=bloc, name="Đảng bộ Khối mới", on=date(2020, 1, 1))
    old = fresh(bloc)
    assert (old.valid_to, old.succeeded_by) == (date(2019, 12, 31), successor)


def test_rename_keeps_the_old_name_and_articles_on_the_old_unit(bloc):
    article = ArticleFactory(unit=bloc)
    rename_organization(unit=bloc, name="Đảng bộ Khối mới", on=date(2020, 1, 1))
    article.refresh_from_db()
    assert article.unit.name == "Đảng bộ Khối các cơ quan tỉnh"


def test_renamed_unit_finds_the_articles_of_its_old_name_through_its_lineage(bloc):
    ArticleFactory(unit=bloc)
    successor = rename_organization(unit=bloc, name="Đảng bộ Khối mới", on=date(2020, 1, 1))
    assert bloc in successor.lineage()


def test_rename_copies_the_contact_details(bloc):
    bloc.address, bloc.phone = "Số 1 Đường 3/2", "0275 3822 000"
    bloc.save()
    successor = rename_organization(unit=bloc, name="Đảng bộ Khối mới", on=date(2020, 1, 1))
    assert (successor.kind, successor.address, successor.phone) == (
        Organization.Kind.UPPER,
        "Số 1 Đường 3/2",
        "0275 3822 000",
    )


def test_rename_of_a_top_level_unit_creates_a_top_level_successor(db):
    province = OrganizationFactory(name="Đảng bộ tỉnh Bến Tre", kind=Organization.Kind.PROVINCIAL)
    successor = rename_organization(unit=province, name="Đảng bộ tỉnh Vĩnh Long", on=date(2025, 7, 1))
    assert successor.is_root()


def test_rename_before_the_unit_was_founded_is_refused(bloc):
    with pytest.raises(ValidationError):
        rename_organization(unit=bloc, name="Đảng bộ Khối mới", on=date(2006, 1, 1))


def test_refused_rename_changes_nothing(bloc):
    with pytest.raises(ValidationError):
        rename_organization(unit=bloc, name="Đảng bộ Khối mới", on=date(2005, 1, 1))
    assert not Organization.objects.filter(name="Đảng bộ Khối mới").exists()
    assert fresh(bloc).valid_to is None


def test_rename_of_a_unit_loaded_before_its_sub_units_were_added_moves_them_all(db):
    unit = OrganizationFactory(name="Đảng bộ Sở cũ")
    loaded_earlier = fresh(unit)
    OrganizationFactory(name="Chi bộ 1", parent=unit)
    successor = rename_organization(unit=loaded_earlier, name="Đảng bộ Sở mới", on=date(2025, 3, 1))
    assert child_names(successor) == ["Chi bộ 1"]


# --- merge_organizations ---


@pytest.fixture
def two_blocs(db):
    province = OrganizationFactory(name="Tỉnh ủy", kind=Organization.Kind.PROVINCIAL)
    agencies = OrganizationFactory(name="Đảng bộ Khối Cơ quan", kind=Organization.Kind.UPPER, parent=province)
    OrganizationFactory(name="Đảng bộ Sở Nội vụ", parent=agencies)
    companies = OrganizationFactory(name="Đảng bộ Khối Doanh nghiệp", kind=Organization.Kind.UPPER, parent=province)
    OrganizationFactory(name="Đảng bộ Công ty Điện lực", parent=companies)
    OrganizationFactory(name="Đảng bộ Công ty Cấp nước", parent=companies)
    return fresh(agencies), fresh(companies)


def test_merge_moves_sub_units_of_the_absorbed_unit(two_blocs):
    agencies, companies = two_blocs
    merge_organizations(absorbed=[companies], into=agencies, on=date(2025, 7, 1))
    assert child_names(agencies) == ["Đảng bộ Sở Nội vụ", "Đảng bộ Công ty Điện lực", "Đảng bộ Công ty Cấp nước"]
    assert child_names(companies) == []


def test_merge_dissolves_the_absorbed_unit_the_day_before(two_blocs):
    agencies, companies = two_blocs
    merge_organizations(absorbed=[companies], into=agencies, on=date(2025, 7, 1))
    old = fresh(companies)
    assert (old.valid_to, old.succeeded_by) == (date(2025, 6, 30), agencies)


def test_merge_keeps_the_absorbed_unit_in_the_tree(two_blocs):
    agencies, companies = two_blocs
    merge_organizations(absorbed=[companies], into=agencies, on=date(2025, 7, 1))
    assert Organization.objects.filter(pk=companies.pk).exists()


def test_merge_of_several_units_moves_all_their_sub_units(db):
    into = OrganizationFactory(name="Đảng bộ Khối mới", kind=Organization.Kind.UPPER)
    absorbed = []
    for n in (1, 2):
        unit = OrganizationFactory(name=f"Khối cũ {n}", kind=Organization.Kind.UPPER)
        OrganizationFactory(name=f"Chi bộ {n}a", parent=unit)
        OrganizationFactory(name=f"Chi bộ {n}b", parent=unit)
        absorbed.append(unit)
    merge_organizations(absorbed=absorbed, into=into, on=date(2025, 7, 1))
    assert child_names(into) == ["Chi bộ 1a", "Chi bộ 1b", "Chi bộ 2a", "Chi bộ 2b"]


def test_merged_unit_lineage_includes_the_absorbed_units(two_blocs):
    agencies, companies = two_blocs
    merge_organizations(absorbed=[companies], into=agencies, on=date(2025, 7, 1))
    assert companies in agencies.lineage()


def test_merge_into_the_unit_itself_is_refused(two_blocs):
    agencies, _ = two_blocs
    with pytest.raises(ValidationError):
        merge_organizations(absorbed=[agencies], into=agencies, on=date(2025, 7, 1))


def test_merge_into_a_sub_unit_of_the_absorbed_unit_is_refused(two_blocs):
    _, companies = two_blocs
    power_company = Organization.objects.get(name="Đảng bộ Công ty Điện lực")
    with pytest.raises(ValidationError):
        merge_organizations(absorbed=[companies], into=power_company, on=date(2025, 7, 1))


def test_refused_merge_changes_nothing(two_blocs):
    agencies, companies = two_blocs
    power_company = Organization.objects.get(name="Đảng bộ Công ty Điện lực")
    with pytest.raises(ValidationError):
        merge_organizations(absorbed=[agencies, companies], into=power_company, on=date(2025, 7, 1))
    assert child_names(power_company) == []
    assert fresh(agencies).valid_to is None
    assert child_names(agencies) == ["Đảng bộ Sở Nội vụ"]


def test_merge_of_a_unit_together_with_its_own_sub_unit_moves_every_sub_unit(db):
    into = OrganizationFactory(name="Đảng bộ Khối mới", kind=Organization.Kind.UPPER)
    old_bloc = OrganizationFactory(name="Khối cũ", kind=Organization.Kind.UPPER)
    department = OrganizationFactory(name="Đảng bộ Sở", parent=old_bloc)
    OrganizationFactory(name="Chi bộ Phòng", parent=department)
    merge_organizations(absorbed=[old_bloc, department], into=into, on=date(2025, 7, 1))
    assert child_names(into) == ["Đảng bộ Sở", "Chi bộ Phòng"]
    assert child_names(department) == []


# --- transfer_membership ---


@pytest.fixture
def membership(db):
    return MembershipFactory(
        organization=OrganizationFactory(name="Chi bộ Phòng Tổ chức", kind=Organization.Kind.CELL),
        since=date(2015, 5, 19),
        status=Membership.Status.FULL,
    )


@pytest.fixture
def new_cell(db):
    return OrganizationFactory(name="Chi bộ Văn phòng", kind=Organization.Kind.CELL)


def test_transfer_closes_the_old_membership_the_day_before(membership, new_cell):
    transfer_membership(membership=membership, to=new_cell, on=date(2021, 3, 1))
    membership.refresh_from_db()
    assert (membership.until, membership.end_reason) == (date(2021, 2, 28), Membership.EndReason.TRANSFERRED)


def test_transfer_opens_a_membership_in_the_new_unit(membership, new_cell):
    new = transfer_membership(membership=membership, to=new_cell, on=date(2021, 3, 1))
    new.refresh_from_db()
    assert (new.person, new.organization, new.since, new.until, new.status) == (
        membership.person,
        new_cell,
        date(2021, 3, 1),
        None,
        Membership.Status.FULL,
    )


def test_transfer_keeps_the_membership_history(membership, new_cell):
    transfer_membership(membership=membership, to=new_cell, on=date(2021, 3, 1))
    history = Membership.objects.filter(person=membership.person).order_by("since")
    assert [m.organization.name for m in history] == ["Chi bộ Phòng Tổ chức", "Chi bộ Văn phòng"]


def test_transfer_of_a_closed_membership_is_refused(membership, new_cell):
    membership.until = date(2020, 12, 31)
    membership.save()
    with pytest.raises(ValidationError):
        transfer_membership(membership=membership, to=new_cell, on=date(2021, 3, 1))


def test_transfer_to_the_same_unit_is_refused(membership):
    with pytest.raises(ValidationError):
        transfer_membership(membership=membership, to=membership.organization, on=date(2021, 3, 1))


def test_transfer_to_a_mass_organization_is_refused_and_changes_nothing(membership):
    union = OrganizationFactory(kind=Organization.Kind.YOUTH_UNION)
    with pytest.raises(ValidationError):
        transfer_membership(membership=membership, to=union, on=date(2021, 3, 1))
    membership.refresh_from_db()
    assert membership.until is None
    assert Membership.objects.filter(person=membership.person).count() == 1


def test_transfer_before_the_membership_started_is_refused(membership, new_cell):
    with pytest.raises(ValidationError):
        transfer_membership(membership=membership, to=new_cell, on=date(2015, 5, 19))


def test_renamed_unit_is_still_found_by_its_old_names(bloc):
    bloc.short_name = "Khối CQ tỉnh"
    bloc.aliases = "Đảng ủy Khối các cơ quan tỉnh"
    bloc.save()
    successor = rename_organization(unit=bloc, name="Đảng bộ Khối mới", on=date(2020, 1, 1))
    assert fresh(successor).alias_list() == [
        "Đảng ủy Khối các cơ quan tỉnh",
        "Đảng bộ Khối các cơ quan tỉnh",
        "Khối CQ tỉnh",
    ]
