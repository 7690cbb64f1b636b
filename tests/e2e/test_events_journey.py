"""Browser journey: a coordinator logs a hybrid workshop in the admin, with its organiser, agenda
and photos, imports the sign-in sheet and publishes it; a visitor then finds it by pillar and sees
the headcount counted from the attendance and the photo gallery."""

import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.utils import timezone
from PIL import Image
from playwright.sync_api import Page, expect

from events.headcounts import event_headcount
from events.models import Event
from events.tests.factories import EventFactory, EventTypeFactory
from events.tests.test_signin_import import HEADINGS, xlsx

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TITLE = "Hội thảo tham vấn giảm thiểu nhựa dùng một lần tại Hà Nội"
SLUG = "hoi-thao-tham-van-giam-thieu-nhua-dung-mot-lan"

WOMEN = [
    "Nguyễn Thị Lan Anh", "Trần Thị Bích Ngọc", "Lê Thị Thu Trang", "Phạm Thị Hồng Nhung",
    "Hoàng Thị Mai Hương", "Vũ Thị Thanh Hà", "Đặng Thị Kim Oanh", "Bùi Thị Phương Thảo",
    "Đỗ Thị Ngọc Ánh", "Hồ Thị Thuỳ Dung", "Ngô Thị Minh Châu", "Dương Thị Hải Yến",
    "Lý Thị Quỳnh Như", "Phan Thị Diệu Linh", "Trịnh Thị Hoài Thu", "Đinh Thị Bảo Trâm",
    "Mai Thị Khánh Vy", "Tạ Thị Xuân Mai",
]  # fmt: skip
MEN = [
    "Nguyễn Văn Hùng", "Trần Đức Thắng", "Lê Quang Huy", "Phạm Minh Tuấn", "Hoàng Văn Nam",
    "Vũ Đình Khoa", "Đặng Quốc Bảo", "Bùi Tiến Dũng", "Đỗ Mạnh Cường", "Ngô Xuân Trường",
    "Dương Hữu Phước", "Lý Công Vinh",
]  # fmt: skip


