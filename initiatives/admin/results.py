"""The admin of the results framework: results with their indicators, indicators with their
periods, and periods with their targets, their updates and the lock."""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from core.admin_mixins import (
    AccentInsensitiveSearchMixin,
    LargeTableAdminMixin,
    SharedChoicesInlineMixin,
    update_with_history,
)
from core.imports import ImportAdminMixin

from .. import figures, services
from ..models import Indicator, IndicatorUpdate, Period, PeriodTarget, Result
from ..resources import IndicatorResource, PeriodResource, ResultResource
from .common import DimensionValueChoicesMixin, change_link


class IndicatorInline(SharedChoicesInlineMixin, TranslationTabularInline):
    model = Indicator
    extra = 0
    fields = [
        "title",
        "measure",
        "unit",
        "cumulative",
        "ascending",
        "network_indicator",
        "order",
        "periods_link",
    ]
    readonly_fields = ["periods_link"]

    @admin.display(description=_("periods"))
    def periods_link(self, obj: Indicator) -> str:
        return change_link(obj, _("Edit its periods"))


@admin.register(Result)
class ResultAdmin(
    LargeTableAdminMixin, ImportAdminMixin, AccentInsensitiveSearchMixin, SimpleHistoryAdmin, TranslationAdmin
):
    resource_classes = [ResultResource]
    list_display = ["title", "initiative", "type", "order"]
    list_filter = ["type"]
    list_select_related = ["initiative"]
    search_fields = ["title_vi"]
    accent_search_fields = ["title_vi", "title_en", "initiative__search_text"]
    autocomplete_fields = ["initiative"]
    inlines = [IndicatorInline]

    # The network's figures follow: the result may have moved to another initiative (here or by
    # a revert from its history), an indicator's network link or cumulative setting changed.
    def save_model(self, request: HttpRequest, obj: Result, form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if change:
            figures.year_figures_refresh(indicator_ids=obj.indicators.values_list("pk", flat=True))

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        figures.year_figures_refresh(
            indicator_ids=[obj.pk for formset in formsets for obj, _fields in formset.changed_objects]
        )


class PeriodInline(SharedChoicesInlineMixin, admin.TabularInline):
    model = Period
    extra = 0
    fields = ["start", "end", "target_value", "locked", "period_link"]
    readonly_fields = ["period_link"]

    @admin.display(description=_("targets and updates"))
    def period_link(self, obj: Period) -> str:
        return change_link(obj)


@admin.register(Indicator)
class IndicatorAdmin(
    LargeTableAdminMixin, ImportAdminMixin, AccentInsensitiveSearchMixin, SimpleHistoryAdmin, TranslationAdmin
):
    resource_classes = [IndicatorResource]
    list_display = ["title", "result", "measure", "unit", "cumulative", "network_indicator"]
    list_filter = ["measure", "cumulative", "network_indicator"]
    list_select_related = ["result", "network_indicator"]
    search_fields = ["title_vi"]
    accent_search_fields = ["title_vi", "title_en", "result__initiative__search_text"]
    autocomplete_fields = ["result", "attendance_events"]
    inlines = [PeriodInline]

    # The network's figures follow: its network link, cumulative setting or result may have
    # changed (here or by a revert from its history), periods been deleted with their updates.
    def save_model(self, request: HttpRequest, obj: Indicator, form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        figures.year_figures_refresh(indicator_ids=[obj.pk])

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        if any(formset.deleted_objects for formset in formsets):
            figures.year_figures_refresh(indicator_ids=[form.instance.pk])


class PeriodTargetInline(DimensionValueChoicesMixin, SharedChoicesInlineMixin, admin.TabularInline):
    model = PeriodTarget
    extra = 0


class UpdateInline(SharedChoicesInlineMixin, admin.TabularInline):
    model = IndicatorUpdate
    extra = 0
    fields = ["reported_on", "value", "numerator", "denominator", "status", "submitted_by", "update_link"]
    readonly_fields = fields
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Period | None = None) -> bool:
        return False

    @admin.display(description=_("update"))
    def update_link(self, obj: IndicatorUpdate) -> str:
        return change_link(obj)


@admin.register(Period)
class PeriodAdmin(LargeTableAdminMixin, ImportAdminMixin, SimpleHistoryAdmin):
    resource_classes = [PeriodResource]
    list_display = ["__str__", "start", "end", "target_value", "locked"]
    list_filter = ["locked"]
    list_select_related = ["indicator"]
    search_fields = ["indicator__title_vi"]
    autocomplete_fields = ["indicator"]
    inlines = [PeriodTargetInline, UpdateInline]
    actions = ["lock", "unlock"]

    # The network's figures follow a period moved to another indicator (here or by a revert from
    # its history) or deleted, with its updates.
    def save_model(self, request: HttpRequest, obj: Period, form, change: bool) -> None:
        before = Period.objects.filter(pk=obj.pk).values_list("indicator_id", flat=True).first()
        super().save_model(request, obj, form, change)
        if before is not None and before != obj.indicator_id:
            figures.year_figures_refresh(indicator_ids=[before, obj.indicator_id])

    def delete_model(self, request: HttpRequest, obj: Period) -> None:
        services.periods_delete(periods=Period.objects.filter(pk=obj.pk))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Period]) -> None:
        services.periods_delete(periods=queryset)

    @admin.action(description=_("Lock the selected periods"))
    def lock(self, request: HttpRequest, queryset: QuerySet[Period]) -> None:
        update_with_history(request, queryset, locked=True)

    @admin.action(description=_("Unlock the selected periods"))
    def unlock(self, request: HttpRequest, queryset: QuerySet[Period]) -> None:
        update_with_history(request, queryset, locked=False)
