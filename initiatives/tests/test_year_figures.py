"""The network's kept yearly figures: written in the same transaction as each change to what
they count, by the services, the admin and the import; rebuilt by a command; checked and
repaired every night; and read by the totals in a few queries whatever the size."""

import datetime
import logging
from decimal import Decimal as D

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models.fields.files import FieldFile

from core import roles
from core.tests.test_imports import import_rows
from initiatives import figures, services
from initiatives.models import (
    Indicator,
    IndicatorUpdate,
    Initiative,
    Measure,
    NetworkIndicator,
    Period,
    Result,
    UpdateDisaggregation,
    YearFigure,
)
from initiatives.selectors import network_totals
from initiatives.selectors.results import recomputed_network_totals
from initiatives.tasks import check_results_figures
from initiatives.tests.factories import (
    IndicatorFactory,
    IndicatorUpdateFactory,
    NetworkIndicatorFactory,
    PeriodFactory,
    PillarFactory,
    UpdateDisaggregationFactory,
    sex_values,
)
from members.tests.factories import ProvinceFactory

pytestmark = pytest.mark.django_db

ADMIN = "/vi/admin/initiatives/"


def total_of(network: NetworkIndicator, **scope) -> D | None:
    row = next(row for row in network_totals(**scope) if row.indicator == network)
    return row.total and row.total.value


def by_year(network: NetworkIndicator, **scope) -> list[tuple[int, D]]:
    row = next(row for row in network_totals(**scope) if row.indicator == network)
    return [(year, figure.value) for year, figure in row.by_year]


@pytest.fixture
def collected():
    """A period of an indicator counted in "plastic collected", 2022 to 2024."""
    network = NetworkIndicatorFactory(code="plastic-collected")
    indicator = IndicatorFactory(network_indicator=network)
    return PeriodFactory(
        indicator=indicator, start=datetime.date(2022, 1, 1), end=datetime.date(2024, 12, 31)
    )


def submitted(period: Period, value: int, on=datetime.date(2022, 6, 30), **fields) -> IndicatorUpdate:
    return IndicatorUpdateFactory(
        period=period, value=D(value), reported_on=on, status=IndicatorUpdate.Status.SUBMITTED, **fields
    )


def test_an_approval_counts_in_the_totals_at_once(collected, staff_in):
    update = submitted(collected, 1200)
    network = collected.indicator.network_indicator
    assert total_of(network) is None
    services.indicator_update_approve(update=update, reviewer=staff_in(roles.RESULTS_APPROVERS))
    assert total_of(network) == D(1200)


def test_the_kept_figures_are_written_in_the_approvals_own_transaction(collected, staff_in):
    update = submitted(collected, 1200)
    approver = staff_in(roles.RESULTS_APPROVERS)
    with pytest.raises(RuntimeError), transaction.atomic():
        services.indicator_update_approve(update=update, reviewer=approver)
        # Inside the transaction the figure is there already…
        assert YearFigure.objects.get(indicator=collected.indicator).value == D(1200)
        raise RuntimeError("the request fails after the approval")
    # …and goes with the approval when the transaction is rolled back.
    update.refresh_from_db()
    assert update.status == IndicatorUpdate.Status.SUBMITTED
    assert not YearFigure.objects.exists()


def test_an_approval_whose_figures_cannot_be_written_is_not_recorded(collected, staff_in, monkeypatch):
    update = submitted(collected, 1200)

    def broken(**kwargs):
        raise RuntimeError("the database refused the figures")

    monkeypatch.setattr(figures, "year_figures_refresh", broken)
    with pytest.raises(RuntimeError):
        services.indicator_update_approve(update=update, reviewer=staff_in(roles.RESULTS_APPROVERS))
    update.refresh_from_db()
    assert update.status == IndicatorUpdate.Status.SUBMITTED


def test_a_returned_update_never_counts(collected, staff_in):
    IndicatorUpdateFactory(period=collected, value=D(500), reported_on=datetime.date(2022, 3, 31))
    update = submitted(collected, 1200)
    services.indicator_update_return(
        update=update, reviewer=staff_in(roles.RESULTS_APPROVERS), note="Thiếu biên bản."
    )
    assert total_of(collected.indicator.network_indicator) == D(500)


