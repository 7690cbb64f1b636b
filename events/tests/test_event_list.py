"""The public events list, the month calendar, and events on the pillar, organisation and home
pages: filters, accent-insensitive search, counts, upcoming vs past, privacy and query counts."""

import datetime

import pytest
from django.utils import timezone

from events.models import Event, EventOrganiser, EventType
from events.tests.factories import (
    EventFactory,
    EventOrganiserFactory,
    EventTypeFactory,
    ParticipationFactory,
)
from initiatives.tests.factories import PillarFactory
from members.models import Organisation
from members.tests.factories import OrganisationFactory, ProvinceFactory

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [event.title for event in response.context["page"].object_list]


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def network():
    hanoi = ProvinceFactory()
    danang = ProvinceFactory(code="da-nang", name_vi="Đà Nẵng", name_en="Da Nang")
    quang_nam = ProvinceFactory(code="quang-nam", name_vi="Quảng Nam", name_en="Quang Nam", successor=danang)
    gender = PillarFactory(code="gender-inclusion", name_vi="Bình đẳng giới và phát triển bao trùm")
    finance = PillarFactory(code="finance-innovation", name_vi="Tài chính và khởi nguồn sáng tạo")
    hidden_pillar = PillarFactory(code="draft-pillar", name_vi="Trụ cột nháp", is_published=False)
    consultation = EventTypeFactory()
    training = EventTypeFactory(code="training", name_vi="Tập huấn", name_en="Training")
    roundtable = EventTypeFactory(code="roundtable", name_vi="Tọa đàm", name_en="Roundtable talk")
    greenhub = OrganisationFactory(
        slug="greenhub", acronym="GreenHub", name_vi="Trung tâm Hỗ trợ Phát triển Xanh", province=hanoi
    )
    cecr = OrganisationFactory(
        slug="cecr", acronym="CECR", name_vi="Trung tâm Nghiên cứu Môi trường và Cộng đồng", province=hanoi
    )
    secret = OrganisationFactory(
        slug="bi-mat", acronym="BIMAT", name_vi="Tổ chức chưa công bố", is_published=False
    )
    consultation_event = EventFactory(
        slug="hoi-thao-tham-van",
        title_vi="Hội thảo tham vấn về giảm thiểu rác thải nhựa",
        title_en="Consultation workshop on reducing plastic waste",
        event_type=consultation,
        start_date=datetime.date(2024, 11, 8),
        format=Event.Format.HYBRID,
        province=hanoi,
        pillars=[gender, hidden_pillar],
        headcount_total=46,
        headcount_women=28,
        headcount_men=18,
    )
    viwacon = EventFactory(
        slug="viwacon",
        title_vi="Hội thảo phát triển mạng lưới VIWACON năm 2",
        title_en="VIWACON network development workshop, year 2",
        event_type=training,
        start_date=datetime.date(2022, 2, 24),
        end_date=datetime.date(2022, 2, 25),
        format=Event.Format.OFFLINE,
        province=quang_nam,
        pillars=[finance],
    )
    roundtable_event = EventFactory(
        slug="toa-dam",
        title_vi="Tọa đàm Thỏa thuận toàn cầu về ô nhiễm nhựa",
        title_en="Roundtable: the global plastics treaty",
        event_type=roundtable,
        status=Event.Status.PLANNED,
        start_date=in_days(30),
        format=Event.Format.ONLINE,
        province=None,
        venue_vi="",
    )
    hidden = EventFactory(
        slug="chua-cong-bo",
        title_vi="Sự kiện nháp chưa công bố",
        event_type=roundtable,
        start_date=in_days(10),
        province=hanoi,
        pillars=[gender],
        is_published=False,
    )
    EventOrganiserFactory(event=consultation_event, organisation=greenhub)
    EventOrganiserFactory(event=consultation_event, organisation=secret, role=EventOrganiser.Role.FUNDER)
    EventOrganiserFactory(event=viwacon, organisation=cecr)
    EventOrganiserFactory(event=roundtable_event, organisation=secret)
    EventOrganiserFactory(event=hidden, organisation=greenhub)
    return {
        "hanoi": hanoi,
        "gender": gender,
        "finance": finance,
        "greenhub": greenhub,
        "cecr": cecr,
        "consultation": consultation_event,
        "viwacon": viwacon,
        "roundtable": roundtable_event,
        "hidden": hidden,
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("hoi thao nhua", ["Hội thảo tham vấn về giảm thiểu rác thải nhựa"]),
        (
            "HỘI THẢO",
            ["Hội thảo tham vấn về giảm thiểu rác thải nhựa", "Hội thảo phát triển mạng lưới VIWACON năm 2"],
        ),
        ("toa dam", ["Tọa đàm Thỏa thuận toàn cầu về ô nhiễm nhựa"]),
        ("plastics treaty", ["Tọa đàm Thỏa thuận toàn cầu về ô nhiễm nhựa"]),
        ("greenhub", ["Hội thảo tham vấn về giảm thiểu rác thải nhựa"]),
        ("hoi thao moi truong cong dong", ["Hội thảo phát triển mạng lưới VIWACON năm 2"]),
        ("nhap chua cong bo", []),
        # An unpublished organiser's name does not find its events.
        ("bimat", []),
    ],
)
def test_search_ignores_diacritics_and_matches_titles_venues_and_organisers(client, network, query, expected):
    response = client.get("/vi/events/", {"q": query})
    assert response.status_code == 200
    assert titles(response) == expected


