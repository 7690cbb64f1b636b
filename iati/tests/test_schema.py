"""Both files validate against the official IATI 2.03 schemas: for the demo network, and for a
network that fills every part the activities file can hold."""

from io import StringIO

import pytest
from django.core.management import call_command
from lxml import etree

from .conftest import read_stream

pytestmark = pytest.mark.django_db


def _valid(schema: etree.XMLSchema, document: bytes) -> etree._Element:
    root = etree.fromstring(document)
    assert schema.validate(root), schema.error_log
    return root


def test_the_demo_networks_activities_are_valid_iati(client, activities_schema):
    call_command("load_demo", stdout=StringIO())
    root = _valid(activities_schema, read_stream(client.get("/iati/activities.xml")))
    assert len(root.findall("iati-activity")) == 6
    assert root.get("version") == "2.03"


def test_every_part_the_export_can_write_is_valid_iati(client, network, activities_schema):
    root = _valid(activities_schema, read_stream(client.get("/iati/activities.xml")))
    assert len(root.findall("iati-activity")) == 5
    # The branches this network exists for are really in the file.
    for path in [
        "iati-activity/participating-org[@ref][@type]",
        "iati-activity/location/description",
        "iati-activity/sector[@vocabulary='99']",
        "iati-activity/related-activity[@type='1']",
        "iati-activity/related-activity[@type='2']",
        "iati-activity/result/indicator/baseline",
        "iati-activity/result/indicator/period/target/dimension",
        "iati-activity/result/indicator/period/actual/dimension",
        "iati-activity/result/indicator/period/actual/comment",
        "iati-activity/result/indicator[@measure='2']",
        "iati-activity/result/indicator[@measure='5']",
        "iati-activity/activity-date/narrative",
    ]:
        assert root.xpath(path), path


def test_the_organisation_file_is_valid_iati(client, organisations_schema, annual_report):
    response = client.get("/iati/organisation.xml")
    assert response.status_code == 200
    root = _valid(organisations_schema, response.content)
    assert root.xpath("iati-organisation/document-link/category[@code='B01']")
