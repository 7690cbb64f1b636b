"""The indicator values export: one row per approved update of the period, for analysis in a
spreadsheet, with no personal details; Vietnamese intact in CSV and Excel."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from initiatives.models import IndicatorUpdate, Measure
from initiatives.selectors import indicator_value_rows
from initiatives.tests.factories import (
    IndicatorFactory,
    IndicatorUpdateFactory,
    InitiativeFactory,
    NetworkIndicatorFactory,
    PeriodFactory,
    PillarFactory,
    UpdateDisaggregationFactory,
    sex_values,
)
from members.tests.factories import OrganisationFactory
from reports import services
from reports.models import ReportFile, ReportRun
from reports.tests.factories import ReportRunFactory
from reports.tests.readers import csv_rows, xlsx_sheets

pytestmark = pytest.mark.django_db

COLUMNS_VI = [
    "Sáng kiến",
    "Trụ cột",
    "Kết quả",
    "Chỉ số",
    "Đơn vị",
    "Chỉ số mạng lưới",
    "Số lũy kế",
    "Đầu kỳ",
    "Cuối kỳ",
    "Số liệu tính đến ngày",
    "Giá trị",
    "Tử số",
    "Mẫu số",
    "Giá trị: Nữ",
    "Giá trị: Nam",
    "Giá trị: Khác",
    "Báo cáo cho tổ chức",
]


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def results(django_user_model):
    """ASPPIRe's 2022 figures, with what must stay out of the export beside them."""
    sexes = sex_values()
    gender = PillarFactory(code="gender-inclusion", name_vi="Bình đẳng giới và phát triển bao trùm")
    hidden_pillar = PillarFactory(code="draft-pillar", name_vi="Trụ cột chưa công bố", is_published=False)
    asppire = InitiativeFactory(
        title_vi="Dự án ASPPIRe – hỗ trợ người thu gom phi chính thức tại Nam Từ Liêm",
        title_en="ASPPIRe – supporting informal waste pickers in Nam Tu Liem",
        pillars=[gender, hidden_pillar],
    )
    collected = IndicatorFactory(
        result__initiative=asppire,
        result__title_vi="Rác thải nhựa giá trị thấp được thu gom",
        title_vi="Khối lượng rác thải nhựa giá trị thấp thu gom",
        title_en="",
        network_indicator=NetworkIndicatorFactory(),
    )
    year = PeriodFactory(indicator=collected, start=date(2022, 1, 1), end=date(2022, 12, 31))
    cecr = OrganisationFactory(name_vi="Trung tâm Nghiên cứu Môi trường và Cộng đồng")
    reporter = django_user_model.objects.create_user(
        username="cecr", email="bao.cao@cecr.test", password="x", first_name="Lan"
    )
    first = IndicatorUpdateFactory(
        period=year,
        reported_on=date(2022, 6, 30),
        value=Decimal("20000"),
        organisation=cecr,
        submitted_by=reporter,
    )
    UpdateDisaggregationFactory(update=first, dimension_value=sexes["female"], value=Decimal("12000"))
    UpdateDisaggregationFactory(update=first, dimension_value=sexes["male"], value=Decimal("8000"))
    IndicatorUpdateFactory(
        period=year,
        reported_on=date(2022, 12, 31),
        value=Decimal("15000"),
        organisation=OrganisationFactory(name_vi="Tổ chức chưa công bố", is_published=False),
    )
    sorting = IndicatorFactory(
        result__initiative=asppire,
        title_vi="Tỷ lệ hộ gia đình phân loại rác tại nguồn",
        measure=Measure.PERCENTAGE,
        cumulative=True,
    )
    IndicatorUpdateFactory(
        period__indicator=sorting,
        reported_on=date(2022, 9, 30),
        value=None,
        numerator=Decimal("9000"),
        denominator=Decimal("12000"),
    )
    # Not in the export: a draft, a submitted figure, another year, an unpublished initiative.
    IndicatorUpdateFactory(period=year, reported_on=date(2022, 8, 1), value=Decimal(111), status="draft")
    IndicatorUpdateFactory(
        period=year, reported_on=date(2022, 8, 2), value=Decimal(222), status=IndicatorUpdate.Status.SUBMITTED
    )
    IndicatorUpdateFactory(
        period__indicator=collected, period__start=date(2023, 1, 1), period__end=date(2023, 12, 31), value=333
    )
    IndicatorUpdateFactory(
        period__indicator__result__initiative=InitiativeFactory(
            title_vi="Sáng kiến nháp", is_published=False
        ),
        reported_on=date(2022, 5, 5),
        value=Decimal(444),
    )


