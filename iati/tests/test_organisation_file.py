"""The reporting organisation's file: its identifier and names from the settings, its pages on
the portal, and the annual reports published in the library."""

import pytest
from django.utils import timezone
from lxml import etree

from .conftest import REPORTING_REF

pytestmark = pytest.mark.django_db

URL = "/iati/organisation.xml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def test_the_organisation_is_the_reporting_organisation_of_the_settings(client):
    response = client.get(URL)
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    root = etree.fromstring(response.content)
    assert root.get("version") == "2.03"
    (organisation,) = root.findall("iati-organisation")
    assert organisation.findtext("organisation-identifier") == REPORTING_REF
    assert organisation.find("reporting-org").attrib == {"ref": REPORTING_REF, "type": "10"}
    names = {n.get(XML_LANG): n.text for n in organisation.findall("name/narrative")}
    assert names == {
        "vi": "Ban thư ký Chương trình đối tác hành động quốc gia về nhựa",
        "en": "National Plastic Action Partnership secretariat",
    }
    pages = [
        (link.get("url"), link.find("category").get("code"), link.find("language").get("code"))
        for link in organisation.findall("document-link")
    ]
    assert pages == [
        ("https://npap.example.vn/vi/", "B16", "vi"),
        ("https://npap.example.vn/en/", "B16", "en"),
    ]


def test_published_annual_reports_are_linked_and_no_other(client, annual_report):
    organisation = etree.fromstring(client.get(URL).content).find("iati-organisation")
    (report,) = organisation.xpath("document-link[category/@code='B01']")
    assert report.get("url") == "https://npap.example.vn/vi/reports/bao-cao-thuong-nien-2024/download/"
    assert report.get("format") == "application/pdf"
    assert report.xpath("string(title/narrative[@xml:lang='vi'])") == "Báo cáo tổng hợp thường niên 2024"
    assert report.xpath("string(description/narrative)") == "Kết quả của mạng lưới năm 2024."
    assert report.find("language").get("code") == "vi"
    assert (
        report.find("document-date").get("iso-date")
        == timezone.localdate(annual_report.created_at).isoformat()
    )
    body = client.get(URL).content.decode()
    assert "Bản tin quý" not in body and "Báo cáo đã rút lại" not in body
    # The link opens the report for anyone.
    assert client.get("/vi/reports/bao-cao-thuong-nien-2024/download/").status_code == 200


def test_an_unchanged_organisation_file_is_not_sent_again(client):
    etag = client.get(URL)["ETag"]
    assert client.get(URL, HTTP_IF_NONE_MATCH=etag).status_code == 304