@pytest.fixture
def demo_network(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo", stdout=io.StringIO())


def sign_in_sheet(path):
    organisations = ["GreenHub", "ISPONRE", "Liên minh Không rác thải Việt Nam", "Keep Hanoi Clean"]
    rows = []
    people = [(name, "Nữ") for name in WOMEN] + [(name, "Nam") for name in MEN]
    for number, (name, gender) in enumerate(people, start=1):
        mode = "Trực tuyến" if number % 5 == 0 else "Trực tiếp"
        organisation = organisations[number % len(organisations)]
        rows.append(
            [number, name, gender, organisation, "Cán bộ", f"dai.bieu{number}@npap.test", None, mode, ""]
        )
    path.write_bytes(xlsx(rows, headings=HEADINGS).read())
    return path


def pick(page: Page, field_id: str, term: str, option: str | re.Pattern):
    """Choose ``option`` in the admin's autocomplete (select2) widget of ``field_id``."""
    page.locator(f"#{field_id} + .select2-container").click()
    page.keyboard.type(term)
    page.locator(".select2-results__option", has_text=option).first.click()


def test_coordinator_logs_a_hybrid_workshop_and_a_visitor_finds_it_by_pillar(
    live_server, page: Page, coordinator, demo_network, tmp_path
):
    photos = []
    for number, colour in enumerate([(20, 140, 90), (200, 90, 40)], start=1):
        photo = tmp_path / f"hoi-thao-{number}.png"
        Image.new("RGB", (800, 533), colour).save(photo)
        photos.append(photo)
    sheet = sign_in_sheet(tmp_path / "danh-sach-dai-bieu.xlsx")
    held_on = timezone.localdate() - datetime.timedelta(days=3)

    # The coordinator signs in and logs the workshop.
    page.goto(f"{live_server.url}/en/admin/events/event/add/")
    page.get_by_label("Email").fill("dieuphoi@npap.test")
    page.get_by_label("Password").fill("Mat-khau-2026")
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("heading", name="Add event")).to_be_visible()

    page.locator("#id_title_vi").fill(TITLE)
    # Leaving the title fills the slug in, Vietnamese letters read without their marks; the
    # coordinator then shortens the address.
    page.locator("#id_title_vi").press("Tab")
    expect(page.locator("#id_slug")).to_have_value(
        "hoi-thao-tham-van-giam-thieu-nhua-dung-mot-lan-tai-ha-noi"
    )
    page.locator("#id_slug").fill(SLUG)
    expect(page.locator("#id_slug")).to_have_value(SLUG)
    pick(page, "id_event_type", "Consultation", "Consultation workshop")
    page.locator("#id_status").select_option("held")
    page.locator("#id_format").select_option("hybrid")
    pick(page, "id_pillars", "Policy", re.compile(r"^Policy$"))
    page.locator("#id_start_date").fill(held_on.strftime("%d/%m/%Y"))
    pick(page, "id_province", "Hanoi", re.compile(r"^Hanoi$"))

    page.locator("#organisers-group .add-row a").click()
    pick(page, "id_organisers-0-organisation", "GreenHub", "GreenHub")
    page.locator("#id_organisers-0-role").select_option("host")

    page.locator("#sessions-group .add-row a").click()
    page.locator("#id_sessions-0-title_vi").fill("Phiên toàn thể: hiện trạng rác thải nhựa")
    page.locator("#id_sessions-0-start_time").fill("08:30")
    page.locator("#id_sessions-0-end_time").fill("11:30")

    for index, photo in enumerate(photos):
        page.locator("#photos-group .add-row a").click()
        page.locator(f"#id_photos-{index}-image").set_input_files(str(photo))
        page.locator(f"#id_photos-{index}-caption_vi").fill(f"Đại biểu thảo luận nhóm {index + 1}")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist .success")).to_contain_text("was added successfully")

    # The agenda item can only be given a session once the session exists.
    page.locator("#agenda_items-group .add-row a").click()
    page.locator("#id_agenda_items-0-session").select_option(label="Phiên toàn thể: hiện trạng rác thải nhựa")
    page.locator("#id_agenda_items-0-title_vi").fill("Kết quả khảo sát nhựa dùng một lần tại chợ dân sinh")
    pick(page, "id_agenda_items-0-presenter_organisation", "ISPONRE", "ISPONRE")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist .success")).to_contain_text("was changed successfully")

    event = Event.objects.get(slug=SLUG)
    assert (event.format, event.status, event.is_published) == ("hybrid", "held", False)
    assert [p.code for p in event.pillars.all()] == ["policy"]
    assert event.organisers.get().organisation.slug == "greenhub"
    assert event.sessions.get().items.count() == 1
    assert event.photos.count() == 2 and all(p.thumbnail for p in event.photos.all())

    # The sign-in sheet.
    page.get_by_role("link", name="Import sign-in sheet").click()
    page.get_by_label("Sign-in sheet").set_input_files(str(sheet))
    page.get_by_role("button", name="Read the sheet").click()
    expect(page.get_by_role("heading", name="Check the sign-in sheet")).to_be_visible()
    expect(page.get_by_label("Full name, row 34")).to_have_value("Lý Công Vinh")
    page.get_by_role("button", name="Import the sheet").click()
    expect(page.get_by_text("30 people recorded as attended")).to_be_visible()
    headcount = event_headcount(event)
    assert (headcount.total, headcount.women, headcount.men) == (30, 18, 12)

    # Published from the event's page.
    page.locator("#id_is_published").check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist .success")).to_contain_text("was changed successfully")
    event.refresh_from_db()
    assert event.is_published
    page.screenshot(path=tmp_path / "admin-events.png", full_page=True)

    # A visitor, signed out, finds it among the events of the policy pillar.
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/vi/events/")
    filters = page.get_by_role("search")
    filters.get_by_label("Trụ cột").select_option("policy")
    filters.get_by_role("button", name="Lọc").click()
    expect(page).to_have_url(re.compile(r"pillar=policy"))
    item = page.locator(".event-list .event-item", has_text=TITLE)
    expect(item).to_have_count(1)
    expect(item.locator(".event-headcount")).to_contain_text("30")
    page.screenshot(path=tmp_path / "events-vi.png", full_page=True)

    item.get_by_role("link", name=TITLE).click()
    expect(page).to_have_url(f"{live_server.url}/vi/events/{SLUG}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    numbers = page.locator("section.headcount .headcount-grid dd")
    expect(page.locator("section.headcount .headcount-grid dt").nth(0)).to_have_text("Tổng")
    expect(numbers.nth(0)).to_have_text("30")
    expect(page.locator("section.headcount .headcount-grid dt").nth(1)).to_have_text("Nữ")
    expect(numbers.nth(1)).to_have_text(re.compile(r"^18\b"))
    expect(page.locator("section.headcount .headcount-grid dt").nth(2)).to_have_text("Nam")
    expect(numbers.nth(2)).to_have_text("12")

    gallery = page.locator(".photo-grid img")
    expect(gallery).to_have_count(2)
    for index in range(2):
        image = gallery.nth(index)
        image.scroll_into_view_if_needed()
        expect(image).to_be_visible()
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    page.screenshot(path=tmp_path / "event-vi.png", full_page=True)


def test_a_visitor_opens_a_busy_day_from_the_calendar_and_goes_back_to_the_month(
    live_server, page: Page, tmp_path
):
    day = datetime.date(2025, 6, 5)
    clean_up = EventTypeFactory(code="campaign", name_vi="Chiến dịch / ra quân làm sạch")
    beaches = ["Mỹ Khê", "Non Nước", "Sầm Sơn", "Cửa Lò", "Bãi Cháy", "Đồ Sơn"]
    for beach in beaches:
        EventFactory(title_vi=f"Ra quân làm sạch bãi biển {beach}", start_date=day, event_type=clean_up)

    page.goto(f"{live_server.url}/vi/events/calendar/2025/6/")
    busy_day = page.locator("td", has=page.locator('time[datetime="2025-06-05"]'))
    # Four events and the link to the rest.
    expect(busy_day.locator(".day-events li a")).to_have_count(5)
    busy_day.get_by_role("link", name="Thêm 2 sự kiện").click()

    expect(page.get_by_role("status")).to_have_text("6 sự kiện vào 05/06/2025")
    for beach in beaches:
        expect(page.get_by_role("link", name=f"Ra quân làm sạch bãi biển {beach}")).to_be_visible()
    page.screenshot(path=tmp_path / "events-busy-day.png", full_page=True)
    page.get_by_role("link", name="Quay lại lịch của tháng").click()
    expect(page).to_have_url(f"{live_server.url}/vi/events/calendar/2025/6/")
