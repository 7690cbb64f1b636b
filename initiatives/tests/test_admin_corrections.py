"""An approved figure in the admin: read-only on its page, changed only through a recorded
correction that results approvers make, shown in its history and in the network's totals."""

from decimal import Decimal as D

import pytest
from django.core.files.base import ContentFile
from django.db.models.fields.files import FieldFile
from django.test import Client

from core import roles
from initiatives.models import IndicatorUpdate, Measure, UpdateCorrection, UpdateEvidence
from initiatives.tests.factories import (
    IndicatorUpdateFactory,
    InitiativePartnerFactory,
    NetworkIndicatorFactory,
    PeriodFactory,
    UpdateDisaggregationFactory,
    sex_values,
)

pytestmark = pytest.mark.django_db

ADMIN = "/vi/admin/initiatives/indicatorupdate/"
RESULTS = "/vi/initiatives/results/"
REASON = "Báo cáo quý trước đã tính 150 kg này; trừ đi để không tính hai lần."


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def approved():
    """An approved 1,250 kg, 500 by women and 700 by men, counted in the network's totals."""
    values = sex_values()
    partner = InitiativePartnerFactory()
    period = PeriodFactory(
        indicator__result__initiative=partner.initiative,
        indicator__network_indicator=NetworkIndicatorFactory(),
    )
    update = IndicatorUpdateFactory(period=period, organisation=partner.organisation, value=D(1250))
    UpdateDisaggregationFactory(update=update, dimension_value=values["female"], value=D(500))
    UpdateDisaggregationFactory(update=update, dimension_value=values["male"], value=D(700))
    evidence = UpdateEvidence(update=update, original_name="bien-ban-thu-gom.pdf")
    evidence.file.save("bien-ban.pdf", ContentFile(b"%PDF-1.4 bien ban"), save=False)
    evidence.save()
    return update


@pytest.fixture
def approver(client, staff_in):
    client.force_login(staff_in(roles.RESULTS_APPROVERS))
    return client


@pytest.fixture
def coordinator_role(client, staff_in):
    client.force_login(staff_in(roles.COORDINATORS))
    return client


def form_data(response) -> dict:
    """What the browser sends back for the change page as shown, inlines included."""
    data: dict = {}

    def add(form) -> None:
        for bound in form:
            value = bound.value()
            if isinstance(value, FieldFile) or value is False:
                continue
            data[bound.html_name] = "" if value is None else "on" if value is True else str(value)

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        for bound in inline.formset.management_form:
            data[bound.html_name] = bound.value()
        for form in inline.formset.forms:
            add(form)
    return data


def figures(update: IndicatorUpdate) -> tuple:
    update.refresh_from_db()
    parts = sorted((row.dimension_value.code, row.value) for row in update.disaggregations.all())
    return update.value, parts, update.evidence.count()


def correction_data(update, **changes) -> dict:
    values = sex_values()
    data = {
        "value": "1100",
        f"dv_{values['female'].pk}": "400",
        f"dv_{values['male'].pk}": "700",
        f"dv_{values['other'].pk}": "",
        "narrative": "",
        "reason": REASON,
    }
    return {**data, **changes}


def anonymous_totals() -> str:
    return Client().get(RESULTS).content.decode()


@pytest.mark.parametrize("who", ["coordinator_role", "approver"])
def test_posting_the_change_page_leaves_an_approved_figure_as_it_was(request, approved, who):
    client = request.getfixturevalue(who)
    before = figures(approved)
    page = client.get(f"{ADMIN}{approved.pk}/change/")
    assert page.status_code == 200
    data = {
        **form_data(page),
        "value": "9999",
        "reported_on": "2022-06-30",
        "disaggregations-0-value": "1",
        "disaggregations-1-DELETE": "on",
        "evidence-0-DELETE": "on",
        "disaggregations-TOTAL_FORMS": "3",
        "disaggregations-2-dimension_value": str(sex_values()["other"].pk),
        "disaggregations-2-value": "5",
    }
    client.post(f"{ADMIN}{approved.pk}/change/", data)
    assert figures(approved) == before
    approved.refresh_from_db()
    assert approved.reported_on.isoformat() == "2022-12-31"


def test_a_figure_waiting_for_approval_can_still_be_edited_on_its_page(coordinator_role, approved):
    approved.status = IndicatorUpdate.Status.SUBMITTED
    approved.save()
    page = coordinator_role.get(f"{ADMIN}{approved.pk}/change/")
    coordinator_role.post(f"{ADMIN}{approved.pk}/change/", {**form_data(page), "value": "1300"})
    approved.refresh_from_db()
    assert approved.value == D(1300)


