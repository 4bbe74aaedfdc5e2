from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from newsroom.periods import Period, PeriodKind
from organizations.models import Meeting, Membership, Organization, Person, Position, Term
from tests.factories import (
    ArticleFactory,
    MeetingFactory,
    MeetingParticipantFactory,
    MembershipFactory,
    OrganizationFactory,
    PersonFactory,
    PositionFactory,
    StaffAssignmentFactory,
    TermFactory,
    UserFactory,
)


@pytest.fixture
def tree(db):
    """Tỉnh ủy > (Khối A > (Sở 1 > Chi bộ 1), Sở 2), Khối B."""
    province = OrganizationFactory(name="Tỉnh ủy", kind=Organization.Kind.PROVINCIAL)
    bloc_a = OrganizationFactory(name="Đảng bộ Khối A", kind=Organization.Kind.UPPER, parent=province)
    dept_1 = OrganizationFactory(name="Đảng bộ Sở 1", parent=bloc_a)
    cell_1 = OrganizationFactory(name="Chi bộ 1", kind=Organization.Kind.CELL, parent=dept_1)
    dept_2 = OrganizationFactory(name="Đảng bộ Sở 2", parent=bloc_a)
    bloc_b = OrganizationFactory(name="Đảng bộ Khối B", kind=Organization.Kind.UPPER, parent=province)
    for unit in (province, bloc_a, dept_1):
        unit.refresh_from_db()
    return {
        "province": province,
        "bloc_a": bloc_a,
        "dept_1": dept_1,
        "cell_1": cell_1,
        "dept_2": dept_2,
        "bloc_b": bloc_b,
    }


def names(units):
    return [unit.name for unit in units]


# --- The tree ---


def test_descendants_come_from_one_query_in_tree_order(tree, django_assert_num_queries):
    with django_assert_num_queries(1):
        found = list(tree["bloc_a"].get_descendants())
    assert names(found) == ["Đảng bộ Sở 1", "Chi bộ 1", "Đảng bộ Sở 2"]


def test_descendants_including_self_come_from_one_query_in_tree_order(tree, django_assert_num_queries):
    with django_assert_num_queries(1):
        found = list(tree["bloc_a"].get_descendants(include_self=True))
    assert names(found) == ["Đảng bộ Khối A", "Đảng bộ Sở 1", "Chi bộ 1", "Đảng bộ Sở 2"]


def test_descendants_are_ordered_by_path(tree):
    found = list(tree["province"].get_descendants())
    assert [unit.path for unit in found] == sorted(unit.path for unit in found)


def test_descendants_of_a_unit_loaded_before_its_sub_units_were_added(db):
    unit = OrganizationFactory()
    loaded_earlier = Organization.objects.get(pk=unit.pk)
    OrganizationFactory(name="Chi bộ mới", parent=unit)
    assert names(loaded_earlier.get_descendants()) == ["Chi bộ mới"]


def test_unit_without_sub_units_has_no_descendants(tree):
    assert list(tree["cell_1"].get_descendants()) == []


def test_meetings_in_unit_include_those_of_sub_units(tree):
    MeetingFactory(title="Khối A họp", host=tree["bloc_a"])
    MeetingFactory(title="Chi bộ 1 họp", host=tree["cell_1"])
    assert sorted(m.title for m in Meeting.objects.in_unit(tree["bloc_a"])) == ["Chi bộ 1 họp", "Khối A họp"]


def test_meetings_in_unit_exclude_those_of_siblings_and_parents(tree):
    MeetingFactory(title="Sở 2 họp", host=tree["dept_2"])
    MeetingFactory(title="Tỉnh ủy họp", host=tree["province"])
    assert list(Meeting.objects.in_unit(tree["dept_1"])) == []


def test_current_excludes_dissolved_units(db):
    OrganizationFactory(name="Đang hoạt động", valid_from=date(2010, 1, 1))
    OrganizationFactory(name="Đã giải thể", valid_from=date(2010, 1, 1), valid_to=date(2020, 12, 31))
    assert names(Organization.objects.current(on=date(2021, 6, 1))) == ["Đang hoạt động"]


