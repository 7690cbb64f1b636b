"""A narrative report of a busy period: PDF and Word summarise it and print a bounded number of
rows, saying where the complete lists are; the Excel and CSV versions of the same report have
every row. A quiet period's lists are printed whole."""

from datetime import date
from decimal import Decimal

import pytest

from events.models import Event
from events.tests.factories import EventFactory, EventTypeFactory
from initiatives.tests.factories import (
    IndicatorUpdateFactory,
    InitiativeFactory,
    PeriodFactory,
    PillarFactory,
)
from members.tests.factories import MembershipFactory, OrganisationFactory
from reports import content, services
from reports.models import ReportRun
from reports.tests.factories import ReportRunFactory
from reports.tests.readers import csv_rows, docx_headings_and_text, pdf_text, xlsx_sheets

pytestmark = pytest.mark.django_db

BUSY = content.LIST_PRINT_ROWS + 10


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def build(**fields) -> dict[str, str]:
    run = ReportRunFactory(
        kind="annual", period_start=date(2024, 1, 1), period_end=date(2024, 12, 31), **fields
    )
    assert services.report_run_build(run_id=run.pk) is True
    run.refresh_from_db()
    assert run.status == ReportRun.Status.SUCCEEDED, run.error
    return {f.format: f.file.path for f in run.files.all()}


def training(number: int) -> str:
    return f"Tập huấn phân loại rác tại nguồn – lớp {number:03d}"


@pytest.fixture
def busy_year():
    gender = PillarFactory(code="gender-inclusion", name_vi="Bình đẳng giới và phát triển bao trùm")
    course = EventTypeFactory(code="training", name_vi="Tập huấn", name_en="Training")
    for number in range(BUSY):
        EventFactory(
            title_vi=training(number),
            event_type=course,
            start_date=date(2024, 1 + number % 12, 1 + number % 28),
            headcount_total=10 + number,
            headcount_women=5,
            pillars=[gender] if number % 2 else [],
        )
    EventFactory(title_vi="Ngày hội tái chế Hoàn Kiếm", start_date=date(2024, 6, 5), headcount_total=900)
    EventFactory(
        title_vi="Hội thảo đã hủy",
        start_date=date(2024, 7, 1),
        status=Event.Status.CANCELLED,
        headcount_total=5000,
    )
    busiest = InitiativeFactory(
        title_vi="Mô hình kinh tế tuần hoàn rác thải nhựa giá trị thấp",
        start=date(2024, 1, 1),
        end=date(2024, 12, 31),
    )
    period = PeriodFactory(
        indicator__result__initiative=busiest, start=date(2024, 1, 1), end=date(2024, 12, 31)
    )
    for month in (3, 6, 9):
        IndicatorUpdateFactory(period=period, reported_on=date(2024, month, 30), value=Decimal(5000))
    for number in range(BUSY):
        InitiativeFactory(
            title_vi=f"Trường học xanh {number:03d}", start=date(2024, 1, 1), end=date(2024, 12, 31)
        )
    for number in range(BUSY):
        MembershipFactory(
            organisation=OrganisationFactory(name_vi=f"Hợp tác xã môi trường {number:03d}"),
            joined_on=date(2024, 1 + number % 12, 10),
        )


def test_a_busy_year_is_summarised_in_pdf_and_word_and_listed_whole_in_excel_and_csv(busy_year):
    built = build()
    text = pdf_text(built["pdf"])
    events = BUSY + 1  # the cancelled workshop is not counted
    participants = sum(10 + number for number in range(BUSY)) + 900
    assert f"Trong kỳ có {events} sự kiện đã tổ chức hoặc dự kiến" in text
    assert f"{participants:,}".replace(",", ".") + " người tham dự" in text
    assert "Hội thảo đã hủy" not in text
    for heading in ["Sự kiện theo loại hình", "Sự kiện theo tháng", "Sự kiện theo trụ cột"]:
        assert heading in text
    assert "Sự kiện theo tỉnh, thành phố hoặc quốc gia" in text
    # The largest events are printed; the smallest only in the spreadsheets, as the note says.
    assert "Các sự kiện đông người tham dự nhất" in text
    assert "Ngày hội tái chế Hoàn Kiếm" in text
    assert training(BUSY - 1) in text
    assert training(0) not in text
    assert (
        f"Toàn bộ {events} sự kiện trong kỳ, kèm số người tham dự theo giới tính, được liệt kê trong "
        "bản Excel và CSV của báo cáo này (bảng “Sự kiện trong kỳ”)." in text
    )
    assert "Các sáng kiến báo cáo nhiều kết quả nhất" in text
    assert "Mô hình kinh tế tuần hoàn rác thải nhựa giá trị thấp" in text
    assert f"Toàn bộ {BUSY + 1} sáng kiến triển khai trong kỳ được liệt kê" in text
    assert "Trường học xanh 000" not in text
    assert f"Toàn bộ {BUSY} lượt gia nhập trong kỳ được liệt kê" in text
    assert "Hợp tác xã môi trường 000" not in text

    _headings, word_text = docx_headings_and_text(built["docx"])
    assert training(0) not in word_text
    assert f"Toàn bộ {events} sự kiện trong kỳ" in word_text
    from docx import Document as WordDocument

    word = WordDocument(built["docx"])
    assert max(len(table.rows) for table in word.tables) <= content.LIST_PRINT_ROWS + 1

    sheets = xlsx_sheets(built["xlsx"])
    listed = [row[1] for row in sheets["Sự kiện trong kỳ"][1:]]
    assert len(listed) == events and training(0) in listed
    assert len(sheets["Sáng kiến triển khai trong kỳ"]) - 1 == BUSY + 1
    assert len(sheets["Thành viên mới"]) - 1 == BUSY
    by_type = {row[0]: row[1:] for row in sheets["Sự kiện theo loại hình"][1:]}
    assert by_type["Tập huấn"] == (BUSY, sum(10 + number for number in range(BUSY)))

    csv_titles = {row[1] for row in csv_rows(built["csv"]) if len(row) > 1}
    assert {training(number) for number in range(BUSY)} <= csv_titles
    assert "Hội thảo đã hủy" not in csv_titles


def test_the_events_by_pillar_count_each_event_once_per_pillar(busy_year):
    sheets = xlsx_sheets(build(formats=["xlsx"])["xlsx"])
    by_pillar = {row[0]: row[1] for row in sheets["Sự kiện theo trụ cột"][1:]}
    assert by_pillar["Bình đẳng giới và phát triển bao trùm"] == BUSY // 2
    assert by_pillar["Chưa gắn trụ cột"] == BUSY - BUSY // 2 + 1


def test_a_quiet_year_prints_every_event_and_no_note():
    for number in range(3):
        EventFactory(title_vi=training(number), start_date=date(2024, 3 + number, 12), headcount_total=20)
    built = build(formats=["pdf"])
    text = pdf_text(built["pdf"])
    assert all(training(number) in text for number in range(3))
    assert "bản Excel và CSV" not in text
    assert "Các sự kiện đông người tham dự nhất" not in text
