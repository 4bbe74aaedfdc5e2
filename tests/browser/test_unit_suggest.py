"""The unit box of the public filters in Chromium: typed without diacritics, picked with the keyboard, sent."""

from urllib.parse import parse_qs, urlsplit

from tests.browser.conftest import SHOTS
from tests.factories import ArticleFactory, OrganizationFactory


def test_a_reader_finds_a_party_cell_by_typing_and_filters_by_it(open_page, live_server, transactional_db):
    province = OrganizationFactory(name="Đảng bộ tỉnh Thanh Sơn", kind="provincial")
    district = OrganizationFactory(parent=province, name="Đảng bộ huyện Châu Sơn", kind="upper")
    commune = OrganizationFactory(parent=district, name="Đảng bộ xã Đông Hòa")
    cell = OrganizationFactory(parent=commune, name="Chi bộ thôn Đồng Tâm", kind="cell")
    ArticleFactory(unit=cell, title="Chi bộ thôn Đồng Tâm sinh hoạt chuyên đề")
    ArticleFactory(unit=district, title="Huyện ủy Châu Sơn họp phiên thường kỳ")

    page, log = open_page()
    page.goto("/tin-tuc/")
    box = page.locator("#id_unit")
    assert box.get_attribute("role") == "combobox"
    assert page.locator("select[name=unit]").is_hidden()
    assert page.get_by_label("Đơn vị").evaluate("e => e === document.getElementById('id_unit')")

    box.fill("dong tam")
    option = page.get_by_role("option", name="Chi bộ thôn Đồng Tâm")
    option.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert "Đảng bộ xã Đông Hòa" in option.inner_text()  # where it is, for two cells of the same name
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "unit-suggest-open.png"))
    box.press("ArrowDown")
    assert option.get_attribute("aria-selected") == "true"
    box.press("Enter")
    assert box.input_value() == "Chi bộ thôn Đồng Tâm"
    assert page.get_by_role("listbox").is_hidden()

    page.get_by_role("button", name="Lọc").click()
    page.wait_for_load_state()
    assert parse_qs(urlsplit(page.url).query)["unit"] == [cell.slug]
    text = page.locator("main").inner_text()
    assert "Chi bộ thôn Đồng Tâm sinh hoạt chuyên đề" in text
    assert "Huyện ủy Châu Sơn họp phiên thường kỳ" not in text
    assert page.locator("#id_unit").input_value() == "Chi bộ thôn Đồng Tâm"  # the choice is shown again
    page.screenshot(path=str(SHOTS / "unit-suggest-filtered.png"))

    page.locator("#id_unit").fill("")  # emptied: every unit again
    page.get_by_role("button", name="Lọc").click()
    page.wait_for_load_state()
    assert "Huyện ủy Châu Sơn họp phiên thường kỳ" in page.locator("main").inner_text()
    assert not log.failed and not log.errors and not log.foreign()
