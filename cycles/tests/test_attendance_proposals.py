"""An indicator linked to events gets, when a cycle opens, a draft figure from the people
recorded as attending them in the period, split by sex, for its reporter to check and submit."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from cycles import services
from cycles.models import DuePeriod
from events.models import Participation
from events.tests.factories import EventFactory, ParticipationFactory
from initiatives.models import Indicator, IndicatorUpdate
from initiatives.tests.factories import IndicatorUpdateFactory
from members.models import Person
from members.tests.factories import PersonFactory

Gender = Person.Gender


@pytest.fixture
def trainings(network):
    """Two trainings of ASPPIRe in the second half of 2026 and one before it."""
    indicator = Indicator.objects.get(title_vi="Người thu gom được tập huấn")
    first = EventFactory(
        title_vi="Tập huấn phân loại rác cho người thu gom", start_date=datetime.date(2026, 9, 12)
    )
    second = EventFactory(title_vi="Tập huấn an toàn lao động", start_date=datetime.date(2026, 10, 24))
    earlier = EventFactory(title_vi="Tập huấn năm 2025", start_date=datetime.date(2025, 10, 1))
    indicator.attendance_events.set([first, second, earlier])
    women = [PersonFactory(gender=Gender.FEMALE) for _ in range(3)]
    men = [PersonFactory(gender=Gender.MALE) for _ in range(2)]
    undisclosed = PersonFactory(gender=Gender.UNDISCLOSED)
    for person in [*women, *men]:
        ParticipationFactory(event=first, person=person)
    # At both trainings: one person, counted once.
    ParticipationFactory(event=second, person=women[0])
    ParticipationFactory(event=second, person=undisclosed)
    ParticipationFactory(
        event=second, person=PersonFactory(gender=Gender.MALE), status=Participation.Status.NO_SHOW
    )
    ParticipationFactory(event=earlier, person=PersonFactory(gender=Gender.FEMALE))
    return indicator


def open_cycle(network, capture):
    with capture():
        services.cycle_open(cycle=network["cycle"], user=network["coordinator"])


def test_opening_proposes_the_people_attending_split_by_sex(
    network, trainings, django_capture_on_commit_callbacks
):
    open_cycle(network, django_capture_on_commit_callbacks)
    [proposal] = IndicatorUpdate.objects.filter(period__indicator=trainings)
    assert proposal.status == IndicatorUpdate.Status.DRAFT
    assert proposal.source == IndicatorUpdate.Source.ATTENDANCE
    assert proposal.value == Decimal("6")
    assert {part.dimension_value.code: part.value for part in proposal.disaggregations.all()} == {
        "female": Decimal("3"),
        "male": Decimal("2"),
        "other": Decimal("1"),
    }
    assert proposal.organisation == network["cecr"]
    # As of today, or of the period's end once it is over.
    today = timezone.localdate()
    assert proposal.reported_on == min(datetime.date(2026, 12, 31), max(datetime.date(2026, 7, 1), today))
    assert (
        proposal.narrative
        == "Đề xuất từ những người được ghi nhận tham dự 2 sự kiện, mỗi người tính một lần."
    )
    # Indicators without linked events get nothing proposed.
    assert IndicatorUpdate.objects.count() == 1


def test_a_period_already_reported_gets_no_proposal(network, trainings, django_capture_on_commit_callbacks):
    period = trainings.periods.create(start=datetime.date(2026, 7, 1), end=datetime.date(2026, 12, 31))
    IndicatorUpdateFactory(period=period, value=Decimal("40"), status=IndicatorUpdate.Status.DRAFT)
    open_cycle(network, django_capture_on_commit_callbacks)
    assert list(IndicatorUpdate.objects.values_list("value", flat=True)) == [Decimal("40")]


def test_the_editor_checks_the_proposal_corrects_it_and_submits(
    client, network, trainings, django_capture_on_commit_callbacks
):
    open_cycle(network, django_capture_on_commit_callbacks)
    proposal = IndicatorUpdate.objects.get()
    client.force_login(network["editor"])
    due = client.get("/vi/cycles/due/").content.decode()
    edit = f"/vi/initiatives/report/asppire/updates/{proposal.pk}/edit/"
    assert edit in due and "Kiểm tra số liệu đề xuất" in due
    form = client.get(edit)
    assert form.status_code == 200
    initial = form.context["form"].initial
    split = {name: str(initial[name]) for name in form.context["form"].sex_fields}
    # Whole numbers as typed: "5.00" would read as five hundred in Vietnamese.
    assert sorted(split.values()) == ["1", "2", "3"]
    assert str(form.context["form"].initial["value"]) == "6"
    # One more woman came whose name was missing from the sheet.
    women = next(name for name in split if split[name] == "3")
    response = client.post(
        edit,
        {"reported_on": "31/12/2026", "value": "7", **split, women: "4", "narrative": proposal.narrative},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    proposal.refresh_from_db()
    assert proposal.status == IndicatorUpdate.Status.SUBMITTED and proposal.value == Decimal("7")
    assert proposal.submitted_by == network["editor"]
    assert sorted(part.value for part in proposal.disaggregations.all()) == [
        Decimal("1"),
        Decimal("2"),
        Decimal("4"),
    ]
    assert DuePeriod.objects.filter(period=proposal.period).exists()