def test_each_filter_narrows_the_list(client, network):
    assert titles(client.get("/vi/events/", {"year": "2022"})) == [
        "Hội thảo phát triển mạng lưới VIWACON năm 2"
    ]
    assert titles(client.get("/vi/events/", {"type": "training"})) == [
        "Hội thảo phát triển mạng lưới VIWACON năm 2"
    ]
    assert titles(client.get("/vi/events/", {"pillar": "gender-inclusion"})) == [
        "Hội thảo tham vấn về giảm thiểu rác thải nhựa"
    ]
    assert titles(client.get("/vi/events/", {"format": "online"})) == [
        "Tọa đàm Thỏa thuận toàn cầu về ô nhiễm nhựa"
    ]
    assert titles(client.get("/vi/events/", {"organiser": "cecr"})) == [
        "Hội thảo phát triển mạng lưới VIWACON năm 2"
    ]
    assert titles(
        client.get("/vi/events/", {"province": "ha-noi", "pillar": "gender-inclusion", "year": "2024"})
    ) == ["Hội thảo tham vấn về giảm thiểu rác thải nhựa"]


def test_a_multi_year_event_counts_in_each_year(client, network):
    EventFactory(
        title_vi="Chương trình giao thừa xanh",
        start_date=datetime.date(2023, 12, 30),
        end_date=datetime.date(2024, 1, 2),
    )
    assert "Chương trình giao thừa xanh" in titles(client.get("/vi/events/", {"year": "2023"}))
    response = client.get("/vi/events/", {"year": "2024"})
    assert "Chương trình giao thừa xanh" in titles(response)
    assert response.context["facets"]["year"][2023] == 1
    assert response.context["facets"]["year"][2024] == 2


def test_a_former_province_counts_in_the_province_it_merged_into(client, network):
    response = client.get("/vi/events/", {"province": "da-nang"})
    assert titles(response) == ["Hội thảo phát triển mạng lưới VIWACON năm 2"]
    html = response.content.decode()
    assert "Đà Nẵng (1)" in html
    # Only current provinces are offered; the event shows where it was, and where that is now.
    assert 'value="quang-nam"' not in html
    assert (
        "Quang Nam (now part of Da Nang)"
        in client.get("/en/events/", {"province": "da-nang"}).content.decode()
    )


