from django.contrib.auth import get_user_model
from django.core.management import call_command

from newsroom.roles import APPROVER, EDITOR
from organizations.models import Organization
from tests.factories import OrganizationFactory


def test_ensure_admin_creates_the_admin_once_and_prints_the_login(db, settings, tmp_path, capsys):
    settings.BASE_DIR = tmp_path
    call_command("ensure_admin")
    first = capsys.readouterr().out
    call_command("ensure_admin")
    again = capsys.readouterr().out
    password = (tmp_path / ".admin-password").read_text().strip()
    assert f"admin / {password}" in first and f"admin / {password}" in again
    assert get_user_model().objects.get(username="admin").check_password(password)


def test_ensure_admin_adds_an_editor_and_an_approver_for_the_demo(db, settings, tmp_path, capsys):
    settings.BASE_DIR = tmp_path
    unit = OrganizationFactory(kind=Organization.Kind.GRASSROOTS)
    call_command("ensure_admin", "--demo-roles")
    users = get_user_model().objects
    assert [g.name for g in users.get(username="phongvien").groups.all()] == [EDITOR]
    assert [g.name for g in users.get(username="duyetbai").groups.all()] == [APPROVER]
    assert users.get(username="duyetbai").unit_assignments.get().organization == unit
    assert "duyetbai" in capsys.readouterr().out


DEMO_LOGINS = {"admin": ".admin-password", "phongvien": ".phongvien-password", "duyetbai": ".duyetbai-password"}


def kept_passwords(folder):
    return {name: (folder / file).read_text().strip() for name, file in DEMO_LOGINS.items()}


def signs_in(client, username, password):
    response = client.post("/admin/login/", {"username": username, "password": password, "next": "/admin/"})
    client.logout()
    return response.status_code == 302


def test_demo_reporter_and_approver_get_their_own_passwords(db, settings, tmp_path, capsys, client):
    settings.BASE_DIR = tmp_path
    OrganizationFactory(kind=Organization.Kind.GRASSROOTS)
    call_command("ensure_admin", "--demo-roles")
    printed = capsys.readouterr().out
    passwords = kept_passwords(tmp_path)
    assert len(set(passwords.values())) == 3
    for name, password in passwords.items():
        assert f"{name} / {password}" in printed
        assert signs_in(client, name, password), name
    assert {oct((tmp_path / file).stat().st_mode & 0o777) for file in DEMO_LOGINS.values()} == {"0o600"}


def test_running_ensure_admin_again_prints_the_same_demo_logins(db, settings, tmp_path, capsys):
    settings.BASE_DIR = tmp_path
    OrganizationFactory(kind=Organization.Kind.GRASSROOTS)
    call_command("ensure_admin", "--demo-roles")
    first = kept_passwords(tmp_path)
    capsys.readouterr()
    call_command("ensure_admin", "--demo-roles")
    again = capsys.readouterr().out
    assert kept_passwords(tmp_path) == first
    assert all(f"{name} / {password}" in again for name, password in first.items())


def test_a_demo_account_left_with_the_admins_password_gets_its_own(db, settings, tmp_path, capsys, client):
    settings.BASE_DIR = tmp_path
    OrganizationFactory(kind=Organization.Kind.GRASSROOTS)
    call_command("ensure_admin", "--demo-roles")
    admin_password = (tmp_path / ".admin-password").read_text().strip()
    reporter = get_user_model().objects.get(username="phongvien")
    reporter.set_password(admin_password)  # as the command used to leave it
    reporter.save()
    (tmp_path / ".phongvien-password").unlink()
    call_command("ensure_admin", "--demo-roles")
    password = (tmp_path / ".phongvien-password").read_text().strip()
    assert password != admin_password
    assert signs_in(client, "phongvien", password)
    assert not signs_in(client, "phongvien", admin_password)
