"""Filters of the public member directory."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from initiatives.models import Pillar
from network_portal.search import accent_insensitive_search

from .models import Membership, Organisation, Province

SEARCH_FIELDS = ["search_text"]


class OrganisationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search", max_length=200)
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Organisation.Kind.choices, empty_label=_("All kinds")
    )
    pillar = django_filters.ModelChoiceFilter(
        label=_("Pillar"),
        field_name="pillar_participations__pillar",
        to_field_name="code",
        queryset=Pillar.objects.filter(is_published=True),
        empty_label=_("All pillars"),
        distinct=True,
    )
    province = django_filters.ModelChoiceFilter(
        label=_("Province"),
        to_field_name="code",
        queryset=Province.objects.filter(successor__isnull=True),
        method="in_province",
        empty_label=_("All provinces"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Membership status"),
        choices=Membership.Status.choices,
        empty_label=_("Any status"),
        method="with_status",
    )

    class Meta:
        model = Organisation
        fields = ["q", "kind", "pillar", "province", "status"]

    def search(self, queryset, name, value):
        return accent_insensitive_search(queryset, value, SEARCH_FIELDS)

    def with_status(self, queryset, name, value):
        # The standing today, not any membership ever held: one that lapsed and rejoined is active.
        return queryset.with_membership_status().filter(membership_status=value)

    def in_province(self, queryset, name, value):
        # Organisations recorded under a former province count in the province it merged into.
        return queryset.filter(Q(province=value) | Q(province__successor=value))
