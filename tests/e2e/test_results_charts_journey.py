"""Browser journey: a visitor reads an initiative's results and its pillar's totals as charts that
say something — target against actual with the values written on, the split by sex, a trend over
the years — each beside its table, and the pages pass the accessibility check."""

import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from initiatives.figures import year_figures_refresh
from initiatives.models import DimensionValue, Indicator, IndicatorUpdate, Period, UpdateDisaggregation
from tests.e2e.accessibility import serious_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SHOTS = Path("/tmp/shots/charts")


@pytest.fixture
def teachers_trained(settings, tmp_path):
    """The demo network, with the Green Schools' second round of teacher training (to May 2023)
    approved: 40 teachers of a target of 50, 32 women and 8 men."""
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo", stdout=io.StringIO())
    indicator = Indicator.objects.get(title_vi="Giáo viên được tập huấn về bảo tồn nguồn nước")
    indicator.periods.update(target_value=60)
    period = Period.objects.create(
        indicator=indicator, start=date(2023, 1, 1), end=date(2023, 5, 31), target_value=50
    )
    update = IndicatorUpdate.objects.create(
        period=period,
        reported_on=date(2023, 5, 20),
        value=Decimal(40),
        status=IndicatorUpdate.Status.APPROVED,
    )
    for code, value in (("female", 32), ("male", 8)):
        UpdateDisaggregation.objects.create(
            update=update, dimension_value=DimensionValue.objects.get(code=code), value=value
        )
    # Written approved, past the approval service: the network's figures are worked out here.
    year_figures_refresh(indicator_ids=[indicator.pk])


def shoot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / name, full_page=True)


def test_results_charts_show_targets_actuals_trends_and_the_split(live_server, page: Page, teachers_trained):
    base = live_server.url
    refused = []
    page.on(
        "console", lambda message: "Content Security Policy" in message.text and refused.append(message.text)
    )
    page.goto(f"{base}/vi/initiatives/green-schools-hoan-kiem/")
    teachers = page.locator(".indicator").filter(has_text="Giáo viên được tập huấn về bảo tồn nguồn nước")
    chart = teachers.get_by_role("img", name="Giáo viên được tập huấn về bảo tồn nguồn nước", exact=True)
    expect(chart).to_be_visible()
    expect(chart).to_contain_text("Chỉ tiêu: 60")
    expect(chart).to_contain_text("Thực tế: 70 (đạt 117 % chỉ tiêu)")
    expect(chart).to_contain_text("Thực tế: 40 (đạt 80 % chỉ tiêu)")
    split = teachers.get_by_role("img", name="Giáo viên được tập huấn về bảo tồn nguồn nước theo giới tính")
    expect(split).to_contain_text("Nữ: 32")
    expect(split).to_contain_text("Nam: 8")
    # Beside each chart, the table with the same figures.
    expect(teachers.locator("table tr").filter(has_text="01/01/2023–31/05/2023")).to_contain_text("40 người")
    # An indicator with one figure shows the figure, not a lone bar.
    schools = page.locator(".indicator").filter(has_text="Trường mầm non, tiểu học, THCS tham gia")
    expect(schools.locator(".single-figure")).to_be_visible()
    expect(schools.locator("svg")).to_have_count(0)
    shoot(page, "initiative-results.png")

    page.goto(f"{base}/vi/pillars/awareness/")
    people = page.locator(".total-card").filter(has_text="Người được tập huấn")
    trend = people.get_by_role("img", name="Người được tập huấn qua các năm")
    expect(trend).to_contain_text("2022")
    expect(trend).to_contain_text("2023")
    expect(people.get_by_role("img", name="Người được tập huấn theo giới tính")).to_contain_text("Nữ: 32")
    shoot(page, "pillar.png")

    page.goto(f"{base}/vi/initiatives/results/")
    people = page.locator(".total-card").filter(has_text="Người được tập huấn")
    expect(people.get_by_role("img", name="Người được tập huấn qua các năm")).to_be_visible()
    shoot(page, "results.png")

    page.goto(f"{base}/en/initiatives/green-schools-hoan-kiem/")
    teachers = page.locator(".indicator").filter(has_text="Teachers trained on water conservation")
    expect(
        teachers.get_by_role("img", name="Teachers trained on water conservation", exact=True)
    ).to_contain_text("Actual: 70 (117 % of target)")
    shoot(page, "initiative-results-en.png")
    assert refused == []


@pytest.mark.parametrize(
    "address",
    ["/vi/initiatives/green-schools-hoan-kiem/", "/vi/pillars/awareness/", "/en/initiatives/results/"],
)
def test_the_results_pages_with_charts_have_no_serious_accessibility_violations(
    live_server, page: Page, teachers_trained, address
):
    page.goto(f"{live_server.url}{address}")
    expect(page.locator("svg.bar-chart").first).to_be_visible()
    assert serious_violations(page) == []
