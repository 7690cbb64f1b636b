"""A member editor's reporting pages in pages: their initiatives, searched without accents, and
an initiative's indicators, with the same queries however many there are; another
organisation's initiatives are never among them."""

import datetime

import pytest

from initiatives.models import Indicator, IndicatorUpdate, Initiative, InitiativePartner, Period, Result
from initiatives.tests.factories import InitiativePartnerFactory, ResultFactory
from members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(editor_of):
    cecr = OrganisationFactory(slug="cecr")
    other = OrganisationFactory(slug="greenhub")
    own = InitiativePartnerFactory(
        organisation=cecr, initiative__slug="asppire", initiative__title_vi="ASPPIRe: người thu gom phế liệu"
    ).initiative
    InitiativePartnerFactory(
        organisation=other,
        initiative__slug="truong-hoc-xanh",
        initiative__title_vi="Trường học xanh Hoàn Kiếm",
    )
    return {"cecr": cecr, "own": own, "editor": editor_of(cecr)}


def grow_initiatives(organisation, count: int, *, start: int = 0) -> None:
    initiatives = []
    for n in range(start, start + count):
        initiative = Initiative(
            title_vi=f"Mô hình tái chế nhựa {n:03}", slug=f"tai-che-{n:03}", start=datetime.date(2020, 1, 1)
        )
        initiative.search_text = initiative.build_search_text()
        initiatives.append(initiative)
    InitiativePartner.objects.bulk_create(
        InitiativePartner(initiative=i, organisation=organisation)
        for i in Initiative.objects.bulk_create(initiatives)
    )


def grow_indicators(initiative, count: int, *, start: int = 0) -> None:
    """``count`` more indicators under as many results, each with two periods and an update."""
    results = Result.objects.bulk_create(
        Result(initiative=initiative, title_vi=f"Kết quả {n:03}", order=n)
        for n in range(start, start + count)
    )
    indicators = Indicator.objects.bulk_create(
        Indicator(result=r, title_vi=f"Chỉ số thu gom {n:03}", unit_vi="kg")
        for n, r in enumerate(results, start=start)
    )
    periods = Period.objects.bulk_create(
        Period(indicator=i, start=datetime.date(year, 1, 1), end=datetime.date(year, 12, 31))
        for i in indicators
        for year in (2024, 2025)
    )
    IndicatorUpdate.objects.bulk_create(
        IndicatorUpdate(period=p, reported_on=p.end, value=10, status=IndicatorUpdate.Status.APPROVED)
        for p in periods
    )


def test_the_report_index_comes_in_pages_and_is_searched_without_accents(client, member):
    grow_initiatives(member["cecr"], 24)
    client.force_login(member["editor"])
    first = client.get("/vi/initiatives/report/")
    assert first.context["page"].paginator.count == 25
    assert len(first.context["page"].object_list) == 20
    assert 'href="?page=2"' in first.content.decode()
    found = client.get("/vi/initiatives/report/", {"q": "nguoi thu gom"})
    assert [i.slug for i in found.context["page"].object_list] == ["asppire"]
    # Another organisation's initiative is not found, whatever the search.
    assert (
        client.get("/vi/initiatives/report/", {"q": "truong hoc xanh"}).context["page"].paginator.count == 0
    )
    assert "Trường học xanh" not in client.get("/vi/initiatives/report/", {"page": 2}).content.decode()


def test_an_initiatives_reporting_page_shows_its_indicators_in_pages_result_by_result(client, member):
    grow_indicators(member["own"], 25)
    client.force_login(member["editor"])
    url = "/vi/initiatives/report/asppire/"
    first = client.get(url)
    shown = first.context["page"].object_list
    assert first.context["page"].paginator.count == 25 and len(shown) == 20
    page = first.content.decode()
    assert "Kết quả 000" in page and "Chỉ số thu gom 000" in page and "Chỉ số thu gom 020" not in page
    assert page.count("Thêm cập nhật") == 40  # two periods of each indicator shown
    second = client.get(url, {"page": 2}).content.decode()
    assert "Chỉ số thu gom 024" in second and "Chỉ số thu gom 000" not in second
    found = client.get(url, {"q": "chi so thu gom 013"})
    assert [i.title for i in found.context["page"].object_list] == ["Chỉ số thu gom 013"]


def test_the_reporting_pages_ask_the_same_queries_for_5_and_for_500_rows(client, member, page_queries):
    client.force_login(member["editor"])
    urls = [
        "/vi/initiatives/report/",
        "/vi/initiatives/report/?q=tai+che&page=2",
        "/vi/initiatives/report/asppire/",
        "/vi/initiatives/report/asppire/?q=thu+gom&page=2",
    ]
    ResultFactory(initiative=member["own"])  # a result without indicators is not a row
    grow_initiatives(member["cecr"], 25)
    grow_indicators(member["own"], 25)
    few = {url: page_queries(client, url) for url in urls}
    grow_initiatives(member["cecr"], 475, start=25)
    grow_indicators(member["own"], 475, start=25)
    assert {url: page_queries(client, url) for url in urls} == few
