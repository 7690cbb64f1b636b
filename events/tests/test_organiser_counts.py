"""The organisers' event counts the events list offers, kept as events and their organisers
change: through the admin's inlines and actions, deletions and moves, with a recount that always
agrees, the rebuild command, the migration that fills them and beat's nightly check."""

import re
from importlib import import_module

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.tests.beat import celery_logs, fire_every_second, wait_until
from events.models import Event, EventOrganiser, OrganiserEventCount
from events.organiser_counts import organiser_counts_check
from events.tests.factories import EventFactory, EventOrganiserFactory, EventTypeFactory
from events.tests.test_admin import form_data
from members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

ADMIN = "/en/admin/events/event/"
CHECK = "Kiểm tra số sự kiện của các đơn vị tổ chức"
TASK = "events.tasks.check_organiser_counts"


def offered(client, **filters) -> dict[str, int]:
    """The events list's organiser options with their counts, by slug."""
    return client.get("/vi/events/", filters).context["facets"]["organiser"]


@pytest.fixture
def cecr():
    return OrganisationFactory(
        slug="cecr", acronym="CECR", name_vi="Trung tâm Nghiên cứu Môi trường và Cộng đồng"
    )


@pytest.fixture
def greenhub():
    return OrganisationFactory(
        slug="greenhub", acronym="GreenHub", name_vi="Trung tâm Hỗ trợ Phát triển Xanh"
    )


def test_the_list_counts_each_organisers_published_events_once_as_they_change(client, cecr, greenhub):
    workshop = EventFactory(title_vi="Hội thảo tham vấn về giảm thiểu rác thải nhựa")
    training = EventFactory(title_vi="Tập huấn phân loại rác tại nguồn")
    EventOrganiserFactory(event=workshop, organisation=cecr, role=EventOrganiser.Role.HOST)
    # Host and funder of one event: one event.
    EventOrganiserFactory(event=workshop, organisation=cecr, role=EventOrganiser.Role.FUNDER)
    moved = EventOrganiserFactory(event=training, organisation=cecr)
    assert offered(client) == {"cecr": 2}

    moved.organisation = greenhub
    moved.save()
    assert offered(client) == {"cecr": 1, "greenhub": 1}

    training.is_published = False
    training.save()
    assert offered(client) == {"cecr": 1}
    training.is_published = True
    training.save()
    assert offered(client) == {"cecr": 1, "greenhub": 1}

    workshop.delete()
    assert offered(client) == {"greenhub": 1}
    moved.delete()
    assert offered(client) == {}
    assert not OrganiserEventCount.objects.exists()


def test_the_kept_counts_agree_with_the_counts_under_a_filter(client, cecr, greenhub):
    consultation = EventTypeFactory()
    for index in range(3):
        event = EventFactory(event_type=consultation, title_vi=f"Hội thảo tham vấn số {index + 1}")
        EventOrganiserFactory(event=event, organisation=cecr)
        if index:
            EventOrganiserFactory(event=event, organisation=greenhub, role=EventOrganiser.Role.CO_HOST)
    # Under the only type there is, the same events are counted, link by link.
    assert offered(client) == offered(client, type=consultation.code) == {"cecr": 3, "greenhub": 2}


def test_organisers_added_in_the_admin_and_the_publish_actions_move_the_counts(
    client, coordinator, cecr, greenhub
):
    event = EventFactory(title_vi="Tọa đàm Thỏa thuận toàn cầu về ô nhiễm nhựa", is_published=False)
    EventOrganiserFactory(event=event, organisation=cecr)
    staff = Client()
    staff.force_login(coordinator)
    assert offered(client) == {}

    assert staff.post(ADMIN, {"action": "publish", "_selected_action": [event.pk]}).status_code == 302
    assert offered(client) == {"cecr": 1}

    data = form_data(staff.get(f"{ADMIN}{event.pk}/change/"))
    prefix = "organisers"
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    data.update(
        {
            f"{prefix}-TOTAL_FORMS": str(total + 1),
            f"{prefix}-{total}-organisation": str(greenhub.pk),
            f"{prefix}-{total}-role": EventOrganiser.Role.CO_HOST,
            f"{prefix}-{total}-order": "2",
        }
    )
    assert staff.post(f"{ADMIN}{event.pk}/change/", data).status_code == 302
    assert offered(client) == {"cecr": 1, "greenhub": 1}

    assert staff.post(ADMIN, {"action": "unpublish", "_selected_action": [event.pk]}).status_code == 302
    assert offered(client) == {}


