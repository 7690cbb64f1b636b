"""Headcounts: computed from attendance, or typed in with rules that keep them consistent."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from events.headcounts import event_headcount
from events.models import Event, Participation
from events.tests.factories import EventFactory, ParticipationFactory
from members.models import Organisation, Person
from members.tests.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def errors_of(event: Event) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        event.full_clean()
    return caught.value.message_dict


def test_typed_in_parts_never_exceed_the_total():
    event = EventFactory.build(
        event_type=EventFactory().event_type,
        province=None,
        headcount_total=46,
        headcount_women=30,
        headcount_men=20,
    )
    assert "Số nữ, nam và khác cộng lại vượt quá tổng số 46." in errors_of(event)["headcount_total"]


def test_online_participants_cannot_exceed_the_total_nor_exist_in_person_only():
    base = EventFactory()
    hybrid = EventFactory.build(
        event_type=base.event_type, province=None, headcount_total=10, headcount_online=11
    )
    assert (
        "Số người tham dự trực tuyến không được vượt quá tổng số 10." in errors_of(hybrid)["headcount_online"]
    )
    offline = EventFactory.build(
        event_type=base.event_type,
        province=None,
        format=Event.Format.OFFLINE,
        headcount_total=10,
        headcount_online=2,
    )
    assert "headcount_online" in errors_of(offline)


def test_negative_counts_and_an_end_before_the_start_are_refused():
    base = EventFactory()
    event = EventFactory.build(
        event_type=base.event_type,
        province=None,
        headcount_total=-1,
        start_date=date(2022, 2, 25),
        end_date=date(2022, 2, 24),
    )
    errors = errors_of(event)
    assert "headcount_total" in errors
    assert errors["end_date"] == ["Ngày kết thúc không được trước ngày bắt đầu."]


def test_a_part_without_a_total_asks_for_the_total():
    base = EventFactory()
    event = EventFactory.build(event_type=base.event_type, province=None, headcount_women=5)
    assert errors_of(event)["headcount_total"] == ["Hãy nhập cả tổng số người tham dự."]


def test_attendance_records_give_the_headcount_by_gender_mode_and_organisation_kind():
    event = EventFactory(headcount_total=999)  # typed-in figures give way to the name list
    ngo = OrganisationFactory(kind=Organisation.Kind.NGO)
    business = OrganisationFactory(kind=Organisation.Kind.BUSINESS)
    for gender, organisation, mode in [
        (Person.Gender.FEMALE, ngo, Participation.Mode.IN_PERSON),
        (Person.Gender.FEMALE, ngo, Participation.Mode.ONLINE),
        (Person.Gender.MALE, business, Participation.Mode.IN_PERSON),
        (Person.Gender.UNDISCLOSED, business, Participation.Mode.IN_PERSON),
    ]:
        ParticipationFactory(
            event=event, person=PersonFactory(gender=gender), organisation=organisation, mode=mode
        )
    ParticipationFactory(event=event, status=Participation.Status.NO_SHOW)
    headcount = event_headcount(event)
    assert headcount.from_attendance
    assert (headcount.total, headcount.women, headcount.men, headcount.other) == (4, 2, 1, 1)
    assert (headcount.online, headcount.in_person, headcount.women_share) == (1, 3, 50)
    assert dict(headcount.by_kind) == {"tổ chức phi chính phủ / tổ chức xã hội dân sự": 2, "doanh nghiệp": 2}


def test_an_event_without_a_name_list_or_numbers_has_no_headcount():
    assert event_headcount(EventFactory()) is None


def test_an_event_cannot_take_the_address_of_the_calendar_or_the_feed():
    base = EventFactory()
    event = EventFactory.build(event_type=base.event_type, province=None, slug="calendar")
    assert errors_of(event)["slug"] == [
        "Địa chỉ này đã được một trang khác sử dụng; hãy chọn đường dẫn khác."
    ]
