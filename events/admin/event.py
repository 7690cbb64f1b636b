"""The event admin: everything about an event on one page (organisers, agenda, documents,
photos, participants), its list filters, and the printable attendance sheet."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from core.admin_mixins import (
    AccentInsensitiveSearchMixin,
    LargeTableAdminMixin,
    PublishActionsMixin,
    SharedChoicesInlineMixin,
    month_filter,
    year_filter,
)
from core.params import whole_number
from core.private_files import DocumentFormSet
from members.models import Organisation
from vocabulary.admin import CurrentProvinceFilter, pillar_filter

from .. import attendance_sheet
from ..forms import AgendaItemFormSet, EventAdminForm, EventDocumentForm, EventPhotoForm
from ..models import (
    AgendaItem,
    AgendaSession,
    Event,
    EventDocument,
    EventOrganiser,
    EventPhoto,
    Participation,
)
from ..organiser_counts import organiser_counts_refresh_for_events
from .signin import SignInSheetAdminMixin

PARTICIPANTS_ON_EVENT_PAGE = 40
# Each sheet is rendered while the coordinator waits; a year's events at once would time out.
MAX_SHEETS_AT_ONCE = 20


# --- list filters --------------------------------------------------------------------------------


class OrganiserFilter(admin.SimpleListFilter):
    """The organisations that organised the most events, and the one chosen; any other is
    chosen by its slug in the address, or found by searching for its name."""

    title = _("organiser")
    parameter_name = "organiser"
    MOST_ACTIVE = 20

    def lookups(self, request, model_admin):
        busiest = (
            EventOrganiser.objects.values("organisation")
            .annotate(events=Count("pk"))
            .order_by("-events", "organisation")
            .values("organisation")[: self.MOST_ACTIVE]
        )
        organisations = Organisation.objects.filter(pk__in=busiest)
        if self.value():
            organisations = organisations | Organisation.objects.filter(slug=self.value())
        return [(organisation.slug, str(organisation)) for organisation in organisations.order_by("name")]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(organisers__organisation__slug=self.value()).distinct()
        return queryset


# --- inlines ---------------------------------------------------------------------------------------


class OrganiserInline(SharedChoicesInlineMixin, admin.TabularInline):
    model = EventOrganiser
    extra = 0
    autocomplete_fields = ["organisation"]
    fields = ["organisation", "role", "order"]


class AgendaSessionInline(TranslationTabularInline):
    model = AgendaSession
    extra = 0
    fields = ["title", "kind", "date", "start_time", "end_time", "room", "order"]


class AgendaItemInline(SharedChoicesInlineMixin, TranslationTabularInline):
    model = AgendaItem
    formset = AgendaItemFormSet
    extra = 0
    autocomplete_fields = ["presenter", "presenter_organisation"]
    fields = [
        "session",
        "title",
        "start_time",
        "end_time",
        "presenter",
        "presenter_organisation",
        "document",
        "order",
    ]


class DocumentInline(admin.TabularInline):
    model = EventDocument
    form = EventDocumentForm
    # Saved through document_save: ticking or unticking "public" moves the file.
    formset = DocumentFormSet
    extra = 0


class PhotoInline(admin.TabularInline):
    model = EventPhoto
    form = EventPhotoForm
    extra = 0


class ParticipationInline(SharedChoicesInlineMixin, admin.TabularInline):
    model = Participation
    extra = 0
    autocomplete_fields = ["person", "organisation"]
    fields = ["person", "organisation", "organisation_name", "role", "status", "mode"]
    classes = ["collapse"]


# --- events ----------------------------------------------------------------------------------------


@admin.register(Event)
class EventAdmin(
    LargeTableAdminMixin,
    SignInSheetAdminMixin,
    AccentInsensitiveSearchMixin,
    PublishActionsMixin,
    SimpleHistoryAdmin,
    TranslationAdmin,
):
    form = EventAdminForm
    list_display = [
        "title",
        "start_date",
        "event_type",
        "format",
        "status",
        "is_published",
        "headcount",
    ]
    list_filter = [
        year_filter("start_date"),
        month_filter("start_date"),
        "event_type",
        "format",
        "status",
        pillar_filter("pillars"),
        CurrentProvinceFilter,
        OrganiserFilter,
        "is_published",
    ]
    list_select_related = ["event_type"]
    # No date hierarchy: it reads the year of every event to list the years; the year and month
    # filters find them through the start date's index.
    search_fields = ["title_vi"]  # shows the search box; the search itself ignores diacritics
    accent_search_fields = ["search_text", "organisers__organisation__search_text"]
    autocomplete_fields = ["event_type", "series", "province", "pillars"]
    prepopulated_fields = {"slug": ["title_vi"]}

    class Media:
        js = ["admin/js/urlify.js", "js/admin-slug.js"]

    save_as = True
    inlines = [
        OrganiserInline,
        AgendaSessionInline,
        AgendaItemInline,
        DocumentInline,
        PhotoInline,
        ParticipationInline,
    ]
    # A copy keeps the event's details and organisers; the agenda, files and attendance belong
    # to the event that took place.
    inlines_copied_by_save_as = [OrganiserInline]
    actions = ["publish", "unpublish", "mark_registered_attended", "print_attendance_sheet"]

    def publication_changed(self, queryset):
        organiser_counts_refresh_for_events(event_ids=queryset.values_list("pk", flat=True))

    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    "event_type",
                    "series",
                    "status",
                    "format",
                    "pillars",
                    "is_published",
                ]
            },
        ),
        (
            _("When and where"),
            {
                "fields": [
                    ("start_date", "end_date"),
                    ("start_time", "end_time"),
                    "venue",
                    "province",
                    "country",
                    "online_link",
                    "online_link_visibility",
                ]
            },
        ),
        (_("Description"), {"fields": ["summary", "objectives", "outcomes"]}),
        (
            _("Headcount"),
            {
                "fields": [
                    "headcount_total",
                    ("headcount_women", "headcount_men", "headcount_other"),
                    "headcount_online",
                ],
                "description": _(
                    "Only for an event without a name list: once attendance is recorded, the headcount "
                    "is counted from it."
                ),
            },
        ),
    ]

    def get_queryset(self, request):
        # A subquery, not a join: searching and filtering by organiser join other rows, which
        # would multiply a joined count.
        attended = (
            Participation.objects.filter(event=OuterRef("pk"), status=Participation.Status.ATTENDED)
            .order_by()
            .values("event")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return super().get_queryset(request).annotate(attended_count=Coalesce(Subquery(attended), 0))

    @admin.display(description=_("participants"), ordering="attended_count")
    def headcount(self, obj):
        # Attendance records win over typed-in numbers, as on the public pages (events.headcounts).
        if obj.attended_count:
            return obj.attended_count
        return obj.headcount_total if obj.headcount_total is not None else "—"

    @staticmethod
    def _saving_as_new(request) -> bool:
        return request.method == "POST" and "_saveasnew" in request.POST

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if self._saving_as_new(request):
            return type(form.__name__, (form,), {"saving_as_new": True})
        return form

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        if self._saving_as_new(request):
            return [inline for inline in inlines if type(inline) in self.inlines_copied_by_save_as]
        if obj is not None and self._participants_elsewhere(obj):
            return [inline for inline in inlines if not isinstance(inline, ParticipationInline)]
        return inlines

    @staticmethod
    def _participants_elsewhere(event: Event) -> int:
        """The number of participations when there are too many to edit on the event's page.

        Each participant is several form fields, and a request may carry only so many (Django's
        DATA_UPLOAD_MAX_NUMBER_FIELDS); a large conference's delegates are managed in the
        attendance records instead, which also filter, search and page them.
        """
        count = event.participations.count()
        return count if count > PARTICIPANTS_ON_EVENT_PAGE else 0

    def change_view(self, request, object_id, form_url="", extra_context=None):
        event = self.get_object(request, unquote(object_id))
        extra_context = {
            **(extra_context or {}),
            "participants_elsewhere": self._participants_elsewhere(event) if event else 0,
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if self._saving_as_new(request):
            # Two public pages for one event would confuse visitors; the copy waits for review.
            obj.is_published = False
            self.message_user(
                request,
                _(
                    "The copy is saved unpublished, with the organisers but without the agenda, documents, "
                    "photos or participants. Check it, then publish it."
                ),
                messages.WARNING,
            )
        super().save_model(request, obj, form, change)

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path(
                "<path:object_id>/attendance-sheet/",
                self.admin_site.admin_view(self.attendance_sheet_view),
                name=f"{prefix}_attendance_sheet",
            ),
            *super().get_urls(),
        ]

    def attendance_sheet_view(self, request, object_id):
        event = self.get_object(request, unquote(object_id))
        if event is None:
            raise Http404(_("No such event."))
        if not self.has_view_permission(request, event):
            raise PermissionDenied
        blank_rows = whole_number(request.GET.get("blank"), max_digits=3)
        if blank_rows is None:
            blank_rows = attendance_sheet.BLANK_ROWS
        return attendance_sheet.attendance_sheet_response(events=[event], blank_rows=blank_rows)

    @admin.action(description=_("Mark registered participants of the selected events as attended"))
    def mark_registered_attended(self, request, queryset):
        count = Participation.objects.filter(
            event__in=queryset.values("pk"), status=Participation.Status.REGISTERED
        ).update(status=Participation.Status.ATTENDED)
        self.message_user(
            request,
            ngettext(
                "%d registered participant marked as attended.",
                "%d registered participants marked as attended.",
                count,
            )
            % count,
        )

    @admin.action(description=_("Print the attendance sheet of the selected events (PDF)"))
    def print_attendance_sheet(self, request, queryset):
        events = list(queryset.order_by("start_date", "pk")[: MAX_SHEETS_AT_ONCE + 1])
        if len(events) > MAX_SHEETS_AT_ONCE:
            self.message_user(
                request,
                _("Select at most %(count)d events to print at once.") % {"count": MAX_SHEETS_AT_ONCE},
                messages.WARNING,
            )
            return None
        return attendance_sheet.attendance_sheet_response(events=events)