def test_upcoming_and_past_are_separate_tabs_in_time_order(client, network):
    later = EventFactory(title_vi="Hội thảo thường niên Nhóm công tác NPAP", start_date=in_days(90))
    soon = EventFactory(title_vi="Tập huấn phân loại rác tại nguồn", start_date=in_days(2))
    running = EventFactory(
        title_vi="Diễn đàn nhiều ngày đang diễn ra", start_date=in_days(-1), end_date=in_days(1)
    )
    upcoming = client.get("/vi/events/", {"when": "upcoming"})
    assert titles(upcoming) == [
        running.title,
        soon.title,
        "Tọa đàm Thỏa thuận toàn cầu về ô nhiễm nhựa",
        later.title,
    ]
    past = client.get("/vi/events/", {"when": "past"})
    assert titles(past) == [
        "Hội thảo tham vấn về giảm thiểu rác thải nhựa",
        "Hội thảo phát triển mạng lưới VIWACON năm 2",
    ]
    # The tabs keep the other filters and show how many events each holds.
    tabs = {tab["label"]: tab for tab in client.get("/en/events/", {"format": "offline"}).context["tabs"]}
    assert tabs["Upcoming"]["url"] == "/en/events/?format=offline&when=upcoming"
    assert tabs["All events"]["url"] == "/en/events/?format=offline"
    assert tabs["Past"]["count"] == 1
    assert tabs["All events"]["current"]


def test_unpublished_events_are_absent_from_the_list_and_its_counts(client, network):
    response = client.get("/vi/events/")
    html = response.content.decode()
    assert "Sự kiện nháp chưa công bố" not in html
    assert response.context["page"].paginator.count == 3
    assert "Bình đẳng giới và phát triển bao trùm (1)" in html
    assert "Hà Nội (1)" in html
    assert response.context["facets"]["organiser"] == {"greenhub": 1, "cecr": 1}
    # Unpublished pillars and organisers are neither shown nor offered.
    assert "Trụ cột nháp" not in html
    assert "BIMAT" not in html and "Tổ chức chưa công bố" not in html


def test_filter_options_show_counts_given_the_other_filters(client, network):
    response = client.get("/vi/events/", {"province": "ha-noi"})
    facets = response.context["facets"]
    assert facets["type"] == {"consultation-workshop": 1}
    assert facets["province"] == {"ha-noi": 1, "da-nang": 1}
    assert facets["format"] == {"hybrid": 1}
    assert facets["when"] == {"": 1, "upcoming": 0, "past": 1}


def test_held_events_show_their_headcount(client, network):
    ParticipationFactory.create_batch(3, event=network["viwacon"])
    html = client.get("/en/events/").content.decode()
    assert "46 participants · 28 women" in html
    assert "3 participants · 3 women" in html


@pytest.mark.parametrize(
    "params",
    [
        {"type": "nonsense"},
        {"year": "abc"},
        {"year": "99999999999999999999999"},
        {"year": "-5"},
        {"year": "1e400"},
        {"year": "NaN"},
        {"when": "<script>alert(1)</script>"},
        {"page": "999"},
        {"page": "abc"},
        {"pillar": "x" * 500},
        {"q": "%_\\'\"" * 100},
        {"q": "nhựa\x00"},
        {"province": "<script>"},
        {"organiser": "bi-mat"},
        {"format": "'; DROP TABLE events_event; --"},
    ],
)
def test_bad_parameters_never_break_the_list(client, network, params):
    response = client.get("/vi/events/", params)
    assert response.status_code == 200
    assert "Sự kiện nháp chưa công bố" not in response.content.decode()


def test_an_unpublished_organiser_is_not_a_filter(client, network):
    # The parameter is ignored rather than revealing which events the organisation ran.
    assert client.get("/vi/events/", {"organiser": "bi-mat"}).context["page"].paginator.count == 3


def test_the_list_is_in_english_too(client, network):
    response = client.get("/en/events/", {"q": "treaty"})
    assert titles(response) == ["Roundtable: the global plastics treaty"]
    assert "8 Nov 2024" in client.get("/en/events/").content.decode()
    assert "08/11/2024" in client.get("/vi/events/").content.decode()


