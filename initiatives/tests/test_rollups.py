"""How approved updates add up: hand-checked sums for every kind of indicator."""

from datetime import date
from decimal import Decimal as D

import pytest

from initiatives.models import IndicatorUpdate, Measure
from initiatives.rollups import Report, combine, period_actual, totals_by_year
from initiatives.selectors import initiative_results, network_totals
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
from members.tests.factories import ProvinceFactory

Y2022 = {"start": date(2022, 1, 1), "end": date(2022, 12, 31)}


def test_non_cumulative_period_actual_is_the_sum_of_the_updates_in_the_period():
    reports = [
        Report(series=1, on=date(2022, 3, 1), value=D(100)),
        Report(series=1, on=date(2022, 6, 30), value=D(250)),
        Report(series=1, on=date(2023, 1, 15), value=D(40)),
    ]
    assert period_actual(reports, cumulative=False, **Y2022).value == D(350)
    assert period_actual(
        reports, cumulative=False, start=date(2023, 1, 1), end=date(2023, 12, 31)
    ).value == D(40)
    assert period_actual(reports, cumulative=False, start=date(2024, 1, 1), end=date(2024, 12, 31)) is None


def test_cumulative_period_actual_is_the_latest_running_total_not_a_sum():
    reports = [
        Report(series=1, on=date(2021, 12, 31), value=D(9000), order=1),
        Report(series=1, on=date(2022, 6, 30), value=D(12000), order=2),
        Report(series=1, on=date(2022, 12, 31), value=D(12400), order=3),
        # A correction entered later for the same day wins over the earlier entry.
        Report(series=1, on=date(2022, 12, 31), value=D(12500), order=4),
    ]
    assert period_actual(reports, cumulative=True, **Y2022).value == D(12500)
    assert period_actual(reports, cumulative=True, start=date(2021, 1, 1), end=date(2021, 12, 31)).value == D(
        9000
    )
    # Nothing reported in 2023: the period has no actual of its own.
    assert period_actual(reports, cumulative=True, start=date(2023, 1, 1), end=date(2023, 12, 31)) is None


def test_cumulative_network_total_adds_each_initiatives_latest_value_up_to_the_period_end():
    reports = [
        Report(series=1, on=date(2021, 12, 31), value=D(9000), order=1),
        Report(series=1, on=date(2022, 12, 31), value=D(12000), order=2),
        Report(series=2, on=date(2022, 6, 30), value=D(7000), order=3),
    ]
    by_year = dict(totals_by_year(reports, cumulative=True))
    assert by_year[2021].value == D(9000)
    assert by_year[2022].value == D(19000)  # 12,000 + 7,000; never 9,000 + 12,000 + 7,000
    assert combine(reports, cumulative=True, until=date(2030, 1, 1)).value == D(19000)
    # Running totals carry forward to a later year with no new reports.
    assert combine(reports, cumulative=True, until=date(2023, 12, 31)).value == D(19000)


def test_non_cumulative_network_total_sums_every_update_of_the_year():
    reports = [
        Report(series=1, on=date(2022, 12, 31), value=D(35000)),
        Report(series=2, on=date(2022, 6, 30), value=D(16150)),
        Report(series=2, on=date(2023, 3, 31), value=D(1000)),
    ]
    by_year = dict(totals_by_year(reports, cumulative=False))
    assert by_year[2022].value == D(51150)
    assert by_year[2023].value == D(1000)
    assert combine(reports, cumulative=False).value == D(52150)


def test_percentages_add_numerators_and_denominators_instead_of_averaging():
    reports = [
        Report(series=1, on=date(2022, 6, 30), numerator=D(4), denominator=D(5)),
        Report(series=2, on=date(2022, 6, 30), numerator=D(1), denominator=D(20)),
    ]
    figure = combine(reports, cumulative=False)
    assert (figure.numerator, figure.denominator) == (D(5), D(25))
    assert figure.percentage == D(20)  # not (80 % + 5 %) / 2 = 42.5 %