def test_current_includes_a_unit_on_its_last_day(db):
    OrganizationFactory(name="Đã giải thể", valid_to=date(2020, 12, 31))
    assert names(Organization.objects.current(on=date(2020, 12, 31))) == ["Đã giải thể"]


def test_current_excludes_units_not_yet_founded(db):
    OrganizationFactory(name="Thành lập năm 2025", valid_from=date(2025, 7, 1))
    assert list(Organization.objects.current(on=date(2025, 6, 30))) == []


# --- Who may edit which units ---


def test_assigned_user_can_edit_the_unit_and_its_sub_units(tree):
    assignment = StaffAssignmentFactory(organization=tree["dept_1"])
    assert names(Organization.objects.editable_by(assignment.user)) == ["Đảng bộ Sở 1", "Chi bộ 1"]


def test_assigned_user_cannot_edit_siblings_or_parents(tree):
    assignment = StaffAssignmentFactory(organization=tree["dept_1"])
    editable = Organization.objects.editable_by(assignment.user)
    for other in ("dept_2", "bloc_a", "province", "bloc_b"):
        assert tree[other] not in editable


def test_user_assigned_to_two_units_can_edit_both_branches(tree):
    user = UserFactory()
    StaffAssignmentFactory(user=user, organization=tree["dept_2"])
    StaffAssignmentFactory(user=user, organization=tree["cell_1"])
    assert names(Organization.objects.editable_by(user)) == ["Chi bộ 1", "Đảng bộ Sở 2"]


def test_superuser_can_edit_every_unit(tree):
    assert Organization.objects.editable_by(UserFactory(is_superuser=True)).count() == 6


def test_unassigned_user_can_edit_no_unit(tree):
    assert list(Organization.objects.editable_by(UserFactory())) == []


def test_anonymous_visitor_can_edit_no_unit(tree):
    assert list(Organization.objects.editable_by(AnonymousUser())) == []


# --- Succession ---


def test_current_successor_follows_the_whole_chain(db):
    c = OrganizationFactory(name="C")
    b = OrganizationFactory(name="B", succeeded_by=c)
    a = OrganizationFactory(name="A", succeeded_by=b)
    assert a.current_successor() == c


def test_unit_without_successor_is_its_own_current_successor(db):
    unit = OrganizationFactory()
    assert unit.current_successor() == unit


def test_lineage_includes_every_predecessor(db):
    c = OrganizationFactory(name="C")
    b = OrganizationFactory(name="B", succeeded_by=c)
    OrganizationFactory(name="A", succeeded_by=b)
    OrganizationFactory(name="Không liên quan")
    assert sorted(names(c.lineage())) == ["A", "B", "C"]


def test_lineage_includes_every_unit_merged_in(db):
    into = OrganizationFactory(name="Khối mới")
    OrganizationFactory(name="Khối cũ 1", succeeded_by=into)
    OrganizationFactory(name="Khối cũ 2", succeeded_by=into)
    assert sorted(names(into.lineage())) == ["Khối cũ 1", "Khối cũ 2", "Khối mới"]


def test_full_clean_refuses_a_unit_succeeding_itself(db):
    unit = OrganizationFactory()
    unit.succeeded_by = unit
    with pytest.raises(ValidationError) as error:
        unit.full_clean()
    assert error.value.message_dict[NON_FIELD_ERRORS] == ["Một đơn vị không thể kế thừa chính nó."]


def test_database_refuses_a_unit_succeeding_itself(db):
    unit = OrganizationFactory()
    unit.succeeded_by = unit
    with pytest.raises(IntegrityError), transaction.atomic():
        unit.save()


def test_dissolve_refuses_the_unit_as_its_own_successor(db):
    unit = OrganizationFactory()
    with pytest.raises(ValidationError):
        unit.dissolve(on=date(2025, 6, 30), successor=unit)


def test_dissolve_sets_end_date_and_successor(db):
    unit, successor = OrganizationFactory(), OrganizationFactory()
    unit.dissolve(on=date(2025, 6, 30), successor=successor)
    unit.refresh_from_db()
    assert (unit.valid_to, unit.succeeded_by) == (date(2025, 6, 30), successor)


