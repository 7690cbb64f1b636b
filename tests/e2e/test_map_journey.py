"""Browser journey: a visitor opens the map of provinces, reads a province's counts on hover,
switches the map to events without a reload, and clicks Hà Nội to land on its initiatives."""

import io

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from tests.e2e.accessibility import serious_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_network(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo", stdout=io.StringIO())


def test_a_visitor_clicks_a_province_on_the_map_and_lands_on_its_initiatives(
    live_server, page: Page, demo_network
):
    base = live_server.url
    page.goto(f"{base}/en/")
    page.get_by_role("link", name="Map", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Map of provinces")
    row = page.locator("tr", has=page.get_by_role("rowheader", name="Hanoi"))
    counted = row.locator("td").first.inner_text()
    assert int(counted) > 0

    hanoi = page.locator('a.map-province[data-code="ha-noi"]')
    hanoi.hover()
    expect(page.locator("[data-map-info]")).to_contain_text(f"Hanoi — Initiatives: {counted}")
    expect(page.get_by_text("Hoàng Sa Archipelago", exact=True)).to_be_visible()
    expect(page.get_by_text("Trường Sa Archipelago", exact=True)).to_be_visible()

    # The layer switch changes the shading and where the provinces lead, without leaving the page.
    page.locator(".map-layers").get_by_role("link", name="Events").click()
    assert page.url.endswith("/en/map/?layer=events")
    assert hanoi.get_attribute("href") == "/en/events/?province=ha-noi"
    expect(page.locator('[data-legend="events"]')).to_be_visible()
    expect(page.locator('[data-legend="initiatives"]')).to_be_hidden()

    page.locator(".map-layers").get_by_role("link", name="Initiatives").click()
    hanoi.click()
    page.wait_for_url("**/en/initiatives/?province=ha-noi")
    expect(page.get_by_label("Province", exact=True)).to_have_value("ha-noi")
    expect(page.locator("#results-heading")).to_have_text(f"{counted} initiatives")


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("address", ["/en/map/?layer=members", "/vi/initiatives/"])
def test_the_map_pages_have_no_serious_accessibility_violations(
    live_server, page: Page, demo_network, width, address
):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}{address}")
    expect(page.locator("svg.map-svg")).to_be_visible()
    assert serious_violations(page) == []