def _grow(network, count: int) -> None:
    """``count`` more published events, each with organisers, pillars and participants."""
    event_type = EventType.objects.get(code="training")
    events = Event.objects.bulk_create(
        Event(
            slug=f"su-kien-them-{Event.objects.count()}-{index}",
            title_vi=f"Tập huấn nhựa {index}",
            event_type=event_type,
            status=Event.Status.HELD,
            start_date=datetime.date(2023, 1, 1) + datetime.timedelta(days=index % 365),
            province=network["hanoi"],
            headcount_total=10,
            is_published=True,
        )
        for index in range(count)
    )
    EventOrganiser.objects.bulk_create(
        EventOrganiser(event=event, organisation=network["greenhub"]) for event in events
    )
    Event.pillars.through.objects.bulk_create(
        Event.pillars.through(event=event, pillar=network["gender"]) for event in events
    )
    for event in events[:3]:
        ParticipationFactory(event=event, organisation=network["cecr"])


@pytest.mark.parametrize(
    "url",
    [
        "/vi/events/",
        "/vi/events/?province=ha-noi&pillar=gender-inclusion&year=2023&type=training&organiser=greenhub",
        "/vi/events/?q=tap+huan+nhua&when=past&page=2",
        "/vi/events/calendar/2023/1/",
        "/vi/events/feed.ics",
        "/vi/events/feed/gender-inclusion.ics",
        "/vi/pillars/gender-inclusion/",
        "/vi/members/greenhub/",
        "/vi/",
    ],
)
def test_query_counts_stay_the_same_as_events_grow(client, network, url, page_queries):
    _grow(network, 2)
    few = page_queries(client, url)
    _grow(network, 500)
    assert Event.objects.count() > 500
    assert page_queries(client, url) == few


# --- the month calendar --------------------------------------------------------------------------


def test_the_calendar_is_a_monday_first_grid_with_multi_day_events_on_each_day(client, network):
    response = client.get("/vi/events/calendar/2022/2/")
    assert response.status_code == 200
    month = response.context["month"]
    assert all(len(week) == 7 and week[0].date.weekday() == 0 for week in month.weeks)
    days = {day.date: [event.title for event in day.events] for week in month.weeks for day in week}
    assert days[datetime.date(2022, 2, 24)] == ["Hội thảo phát triển mạng lưới VIWACON năm 2"]
    assert days[datetime.date(2022, 2, 25)] == ["Hội thảo phát triển mạng lưới VIWACON năm 2"]
    assert days[datetime.date(2022, 2, 26)] == []
    html = response.content.decode()
    assert html.count('href="/vi/events/viwacon/"') == 2
    assert '<th scope="col">' in html and "<caption>" in html
    assert 'href="/vi/events/calendar/2022/1/"' in html and 'href="/vi/events/calendar/2022/3/"' in html


def test_the_calendar_crosses_years_and_shows_this_month_by_default(client, network):
    html = client.get("/vi/events/calendar/2024/12/").content.decode()
    assert 'href="/vi/events/calendar/2024/11/"' in html and 'href="/vi/events/calendar/2025/1/"' in html
    response = client.get("/vi/events/calendar/")
    assert response.status_code == 200
    assert response.context["month"].first == timezone.localdate().replace(day=1)
    assert 'aria-current="date"' in response.content.decode()


def test_a_busy_day_names_four_events_and_links_to_the_list_of_that_day(client):
    day = datetime.date(2025, 6, 5)
    workshop_type = EventTypeFactory()
    for number in range(6):
        EventFactory(title_vi=f"Ra quân làm sạch bãi biển {number}", start_date=day, event_type=workshop_type)
    EventFactory(title_vi="Tập huấn phân loại rác", start_date=day + datetime.timedelta(days=1))
    html = client.get("/vi/events/calendar/2025/6/").content.decode()
    assert html.count("Ra quân làm sạch bãi biển") == 4
    assert 'href="/vi/events/?day=2025-06-05">Thêm 2 sự kiện</a>' in html

    response = client.get("/vi/events/", {"day": "2025-06-05"})
    assert sorted(titles(response)) == [f"Ra quân làm sạch bãi biển {number}" for number in range(6)]
    html = response.content.decode()
    assert "6 sự kiện vào 05/06/2025" in html
    assert 'href="/vi/events/calendar/2025/6/"' in html
    # A day that is not a date is ignored like any invalid filter.
    assert len(titles(client.get("/vi/events/", {"day": "5/6"}))) == 7


