"""What the narrative reports and the exports say about events and results, read back from files."""

from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from events.models import Participation
from events.tests.factories import EventFactory, ParticipationFactory
from members.models import Person
from members.tests.factories import PersonFactory
from reports import services
from reports.models import ReportRun
from reports.tests.factories import ReportRunFactory
from reports.tests.readers import csv_rows, docx_headings_and_text, pdf_text, xlsx_sheets

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def build(**fields) -> dict[str, str]:
    run = ReportRunFactory(**fields)
    assert services.report_run_build(run_id=run.pk) is True
    run.refresh_from_db()
    assert run.status == ReportRun.Status.SUCCEEDED, run.error
    return {f.format: f.file.path for f in run.files.all()}


def test_the_annual_report_2022_has_the_years_events_and_results(db):
    call_command("load_demo", stdout=StringIO())
    built = build(kind="annual", formats=["pdf", "docx", "xlsx"])
    text = pdf_text(built["pdf"])
    # The two low-value plastic collection models: 35,000 kg (ASPPIRe) + 16,150 kg (Hoàn Kiếm).
    assert "51.150" in text
    assert "Hội nghị chia sẻ kinh nghiệm và bàn giao kết quả" in text
    headings, _word = docx_headings_and_text(built["docx"])
    assert {"Điểm nổi bật", "Sự kiện", "Kết quả", "Thành viên"} <= set(headings)
    sheets = xlsx_sheets(built["xlsx"])
    events = sheets["Sự kiện trong kỳ"]
    festival = next(row for row in events if row[1] and str(row[1]).startswith("Ngày hội tổng kết"))
    assert festival[5] == 1500
    network = {row[0]: row for row in sheets["Kết quả của mạng lưới"][1:]}
    assert network["Rác thải nhựa giá trị thấp được thu gom"][2] == 51150


def test_the_newsletter_lists_upcoming_planned_events_of_its_pillar():
    from initiatives.tests.factories import PillarFactory

    gender = PillarFactory(code="gender-inclusion", name_vi="Bình đẳng giới và phát triển bao trùm")
    policy = PillarFactory(code="policy", name_vi="Chính sách")
    EventFactory(
        title_vi="Hội thảo Trụ cột Bình đẳng giới",
        status="planned",
        start_date=date(2026, 11, 20),
        pillars=[gender],
    )
    EventFactory(
        title_vi="Tọa đàm chính sách", status="planned", start_date=date(2026, 11, 21), pillars=[policy]
    )
    EventFactory(
        title_vi="Hội thảo chưa công bố",
        status="planned",
        start_date=date(2026, 11, 22),
        pillars=[gender],
        is_published=False,
    )
    built = build(
        kind="newsletter",
        pillar=gender,
        period_start=date(2026, 7, 1),
        period_end=date(2026, 9, 30),
        formats=["pdf"],
    )
    text = pdf_text(built["pdf"])
    assert "Hội thảo Trụ cột Bình đẳng giới" in text
    assert "Tọa đàm chính sách" not in text
    assert "Hội thảo chưa công bố" not in text


def test_the_attendance_export_counts_by_gender_and_keeps_contacts_private():
    workshop = EventFactory(title_vi="Hội thảo Trụ cột Tài chính", start_date=date(2024, 6, 20))
    for gender in [Person.Gender.FEMALE, Person.Gender.FEMALE, Person.Gender.MALE]:
        ParticipationFactory(event=workshop, person=PersonFactory(gender=gender, email="an@greenhub.test"))
    ParticipationFactory(event=workshop, status=Participation.Status.NO_SHOW)
    EventFactory(title_vi="Sự kiện ẩn", start_date=date(2024, 6, 21), is_published=False)
    EventFactory(
        title_vi="Tọa đàm không có danh sách",
        start_date=date(2024, 3, 1),
        headcount_total=40,
        headcount_women=25,
    )
    built = build(
        kind="event_attendance",
        period_start=date(2024, 1, 1),
        period_end=date(2024, 12, 31),
        formats=["csv", "xlsx"],
    )
    rows = csv_rows(built["csv"])
    header = rows[0]
    by_title = {row[2]: dict(zip(header, row, strict=False)) for row in rows[1:]}
    assert set(by_title) == {"Hội thảo Trụ cột Tài chính", "Tọa đàm không có danh sách"}
    finance = by_title["Hội thảo Trụ cột Tài chính"]
    assert (finance["Người tham dự"], finance["Nữ"], finance["Nam"]) == ("3", "2", "1")
    assert by_title["Tọa đàm không có danh sách"]["Nữ"] == "25"
    assert "greenhub.test" not in Path(built["csv"]).read_text(encoding="utf-8-sig")
    sheet = xlsx_sheets(built["xlsx"])["Số người tham dự sự kiện"]
    assert sorted(row[8] for row in sheet[1:]) == [3, 40]


def test_the_indicator_export_has_targets_actuals_and_sex_breakdowns(db):
    call_command("load_demo", stdout=StringIO())
    built = build(
        kind="indicator_results",
        language="en",
        period_start=date(2021, 1, 1),
        period_end=date(2022, 12, 31),
        formats=["xlsx", "csv"],
    )
    sheets = xlsx_sheets(built["xlsx"])
    per_initiative = sheets["Targets and actuals"]
    header = per_initiative[0]
    assert {"Target", "Actual", "Actual: Female"} <= set(header)
    female = header.index("Actual: Female")
    assert 150 in [row[female] for row in per_initiative[1:]]
    assert all(
        isinstance(row[header.index("Actual")], int | float | type(None)) for row in per_initiative[1:]
    )
    totals = {row[0]: row for row in sheets["Network totals"][1:]}
    assert totals["Low-value plastic waste collected"][2] == 51150
    assert csv_rows(built["csv"])[0] == ["Targets and actuals"]
