"""The sign-in sheet workflow of the event admin: upload a sheet, check its rows against the
directory a page at a time, correct them, then import them all or nothing."""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from core import roles
from members.matching import Match
from members.models import Person

from .. import services
from ..forms import SignInUploadForm
from ..models import Event, Participation, SignInImport
from ..signin import review, sheet

SIGNIN_ROWS_PER_PAGE = 50
# Reviewing a sheet needs these; importing it also needs roles.COMMIT_SIGNIN_IMPORTS.
SIGNIN_PERMISSIONS = ["members.add_person", "events.add_participation"]


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


def _preview_row(row_review: review.RowReview) -> dict:
    cells = []
    for name, label, choices in sheet_columns():
        value = row_review.row.get(name, "")
        cells.append(
            {
                "id": f"row-{row_review.index}-{name}",
                "name": name,
                "label": label,
                "value": value,
                "errors": row_review.errors.get(name, []),
                "choices": choices,
                "known": bool(choices) and value in dict(choices),
            }
        )
    row_errors = [*row_review.errors.get("action", []), *row_review.errors.get("row", [])]
    return {"review": row_review, "cells": cells, "row_errors": row_errors}


def _summary(reviews: list[review.RowReview]) -> dict[str, int]:
    """How many rows are in the directory, possible duplicates, new, skipped, and to correct."""
    counts = {Match.MATCHED: 0, Match.DUPLICATE: 0, Match.NEW: 0, "skipped": 0, "errors": 0}
    for row_review in reviews:
        counts["skipped" if row_review.skipped else row_review.match] += 1
        counts["errors"] += row_review.blocking
    return counts


def _errors_elsewhere(reviews: list[review.RowReview], shown: range) -> list[tuple[int, int]]:
    """(sheet line, page number) of the rows to correct that are not on the page shown."""
    return [
        (row_review.line, row_review.index // SIGNIN_ROWS_PER_PAGE + 1)
        for row_review in reviews
        if row_review.blocking and row_review.index not in shown
    ]


class SignInSheetAdminMixin:
    """The event admin's pages for importing an event's sign-in sheet."""

    def get_urls(self) -> list[URLPattern]:
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
            *super().get_urls(),
        ]

    def _event_for_signin(self, request: HttpRequest, object_id: str) -> Event:
        event = self.get_object(request, unquote(object_id))
        if event is None:
            raise Http404(_("No such event."))
        if not self.has_change_permission(request, event) or not request.user.has_perms(SIGNIN_PERMISSIONS):
            raise PermissionDenied
        return event

    def _signin_context(self, request: HttpRequest, event: Event, title: str, **extra) -> dict:
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": event,
            "event": event,
            "title": title,
            "has_view_permission": True,
            **extra,
        }

    def signin_upload_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        event = self._event_for_signin(request, object_id)
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
        context = self._signin_context(
            request, event, _("Import a sign-in sheet"), form=form, pending=pending, max_rows=sheet.MAX_ROWS
        )
        return TemplateResponse(request, "admin/events/signin_upload.html", context)

    def signin_preview_view(self, request: HttpRequest, object_id: str, import_id: int) -> HttpResponse:
        event = self._event_for_signin(request, object_id)
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
            rows = review.rows_from_post(request.POST, signin_import.rows)
            # What the coordinator typed is kept even when the import is refused.
            signin_import.rows = rows
            signin_import.save(update_fields=["rows", "updated_at"])
            if "_commit" not in request.POST:
                return HttpResponseRedirect(f"{request.path}?{urlencode({'page': page_number or 1})}")
            try:
                result = services.signin_import_commit(
                    signin_import=signin_import, rows=rows, user=request.user
                )
            except review.SignInRowsInvalid as invalid:
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
            reviews = review.review_rows(rows=signin_import.rows)
        # A page of rows at a time keeps the form well under the number of fields a request may carry.
        page = Paginator(reviews, SIGNIN_ROWS_PER_PAGE).get_page(page_number)
        context = self._signin_context(
            request,
            event,
            _("Check the sign-in sheet"),
            signin_import=signin_import,
            columns=sheet_columns(),
            rows=[_preview_row(row_review) for row_review in page.object_list],
            page=page,
            errors_elsewhere=_errors_elsewhere(reviews, range(page.start_index() - 1, page.end_index())),
            counts=_summary(reviews),
            Match=Match,
            can_commit=can_commit,
        )
        return TemplateResponse(request, "admin/events/signin_preview.html", context)
