"""Bulk actions in the member directory's admin: recorded per organisation with the coordinator
who ran them, and editor requests decided only with the permission to decide them."""

import pytest
from django.contrib.auth.models import Permission

from core import roles
from members.models import EditorRequest, Organisation
from members.tests.factories import EditorRequestFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

ADMIN = "/vi/admin/members/"


def test_bulk_publish_and_unpublish_record_one_history_row_per_organisation(client, staff_in):
    user = staff_in(roles.COORDINATORS)
    client.force_login(user)
    hidden = [OrganisationFactory(is_published=False) for _ in range(2)]
    selected = [organisation.pk for organisation in hidden]

    client.post(f"{ADMIN}organisation/", {"action": "publish", "_selected_action": selected})
    assert Organisation.objects.filter(pk__in=selected, is_published=True).count() == 2
    for organisation in hidden:
        assert [row.is_published for row in organisation.history.all()] == [True, False]
        assert organisation.history.first().history_user == user

    response = client.post(
        f"{ADMIN}organisation/", {"action": "unpublish", "_selected_action": selected}, follow=True
    )
    assert [str(m) for m in response.context["messages"]][-1] == "Đã ngừng công bố 2 tổ chức."
    for organisation in hidden:
        assert [row.is_published for row in organisation.history.all()] == [False, True, False]


def test_a_coordinator_decides_editor_requests(client, staff_in):
    client.force_login(staff_in(roles.COORDINATORS))
    pending = EditorRequestFactory(status=EditorRequest.Status.PENDING)
    page = client.get(f"{ADMIN}editorrequest/").content.decode()
    assert 'value="approve"' in page and 'value="decline"' in page
    client.post(f"{ADMIN}editorrequest/", {"action": "approve", "_selected_action": [pending.pk]})
    pending.refresh_from_db()
    assert pending.status == EditorRequest.Status.APPROVED


def test_without_the_permission_editor_requests_are_seen_but_not_decided(client, django_user_model):
    user = django_user_model.objects.create_user(
        username="xem", email="xem@npap.test", password="Mat-khau-2026", is_staff=True
    )
    user.user_permissions.set(
        Permission.objects.filter(codename__in=["view_editorrequest", "change_editorrequest"])
    )
    client.force_login(user)
    pending = EditorRequestFactory(status=EditorRequest.Status.PENDING)
    page = client.get(f"{ADMIN}editorrequest/")
    assert page.status_code == 200
    assert 'value="approve"' not in page.content.decode() and 'value="decline"' not in page.content.decode()
    for action in ("approve", "decline"):
        client.post(f"{ADMIN}editorrequest/", {"action": action, "_selected_action": [pending.pk]})
    pending.refresh_from_db()
    assert pending.status == EditorRequest.Status.PENDING
