"""The sitemap lists the public pages in both languages, published content only, and robots.txt
points crawlers to it."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Event
from events.tests.factories import EventFactory, EventTypeFactory
from initiatives.tests.factories import InitiativeFactory, PillarFactory
from members.tests.factories import OrganisationFactory, ProvinceFactory
from reports.models import PublishedReport, ReportFile, ReportRun

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def sitemap_urls(client) -> dict[str, dict[str, str]]:
    """Every address in the sitemap, each with its alternates by language, read the way a
    crawler reads them: the index first, then each file it names."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    urls = {}
    for loc in ET.fromstring(index.content).findall("sm:sitemap/sm:loc", NS):
        response = client.get(loc.text.removeprefix("http://testserver"))
        assert response.status_code == 200
        for url in ET.fromstring(response.content).findall("sm:url", NS):
            alternates = {
                link.get("hreflang"): link.get("href").removeprefix("http://testserver")
                for link in url.findall("xhtml:link", NS)
            }
            urls[url.find("sm:loc", NS).text.removeprefix("http://testserver")] = alternates
    return urls


@pytest.fixture
def content(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    pillar = PillarFactory(code="innovation")
    run = ReportRun.objects.create(
        kind=ReportRun.Kind.ANNUAL,
        period_start=datetime.date(2024, 1, 1),
        period_end=datetime.date(2024, 12, 31),
        formats=["pdf"],
        status=ReportRun.Status.SUCCEEDED,
    )
    report_file = ReportFile(run=run, format="pdf", size=8)
    report_file.file.save("annual.pdf", ContentFile(b"%PDF-1.4"), save=True)
    for slug, published in (("bao-cao-thuong-nien-2024", True), ("ban-nhap-2025", False)):
        PublishedReport.objects.create(
            slug=slug, title=slug, kind="annual", year=2024, file=report_file, is_published=published
        )
    return {
        "organisation": OrganisationFactory(slug="cecr"),
        "hidden_organisation": OrganisationFactory(slug="chua-duyet", is_published=False),
        "event": EventFactory(slug="hoi-thao-tham-van"),
        "hidden_event": EventFactory(slug="hoi-thao-nhap", is_published=False),
        "initiative": InitiativeFactory(slug="asppire"),
        "hidden_initiative": InitiativeFactory(slug="sang-kien-nhap", is_published=False),
        "pillar": pillar,
        "hidden_pillar": PillarFactory(code="hidden", is_published=False),
    }


def test_the_sitemap_lists_the_public_pages_in_both_languages(client, content):
    urls = sitemap_urls(client)
    for path in (
        "/{}/",
        "/{}/members/",
        "/{}/members/cecr/",
        "/{}/events/",
        "/{}/events/hoi-thao-tham-van/",
        "/{}/initiatives/",
        "/{}/initiatives/asppire/",
        "/{}/initiatives/results/",
        "/{}/pillars/",
        "/{}/pillars/innovation/",
        "/{}/reports/",
        "/{}/reports/bao-cao-thuong-nien-2024/",
    ):
        vi, en = path.format("vi"), path.format("en")
        assert vi in urls and en in urls
        # Each language names the other, and the address without a language as the default.
        assert urls[vi] == urls[en] == {"vi": vi, "en": en, "x-default": path.format("").replace("//", "/")}


def test_unpublished_content_is_not_in_the_sitemap(client, content):
    listed = " ".join(sitemap_urls(client))
    for hidden in ("chua-duyet", "hoi-thao-nhap", "sang-kien-nhap", "/pillars/hidden/", "ban-nhap-2025"):
        assert hidden not in listed
    # Private and personal pages are no crawler's business.
    for private in ("/admin/", "/accounts/", "/mine/", "/report/", "/runs/"):
        assert private not in listed


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /vi/admin/" in lines and "Disallow: /en/admin/" in lines


def test_an_unknown_section_or_page_is_not_found(client):
    assert client.get("/sitemap-nothing.xml").status_code == 404
    assert client.get("/sitemap-events.xml?p=9").status_code == 404


def test_the_events_file_reads_only_the_columns_an_address_needs(client, content):
    province, event_type = ProvinceFactory(), EventTypeFactory()
    Event.objects.bulk_create(
        Event(
            title=f"Hội thảo {n}",
            slug=f"hoi-thao-{n}",
            event_type=event_type,
            province=province,
            start_date=datetime.date(2024, 11, 8),
            is_published=True,
        )
        for n in range(20)
    )
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/sitemap-events.xml")
    assert response.status_code == 200 and b"/vi/events/hoi-thao-19/" in response.content
    reads = [q["sql"] for q in queries if 'FROM "events_event"' in q["sql"]]
    assert reads and all("title" not in sql and "description" not in sql for sql in reads)