ACTIONS = st.lists(
    st.tuples(
        st.sampled_from(["link", "unlink", "move", "publish", "unpublish", "delete"]),
        st.integers(0, 3),
        st.integers(0, 2),
        st.sampled_from(EventOrganiser.Role.values),
    ),
    max_size=12,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=ACTIONS)
def test_the_kept_counts_always_equal_a_recount(actions):
    organisations = [OrganisationFactory(name_vi=f"Tổ chức thành viên {index}") for index in range(3)]
    events = [EventFactory(title_vi=f"Sự kiện {index}") for index in range(4)]
    for kind, event_index, organisation_index, role in actions:
        event, organisation = events[event_index], organisations[organisation_index]
        links = EventOrganiser.objects.filter(event=event).order_by("pk")
        if kind == "link":
            EventOrganiser.objects.get_or_create(event=event, organisation=organisation, role=role)
        elif kind == "unlink" and links:
            links.first().delete()
        elif kind == "move" and links:
            link = links.first()
            if not EventOrganiser.objects.filter(
                event=event, organisation=organisation, role=link.role
            ).exists():
                link.organisation = organisation
                link.save()
        elif kind in ("publish", "unpublish") and Event.objects.filter(pk=event.pk).exists():
            event.is_published = kind == "publish"
            event.save()
        elif kind == "delete" and Event.objects.filter(pk=event.pk).exists():
            event.delete()
            events[event_index] = EventFactory(title_vi=f"Sự kiện mới {event_index}")
    assert organiser_counts_check(repair=False) == []
    Event.objects.all().delete()


def test_the_rebuild_command_checks_and_writes_the_counts_again(cecr, capsys):
    EventOrganiserFactory(event=EventFactory(), organisation=cecr)
    # A bulk write past the models' saves, as a database repair by hand would be.
    Event.objects.update(is_published=False)

    call_command("rebuild_organiser_counts", "--check")
    assert f"1 organisations' kept event counts differ: {cecr.pk}" in capsys.readouterr().out
    assert OrganiserEventCount.objects.get(organisation=cecr).events == 1

    call_command("rebuild_organiser_counts")
    assert "Kept event counts rebuilt for 0 organisations." in capsys.readouterr().out
    call_command("rebuild_organiser_counts", "--check")
    assert "The kept event counts match the events." in capsys.readouterr().out


def test_the_migration_fills_the_counts_of_an_existing_database(cecr, greenhub):
    for organisation in (cecr, cecr, greenhub):
        EventOrganiserFactory(event=EventFactory(), organisation=organisation)
    OrganiserEventCount.objects.all().delete()

    import_module("events.migrations.0012_fill_organiser_counts_and_nightly_check").fill_counts(apps, None)
    assert dict(OrganiserEventCount.objects.values_list("organisation__slug", "events")) == {
        "cecr": 2,
        "greenhub": 1,
    }


@pytest.mark.django_db(transaction=True)
def test_beat_sends_the_nightly_check_and_a_worker_repairs_the_counts(start_celery, tmp_path, cecr):
    import_module("events.migrations.0012_fill_organiser_counts_and_nightly_check").create_schedule(
        apps, None
    )
    EventOrganiserFactory(event=EventFactory(), organisation=cecr)
    Event.objects.update(is_published=False)
    assert OrganiserEventCount.objects.filter(organisation=cecr).exists()

    assert fire_every_second(CHECK, TASK).planned == ("2", "45")
    start_celery("worker")
    start_celery("beat")

    def kept() -> bool:
        return OrganiserEventCount.objects.filter(organisation=cecr).exists()

    wait_until(lambda: not kept())
    logs = celery_logs(tmp_path)
    assert not kept(), logs
    assert f"Sending due task {CHECK} ({TASK})" in logs["beat"]
    # The run that repaired it names the organisation; the runs after it find nothing to repair.
    runs = re.findall(rf"{re.escape(TASK)}\[[^\]]+\] succeeded in [\d.]+s: (.*)", logs["worker"])
    assert f"[{cecr.pk}]" in runs