def build(**fields) -> dict[str, str]:
    run = ReportRunFactory(
        kind="indicator_values",
        period_start=date(2022, 1, 1),
        period_end=date(2022, 12, 31),
        formats=["csv", "xlsx"],
        **fields,
    )
    assert services.report_run_build(run_id=run.pk) is True
    run.refresh_from_db()
    assert run.status == ReportRun.Status.SUCCEEDED, run.error
    return {f.format: f.file.path for f in run.files.all()}


def test_every_approved_update_of_the_period_is_a_row_with_its_context(results):
    rows = csv_rows(build()["csv"])
    assert rows[0] == COLUMNS_VI
    by_date = {row[9]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert sorted(by_date) == ["2022-06-30", "2022-09-30", "2022-12-31"]
    june = by_date["2022-06-30"]
    assert june["Sáng kiến"] == "Dự án ASPPIRe – hỗ trợ người thu gom phi chính thức tại Nam Từ Liêm"
    assert june["Trụ cột"] == "Bình đẳng giới và phát triển bao trùm"
    assert june["Kết quả"] == "Rác thải nhựa giá trị thấp được thu gom"
    assert june["Chỉ số mạng lưới"] == "Rác thải nhựa giá trị thấp được thu gom"
    assert (june["Đơn vị"], june["Số lũy kế"], june["Đầu kỳ"], june["Cuối kỳ"]) == (
        "kg",
        "không",
        "2022-01-01",
        "2022-12-31",
    )
    assert (june["Giá trị"], june["Giá trị: Nữ"], june["Giá trị: Nam"], june["Giá trị: Khác"]) == (
        "20000",
        "12000",
        "8000",
        "",
    )
    assert june["Báo cáo cho tổ chức"] == "Trung tâm Nghiên cứu Môi trường và Cộng đồng"
    assert by_date["2022-12-31"]["Báo cáo cho tổ chức"] == ""
    sorting = by_date["2022-09-30"]
    assert (
        sorting["Đơn vị"],
        sorting["Số lũy kế"],
        sorting["Tử số"],
        sorting["Mẫu số"],
        sorting["Giá trị"],
    ) == (
        "%",
        "có",
        "9000",
        "12000",
        "",
    )


def test_drafts_other_periods_unpublished_initiatives_and_people_stay_out(results):
    built = build()
    text = Path(built["csv"]).read_text(encoding="utf-8-sig")
    for absent in [
        "111",
        "222",
        "333",
        "444",
        "Sáng kiến nháp",
        "Tổ chức chưa công bố",
        "Trụ cột chưa công bố",
    ]:
        assert absent not in text
    assert "cecr.test" not in text and "Lan" not in text


def test_excel_has_the_same_rows_with_numbers_and_dates(results):
    built = build()
    sheet = xlsx_sheets(built["xlsx"])["Số liệu chỉ số"]
    assert list(sheet[0]) == COLUMNS_VI
    assert len(sheet) - 1 == len(csv_rows(built["csv"])) - 1 == 3
    june = next(row for row in sheet[1:] if row[10] == 20000)
    assert june[0] == "Dự án ASPPIRe – hỗ trợ người thu gom phi chính thức tại Nam Từ Liêm"
    assert june[9].date() == date(2022, 6, 30)
    assert june[13:15] == (12000, 8000)


def test_in_english_titles_fall_back_to_vietnamese_where_untranslated(results):
    rows = csv_rows(build(language="en")["csv"])
    assert rows[0][:4] == ["Initiative", "Pillars", "Result", "Indicator"]
    june = next(row for row in rows[1:] if row[9] == "2022-06-30")
    assert june[0] == "ASPPIRe – supporting informal waste pickers in Nam Tu Liem"
    assert june[3] == "Khối lượng rác thải nhựa giá trị thấp thu gom"
    assert june[6] == "no"


def test_a_pillar_run_keeps_the_pillars_initiatives_only(results):
    policy = PillarFactory(code="policy", name_vi="Chính sách")
    assert len(csv_rows(build(pillar=policy)["csv"])) == 1
    rows = csv_rows(build(pillar=PillarFactory(code="gender-inclusion"))["csv"])
    assert len(rows) - 1 == 3


def test_pages_of_the_export_follow_one_another_without_gaps_or_repeats(results):
    rows = list(indicator_value_rows(start=date(2022, 1, 1), end=date(2022, 12, 31), chunk_size=1))
    assert sorted(row.reported_on for row in rows) == [
        date(2022, 6, 30),
        date(2022, 9, 30),
        date(2022, 12, 31),
    ]


def test_the_file_is_named_for_the_export(results):
    build()
    names = {f.download_name for f in ReportFile.objects.all()}
    assert names == {
        "npap-indicator-values-20220101-20221231-vi.csv",
        "npap-indicator-values-20220101-20221231-vi.xlsx",
    }
