"""Pieces every app's admin shares: diacritic-blind search, bulk changes that keep history, and
the publish and unpublish actions."""

from django.contrib import admin
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.utils import bulk_update_with_history

from .search import accent_insensitive_search


class AccentInsensitiveSearchMixin:
    """Admin search that ignores diacritics: "bao ve moi truong" finds "Bảo vệ Môi trường"."""

    accent_search_fields: list[str] = []

    def get_search_results(self, request, queryset, search_term):
        if not search_term:
            return queryset, False
        results = accent_insensitive_search(queryset, search_term, self.accent_search_fields)
        return results, any("__" in field for field in self.accent_search_fields)


# Rows a bulk action saves at a time: memory stays flat however many rows are selected.
HISTORY_BATCH = 500


def update_with_history(request: HttpRequest, queryset: QuerySet, **values) -> int:
    """Set ``values`` on each selected row that differs, as ``queryset.update()`` would, and
    record a history row for each by the user acting. Returns how many rows changed.

    A bulk admin action (publish, unpublish, lock) would otherwise change rows without a trace.
    """
    model = queryset.model
    fields = list(values)
    if any(field.name == "updated_at" for field in model._meta.concrete_fields):
        fields.append("updated_at")
    now = timezone.now()
    changed, batch = 0, []
    with transaction.atomic():
        # exclude() with several values keeps every row where at least one of them differs.
        for obj in queryset.exclude(**values).order_by("pk").iterator(chunk_size=HISTORY_BATCH):
            for name, value in values.items():
                setattr(obj, name, value)
            if "updated_at" in fields:
                obj.updated_at = now
            batch.append(obj)
            if len(batch) == HISTORY_BATCH:
                changed += bulk_update_with_history(batch, model, fields, default_user=request.user)
                batch = []
        if batch:
            changed += bulk_update_with_history(batch, model, fields, default_user=request.user)
    return changed


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
