"""The sitemap of the public pages, for search engines: every page in Vietnamese and English,
each naming the other as its alternate.

``SITEMAPS`` is a plain dict of sections, served as an index at ``/sitemap.xml`` with one file per
section: an app with public pages of its own adds its section here (``SITEMAPS["hub"] =
HubSitemap``). Sections read through the apps' selectors, so only published rows appear, and take
only the columns an address needs: a national network has tens of thousands of events, and a
section's rows are all read at once to be split into files of 50,000 addresses.
"""

from collections.abc import Iterable
from datetime import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from events.selectors import event_public_queryset
from groups.sitemaps import GroupSitemap, IssueSitemap
from hub.sitemaps import ResourceSitemap
from initiatives.selectors import initiative_public_queryset, pillar_list_public
from members.selectors import organisation_public_queryset
from reports.selectors import published_reports


class BilingualSitemap(Sitemap):
    """Each item once per language, with the other languages (and the language-neutral address,
    which sends a visitor to their own) as alternates."""

    i18n = True
    alternates = True
    x_default = True


class PagesSitemap(BilingualSitemap):
    """The fixed public pages: home, the lists and the results."""

    changefreq = "daily"
    priority = 0.8

    def items(self) -> list[str]:
        return [
            "home",
            "members:list",
            "events:list",
            "initiatives:list",
            "initiatives:results",
            "initiatives:pillar_list",
            "reports:library",
        ]

    def location(self, item: str) -> str:
        return reverse(item)


class RowsSitemap(BilingualSitemap):
    """Published rows as ``{key: …, "updated_at": …}`` dicts, never whole model instances."""

    url_name = ""
    key = "slug"

    def rows(self):
        raise NotImplementedError

    def items(self) -> Iterable[dict]:
        # A fixed order, so the rows fall into the same file on every request.
        return self.rows().order_by("pk").values(self.key, "updated_at")

    def location(self, item: dict) -> str:
        return reverse(self.url_name, kwargs={self.key: item[self.key]})

    def lastmod(self, item: dict) -> datetime:
        return item["updated_at"]

    def get_latest_lastmod(self) -> datetime | None:
        # The index's date for the section, asked of the database rather than found among every
        # row.
        return self.rows().aggregate(latest=Max("updated_at"))["latest"]


class OrganisationSitemap(RowsSitemap):
    url_name = "members:detail"

    def rows(self):
        return organisation_public_queryset()


class EventSitemap(RowsSitemap):
    url_name = "events:detail"

    def rows(self):
        return event_public_queryset()


class InitiativeSitemap(RowsSitemap):
    url_name = "initiatives:detail"

    def rows(self):
        return initiative_public_queryset()


class PillarSitemap(RowsSitemap):
    url_name = "initiatives:pillar_detail"
    key = "code"

    def rows(self):
        return pillar_list_public()


class PublishedReportSitemap(RowsSitemap):
    url_name = "reports:published_detail"

    def rows(self):
        return published_reports(filters={})


SITEMAPS: dict[str, type[Sitemap]] = {
    "pages": PagesSitemap,
    "organisations": OrganisationSitemap,
    "events": EventSitemap,
    "initiatives": InitiativeSitemap,
    "pillars": PillarSitemap,
    "reports": PublishedReportSitemap,
    "hub": ResourceSitemap,
    "groups": GroupSitemap,
    "newsletters": IssueSitemap,
}
