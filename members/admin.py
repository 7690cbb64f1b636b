"""The coordinators' admin for the member directory."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline
from simple_history.admin import SimpleHistoryAdmin

from core import roles
from core.admin_mixins import (
    AccentInsensitiveSearchMixin,
    LargeTableAdminMixin,
    PublishActionsMixin,
    SharedChoicesInlineMixin,
)
from core.forms import ImageUploadField
from core.imports import ImportAdminMixin
from vocabulary.admin import CurrentProvinceFilter, pillar_filter
from vocabulary.models import Pillar, TechnicalGroup

from . import exports, matching, services
from .forms import LogoFormMixin
from .models import (
    Affiliation,
    EditorRequest,
    Membership,
    MembershipType,
    Organisation,
    Person,
    PillarParticipation,
)
from .resources import OrganisationResource, PersonResource


class MembershipStatusFilter(admin.SimpleListFilter):
    title = _("membership status")
    parameter_name = "membership_status"

    def lookups(self, request, model_admin):
        return Membership.Status.choices

    def queryset(self, request, queryset):
        if self.value():
            # The standing today, as in the public directory, not any membership ever held.
            return queryset.with_membership_status().filter(membership_status=self.value())
        return queryset


class MembershipInline(SharedChoicesInlineMixin, admin.TabularInline):
    model = Membership
    extra = 0
    fields = ["membership_type", "status", "joined_on", "start", "end", "notes"]
    widgets = {"notes": forms.Textarea(attrs={"rows": 2})}


class AffiliationInline(SharedChoicesInlineMixin, admin.TabularInline):
    """An organisation's people."""

    model = Affiliation
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["person", "role", "is_primary", "start", "end"]


class PersonAffiliationInline(SharedChoicesInlineMixin, admin.TabularInline):
    """A person's organisations."""

    model = Affiliation
    extra = 0
    autocomplete_fields = ["organisation"]
    fields = ["organisation", "role", "is_primary", "start", "end"]


class PillarParticipationInline(SharedChoicesInlineMixin, admin.TabularInline):
    model = PillarParticipation
    extra = 0
    fields = ["pillar", "role"]


class OrganisationAdminForm(LogoFormMixin, forms.ModelForm):
    logo = ImageUploadField(
        label=_("Logo"), required=False, help_text=_("JPEG, PNG or WebP, at most 5 MB and 40 megapixels.")
    )

    class Meta:
        model = Organisation
        # The declared logo field is stored by the service (copy + thumbnail), not by the form.
        exclude = ["logo"]  # noqa: DJ006


@admin.register(Organisation)
class OrganisationAdmin(
    LargeTableAdminMixin,
    ImportAdminMixin,
    AccentInsensitiveSearchMixin,
    PublishActionsMixin,
    SimpleHistoryAdmin,
    TranslationAdmin,
):
    resource_classes = [OrganisationResource]
    form = OrganisationAdminForm
    list_display = ["name", "acronym", "kind", "province", "is_published", "updated_at"]
    list_filter = [
        "kind",
        CurrentProvinceFilter,
        MembershipStatusFilter,
        pillar_filter("pillar_participations__pillar"),
        "is_published",
    ]
    list_select_related = ["province"]
    search_fields = ["name_vi"]  # shows the search box; the search itself ignores diacritics
    accent_search_fields = ["search_text"]
    autocomplete_fields = ["parent", "province"]
    prepopulated_fields = {"slug": ["acronym"]}
    inlines = [MembershipInline, PillarParticipationInline, AffiliationInline]
    actions = ["export_csv", "export_xlsx", "publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["name", "acronym", "slug", "kind", "parent", "province", "is_published"]}),
        (_("Profile"), {"fields": ["description", "website", "logo", "aliases", "iati_identifier"]}),
    ]

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            services.organisation_logo_store(
                organisation=obj, clean=form.logo_upload(), cleared=form.logo_cleared()
            )

    @admin.action(description=_("Export the selected organisations as CSV (with contacts)"))
    def export_csv(self, request, queryset):
        return exports.directory_response(queryset.order_by("name"), fmt="csv", private=True)

    @admin.action(description=_("Export the selected organisations as Excel (with contacts)"))
    def export_xlsx(self, request, queryset):
        return exports.directory_response(queryset.order_by("name"), fmt="xlsx", private=True)


