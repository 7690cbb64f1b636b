"""Filters of the public initiatives list."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.search import accent_insensitive_search
from members.models import Organisation
from vocabulary.filters import CurrentProvinceFilter, PublishedPillarFilter

from .models import Initiative

SEARCH_FIELDS = ["search_text"]


class InitiativeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search", max_length=200)
    pillar = PublishedPillarFilter(field_name="pillars", distinct=True)
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Initiative.Status.choices, empty_label=_("Any status")
    )
    province = CurrentProvinceFilter(field_name="provinces")
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation"),
        to_field_name="slug",
        queryset=Organisation.objects.filter(is_published=True),
        method="with_organisation",
        empty_label=_("All organisations"),
    )
    year = django_filters.NumberFilter(
        label=_("Year"), method="in_year", widget=forms.NumberInput(attrs={"min": 1990, "max": 2100})
    )

    class Meta:
        model = Initiative
        fields = ["q", "pillar", "status", "province", "organisation", "year"]

    def search(self, queryset, name, value):
        return accent_insensitive_search(queryset, value, SEARCH_FIELDS)

    def with_organisation(self, queryset, name, value):
        return queryset.filter(pk__in=value.initiative_partnerships.values("initiative_id"))

    def in_year(self, queryset, name, value):
        # Running at some point of the year: started by its end and not ended before it began.
        # The range is checked on the decimal first: int() of "1e999999999" would build a number
        # with a billion digits and hold the request for minutes.
        if not 1900 <= value <= 2200:
            return queryset.none()
        year = int(value)
        return queryset.filter(
            Q(start__year__lte=year) | Q(start__isnull=True), Q(end__year__gte=year) | Q(end__isnull=True)
        )
