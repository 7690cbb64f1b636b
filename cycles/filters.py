"""Filters of the coordinators' cycle dashboard."""

import django_filters
from django.utils.translation import gettext_lazy as _

from core.params import whole_number
from initiatives.selectors.rounds import initiatives_matching, initiatives_reported_by
from vocabulary.filters import PublishedPillarFilter

from .models import DuePeriod, ReportingCycle


class DashboardFilter(django_filters.FilterSet):
    """Narrows a cycle's periods due by their initiative. ``standing`` is read by the dashboard
    once the rows are counted, since it is computed from the updates."""

    q = django_filters.CharFilter(label=_("Search"), method="search", max_length=200)
    pillar = PublishedPillarFilter(field_name="initiative__pillars")
    organisation = django_filters.CharFilter(label=_("Organisation"), method="of_organisation", max_length=20)
    standing = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=ReportingCycle.Standing.choices,
        empty_label=_("Any status"),
        method="counted_later",
    )

    class Meta:
        model = DuePeriod
        fields = ["q", "pillar", "organisation", "standing"]

    def search(self, queryset, name, value):
        matching = initiatives_matching(initiatives=queryset.values("initiative"), q=value)
        return queryset.filter(initiative__in=matching.values("pk"))

    def of_organisation(self, queryset, name, value):
        organisation = whole_number(value)
        if organisation is None:
            return queryset.none()
        return queryset.filter(
            initiative__in=initiatives_reported_by(organisation_ids=[organisation]).values("pk")
        )

    def counted_later(self, queryset, name, value):
        return queryset
