"""The coordinators' admin: pillars and their groups, initiatives with partners, results,
indicators and periods, the network indicator catalogue, and the approval queue.

An approved update is read-only here: its figures change only by returning it to its reporter
and approving it again, or through the recorded correction of :mod:`initiatives.corrections`.
"""

from decimal import Decimal

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from core import roles
from core.admin_mixins import AccentInsensitiveSearchMixin, PublishActionsMixin, update_with_history
from core.forms import ImageModelForm, ImageUploadField, form_add_service_errors
from core.private_files import DocumentFormSet
from vocabulary.admin import province_filter

from . import corrections, services
from .forms import EvidenceField, amount_field
from .models import (
    Dimension,
    DimensionValue,
    Indicator,
    IndicatorUpdate,
    Initiative,
    InitiativeDocument,
    InitiativePartner,
    InitiativePhoto,
    Measure,
    NetworkIndicator,
    Period,
    PeriodTarget,
    Result,
    UpdateCorrection,
    UpdateDisaggregation,
    UpdateEvidence,
)


def is_approved(update: IndicatorUpdate | None) -> bool:
    return update is not None and update.status == IndicatorUpdate.Status.APPROVED


def change_link(obj, label=None) -> str:
    if obj is None or obj.pk is None:
        return "—"
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    return format_html('<a href="{}">{}</a>', url, label or _("Open"))


class DimensionValueInline(TranslationTabularInline):
    model = DimensionValue
    extra = 0
    fields = ["code", "name", "order"]


@admin.register(Dimension)
class DimensionAdmin(TranslationAdmin):
    list_display = ["name", "code", "order"]
    inlines = [DimensionValueInline]


@admin.register(NetworkIndicator)
class NetworkIndicatorAdmin(AccentInsensitiveSearchMixin, TranslationAdmin):
    list_display = ["name", "code", "measure", "unit", "cumulative", "is_headline", "order"]
    list_editable = ["is_headline", "order"]
    list_filter = ["measure", "cumulative", "is_headline"]
    search_fields = ["name_vi"]
    accent_search_fields = ["name_vi", "name_en", "code"]
    prepopulated_fields = {"code": ["name_en"]}


# --- initiatives -----------------------------------------------------------------------------


class PartnerInline(admin.TabularInline):
    model = InitiativePartner
    extra = 0
    autocomplete_fields = ["organisation"]
    fields = ["organisation", "role", "funding_amount", "currency"]


class ResultInline(TranslationTabularInline):
    model = Result
    extra = 0
    fields = ["type", "title", "order", "indicators_link"]
    readonly_fields = ["indicators_link"]
    show_change_link = True

    @admin.display(description=_("indicators"))
    def indicators_link(self, obj):
        return change_link(obj, _("Edit its indicators"))


class DocumentForm(forms.ModelForm):
    file = EvidenceField(label=_("File"), required=True)

    class Meta:
        model = InitiativeDocument
        fields = ["title_vi", "title_en", "file"]

    def clean_file(self):
        value = self.cleaned_data.get("file")
        if isinstance(value, tuple):
            return value[0]
        return self.instance.file if self.instance.pk and not value else value


class DocumentInline(admin.TabularInline):
    model = InitiativeDocument
    form = DocumentForm
    fields = ["title_vi", "title_en", "file", "is_public"]
    # Saved through document_save: ticking or unticking "public" moves the file.
    formset = DocumentFormSet
    extra = 0


class PhotoForm(ImageModelForm):
    image = ImageUploadField(
        label=_("Photo"), help_text=_("JPEG, PNG or WebP, at most 5 MB and 40 megapixels.")
    )

    class Meta:
        model = InitiativePhoto
        fields = ["image", "caption_vi", "caption_en", "order"]


class PhotoInline(admin.TabularInline):
    model = InitiativePhoto
    form = PhotoForm
    extra = 0


@admin.register(Initiative)
class InitiativeAdmin(
    AccentInsensitiveSearchMixin, PublishActionsMixin, SimpleHistoryAdmin, TranslationAdmin
):
    list_display = ["title", "acronym", "status", "start", "end", "is_published", "updated_at"]
    list_filter = ["status", "is_published", "pillars", province_filter("provinces")]
    search_fields = ["title_vi"]
    accent_search_fields = ["search_text"]
    prepopulated_fields = {"slug": ["acronym"]}
    autocomplete_fields = ["parent", "provinces"]
    filter_horizontal = ["pillars"]
    inlines = [PartnerInline, ResultInline, DocumentInline, PhotoInline]
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["title", "acronym", "slug", "parent", "status", "start", "end", "is_published"]}),
        (_("Description"), {"fields": ["summary", "objectives"]}),
        (_("Where and what"), {"fields": ["provinces", "location_detail", "pillars"]}),
    ]


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
    def periods_link(self, obj):
        return change_link(obj, _("Edit its periods"))


