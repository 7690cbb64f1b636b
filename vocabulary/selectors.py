"""Reads of the shared vocabulary that the feature apps' selectors build on."""

from django.db.models import Count, F, QuerySet
from django.db.models.functions import Coalesce

from .models import Pillar, Province


def count_by_current_province(queryset: QuerySet, path: str = "province") -> dict[str, int]:
    """How many rows of ``queryset`` each current province holds, by code, in one grouped query:
    a row in a former province counts in its successor, and once however many of its provinces
    merged into the same one."""
    current = Coalesce(F(f"{path}__successor__code"), F(f"{path}__code"))
    # A row's one province needs no distinct count, which sorts every row at national scale.
    many = queryset.model._meta.get_field(path).many_to_many
    counts = (
        queryset.annotate(current_province=current)
        .values_list("current_province")
        .annotate(n=Count("pk", distinct=many))
        .order_by()
    )
    return {code: n for code, n in counts if code is not None}


def pillar_choices() -> list[tuple[str, str]]:
    """The published pillars as a filter's options: (code, name)."""
    return [(pillar.code, pillar.name) for pillar in Pillar.objects.published()]


def province_choices() -> list[tuple[str, str]]:
    """The current provinces as a filter's options: (code, name)."""
    return [(province.code, province.name) for province in Province.objects.current()]
