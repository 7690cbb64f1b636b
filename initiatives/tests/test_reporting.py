"""Member editors report updates; coordinators approve or return them; totals follow."""

import io
from datetime import date
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from initiatives import services
from initiatives.models import IndicatorUpdate, Measure
from initiatives.tests.factories import (
    IndicatorFactory,
    InitiativePartnerFactory,
    NetworkIndicatorFactory,
    PeriodFactory,
    sex_values,
)
from members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def setup(editor_of):
    sex_values()
    cecr = OrganisationFactory(slug="cecr", acronym="CECR")
    other = OrganisationFactory(slug="greenhub", acronym="GreenHub")
    partner = InitiativePartnerFactory(organisation=cecr, initiative__slug="asppire")
    other_initiative = InitiativePartnerFactory(
        organisation=other, initiative__slug="greenhub-model"
    ).initiative
    indicator = IndicatorFactory(
        result__initiative=partner.initiative,
        title_vi="Người được tập huấn",
        unit_vi="người",
        network_indicator=NetworkIndicatorFactory(
            code="people-trained", name_vi="Người được tập huấn", unit_vi="người"
        ),
    )
    period = PeriodFactory(indicator=indicator)
    return {
        "initiative": partner.initiative,
        "other_initiative": other_initiative,
        "other_period": PeriodFactory(indicator__result__initiative=other_initiative),
        "period": period,
        "editor": editor_of(cecr),
        "other_editor": editor_of(other),
    }


def new_url(setup, period=None):
    period = period or setup["period"]
    return f"/vi/initiatives/report/{period.indicator.result.initiative.slug}/periods/{period.pk}/new/"


def form_data(**overrides):
    from initiatives.models import DimensionValue

    sex = {v.code: v.pk for v in DimensionValue.objects.filter(dimension__code="sex")}
    data = {
        "reported_on": "2022-06-30",
        "value": "40",
        f"dv_{sex['female']}": "30",
        f"dv_{sex['male']}": "10",
        "narrative": "Tập huấn cho chị em ve chai.",
        "action": "submit",
    }
    data.update(overrides)
    return data


def test_a_member_editor_submits_an_update_with_a_split_by_sex(client, setup):
    client.force_login(setup["editor"])
    response = client.post(new_url(setup), form_data())
    assert response.status_code == 302
    update = IndicatorUpdate.objects.get()
    assert update.status == IndicatorUpdate.Status.SUBMITTED
    assert update.value == D(40) and update.organisation.slug == "cecr"
    assert {d.dimension_value.code: d.value for d in update.disaggregations.all()} == {
        "female": 30,
        "male": 10,
    }
    page = client.get(f"/vi/initiatives/report/{setup['initiative'].slug}/")
    assert "chờ phê duyệt" in page.content.decode()


def test_submitted_updates_count_only_once_approved(client, setup, coordinator):
    client.force_login(setup["editor"])
    client.post(new_url(setup), form_data())
    update = IndicatorUpdate.objects.get()
    home = client.get("/vi/")
    assert "40 người" not in home.content.decode()

    client.force_login(coordinator)
    queue = client.get("/vi/initiatives/report/approvals/")
    assert setup["initiative"].title in queue.content.decode()
    response = client.post("/vi/initiatives/report/approvals/", {"update": update.pk, "decision": "approve"})
    assert response.status_code == 302
    update.refresh_from_db()
    assert update.status == IndicatorUpdate.Status.APPROVED and update.reviewer == coordinator
    assert "40 người" in client.get("/vi/").content.decode()
    detail = client.get(setup["initiative"].get_absolute_url()).content.decode()
    assert "Nữ: 30" in detail and "Nam: 10" in detail


def test_a_coordinator_returns_an_update_with_a_note_and_the_editor_revises_it(
    client, setup, coordinator, django_capture_on_commit_callbacks, deliver_mail
):
    client.force_login(setup["editor"])
    client.post(new_url(setup), form_data())
    update = IndicatorUpdate.objects.get()
    client.force_login(coordinator)
    response = client.post(
        "/vi/initiatives/report/approvals/", {"update": update.pk, "decision": "return"}, follow=True
    )
    assert "Hãy ghi rõ cần chỉnh sửa gì" in response.content.decode()
    update.refresh_from_db()
    assert update.status == IndicatorUpdate.Status.SUBMITTED, "returning needs a note"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/vi/initiatives/report/approvals/",
            {"update": update.pk, "decision": "return", "note": "Xin gửi kèm danh sách học viên."},
        )
    update.refresh_from_db()
    assert update.status == IndicatorUpdate.Status.RETURNED
    returned = [m for m in deliver_mail() if m.to == [setup["editor"].email]]
    assert returned and "Xin gửi kèm danh sách học viên." in returned[-1].body

    client.force_login(setup["editor"])
    page = client.get(f"/vi/initiatives/report/{setup['initiative'].slug}/").content.decode()
    assert "Xin gửi kèm danh sách học viên." in page
    edit = f"/vi/initiatives/report/{setup['initiative'].slug}/updates/{update.pk}/edit/"
    assert client.post(edit, form_data(value="45")).status_code == 302
    update.refresh_from_db()
    assert update.status == IndicatorUpdate.Status.SUBMITTED and update.value == D(45)


