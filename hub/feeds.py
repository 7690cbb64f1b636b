"""RSS and Atom feeds of the knowledge hub's published resources, newest first."""

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .models import Resource
from .selectors import feed_resources


class ResourceFeed(Feed):
    title = _("Knowledge hub of the Vietnam Plastic Action Network")
    link = reverse_lazy("hub:list")
    description = _(
        "Good-practice models, studies, guidelines and policy documents shared by the network's members."
    )

    def items(self) -> list[Resource]:
        return feed_resources()

    def item_title(self, item: Resource) -> str:
        return item.title

    def item_description(self, item: Resource) -> str:
        return item.summary

    def item_pubdate(self, item: Resource):
        return item.created_at

    def item_updateddate(self, item: Resource):
        return item.updated_at

    def item_categories(self, item: Resource) -> list[str]:
        return [str(item.get_kind_display())]


class ResourceAtomFeed(ResourceFeed):
    feed_type = Atom1Feed
    subtitle = ResourceFeed.description