def test_full_clean_refuses_a_unit_ending_before_it_starts(db):
    unit = OrganizationFactory(valid_from=date(2020, 1, 1))
    unit.valid_to = date(2019, 12, 31)
    with pytest.raises(ValidationError) as error:
        unit.full_clean()
    assert error.value.message_dict[NON_FIELD_ERRORS] == ["Ngày kết thúc phải sau ngày thành lập."]


def test_deleting_a_unit_with_an_article_is_refused(tree):
    ArticleFactory(unit=tree["dept_2"])
    with pytest.raises(ProtectedError):
        tree["dept_2"].delete()


def test_refused_delete_of_a_unit_deletes_nothing(tree):
    ArticleFactory(unit=tree["cell_1"])
    with pytest.raises(ProtectedError):
        tree["dept_1"].delete()
    assert Organization.objects.count() == 6
    assert Organization.objects.get(pk=tree["bloc_a"].pk).numchild == 2


def test_unit_slug_is_made_from_its_vietnamese_name(db):
    assert (
        OrganizationFactory(name="Đảng bộ Sở Tài nguyên và Môi trường").slug == "dang-bo-so-tai-nguyen-va-moi-truong"
    )


def test_two_units_with_the_same_name_get_different_slugs(db):
    first, second = OrganizationFactory(name="Chi bộ Văn phòng"), OrganizationFactory(name="Chi bộ Văn phòng")
    assert (first.slug, second.slug) == ("chi-bo-van-phong", "chi-bo-van-phong-2")


# --- Terms ---


def test_term_contains_days_between_its_congress_dates(db):
    term = TermFactory(starts_on=date(2020, 7, 15), ends_on=date(2025, 7, 10))
    assert term.contains(date(2020, 7, 15))
    assert term.contains(date(2025, 7, 10))


def test_term_does_not_contain_days_outside_its_congress_dates(db):
    term = TermFactory(starts_on=date(2020, 7, 15), ends_on=date(2025, 7, 10))
    assert not term.contains(date(2020, 7, 14))
    assert not term.contains(date(2025, 7, 11))


def test_term_without_congress_dates_spans_its_years(db):
    term = TermFactory(start_year=2015, end_year=2020, starts_on=None, ends_on=None)
    assert term.contains(date(2015, 1, 1))
    assert term.contains(date(2020, 12, 31))
    assert not term.contains(date(2021, 1, 1))


def test_term_is_labelled_by_its_years(db):
    assert TermFactory(start_year=2020, end_year=2025).label == "Nhiệm kỳ 2020 - 2025"


def test_term_is_named_with_its_organization_so_pickers_can_tell_terms_apart(db):
    term = TermFactory(start_year=2020, end_year=2025, organization__name="Đảng bộ Sở Tư pháp")
    assert str(term) == "Nhiệm kỳ 2020 - 2025 (Đảng bộ Sở Tư pháp)"


def test_term_period_is_the_whole_term(db):
    assert TermFactory(start_year=2020, end_year=2025).period == Period.term(2020, 2025)


def test_full_clean_refuses_a_term_ending_before_its_start_year_on_the_end_year(db):
    term = TermFactory.build(organization=OrganizationFactory(), start_year=2025, end_year=2020)
    with pytest.raises(ValidationError) as error:
        term.full_clean()
    assert "Năm kết thúc phải sau năm bắt đầu." in error.value.message_dict["end_year"]


def test_full_clean_refuses_an_implausible_year(db):
    term = TermFactory.build(organization=OrganizationFactory(), start_year=2025, end_year=20300)
    with pytest.raises(ValidationError) as error:
        term.full_clean()
    assert "end_year" in error.value.message_dict


def test_full_clean_refuses_a_term_ending_before_its_congress(db):
    term = TermFactory.build(organization=OrganizationFactory(), starts_on=date(2020, 7, 15), ends_on=date(2020, 7, 1))
    with pytest.raises(ValidationError) as error:
        term.full_clean()
    assert error.value.message_dict[NON_FIELD_ERRORS] == ["Ngày kết thúc phải sau ngày Đại hội."]


# --- People and positions ---


