"""The indicator results export reads initiatives page by page, in title order, without gaps or
repeats; PDF and Word print its first rows and say that Excel and CSV have them all."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from initiatives.selectors import initiative_period_rows
from initiatives.tests.factories import IndicatorUpdateFactory, InitiativeFactory, PeriodFactory
from reports import services
from reports.models import ReportRun
from reports.tests.factories import ReportRunFactory
from reports.tests.readers import csv_rows, docx_headings_and_text, pdf_text, xlsx_sheets

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def test_pages_of_initiatives_come_in_title_order_without_gaps_or_repeats():
    titles = ["Ngân hàng rác", "Chợ xanh", "Ngân hàng rác", "Trường học xanh", "Ao Bồ Đề sạch"]
    initiatives = [InitiativeFactory(title_vi=title) for title in titles]
    for initiative in initiatives:
        PeriodFactory(indicator__result__initiative=initiative, start=date(2022, 1, 1), end=date(2022, 6, 30))
        PeriodFactory(
            indicator__result__initiative=initiative, start=date(2022, 7, 1), end=date(2022, 12, 31)
        )
        # Outside the reporting period: never listed.
        PeriodFactory(
            indicator__result__initiative=initiative, start=date(2020, 1, 1), end=date(2020, 12, 31)
        )
    hidden = InitiativeFactory(title_vi="Ao Bồ Đề nháp", is_published=False)
    PeriodFactory(indicator__result__initiative=hidden, start=date(2022, 1, 1), end=date(2022, 12, 31))

    rows = list(initiative_period_rows(start=date(2022, 1, 1), end=date(2022, 12, 31), chunk_size=2))
    listed = [
        (p.indicator.result.initiative.title_vi, p.indicator.result.initiative.pk, p.start) for p in rows
    ]
    expected = sorted(
        (initiative.title_vi, initiative.pk, start)
        for initiative in initiatives
        for start in (date(2022, 1, 1), date(2022, 7, 1))
    )
    assert listed == expected


def test_pdf_and_word_print_the_first_rows_and_excel_and_csv_have_them_all():
    initiative = InitiativeFactory(title_vi="Mô hình thu gom rác thải nhựa giá trị thấp tại Hoàn Kiếm")
    first = PeriodFactory(
        indicator__result__initiative=initiative, start=date(2022, 1, 1), end=date(2022, 1, 1)
    )
    indicator = first.indicator
    for day in range(1, 105):
        PeriodFactory(
            indicator=indicator,
            start=date(2022, 1, 1) + timedelta(days=day),
            end=date(2022, 1, 1) + timedelta(days=day),
        )
    IndicatorUpdateFactory(period=first, reported_on=date(2022, 1, 1), value=Decimal("16150"))
    run = ReportRunFactory(
        kind="indicator_results", period_start=date(2022, 1, 1), period_end=date(2022, 12, 31)
    )
    assert services.report_run_build(run_id=run.pk) is True
    run.refresh_from_db()
    assert run.status == ReportRun.Status.SUCCEEDED, run.error
    built = {f.format: f.file.path for f in run.files.all()}

    note = "Ở đây chỉ in 100 dòng đầu tiên; bản Excel và CSV của báo cáo này có đầy đủ các dòng."
    text = pdf_text(built["pdf"])
    assert note in text
    assert "16.150" in text
    _headings, word_text = docx_headings_and_text(built["docx"])
    assert note in word_text
    assert len(xlsx_sheets(built["xlsx"])["Mục tiêu và thực hiện"]) - 1 == 105
    rows = csv_rows(built["csv"])
    assert sum(1 for row in rows if row and row[0] == initiative.title_vi) == 105
