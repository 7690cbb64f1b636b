"""A member editor sees what their organisations have to report in the open cycles, with due
dates and where each stands, linked straight to the forms; on their own page too."""

import datetime

from cycles.models import DuePeriod
from initiatives.models import IndicatorUpdate
from initiatives.tests.factories import IndicatorUpdateFactory


def test_an_editor_sees_what_their_organisation_has_due_with_links_to_the_forms(client, opened):
    client.force_login(opened["editor"])
    response = client.get("/vi/cycles/due/")
    page = response.content.decode()
    assert response.status_code == 200
    for title in ["ASPPIRe", "Mô hình kinh tế tuần hoàn", "Trường học xanh Hoàn Kiếm"]:
        assert title in page
    assert "hạn 15/01/2027" in page and "Kỳ báo cáo 6 tháng cuối năm 2026" in page
    first = DuePeriod.objects.filter(cycle=opened["cycle"], initiative=opened["asppire"]).first()
    form = f"/vi/initiatives/report/asppire/periods/{first.period_id}/new/"
    assert form in page
    assert client.get(form).status_code == 200


def test_each_editor_sees_only_their_organisations_items(client, opened):
    client.force_login(opened["greenhub_editor"])
    page = client.get("/vi/cycles/due/").content.decode()
    assert "Trường học xanh Hoàn Kiếm" in page and "ASPPIRe" not in page
    client.force_login(opened["dow_editor"])  # a funder reports nothing
    assert (
        "Hiện tổ chức của bạn không có nội dung nào cần báo cáo."
        in client.get("/vi/cycles/due/").content.decode()
    )
    client.logout()
    assert client.get("/vi/cycles/due/").status_code == 302


def test_a_submitted_period_has_nothing_left_to_do_and_a_draft_is_carried_on(client, opened):
    trained, sorting = DuePeriod.objects.filter(cycle=opened["cycle"], initiative=opened["asppire"]).order_by(
        "pk"
    )
    IndicatorUpdateFactory(period=trained.period, status=IndicatorUpdate.Status.SUBMITTED)
    draft = IndicatorUpdateFactory(period=sorting.period, status=IndicatorUpdate.Status.DRAFT)
    client.force_login(opened["editor"])
    page = client.get("/vi/cycles/due/").content.decode()
    assert f"/periods/{trained.period_id}/new/" not in page
    assert f"/vi/initiatives/report/asppire/updates/{draft.pk}/" in page
    assert "Tiếp tục bản nháp" in page


def test_the_same_list_is_on_the_editors_own_page(client, opened):
    client.force_login(opened["editor"])
    page = client.get("/vi/members/mine/").content.decode()
    assert "Kết quả cần báo cáo" in page and "Trường học xanh Hoàn Kiếm" in page


def test_nothing_is_listed_once_the_cycle_is_closed(client, opened):
    from cycles import services

    services.cycle_close(cycle=opened["cycle"])
    client.force_login(opened["editor"])
    page = client.get("/vi/cycles/due/").content.decode()
    assert "ASPPIRe" not in page
    assert opened["cycle"].due_on == datetime.date(2027, 1, 15)
