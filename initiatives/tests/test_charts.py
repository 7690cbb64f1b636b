"""What the results charts say: target against actual with the share reached, the split by sex,
a trend over the years, and no chart for a single figure; values in the visitor's format."""

from datetime import date
from decimal import Decimal as D

import pytest
from django.utils import translation

from initiatives import rollups
from initiatives.charts import indicator_chart, indicator_split_chart, period_label, yearly_chart
from initiatives.selectors import initiative_results
from initiatives.tests.factories import (
    IndicatorFactory,
    IndicatorUpdateFactory,
    PeriodFactory,
    UpdateDisaggregationFactory,
    sex_values,
)

pytestmark = pytest.mark.django_db


def texts(chart) -> list[list[str]]:
    return [[group.label.text] + [bar.label.text for bar in group.bars] for group in chart.groups]


def results_indicator(indicator):
    """The indicator as the initiative's page reads it, with its actuals and charts."""
    (result,) = initiative_results(initiative=indicator.result.initiative)
    (read,) = result.indicators.all()
    return read


@pytest.fixture
def trained():
    """Women and waste pickers trained: a target and an approved figure for 2021 and for 2022,
    each split by sex."""
    values = sex_values()
    indicator = IndicatorFactory(title_vi="Ve chai và phụ nữ được tập huấn", unit_vi="người")
    for year, target, actual, women, men in (
        (2021, 120, 100, 70, 30),
        (2022, 150, D("165.5"), D("110.5"), 55),
    ):
        period = PeriodFactory(
            indicator=indicator, start=date(year, 1, 1), end=date(year, 12, 31), target_value=target
        )
        update = IndicatorUpdateFactory(period=period, value=actual)
        UpdateDisaggregationFactory(update=update, dimension_value=values["female"], value=women)
        UpdateDisaggregationFactory(update=update, dimension_value=values["male"], value=men)
    return indicator


def test_each_period_shows_its_target_against_its_actual_with_the_share_reached(trained):
    with translation.override("vi"):
        chart = indicator_chart(results_indicator(trained))
    assert texts(chart) == [
        ["2021", "Chỉ tiêu: 120", "Thực tế: 100 (đạt 83 % chỉ tiêu)"],
        ["2022", "Chỉ tiêu: 150", "Thực tế: 165,5 (đạt 110 % chỉ tiêu)"],
    ]
    target, actual = chart.groups[1].bars
    assert (target.series, actual.series) == ("target", "actual")
    assert actual.width > target.width > 0


def test_values_are_written_the_english_way_in_english(trained):
    with translation.override("en"):
        chart = indicator_chart(results_indicator(trained))
    assert texts(chart)[1] == ["2022", "Target: 150", "Actual: 165.5 (110 % of target)"]


def test_the_split_by_sex_shows_each_part_of_each_period(trained):
    with translation.override("vi"):
        chart = indicator_split_chart(results_indicator(trained))
    assert texts(chart) == [["2021", "Nữ: 70", "Nam: 30"], ["2022", "Nữ: 110,5", "Nam: 55"]]
    women, men = chart.groups[1].bars
    assert (women.index, men.index) == (0, 1) and women.width > men.width


def test_a_single_figure_draws_no_chart():
    values = sex_values()
    period = PeriodFactory()
    update = IndicatorUpdateFactory(period=period, value=D(35000))
    UpdateDisaggregationFactory(update=update, dimension_value=values["female"], value=D(300))
    indicator = results_indicator(period.indicator)
    assert indicator_chart(indicator) is None
    assert indicator_split_chart(indicator) is None


def test_a_target_and_its_actual_are_two_figures_worth_comparing():
    period = PeriodFactory(target_value=D(40000))
    IndicatorUpdateFactory(period=period, value=D(35000))
    with translation.override("vi"):
        chart = indicator_chart(results_indicator(period.indicator))
    assert texts(chart) == [["2022", "Chỉ tiêu: 40.000", "Thực tế: 35.000 (đạt 88 % chỉ tiêu)"]]


def test_a_period_not_reported_yet_shows_its_target_and_a_dash():
    indicator = IndicatorFactory()
    PeriodFactory(indicator=indicator, start=date(2021, 1, 1), end=date(2021, 12, 31), target_value=10)
    IndicatorUpdateFactory(period=indicator.periods.get(), value=D(12))
    PeriodFactory(indicator=indicator, start=date(2022, 1, 1), end=date(2022, 6, 30), target_value=20)
    with translation.override("vi"):
        chart = indicator_chart(results_indicator(indicator))
    assert texts(chart)[1] == ["01/2022–06/2022", "Chỉ tiêu: 20", "Thực tế: —"]
    assert chart.groups[1].bars[1].width == 0


def test_a_network_total_over_several_years_is_a_trend_and_one_year_is_no_chart():
    by_year = [(2021, rollups.Figure(value=D(16150))), (2022, rollups.Figure(value=D(35000)))]
    with translation.override("vi"):
        chart = yearly_chart(by_year, percent=False)
    assert [(g.label.text, g.bars[0].label.text) for g in chart.groups] == [
        ("2021", "16.150"),
        ("2022", "35.000"),
    ]
    first, second = (g.bars[0] for g in chart.groups)
    assert second.height > first.height and first.x < second.x
    assert yearly_chart(by_year[:1], percent=False) is None


def test_a_percentage_trend_shows_percentages():
    by_year = [
        (2021, rollups.Figure(numerator=D(4), denominator=D(5))),
        (2022, rollups.Figure(numerator=D(5), denominator=D(5))),
    ]
    with translation.override("vi"):
        chart = yearly_chart(by_year, percent=True)
    assert [g.bars[0].label.text for g in chart.groups] == ["80 %", "100 %"]


def test_a_calendar_year_is_named_by_its_year():
    assert period_label(date(2022, 1, 1), date(2022, 12, 31)) == "2022"
    assert period_label(date(2021, 1, 1), date(2022, 12, 31)) == "01/2021–12/2022"
    assert period_label(date(2021, 7, 1), date(2021, 12, 31)) == "07/2021–12/2021"
