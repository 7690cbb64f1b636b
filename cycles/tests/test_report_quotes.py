"""The six-month and annual reports of a cycle's period quote how the members reported, with
the dashboard's numbers, in every format."""

import pytest

from cycles.models import DuePeriod
from initiatives.models import IndicatorUpdate
from initiatives.tests.factories import IndicatorUpdateFactory
from reports import services
from reports.models import ReportRun
from reports.tests.factories import ReportRunFactory
from reports.tests.readers import docx_headings_and_text, pdf_text, xlsx_sheets


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def build(kind: str, cycle) -> dict[str, str]:
    run = ReportRunFactory(
        kind=kind,
        period_start=cycle.period_start,
        period_end=cycle.period_end,
        formats=["pdf", "docx", "xlsx"],
    )
    assert services.report_run_build(run_id=run.pk) is True
    run.refresh_from_db()
    assert run.status == ReportRun.Status.SUCCEEDED, run.error
    return {f.format: f.file.path for f in run.files.all()}


def test_the_six_month_report_says_how_many_initiatives_reported(opened, client):
    for due in DuePeriod.objects.filter(cycle=opened["cycle"], initiative=opened["model"]):
        IndicatorUpdateFactory(period=due.period, status=IndicatorUpdate.Status.APPROVED)
    client.force_login(opened["coordinator"])
    assert "1/3 sáng kiến đã báo cáo" in client.get(f"/vi/cycles/{opened['cycle'].pk}/").content.decode()

    files = build("six_month", opened["cycle"])
    sentence = "1 trên 3 sáng kiến đã báo cáo trong “Kỳ báo cáo 6 tháng cuối năm 2026” (hạn 15/01/2027)."
    assert sentence in pdf_text(files["pdf"])
    headings, text = docx_headings_and_text(files["docx"])
    assert "Báo cáo của các thành viên" in headings and sentence in text
    sheets = xlsx_sheets(files["xlsx"])
    by_status = next(rows for name, rows in sheets.items() if name.startswith("Sáng kiến theo tình trạng"))
    assert ("Đã phê duyệt", 1) in by_status and ("Chưa bắt đầu", 2) in by_status


def test_a_period_without_a_cycle_says_so(opened):
    opened["cycle"].delete()
    cycle = type(
        "Period", (), {"period_start": opened["cycle"].period_start, "period_end": opened["cycle"].period_end}
    )
    files = build("annual", cycle)
    assert "Không có kỳ báo cáo nào cho giai đoạn này." in pdf_text(files["pdf"])