def test_only_coordinators_decide_and_only_on_submitted_updates(setup):
    update = IndicatorUpdate.objects.create(
        period=setup["period"], reported_on=date(2022, 6, 30), value=D(5), status=IndicatorUpdate.Status.DRAFT
    )
    with pytest.raises(ValidationError):
        services.indicator_update_approve(update=update, reviewer=setup["editor"])
    setup["editor"].is_staff = True
    with pytest.raises(ValidationError):
        services.indicator_update_approve(update=update, reviewer=setup["editor"])


def test_a_locked_period_refuses_new_updates_with_a_clear_message(client, setup):
    period = setup["period"]
    period.locked = True
    period.save()
    client.force_login(setup["editor"])
    response = client.post(new_url(setup), form_data(), follow=True)
    assert "Kỳ báo cáo này đã khóa" in response.content.decode()
    assert not IndicatorUpdate.objects.exists()
    with pytest.raises(ValidationError):
        services.indicator_update_save(
            period=period, user=setup["editor"], organisation=None, reported_on=date(2022, 6, 30), value=D(1)
        )


@pytest.mark.parametrize(
    ("url_name", "needs"),
    [("report", "initiative"), ("new", "period"), ("edit", "update")],
)
def test_another_organisations_initiative_answers_404(client, setup, url_name, needs):
    other = setup["other_initiative"]
    update = IndicatorUpdate.objects.create(
        period=setup["other_period"],
        reported_on=date(2022, 6, 30),
        value=D(1),
        status=IndicatorUpdate.Status.DRAFT,
    )
    urls = {
        "report": f"/vi/initiatives/report/{other.slug}/",
        "new": f"/vi/initiatives/report/{other.slug}/periods/{setup['other_period'].pk}/new/",
        "edit": f"/vi/initiatives/report/{other.slug}/updates/{update.pk}/edit/",
    }
    client.force_login(setup["editor"])
    assert client.get(urls[url_name]).status_code == 404
    assert client.post(urls[url_name], form_data()).status_code in (404, 405)
    # Their own organisation's editor gets in; an anonymous visitor is sent to sign in.
    client.force_login(setup["other_editor"])
    assert client.get(urls[url_name]).status_code == 200
    client.logout()
    assert client.get(urls[url_name]).status_code == 302


def test_a_period_of_another_initiative_cannot_be_reached_through_ones_own(client, setup):
    client.force_login(setup["editor"])
    url = f"/vi/initiatives/report/{setup['initiative'].slug}/periods/{setup['other_period'].pk}/new/"
    assert client.get(url).status_code == 404


def test_member_editors_cannot_open_the_approval_queue(client, setup):
    client.force_login(setup["editor"])
    assert client.get("/vi/initiatives/report/approvals/").status_code == 404


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"value": "bốn mươi"}, "Nhập một số, chỉ dùng chữ số."),
        ({"value": "-5"}, "Nhập một số không âm."),
        ({"reported_on": "2023-02-01"}, "Ngày phải nằm trong kỳ báo cáo, từ 01/01/2022 đến 31/12/2022."),
        ({"reported_on": "30/02/2022"}, "Nhập ngày theo dạng 30/06/2022."),
        ({"value": "20"}, "Số liệu theo giới tính cộng lại là 40, lớn hơn tổng số 20."),
    ],
)
def test_bad_input_is_a_clear_error_and_nothing_is_saved(client, setup, overrides, message):
    client.force_login(setup["editor"])
    response = client.post(new_url(setup), form_data(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not IndicatorUpdate.objects.exists()
    # What was typed is kept in the form.
    assert "Tập huấn cho chị em ve chai." in response.content.decode()


def test_a_numerator_above_the_denominator_is_refused(client, setup):
    period = PeriodFactory(
        indicator=IndicatorFactory(result=setup["period"].indicator.result, measure=Measure.PERCENTAGE)
    )
    client.force_login(setup["editor"])
    data = {"reported_on": "2022-12-31", "numerator": "6", "denominator": "5", "action": "submit"}
    response = client.post(new_url(setup, period), data)
    assert "Tử số không thể lớn hơn mẫu số." in response.content.decode()
    assert client.post(new_url(setup, period), {**data, "numerator": "5"}).status_code == 302


def png_upload(name="anh.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (300, 200), (20, 140, 90)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def test_evidence_is_checked_and_stored_under_a_generated_name(client, setup):
    client.force_login(setup["editor"])
    fake = SimpleUploadedFile("bao-cao.pdf", b"not a pdf at all", content_type="application/pdf")
    response = client.post(new_url(setup), {**form_data(), "evidence": fake})
    assert "Tệp không phải là tệp PDF hợp lệ." in response.content.decode()
    exe = SimpleUploadedFile("virus.exe", b"MZ...", content_type="application/octet-stream")
    assert "Tải lên tệp PDF" in client.post(new_url(setup), {**form_data(), "evidence": exe}).content.decode()
    pdf = SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    assert client.post(new_url(setup), {**form_data(), "evidence": pdf}).status_code == 302
    assert client.post(new_url(setup), {**form_data(), "evidence": png_upload()}).status_code == 302
    names = sorted(e.original_name for update in IndicatorUpdate.objects.all() for e in update.evidence.all())
    assert names == ["anh.png", "bao-cao.pdf"]
    for update in IndicatorUpdate.objects.all():
        for item in update.evidence.all():
            assert item.original_name not in item.file.name