@admin.register(Person)
class PersonAdmin(LargeTableAdminMixin, ImportAdminMixin, AccentInsensitiveSearchMixin, SimpleHistoryAdmin):
    resource_classes = [PersonResource]
    list_display = ["full_name", "position", "gender", "email", "public_consent"]
    list_filter = ["gender", "public_consent"]
    search_fields = ["full_name"]
    accent_search_fields = ["search_text", "email", "phone", "affiliations__organisation__search_text"]
    inlines = [PersonAffiliationInline]
    autocomplete_fields = ["user"]
    actions = ["merge_people"]

    @admin.action(description=_("Merge the selected people"), permissions=["change", "delete"])
    def merge_people(self, request, queryset):
        people = list(
            matching.people_with_organisations(
                queryset.annotate(participation_count=Count("participations", distinct=True))
            ).order_by("full_name", "pk")
        )
        if len(people) < 2:
            self.message_user(request, _("Select at least two people to merge."), messages.WARNING)
            return None
        if request.POST.get("post") == "yes":
            keep = next((person for person in people if str(person.pk) == request.POST.get("keep")), None)
            if keep is None:
                self.message_user(request, _("Choose the person to keep."), messages.ERROR)
            else:
                try:
                    services.person_merge(keep=keep, duplicates=[p for p in people if p.pk != keep.pk])
                except ValidationError as error:
                    self.message_user(request, " ".join(error.messages), messages.ERROR)
                    return None
                count = len(people) - 1
                self.message_user(
                    request,
                    ngettext(
                        "%(count)d person merged into %(name)s.",
                        "%(count)d people merged into %(name)s.",
                        count,
                    )
                    % {"count": count, "name": keep.full_name},
                    messages.SUCCESS,
                )
                return None
        # The person with an account, then the one with the most records, is the likely keeper.
        suggested = max(people, key=lambda person: (person.user_id is not None, person.participation_count))
        # What links the people chosen, so two different people are not merged by mistake.
        pairs = matching.person_pairs(people)
        groups = matching.unlinked_groups(people, pairs)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Merge people"),
            "opts": self.opts,
            "people": people,
            "suggested": suggested,
            "in_common": [(pair.first, pair.second, _in_common(pair)) for pair in pairs if pair.linked],
            "unlinked_groups": groups if len(groups) > 1 else [],
            "queryset": queryset,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        return TemplateResponse(request, "admin/members/person/merge_confirmation.html", context)


def _in_common(pair: matching.PersonPair) -> str:
    """What two people share, in words: "same phone, similar name at the same organisation (GreenHub)"."""
    shared = []
    if pair.same_email:
        shared.append(_("same email"))
    if pair.same_phone:
        shared.append(_("same phone"))
    if pair.name is not None:
        if not pair.name.same_organisation:
            shared.append(_("same name (no organisation recorded for one of them)"))
        else:
            name = (
                _("same name at the same organisation")
                if pair.name.same
                else _("similar name at the same organisation")
            )
            shared.append(f"{name} ({', '.join(pair.organisations)})" if pair.organisations else name)
    return ", ".join(str(text) for text in shared)


@admin.register(MembershipType)
class MembershipTypeAdmin(TranslationAdmin):
    list_display = ["name", "code", "order"]
    list_editable = ["order"]


@admin.register(EditorRequest)
class EditorRequestAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "position", "status", "created_at", "decided_by"]
    list_filter = ["status"]
    list_select_related = ["user", "organisation", "decided_by"]
    search_fields = ["user__email", "organisation__name_vi", "organisation__acronym"]
    autocomplete_fields = ["organisation", "user"]
    readonly_fields = ["decided_by", "decided_at"]
    actions = ["approve", "decline"]

    def has_decide_permission(self, request) -> bool:
        return request.user.has_perm(roles.DECIDE_EDITOR_REQUESTS)

    def _decide(self, request, queryset, approve: bool) -> int:
        count = 0
        for editor_request in queryset.select_related("organisation", "user"):
            services.editor_request_decide(
                editor_request=editor_request, coordinator=request.user, approve=approve
            )
            count += 1
        return count

    @admin.action(description=_("Approve the selected requests"), permissions=["decide"])
    def approve(self, request, queryset):
        count = self._decide(request, queryset, approve=True)
        self.message_user(
            request,
            ngettext("%d request approved.", "%d requests approved.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Decline the selected requests"), permissions=["decide"])
    def decline(self, request, queryset):
        count = self._decide(request, queryset, approve=False)
        self.message_user(request, ngettext("%d request declined.", "%d requests declined.", count) % count)


# Pillars are shared vocabulary; their page also lists the organisations taking part.
class TechnicalGroupInline(SharedChoicesInlineMixin, TranslationStackedInline):
    model = TechnicalGroup
    extra = 0
    autocomplete_fields = ["lead_organisation"]
    fields = ["name", "description", "lead_organisation", "order"]


class PillarOrganisationInline(SharedChoicesInlineMixin, admin.TabularInline):
    model = PillarParticipation
    extra = 0
    autocomplete_fields = ["organisation"]
    fields = ["organisation", "role"]
    verbose_name = _("organisation leading or taking part")
    verbose_name_plural = _("organisations leading or taking part")


@admin.register(Pillar)
class PillarAdmin(TranslationAdmin):
    list_display = ["code", "name", "order", "colour", "dac_sector", "is_published"]
    list_editable = ["order", "is_published"]
    search_fields = ["code", "name_vi", "name_en"]
    prepopulated_fields = {"code": ["name_en"]}
    inlines = [TechnicalGroupInline, PillarOrganisationInline]
