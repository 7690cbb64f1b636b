"""The cycle's lists in pages: the dashboard names only the page shown and keeps its totals and
export over every initiative; a member's list of what is due is paged and searched, on its own
page and in short on "my organisations"; the approvals queue is narrowed to one cycle."""

import csv
import io

import pytest

from core import roles
from cycles.models import DuePeriod
from initiatives.models import (
    Indicator,
    IndicatorUpdate,
    Initiative,
    InitiativePartner,
    Period,
    Result,
)
from initiatives.tests.factories import IndicatorUpdateFactory, PeriodFactory

pytestmark = pytest.mark.django_db


def grow(network: dict, count: int, organisation, *, start: int = 0) -> list[Initiative]:
    """``count`` more initiatives reported by ``organisation``, one period each due in the cycle."""
    cycle = network["cycle"]
    initiatives = []
    for n in range(start, start + count):
        initiative = Initiative(title_vi=f"Sáng kiến thu hồi bao bì {n:03}", slug=f"thu-hoi-{n:03}")
        initiative.search_text = initiative.build_search_text()
        initiatives.append(initiative)
    initiatives = Initiative.objects.bulk_create(initiatives)
    InitiativePartner.objects.bulk_create(
        InitiativePartner(initiative=i, organisation=organisation, role=InitiativePartner.Role.ACCOUNTABLE)
        for i in initiatives
    )
    results = Result.objects.bulk_create(
        Result(initiative=i, title_vi="Bao bì được thu hồi") for i in initiatives
    )
    indicators = Indicator.objects.bulk_create(Indicator(result=r, title_vi="Tấn bao bì") for r in results)
    periods = Period.objects.bulk_create(
        Period(indicator=i, start=cycle.period_start, end=cycle.period_end) for i in indicators
    )
    DuePeriod.objects.bulk_create(
        DuePeriod(cycle=cycle, period=p, initiative=i) for p, i in zip(periods, initiatives, strict=True)
    )
    return initiatives


