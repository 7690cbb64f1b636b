"""Filters of the public initiatives list."""

from datetime import date
from decimal import Decimal

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from core.search import accent_insensitive_search
from members.filters import PublishedOrganisationFilter
from members.models import Organisation
from vocabulary.filters import CurrentProvinceFilter, PublishedPillarFilter

from .models import Initiative, InitiativeQuerySet

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
