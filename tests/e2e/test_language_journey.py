"""Browser journey: a visitor reads the home page in Vietnamese, switches to English and back."""

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_visitor_switches_between_vietnamese_and_english(live_server, page: Page, tmp_path):
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(f"{live_server.url}/vi/")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mạng lưới Hành động về Nhựa Việt Nam")
    nav = page.get_by_role("navigation", name="Điều hướng chính")
    expect(nav.get_by_role("link", name="Thành viên")).to_be_visible()
    page.screenshot(path=tmp_path / "home-vi.png", full_page=True)

    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(f"{live_server.url}/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Vietnam Plastic Action Network")
    page.get_by_role("navigation", name="Main navigation").get_by_role("link", name="Pillars").click()
    expect(page).to_have_url(f"{live_server.url}/en/pillars/")

    page.get_by_role("link", name="Tiếng Việt").click()
    expect(page).to_have_url(f"{live_server.url}/vi/pillars/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Trụ cột")

    # The choice sticks: the bare address now opens in the language chosen last.
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(f"{live_server.url}/vi/")


def test_styles_come_from_our_own_origin(live_server, page: Page):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{live_server.url}/vi/")
    background = page.locator(".site-header").evaluate("el => getComputedStyle(el).backgroundColor")
    assert background == "rgb(31, 111, 92)"
    assert requests and all(url.startswith(live_server.url) for url in requests)
