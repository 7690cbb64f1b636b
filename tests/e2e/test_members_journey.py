"""Browser journeys through the member directory and a member editor's profile page."""

import io
import re

import pytest
from django.core.management import call_command
from PIL import Image
from playwright.sync_api import Page, expect

from members.models import Organisation
from members.tests.factories import EditorRequestFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_network(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo", stdout=io.StringIO())


def test_visitor_filters_the_directory_opens_an_organisation_and_switches_to_english(
    live_server, page: Page, demo_network, tmp_path
):
    page.goto(f"{live_server.url}/vi/members/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Danh bạ thành viên")
    page.get_by_label("Loại hình").select_option("research")
    page.get_by_label("Tìm kiếm").fill("chien luoc chinh sach")
    page.get_by_role("button", name="Lọc").click()

    results = page.locator(".org-list .org-item")
    expect(results).to_have_count(1)
    expect(page.get_by_role("status")).to_contain_text("1 tổ chức")
    page.screenshot(path=tmp_path / "directory-vi.png", full_page=True)

    results.first.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Viện Chiến lược, Chính sách")
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(f"{live_server.url}/en/members/isponre/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Institute of Strategy and Policy")
    expect(page.get_by_text("Research institute", exact=False).first).to_be_visible()


def test_member_editor_signs_in_and_updates_description_and_logo(
    live_server, page: Page, demo_network, tmp_path
):
    organisation = Organisation.objects.get(slug="greenhub")
    editor = UserFactory(email="bien.tap@greenhub.test")
    EditorRequestFactory(user=editor, organisation=organisation)
    logo = tmp_path / "greenhub-logo.png"
    Image.new("RGB", (600, 300), (20, 140, 90)).save(logo)

    page.goto(f"{live_server.url}/vi/accounts/login/")
    page.get_by_label("Email").fill("bien.tap@greenhub.test")
    page.get_by_label("Mật khẩu").fill("Mat-khau-2026")
    page.get_by_role("button", name="Đăng nhập").click()

    page.get_by_role("link", name="Tổ chức của tôi").click()
    page.get_by_role("link", name=organisation.name_vi, exact=True).click()
    page.get_by_label("Giới thiệu bằng tiếng Việt").fill(
        "GreenHub hỗ trợ cộng đồng ven biển giảm thiểu rác thải nhựa và phân loại rác tại nguồn."
    )
    page.get_by_label(re.compile(r"^Logo")).set_input_files(str(logo))
    page.get_by_role("button", name="Lưu").click()

    expect(page.get_by_role("status")).to_contain_text("Đã lưu hồ sơ")
    expect(page.get_by_text("phân loại rác tại nguồn")).to_be_visible()
    logo_image = page.get_by_role("img", name=f"Logo của {organisation.name_vi}")
    expect(logo_image).to_be_visible()
    assert logo_image.evaluate("img => img.naturalWidth") == 600
    page.screenshot(path=tmp_path / "profile-vi.png", full_page=True)