def test_a_correction_and_a_deletion_move_the_totals(collected, staff_in):
    from initiatives.corrections import indicator_update_correct

    network = collected.indicator.network_indicator
    first = IndicatorUpdateFactory(period=collected, value=D(500), reported_on=datetime.date(2022, 3, 31))
    IndicatorUpdateFactory(period=collected, value=D(300), reported_on=datetime.date(2023, 3, 31))
    assert by_year(network) == [(2022, D(500)), (2023, D(300))]
    indicator_update_correct(
        update=first, corrected_by=staff_in(roles.RESULTS_APPROVERS), reason="Ghi nhầm.", value=D(450)
    )
    assert by_year(network) == [(2022, D(450)), (2023, D(300))]
    services.indicator_updates_delete(updates=IndicatorUpdate.objects.filter(pk=first.pk))
    assert by_year(network) == [(2023, D(300))] and total_of(network) == D(300)


def test_a_cumulative_indicator_counts_its_latest_running_total_in_later_years():
    network = NetworkIndicatorFactory(code="households-sorting", cumulative=True)
    period = PeriodFactory(
        indicator=IndicatorFactory(network_indicator=network, cumulative=True),
        start=datetime.date(2021, 1, 1),
        end=datetime.date(2024, 12, 31),
    )
    other = PeriodFactory(
        indicator=IndicatorFactory(network_indicator=network, cumulative=True),
        start=datetime.date(2021, 1, 1),
        end=datetime.date(2024, 12, 31),
    )
    IndicatorUpdateFactory(period=period, value=D(9000), reported_on=datetime.date(2021, 12, 31))
    IndicatorUpdateFactory(period=period, value=D(12000), reported_on=datetime.date(2022, 12, 31))
    IndicatorUpdateFactory(period=other, value=D(7000), reported_on=datetime.date(2024, 6, 30))
    # 12,000 carried to 2023 and 2024, where the other initiative adds its 7,000.
    assert by_year(network) == [(2021, D(9000)), (2022, D(12000)), (2023, D(12000)), (2024, D(19000))]
    assert total_of(network) == D(19000)
    # Its own kept rows stop at its last report: a later report elsewhere rewrites nothing of it.
    assert list(
        YearFigure.objects.filter(indicator=period.indicator, dimension_value=None).values_list(
            "year", "final"
        )
    ) == [
        (2021, False),
        (2022, True),
    ]


# --- the admin and the import ---------------------------------------------------------------------


def form_data(response) -> dict:
    """What the browser sends back for the change page as shown, inlines included."""
    data: dict = {}

    def add(form) -> None:
        for bound in form:
            value = bound.value()
            if isinstance(value, FieldFile) or value is False:
                continue
            if isinstance(value, list | tuple):
                data[bound.html_name] = [str(item) for item in value]
            else:
                data[bound.html_name] = "" if value is None else "on" if value is True else str(value)

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        for bound in inline.formset.management_form:
            data[bound.html_name] = bound.value()
        for form in inline.formset.forms:
            add(form)
    return data


def test_unlinking_an_indicator_in_the_admin_takes_its_figures_out(client, coordinator, collected):
    IndicatorUpdateFactory(period=collected, value=D(500))
    network = collected.indicator.network_indicator
    assert total_of(network) == D(500)
    client.force_login(coordinator)
    url = f"{ADMIN}indicator/{collected.indicator.pk}/change/"
    response = client.post(url, {**form_data(client.get(url)), "network_indicator": ""})
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert total_of(network) is None and not YearFigure.objects.exists()


def test_an_indicator_made_cumulative_in_the_results_admin_counts_its_latest_value(client, coordinator):
    network = NetworkIndicatorFactory(code="households-sorting", cumulative=True)
    indicator = IndicatorFactory(cumulative=False, network_indicator=None)
    period = PeriodFactory(
        indicator=indicator, start=datetime.date(2022, 1, 1), end=datetime.date(2022, 12, 31)
    )
    IndicatorUpdateFactory(period=period, value=D(9000), reported_on=datetime.date(2022, 3, 31))
    IndicatorUpdateFactory(period=period, value=D(9500), reported_on=datetime.date(2022, 9, 30))
    client.force_login(coordinator)
    url = f"{ADMIN}result/{indicator.result.pk}/change/"
    data = form_data(client.get(url))
    data.update({"indicators-0-cumulative": "on", "indicators-0-network_indicator": str(network.pk)})
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert total_of(network) == D(9500)


