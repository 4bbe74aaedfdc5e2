import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from audit.models import AuditEvent, record
from newsroom.roles import APPROVER, EDITOR, SITE_ADMIN
from organizations.models import StaffAssignment
from tests.admin_forms import form_data
from tests.conftest import sign_in
from tests.factories import OrganizationFactory, StaffAssignmentFactory, UserFactory

Action = AuditEvent.Action
PASSWORD = "mat-khau-rat-manh-2025"
LOGIN_URL = "/admin/login/"


@pytest.fixture
def reporter(db):
    user = UserFactory(username="phongvien")
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True


def log_in(client, password):
    return client.post(LOGIN_URL, {"username": "phongvien", "password": password, "next": "/admin/"})


def events(action):
    return AuditEvent.objects.filter(action=action)


def forget_setup():
    """Drop the events the test's own setup wrote (creating staff accounts, signing in)."""
    AuditEvent.objects.all().delete()


def test_successful_login_is_recorded_with_the_user_and_address(client, reporter, axes_on):
    response = log_in(client, PASSWORD)
    assert response.status_code == 302
    event = events(Action.LOGIN).get()
    assert (event.actor, event.actor_name, event.ip_address) == (reporter, "phongvien", "127.0.0.1")


def test_logout_is_recorded(client, reporter, axes_on):
    log_in(client, PASSWORD)
    client.post(reverse("admin:logout"))
    assert events(Action.LOGOUT).get().actor == reporter


def test_failed_logins_are_recorded_without_an_actor(client, reporter, axes_on):
    log_in(client, "sai-mat-khau")
    event = events(Action.LOGIN_FAILED).get()
    assert (event.actor, event.actor_name, event.ip_address) == (None, "phongvien", "127.0.0.1")


def test_a_failed_login_is_not_blamed_on_whoever_is_signed_in(client, reporter, axes_on):
    client.force_login(reporter)
    client.post(LOGIN_URL, {"username": "quantri", "password": "doan-mo"})
    event = events(Action.LOGIN_FAILED).get()
    assert (event.actor, event.actor_name) == (None, "quantri")


def test_five_failed_logins_lock_the_account_out(client, reporter, axes_on):
    for _attempt in range(4):
        assert log_in(client, "sai-mat-khau").status_code == 200  # the form again, with an error
    assert not events(Action.LOCKOUT).exists()
    response = log_in(client, "sai-mat-khau")
    assert response.status_code == 429
    assert events(Action.LOGIN_FAILED).count() == 5
    lockout = events(Action.LOCKOUT).get()
    assert (lockout.actor_name, lockout.ip_address) == ("phongvien", "127.0.0.1")


def test_locked_out_account_stays_locked_with_the_right_password_and_is_told_when_to_retry(client, reporter, axes_on):
    for _attempt in range(5):
        log_in(client, "sai-mat-khau")
    response = log_in(client, PASSWORD)
    assert response.status_code == 429
    page = response.content.decode()
    assert "Tạm khóa đăng nhập" in page
    assert "sai 5 lần liên tiếp" in page
    assert "thử lại sau <strong>1 giờ</strong>" in page
    assert "_auth_user_id" not in client.session
    assert not events(Action.LOGIN).exists()


def test_lockout_page_gives_the_configured_cool_off(client, reporter, axes_on, settings):
    settings.AXES_COOLOFF_TIME = 0.5
    for _attempt in range(5):
        response = log_in(client, "sai-mat-khau")
    assert "thử lại sau <strong>30 phút</strong>" in response.content.decode()


# --- Behind a proxy: the client's address, not the proxy's ---

PROXY = "10.0.0.2"


