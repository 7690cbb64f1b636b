"""Filters of the public member directory."""

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from core.search import accent_insensitive_search, search_terms
from vocabulary.filters import CurrentProvinceFilter, PublishedPillarFilter

from .models import Membership, Organisation

SEARCH_FIELDS = ["search_text"]


class OrganisationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search", max_length=200)
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Organisation.Kind.choices, empty_label=_("All kinds")
    )
    pillar = PublishedPillarFilter(field_name="pillar_participations__pillar", distinct=True)
    province = CurrentProvinceFilter()
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


class PublishedOrganisationFilter(django_filters.ModelChoiceFilter):
    """One of the published organisations, chosen by slug, for the lists of other apps. Give the
    ``method`` that keeps the rows the organisation takes part in."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Organisation"))
        kwargs.setdefault("empty_label", _("All organisations"))
        super().__init__(to_field_name="slug", queryset=Organisation.objects.published(), **kwargs)


def search_with_organisations(queryset: QuerySet, value: str, roles: QuerySet, *, row: str) -> QuerySet:
    """For the lists of other apps: the rows with every word of ``value`` in their own folded
    text or in the name of one of their organisations, ``roles`` being the rows that link the two
    (``row`` names their link to the rows searched). Only published organisations count, so a
    search cannot reveal that an unpublished one took part. Subqueries keep the list's own query
    free of joins and DISTINCT, which the facet counts and the paginator's count would pay for."""
    for term in search_terms(value):
        by_organisation = roles.filter(
            organisation__is_published=True, organisation__search_text__contains=term
        ).values(row)
        queryset = queryset.filter(Q(search_text__contains=term) | Q(pk__in=by_organisation))
    return queryset