def test_a_results_approver_corrects_a_figure_and_the_network_totals_follow(approver, approved, staff_in):
    assert "1.250 kg" in anonymous_totals()
    page = approver.get(f"{ADMIN}{approved.pk}/change/").content.decode()
    assert f"{ADMIN}{approved.pk}/correct/" in page
    assert "Sửa số liệu này" in page

    form = approver.get(f"{ADMIN}{approved.pk}/correct/")
    assert form.status_code == 200
    assert form.context["form"]["value"].value() == D("1250.00")
    response = approver.post(f"{ADMIN}{approved.pk}/correct/", correction_data(approved))
    assert response.status_code == 302
    assert response["Location"].endswith(f"{ADMIN}{approved.pk}/change/")

    value, parts, evidence = figures(approved)
    assert value == D(1100) and parts == [("female", D(400)), ("male", D(700))] and evidence == 1
    assert approved.status == IndicatorUpdate.Status.APPROVED
    correction = UpdateCorrection.objects.get(update=approved)
    user = response.wsgi_request.user
    assert correction.reason == REASON and correction.corrected_by == user
    assert correction.before["value"] == "1250.00" and correction.after["value"] == "1100.00"
    assert correction.before["disaggregations"] == {"sex:female": "500.00", "sex:male": "700.00"}
    assert correction.after["disaggregations"] == {"sex:female": "400.00", "sex:male": "700.00"}
    latest = approved.history.first()
    assert latest.history_change_reason == REASON and latest.history_user == user
    assert latest.value == D(1100)

    # The change page lists the correction and links the history, which shows it too.
    page = approver.get(f"{ADMIN}{approved.pk}/change/").content.decode()
    assert REASON in page and "1.250,00 → 1.100,00" in page and "Nữ (Giới tính): 500,00 → 400,00" in page
    assert f"{ADMIN}{approved.pk}/history/" in page
    history = approver.get(f"{ADMIN}{approved.pk}/history/")
    assert history.status_code == 200
    assert REASON in history.content.decode()

    totals = anonymous_totals()
    assert "1.100 kg" in totals and "1.250 kg" not in totals


def test_a_correction_without_a_reason_is_refused_and_changes_nothing(approver, approved):
    before = figures(approved)
    response = approver.post(f"{ADMIN}{approved.pk}/correct/", correction_data(approved, reason="  "))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hãy nêu lý do sửa số liệu: lý do được lưu cùng số liệu." in html
    # What was typed is still there.
    assert 'value="1100"' in html and 'value="400"' in html
    assert figures(approved) == before
    assert not UpdateCorrection.objects.exists()
    assert approved.history.count() == 1


def test_parts_adding_up_to_more_than_the_whole_are_refused_and_change_nothing(approver, approved):
    assert "1.250 kg" in anonymous_totals()
    before = figures(approved)
    values = sex_values()
    data = correction_data(approved, **{f"dv_{values['female'].pk}": "600"})
    response = approver.post(f"{ADMIN}{approved.pk}/correct/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Số liệu theo giới tính cộng lại là 1300, lớn hơn tổng số 1100." in html
    assert 'value="600"' in html and REASON in html
    assert figures(approved) == before
    assert not UpdateCorrection.objects.exists()
    assert "1.250 kg" in anonymous_totals()


def test_a_negative_part_is_refused(approver, approved):
    before = figures(approved)
    values = sex_values()
    data = correction_data(approved, **{f"dv_{values['other'].pk}": "-5"})
    html = approver.post(f"{ADMIN}{approved.pk}/correct/", data).content.decode()
    assert "Nhập một số không âm." in html
    assert figures(approved) == before


def test_a_percentage_numerator_larger_than_its_denominator_is_refused(approver):
    update = IndicatorUpdateFactory(
        period__indicator__measure=Measure.PERCENTAGE, value=None, numerator=D(4), denominator=D(5)
    )
    response = approver.post(
        f"{ADMIN}{update.pk}/correct/", {"numerator": "6", "denominator": "5", "reason": REASON}
    )
    assert "Tử số không thể lớn hơn mẫu số." in response.content.decode()
    update.refresh_from_db()
    assert (update.numerator, update.denominator) == (D(4), D(5))

    approver.post(f"{ADMIN}{update.pk}/correct/", {"numerator": "3", "denominator": "5", "reason": REASON})
    update.refresh_from_db()
    assert (update.numerator, update.denominator) == (D(3), D(5))
    assert UpdateCorrection.objects.get(update=update).before["numerator"] == "4.00"


def test_the_same_figures_again_record_no_correction(approver, approved):
    values = sex_values()
    data = correction_data(
        approved, value="1250", **{f"dv_{values['female'].pk}": "500", f"dv_{values['male'].pk}": "700"}
    )
    response = approver.post(f"{ADMIN}{approved.pk}/correct/", data)
    assert response.status_code == 200
    assert "Đây đã là số liệu được phê duyệt: không có gì để sửa." in response.content.decode()
    assert not UpdateCorrection.objects.exists()
    assert approved.history.count() == 1


def test_without_the_permission_the_correction_is_neither_offered_nor_allowed(coordinator_role, approved):
    before = figures(approved)
    page = coordinator_role.get(f"{ADMIN}{approved.pk}/change/").content.decode()
    assert f"{approved.pk}/correct/" not in page
    assert coordinator_role.get(f"{ADMIN}{approved.pk}/correct/").status_code == 403
    response = coordinator_role.post(f"{ADMIN}{approved.pk}/correct/", correction_data(approved))
    assert response.status_code == 403
    assert figures(approved) == before
    assert not UpdateCorrection.objects.exists()


def test_only_an_approved_figure_is_offered_for_correction(approver, approved):
    approved.status = IndicatorUpdate.Status.SUBMITTED
    approved.save()
    assert f"{approved.pk}/correct/" not in approver.get(f"{ADMIN}{approved.pk}/change/").content.decode()
    response = approver.post(f"{ADMIN}{approved.pk}/correct/", correction_data(approved), follow=True)
    assert "Chỉ có thể sửa một cập nhật đã được phê duyệt" in response.content.decode()
    assert figures(approved)[0] == D(1250)


def test_an_earlier_version_of_an_update_cannot_be_restored_from_its_history(approver, approved):
    approver.post(f"{ADMIN}{approved.pk}/correct/", correction_data(approved))
    first = approved.history.order_by("history_id").first()
    url = f"{ADMIN}{approved.pk}/history/{first.history_id}/"
    assert approver.get(url).status_code == 200
    assert approver.post(url, {"value": "1250"}).status_code == 403
    assert figures(approved)[0] == D(1100)
