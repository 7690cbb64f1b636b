"""The knowledge hub's section of the sitemap: every public resource, in Vietnamese and English."""

from collections.abc import Iterable
from datetime import datetime

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .selectors import sitemap_resources


class ResourceSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"

    def items(self) -> Iterable[dict]:
        # Only the columns an address needs, in a fixed order, so rows keep their file.
        return sitemap_resources().values("slug", "updated_at")

    def location(self, item: dict) -> str:
        return reverse("hub:detail", kwargs={"slug": item["slug"]})

    def lastmod(self, item: dict) -> datetime:
        return item["updated_at"]
