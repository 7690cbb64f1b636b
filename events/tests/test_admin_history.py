"""History and permissions in the events admin: bulk publishing is recorded per event with the
coordinator who did it, and importing a sign-in sheet needs the permission to import one."""

import pytest
from django.contrib.auth.models import Permission

from core import roles
from events.models import Event, Participation, SignInImport
from events.tests.factories import EventFactory
from members.models import Person

pytestmark = pytest.mark.django_db

ADMIN = "/vi/admin/events/event/"
ROWS = [
    {
        "line": 2,
        "full_name": "Trần Thị Hoa",
        "gender": "female",
        "organisation": "CECR",
        "role": "participant",
        "mode": "in_person",
    },
    {
        "line": 3,
        "full_name": "Lê Văn Nam",
        "gender": "male",
        "organisation": "GreenHub",
        "role": "participant",
        "mode": "in_person",
    },
]


@pytest.fixture
def coordinator_role(client, staff_in):
    user = staff_in(roles.COORDINATORS)
    client.force_login(user)
    client.user = user
    return client


def test_bulk_publish_and_unpublish_record_one_history_row_per_event(coordinator_role):
    drafts = [EventFactory(is_published=False) for _ in range(3)]
    selected = [event.pk for event in drafts]

    coordinator_role.post(ADMIN, {"action": "publish", "_selected_action": selected})
    assert Event.objects.filter(pk__in=selected, is_published=True).count() == 3
    for event in drafts:
        assert [row.is_published for row in event.history.all()] == [True, False]
        latest = event.history.first()
        assert latest.history_user == coordinator_role.user and latest.history_type == "~"
        assert latest.title_vi == event.title_vi

    coordinator_role.post(ADMIN, {"action": "unpublish", "_selected_action": selected})
    for event in drafts:
        assert [row.is_published for row in event.history.all()] == [False, True, False]
        assert event.history.first().history_user == coordinator_role.user


def test_the_event_history_page_shows_who_published_it(coordinator_role):
    event = EventFactory(is_published=False)
    coordinator_role.post(ADMIN, {"action": "publish", "_selected_action": [event.pk]})
    response = coordinator_role.get(f"{ADMIN}{event.pk}/history/")
    assert response.status_code == 200
    assert coordinator_role.user.email in response.content.decode()
    version = event.history.first().history_id
    assert coordinator_role.get(f"{ADMIN}{event.pk}/history/{version}/").status_code == 200


@pytest.fixture
def reviewer(client, django_user_model):
    """Staff who may review sign-in sheets (add people and participations) but not import one."""
    user = django_user_model.objects.create_user(
        username="ra-soat", email="ra-soat@npap.test", password="Mat-khau-2026", is_staff=True
    )
    codenames = ["add_person", "add_participation", "view_event", "change_event"]
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    client.force_login(user)
    return client


def preview_url(signin_import) -> str:
    return f"{ADMIN}{signin_import.event_id}/signin-import/{signin_import.pk}/"


def preview_form(response) -> dict:
    data = {}
    for item in response.context["rows"]:
        for cell in item["cells"]:
            data[cell["id"]] = cell["value"]
        data[f"row-{item['review'].index}-action"] = item["review"].action
    return data


def test_without_the_permission_a_sheet_is_reviewed_but_not_imported(reviewer):
    signin_import = SignInImport.objects.create(event=EventFactory(), file_name="danh-sach.csv", rows=ROWS)
    page = reviewer.get(preview_url(signin_import))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="_commit"' not in html
    assert "cần có quyền nhập danh sách ký tên" in html

    response = reviewer.post(preview_url(signin_import), {**preview_form(page), "_commit": "1"})
    assert response.status_code == 403
    signin_import.refresh_from_db()
    assert signin_import.status == SignInImport.Status.PREVIEW
    assert not Participation.objects.exists() and not Person.objects.exists()


def test_a_coordinator_imports_the_reviewed_sheet(coordinator_role):
    signin_import = SignInImport.objects.create(event=EventFactory(), file_name="danh-sach.csv", rows=ROWS)
    page = coordinator_role.get(preview_url(signin_import))
    assert 'name="_commit"' in page.content.decode()
    response = coordinator_role.post(preview_url(signin_import), {**preview_form(page), "_commit": "1"})
    assert response.status_code == 302
    signin_import.refresh_from_db()
    assert signin_import.status == SignInImport.Status.COMMITTED
    assert Participation.objects.filter(event=signin_import.event).count() == 2
