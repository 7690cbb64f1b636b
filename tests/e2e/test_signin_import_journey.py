"""Browser journey: a coordinator imports a workshop's sign-in sheet, corrects a bad row, and the
event's headcount then comes from the attendance recorded."""

import pytest
from playwright.sync_api import Page, expect

from events.headcounts import event_headcount
from events.models import Participation
from events.tests.factories import EventFactory
from events.tests.test_signin_import import SHEET, xlsx
from members.tests.factories import AffiliationFactory, OrganisationFactory, PersonFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_coordinator_imports_a_sign_in_sheet_and_corrects_a_row(
    live_server, page: Page, coordinator, tmp_path
):
    greenhub = OrganisationFactory(name_vi="Trung tâm Hỗ trợ Phát triển Xanh", acronym="GreenHub")
    nhung = PersonFactory(full_name="Nguyễn Thị Hồng Nhung", email="nhung@greenhub.test")
    AffiliationFactory(person=nhung, organisation=greenhub)
    event = EventFactory(title_vi="Hội thảo tham vấn chiến lược Mạng lưới Hành động Nhựa và Sức khỏe")
    sheet = tmp_path / "danh-sach-dai-bieu.xlsx"
    sheet.write_bytes(xlsx(SHEET).read())

    page.goto(f"{live_server.url}/en/admin/events/event/{event.pk}/change/")
    page.get_by_label("Email").fill("dieuphoi@npap.test")
    page.get_by_label("Password").fill("Mat-khau-2026")
    page.get_by_role("button", name="Sign In").click()

    page.get_by_role("link", name="Import sign-in sheet").click()
    page.get_by_label("Sign-in sheet").set_input_files(str(sheet))
    page.get_by_role("button", name="Read the sheet").click()
    expect(page.get_by_role("heading", name="Check the sign-in sheet")).to_be_visible()
    expect(page.locator("#row-1")).to_contain_text("Possible duplicate")
    expect(page.locator("#row-3")).to_contain_text("The full name is missing.")

    page.get_by_role("button", name="Import the sheet").click()
    expect(page.get_by_text("1 row needs correcting or skipping; nothing was imported.")).to_be_visible()
    assert not Participation.objects.exists()

    page.get_by_label("Full name, row 8").fill("Phạm Văn Đức")
    page.get_by_label("Gender, row 8").select_option("male")
    page.get_by_label("Email, row 8").fill("duc.pham@keephanoiclean.test")
    page.get_by_role("button", name="Import the sheet").click()

    expect(page.get_by_text("4 people recorded as attended")).to_be_visible()
    headcount = event_headcount(event)
    assert (headcount.total, headcount.women, headcount.men) == (4, 2, 2)
    assert Participation.objects.get(person=nhung).event == event
