"""/api/v1/totals/: the network's totals, the figures of the public results page."""

from decimal import Decimal

import pytest

from core import roles
from initiatives import services
from initiatives.models import IndicatorUpdate
from initiatives.tests.factories import (
    IndicatorFactory,
    IndicatorUpdateFactory,
    InitiativeFactory,
    PeriodFactory,
)

pytestmark = pytest.mark.django_db

TOTALS = "/api/v1/totals/"


def page_totals(client, **params) -> dict[str, tuple]:
    """The results page's totals: each indicator's total and its totals by year."""
    totals = client.get("/vi/initiatives/results/", params).context["totals"]
    return {
        row.indicator.code: (
            row.total and row.total.value,
            [(year, figure.value) for year, figure in row.by_year],
        )
        for row in totals
    }


def api_totals(answer: dict) -> dict[str, tuple]:
    return {
        row["indicator"]["code"]: (
            row["total"] and Decimal(row["total"]["value"]),
            [(year["year"], Decimal(year["figure"]["value"])) for year in row["by_year"]],
        )
        for row in answer["indicators"]
    }


@pytest.mark.parametrize(
    "params", [{}, {"province": "da-nang"}, {"pillar": "gender-inclusion"}, {"province": "ha-noi"}]
)
def test_the_totals_are_those_of_the_results_page(portal, client, get_json, params):
    answer = get_json(TOTALS, **params)
    assert api_totals(answer) == page_totals(client, **params)


def test_the_totals_count_approved_updates_of_published_initiatives_only(portal, get_json):
    (row,) = get_json(TOTALS)["indicators"]
    # 35,000 approved; not the 9,999 waiting for approval nor the 777 of the unpublished initiative.
    assert row["total"]["value"] == "35000.00"
    assert row["by_year"] == [{"year": 2022, "figure": row["total"]}]
    assert row["disaggregations"] == [
        {"dimension": "sex", "code": "female", "name_vi": "Nữ", "name_en": "Female", "actual": "21000.00"}
    ]
    assert row["indicator"]["name_en"] == "Low-value plastic waste collected"


def test_a_former_province_counts_in_its_successor(portal, get_json):
    answer = get_json(TOTALS, province="da-nang")
    assert answer["province"] == {"code": "da-nang", "name_vi": "Đà Nẵng", "name_en": "Da Nang"}
    assert answer["indicators"][0]["total"]["value"] == "35000.00"
    assert get_json(TOTALS, province="ha-noi")["indicators"][0]["total"] is None


def test_an_approval_shows_in_the_totals_at_once(portal, get_json, staff_in):
    other = InitiativeFactory(pillars=[portal.pillar])
    indicator = IndicatorFactory(result__initiative=other, network_indicator=portal.network_indicator)
    update = IndicatorUpdateFactory(
        period=PeriodFactory(indicator=indicator),
        value=Decimal("1000"),
        status=IndicatorUpdate.Status.SUBMITTED,
    )
    assert get_json(TOTALS)["indicators"][0]["total"]["value"] == "35000.00"
    services.indicator_update_approve(update=update, reviewer=staff_in(roles.RESULTS_APPROVERS))
    assert get_json(TOTALS)["indicators"][0]["total"]["value"] == "36000.00"


@pytest.mark.parametrize(
    "params", [{"province": "quang-nam"}, {"province": "khong-co"}, {"pillar": "chua-cong-bo"}]
)
def test_a_scope_that_names_nothing_current_or_public_is_refused(client, portal, params):
    response = client.get(TOTALS, params)
    assert response.status_code == 400
    assert set(response.json()) == set(params)
