"""Facets of the public lists: for each filter, how many rows each of its options would show
given the other filters, and the one shape every list's filter form draws them in
(``templates/core/fragment_facet.html``)."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.utils.text import capfirst
from django_filters import FilterSet


def filtered_without(filterset_class: type[FilterSet], data: dict, queryset: QuerySet, name: str) -> QuerySet:
    """The rows the other filters leave: an option's count must not depend on the option chosen."""
    kept = {key: value for key, value in data.items() if key not in (name, "page")}
    return filterset_class(kept or None, queryset=queryset).qs


def count_by(queryset: QuerySet, path: str, *, distinct: bool = False) -> dict:
    """How many rows have each value of ``path``, in one grouped query. Across a many-to-many
    path a row counts once per value (``distinct``). Rows without a value are left out here,
    not by another filter: across a many-to-many path that would join its table a second time."""
    counts = queryset.values_list(path).annotate(n=Count("pk", distinct=distinct)).order_by()
    return {value: n for value, n in counts if value is not None}


def count_linked(links: QuerySet, *, row: str, rows: QuerySet, path: str, distinct: bool = False) -> dict:
    """How many of ``rows`` each value of ``path`` has, counted on the table of ``links`` (whose
    ``row`` points at them) rather than by joining it to the rows: a list's table is wide, its
    links are narrow. ``distinct`` where a row can link to the same value twice."""
    counts = (
        links.filter(**{f"{row}__in": rows.values("pk")})
        .values_list(path)
        .annotate(n=Count(row, distinct=distinct))
        .order_by()
    )
    return {value: n for value, n in counts if value is not None}


def capitalised(choices: Iterable[tuple[object, str]]) -> list[tuple[object, str]]:
    """Choices whose labels are written in lower case, as options that start a line."""
    return [(value, capfirst(label)) for value, label in choices]


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int | None
    selected: bool


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    any_label: str
    options: list[Option]


def facets_of(form, counts: dict[str, dict]) -> Callable[..., Facet]:
    """Builds the ``<select>`` of a list's filter: ``any_label`` first, then each ``(value, label)``
    choice, marked selected as the bound ``form`` says, with how many rows it would show by
    ``counts[name]`` (none shown for a filter without counts)."""

    def build(name: str, label: str, any_label: str, choices: Iterable[tuple[object, str]]) -> Facet:
        value = form[name].value()
        chosen = "" if value is None else str(value)
        counted = counts.get(name)
        return Facet(
            name=name,
            label=label,
            any_label=any_label,
            options=[
                Option(
                    value=str(choice),
                    label=str(text),
                    count=None if counted is None else counted.get(choice, 0),
                    selected=str(choice) == chosen,
                )
                for choice, text in choices
            ],
        )

    return build