@admin.register(Result)
class ResultAdmin(AccentInsensitiveSearchMixin, SimpleHistoryAdmin, TranslationAdmin):
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
    def period_link(self, obj):
        return change_link(obj)


@admin.register(Indicator)
class IndicatorAdmin(AccentInsensitiveSearchMixin, SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["title", "result", "measure", "unit", "cumulative", "network_indicator"]
    list_filter = ["measure", "cumulative", "network_indicator"]
    list_select_related = ["result", "network_indicator"]
    search_fields = ["title_vi"]
    accent_search_fields = ["title_vi", "title_en", "result__initiative__search_text"]
    autocomplete_fields = ["result"]
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

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("update"))
    def update_link(self, obj):
        return change_link(obj)


@admin.register(Period)
class PeriodAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "start", "end", "target_value", "locked"]
    list_filter = ["locked"]
    list_select_related = ["indicator"]
    search_fields = ["indicator__title_vi"]
    autocomplete_fields = ["indicator"]
    inlines = [PeriodTargetInline, UpdateInline]
    actions = ["lock", "unlock"]

    @admin.action(description=_("Lock the selected periods"))
    def lock(self, request, queryset):
        update_with_history(request, queryset, locked=True)

    @admin.action(description=_("Unlock the selected periods"))
    def unlock(self, request, queryset):
        update_with_history(request, queryset, locked=False)


