"""The activities file over HTTP: streamed activity by activity as UTF-8 XML, open to everyone,
revalidated with an ETag that changes with the content, and read with a fixed number of queries
per page of initiatives whatever they hold."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from iati import files
from initiatives.models import Initiative, InitiativePartner, PeriodTarget
from initiatives.tests.factories import (
    IndicatorFactory,
    IndicatorUpdateFactory,
    InitiativeFactory,
    InitiativePartnerFactory,
    PeriodFactory,
    PillarFactory,
    UpdateDisaggregationFactory,
    sex_values,
)
from members.models import Organisation
from members.tests.factories import OrganisationFactory, ProvinceFactory

from .conftest import read_stream

pytestmark = pytest.mark.django_db

URL = "/iati/activities.xml"


def _initiatives(count: int) -> None:
    """``count`` initiatives alike in shape: partners with and without an identifier, a current
    and a former province, two pillars, a programme they belong to, results with targets and
    approved figures split by sex."""
    sex = sex_values()
    da_nang = ProvinceFactory(code="da-nang", name_vi="Đà Nẵng")
    quang_nam = ProvinceFactory(code="quang-nam", name_vi="Quảng Nam", successor=da_nang)
    pillars = [PillarFactory(code="innovation"), PillarFactory(code="policy", dac_sector="41010")]
    lead = OrganisationFactory(iati_identifier="XM-DAC-70001")
    funder = OrganisationFactory()
    programme = None
    for number in range(count):
        initiative = InitiativeFactory(parent=programme, pillars=pillars, provinces=[da_nang, quang_nam])
        programme = programme or initiative
        InitiativePartnerFactory(initiative=initiative, organisation=lead)
        InitiativePartnerFactory(
            initiative=initiative, organisation=funder, role=InitiativePartner.Role.FUNDER
        )
        indicator = IndicatorFactory(result__initiative=initiative, baseline_year=2021, baseline_value=5)
        for year in (2022, 2023):
            period = PeriodFactory(
                indicator=indicator,
                start=datetime.date(year, 1, 1),
                end=datetime.date(year, 12, 31),
                target_value=100,
            )
            PeriodTarget.objects.create(period=period, dimension_value=sex["female"], value=Decimal(60))
            update = IndicatorUpdateFactory(period=period, value=Decimal(number + 1), narrative="Đã thu gom.")
            UpdateDisaggregationFactory(update=update, dimension_value=sex["female"], value=Decimal(1))


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        body = read_stream(client.get(URL))
    assert body.count(b"<iati-activity ") == Initiative.objects.count()
    return len(queries)


def test_the_file_is_streamed_as_utf8_xml_to_anyone(client, network):
    response = client.get(URL, HTTP_ORIGIN="https://d-portal.org")
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    # Other sites' pages may read it.
    assert response["Access-Control-Allow-Origin"] == "*"
    chunks = list(response.streaming_content)
    # The opening, then one piece per activity, then the closing tag.
    activities = [chunk.count(b"<iati-activity ") for chunk in chunks]
    assert activities[0] == 0 and activities[-1] == 0
    assert activities[1:-1] == [1] * 5
    assert chunks[-1].strip() == b"</iati-activities>"


def test_the_first_bytes_leave_before_any_initiative_is_read(network):
    stream = files.activities_xml()
    with CaptureQueriesContext(connection) as queries:
        first = next(stream)
    assert first.startswith(b"<?xml") and b"<iati-activities " in first
    assert len(queries) == 1  # the disaggregation values, once for the whole file
    stream.close()


def test_signed_in_visitors_get_the_same_file(client, network, django_user_model):
    client.force_login(django_user_model.objects.create_user("editor", password="x"))
    body = read_stream(client.get(URL))
    assert body.count(b"<iati-activity ") == 5


def test_an_unchanged_file_is_not_sent_again(client, network):
    response = client.get(URL)
    etag = response["ETag"]
    assert etag.startswith('W/"')
    assert "no-cache" in response["Cache-Control"] and "public" in response["Cache-Control"]
    with CaptureQueriesContext(connection) as queries:
        again = client.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert len(queries) == 0


def test_a_change_to_the_content_gives_a_new_file(client, network):
    etag = client.get(URL)["ETag"]
    network.unpublished.is_published = True
    network.unpublished.save()
    response = client.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert read_stream(response).count(b"<iati-activity ") == 6


def test_head_answers_the_headers_without_building_the_file(client, network):
    with CaptureQueriesContext(connection) as queries:
        response = client.head(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    assert b"".join(response.streaming_content) == b""
    assert len(queries) == 1  # whether there is anything to publish


def test_without_a_published_initiative_there_is_no_file(client, network):
    Initiative.objects.update(is_published=False)
    assert client.get(URL).status_code == 404


def test_the_file_cannot_be_posted_to(client, network):
    assert client.post(URL).status_code == 405


def test_the_file_of_50_initiatives_takes_the_queries_of_5(client):
    _initiatives(5)
    few = _queries(client)
    Initiative.objects.all().delete()
    Organisation.objects.all().delete()
    _initiatives(50)
    assert _queries(client) == few


def test_each_page_of_initiatives_takes_the_same_queries(client):
    _initiatives(12)

    def queries(page_size: int) -> int:
        with CaptureQueriesContext(connection) as captured:
            body = b"".join(files.activities_xml(page_size=page_size))
        assert body.count(b"<iati-activity ") == 12
        return len(captured)

    one_page, three_pages, six_pages = queries(12), queries(4), queries(2)
    per_page = (three_pages - one_page) / 2
    assert per_page <= 14
    assert six_pages - three_pages == 3 * per_page
