"""The coordinators' admin: pillars and their groups, initiatives with partners, results,
indicators and periods, the network indicator catalogue, and the approval queue."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline, TranslationTabularInline

from members.admin import AccentInsensitiveSearchMixin
from members.models import PillarParticipation
from network_portal.forms import ImageUploadField

from . import services
from .forms import EvidenceField
from .models import (
    Dimension,
    DimensionValue,
    Indicator,
    IndicatorUpdate,
    Initiative,
    InitiativeDocument,
    InitiativePartner,
    InitiativePhoto,
    NetworkIndicator,
    Period,
    PeriodTarget,
    Pillar,
    Result,
    TechnicalGroup,
    UpdateDisaggregation,
    UpdateEvidence,
)


def change_link(obj, label=None) -> str:
    if obj is None or obj.pk is None:
        return "—"
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    return format_html('<a href="{}">{}</a>', url, label or _("Open"))


# --- pillars ---------------------------------------------------------------------------------


class TechnicalGroupInline(TranslationStackedInline):
    model = TechnicalGroup
    extra = 0
    autocomplete_fields = ["lead_organisation"]
    fields = ["name", "description", "lead_organisation", "order"]


class PillarOrganisationInline(admin.TabularInline):
    model = PillarParticipation
    extra = 0
    autocomplete_fields = ["organisation"]
    fields = ["organisation", "role"]
    verbose_name = _("organisation leading or taking part")
    verbose_name_plural = _("organisations leading or taking part")


@admin.register(Pillar)
class PillarAdmin(TranslationAdmin):
    list_display = ["code", "name", "order", "colour", "is_published"]
    list_editable = ["order", "is_published"]
    search_fields = ["code", "name_vi", "name_en"]
    prepopulated_fields = {"code": ["name_en"]}
    inlines = [TechnicalGroupInline, PillarOrganisationInline]


@admin.register(TechnicalGroup)
class TechnicalGroupAdmin(AccentInsensitiveSearchMixin, TranslationAdmin):
    list_display = ["name", "pillar", "lead_organisation", "order"]
    list_filter = ["pillar"]
    list_select_related = ["pillar", "lead_organisation"]
    search_fields = ["name_vi"]
    accent_search_fields = ["name_vi", "name_en"]
    autocomplete_fields = ["lead_organisation"]


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
    extra = 0


class PhotoForm(forms.ModelForm):
    image = ImageUploadField(
        label=_("Photo"), help_text=_("JPEG, PNG or WebP, at most 5 MB and 40 megapixels.")
    )

    class Meta:
        model = InitiativePhoto
        fields = ["image", "caption_vi", "caption_en", "order"]

    def save(self, commit=True):
        photo = super().save(commit=False)
        clean = getattr(self.fields["image"], "last_clean", None)
        if clean is not None:
            photo.thumbnail.save(clean.thumbnail.name, clean.thumbnail, save=False)
        if commit:
            photo.save()
        return photo


class PhotoInline(admin.TabularInline):
    model = InitiativePhoto
    form = PhotoForm
    extra = 0


class InitiativeProvinceFilter(admin.SimpleListFilter):
    title = _("province")
    parameter_name = "province"

    def lookups(self, request, model_admin):
        from members.models import Province

        return [(p.code, p.name) for p in Province.objects.filter(successor__isnull=True)]

    def queryset(self, request, queryset):
        if self.value():
            from django.db.models import Q

            ids = Initiative.provinces.through.objects.filter(
                Q(province__code=self.value()) | Q(province__successor__code=self.value())
            ).values("initiative_id")
            return queryset.filter(pk__in=ids)
        return queryset


@admin.register(Initiative)
class InitiativeAdmin(AccentInsensitiveSearchMixin, TranslationAdmin):
    list_display = ["title", "acronym", "status", "start", "end", "is_published", "updated_at"]
    list_filter = ["status", "is_published", "pillars", InitiativeProvinceFilter]
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

    @admin.action(description=_("Publish the selected initiatives"))
    def publish(self, request, queryset):
        count = queryset.update(is_published=True)
        self.message_user(
            request, ngettext("%d initiative published.", "%d initiatives published.", count) % count
        )

    @admin.action(description=_("Unpublish the selected initiatives"))
    def unpublish(self, request, queryset):
        count = queryset.update(is_published=False)
        self.message_user(
            request, ngettext("%d initiative unpublished.", "%d initiatives unpublished.", count) % count
        )


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
class ResultAdmin(AccentInsensitiveSearchMixin, TranslationAdmin):
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
class IndicatorAdmin(AccentInsensitiveSearchMixin, TranslationAdmin):
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
class PeriodAdmin(admin.ModelAdmin):
    list_display = ["__str__", "start", "end", "target_value", "locked"]
    list_filter = ["locked"]
    list_select_related = ["indicator"]
    search_fields = ["indicator__title_vi"]
    autocomplete_fields = ["indicator"]
    inlines = [PeriodTargetInline, UpdateInline]
    actions = ["lock", "unlock"]

    @admin.action(description=_("Lock the selected periods"))
    def lock(self, request, queryset):
        queryset.update(locked=True)

    @admin.action(description=_("Unlock the selected periods"))
    def unlock(self, request, queryset):
        queryset.update(locked=False)


class DisaggregationInline(admin.TabularInline):
    model = UpdateDisaggregation
    extra = 0


class EvidenceInline(admin.TabularInline):
    model = UpdateEvidence
    extra = 0
    fields = ["file", "original_name", "uploaded_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(IndicatorUpdate)
class IndicatorUpdateAdmin(AccentInsensitiveSearchMixin, admin.ModelAdmin):
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
    autocomplete_fields = ["period", "organisation"]
    inlines = [DisaggregationInline, EvidenceInline]
    actions = ["approve"]

    @admin.display(description=_("indicator"), ordering="period__indicator__title")
    def indicator_title(self, obj):
        return obj.period.indicator.title

    @admin.display(description=_("initiative"))
    def initiative_title(self, obj):
        return obj.period.indicator.result.initiative.title

    @admin.action(description=_("Approve the selected updates"))
    def approve(self, request, queryset):
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