class DisaggregationInline(admin.TabularInline):
    """An approved update's parts are part of its figure: shown, never changed here."""

    model = UpdateDisaggregation
    extra = 0

    def has_add_permission(self, request, obj=None):
        return not is_approved(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not is_approved(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not is_approved(obj) and super().has_delete_permission(request, obj)


class EvidenceInline(admin.TabularInline):
    model = UpdateEvidence
    extra = 0
    fields = ["file", "original_name", "uploaded_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    # The evidence of an approved update is what the approval rested on: it stays as it was.
    def has_change_permission(self, request, obj=None):
        return not is_approved(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not is_approved(obj) and super().has_delete_permission(request, obj)


class CorrectionInline(admin.TabularInline):
    """The corrections recorded for an update, newest first: a record, never edited."""

    model = UpdateCorrection
    extra = 0
    fields = ["created_at", "corrected_by", "reason", "changes"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("corrected_by")

    @admin.display(description=_("changes"))
    def changes(self, obj):
        if not hasattr(self, "_part_names"):
            self._part_names = {
                corrections.disaggregation_key(value): part_label(value)
                for value in DimensionValue.objects.select_related("dimension")
            }

        def amount(text: str | None) -> str:
            return formats.localize(Decimal(text)) if text else "—"

        before, after = obj.before, obj.after
        lines = [
            (
                IndicatorUpdate._meta.get_field(name).verbose_name,
                amount(before.get(name)),
                amount(after.get(name)),
            )
            for name in corrections.FIGURES
            if before.get(name) != after.get(name)
        ]
        parts_before, parts_after = before.get("disaggregations", {}), after.get("disaggregations", {})
        lines += [
            (self._part_names.get(key, key), amount(parts_before.get(key)), amount(parts_after.get(key)))
            for key in sorted(parts_before.keys() | parts_after.keys())
            if parts_before.get(key) != parts_after.get(key)
        ]
        if before.get("narrative") != after.get("narrative"):
            lines.append(
                (
                    IndicatorUpdate._meta.get_field("narrative").verbose_name,
                    before.get("narrative") or "—",
                    after.get("narrative") or "—",
                )
            )
        return format_html_join(mark_safe("<br>"), "{}: {} → {}", lines)


def part_label(value: DimensionValue) -> str:
    return f"{value.name} ({value.dimension.name})"


def correction_dimension_values(update: IndicatorUpdate) -> list[DimensionValue]:
    """The parts an update may be broken into: by sex, as members report (see
    ``selectors.sex_values``), and by any other dimension its period has targets for or it
    already has values in."""
    return list(
        DimensionValue.objects.filter(
            Q(dimension__code="sex")
            | Q(pk__in=update.disaggregations.values("dimension_value"))
            | Q(pk__in=update.period.disaggregation_targets.values("dimension_value"))
        )
        .select_related("dimension")
        .distinct()
    )


class CorrectionForm(forms.Form):
    """The corrected figures of an approved update, as its indicator measures them, and why."""

    narrative = forms.CharField(
        label=_("Narrative"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    # Required by the correction service, which gives the error a reason of its own.
    reason = forms.CharField(
        label=_("Reason for the correction"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept with the correction and shown in the update's history."),
    )

    def __init__(self, *args, update: IndicatorUpdate, dimension_values: list[DimensionValue], **kwargs):
        indicator = update.period.indicator
        current = {row.dimension_value_id: row.value for row in update.disaggregations.all()}
        kwargs.setdefault(
            "initial",
            {
                "value": update.value,
                "numerator": update.numerator,
                "denominator": update.denominator,
                "narrative": update.narrative,
                **{f"dv_{value.pk}": current.get(value.pk) for value in dimension_values},
            },
        )
        super().__init__(*args, **kwargs)
        unit = f" ({indicator.unit})" if indicator.unit else ""
        if indicator.measure == Measure.QUANTITATIVE:
            self.fields["value"] = amount_field(_("Value") + unit, required=True)
        elif indicator.measure == Measure.PERCENTAGE:
            self.fields["numerator"] = amount_field(_("Numerator"), required=True)
            self.fields["denominator"] = amount_field(_("Denominator"), required=True)
        else:
            self.fields["narrative"].required = True
        self.parts: dict[str, DimensionValue] = {}
        if indicator.measure != Measure.QUALITATIVE:
            for value in dimension_values:
                self.fields[f"dv_{value.pk}"] = amount_field(part_label(value))
                self.parts[f"dv_{value.pk}"] = value
        self.order_fields(["value", "numerator", "denominator", *self.parts, "narrative", "reason"])

    def figures(self) -> dict:
        """The correction service's arguments: figures the indicator does not measure are None,
        which leaves them as they are; an emptied part is removed."""
        data = self.cleaned_data
        return {
            "value": data.get("value"),
            "numerator": data.get("numerator"),
            "denominator": data.get("denominator"),
            "narrative": data.get("narrative", ""),
            "disaggregations": {value: data.get(name) for name, value in self.parts.items()},
        }


@admin.register(IndicatorUpdate)
class IndicatorUpdateAdmin(AccentInsensitiveSearchMixin, SimpleHistoryAdmin):
    """The approval queue: filter on "submitted for approval", then approve or return."""

    list_display = [
        "indicator_title",
        "initiative_title",
        "reported_on",
        "value",
        "status",
        "submitted_by",
        "submitted_at",
    ]
    list_filter = ["status", "period__indicator__network_indicator"]
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
    def indicator_title(self, obj):
        return obj.period.indicator.title

    @admin.display(description=_("initiative"))
    def initiative_title(self, obj):
        return obj.period.indicator.result.initiative.title

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if is_approved(obj):
            fields += [name for name in self.approved_readonly_fields if name not in fields]
        return fields

    def has_approve_permission(self, request) -> bool:
        return request.user.has_perm(roles.APPROVE_RESULTS)

    def has_correct_permission(self, request, obj=None) -> bool:
        return request.user.has_perm(roles.CORRECT_RESULTS)

    # An update changes by reporting, approval and correction alone: an earlier version is shown
    # in the history, never restored from it.
    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        update = self.get_object(request, unquote(object_id))
        extra_context = {
            **(extra_context or {}),
            "can_correct": is_approved(update) and self.has_correct_permission(request, update),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        return [
            path(
                "<path:object_id>/correct/",
                self.admin_site.admin_view(self.correct_view),
                name=f"{self.opts.app_label}_{self.opts.model_name}_correct",
            ),
            *super().get_urls(),
        ]

    def correct_view(self, request, object_id):
        """Correct this figure: the new figures and the reason, recorded by the correction service."""
        if not self.has_correct_permission(request):
            raise PermissionDenied
        update = self.get_object(request, unquote(object_id))
        if update is None:
            raise Http404(_("No such update."))
        change_url = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[update.pk])
        if not is_approved(update):
            self.message_user(
                request,
                _(
                    "Only an approved update can be corrected; one waiting for approval is approved or returned."
                ),
                messages.WARNING,
            )
            return HttpResponseRedirect(change_url)
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
                    return HttpResponseRedirect(change_url)
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
            "change_url": change_url,
            "has_view_permission": True,
        }
        return TemplateResponse(request, "admin/initiatives/indicatorupdate/correct.html", context)

    @admin.action(description=_("Approve the selected updates"), permissions=["approve"])
    def approve(self, request, queryset):
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
