"""iCalendar feeds: the whole programme, one pillar's events and one event, as calendar apps read
them; timed events in Vietnam's time zone, all-day events with an exclusive end; no drafts."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from events.models import Event
from events.tests.factories import EventFactory
from initiatives.tests.factories import PillarFactory
from members.tests.factories import ProvinceFactory

pytestmark = pytest.mark.django_db

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def programme():
    gender = PillarFactory(code="gender-inclusion", name_vi="Bình đẳng giới và phát triển bao trùm")
    PillarFactory(code="draft-pillar", is_published=False)
    annual = EventFactory(
        slug="hoi-thao-thuong-nien-2026",
        title_vi="Hội thảo thường niên Nhóm công tác NPAP",
        title_en="NPAP working group annual workshop",
        status=Event.Status.PLANNED,
        start_date=datetime.date(2026, 12, 15),
        start_time=datetime.time(8, 30),
        end_time=datetime.time(16, 30),
        venue_vi="Khách sạn Melia, 44B Lý Thường Kiệt",
        province=ProvinceFactory(),
        summary_vi="Tổng kết hoạt động năm của các Trụ cột; chủ trì: Thứ trưởng.",
    )
    training = EventFactory(
        slug="tap-huan-asppire",
        title_vi="Hội thảo tập huấn mô hình ASPPIRe",
        start_date=datetime.date(2022, 10, 25),
        end_date=datetime.date(2022, 10, 26),
        pillars=[gender],
    )
    delegation = EventFactory(
        slug="doan-ra-inc-5",
        title_vi="Đoàn ra phiên đàm phán INC-5",
        title_en="",
        status=Event.Status.CANCELLED,
        start_date=datetime.date(2024, 11, 25),
        end_date=datetime.date(2024, 12, 1),
        start_time=datetime.time(9, 0),
        province=None,
        venue_vi="BEXCO",
        country="Hàn Quốc",
    )
    draft = EventFactory(slug="ban-nhap", title_vi="Sự kiện nháp", pillars=[gender], is_published=False)
    return {
        "gender": gender,
        "annual": annual,
        "training": training,
        "delegation": delegation,
        "draft": draft,
    }


def parse(response) -> dict[str, object]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    return {str(component["SUMMARY"]): component for component in calendar.walk("VEVENT")}


def test_the_feed_holds_every_published_event_and_no_draft(client, programme):
    events = parse(client.get("/vi/events/feed.ics"))
    assert set(events) == {
        "Hội thảo thường niên Nhóm công tác NPAP",
        "Hội thảo tập huấn mô hình ASPPIRe",
        "Đoàn ra phiên đàm phán INC-5",
    }
    uids = {str(event["UID"]) for event in events.values()}
    assert len(uids) == 3
    for event in events.values():
        assert event.decoded("DTSTAMP").tzinfo is not None
    # Some calendar apps check a subscription with HEAD before reading it.
    assert client.head("/vi/events/feed.ics").status_code == 200


def test_a_timed_event_is_in_vietnam_time_with_its_details(client, programme):
    response = client.get("/vi/events/feed.ics")
    annual = parse(response)["Hội thảo thường niên Nhóm công tác NPAP"]
    assert annual.decoded("DTSTART") == datetime.datetime(2026, 12, 15, 8, 30, tzinfo=HCM)
    assert annual.decoded("DTEND") == datetime.datetime(2026, 12, 15, 16, 30, tzinfo=HCM)
    assert annual["DTSTART"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert "TZID:Asia/Ho_Chi_Minh" in response.content.decode()  # the VTIMEZONE apps need
    assert str(annual["LOCATION"]) == "Khách sạn Melia, 44B Lý Thường Kiệt, Hà Nội"
    assert "chủ trì: Thứ trưởng" in str(annual["DESCRIPTION"])
    assert str(annual["URL"]) == "http://testserver/vi/events/hoi-thao-thuong-nien-2026/"
    assert str(annual["STATUS"]) == "CONFIRMED"


def test_an_event_without_times_is_all_day_with_an_exclusive_end(client, programme):
    training = parse(client.get("/vi/events/feed.ics"))["Hội thảo tập huấn mô hình ASPPIRe"]
    assert training["DTSTART"].params["VALUE"] == "DATE"
    assert training.decoded("DTSTART") == datetime.date(2022, 10, 25)
    assert training.decoded("DTEND") == datetime.date(2022, 10, 27)


def test_a_multi_day_event_with_a_start_time_ends_after_its_last_day(client, programme):
    delegation = parse(client.get("/vi/events/feed.ics"))["Đoàn ra phiên đàm phán INC-5"]
    assert delegation.decoded("DTSTART") == datetime.datetime(2024, 11, 25, 9, 0, tzinfo=HCM)
    assert delegation.decoded("DTEND") == datetime.datetime(2024, 12, 2, 0, 0, tzinfo=HCM)
    assert str(delegation["LOCATION"]) == "BEXCO, Hàn Quốc"
    assert str(delegation["STATUS"]) == "CANCELLED"


def test_the_uid_stays_the_same_when_the_slug_or_language_changes(client, programme):
    before = str(parse(client.get("/vi/events/feed.ics"))["Hội thảo tập huấn mô hình ASPPIRe"]["UID"])
    Event.objects.filter(pk=programme["training"].pk).update(slug="tap-huan-asppire-2022")
    english = {str(event["UID"]): event for event in parse(client.get("/en/events/feed.ics")).values()}
    assert str(english[before]["URL"]) == "http://testserver/en/events/tap-huan-asppire-2022/"
    assert str(english[before]["SUMMARY"]) == programme["training"].title_en
    titles = {str(event["SUMMARY"]) for event in english.values()}
    # English titles where they exist, Vietnamese where they do not.
    assert "NPAP working group annual workshop" in titles and "Đoàn ra phiên đàm phán INC-5" in titles


def test_a_pillar_feed_holds_the_pillars_published_events(client, programme):
    events = parse(client.get("/vi/events/feed/gender-inclusion.ics"))
    assert set(events) == {"Hội thảo tập huấn mô hình ASPPIRe"}
    assert client.get("/vi/events/feed/draft-pillar.ics").status_code == 404
    assert client.get("/vi/events/feed/no-such-pillar.ics").status_code == 404


def test_one_event_can_be_added_to_a_calendar(client, programme):
    response = client.get("/vi/events/hoi-thao-thuong-nien-2026.ics")
    assert list(parse(response)) == ["Hội thảo thường niên Nhóm công tác NPAP"]
    assert response["Content-Disposition"] == 'attachment; filename="hoi-thao-thuong-nien-2026.ics"'
    assert client.get("/vi/events/ban-nhap.ics").status_code == 404


def test_the_pages_link_their_feeds(client, programme):
    listing = client.get("/vi/events/").content.decode()
    assert 'href="/vi/events/feed.ics"' in listing and 'type="text/calendar"' in listing
    page = client.get("/vi/events/hoi-thao-thuong-nien-2026/").content.decode()
    assert 'href="/vi/events/hoi-thao-thuong-nien-2026.ics"' in page
