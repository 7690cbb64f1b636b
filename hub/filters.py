"""Filters of the knowledge hub's list. The same values choose the published reports listed
beside the resources (see ``selectors.hub_list``)."""

import django_filters
from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from members.filters import search_with_organisations
from vocabulary.filters import CurrentProvinceFilter, PublishedPillarFilter
from vocabulary.models import TechnicalGroup

from .models import Resource, ResourceOrganisation

FIRST_YEAR, LAST_YEAR = 1950, 2100
# Published reports of the reports app are listed among the resources as one more kind.
REPORT = "report"
KIND_CHOICES = [*Resource.Kind.choices, (REPORT, _("report of the network"))]


class ResourceFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search", max_length=200)
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=KIND_CHOICES, method="of_kind", empty_label=_("All kinds")
    )
    pillar = PublishedPillarFilter(method="in_pillar")
    group = django_filters.ModelChoiceFilter(
        label=_("Technical group"),
        queryset=TechnicalGroup.objects.filter(pillar__is_published=True),
        method="in_group",
        empty_label=_("All groups"),
    )
    year = django_filters.NumberFilter(
        label=_("Year"),
        method="in_year",
        widget=forms.NumberInput(attrs={"min": FIRST_YEAR, "max": LAST_YEAR}),
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=settings.LANGUAGES, empty_label=_("Any language")
    )
    province = CurrentProvinceFilter(field_name="provinces")

    class Meta:
        model = Resource
        fields = ["q", "kind", "pillar", "group", "year", "language", "province"]

    # Filters across many-to-many relations use subqueries, so a row is never repeated and the
    # list's own query needs no DISTINCT, which the paginator's count and the facets would pay for.
    def search(self, queryset: QuerySet[Resource], name: str, value: str) -> QuerySet[Resource]:
        """Every word in the resource's titles, summaries or story, or in the name of one of its
        organisations."""
        return search_with_organisations(
            queryset, value, ResourceOrganisation.objects.all(), row="resource_id"
        )

    def of_kind(self, queryset: QuerySet[Resource], name: str, value: str) -> QuerySet[Resource]:
        if value == REPORT:
            return queryset.none()
        return queryset.filter(kind=value)

    def in_pillar(self, queryset, name, value):
        return queryset.filter(
            pk__in=Resource.pillars.through.objects.filter(pillar=value).values("resource_id")
        )

    def in_group(self, queryset, name, value):
        return queryset.filter(
            pk__in=Resource.technical_groups.through.objects.filter(technicalgroup=value).values(
                "resource_id"
            )
        )

    def in_year(self, queryset, name, value):
        # Out-of-range years are "nothing that year" rather than an error page.
        if value is None or not FIRST_YEAR <= value <= LAST_YEAR:
            return queryset.none()
        return queryset.filter(year=int(value))

    def valid_values(self) -> dict:
        """The filters' valid values: invalid parameters are ignored like absent ones."""
        if not self.is_bound:
            return {}
        self.form.errors  # noqa: B018 - validates the form, filling cleaned_data
        return {key: value for key, value in self.form.cleaned_data.items() if value not in (None, "")}