def test_the_dashboard_names_only_its_page_and_counts_and_exports_every_initiative(client, opened):
    grow(opened, 55, opened["greenhub"])
    client.force_login(opened["coordinator"])
    url = f"/vi/cycles/{opened['cycle'].pk}/"
    first = client.get(url)
    board, page = first.context["board"], first.context["page"]
    assert board.overall.total == 58 and len(board.initiatives) == 58
    assert len(page.object_list) == 50 and page.paginator.num_pages == 2
    assert all(row.named for row in page.object_list)
    assert not any(row.named for row in board.initiatives[50:])
    assert "0/58" in first.content.decode()
    second = client.get(url, {"page": 2}).context["page"].object_list
    assert len(second) == 8 and all(row.named for row in second)
    labels = [row.label for row in board.initiatives]
    assert labels == sorted(labels, key=str.casefold)
    by_organisation = client.get(url, {"by": "organisation"}).context["page"].object_list
    counted = {row.label: row.summary.total for row in by_organisation}
    assert counted["Trung tâm Hỗ trợ Phát triển Xanh"] == 56  # the schools and the 55 grown
    response = client.get(f"{url}export.csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))[1:]
    assert len(rows) == 58
    grown = next(row for row in rows if row[0] == "Sáng kiến thu hồi bao bì 054")
    assert grown[1] == "Trung tâm Hỗ trợ Phát triển Xanh"


def dashboard_queries(client, network, page_queries) -> dict[str, int]:
    url = f"/vi/cycles/{network['cycle'].pk}/"
    return {
        grouping: page_queries(client, url, {"by": grouping, "q": "sang kien", "page": 2})
        for grouping in ("initiative", "organisation", "pillar")
    }


def test_every_grouping_of_the_dashboard_asks_the_same_queries_for_5_and_for_500(
    client, opened, page_queries
):
    client.force_login(opened["coordinator"])
    grow(opened, 55, opened["greenhub"])
    few = dashboard_queries(client, opened, page_queries)
    grow(opened, 445, opened["greenhub"], start=55)
    assert dashboard_queries(client, opened, page_queries) == few


def test_the_list_of_what_is_due_comes_in_pages_and_is_searched_without_accents(client, opened):
    grow(opened, 25, opened["cecr"])
    client.force_login(opened["editor"])
    first = client.get("/vi/cycles/due/")
    assert first.context["page"].paginator.count == 28
    titles = [item.initiative.title for item in first.context["page"].object_list]
    assert len(titles) == 20 and titles == sorted(titles, key=str)
    assert all(item.periods for item in first.context["page"].object_list)
    second = client.get("/vi/cycles/due/", {"page": 2})
    assert len(second.context["page"].object_list) == 8
    assert 'href="?page=2"' in first.content.decode()
    found = client.get("/vi/cycles/due/", {"q": "truong hoc xanh"})
    assert [item.initiative.slug for item in found.context["page"].object_list] == ["truong-hoc-xanh"]
    assert client.get("/vi/cycles/due/", {"q": "khong co gi"}).context["page"].object_list == []
    # Another organisation's initiatives are never listed, searched for or not.
    client.force_login(opened["greenhub_editor"])
    theirs = client.get("/vi/cycles/due/", {"q": "thu hoi bao bi"})
    assert theirs.context["page"].object_list == []


def test_my_organisations_shows_the_first_items_due_and_links_to_the_rest(client, opened):
    grow(opened, 25, opened["cecr"])
    client.force_login(opened["editor"])
    response = client.get("/vi/members/mine/")
    [(template, due)] = [
        (t, rows) for t, rows in response.context["sections"] if t == "cycles/fragment_due.html"
    ]
    assert len(due.object_list) == 5 and due.paginator.count == 28
    assert 'href="/vi/cycles/due/"' in response.content.decode()


def test_the_member_pages_ask_the_same_queries_for_5_and_for_500_initiatives(client, opened, page_queries):
    client.force_login(opened["editor"])
    urls = [
        "/vi/cycles/due/",
        "/vi/cycles/due/?q=thu+hoi&page=2",
        "/vi/members/mine/",
        "/vi/initiatives/report/",
    ]
    grow(opened, 30, opened["cecr"])
    few = {url: page_queries(client, url) for url in urls}
    grow(opened, 470, opened["cecr"], start=30)
    assert {url: page_queries(client, url) for url in urls} == few


def test_the_approvals_queue_is_narrowed_to_the_periods_due_in_a_cycle(client, opened, staff_in):
    due = DuePeriod.objects.filter(cycle=opened["cycle"], initiative=opened["asppire"]).first()
    in_cycle = IndicatorUpdateFactory(period=due.period, status=IndicatorUpdate.Status.SUBMITTED)
    # A period of the same initiative outside the cycle.
    outside = IndicatorUpdateFactory(
        period=PeriodFactory(indicator=due.period.indicator), status=IndicatorUpdate.Status.SUBMITTED
    )
    client.force_login(staff_in(roles.RESULTS_APPROVERS))
    response = client.get("/vi/initiatives/report/approvals/")
    facets = {facet.name: facet for facet in response.context["facets"]}
    assert [(o.value, o.label) for o in facets["cycle"].options] == [
        (str(opened["cycle"].pk), "Kỳ báo cáo 6 tháng cuối năm 2026")
    ]
    assert {u.pk for u in response.context["page"].object_list} == {in_cycle.pk, outside.pk}
    narrowed = client.get("/vi/initiatives/report/approvals/", {"cycle": opened["cycle"].pk})
    assert [u.pk for u in narrowed.context["page"].object_list] == [in_cycle.pk]
    assert (
        client.get("/vi/initiatives/report/approvals/", {"cycle": 999999}).context["page"].paginator.count
        == 0
    )