def test_deleting_approved_updates_or_their_period_in_the_admin_takes_them_out(
    client, coordinator, collected
):
    network = collected.indicator.network_indicator
    kept = IndicatorUpdateFactory(period=collected, value=D(500))
    gone = IndicatorUpdateFactory(period=collected, value=D(300), reported_on=datetime.date(2022, 3, 31))
    client.force_login(coordinator)
    client.post(f"{ADMIN}indicatorupdate/{gone.pk}/delete/", {"post": "yes"})
    assert not IndicatorUpdate.objects.filter(pk=gone.pk).exists()
    assert total_of(network) == D(500)
    # The list's bulk deletion goes through the same service.
    other = PeriodFactory(indicator=collected.indicator)
    IndicatorUpdateFactory(period=other, value=D(70))
    assert total_of(network) == D(570)
    client.post(
        f"{ADMIN}period/",
        {"action": "delete_selected", "_selected_action": [collected.pk], "post": "yes"},
    )
    assert not IndicatorUpdate.objects.filter(pk=kept.pk).exists()
    assert total_of(network) == D(70)


def test_a_period_moved_to_another_indicator_in_the_admin_takes_its_figures_along(
    client, coordinator, collected
):
    IndicatorUpdateFactory(period=collected, value=D(500))
    households = NetworkIndicatorFactory(code="households-reached")
    other = IndicatorFactory(network_indicator=households)
    client.force_login(coordinator)
    url = f"{ADMIN}period/{collected.pk}/change/"
    response = client.post(url, {**form_data(client.get(url)), "indicator": str(other.pk)})
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert total_of(collected.indicator.network_indicator) is None
    assert total_of(households) == D(500)


def test_approved_figures_imported_count_once_the_import_commits(client, coordinator, collected):
    sex_values()
    initiative = collected.indicator.result.initiative
    client.force_login(coordinator)
    rows = [
        ["Sáng kiến (mã)", "Chỉ số (tiếng Việt)", "Số liệu tính đến ngày", "Giá trị", "Trong đó nữ"],
        [initiative.slug, collected.indicator.title_vi, "31/10/2022", "250", "150"],
    ]
    import_rows(client, "initiatives_indicatorupdate", rows)
    [row] = network_totals()
    assert row.total.value == D(250)
    assert [(part.label, part.value) for part in row.breakdown] == [("Nữ", D(150))]


# --- rebuilding and the nightly check ---------------------------------------------------------------


def kept_rows() -> list[tuple]:
    return list(
        YearFigure.objects.order_by("indicator", "year", "dimension_value").values_list(
            "indicator", "year", "dimension_value", "value", "reports", "final"
        )
    )


def test_the_rebuild_command_writes_the_same_figures_again_and_says_how_many(collected, capsys):
    update = IndicatorUpdateFactory(period=collected, value=D(500))
    UpdateDisaggregationFactory(update=update, dimension_value=sex_values()["female"], value=D(200))
    before = kept_rows()
    assert len(before) == 2
    YearFigure.objects.all().delete()
    call_command("rebuild_results_figures")
    assert "2 rows for 1 indicators" in capsys.readouterr().out
    assert kept_rows() == before
    call_command("rebuild_results_figures")
    assert kept_rows() == before


