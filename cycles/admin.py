"""The coordinators' admin for reporting cycles: plan, open and close them."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from . import services
from .models import ReportingCycle

OPEN_OR_CLOSE = "cycles.change_reportingcycle"


@admin.register(ReportingCycle)
class ReportingCycleAdmin(SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["name", "period_start", "period_end", "due_on", "status", "dashboard_link"]
    list_filter = ["status", "kind"]
    search_fields = ["name_vi", "name_en"]
    date_hierarchy = "period_end"
    autocomplete_fields = ["pillars", "programmes", "initiatives"]
    readonly_fields = ["status", "opened_at", "opened_by", "closed_at", "closed_by", "dashboard_link"]
    fieldsets = [
        (None, {"fields": ["name", "kind", "status", "dashboard_link"]}),
        (_("Dates"), {"fields": ["period_start", "period_end", "opens_on", "due_on", "remind_days_before"]}),
        (
            _("Who reports"),
            {
                "fields": ["all_active", "pillars", "programmes", "initiatives"],
                "description": _(
                    "When the cycle opens, every indicator of these initiatives is due for the cycle's "
                    "period; an indicator without a period within it gets one."
                ),
            },
        ),
        (_("Record"), {"fields": ["opened_at", "opened_by", "closed_at", "closed_by"]}),
    ]
    actions = ["open_cycles", "close_cycles"]

    @admin.display(description=_("dashboard"))
    def dashboard_link(self, cycle: ReportingCycle) -> str:
        if not cycle.pk or cycle.status == ReportingCycle.Status.PLANNED:
            return "—"
        return format_html(
            '<a href="{}">{}</a>', reverse("cycles:dashboard", args=[cycle.pk]), _("Open the dashboard")
        )

    def _each(self, request: HttpRequest, queryset: QuerySet, change) -> int:
        """Apply ``change`` to each selected cycle; one that cannot change says why."""
        if not request.user.has_perm(OPEN_OR_CLOSE):
            raise PermissionDenied
        changed = 0
        for cycle in queryset.order_by("opens_on", "pk"):
            try:
                change(cycle=cycle, user=request.user)
            except ValidationError as error:
                self.message_user(request, f"{cycle}: {' '.join(error.messages)}", messages.WARNING)
            else:
                changed += 1
        return changed

    @admin.action(description=_("Open the selected cycles"))
    def open_cycles(self, request: HttpRequest, queryset: QuerySet[ReportingCycle]) -> None:
        if changed := self._each(request, queryset, services.cycle_open):
            done = ngettext("%(count)d cycle opened.", "%(count)d cycles opened.", changed)
            self.message_user(request, done % {"count": changed}, messages.SUCCESS)

    @admin.action(description=_("Close the selected cycles and lock their periods"))
    def close_cycles(self, request: HttpRequest, queryset: QuerySet[ReportingCycle]) -> None:
        if changed := self._each(request, queryset, services.cycle_close):
            done = ngettext("%(count)d cycle closed.", "%(count)d cycles closed.", changed)
            self.message_user(request, done % {"count": changed}, messages.SUCCESS)
