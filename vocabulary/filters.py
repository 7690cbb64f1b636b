"""The pillar and province filters every public list shares (events, initiatives, members)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from .models import Pillar, Province, in_province


class PublishedPillarFilter(django_filters.ModelChoiceFilter):
    """One of the published pillars, chosen by code. Say where the pillar is with
    ``field_name`` (and ``distinct=True`` across a many-to-many) or with ``method``."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Pillar"))
        kwargs.setdefault("empty_label", _("All pillars"))
        super().__init__(to_field_name="code", queryset=Pillar.objects.published(), **kwargs)


class CurrentProvinceFilter(django_filters.ModelChoiceFilter):
    """One of today's provinces, chosen by code: rows recorded under a former province merged
    into it count too. ``field_name`` names the row's province field or many-to-many."""

    def __init__(self, field_name: str = "province", **kwargs):
        kwargs.setdefault("label", _("Province"))
        kwargs.setdefault("empty_label", _("All provinces"))
        super().__init__(
            field_name=field_name, to_field_name="code", queryset=Province.objects.current(), **kwargs
        )

    def filter(self, qs, value):
        if not value:
            return qs
        rule = in_province(value, self.field_name)
        if qs.model._meta.get_field(self.field_name).many_to_many:
            # Through a subquery, so a row in two matching provinces is listed once.
            return qs.filter(pk__in=qs.model._default_manager.filter(rule).values("pk"))
        return qs.filter(rule)
