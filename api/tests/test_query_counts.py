"""Every endpoint asks the database the same number of questions with 5 rows of everything and
with 500: the lists with a full page of rows, and the detail of an organisation, an event and an
initiative that gained as many related rows. The data is that of the public pages' own test."""

import pytest

from events.models import Event
from initiatives.models import IndicatorUpdate
from tests.test_query_counts import grow, network  # noqa: F401 - the fixture is used by name

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "/api/v1/organisations/?page_size=100",
    "/api/v1/organisations/?q=trung+tam&kind=ngo&province=ha-noi&pillar=innovation&status=active&page_size=100",
    "/api/v1/organisations/{organisation}/",
    "/api/v1/pillars/",
    "/api/v1/events/?page_size=100",
    "/api/v1/events/?when=past&year=2024&type=workshop&pillar=innovation&province=ha-noi&format=hybrid&page_size=100",
    "/api/v1/events/?q=hoi+thao&organiser={organisation}&page_size=100",
    "/api/v1/events/{event}/",
    "/api/v1/initiatives/?page_size=100",
    "/api/v1/initiatives/?pillar=innovation&province=ha-noi&status=ongoing&year=2023&q=nhua&page_size=100",
    "/api/v1/initiatives/{initiative}/",
    "/api/v1/totals/",
    "/api/v1/totals/?province=ha-noi&pillar=innovation",
    "/api/v1/reports/?page_size=100",
    "/api/v1/reports/?kind=newsletter&year=2024&page_size=100",
]


def test_every_endpoint_does_the_same_queries_with_5_rows_and_with_500(client, network, page_queries):  # noqa: F811
    urls = [
        url.format(
            organisation=network["organisation"].slug,
            event=network["event"].slug,
            initiative=network["initiative"].slug,
        )
        for url in ENDPOINTS
    ]
    grow(network, 5)
    few = {url: page_queries(client, url) for url in urls}
    grow(network, 495)
    assert Event.objects.count() > 500 and IndicatorUpdate.objects.count() >= 1000
    many = {url: page_queries(client, url) for url in urls}
    assert many == few
    # The second page of a list is no dearer than the first.
    first = client.get("/api/v1/events/?page_size=100").json()
    assert len(first["results"]) == 100
    assert page_queries(client, first["next"]) == few["/api/v1/events/?page_size=100"]
