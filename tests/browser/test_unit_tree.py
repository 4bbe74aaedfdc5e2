"""The unit tree at 1366 px as a person sees it: a site administrator's tree opens at his own unit, its units shown
and nothing outside it; a superuser's opens one level under the province. Names stay on one line, each level
indented under the one above. Screenshots: SHOTS/unit-tree/."""

import re

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from newsroom.roles import EDITOR, SITE_ADMIN, sync_roles
from organizations.models import Organization
from tests.conftest import totp_code
from tests.factories import OrganizationFactory, StaffAssignmentFactory, TOTPDeviceFactory, UserFactory

from .conftest import DESKTOP, SHOTS
from .test_editorial_flow import PASSWORD

K = Organization.Kind
OURS = "Đảng bộ Sở Tài nguyên và Môi trường tỉnh Bến Tre"
CELLS = [
    "Chi bộ Văn phòng Sở Tài nguyên và Môi trường",
    "Chi bộ Trung tâm Công nghệ thông tin tài nguyên và môi trường",
    "Chi bộ Văn phòng Đăng ký đất đai",
]


@pytest.fixture
def province(live_server):
    sync_roles(apps)  # the roles come from a data migration: a live-server test before this one flushed them
    province = OrganizationFactory(name="Đảng bộ tỉnh Bến Tre", kind=K.PROVINCIAL)
    bloc = OrganizationFactory(name="Đảng bộ Khối các cơ quan tỉnh", kind=K.UPPER, parent=province)
    ours = OrganizationFactory(name=OURS, kind=K.GRASSROOTS, parent=bloc)
    cells = [OrganizationFactory(name=name, kind=K.CELL, parent=ours) for name in CELLS]
    OrganizationFactory(name="Tổ đảng Đo đạc bản đồ", kind=K.PARTIAL, parent=cells[2])
    theirs = OrganizationFactory(name="Đảng bộ Sở Tài chính", kind=K.GRASSROOTS, parent=bloc)
    OrganizationFactory(name="Chi bộ Văn phòng Sở Tài chính", kind=K.CELL, parent=theirs)
    return {"province": province, "bloc": bloc, "ours": ours, "cells": cells}


def signed_in(open_page, user):
    """A page at 1366 px where `user` has signed in with his password and his authenticator's code."""
    user.set_password(PASSWORD)
    user.save()
    device = TOTPDeviceFactory(user=user)
    page, log = open_page(DESKTOP)
    page.goto("/admin/login/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_label("Mã xác thực").fill(totp_code(device))
    page.get_by_role("button", name="Xác nhận").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    return page, log


def row(page, name):
    return page.locator("#result_list tbody tr").filter(has=page.get_by_role("link", name=name, exact=True))


def name_box(page, name):
    return page.locator("#result_list").get_by_role("link", name=name, exact=True).bounding_box()


def test_a_site_administrators_tree_opens_at_his_unit(open_page, province):
    admin = UserFactory(username="quantri-so", is_staff=True)
    admin.groups.add(Group.objects.get(name=SITE_ADMIN))
    StaffAssignmentFactory(user=admin, organization=province["ours"])
    page, log = signed_in(open_page, admin)
    page.goto("/admin/organizations/organization/")

    for cell in CELLS:  # his unit is open: its units show, one level in
        expect(row(page, cell)).to_be_visible()
    expect(page.locator("#result_list a.treebeard-collapse").first).to_have_class(re.compile("treebeard-expanded"))
    expect(row(page, "Tổ đảng Đo đạc bản đồ")).to_have_count(0)  # deeper levels wait for a click
    for outside in ["Đảng bộ tỉnh Bến Tre", "Đảng bộ Khối các cơ quan tỉnh", "Đảng bộ Sở Tài chính"]:
        expect(page.locator("#result_list").get_by_text(outside, exact=True)).to_have_count(0)

    top, first = name_box(page, OURS), name_box(page, CELLS[1])
    assert first["x"] >= top["x"] + 10, "a unit is indented under its parent"
    line = (
        page.locator("#result_list")
        .get_by_role("link", name=OURS, exact=True)
        .evaluate("a => parseFloat(getComputedStyle(a).lineHeight) || 20")
    )
    assert first["height"] < 1.5 * line, "the longest name stays on one line"
    expect(row(page, OURS).locator(".drag-handler:not(.drag-handler-disabled)")).to_be_visible()

    row(page, CELLS[2]).locator("a.treebeard-collapse").click()
    expect(row(page, "Tổ đảng Đo đạc bản đồ")).to_be_visible()
    assert name_box(page, "Tổ đảng Đo đạc bản đồ")["x"] > first["x"] + 10

    shots = SHOTS / "unit-tree"
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=shots / "site-admin-1366.png", full_page=True)
    assert not log.errors and not log.failed


def test_a_reporter_sees_his_units_without_drag_handles(open_page, province):
    reporter = UserFactory(username="phongvien-so", is_staff=True)
    reporter.groups.add(Group.objects.get(name=EDITOR))
    StaffAssignmentFactory(user=reporter, organization=province["ours"])
    page, log = signed_in(open_page, reporter)
    page.goto("/admin/organizations/organization/")
    expect(row(page, CELLS[0])).to_be_visible()
    expect(page.locator("#result_list .drag-handler").first).to_be_hidden()
    assert not log.errors and not log.failed


def test_a_superusers_tree_opens_one_level_under_the_province(open_page, province):
    page, log = signed_in(open_page, UserFactory(username="sieuquantri", is_staff=True, is_superuser=True))
    page.goto("/admin/organizations/organization/")
    expect(row(page, "Đảng bộ Khối các cơ quan tỉnh")).to_be_visible()
    expect(row(page, OURS)).to_have_count(0)
    page.screenshot(path=SHOTS / "unit-tree" / "superuser-1366.png", full_page=True)
    assert not log.errors and not log.failed
