"""Pieces every app's admin shares: diacritic-blind search, bulk changes that keep history, the
publish and unpublish actions, lists of large tables that are not counted twice, filters by year
and month that read no more than two rows, and inlines whose rows do not each ask the database
for their choices."""

import datetime

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import EmptyResultSet
from django.db import transaction
from django.db.models import DateTimeField, Max, Min, Model, QuerySet
from django.forms import ModelChoiceField, Select
from django.http import HttpRequest
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import history
from .admin_paginator import EstimatedCountPaginator
from .params import whole_number
from .search import accent_insensitive_search


class AccentInsensitiveSearchMixin:
    """Admin search that ignores diacritics: "bao ve moi truong" finds "Bảo vệ Môi trường"."""

    accent_search_fields: list[str] = []

    def get_search_results(self, request, queryset, search_term):
        if not search_term:
            return queryset, False
        # Related fields are matched by id, never joined: no row is listed twice.
        return accent_insensitive_search(queryset, search_term, self.accent_search_fields), False


class LargeTableAdminMixin:
    """For the admin of a table that grows to tens or hundreds of thousands of rows: the list is
    counted once, not again for a "total" beside a filtered count, and an unfiltered list is
    counted by PostgreSQL's estimate (``core.admin_paginator``). The filters do not offer to
    count each of their choices: that is a scan of the whole table for every filter."""

    paginator = EstimatedCountPaginator
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER


def _year(value: str | None) -> int | None:
    year = whole_number(value, max_digits=4)
    # Not the first or last year a date can hold: moved to UTC, their bounds would not exist.
    return year if year is not None and 1 < year < 9999 else None


class YearListFilter(admin.SimpleListFilter):
    """The years from the first row to the last, found from those two rows alone through the
    field's index. Django's date hierarchy, which this replaces on large tables, reads the year
    of every row to list the years. Made for a field by ``year_filter``."""

    title = _("year")
    parameter_name = "year"
    field = ""

    def lookups(self, request, model_admin):
        span = model_admin.model._default_manager.aggregate(first=Min(self.field), last=Max(self.field))
        if span["first"] is None:
            return []
        first, last = (
            timezone.localtime(day) if isinstance(day, datetime.datetime) and timezone.is_aware(day) else day
            for day in (span["first"], span["last"])
        )
        return [(str(year), str(year)) for year in range(last.year, first.year - 1, -1)]

    def queryset(self, request, queryset):
        year = _year(self.value())
        # A year is a range of the field, which its index finds.
        return queryset.filter(**{f"{self.field}__year": year}) if year else queryset


class MonthListFilter(admin.SimpleListFilter):
    """The months of the year chosen with ``YearListFilter``, offered once a year is chosen.
    Made for a field by ``month_filter``."""

    title = _("month")
    parameter_name = "month"
    field = ""

    def lookups(self, request, model_admin):
        if _year(request.GET.get(YearListFilter.parameter_name)) is None:
            return []
        return [(str(month), name) for month, name in MONTHS.items()]

    def queryset(self, request, queryset):
        year = _year(request.GET.get(YearListFilter.parameter_name))
        month = whole_number(self.value(), max_digits=2)
        if year is None or month not in MONTHS:
            return queryset
        # From the first day of the month to the first of the next: a range of the field's index.
        start = datetime.date(year, month, 1)
        end = datetime.date(year + month // 12, month % 12 + 1, 1)
        if isinstance(queryset.model._meta.get_field(self.field), DateTimeField) and settings.USE_TZ:
            start, end = (
                timezone.make_aware(datetime.datetime.combine(day, datetime.time())) for day in (start, end)
            )
        return queryset.filter(**{f"{self.field}__gte": start, f"{self.field}__lt": end})


def year_filter(field: str) -> type[YearListFilter]:
    return type(f"YearListFilter_{field}", (YearListFilter,), {"field": field})


def month_filter(field: str) -> type[MonthListFilter]:
    return type(f"MonthListFilter_{field}", (MonthListFilter,), {"field": field})


def update_with_history(request: HttpRequest, queryset: QuerySet, **values) -> int:
    """A bulk admin action's change, with a history row for each row changed by the user acting."""
    return history.update_with_history(queryset, user=request.user, **values)


class PublishActionsMixin:
    """Publish and unpublish the selected rows of a model with ``is_published``, each change
    kept in the rows' history. List "publish" and "unpublish" in the admin's ``actions``."""

    @admin.action(description=_("Publish the selected %(verbose_name_plural)s"))
    def publish(self, request, queryset):
        count = self._published(request, queryset, True)
        message = ngettext("%(count)d %(name)s published.", "%(count)d %(name)s published.", count)
        self.message_user(request, message % self._counted(count))

    @admin.action(description=_("Unpublish the selected %(verbose_name_plural)s"))
    def unpublish(self, request, queryset):
        count = self._published(request, queryset, False)
        message = ngettext("%(count)d %(name)s unpublished.", "%(count)d %(name)s unpublished.", count)
        self.message_user(request, message % self._counted(count))

    def publication_changed(self, queryset: QuerySet) -> None:
        """Called in the action's transaction, for what a model keeps about its published rows:
        the action updates the rows without saving each, so no save signal fires."""

    def _published(self, request, queryset: QuerySet, published: bool) -> int:
        with transaction.atomic():
            count = update_with_history(request, queryset, is_published=published)
            self.publication_changed(queryset)
        return count

    def _counted(self, count: int) -> dict:
        opts = self.model._meta
        return {"count": count, "name": opts.verbose_name if count == 1 else opts.verbose_name_plural}


class PreloadedAutocompleteSelect(AutocompleteSelect):
    """An autocomplete box that shows the option chosen from the row already loaded with the
    inline (``preloaded``), where Django would ask the database for it once per row."""

    preloaded: dict[str, Model] = {}

    def optgroups(self, name, value, attr=None):
        chosen = [str(v) for v in value if str(v) not in self.choices.field.empty_values]
        if not chosen or any(key not in self.preloaded for key in chosen):
            return super().optgroups(name, value, attr)
        options = []
        if not self.is_required:
            options.append(self.create_option(name, "", "", False, 0))
        for key in chosen:
            label = self.choices.field.label_from_instance(self.preloaded[key])
            options.append(self.create_option(name, key, label, set(chosen), len(options)))
        return [(None, options, 0)]


class SharedChoicesFormSetMixin:
    """The rows of an inline read a select's choices once for all of them, and take an
    autocomplete box's chosen option from their own row, loaded with the inline."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        shared = self.__dict__.setdefault("_shared_choices", {})
        for name, field in form.fields.items():
            widget = getattr(field.widget, "widget", field.widget)
            if isinstance(widget, PreloadedAutocompleteSelect):
                related = form.instance._state.fields_cache.get(name)
                widget.preloaded = {str(related.pk): related} if related is not None else {}
            elif isinstance(field, ModelChoiceField) and isinstance(widget, Select):
                try:
                    key = (name, str(field.queryset.query))
                except EmptyResultSet:
                    continue
                if key not in shared:
                    shared[key] = list(field.choices)
                field.choices = shared[key]


class SharedChoicesInlineMixin:
    """For an inline with links to other rows: however many rows it shows, the page asks the
    database the same number of questions (see ``SharedChoicesFormSetMixin``). The rows are
    loaded with the rows they link to, which name them on the page and fill their autocomplete
    boxes."""

    def get_queryset(self, request):
        links = [field.name for field in self.model._meta.concrete_fields if field.many_to_one]
        return super().get_queryset(request).select_related(*links)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = PreloadedAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        return type(formset.__name__, (SharedChoicesFormSetMixin, formset), {})
