"""The correction service on its own: who may correct, what may be corrected, and what it keeps."""

from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from core import page_cache, roles
from initiatives.corrections import indicator_update_correct
from initiatives.models import IndicatorUpdate, UpdateCorrection
from initiatives.tests.factories import IndicatorUpdateFactory, UpdateDisaggregationFactory, sex_values

pytestmark = pytest.mark.django_db

REASON = "Biên bản thu gom ghi nhầm số nữ tham gia."


@pytest.fixture
def approved():
    values = sex_values()
    update = IndicatorUpdateFactory(value=D(80))
    UpdateDisaggregationFactory(update=update, dimension_value=values["female"], value=D(30))
    UpdateDisaggregationFactory(update=update, dimension_value=values["male"], value=D(50))
    return update


def test_a_coordinator_without_the_permission_cannot_correct(approved, staff_in):
    with pytest.raises(ValidationError):
        indicator_update_correct(
            update=approved, corrected_by=staff_in(roles.COORDINATORS), reason=REASON, value=D(70)
        )
    approved.refresh_from_db()
    assert approved.value == D(80) and not UpdateCorrection.objects.exists()


@pytest.mark.parametrize("status", [IndicatorUpdate.Status.SUBMITTED, IndicatorUpdate.Status.RETURNED])
def test_only_an_approved_update_is_corrected(approved, staff_in, status):
    approved.status = status
    approved.save()
    with pytest.raises(ValidationError):
        indicator_update_correct(
            update=approved, corrected_by=staff_in(roles.RESULTS_APPROVERS), reason=REASON, value=D(70)
        )
    approved.refresh_from_db()
    assert approved.value == D(80)


def test_a_lower_total_is_checked_against_the_parts_it_keeps(approved, staff_in):
    with pytest.raises(ValidationError) as error:
        indicator_update_correct(
            update=approved, corrected_by=staff_in(roles.RESULTS_APPROVERS), reason=REASON, value=D(60)
        )
    assert "80" in " ".join(error.value.messages) and "60" in " ".join(error.value.messages)
    approved.refresh_from_db()
    assert approved.value == D(80)


def test_a_part_removed_and_one_changed_are_recorded_with_who_and_why(approved, staff_in):
    approver = staff_in(roles.RESULTS_APPROVERS)
    values = sex_values()
    version = page_cache.results_version()
    correction = indicator_update_correct(
        update=approved,
        corrected_by=approver,
        reason=REASON,
        disaggregations={values["female"]: D(35), values["male"]: None},
    )
    assert correction.before["disaggregations"] == {"sex:female": "30.00", "sex:male": "50.00"}
    assert correction.after["disaggregations"] == {"sex:female": "35.00"}
    assert correction.after["value"] == correction.before["value"] == "80.00"
    assert [(row.dimension_value.code, row.value) for row in approved.disaggregations.all()] == [
        ("female", D(35))
    ]
    for row in approved.disaggregations.model.history.filter(history_change_reason=REASON):
        assert row.history_user == approver
    assert set(
        approved.disaggregations.model.history.filter(history_change_reason=REASON).values_list(
            "history_type", flat=True
        )
    ) == {"~", "-"}
    latest = approved.history.first()
    assert latest.history_change_reason == REASON and latest.history_user == approver
    # The totals are summed afresh on the next page, without waiting for the cache to expire.
    assert page_cache.results_version() != version


def test_the_reporter_is_mailed_the_correction_and_its_reason(approved, staff_in, deliver_mail):
    reporter = staff_in(roles.COORDINATORS, email="bao.cao@cecr.test")
    approved.submitted_by = reporter
    approved.save()
    indicator_update_correct(
        update=approved, corrected_by=staff_in(roles.RESULTS_APPROVERS), reason=REASON, value=D(1200)
    )
    [message] = [m for m in deliver_mail() if m.to == [reporter.email]]
    assert REASON in message.body
    assert "80" in message.body and "1.200" in message.body
