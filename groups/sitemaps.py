"""The technical groups' sections of the sitemap: every public group's page and every sent
newsletter issue, in Vietnamese and English."""

from collections.abc import Iterable
from datetime import datetime

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from . import selectors


class BilingualRows(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def lastmod(self, item: dict) -> datetime:
        return item["updated_at"]


class GroupSitemap(BilingualRows):
    changefreq = "weekly"

    def items(self) -> Iterable[dict]:
        # Only the columns an address needs, in a fixed order, so rows keep their file.
        return selectors.group_public_queryset().order_by("pk").values("pk", "updated_at")

    def location(self, item: dict) -> str:
        return reverse("groups:detail", kwargs={"pk": item["pk"]})


class IssueSitemap(BilingualRows):
    changefreq = "yearly"

    def items(self) -> Iterable[dict]:
        return selectors.issues_sent_for_sitemap().values("pk", "group_id", "updated_at")

    def location(self, item: dict) -> str:
        return reverse("groups:issue", kwargs={"group": item["group_id"], "pk": item["pk"]})
