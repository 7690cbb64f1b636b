"""The admin of indicator updates: the approval queue, and the recorded correction of an approved
figure.

An approved update is read-only here: its figures change only by returning it to its reporter
and approving it again, or through the recorded correction of :mod:`initiatives.corrections`.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from core import roles
from core.admin_mixins import AccentInsensitiveSearchMixin, LargeTableAdminMixin, SharedChoicesInlineMixin
from core.forms import form_add_service_errors
from core.imports import ImportAdminMixin

from .. import corrections, services
from ..models import IndicatorUpdate, UpdateCorrection, UpdateDisaggregation, UpdateEvidence
from ..resources import IndicatorUpdateResource
from .common import DimensionValueChoicesMixin, change_url
from .corrections import CorrectionForm, correction_dimension_values, correction_lines, part_names


def is_approved(update: IndicatorUpdate | None) -> bool:
    return update is not None and update.status == IndicatorUpdate.Status.APPROVED


class FrozenOnceApprovedMixin:
    """For the inlines of an update's parts and evidence: they are part of what an approval
    vouched for, so they are shown but never changed once the update is approved."""

    def has_add_permission(self, request: HttpRequest, obj: IndicatorUpdate | None = None) -> bool:
        return not is_approved(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: IndicatorUpdate | None = None) -> bool:
        return not is_approved(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: IndicatorUpdate | None = None) -> bool:
        return not is_approved(obj) and super().has_delete_permission(request, obj)


class DisaggregationInline(
    FrozenOnceApprovedMixin, DimensionValueChoicesMixin, SharedChoicesInlineMixin, admin.TabularInline
):
    model = UpdateDisaggregation
    extra = 0


class EvidenceInline(FrozenOnceApprovedMixin, admin.TabularInline):
    model = UpdateEvidence
    extra = 0
    fields = ["file", "original_name", "uploaded_at"]
    readonly_fields = fields

    # Evidence arrives with the member's update, never through the admin.
    def has_add_permission(self, request: HttpRequest, obj: IndicatorUpdate | None = None) -> bool:
        return False


class CorrectionInline(admin.TabularInline):
    """The corrections recorded for an update, newest first: a record, never edited."""

    model = UpdateCorrection
    extra = 0
    fields = ["created_at", "corrected_by", "reason", "changes"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: IndicatorUpdate | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: IndicatorUpdate | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: IndicatorUpdate | None = None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet[UpdateCorrection]:
        # A correction is named after its update, which is named after its indicator.
        return super().get_queryset(request).select_related("corrected_by", "update__period__indicator")

    @admin.display(description=_("changes"))
    def changes(self, obj: UpdateCorrection) -> str:
        # The parts' names are read once for every correction the page shows.
        if not hasattr(self, "_part_names"):
            self._part_names = part_names()
        return correction_lines(obj, self._part_names)


@admin.register(IndicatorUpdate)
class IndicatorUpdateAdmin(
    LargeTableAdminMixin, ImportAdminMixin, AccentInsensitiveSearchMixin, SimpleHistoryAdmin
):
    """The approval queue: filter on "submitted for approval", then approve or return. Approved
    figures of the past are imported from a spreadsheet."""

    resource_classes = [IndicatorUpdateResource]

    list_display = [
        "indicator_title",
        "initiative_title",
        "reported_on",
        "value",
        "status",
        "submitted_by",
        "submitted_at",
    ]
    list_filter = ["status", "source", "period__indicator__network_indicator"]
    list_select_related = ["period__indicator__result__initiative", "submitted_by"]
    search_fields = ["period__indicator__title_vi"]
    accent_search_fields = [
        "period__indicator__title_vi",
        "period__indicator__result__initiative__search_text",
        "narrative",
    ]
    readonly_fields = ["status", "submitted_by", "submitted_at", "reviewer", "reviewed_at"]
    # What an approval vouched for; moving it to another period or organisation changes totals too.
    approved_readonly_fields = [
        "period",
        "organisation",
        "reported_on",
        "value",
        "numerator",
        "denominator",
        "narrative",
    ]
    autocomplete_fields = ["period", "organisation"]
    inlines = [DisaggregationInline, EvidenceInline, CorrectionInline]
    actions = ["approve"]

    @admin.display(description=_("indicator"), ordering="period__indicator__title")
    def indicator_title(self, obj: IndicatorUpdate) -> str:
        return obj.period.indicator.title

    @admin.display(description=_("initiative"))
    def initiative_title(self, obj: IndicatorUpdate) -> str:
        return obj.period.indicator.result.initiative.title

    def get_readonly_fields(self, request: HttpRequest, obj: IndicatorUpdate | None = None) -> list[str]:
        fields = list(super().get_readonly_fields(request, obj))
        if is_approved(obj):
            fields += [name for name in self.approved_readonly_fields if name not in fields]
        return fields

    def has_approve_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(roles.APPROVE_RESULTS)

    def has_correct_permission(self, request: HttpRequest, obj: IndicatorUpdate | None = None) -> bool:
        return request.user.has_perm(roles.CORRECT_RESULTS)

    # An update changes by reporting, approval and correction alone: an earlier version is shown
    # in the history, never restored from it.
    def revert_disabled(self, request: HttpRequest, obj: IndicatorUpdate | None = None) -> bool:
        return True

    def history_form_view(
        self, request: HttpRequest, object_id: str, version_id: str, extra_context: dict | None = None
    ) -> HttpResponse:
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: dict | None = None
    ) -> HttpResponse:
        update = self.get_object(request, unquote(object_id))
        extra_context = {
            **(extra_context or {}),
            "can_correct": is_approved(update) and self.has_correct_permission(request, update),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self) -> list[URLPattern]:
        return [
            path(
                "<path:object_id>/correct/",
                self.admin_site.admin_view(self.correct_view),
                name=f"{self.opts.app_label}_{self.opts.model_name}_correct",
            ),
            *super().get_urls(),
        ]

    def correct_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """Correct this figure: the new figures and the reason, recorded by the correction service."""
        if not self.has_correct_permission(request):
            raise PermissionDenied
        update = self.get_object(request, unquote(object_id))
        if update is None:
            raise Http404(_("No such update."))
        back = change_url(update)
        if not is_approved(update):
            self.message_user(
                request,
                _(
                    "Only an approved update can be corrected; one waiting for approval is approved or returned."
                ),
                messages.WARNING,
            )
            return HttpResponseRedirect(back)
        form = CorrectionForm(
            request.POST or None, update=update, dimension_values=correction_dimension_values(update)
        )
        if request.method == "POST" and form.is_valid():
            try:
                correction = corrections.indicator_update_correct(
                    update=update,
                    corrected_by=request.user,
                    reason=form.cleaned_data["reason"],
                    **form.figures(),
                )
            except ValidationError as error:
                form_add_service_errors(form, error)
            else:
                if correction is not None:
                    self.message_user(
                        request,
                        _("The correction is recorded; the network's totals show the corrected figure."),
                        messages.SUCCESS,
                    )
                    return HttpResponseRedirect(back)
                form.add_error(
                    None, _("These are the approved figures already: there is nothing to correct.")
                )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": update,
            "title": _("Correct this figure"),
            "form": form,
            "indicator": update.period.indicator,
            "parts": update.disaggregations.select_related("dimension_value__dimension"),
            "change_url": back,
            "has_view_permission": True,
        }
        return TemplateResponse(request, "admin/initiatives/indicatorupdate/correct.html", context)

    # Through the service: the network's figures of the updates' indicators follow the deletion.
    def delete_model(self, request: HttpRequest, obj: IndicatorUpdate) -> None:
        services.indicator_updates_delete(updates=IndicatorUpdate.objects.filter(pk=obj.pk))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[IndicatorUpdate]) -> None:
        services.indicator_updates_delete(updates=queryset)

    @admin.action(description=_("Approve the selected updates"), permissions=["approve"])
    def approve(self, request: HttpRequest, queryset: QuerySet[IndicatorUpdate]) -> None:
        # Through the approval service, one by one: each reporter is told, and the totals move on.
        count, refused = 0, 0
        for update in queryset:
            try:
                with transaction.atomic():
                    services.indicator_update_approve(update=update, reviewer=request.user)
                count += 1
            except ValidationError:
                refused += 1
        self.message_user(request, ngettext("%d update approved.", "%d updates approved.", count) % count)
        if refused:
            self.message_user(
                request,
                ngettext(
                    "%d update was not waiting for approval and was left as it was.",
                    "%d updates were not waiting for approval and were left as they were.",
                    refused,
                )
                % refused,
                messages.WARNING,
            )
