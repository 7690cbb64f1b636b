"""The indicator values export's rows: every approved update of a reporting period as a flat,
translated row, streamed in keyset pages so that half a million rows take constant memory."""

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db.models import Case, CharField, F, Value, When
from django.db.models.expressions import Expression
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language

from vocabulary.models import Pillar

from ..models import Initiative, UpdateDisaggregation
from .approved import approved_updates
from .public import initiative_public_queryset
from .reporting import sex_values


@dataclass(frozen=True, slots=True)
class IndicatorValueRow:
    """One approved update as the indicator values export shows it: no person, only the
    organisation it was reported for (when that organisation is published)."""

    initiative: str
    pillars: str
    result: str
    indicator: str
    measure: str
    unit: str
    network_indicator: str
    cumulative: bool
    period_start: date
    period_end: date
    reported_on: date
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    parts: dict[int, Decimal]  # sex dimension value id → amount
    organisation: str


def localised(path: str) -> Expression:
    """A bilingual field in the active language, or in the fallback language where it has no
    translation: what modeltranslation gives on instances, which ``values()`` across relations
    does not."""
    fallback = settings.MODELTRANSLATION_FALLBACK_LANGUAGES[0]
    language = (get_language() or fallback).split("-")[0]
    if language == fallback or language not in dict(settings.LANGUAGES):
        return F(f"{path}_{fallback}")
    return Coalesce(
        NullIf(F(f"{path}_{language}"), Value("")), F(f"{path}_{fallback}"), output_field=CharField()
    )


def indicator_value_rows(
    *, start: date, end: date, pillar: Pillar | None = None, chunk_size: int = 2000
) -> Iterator[IndicatorValueRow]:
    """Every approved update of the published initiatives (of one pillar, if given) dated in the
    period, in the order they were entered.

    Read in keyset pages on the primary key (``pk > last`` … ``LIMIT chunk_size``): every page
    is the same small query however far the export has got, memory holds one page, and rows
    added while the export runs never shift a page. Each page takes three queries: the updates
    with their initiative, result and indicator, their sex disaggregations, and the pillars of
    initiatives not seen before.
    """
    initiative = "period__indicator__result__initiative"
    updates = approved_updates().filter(
        reported_on__range=(start, end), **{f"{initiative}__in": initiative_public_queryset()}
    )
    if pillar is not None:
        updates = updates.filter(**{f"{initiative}__pillars": pillar})
    updates = (
        updates.annotate(
            initiative_title=localised(f"{initiative}__title"),
            result_title=localised("period__indicator__result__title"),
            indicator_title=localised("period__indicator__title"),
            indicator_unit=localised("period__indicator__unit"),
            network_name=localised("period__indicator__network_indicator__name"),
            organisation_name=Case(
                When(organisation__is_published=True, then=localised("organisation__name")),
                default=Value(""),
                output_field=CharField(),
            ),
        )
        .values_list(
            "pk",
            f"{initiative}_id",
            "initiative_title",
            "result_title",
            "indicator_title",
            "period__indicator__measure",
            "indicator_unit",
            "network_name",
            "period__indicator__cumulative",
            "period__start",
            "period__end",
            "reported_on",
            "value",
            "numerator",
            "denominator",
            "organisation_name",
        )
        .order_by("pk")
    )
    sexes = [value.pk for value in sex_values()]
    pillar_names = {p.pk: p.name for p in Pillar.objects.published().order_by("order", "code")}
    pillars_of: dict[int, str] = {}  # one short string per initiative, not per row
    last = 0
    while page := list(updates.filter(pk__gt=last)[:chunk_size]):
        last = page[-1][0]
        parts: dict[int, dict[int, Decimal]] = defaultdict(dict)
        for update_id, value_id, amount in UpdateDisaggregation.objects.filter(
            update_id__in=[row[0] for row in page], dimension_value_id__in=sexes
        ).values_list("update_id", "dimension_value_id", "value"):
            parts[update_id][value_id] = amount
        unseen = {row[1] for row in page} - pillars_of.keys()
        if unseen:
            names: dict[int, list[str]] = defaultdict(list)
            for initiative_id, pillar_id in (
                Initiative.pillars.through.objects.filter(
                    initiative_id__in=unseen, pillar_id__in=pillar_names
                )
                .order_by("pillar__order", "pillar__code")
                .values_list("initiative_id", "pillar_id")
            ):
                names[initiative_id].append(pillar_names[pillar_id])
            pillars_of.update({pk: "; ".join(names.get(pk, ())) for pk in unseen})
        for (
            pk,
            initiative_id,
            initiative_title,
            result_title,
            indicator_title,
            measure,
            unit,
            network_name,
            cumulative,
            period_start,
            period_end,
            reported_on,
            value,
            numerator,
            denominator,
            organisation_name,
        ) in page:
            yield IndicatorValueRow(
                initiative=initiative_title,
                pillars=pillars_of[initiative_id],
                result=result_title,
                indicator=indicator_title,
                measure=measure,
                unit=unit or "",
                network_indicator=network_name or "",
                cumulative=cumulative,
                period_start=period_start,
                period_end=period_end,
                reported_on=reported_on,
                value=value,
                numerator=numerator,
                denominator=denominator,
                parts=parts.get(pk, {}),
                organisation=organisation_name or "",
            )
