"""The coordinators' admin for events: everything about an event on one page, the sign-in sheet
import, the printable attendance sheet, and attendance records."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from core import roles
from core.admin_mixins import AccentInsensitiveSearchMixin, PublishActionsMixin
from core.params import whole_number
from core.private_files import DocumentFormSet
from members.models import Organisation, Person
from vocabulary.admin import CurrentProvinceFilter

from . import attendance_sheet, imports, services
from .forms import AgendaItemFormSet, EventAdminForm, EventDocumentForm, EventPhotoForm, SignInUploadForm
from .models import (
    AgendaItem,
    AgendaSession,
    Event,
    EventDocument,
    EventOrganiser,
    EventPhoto,
    EventSeries,
    EventType,
    Participation,
    SignInImport,
)

SIGNIN_ROWS_PER_PAGE = 50
PARTICIPANTS_ON_EVENT_PAGE = 40
# Each sheet is rendered while the coordinator waits; a year's events at once would time out.
MAX_SHEETS_AT_ONCE = 20


def sheet_columns() -> list[tuple[str, str, list | None]]:
    """The columns of the preview: field, heading, and the choices of a field picked from a list."""
    return [
        ("full_name", _("Full name"), None),
        ("gender", _("Gender"), Person.Gender.choices),
        ("organisation", _("Organisation"), None),
        ("position", _("Position"), None),
        ("email", _("Email"), None),
        ("phone", _("Phone"), None),
        ("role", _("Role"), Participation.Role.choices),
        ("mode", _("Attendance"), Participation.Mode.choices),
    ]


def _preview_row(review: imports.RowReview) -> dict:
    cells = []
    for name, label, choices in sheet_columns():
        value = review.row.get(name, "")
        cells.append(
            {
                "id": f"row-{review.index}-{name}",
                "name": name,
                "label": label,
                "value": value,
                "errors": review.errors.get(name, []),
                "choices": choices,
                "known": bool(choices) and value in dict(choices),
            }
        )
    row_errors = [*review.errors.get("action", []), *review.errors.get("row", [])]
    return {"review": review, "cells": cells, "row_errors": row_errors}


# --- list filters --------------------------------------------------------------------------------


class YearFilter(admin.SimpleListFilter):
    title = _("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = model_admin.get_queryset(request).dates("start_date", "year", order="DESC")
        return [(str(day.year), str(day.year)) for day in years]

    def queryset(self, request, queryset):
        year = whole_number(self.value(), max_digits=4)
        if year is not None:
            return queryset.filter(start_date__year=year)
        return queryset


class OrganiserFilter(admin.SimpleListFilter):
    """Only organisations that have organised something, not the whole directory."""

    title = _("organiser")
    parameter_name = "organiser"

    def lookups(self, request, model_admin):
        organisations = Organisation.objects.filter(event_roles__isnull=False).distinct().order_by("name")
        return [(organisation.slug, str(organisation)) for organisation in organisations]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(organisers__organisation__slug=self.value()).distinct()
        return queryset


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


# --- inlines ---------------------------------------------------------------------------------------


class OrganiserInline(admin.TabularInline):
    model = EventOrganiser
    extra = 0
    autocomplete_fields = ["organisation"]
    fields = ["organisation", "role", "order"]


class AgendaSessionInline(TranslationTabularInline):
    model = AgendaSession
    extra = 0
    fields = ["title", "kind", "date", "start_time", "end_time", "room", "order"]


class AgendaItemInline(TranslationTabularInline):
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


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 0
    autocomplete_fields = ["person", "organisation"]
    fields = ["person", "organisation", "organisation_name", "role", "status", "mode"]
    classes = ["collapse"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person", "organisation")


# --- events ----------------------------------------------------------------------------------------


@admin.register(Event)
class EventAdmin(AccentInsensitiveSearchMixin, PublishActionsMixin, SimpleHistoryAdmin, TranslationAdmin):
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
        YearFilter,
        "event_type",
        "format",
        "status",
        "pillars",
        CurrentProvinceFilter,
        OrganiserFilter,
        "is_published",
    ]
    list_select_related = ["event_type"]
    date_hierarchy = "start_date"
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
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/signin-import/",
                view(self.signin_upload_view),
                name=f"{prefix}_signin_upload",
            ),
            path(
                "<path:object_id>/signin-import/<int:import_id>/",
                view(self.signin_preview_view),
                name=f"{prefix}_signin_preview",
            ),
            path(
                "<path:object_id>/attendance-sheet/",
                view(self.attendance_sheet_view),
                name=f"{prefix}_attendance_sheet",
            ),
            *super().get_urls(),
        ]

    def _event_for_change(self, request, object_id) -> Event:
        event = self.get_object(request, unquote(object_id))
        if event is None:
            raise Http404(_("No such event."))
        if not self.has_change_permission(request, event):
            raise PermissionDenied
        return event

    def _context(self, request, event, title, **extra):
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": event,
            "event": event,
            "title": title,
            "has_view_permission": True,
            **extra,
        }

    def signin_upload_view(self, request, object_id):
        event = self._event_for_change(request, object_id)
        if not request.user.has_perms(["members.add_person", "events.add_participation"]):
            raise PermissionDenied
        form = SignInUploadForm(request.POST or None, request.FILES or None, event=event)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            signin_import = SignInImport.objects.create(
                event=event,
                uploaded_by=request.user,
                file_name=(upload.name or "")[:255],
                rows=form.sheet.rows,
                ignored_columns=form.sheet.ignored_columns,
            )
            return HttpResponseRedirect(
                reverse("admin:events_event_signin_preview", args=[event.pk, signin_import.pk])
            )
        pending = event.signin_imports.filter(status=SignInImport.Status.PREVIEW)[:5]
        context = self._context(
            request, event, _("Import a sign-in sheet"), form=form, pending=pending, max_rows=imports.MAX_ROWS
        )
        return TemplateResponse(request, "admin/events/signin_upload.html", context)

    def signin_preview_view(self, request, object_id, import_id):
        event = self._event_for_change(request, object_id)
        if not request.user.has_perms(["members.add_person", "events.add_participation"]):
            raise PermissionDenied
        signin_import = get_object_or_404(SignInImport, pk=import_id, event=event)
        # Reviewing a sheet adds nobody; importing it writes the directory and the attendance.
        can_commit = request.user.has_perm(roles.COMMIT_SIGNIN_IMPORTS)
        if request.method == "POST" and "_commit" in request.POST and not can_commit:
            raise PermissionDenied
        change_url = reverse("admin:events_event_change", args=[event.pk])
        if signin_import.status == SignInImport.Status.COMMITTED:
            self.message_user(request, _("This sign-in sheet has already been imported."), messages.WARNING)
            return HttpResponseRedirect(change_url)
        reviews = None
        page_number = request.POST.get("_page") or request.POST.get("page") or request.GET.get("page")
        if request.method == "POST":
            if "_discard" in request.POST:
                signin_import.delete()
                self.message_user(request, _("The sign-in sheet was discarded; nothing was imported."))
                return HttpResponseRedirect(change_url)
            # Only the rows of the page shown are in the form; the others keep their stored values.
            rows = imports.rows_from_post(request.POST, signin_import.rows)
            # What the coordinator typed is kept even when the import is refused.
            signin_import.rows = rows
            signin_import.save(update_fields=["rows", "updated_at"])
            if "_commit" not in request.POST:
                return HttpResponseRedirect(f"{request.path}?{urlencode({'page': page_number or 1})}")
            try:
                result = services.signin_import_commit(
                    signin_import=signin_import, rows=rows, user=request.user
                )
            except imports.SignInRowsInvalid as invalid:
                reviews = invalid.reviews
                self.message_user(request, invalid.messages[0], messages.ERROR)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                self.message_user(
                    request,
                    _(
                        "%(attended)s people recorded as attended (%(created)s added to the directory, "
                        "%(updated)s updated); %(skipped)s rows skipped."
                    )
                    % {
                        "attended": result.attended,
                        "created": result.people_created,
                        "updated": result.people_updated,
                        "skipped": result.skipped,
                    },
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(change_url)
        if reviews is None:
            reviews = imports.review_rows(rows=signin_import.rows)
        # A page of rows at a time keeps the form well under the number of fields a request may carry.
        paginator = Paginator(reviews, SIGNIN_ROWS_PER_PAGE)
        page = paginator.get_page(page_number)
        counts = {
            "matched": sum(1 for r in reviews if r.match == imports.Match.MATCHED and not r.skipped),
            "duplicate": sum(1 for r in reviews if r.match == imports.Match.DUPLICATE and not r.skipped),
            "new": sum(1 for r in reviews if r.match == imports.Match.NEW and not r.skipped),
            "skipped": sum(1 for r in reviews if r.skipped),
            "errors": sum(1 for r in reviews if r.blocking),
        }
        shown = range(page.start_index() - 1, page.end_index())
        elsewhere = [
            (review.line, review.index // SIGNIN_ROWS_PER_PAGE + 1)
            for review in reviews
            if review.blocking and review.index not in shown
        ]
        context = self._context(
            request,
            event,
            _("Check the sign-in sheet"),
            signin_import=signin_import,
            columns=sheet_columns(),
            rows=[_preview_row(review) for review in page.object_list],
            page=page,
            errors_elsewhere=elsewhere,
            counts=counts,
            Match=imports.Match,
            can_commit=can_commit,
        )
        return TemplateResponse(request, "admin/events/signin_preview.html", context)

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


@admin.register(EventType)
class EventTypeAdmin(TranslationAdmin):
    list_display = ["name", "code", "order"]
    list_editable = ["order"]
    search_fields = ["name_vi", "name_en", "code"]


@admin.register(EventSeries)
class EventSeriesAdmin(AccentInsensitiveSearchMixin, TranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name_vi"]
    accent_search_fields = ["name_vi", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_vi"]}

    class Media:
        js = ["admin/js/urlify.js", "js/admin-slug.js"]


# --- attendance ------------------------------------------------------------------------------------


@admin.register(Participation)
class ParticipationAdmin(AccentInsensitiveSearchMixin, admin.ModelAdmin):
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
