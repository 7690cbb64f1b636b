"""The coordinators' admin pages for initiatives and the approval queue."""

from datetime import date
from decimal import Decimal as D

import pytest

from initiatives.models import IndicatorUpdate
from initiatives.tests.factories import IndicatorUpdateFactory, InitiativeFactory, InitiativePartnerFactory

pytestmark = pytest.mark.django_db


def test_admin_pages_open_and_search_ignores_diacritics(client, coordinator):
    partner = InitiativePartnerFactory(initiative__title_vi="Mô hình kinh tế tuần hoàn rác thải nhựa")
    InitiativeFactory(title_vi="Chung tay Bảo vệ Nguồn nước")
    update = IndicatorUpdateFactory(period__indicator__result__initiative=partner.initiative)
    client.force_login(coordinator)
    for model in [
        "initiative",
        "result",
        "indicator",
        "period",
        "indicatorupdate",
        "networkindicator",
        "dimension",
    ]:
        assert client.get(f"/vi/admin/initiatives/{model}/").status_code == 200, model
    for model in ["pillar", "technicalgroup", "province"]:
        assert client.get(f"/vi/admin/vocabulary/{model}/").status_code == 200, model
    assert client.get(f"/vi/admin/initiatives/initiative/{partner.initiative.pk}/change/").status_code == 200
    assert client.get(f"/vi/admin/initiatives/indicatorupdate/{update.pk}/change/").status_code == 200
    assert client.get(f"/vi/admin/initiatives/period/{update.period.pk}/change/").status_code == 200
    found = (
        client.get("/vi/admin/initiatives/initiative/", {"q": "kinh te tuan hoan"}).context["cl"].result_list
    )
    assert [i.title for i in found] == ["Mô hình kinh tế tuần hoàn rác thải nhựa"]


def test_the_admin_queue_approves_submitted_updates_only(client, coordinator):
    submitted = IndicatorUpdateFactory(status=IndicatorUpdate.Status.SUBMITTED, value=D(5))
    draft = IndicatorUpdateFactory(status=IndicatorUpdate.Status.DRAFT, reported_on=date(2022, 5, 1))
    client.force_login(coordinator)
    client.post(
        "/vi/admin/initiatives/indicatorupdate/",
        {"action": "approve", "_selected_action": [submitted.pk, draft.pk]},
    )
    submitted.refresh_from_db()
    draft.refresh_from_db()
    assert submitted.status == IndicatorUpdate.Status.APPROVED and submitted.reviewer == coordinator
    assert draft.status == IndicatorUpdate.Status.DRAFT


def test_an_initiative_cannot_take_a_slug_used_by_another_page():
    from django.core.exceptions import ValidationError

    initiative = InitiativeFactory.build(slug="report")
    with pytest.raises(ValidationError) as error:
        initiative.full_clean()
    assert "slug" in error.value.message_dict
