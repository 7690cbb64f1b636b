"""The demo network carries the real events of the source documents."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from events.headcounts import event_headcount
from events.models import Event

pytestmark = pytest.mark.django_db


def test_the_demo_events_load_once_with_their_real_facts():
    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())
    assert Event.objects.count() == 20
    strategy = Event.objects.get(slug="hoi-thao-tham-van-chien-luoc-mang-luoi-nhua-va-suc-khoe")
    assert (strategy.start_date.day, strategy.start_date.month, strategy.format) == (
        8,
        11,
        Event.Format.HYBRID,
    )
    working_group = Event.objects.get(slug="hoi-nghi-lan-thu-3-nhom-cong-tac-npap")
    assert working_group.start_date == date(2023, 12, 15) and working_group.province.name == "Hà Nội"
    roundtable = Event.objects.get(slug="hoi-nghi-ban-tron-quoc-gia-lan-5-san-xuat-tieu-thu-ben-vung")
    assert roundtable.is_multi_day and roundtable.province.name == "Khánh Hòa"
    assert event_headcount(roundtable).total == 200
    assert roundtable.sessions.filter(kind="plenary").get().items.count() == 4
    assert roundtable.sessions.filter(kind="parallel").count() == 3
    assert {o.organisation.acronym for o in roundtable.organisers.all()} == {"MONRE", "MOIT", "VNCPC"}
    handover = Event.objects.get(slug="hoi-nghi-ban-giao-mo-hinh-kinh-te-tuan-hoan-hoan-kiem")
    assert event_headcount(handover).total == 70


def test_a_coordinators_edit_survives_loading_the_demo_again():
    call_command("load_demo", stdout=StringIO())
    Event.objects.filter(slug="ra-quan-lam-sach-ao-bo-de").update(headcount_total=120)
    call_command("load_demo", stdout=StringIO())
    assert Event.objects.get(slug="ra-quan-lam-sach-ao-bo-de").headcount_total == 120
