"""The results charts as a visitor sees them on an initiative's page, a pillar's page and the
network's results: values and targets written on them, a trend where there are several years,
the split by sex, and a figure instead of a lone bar."""

from datetime import date
from decimal import Decimal as D

import pytest

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

pytestmark = pytest.mark.django_db


@pytest.fixture
def asppire():
    values = sex_values()
    pillar = PillarFactory(code="gender-inclusion")
    initiative = InitiativeFactory(slug="asppire", pillars=[pillar])
    trained = IndicatorFactory(
        result__initiative=initiative,
        title_vi="Ve chai và phụ nữ được tập huấn",
        unit_vi="người",
        network_indicator=NetworkIndicatorFactory(code="people-trained", name_vi="Người được tập huấn"),
    )
    for year, target, actual, women, men in (
        (2021, 120, 100, 70, 30),
        (2022, 150, D("165.5"), D("110.5"), 55),
    ):
        period = PeriodFactory(
            indicator=trained, start=date(year, 1, 1), end=date(year, 12, 31), target_value=target
        )
        update = IndicatorUpdateFactory(period=period, value=actual)
        UpdateDisaggregationFactory(update=update, dimension_value=values["female"], value=women)
        UpdateDisaggregationFactory(update=update, dimension_value=values["male"], value=men)
    collected = IndicatorFactory(
        result__initiative=initiative,
        title_vi="Rác thải nhựa giá trị thấp được thu gom",
        network_indicator=NetworkIndicatorFactory(),
    )
    IndicatorUpdateFactory(period=PeriodFactory(indicator=collected), value=D(35000))
    return initiative


def charts(html: str) -> list[str]:
    return html.split('<svg class="bar-chart"')[1:]


def test_the_initiative_page_draws_targets_actuals_and_the_split_and_a_figure_for_a_single_value(
    client, asppire
):
    html = client.get("/vi/initiatives/asppire/").content.decode()
    drawn = charts(html)
    # Target against actual, then the split by sex; the single figure of the plastic collected is
    # shown as itself.
    assert len(drawn) == 2
    target_actual, split = drawn
    assert "Chỉ tiêu: 120" in target_actual and "Thực tế: 165,5" in target_actual and "110 %" in target_actual
    assert 'class="bar bar-target"' in target_actual and 'class="bar bar-actual"' in target_actual
    assert "Nữ: 110,5" in split and "Nam: 55" in split and "bar-part-0" in split and "bar-part-1" in split
    assert '<p class="single-figure"><span class="total-figure">35.000 kg</span>' in html
    assert "style=" not in html and "<script>" not in html


def test_the_english_page_writes_values_the_english_way(client, asppire):
    html = client.get("/en/initiatives/asppire/").content.decode()
    assert "Actual: 165.5 (110 % of target)" in html and "Female: 110.5" in html


def test_the_results_and_pillar_pages_draw_a_trend_for_several_years_and_none_for_one(client, asppire):
    for url in ("/vi/initiatives/results/", "/vi/pillars/gender-inclusion/"):
        html = client.get(url).content.decode()
        trained = html.split('id="total-people-trained"')[1].split("</section>")[0]
        collected = html.split('id="total-plastic-collected"')[1].split("</section>")[0]
        trend, split = charts(trained)
        assert ">100<" in trend and ">165,5<" in trend and ">2021<" in trend and ">2022<" in trend
        assert "Nữ: 70" in split and "Nam: 55" in split
        # The table beside the split gives the same figures.
        assert "Nữ: 110,5<br>Nam: 55" in trained
        assert "35.000 kg" in collected and charts(collected) == []