def test_cumulative_percentages_take_each_series_latest_numerator_and_denominator():
    reports = [
        Report(series=1, on=date(2022, 3, 31), numerator=D(2), denominator=D(5), order=1),
        Report(series=1, on=date(2022, 12, 31), numerator=D(5), denominator=D(5), order=2),
        Report(series=2, on=date(2022, 12, 31), numerator=D(3), denominator=D(15), order=3),
    ]
    figure = combine(reports, cumulative=True, until=date(2022, 12, 31))
    assert (figure.numerator, figure.denominator, figure.percentage) == (D(8), D(20), D(40))


def test_disaggregations_follow_the_indicators_rule():
    female, male = 1, 2
    reports = [
        Report(series=1, on=date(2022, 3, 1), value=D(100), parts={female: D(60), male: D(40)}, order=1),
        Report(series=1, on=date(2022, 9, 1), value=D(150), parts={female: D(100)}, order=2),
    ]
    summed = combine(reports, cumulative=False)
    assert summed.parts == {female: D(160), male: D(40)}
    latest = combine(reports, cumulative=True)
    assert latest.value == D(150) and latest.parts == {female: D(100)}


@pytest.mark.django_db
def test_network_totals_count_only_approved_updates_of_published_initiatives():
    values = sex_values()
    network = NetworkIndicatorFactory()
    gender = PillarFactory(code="gender-inclusion")
    hanoi = ProvinceFactory()
    danang = ProvinceFactory(code="da-nang", name_vi="Đà Nẵng", name_en="Da Nang")
    quang_nam = ProvinceFactory(code="quang-nam", name_vi="Quảng Nam", name_en="Quang Nam", successor=danang)

    def collected(initiative, value, status=IndicatorUpdate.Status.APPROVED, on=date(2022, 6, 30)):
        period = PeriodFactory(
            indicator=IndicatorFactory(result__initiative=initiative, network_indicator=network)
        )
        return IndicatorUpdateFactory(period=period, value=D(value), status=status, reported_on=on)

    asppire = InitiativeFactory(pillars=[gender], provinces=[hanoi])
    update = collected(asppire, 35000)
    UpdateDisaggregationFactory(update=update, dimension_value=values["female"], value=D(20000))
    collected(InitiativeFactory(provinces=[hanoi]), 16150)
    collected(InitiativeFactory(provinces=[quang_nam]), 500)
    collected(InitiativeFactory(is_published=False, pillars=[gender], provinces=[hanoi]), 99999)
    collected(asppire, 777, status=IndicatorUpdate.Status.SUBMITTED)
    collected(asppire, 888, status=IndicatorUpdate.Status.RETURNED)

    def total(**kwargs):
        return next(row for row in network_totals(**kwargs) if row.indicator == network)

    network_row = total()
    assert network_row.total.value == D(51650)
    assert [(year, figure.value) for year, figure in network_row.by_year] == [(2022, D(51650))]
    assert [(part.label, part.value) for part in network_row.breakdown] == [("Nữ", D(20000))]
    assert total(pillar=gender).total.value == D(35000)
    assert total(province=hanoi).total.value == D(51150)
    # A former province's initiatives count under the province it merged into.
    assert total(province=danang).total.value == D(500)


@pytest.mark.django_db
def test_an_initiatives_period_actuals_come_from_approved_updates():
    period = PeriodFactory(indicator__cumulative=True, target_value=D(10000))
    IndicatorUpdateFactory(period=period, value=D(9000), reported_on=date(2022, 6, 30))
    IndicatorUpdateFactory(period=period, value=D(9500), reported_on=date(2022, 12, 31))
    IndicatorUpdateFactory(period=period, value=D(99999), status=IndicatorUpdate.Status.SUBMITTED)
    percentage = PeriodFactory(
        indicator=IndicatorFactory(result=period.indicator.result, measure=Measure.PERCENTAGE, unit_vi="%")
    )
    IndicatorUpdateFactory(period=percentage, value=None, numerator=D(4), denominator=D(5))
    IndicatorUpdateFactory(period=percentage, value=None, numerator=D(1), denominator=D(20))

    [result] = initiative_results(initiative=period.indicator.result.initiative)
    cumulative, share = result.indicators.all()
    assert cumulative.periods.all()[0].actual.value == D(9500)
    assert share.periods.all()[0].actual.percentage == D(20)
