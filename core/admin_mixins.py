"""Pieces every app's admin shares: diacritic-blind search, bulk changes that keep history, and
the publish and unpublish actions."""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import history
from .search import accent_insensitive_search


class AccentInsensitiveSearchMixin:
    """Admin search that ignores diacritics: "bao ve moi truong" finds "Bảo vệ Môi trường"."""

    accent_search_fields: list[str] = []

    def get_search_results(self, request, queryset, search_term):
        if not search_term:
            return queryset, False
        results = accent_insensitive_search(queryset, search_term, self.accent_search_fields)
        return results, any("__" in field for field in self.accent_search_fields)


def update_with_history(request: HttpRequest, queryset: QuerySet, **values) -> int:
    """A bulk admin action's change, with a history row for each row changed by the user acting."""
    return history.update_with_history(queryset, user=request.user, **values)


class PublishActionsMixin:
    """Publish and unpublish the selected rows of a model with ``is_published``, each change
    kept in the rows' history. List "publish" and "unpublish" in the admin's ``actions``."""

    @admin.action(description=_("Publish the selected %(verbose_name_plural)s"))
    def publish(self, request, queryset):
        count = update_with_history(request, queryset, is_published=True)
        message = ngettext("%(count)d %(name)s published.", "%(count)d %(name)s published.", count)
        self.message_user(request, message % self._counted(count))

    @admin.action(description=_("Unpublish the selected %(verbose_name_plural)s"))
    def unpublish(self, request, queryset):
        count = update_with_history(request, queryset, is_published=False)
        message = ngettext("%(count)d %(name)s unpublished.", "%(count)d %(name)s unpublished.", count)
        self.message_user(request, message % self._counted(count))

    def _counted(self, count: int) -> dict:
        opts = self.model._meta
        return {"count": count, "name": opts.verbose_name if count == 1 else opts.verbose_name_plural}
