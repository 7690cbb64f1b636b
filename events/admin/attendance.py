"""The admin of attendance records: every participation, filtered by event, status, role and
attendance, for events with more participants than their own page can edit."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin_mixins import AccentInsensitiveSearchMixin, LargeTableAdminMixin
from core.params import whole_number

from ..models import Event, Participation


class ParticipationEventFilter(admin.SimpleListFilter):
    """The latest events with attendance records; any event can be chosen by its id in the address,
    as the link from the event page does."""

    title = _("event")
    parameter_name = "event"
    RECENT = 30

    def lookups(self, request, model_admin):
        events = list(
            Event.objects.filter(participations__isnull=False)
            .distinct()
            .order_by("-start_date")[: self.RECENT]
        )
        chosen = whole_number(self.value())
        if chosen is not None and all(event.pk != chosen for event in events):
            events += list(Event.objects.filter(pk=chosen))
        return [(str(event.pk), f"{event.start_date:%d/%m/%Y} · {event}") for event in events]

    def queryset(self, request, queryset):
        chosen = whole_number(self.value())
        if chosen is not None:
            return queryset.filter(event_id=chosen)
        return queryset


@admin.register(Participation)
class ParticipationAdmin(LargeTableAdminMixin, AccentInsensitiveSearchMixin, admin.ModelAdmin):
    list_display = ["person", "event", "organisation_display", "role", "status", "mode"]
    list_filter = [ParticipationEventFilter, "status", "role", "mode"]
    list_select_related = ["person", "event", "organisation"]
    search_fields = ["person__full_name"]
    accent_search_fields = [
        "person__search_text",
        "person__email",
        "event__search_text",
        "organisation__search_text",
        "organisation_name",
    ]
    autocomplete_fields = ["event", "person", "organisation"]
    actions = ["mark_attended"]

    @admin.display(description=_("organisation"), ordering="organisation__name")
    def organisation_display(self, obj):
        return obj.organisation or obj.organisation_name or "—"

    @admin.action(description=_("Mark the selected participations as attended"))
    def mark_attended(self, request, queryset):
        count = queryset.exclude(status=Participation.Status.ATTENDED).update(
            status=Participation.Status.ATTENDED
        )
        self.message_user(
            request,
            ngettext("%d participation marked as attended.", "%d participations marked as attended.", count)
            % count,
        )
