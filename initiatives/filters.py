"""Filters of the public initiatives list and of the results approvers' queue."""

from datetime import date
from decimal import Decimal

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from core.params import whole_number
from core.search import accent_insensitive_search, search_terms
from members.filters import PublishedOrganisationFilter
from members.models import Organisation
from vocabulary.filters import CurrentProvinceFilter, PublishedPillarFilter

from .approval_cycles import cycle_periods
from .models import IndicatorUpdate, Initiative, InitiativeQuerySet

SEARCH_FIELDS = ["search_text"]


class InitiativeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search", max_length=200)
    pillar = PublishedPillarFilter(field_name="pillars", distinct=True)
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Initiative.Status.choices, empty_label=_("Any status")
    )
    province = CurrentProvinceFilter(field_name="provinces")
    organisation = PublishedOrganisationFilter(method="with_organisation")
    year = django_filters.NumberFilter(
        label=_("Year"), method="in_year", widget=forms.NumberInput(attrs={"min": 1990, "max": 2100})
    )

    class Meta:
        model = Initiative
        fields = ["q", "pillar", "status", "province", "organisation", "year"]

    def search(self, queryset: QuerySet[Initiative], name: str, value: str) -> QuerySet[Initiative]:
        return accent_insensitive_search(queryset, value, SEARCH_FIELDS)

    def with_organisation(
        self, queryset: QuerySet[Initiative], name: str, value: Organisation
    ) -> QuerySet[Initiative]:
        return queryset.filter(pk__in=value.initiative_partnerships.values("initiative_id"))

    def in_year(self, queryset: InitiativeQuerySet, name: str, value: Decimal) -> QuerySet[Initiative]:
        # The range is checked on the decimal first: int() of "1e999999999" would build a number
        # with a billion digits and hold the request for minutes.
        if not 1900 <= value <= 2200:
            return queryset.none()
        year = int(value)
        return queryset.running(start=date(year, 1, 1), end=date(year, 12, 31))


class ApprovalFilter(django_filters.FilterSet):
    """Narrows the updates waiting for approval. The search looks in the initiative's title,
    acronym and place and in the organisation reported for, whose folded text is stored: folding
    indicator titles while searching took seconds over the 30,000 updates waiting at national
    scale. The organisation and the initiative are chosen by slug and the cycle by id, read
    without checking that they exist: a value that names nothing leaves the queue empty."""

    q = django_filters.CharFilter(label=_("Search"), method="search", max_length=200)
    pillar = PublishedPillarFilter(method="of_pillar")
    organisation = django_filters.CharFilter(
        label=_("Organisation"), field_name="organisation__slug", max_length=100
    )
    initiative = django_filters.CharFilter(
        label=_("Initiative"), field_name="period__indicator__result__initiative__slug", max_length=100
    )
    cycle = django_filters.CharFilter(label=_("Reporting cycle"), method="in_cycle", max_length=20)

    class Meta:
        model = IndicatorUpdate
        fields = ["q", "pillar", "organisation", "initiative", "cycle"]

    def search(self, queryset: QuerySet[IndicatorUpdate], name: str, value: str) -> QuerySet[IndicatorUpdate]:
        # Each word in the initiative or the organisation, matched on those tables alone: no
        # join to fold and no DISTINCT over the updates waiting.
        for term in search_terms(value):
            initiatives = accent_insensitive_search(Initiative.objects.all(), term, ["search_text"])
            organisations = accent_insensitive_search(Organisation.objects.all(), term, ["search_text"])
            queryset = queryset.filter(
                Q(period__indicator__result__initiative__in=initiatives.values("pk"))
                | Q(organisation__in=organisations.values("pk"))
            )
        return queryset

    def of_pillar(self, queryset: QuerySet[IndicatorUpdate], name: str, value) -> QuerySet[IndicatorUpdate]:
        initiatives = Initiative.pillars.through.objects.filter(pillar=value).values("initiative_id")
        return queryset.filter(period__indicator__result__initiative__in=initiatives)

    def in_cycle(
        self, queryset: QuerySet[IndicatorUpdate], name: str, value: str
    ) -> QuerySet[IndicatorUpdate]:
        cycle = whole_number(value)
        periods = cycle_periods(cycle) if cycle is not None else None
        if periods is None:
            return queryset.none()
        return queryset.filter(period__in=periods)
