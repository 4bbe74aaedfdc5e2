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
