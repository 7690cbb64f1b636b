"""Demo data: the technical groups of the NPAP 2024 plan's pillars (Decision 538/QĐ-BTNMT), the
network indicator catalogue, and CECR's initiatives with the results its 2022 annual report gives
(document 002 in the shared seeds). Figures are the documents' own; where the documents give no
target or no split by sex, none is recorded. The pillars and the sex dimension are reference data
(initiatives.reference), loaded before this."""

from datetime import date
from decimal import Decimal

from django.db import transaction

from members.models import Organisation
from vocabulary.models import Pillar, Province, TechnicalGroup

from .demo_data import INITIATIVES, NETWORK_INDICATORS, TECHNICAL_GROUPS
from .figures import year_figures_refresh
from .models import (
    DimensionValue,
    Indicator,
    IndicatorUpdate,
    Initiative,
    InitiativePartner,
    NetworkIndicator,
    Period,
    PeriodTarget,
    Result,
    UpdateDisaggregation,
)


def load_catalogue() -> None:
    """The network indicators and the pillars' technical groups, where missing."""
    for order, row in enumerate(NETWORK_INDICATORS, start=1):
        NetworkIndicator.objects.get_or_create(code=row["code"], defaults={**row, "order": order})
    pillars = {p.code: p for p in Pillar.objects.all()}
    for order, (pillar_code, name_vi, name_en) in enumerate(TECHNICAL_GROUPS, start=1):
        if pillar_code in pillars:
            TechnicalGroup.objects.get_or_create(
                pillar=pillars[pillar_code], name_vi=name_vi, defaults={"name_en": name_en, "order": order}
            )


def _day(value: str) -> date:
    return date.fromisoformat(value)


def load_initiative(row: dict) -> bool:
    """Create one initiative with its partners and results; an existing one is left alone, so a
    coordinator's edits survive a second run."""
    if Initiative.objects.filter(slug=row["slug"]).exists():
        return False
    initiative = Initiative.objects.create(
        slug=row["slug"],
        acronym=row.get("acronym", ""),
        title_vi=row["title_vi"],
        title_en=row["title_en"],
        summary_vi=row["summary_vi"],
        summary_en=row["summary_en"],
        objectives_vi=row.get("objectives_vi", ""),
        objectives_en=row.get("objectives_en", ""),
        status=row["status"],
        start=_day(row["start"]),
        end=_day(row["end"]),
        location_detail=row.get("location_detail", ""),
        is_published=True,
    )
    initiative.provinces.set(Province.objects.filter(code__in=row["provinces"]))
    initiative.pillars.set(Pillar.objects.filter(code__in=row["pillars"]))
    organisations = {o.slug: o for o in Organisation.objects.filter(slug__in=[s for s, _ in row["partners"]])}
    for slug, role in row["partners"]:
        if slug in organisations:
            InitiativePartner.objects.create(
                initiative=initiative, organisation=organisations[slug], role=role
            )
    network = {n.code: n for n in NetworkIndicator.objects.all()}
    sex = {v.code: v for v in DimensionValue.objects.filter(dimension__code="sex")}
    for result_order, result_row in enumerate(row["results"], start=1):
        result = Result.objects.create(
            initiative=initiative,
            type=result_row["type"],
            title_vi=result_row["title_vi"],
            title_en=result_row["title_en"],
            order=result_order,
        )
        for indicator_order, ind in enumerate(result_row["indicators"], start=1):
            linked = network.get(ind.get("network", ""))
            indicator = Indicator.objects.create(
                result=result,
                title_vi=ind["title_vi"],
                title_en=ind["title_en"],
                measure=ind.get("measure", "quantitative"),
                unit_vi=ind.get("unit_vi", ""),
                unit_en=ind.get("unit_en", ""),
                cumulative=linked.cumulative if linked else ind.get("cumulative", False),
                network_indicator=linked,
                order=indicator_order,
            )
            for per in ind["periods"]:
                period = Period.objects.create(
                    indicator=indicator,
                    start=_day(per["start"]),
                    end=_day(per["end"]),
                    target_value=per.get("target"),
                    locked=True,  # reported and closed in the annual report
                )
                for code, amount in per.get("target_sex", {}).items():
                    PeriodTarget.objects.create(
                        period=period, dimension_value=sex[code], value=Decimal(amount)
                    )
                update = IndicatorUpdate.objects.create(
                    period=period,
                    organisation=organisations.get("cecr"),
                    reported_on=_day(per["on"]),
                    value=per.get("value"),
                    numerator=per.get("numerator"),
                    denominator=per.get("denominator"),
                    narrative=per.get("narrative", ""),
                    status=IndicatorUpdate.Status.APPROVED,
                )
                for code, amount in per.get("sex", {}).items():
                    UpdateDisaggregation.objects.create(
                        update=update, dimension_value=sex[code], value=Decimal(amount)
                    )
    return True


@transaction.atomic
def load() -> dict[str, int]:
    """Initiatives name their partners: runs after the member directory's demo."""
    load_catalogue()
    created = sum(load_initiative(row) for row in INITIATIVES)
    # The updates above are written as approved, past the approval service: their network
    # figures are worked out here.
    year_figures_refresh(
        indicator_ids=Indicator.objects.filter(
            result__initiative__slug__in=[row["slug"] for row in INITIATIVES]
        ).values_list("pk", flat=True)
    )
    return {"initiatives": created}
