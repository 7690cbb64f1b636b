"""History in the initiatives admin: every change, bulk actions included, is recorded with the
person who made it; approving from the admin needs the results approvers' permission."""

from decimal import Decimal as D

import pytest
from django.test import Client

from core import roles
from initiatives.models import IndicatorUpdate, Initiative, Period
from initiatives.tests.factories import (
    IndicatorUpdateFactory,
    InitiativeFactory,
    NetworkIndicatorFactory,
    PeriodFactory,
)
from initiatives.tests.test_admin_corrections import form_data
from members.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ADMIN = "/vi/admin/initiatives/"


def signed_in(client: Client, user) -> Client:
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def coordinator_role(client, staff_in):
    return signed_in(client, staff_in(roles.COORDINATORS))


@pytest.fixture
def approver(client, staff_in):
    return signed_in(client, staff_in(roles.RESULTS_APPROVERS))


def test_bulk_publish_and_unpublish_record_one_history_row_per_initiative(coordinator_role):
    drafts = [InitiativeFactory(is_published=False) for _ in range(3)]
    already = InitiativeFactory(is_published=True)
    selected = [initiative.pk for initiative in [*drafts, already]]

    coordinator_role.post(f"{ADMIN}initiative/", {"action": "publish", "_selected_action": selected})
    assert Initiative.objects.filter(is_published=True).count() == 4
    for initiative in drafts:
        latest = initiative.history.first()
        assert initiative.history.count() == 2
        assert latest.is_published and latest.history_type == "~"
        assert latest.history_user == coordinator_role.user
    # Nothing changed for the one that was published already, so nothing is recorded for it.
    assert already.history.count() == 1

    coordinator_role.post(f"{ADMIN}initiative/", {"action": "unpublish", "_selected_action": selected})
    assert not Initiative.objects.filter(is_published=True).exists()
    for initiative in [*drafts, already]:
        latest = initiative.history.first()
        assert not latest.is_published and latest.history_user == coordinator_role.user


def test_bulk_lock_and_unlock_record_one_history_row_per_period(coordinator_role):
    periods = [PeriodFactory() for _ in range(2)]
    selected = [period.pk for period in periods]

    coordinator_role.post(f"{ADMIN}period/", {"action": "lock", "_selected_action": selected})
    assert Period.objects.filter(locked=True).count() == 2
    for period in periods:
        assert [row.locked for row in period.history.all()] == [True, False]
        assert period.history.first().history_user == coordinator_role.user

    coordinator_role.post(f"{ADMIN}period/", {"action": "unlock", "_selected_action": selected})
    for period in periods:
        assert [row.locked for row in period.history.all()] == [False, True, False]
        assert period.history.first().history_user == coordinator_role.user


def test_a_coordinator_neither_sees_nor_runs_the_approve_action(coordinator_role):
    submitted = IndicatorUpdateFactory(status=IndicatorUpdate.Status.SUBMITTED)
    page = coordinator_role.get(f"{ADMIN}indicatorupdate/")
    assert page.status_code == 200
    assert 'value="approve"' not in page.content.decode()
    coordinator_role.post(
        f"{ADMIN}indicatorupdate/", {"action": "approve", "_selected_action": [submitted.pk]}
    )
    submitted.refresh_from_db()
    assert submitted.status == IndicatorUpdate.Status.SUBMITTED


def test_a_results_approver_approves_from_the_admin_and_the_totals_move(approver, deliver_mail):
    submitted = IndicatorUpdateFactory(
        status=IndicatorUpdate.Status.SUBMITTED,
        value=D(2400),
        period__indicator__network_indicator=NetworkIndicatorFactory(),
        submitted_by=UserFactory(email="phong@greenhub.test"),
    )
    assert "2.400 kg" not in Client().get("/vi/initiatives/results/").content.decode()
    page = approver.get(f"{ADMIN}indicatorupdate/")
    assert 'value="approve"' in page.content.decode()

    approver.post(f"{ADMIN}indicatorupdate/", {"action": "approve", "_selected_action": [submitted.pk]})
    submitted.refresh_from_db()
    assert submitted.status == IndicatorUpdate.Status.APPROVED and submitted.reviewer == approver.user
    assert submitted.history.first().history_user == approver.user
    assert "2.400 kg" in Client().get("/vi/initiatives/results/").content.decode()
    assert [mail.to for mail in deliver_mail()] == [["phong@greenhub.test"]]


@pytest.mark.parametrize("model", ["initiative", "result", "indicator", "period", "indicatorupdate"])
def test_each_models_history_page_opens_for_a_coordinator(coordinator_role, model):
    update = IndicatorUpdateFactory()
    indicator = update.period.indicator
    objects = {
        "initiative": indicator.result.initiative,
        "result": indicator.result,
        "indicator": indicator,
        "period": update.period,
        "indicatorupdate": update,
    }
    obj = objects[model]
    response = coordinator_role.get(f"{ADMIN}{model}/{obj.pk}/history/")
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == obj.history.count() >= 1
    version = obj.history.first().history_id
    assert coordinator_role.get(f"{ADMIN}{model}/{obj.pk}/history/{version}/").status_code == 200


def test_an_edit_in_the_admin_is_recorded_with_the_coordinator(coordinator_role):
    period = PeriodFactory()
    page = coordinator_role.get(f"{ADMIN}period/{period.pk}/change/")
    response = coordinator_role.post(
        f"{ADMIN}period/{period.pk}/change/", {**form_data(page), "target_value": "5000"}
    )
    assert response.status_code == 302
    latest = period.history.first()
    assert latest.target_value == D(5000) and latest.history_user == coordinator_role.user
    assert "5000" in coordinator_role.get(f"{ADMIN}period/{period.pk}/history/").content.decode()
