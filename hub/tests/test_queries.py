"""The hub's list and a resource's page ask a fixed number of queries, with 5 rows or 500."""

import pytest

from initiatives.tests.factories import InitiativeFactory, PillarFactory
from members.tests.factories import OrganisationFactory, ProvinceFactory

from ..models import Resource, ResourceOrganisation
from .factories import PublishedReportFactory, ResourceFactory

pytestmark = pytest.mark.django_db


def add_rows(count: int) -> Resource:
    pillar = PillarFactory(code="policy")
    province = ProvinceFactory()
    organisation = OrganisationFactory()
    initiative = InitiativeFactory()
    last = None
    for number in range(count):
        last = ResourceFactory(year=2000 + number % 25, pillars=[pillar], provinces=[province])
        ResourceOrganisation.objects.create(resource=last, organisation=organisation)
        last.initiatives.add(initiative)
        if number < 3:
            # The first page shows reports and resources alike, whatever the number of rows.
            PublishedReportFactory(year=2030, pillar=pillar)
    return last


@pytest.mark.parametrize(
    "params",
    [{}, {"q": "bao cao", "pillar": "policy"}, {"province": "ha-noi", "language": "vi", "kind": "study"}],
)
def test_list_queries_do_not_grow(client, page_queries, params):
    add_rows(5)
    few = page_queries(client, "/vi/hub/", params)
    add_rows(500 - 5)
    assert page_queries(client, "/vi/hub/", params) == few


def test_detail_queries_do_not_grow(client, page_queries):
    resource = add_rows(5)
    few = page_queries(client, f"/vi/hub/{resource.slug}/")
    add_rows(500 - 5)
    assert page_queries(client, f"/vi/hub/{resource.slug}/") == few
