"""/api/v1/events/: the events list, filtered as its page is, and an event with what its page
shows to a visitor who is not signed in."""

import datetime

import pytest
from django.utils import timezone

from events.tests.factories import EventFactory

from .conftest import SECRETS

pytestmark = pytest.mark.django_db

LIST = "/api/v1/events/"


def test_the_list_shows_published_events_the_latest_first(portal, listed):
    assert listed(LIST) == ["tap-huan-sap-toi", "hoi-thao-nhua-da-nang"]


@pytest.mark.parametrize(
    "params, expected",
    [
        # Without diacritics: "da nang" finds "Đà Nẵng".
        ({"q": "da nang"}, ["hoi-thao-nhua-da-nang"]),
        ({"q": "nhua"}, ["hoi-thao-nhua-da-nang"]),
        # The organiser's name counts too.
        ({"q": "phat trien xanh"}, ["hoi-thao-nhua-da-nang"]),
        ({"when": "upcoming"}, ["tap-huan-sap-toi"]),
        ({"when": "past"}, ["hoi-thao-nhua-da-nang"]),
        ({"year": "2024"}, ["hoi-thao-nhua-da-nang"]),
        ({"type": "training"}, ["tap-huan-sap-toi"]),
        ({"pillar": "gender-inclusion"}, ["hoi-thao-nhua-da-nang"]),
        ({"format": "online"}, ["tap-huan-sap-toi"]),
        # Recorded in Quảng Nam, merged into Đà Nẵng.
        ({"province": "da-nang"}, ["hoi-thao-nhua-da-nang"]),
        ({"organiser": "cecr"}, ["tap-huan-sap-toi"]),
    ],
)
def test_the_filters_of_the_events_list_apply(portal, listed, params, expected):
    assert listed(LIST, **params) == expected


@pytest.mark.parametrize(
    "params",
    [{"when": "soon"}, {"year": "nam-ngoai"}, {"organiser": "chua-cong-bo-org"}, {"pillar": "chua-cong-bo"}],
)
def test_a_filter_value_that_names_nothing_public_is_refused_with_the_reason(client, portal, params):
    response = client.get(LIST, params)
    assert response.status_code == 400
    assert set(response.json()) == set(params)


def test_a_search_never_finds_an_event_by_an_unpublished_organiser(portal, listed):
    assert listed(LIST, q="to chuc chua cong bo") == []


def test_upcoming_events_come_soonest_first_across_pages(portal, listed):
    today = timezone.localdate()
    for days in (3, 1, 2, 1):
        EventFactory(start_date=today + datetime.timedelta(days=days))
    starts = listed(LIST, key="start_date", when="upcoming", page_size=2)
    assert starts == sorted(starts) and len(starts) == 5


def test_pages_follow_each_other_without_gaps_or_repeats_on_the_same_day(portal, listed):
    # Many events on one day: the cursor's position (the date) ties, and its offset takes over.
    EventFactory.create_batch(7, start_date=datetime.date(2024, 11, 8))
    everyone = listed(LIST)
    assert len(everyone) == 9 == len(set(everyone))
    assert listed(LIST, page_size=2) == everyone
    assert listed(LIST, page_size=3) == everyone


def test_a_row_shows_the_event_with_its_public_organisers_pillars_and_headcount(portal, get_json):
    (row,) = get_json(LIST, year=2024)["results"]
    assert row["title_vi"] == "Hội thảo giảm thiểu rác thải nhựa tại Đà Nẵng"
    assert row["title_en"] == "Workshop on reducing plastic waste in Da Nang"
    assert row["start_date"] == "2024-11-08"
    assert row["event_type"] == {
        "code": "consultation-workshop",
        "name_vi": "Hội thảo tham vấn",
        "name_en": "Consultation workshop",
    }
    assert row["province"]["code"] == "da-nang"
    assert [o["organisation"]["slug"] for o in row["organisers"]] == ["greenhub"]
    assert [p["code"] for p in row["pillars"]] == ["gender-inclusion"]
    # One attendance record makes the count come from attendance, not from what was typed in.
    assert row["headcount"] == {
        "total": 1,
        "women": 1,
        "men": 0,
        "other": 0,
        "online": 0,
        "from_attendance": True,
    }


def test_an_event_answers_with_its_public_documents_only(portal, get_json):
    answer = get_json(f"{LIST}hoi-thao-nhua-da-nang/")
    assert [d["title"] for d in answer["documents"]] == ["Chương trình hội thảo"]
    assert answer["documents"][0]["url"] == "https://npap.example.vn/tai-lieu/chuong-trinh.pdf"


def test_the_link_to_join_online_is_given_only_when_it_is_public(portal, get_json):
    assert get_json(f"{LIST}hoi-thao-nhua-da-nang/")["online_link"] is None
    assert get_json(f"{LIST}tap-huan-sap-toi/")["online_link"] == "https://meet.example.vn/cong-khai"


def test_no_answer_holds_private_or_unpublished_details(portal, client):
    for url in (LIST, f"{LIST}hoi-thao-nhua-da-nang/", f"{LIST}tap-huan-sap-toi/"):
        text = client.get(url).content.decode()
        for secret in [*SECRETS, "Biên bản nội bộ", "email", "HIDDEN", "su-kien-chua-cong-bo"]:
            assert secret not in text, (url, secret)


def test_an_unpublished_or_unknown_event_is_not_found(portal, client):
    for slug in ("su-kien-chua-cong-bo", "khong-co"):
        assert client.get(f"{LIST}{slug}/").status_code == 404