def log_in_through_proxy(client, password, forwarded):
    return client.post(
        LOGIN_URL,
        {"username": "phongvien", "password": password, "next": "/admin/"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


def test_a_made_up_forwarded_address_is_not_recorded_without_a_trusted_proxy(client, reporter, axes_on, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    log_in_through_proxy(client, "sai-mat-khau", "198.51.100.1")
    assert events(Action.LOGIN_FAILED).get().ip_address == PROXY


def test_behind_a_trusted_proxy_the_audit_log_records_the_clients_address(client, reporter, axes_on, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    log_in_through_proxy(client, PASSWORD, "198.51.100.1, 203.0.113.7")
    assert events(Action.LOGIN).get().ip_address == "203.0.113.7"


def test_behind_a_trusted_proxy_a_lockout_holds_one_client_only(client, reporter, axes_on, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for _attempt in range(5):
        response = log_in_through_proxy(client, "sai-mat-khau", "203.0.113.7")
    assert response.status_code == 429
    assert events(Action.LOCKOUT).get().ip_address == "203.0.113.7"
    assert log_in_through_proxy(client, PASSWORD, "203.0.113.7").status_code == 429
    assert log_in_through_proxy(client, PASSWORD, "198.51.100.4").status_code == 302


def test_without_a_trusted_proxy_made_up_addresses_do_not_escape_a_lockout(client, reporter, axes_on, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for attempt in range(5):
        log_in_through_proxy(client, "sai-mat-khau", f"198.51.100.{attempt}")
    assert log_in_through_proxy(client, PASSWORD, "198.51.100.99").status_code == 429


def test_adding_a_group_in_the_admin_records_a_permission_change_by_the_acting_admin(admin_client, admin_user):
    user = UserFactory(username="nguoiduyet")
    url = reverse("admin:auth_user_change", args=[user.pk])
    approvers = Group.objects.get(name=APPROVER)
    forget_setup()
    response = admin_client.post(url, form_data(admin_client.get(url), groups=[approvers.pk]))
    assert response.status_code == 302
    event = events(Action.PERMISSION_CHANGE).get()
    assert event.actor == admin_user
    assert event.detail == "Thêm nhóm Người duyệt cho tài khoản nguoiduyet"
    assert event.object_repr == "nguoiduyet"
    assert event.ip_address == "127.0.0.1"
    assert list(AuditEvent.objects.for_object(user)) == [event]


def test_removing_a_group_and_staff_status_in_the_admin_records_both(admin_client, admin_user):
    user = UserFactory(username="phongvien2")
    user.groups.add(Group.objects.get(name=EDITOR))
    forget_setup()
    url = reverse("admin:auth_user_change", args=[user.pk])
    admin_client.post(url, form_data(admin_client.get(url), groups=[], is_staff=None))
    details = set(events(Action.PERMISSION_CHANGE).values_list("detail", flat=True))
    assert details == {
        "Bỏ nhóm Phóng viên của tài khoản phongvien2",
        "Không cho tài khoản phongvien2 vào trang quản trị nữa",
    }
    assert set(events(Action.PERMISSION_CHANGE).values_list("actor", flat=True)) == {admin_user.pk}


def test_adding_a_unit_assignment_inline_records_an_assignment_change(admin_client, admin_user):
    user = UserFactory(username="bientap")
    unit = OrganizationFactory(name="Đảng bộ xã Tân Phú")
    url = reverse("admin:auth_user_change", args=[user.pk])
    data = form_data(admin_client.get(url), **{"unit_assignments-0-organization": unit.pk})
    assert admin_client.post(url, data).status_code == 302
    assert StaffAssignment.objects.filter(user=user, organization=unit).exists()
    event = events(Action.ASSIGNMENT_CHANGE).get()
    assert (event.actor, event.object_repr) == (admin_user, "bientap")
    assert event.detail == "Phân công tài khoản bientap cho đơn vị Đảng bộ xã Tân Phú"


def test_removing_a_unit_assignment_is_recorded(db):
    assignment = StaffAssignmentFactory(user__username="bientap", organization__name="Chi bộ Văn phòng")
    assignment.delete()
    assert (
        events(Action.ASSIGNMENT_CHANGE).first().detail == "Bỏ phân công tài khoản bientap ở đơn vị Chi bộ Văn phòng"
    )


def test_permissions_given_to_a_group_or_a_user_are_recorded(db):
    group = Group.objects.create(name="Cộng tác viên")
    user = UserFactory(username="congtacvien")
    permissions = Permission.objects.filter(codename__in=["add_article", "change_article"])
    forget_setup()
    group.permissions.add(*permissions)
    user.user_permissions.add(permissions[0])
    assert events(Action.PERMISSION_CHANGE).filter(object_repr="Cộng tác viên").get().detail == (
        "Thêm quyền articles.add_article, quyền articles.change_article cho nhóm Cộng tác viên"
    )
    assert AuditEvent.objects.for_object(user).get().detail.startswith("Thêm quyền articles.")


def test_adding_users_to_a_group_from_the_group_side_is_recorded_per_user(db):
    first, second = UserFactory(username="a1"), UserFactory(username="a2")
    forget_setup()
    Group.objects.get(name=EDITOR).user_set.add(first, second)
    assert AuditEvent.objects.for_object(first).get().detail == "Thêm nhóm Phóng viên cho tài khoản a1"
    assert AuditEvent.objects.for_object(second).get().detail == "Thêm nhóm Phóng viên cho tài khoản a2"


def test_clearing_groups_records_what_was_taken(db):
    user = UserFactory(username="a3")
    user.groups.add(Group.objects.get(name=EDITOR), Group.objects.get(name=APPROVER))
    user.groups.clear()
    assert AuditEvent.objects.for_object(user).first().detail == (
        "Bỏ nhóm Người duyệt, nhóm Phóng viên của tài khoản a3"
    )


def test_superuser_flip_is_recorded_and_a_login_is_not_a_flip(db, client):
    user = UserFactory(username="a4")
    user.is_superuser = True
    user.save()
    client.force_login(user)  # saves last_login only
    assert list(events(Action.PERMISSION_CHANGE).values_list("detail", flat=True)) == [
        "Cấp toàn quyền cho tài khoản a4",
        "Cho phép tài khoản a4 vào trang quản trị",  # UserFactory makes staff accounts
    ]


def test_record_outside_a_request_has_no_actor_or_address(db):
    event = record(Action.PERMISSION_CHANGE, detail="lệnh quản trị")
    assert (event.actor, event.actor_name, event.ip_address) == (None, "", None)


def site_admin_client(client):
    user = UserFactory(username="quantritrang")
    user.groups.add(Group.objects.get(name=SITE_ADMIN))
    sign_in(client, user)
    return client


def test_site_admin_reads_and_filters_the_log_but_cannot_change_it(client, db):
    record(Action.LOCKOUT, actor_name="ke-la", detail="Tạm khóa")
    client = site_admin_client(client)
    events(Action.LOGIN).delete()
    changelist = reverse("admin:audit_auditevent_changelist")
    page = client.get(changelist, {"action": "lockout", "q": "ke-la"})
    assert page.status_code == 200
    assert [e.actor_name for e in page.context["cl"].result_list] == ["ke-la"]
    assert client.get(changelist, {"action": "login"}).context["cl"].result_count == 0
    event = events(Action.LOCKOUT).get()
    assert client.get(reverse("admin:audit_auditevent_add")).status_code == 403
    assert client.get(reverse("admin:audit_auditevent_delete", args=[event.pk])).status_code == 403
    client.post(reverse("admin:audit_auditevent_change", args=[event.pk]), {"detail": "đã sửa"})
    event.refresh_from_db()
    assert event.detail == "Tạm khóa"


def test_superuser_cannot_delete_events_either(admin_client):
    event = record(Action.LOGIN_FAILED, actor_name="x")
    response = admin_client.post(
        reverse("admin:audit_auditevent_changelist"), {"action": "delete_selected", "_selected_action": [event.pk]}
    )
    assert response.status_code in (200, 302)
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_editors_cannot_read_the_log(client, db):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=EDITOR))
    client.force_login(user)
    assert client.get(reverse("admin:audit_auditevent_changelist")).status_code == 403
