"""The RSS and Atom feeds and the sitemap list published resources only."""

import xml.etree.ElementTree as ET

import pytest

from hub.sitemaps import ResourceSitemap

from ..models import Resource
from .factories import ResourceFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def resources():
    return (
        ResourceFactory(title_vi="Hướng dẫn giảm thiểu rác thải nhựa"),
        ResourceFactory(title_vi="Bản nháp", is_published=False),
        ResourceFactory(title_vi="Đề xuất", is_published=False, review_status=Resource.Review.PROPOSED),
    )


def test_rss_lists_published_resources(client, resources):
    response = client.get("/vi/hub/feed.rss")
    assert response.status_code == 200
    channel = ET.fromstring(response.content).find("channel")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Hướng dẫn giảm thiểu rác thải nhựa"]
    assert items[0].findtext("link").endswith(f"/vi/hub/{resources[0].slug}/")


def test_atom_lists_published_resources(client, resources):
    response = client.get("/en/hub/feed.atom")
    assert response.status_code == 200
    entries = ET.fromstring(response.content).findall(f"{ATOM}entry")
    assert len(entries) == 1
    assert entries[0].find(f"{ATOM}link").get("href").endswith(f"/en/hub/{resources[0].slug}/")


def test_sitemap_lists_published_resources(resources):
    slugs = [item["slug"] for item in ResourceSitemap().items()]
    assert slugs == [resources[0].slug]


def test_the_site_sitemap_has_the_hub_in_both_languages(client, resources):
    response = client.get("/sitemap-hub.xml")
    assert response.status_code == 200
    locations = [loc.text for loc in ET.fromstring(response.content).iter(f"{SITEMAP}loc")]
    assert f"http://testserver/vi/hub/{resources[0].slug}/" in locations
    assert f"http://testserver/en/hub/{resources[0].slug}/" in locations
    assert not any(resources[1].slug in loc or resources[2].slug in loc for loc in locations)
