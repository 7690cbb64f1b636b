"""The admin of the results framework: results with their indicators, indicators with their
periods, and periods with their targets, their updates and the lock."""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from core.admin_mixins import AccentInsensitiveSearchMixin, update_with_history
from core.imports import ImportAdminMixin

from ..models import Indicator, IndicatorUpdate, Period, PeriodTarget, Result
from ..resources import IndicatorResource, PeriodResource, ResultResource
from .common import change_link


class IndicatorInline(TranslationTabularInline):
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
class ResultAdmin(ImportAdminMixin, AccentInsensitiveSearchMixin, SimpleHistoryAdmin, TranslationAdmin):
    resource_classes = [ResultResource]
    list_display = ["title", "initiative", "type", "order"]
    list_filter = ["type"]
    list_select_related = ["initiative"]
    search_fields = ["title_vi"]
    accent_search_fields = ["title_vi", "title_en", "initiative__search_text"]
    autocomplete_fields = ["initiative"]
    inlines = [IndicatorInline]


class PeriodInline(admin.TabularInline):
    model = Period
    extra = 0
    fields = ["start", "end", "target_value", "locked", "period_link"]
    readonly_fields = ["period_link"]

    @admin.display(description=_("targets and updates"))
    def period_link(self, obj: Period) -> str:
        return change_link(obj)


@admin.register(Indicator)
class IndicatorAdmin(ImportAdminMixin, AccentInsensitiveSearchMixin, SimpleHistoryAdmin, TranslationAdmin):
    resource_classes = [IndicatorResource]
    list_display = ["title", "result", "measure", "unit", "cumulative", "network_indicator"]
    list_filter = ["measure", "cumulative", "network_indicator"]
    list_select_related = ["result", "network_indicator"]
    search_fields = ["title_vi"]
    accent_search_fields = ["title_vi", "title_en", "result__initiative__search_text"]
    autocomplete_fields = ["result", "attendance_events"]
    inlines = [PeriodInline]


class PeriodTargetInline(admin.TabularInline):
    model = PeriodTarget
    extra = 0


class UpdateInline(admin.TabularInline):
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
class PeriodAdmin(ImportAdminMixin, SimpleHistoryAdmin):
    resource_classes = [PeriodResource]
    list_display = ["__str__", "start", "end", "target_value", "locked"]
    list_filter = ["locked"]
    list_select_related = ["indicator"]
    search_fields = ["indicator__title_vi"]
    autocomplete_fields = ["indicator"]
    inlines = [PeriodTargetInline, UpdateInline]
    actions = ["lock", "unlock"]

    @admin.action(description=_("Lock the selected periods"))
    def lock(self, request: HttpRequest, queryset: QuerySet[Period]) -> None:
        update_with_history(request, queryset, locked=True)

    @admin.action(description=_("Unlock the selected periods"))
    def unlock(self, request: HttpRequest, queryset: QuerySet[Period]) -> None:
        update_with_history(request, queryset, locked=False)