@pytest.fixture
def director(db):
    """Seed 000: "Tỉnh uỷ viên, Bí thư Đảng bộ, Giám đốc Sở TN&MT", entered in no particular order."""
    person = PersonFactory(full_name="Hoàng Thanh Oai")
    province = OrganizationFactory(name="Tỉnh ủy", kind=Organization.Kind.PROVINCIAL)
    department = OrganizationFactory(name="Đảng bộ Sở Tài nguyên và Môi trường", parent=province)
    PositionFactory(
        person=person, organization=department, title="Giám đốc Sở", kind=Position.Kind.GOVERNMENT, rank=30
    )
    PositionFactory(person=person, organization=province, title="Tỉnh ủy viên", rank=10)
    PositionFactory(person=person, organization=department, title="Bí thư Đảng ủy", rank=20)
    return person


def test_titles_on_a_day_come_in_rank_order(director):
    assert director.titles_on(date(2023, 5, 17)) == ["Tỉnh ủy viên", "Bí thư Đảng ủy", "Giám đốc Sở"]


def test_title_line_joins_concurrent_titles_with_commas(director):
    assert director.title_line(date(2023, 5, 17)) == "Tỉnh ủy viên, Bí thư Đảng ủy, Giám đốc Sở"


def test_title_line_can_join_with_dashes(director):
    assert director.title_line(date(2023, 5, 17), sep=" - ") == "Tỉnh ủy viên - Bí thư Đảng ủy - Giám đốc Sở"


def test_title_is_printed_on_the_last_day_of_the_position(db):
    position = PositionFactory(title="Phó Giám đốc Sở", starts_on=date(2018, 1, 1), ends_on=date(2021, 3, 31))
    assert position.person.titles_on(date(2021, 3, 31)) == ["Phó Giám đốc Sở"]


def test_title_is_not_printed_after_the_position_ended(db):
    position = PositionFactory(title="Phó Giám đốc Sở", starts_on=date(2018, 1, 1), ends_on=date(2021, 3, 31))
    assert position.person.titles_on(date(2021, 4, 1)) == []


def test_title_is_not_printed_before_the_position_started(db):
    position = PositionFactory(title="Giám đốc Sở", starts_on=date(2021, 4, 1))
    assert position.person.titles_on(date(2021, 3, 31)) == []


def test_position_without_dates_is_held_during_its_term(db):
    term = TermFactory(starts_on=date(2015, 7, 1), ends_on=date(2020, 7, 10))
    position = PositionFactory(organization=term.organization, term=term, starts_on=None, title="Phó Bí thư")
    assert position.person.titles_on(date(2018, 1, 1)) == ["Phó Bí thư"]


def test_position_without_dates_is_not_held_before_its_term(db):
    term = TermFactory(starts_on=date(2015, 7, 1), ends_on=date(2020, 7, 10))
    position = PositionFactory(organization=term.organization, term=term, starts_on=None)
    assert position.person.titles_on(date(2015, 6, 30)) == []


def test_position_without_dates_is_not_held_after_its_term(db):
    term = TermFactory(starts_on=date(2015, 7, 1), ends_on=date(2020, 7, 10))
    position = PositionFactory(organization=term.organization, term=term, starts_on=None)
    assert position.person.titles_on(date(2020, 7, 11)) == []


def test_position_in_a_term_without_congress_dates_is_held_during_the_term_years(db):
    term = TermFactory(start_year=2015, end_year=2020, starts_on=None, ends_on=None)
    position = PositionFactory(organization=term.organization, term=term, starts_on=None, title="Phó Bí thư")
    assert position.person.titles_on(date(2017, 3, 1)) == ["Phó Bí thư"]


def test_position_in_a_term_without_congress_dates_ends_with_the_term_years(db):
    term = TermFactory(start_year=2015, end_year=2020, starts_on=None, ends_on=None)
    position = PositionFactory(organization=term.organization, term=term, starts_on=None)
    assert position.person.titles_on(date(2021, 1, 1)) == []


def test_position_own_dates_win_over_its_term(db):
    term = TermFactory(starts_on=date(2020, 7, 15), ends_on=None)
    position = PositionFactory(organization=term.organization, term=term, starts_on=date(2022, 3, 1))
    assert position.person.titles_on(date(2021, 1, 1)) == []


