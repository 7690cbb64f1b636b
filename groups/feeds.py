"""Atom feeds of the sent newsletter issues: all groups, and one group."""

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from core.http import found
from vocabulary.models import TechnicalGroup

from . import selectors
from .models import Issue


class IssueFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, pk: int | None = None) -> TechnicalGroup | None:
        return None if pk is None else found(selectors.group_get_public(pk=pk))

    def title(self, group: TechnicalGroup | None) -> str:
        if group is None:
            return _("Newsletters of the technical groups")
        return _("Newsletters of %(group)s") % {"group": group.name}

    def link(self, group: TechnicalGroup | None) -> str:
        return reverse("groups:list") if group is None else reverse("groups:detail", kwargs={"pk": group.pk})

    def subtitle(self, group: TechnicalGroup | None) -> str:
        return _("The quarterly newsletters of the NPAP technical groups, as sent to their readers.")

    def items(self, group: TechnicalGroup | None) -> list[Issue]:
        return selectors.issues_sent(group=group)

    def item_title(self, issue: Issue) -> str:
        return issue.heading

    def item_description(self, issue: Issue) -> str:
        return issue.editorial

    def item_link(self, issue: Issue) -> str:
        return issue.get_absolute_url()

    def item_pubdate(self, issue: Issue):
        return issue.sent_at

    def item_updateddate(self, issue: Issue):
        return issue.updated_at
