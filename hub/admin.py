"""The coordinators' admin of the knowledge hub: resources with their organisations, the review
of members' proposals, publishing, history and search that ignores diacritics."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from core.admin_mixins import (
    AccentInsensitiveSearchMixin,
    PublishActionsMixin,
    SharedChoicesInlineMixin,
    update_with_history,
)
from vocabulary.admin import pillar_filter

from .forms import ResourceAdminForm
from .models import Resource, ResourceOrganisation


class OrganisationInline(SharedChoicesInlineMixin, admin.TabularInline):
    model = ResourceOrganisation
    extra = 0
    autocomplete_fields = ["organisation"]
    fields = ["organisation", "role", "order"]


@admin.register(Resource)
class ResourceAdmin(AccentInsensitiveSearchMixin, PublishActionsMixin, SimpleHistoryAdmin, TranslationAdmin):
    form = ResourceAdminForm
    list_display = ["title", "kind", "year", "language", "review_status", "is_published", "download_count"]
    list_filter = ["review_status", "is_published", "kind", "language", "year", pillar_filter("pillars")]
    search_fields = ["title_vi"]  # shows the search box; the search itself ignores diacritics
    accent_search_fields = ["search_text"]
    prepopulated_fields = {"slug": ["title_vi"]}
    autocomplete_fields = [
        "technical_groups",
        "provinces",
        "initiatives",
        "events",
        "results",
        "proposing_organisation",
    ]
    filter_horizontal = ["pillars"]
    readonly_fields = ["download_count", "proposed_by", "created_at"]
    inlines = [OrganisationInline]
    actions = ["accept", "decline", "publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["kind", "title", "slug", "summary", "year", "language", "is_published"]}),
        (_("Document"), {"fields": ["file", "url", "cover", "download_count"]}),
        (
            _("What it is about"),
            {"fields": ["pillars", "technical_groups", "provinces", "initiatives", "events"]},
        ),
        (
            _("The good-practice model's story"),
            {"fields": ["problem", "approach", "outcomes", "replication", "results"]},
        ),
        (_("Proposal"), {"fields": ["review_status", "proposing_organisation", "proposed_by", "created_at"]}),
    ]

    @admin.action(description=_("Accept the selected proposals"), permissions=["review"])
    def accept(self, request, queryset):
        count = update_with_history(
            request,
            queryset.exclude(review_status=Resource.Review.ACCEPTED),
            review_status=Resource.Review.ACCEPTED,
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d proposal accepted; publish it to show it.",
                "%(count)d proposals accepted; publish them to show them.",
                count,
            )
            % {"count": count},
        )

    @admin.action(description=_("Decline the selected proposals"), permissions=["review"])
    def decline(self, request, queryset):
        count = update_with_history(
            request,
            queryset.filter(proposing_organisation__isnull=False).exclude(
                review_status=Resource.Review.DECLINED
            ),
            review_status=Resource.Review.DECLINED,
            is_published=False,
        )
        self.message_user(
            request,
            ngettext("%(count)d proposal declined.", "%(count)d proposals declined.", count)
            % {"count": count},
        )

    @admin.action(description=_("Publish the selected %(verbose_name_plural)s"))
    def publish(self, request, queryset):
        # A proposal is published only once it has been accepted.
        super().publish(request, queryset.filter(review_status=Resource.Review.ACCEPTED))

    def has_review_permission(self, request) -> bool:
        return request.user.has_perm("hub.review_resource")