def test_position_cannot_use_a_term_of_another_organization(db):
    position = PositionFactory.build(person=PersonFactory(), organization=OrganizationFactory(), term=TermFactory())
    with pytest.raises(ValidationError) as error:
        position.full_clean()
    assert error.value.message_dict["term"] == ["Nhiệm kỳ này thuộc một tổ chức khác."]


def test_position_may_use_a_term_of_its_own_organization(db):
    term = TermFactory()
    PositionFactory.build(person=PersonFactory(), organization=term.organization, term=term).full_clean()


def test_full_clean_refuses_a_position_ending_before_it_starts(db):
    position = PositionFactory.build(
        person=PersonFactory(),
        organization=OrganizationFactory(),
        starts_on=date(2021, 1, 1),
        ends_on=date(2020, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        position.full_clean()
    assert error.value.message_dict[NON_FIELD_ERRORS] == ["Ngày kết thúc phải sau ngày bắt đầu."]


def test_public_people_are_those_holding_a_public_office(db):
    PositionFactory(person__full_name="Lê Văn Công", is_public=True)
    PositionFactory(person__full_name="Trần Thị Riêng", is_public=False)
    assert [p.full_name for p in Person.objects.public()] == ["Lê Văn Công"]


def test_participant_title_is_filled_from_titles_on_the_meeting_day(director):
    participant = MeetingParticipantFactory(person=director, meeting=MeetingFactory(held_on=date(2023, 5, 17)))
    participant.refresh_from_db()
    assert participant.title_then == "Tỉnh ủy viên, Bí thư Đảng ủy, Giám đốc Sở"


def test_participant_title_leaves_out_positions_not_held_on_the_meeting_day(db):
    person = PersonFactory()
    PositionFactory(person=person, title="Phó Bí thư", starts_on=date(2015, 1, 1), ends_on=date(2020, 6, 30), rank=1)
    PositionFactory(person=person, title="Bí thư", starts_on=date(2020, 7, 1), rank=2)
    participant = MeetingParticipantFactory(person=person, meeting=MeetingFactory(held_on=date(2021, 6, 18)))
    assert participant.title_then == "Bí thư"


def test_participant_title_typed_by_the_editor_is_kept(director):
    participant = MeetingParticipantFactory(
        person=director, meeting=MeetingFactory(held_on=date(2023, 5, 17)), title_then="Bí thư Đảng bộ Sở"
    )
    assert participant.title_then == "Bí thư Đảng bộ Sở"


# --- Party membership ---


def test_second_open_membership_is_refused_by_full_clean(db):
    first = MembershipFactory()
    second = Membership(person=first.person, organization=first.organization, since=date(2020, 1, 1))
    with pytest.raises(ValidationError) as error:
        second.full_clean()
    assert error.value.messages == ["Đảng viên này đang sinh hoạt ở một đơn vị khác; hãy chuyển sinh hoạt."]


def test_second_open_membership_is_refused_by_the_database(db):
    first = MembershipFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(person=first.person, organization=first.organization, since=date(2020, 1, 1))


def test_new_membership_is_allowed_once_the_old_one_is_closed(db):
    first = MembershipFactory(until=date(2019, 12, 31))
    Membership(person=first.person, organization=first.organization, since=date(2020, 1, 1)).full_clean()


def test_membership_in_a_mass_organization_is_refused(db):
    union = OrganizationFactory(kind=Organization.Kind.TRADE_UNION)
    membership = Membership(person=PersonFactory(), organization=union, since=date(2020, 1, 1))
    with pytest.raises(ValidationError) as error:
        membership.full_clean()
    assert error.value.message_dict["organization"] == ["Đảng viên chỉ sinh hoạt tại một tổ chức Đảng."]


def test_full_clean_refuses_a_membership_ending_before_it_starts(db):
    membership = MembershipFactory.build(
        person=PersonFactory(),
        organization=OrganizationFactory(kind=Organization.Kind.CELL),
        since=date(2020, 1, 1),
        until=date(2019, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        membership.full_clean()
    assert error.value.message_dict[NON_FIELD_ERRORS] == ["Ngày kết thúc phải sau ngày bắt đầu."]


def test_active_memberships_leave_out_closed_ones(db):
    MembershipFactory(person__full_name="Đang sinh hoạt")
    MembershipFactory(person__full_name="Đã chuyển đi", until=date(2020, 12, 31))
    assert [m.person.full_name for m in Membership.objects.active(on=date(2021, 1, 1))] == ["Đang sinh hoạt"]


# --- Reporting periods ---


def test_meeting_period_phrase_becomes_a_code_after_full_clean(db):
    meeting = MeetingFactory.build(host=OrganizationFactory(), period_code="6 tháng đầu năm 2021")
    meeting.full_clean()
    assert meeting.period_code == "2021-H1"


def test_meeting_period_code_in_lower_case_is_normalized(db):
    meeting = MeetingFactory.build(host=OrganizationFactory(), period_code="2021-q3")
    meeting.full_clean()
    assert meeting.period_code == "2021-Q3"


def test_meeting_period_kind_and_dates_are_filled_on_save(db):
    meeting = MeetingFactory(period_code="6 tháng đầu năm 2021")
    meeting.refresh_from_db()
    assert (meeting.period_code, meeting.period_kind, meeting.period_start, meeting.period_end) == (
        "2021-H1",
        PeriodKind.HALF,
        date(2021, 1, 1),
        date(2021, 6, 30),
    )


def test_meeting_without_period_has_no_period_dates(db):
    meeting = MeetingFactory(period_code="")
    meeting.refresh_from_db()
    assert (meeting.period, meeting.period_kind, meeting.period_start, meeting.period_end) == (None, "", None, None)


def test_meeting_period_can_be_changed(db):
    meeting = MeetingFactory(period_code="2021-H1")
    meeting.period = Period.year(2022)
    meeting.save()
    meeting.refresh_from_db()
    assert (meeting.period_kind, meeting.period_start, meeting.period_end) == (
        PeriodKind.YEAR,
        date(2022, 1, 1),
        date(2022, 12, 31),
    )


def test_meeting_garbage_period_is_refused_in_vietnamese(db):
    meeting = MeetingFactory.build(host=OrganizationFactory(), period_code="hôm qua")
    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert error.value.message_dict["period_code"] == ["Không hiểu kỳ báo cáo “hôm qua”."]


def test_meetings_in_period_include_those_of_shorter_periods_inside_it(db):
    MeetingFactory(title="6 tháng", period_code="2021-H1")
    MeetingFactory(title="quý III", period_code="2021-Q3")
    MeetingFactory(title="năm 2022", period_code="2022")
    assert sorted(m.title for m in Meeting.objects.in_period(Period.parse("2021"))) == ["6 tháng", "quý III"]


def test_meeting_task_list_skips_blank_lines(db):
    meeting = MeetingFactory(tasks="(1) Học tập Nghị quyết\n\n  (2) Kết nạp đảng viên  \n")
    assert meeting.task_list() == ["(1) Học tập Nghị quyết", "(2) Kết nạp đảng viên"]


def test_term_is_protected_while_positions_use_it(db):
    term = TermFactory()
    PositionFactory(organization=term.organization, term=term)
    with pytest.raises(ProtectedError):
        term.delete()
    assert Term.objects.filter(pk=term.pk).exists()


def test_titles_leave_out_positions_that_are_not_public(db):
    person = PersonFactory()
    PositionFactory(person=person, title="Bí thư Đảng ủy", rank=1)
    PositionFactory(person=person, title="Tổ trưởng tổ đảng", rank=2, is_public=False)
    assert person.titles_on(date(2021, 6, 18)) == ["Bí thư Đảng ủy"]


def test_meeting_refuses_a_term_of_another_unit(db):
    meeting = MeetingFactory.build(host=OrganizationFactory(), term=TermFactory())
    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert "thuộc một tổ chức khác" in error.value.message_dict["term"][0]


def test_meeting_refuses_a_day_when_its_host_no_longer_existed(db):
    host = OrganizationFactory(valid_from=date(2015, 1, 1), valid_to=date(2025, 2, 28))
    meeting = MeetingFactory.build(host=host, held_on=date(2025, 7, 15))
    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert "không hoạt động" in error.value.message_dict["held_on"][0]