def test_the_nightly_check_repairs_what_differs_and_names_the_indicators(collected, caplog, capsys):
    IndicatorUpdateFactory(period=collected, value=D(500))
    untouched = PeriodFactory(
        indicator=IndicatorFactory(network_indicator=collected.indicator.network_indicator)
    )
    IndicatorUpdateFactory(period=untouched, value=D(40))
    assert check_results_figures() == []
    # Figures changed past the services: a bulk write, or a row edited by hand.
    IndicatorUpdate.objects.filter(period=collected).update(value=D(900))
    YearFigure.objects.filter(indicator=untouched.indicator).update(value=D(41))
    assert total_of(collected.indicator.network_indicator) == D(541)
    # The command's check only says which differ.
    call_command("rebuild_results_figures", "--check")
    assert f"2 indicators' kept figures differ: {collected.indicator.pk}, {untouched.indicator.pk}" in (
        capsys.readouterr().out
    )
    assert total_of(collected.indicator.network_indicator) == D(541)
    with caplog.at_level(logging.WARNING, logger="initiatives.figures"):
        differing = check_results_figures()
    assert differing == sorted([collected.indicator.pk, untouched.indicator.pk])
    assert f"{collected.indicator.pk}, {untouched.indicator.pk}" in caplog.text
    assert total_of(collected.indicator.network_indicator) == D(940)
    assert figures.year_figures_check(repair=False) == []


def test_the_migration_fills_the_figures_of_an_existing_database(collected):
    from django.apps import apps

    IndicatorUpdateFactory(period=collected, value=D(500))
    before = kept_rows()
    YearFigure.objects.all().delete()
    figures.year_figures_rebuild(tables=figures.Tables.of(apps))
    assert kept_rows() == before


# --- reading ----------------------------------------------------------------------------------------


def grow(count: int, *, network: NetworkIndicator, running: NetworkIndicator, pillar, province) -> None:
    """``count`` more published initiatives in the pillar and the province, each with an approved
    figure of each network indicator in 2022 and 2023, split by sex; written in bulk."""
    female = sex_values()["female"]
    initiatives = Initiative.objects.bulk_create(
        Initiative(title=f"Sáng kiến {n}", slug=f"sang-kien-{n}-{count}", is_published=True)
        for n in range(count)
    )
    Initiative.pillars.through.objects.bulk_create(
        Initiative.pillars.through(initiative=i, pillar=pillar) for i in initiatives
    )
    Initiative.provinces.through.objects.bulk_create(
        Initiative.provinces.through(initiative=i, province=province) for i in initiatives
    )
    results = Result.objects.bulk_create(Result(initiative=i, title="Thu gom") for i in initiatives)
    indicators = Indicator.objects.bulk_create(
        Indicator(result=r, title="Khối lượng", network_indicator=linked, cumulative=linked.cumulative)
        for r in results
        for linked in (network, running)
    )
    periods = Period.objects.bulk_create(
        Period(indicator=i, start=datetime.date(2022, 1, 1), end=datetime.date(2023, 12, 31))
        for i in indicators
    )
    updates = IndicatorUpdate.objects.bulk_create(
        IndicatorUpdate(period=p, reported_on=on, value=D(35), status=IndicatorUpdate.Status.APPROVED)
        for p in periods
        for on in (datetime.date(2022, 6, 30), datetime.date(2023, 6, 30))
    )
    UpdateDisaggregation.objects.bulk_create(
        UpdateDisaggregation(update=u, dimension_value=female, value=D(20)) for u in updates
    )
    figures.year_figures_rebuild()


def test_the_totals_take_the_same_queries_for_5_and_500_initiatives(django_assert_num_queries):
    network = NetworkIndicatorFactory(code="plastic-collected", is_headline=True)
    running = NetworkIndicatorFactory(
        code="households-sorting", cumulative=True, measure=Measure.QUANTITATIVE
    )
    pillar, province = PillarFactory(), ProvinceFactory()
    scopes = [{}, {"headline_only": True}, {"pillar": pillar}, {"province": province}]

    def counted() -> list[int]:
        counts = []
        for scope in scopes:
            with django_assert_num_queries(3) as captured:
                network_totals(**scope)
            counts.append(len(captured.captured_queries))
        return counts

    grow(5, network=network, running=running, pillar=pillar, province=province)
    few = counted()
    assert total_of(network) == D(350) and total_of(running, pillar=pillar) == D(175)
    grow(495, network=network, running=running, pillar=pillar, province=province)
    assert counted() == few
    assert total_of(network, province=province) == D(35000) and by_year(running) == [
        (2022, D(17500)),
        (2023, D(17500)),
    ]
    assert [(row.indicator.code, row.total, row.by_year) for row in network_totals(pillar=pillar)] == [
        (row.indicator.code, row.total, row.by_year) for row in recomputed_network_totals(pillar=pillar)
    ]
