"""The coordinators' dashboard: where every initiative of a cycle stands, counted by
organisation and pillar, filtered and searched, exported, and closed to everyone else."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from core import roles
from cycles.models import DuePeriod
from initiatives.models import IndicatorUpdate
from initiatives.tests.factories import IndicatorUpdateFactory, PillarFactory

from .conftest import initiative_with_indicators


@pytest.fixture
def reported(opened):
    """ASPPIRe submitted in full; the circular-economy model approved; the schools not started."""
    for due in DuePeriod.objects.filter(cycle=opened["cycle"], initiative=opened["asppire"]):
        IndicatorUpdateFactory(period=due.period, status=IndicatorUpdate.Status.SUBMITTED)
    for due in DuePeriod.objects.filter(cycle=opened["cycle"], initiative=opened["model"]):
        IndicatorUpdateFactory(period=due.period, status=IndicatorUpdate.Status.APPROVED)
    opened["schools"].pillars.add(PillarFactory(code="communication", name_vi="Truyền thông"))
    return opened


def url(network, suffix=""):
    return f"/vi/cycles/{network['cycle'].pk}/{suffix}"


def test_only_those_who_may_see_cycles_open_the_dashboard(client, reported, staff_in):
    assert client.get(url(reported)).status_code == 302  # to sign in
    client.force_login(reported["editor"])
    assert client.get(url(reported)).status_code == 404
    assert client.get("/vi/cycles/").status_code == 404
    assert client.get(url(reported, "export.csv")).status_code == 404
    client.force_login(staff_in(roles.COORDINATORS))
    assert client.get(url(reported)).status_code == 200
    client.force_login(staff_in(roles.RESULTS_APPROVERS))
    assert client.get(url(reported)).status_code == 200


def test_the_dashboard_counts_who_has_reported_and_links_each_initiative(client, reported):
    client.force_login(reported["coordinator"])
    page = client.get(url(reported)).content.decode()
    assert "2/3 sáng kiến đã báo cáo" in page
    assert "/vi/initiatives/report/asppire/" in page
    assert "Chưa bắt đầu: 1" in page and "Đã gửi: 1" in page and "Đã phê duyệt: 1" in page
    listing = client.get("/vi/cycles/").content.decode()
    assert "2/3 sáng kiến đã báo cáo" in listing


def test_the_dashboard_counts_by_organisation_and_by_pillar(client, reported):
    client.force_login(reported["coordinator"])
    by_organisation = client.get(url(reported), {"by": "organisation"})
    rows = {row.label: row.summary for row in by_organisation.context["page"].object_list}
    assert (
        rows["Trung tâm Nghiên cứu Môi trường và Cộng đồng"].reported,
        rows["Trung tâm Nghiên cứu Môi trường và Cộng đồng"].total,
    ) == (2, 3)
    assert (
        rows["Trung tâm Hỗ trợ Phát triển Xanh"].reported,
        rows["Trung tâm Hỗ trợ Phát triển Xanh"].total,
    ) == (0, 1)
    assert "Dow Việt Nam" not in rows  # a funder does not report
    by_pillar = client.get(url(reported), {"by": "pillar"})
    [pillar] = by_pillar.context["page"].object_list
    assert pillar.label == "Truyền thông" and pillar.summary.total == 1


def test_counted_by_organisation_or_pillar_the_filters_still_hold(client, reported):
    client.force_login(reported["coordinator"])
    not_started = client.get(url(reported), {"by": "organisation", "standing": "not_started"})
    rows = {
        row.label: (row.summary.reported, row.summary.total)
        for row in not_started.context["page"].object_list
    }
    assert rows == {
        "Trung tâm Nghiên cứu Môi trường và Cộng đồng": (0, 1),
        "Trung tâm Hỗ trợ Phát triển Xanh": (0, 1),
    }
    submitted = client.get(url(reported), {"by": "organisation", "q": "asppire"})
    rows = {
        row.label: (row.summary.reported, row.summary.total) for row in submitted.context["page"].object_list
    }
    assert rows == {"Trung tâm Nghiên cứu Môi trường và Cộng đồng": (1, 1)}
    approved = client.get(url(reported), {"by": "pillar", "standing": "approved"})
    assert list(approved.context["page"].object_list) == []


@pytest.mark.parametrize(
    ("filters", "titles"),
    [
        ({"q": "truong hoc"}, {"Trường học xanh Hoàn Kiếm"}),
        ({"q": "greenhub"}, {"Trường học xanh Hoàn Kiếm"}),
        ({"standing": "not_started"}, {"Trường học xanh Hoàn Kiếm"}),
        ({"standing": "approved"}, {"Mô hình kinh tế tuần hoàn cho rác thải nhựa giá trị thấp"}),
        ({"pillar": "communication"}, {"Trường học xanh Hoàn Kiếm"}),
        ({"standing": "nonsense", "pillar": "x" * 300, "q": "%_"}, set()),
    ],
)
def test_the_dashboard_filters_and_searches_without_accents(client, reported, filters, titles):
    client.force_login(reported["coordinator"])
    response = client.get(url(reported), filters)
    assert response.status_code == 200
    assert {str(row.label) for row in response.context["board"].initiatives} == titles


def test_the_organisation_link_of_a_row_narrows_the_list(client, reported):
    client.force_login(reported["coordinator"])
    response = client.get(url(reported), {"organisation": str(reported["greenhub"].pk)})
    assert {str(row.label) for row in response.context["board"].initiatives} == {"Trường học xanh Hoàn Kiếm"}


def test_the_dashboard_exports_to_excel_and_csv_in_vietnamese(client, reported):
    client.force_login(reported["coordinator"])
    workbook = load_workbook(io.BytesIO(client.get(url(reported, "export.xlsx")).content))
    sheet = workbook.active
    header, *rows = list(sheet.iter_rows(values_only=True))
    assert header[:4] == ("Sáng kiến", "Tổ chức báo cáo", "Trụ cột", "Tình trạng")
    by_title = {row[0]: row for row in rows}
    assert by_title["Trường học xanh Hoàn Kiếm"][3] == "Chưa bắt đầu"
    assert (
        by_title["Trường học xanh Hoàn Kiếm"][1]
        == "Trung tâm Nghiên cứu Môi trường và Cộng đồng; Trung tâm Hỗ trợ Phát triển Xanh"
    )
    assert by_title["ASPPIRe: người thu gom phế liệu và phụ nữ"][4:6] == (2, 0)
    assert by_title["ASPPIRe: người thu gom phế liệu và phụ nữ"][-1].endswith(
        "/vi/initiatives/report/asppire/"
    )
    response = client.get(url(reported, "export.csv"), {"standing": "approved"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    [row] = list(csv.reader(io.StringIO(text)))[1:]
    assert row[0] == "Mô hình kinh tế tuần hoàn cho rác thải nhựa giá trị thấp" and row[3] == "Đã phê duyệt"
    assert client.get(url(reported, "export.pdf")).status_code == 404


def _queries(client, network) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url(network)).status_code == 200
    return len(queries)


def test_the_dashboard_asks_the_same_queries_for_5_and_for_500_initiatives(
    client, network, django_capture_on_commit_callbacks
):
    from cycles import services

    cycle = network["cycle"]
    extra = [
        initiative_with_indicators(
            f"Sáng kiến {n}", f"sang-kien-them-{n}", "Chỉ số", partners=[(network["cecr"], "accountable")]
        )
        for n in range(2)
    ]
    cycle.initiatives.add(*extra)
    with django_capture_on_commit_callbacks():
        services.cycle_open(cycle=cycle)
    client.force_login(network["coordinator"])
    few = _queries(client, network)
    more = [
        initiative_with_indicators(
            f"Sáng kiến mới {n}", f"moi-{n}", "Chỉ số", partners=[(network["greenhub"], "implementing")]
        )
        for n in range(495)
    ]
    from cycles.models import DuePeriod as Due

    Due.objects.bulk_create(
        Due(
            cycle=cycle,
            period=indicator.periods.create(start=cycle.period_start, end=cycle.period_end),
            initiative=initiative,
        )
        for initiative in more
        for indicator in [initiative.results.get().indicators.get()]
    )
    assert _queries(client, network) == few