def test_the_calendar_shows_no_unpublished_event(client, network):
    when = network["hidden"].start_date
    html = client.get(f"/vi/events/calendar/{when.year}/{when.month}/").content.decode()
    assert "Sự kiện nháp chưa công bố" not in html


@pytest.mark.parametrize(
    "path",
    ["2024/13/", "2024/0/", "0/1/", "99999999999999999999/1/", "2024/99999999999999999999/", "1200/5/"],
)
def test_a_month_that_does_not_exist_is_not_found(client, network, path):
    assert client.get(f"/vi/events/calendar/{path}").status_code == 404


# --- events on other pages -----------------------------------------------------------------------


def test_the_pillar_page_lists_its_published_events_latest_first(client, network):
    EventFactory(
        title_vi="Hội thảo Trụ cột Bình đẳng giới",
        start_date=datetime.date(2024, 8, 22),
        pillars=[network["gender"]],
    )
    response = client.get("/vi/pillars/gender-inclusion/")
    assert [event.title for event in response.context["pillar_events"]] == [
        "Hội thảo tham vấn về giảm thiểu rác thải nhựa",
        "Hội thảo Trụ cột Bình đẳng giới",
    ]
    html = response.content.decode()
    assert "Sự kiện nháp chưa công bố" not in html
    assert 'href="/vi/events/feed/gender-inclusion.ics"' in html


def test_the_organisation_page_lists_the_events_it_organised(client, network):
    html = client.get("/en/members/greenhub/").content.decode()
    assert "Consultation workshop on reducing plastic waste" in html
    assert "Sự kiện nháp chưa công bố" not in html
    assert 'href="/en/events/?organiser=greenhub"' in html
    assert "VIWACON" not in html


def test_the_home_page_shows_the_next_events(client, network):
    # Over tomorrow, so still to come: it started before every other event not over yet.
    running = EventFactory(
        title_vi="Diễn đàn nhiều ngày đang diễn ra", start_date=in_days(-3), end_date=in_days(1)
    )
    response = client.get("/vi/")
    assert response.context["home_events_are_upcoming"]
    assert [event.title for event in response.context["home_events"]] == [
        running.title,
        "Tọa đàm Thỏa thuận toàn cầu về ô nhiễm nhựa",
    ]
    assert "Sự kiện nháp chưa công bố" not in response.content.decode()


def test_between_events_the_home_page_shows_the_latest_ones(client, network):
    Event.objects.filter(pk=network["roundtable"].pk).update(is_published=False)
    response = client.get("/vi/")
    assert not response.context["home_events_are_upcoming"]
    assert [event.title for event in response.context["home_events"]] == [
        "Hội thảo tham vấn về giảm thiểu rác thải nhựa",
        "Hội thảo phát triển mạng lưới VIWACON năm 2",
    ]
    assert Organisation.objects.filter(is_published=False).exists()


def test_the_organiser_filter_offers_the_busiest_organisers_and_the_one_chosen(client, network):
    event_type = EventType.objects.first()
    quiet = OrganisationFactory(name_vi="Hợp tác xã Tái chế Nhựa Yên Bình", slug="htx-yen-binh", acronym="")
    EventOrganiserFactory(event=EventFactory(event_type=event_type), organisation=quiet)
    for index in range(31):
        busy = OrganisationFactory(name_vi=f"Trung tâm Môi trường {index:02d}", acronym="")
        for _ in range(2):
            EventOrganiserFactory(event=EventFactory(event_type=event_type), organisation=busy)

    def organisers(response) -> list[str]:
        facet = next(facet for facet in response.context["filter_facets"] if facet.name == "organiser")
        return [option.value for option in facet.options]

    options = organisers(client.get("/vi/events/"))
    assert len(options) == 30
    assert "htx-yen-binh" not in options

    chosen = client.get("/vi/events/", {"organiser": "htx-yen-binh"})
    assert "htx-yen-binh" in organisers(chosen)
    assert '<option value="htx-yen-binh" selected>' in chosen.content.decode()
