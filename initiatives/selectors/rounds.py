"""Reads a round of reporting builds on: which initiatives report in it, how far the report of
an indicator period has got, who reports for an initiative, and an initiative's row on the
coordinators' dashboard."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import (
    Case,
    Count,
    IntegerChoices,
    IntegerField,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from core.search import accent_insensitive_search
from vocabulary.models import Pillar

from ..models import Indicator, IndicatorUpdate, Initiative, InitiativePartner, Period
from .values import localised


class PeriodState(IntegerChoices):
    """How far the report of one indicator period has got, from its updates: the furthest any
    of them has gone. Ordered, so "at least submitted" is a comparison."""

    NOT_STARTED = 0, _("not started")
    DRAFT = 1, _("draft")
    RETURNED = 2, _("returned")
    SUBMITTED = 3, _("submitted")
    APPROVED = 4, _("approved")


# An update proposed from recorded attendance, which its reporter checks before submitting.
ATTENDANCE = IndicatorUpdate.Source.ATTENDANCE


def period_state(period: str = "period") -> Coalesce:
    """An annotation of :class:`PeriodState` for rows whose field ``period`` points at a period:
    the furthest state of its updates, read from the (period, status) index. One lookup a row,
    where a test of each state in turn would take four."""
    Status = IndicatorUpdate.Status
    furthest = (
        IndicatorUpdate.objects.filter(period=OuterRef(period))
        .annotate(
            reached=Case(
                When(status=Status.APPROVED, then=Value(PeriodState.APPROVED)),
                When(status=Status.SUBMITTED, then=Value(PeriodState.SUBMITTED)),
                When(status=Status.RETURNED, then=Value(PeriodState.RETURNED)),
                When(status=Status.DRAFT, then=Value(PeriodState.DRAFT)),
                default=Value(PeriodState.NOT_STARTED),
                output_field=IntegerField(),
            )
        )
        .order_by("-reached")
        .values("reached")[:1]
    )
    return Coalesce(Subquery(furthest), Value(PeriodState.NOT_STARTED), output_field=IntegerField())


def editable_update(period: str = "period") -> dict[str, Subquery]:
    """Annotations of the latest draft or returned update of the period, which its reporter
    carries on with instead of starting another: ``carry_on`` (its id) and ``carry_on_source``."""
    latest = IndicatorUpdate.objects.filter(
        period=OuterRef(period),
        status__in=[IndicatorUpdate.Status.DRAFT, IndicatorUpdate.Status.RETURNED],
    ).order_by("-pk")
    return {
        "carry_on": Subquery(latest.values("pk")[:1]),
        "carry_on_source": Subquery(latest.values("source")[:1]),
    }


def initiatives_in_scope(
    *,
    start: date,
    end: date,
    all_active: bool,
    pillar_ids: Iterable[int],
    programme_ids: Iterable[int],
    initiative_ids: Iterable[int],
) -> QuerySet[Initiative]:
    """The initiatives a round covering ``start``–``end`` asks to report: every one running then
    (``all_active``), those of some pillars or programmes running then, and those chosen one by
    one whatever their dates. Cancelled initiatives report nothing, published or not."""
    running = Initiative.objects.running(start=start, end=end)
    chosen = Q(pk__in=list(initiative_ids))
    if all_active:
        chosen |= Q(pk__in=running.values("pk"))
    pillar_ids, programme_ids = list(pillar_ids), list(programme_ids)
    if pillar_ids:
        chosen |= Q(pk__in=running.filter(pillars__in=pillar_ids).values("pk"))
    if programme_ids:
        chosen |= Q(pk__in=running.filter(Q(parent__in=programme_ids) | Q(pk__in=programme_ids)).values("pk"))
    return Initiative.objects.filter(chosen).exclude(status=Initiative.Status.CANCELLED)


def indicators_of(*, initiatives: QuerySet[Initiative]) -> list[tuple[int, int]]:
    """(indicator id, initiative id) of every indicator of ``initiatives``."""
    return list(
        Indicator.objects.filter(result__initiative__in=initiatives).values_list(
            "pk", "result__initiative_id"
        )
    )


def periods_within(*, indicator_ids: Iterable[int], start: date, end: date) -> list[tuple[int, int]]:
    """(period id, indicator id) of the indicators' periods that lie within ``start``–``end``."""
    return list(
        Period.objects.filter(indicator__in=list(indicator_ids), start__gte=start, end__lte=end).values_list(
            "pk", "indicator_id"
        )
    )


# Funders pay for an initiative; the organisations that carry it out report its results.
REPORTING_ROLES = [
    InitiativePartner.Role.ACCOUNTABLE,
    InitiativePartner.Role.IMPLEMENTING,
    InitiativePartner.Role.PARTNER,
]


def reporting_partners(*, initiative_ids: Iterable[int]) -> list[tuple[int, int]]:
    """(initiative id, organisation id) of the organisations that report each initiative."""
    return list(
        InitiativePartner.objects.filter(initiative__in=list(initiative_ids), role__in=REPORTING_ROLES)
        .values_list("initiative_id", "organisation_id")
        .distinct()
    )


def _ids(ids: Iterable[int] | QuerySet) -> list[int] | QuerySet:
    # Given as a query (of ids), the rows are chosen in the database instead of in a list of
    # thousands sent with the query.
    return ids if isinstance(ids, QuerySet) else list(ids)


def initiatives_reported_by(*, organisation_ids: Iterable[int] | QuerySet) -> QuerySet[Initiative]:
    """Initiatives one of the organisations reports (not only funds). Given as a query, the
    organisations are chosen in the database: a coordinator's are all of them."""
    return Initiative.objects.filter(
        pk__in=InitiativePartner.objects.filter(
            organisation__in=_ids(organisation_ids),
            role__in=REPORTING_ROLES,
        ).values("initiative_id")
    )


@dataclass
class Named:
    """An organisation or a pillar as a row names it."""

    pk: int
    name: str
    acronym: str = ""
    code: str = ""


@dataclass
class InitiativeRow:
    """An initiative as a dashboard row names it."""

    pk: int
    title: str
    slug: str
    reporters: list[Named] = field(default_factory=list)
    published_pillars: list[Named] = field(default_factory=list)


def initiative_reporters(*, initiative_ids: Iterable[int] | QuerySet) -> dict[int, list[Named]]:
    """Initiative id → the organisations that report it (the lead first), in the active
    language, each organisation named once however many initiatives it reports. One query."""
    organisations: dict[int, Named] = {}
    reporters: dict[int, list[Named]] = {}
    rows = (
        InitiativePartner.objects.filter(initiative__in=_ids(initiative_ids), role__in=REPORTING_ROLES)
        .annotate(name=localised("organisation__name"))
        .order_by("initiative_id", "role", "organisation__name_vi")
        .values_list("initiative_id", "organisation_id", "name", "organisation__acronym")
    )
    for initiative_id, organisation_id, name, acronym in rows:
        if organisation_id not in organisations:
            organisations[organisation_id] = Named(pk=organisation_id, name=name, acronym=acronym)
        reporters.setdefault(initiative_id, []).append(organisations[organisation_id])
    return reporters


def initiative_published_pillars(*, initiative_ids: Iterable[int] | QuerySet) -> dict[int, list[Named]]:
    """Initiative id → its published pillars, in their order, in the active language. Two queries."""
    pillars = {
        pillar.pk: Named(pk=pillar.pk, name=pillar.name, code=pillar.code)
        for pillar in Pillar.objects.published().only("pk", "code", "name_vi", "name_en")
    }
    links = (
        Initiative.pillars.through.objects.filter(
            initiative__in=_ids(initiative_ids), pillar__in=list(pillars)
        )
        .order_by("initiative_id", "pillar__order", "pillar__code")
        .values_list("initiative_id", "pillar_id")
    )
    published: dict[int, list[Named]] = {}
    for initiative_id, pillar_id in links:
        published.setdefault(initiative_id, []).append(pillars[pillar_id])
    return published


def initiatives_for_rows(*, initiative_ids: Iterable[int] | QuerySet) -> dict[int, InitiativeRow]:
    """The initiatives by id, with what a dashboard row shows: the organisations that report
    them (the lead first) and their published pillars, in the active language. Four queries
    however many.

    A cycle's dashboard holds every initiative of the network: the rows are read as plain
    values, without model instances, and each organisation is named once."""
    ids = _ids(initiative_ids)
    reporters = initiative_reporters(initiative_ids=ids)
    pillars = initiative_published_pillars(initiative_ids=ids)
    return {
        pk: InitiativeRow(
            pk=pk,
            title=title,
            slug=slug,
            reporters=reporters.get(pk, []),
            published_pillars=pillars.get(pk, []),
        )
        for pk, title, slug in Initiative.objects.filter(pk__in=ids)
        .annotate(label=localised("title"))
        .values_list("pk", "label", "slug")
    }


def initiative_titles(*, initiative_ids: Iterable[int] | QuerySet) -> dict[int, str]:
    """Initiative id → its title in the active language. One query."""
    return dict(
        Initiative.objects.filter(pk__in=_ids(initiative_ids))
        .annotate(label=localised("title"))
        .values_list("pk", "label")
    )


def initiatives_matching(*, initiatives: QuerySet, q: str) -> QuerySet[Initiative]:
    """Those of ``initiatives`` (a query of ids) whose title, acronym or place, or one of whose
    partners' names, hold every word of ``q``, ignoring diacritics."""
    return accent_insensitive_search(
        Initiative.objects.filter(pk__in=initiatives),
        q,
        ["search_text", "partners__organisation__search_text"],
    )


def approvals_waiting() -> tuple[int, object]:
    """How many updates wait for a results approver, and when the oldest was submitted."""
    waiting = IndicatorUpdate.objects.filter(status=IndicatorUpdate.Status.SUBMITTED).aggregate(
        count=Count("pk"), oldest=Min("submitted_at")
    )
    return waiting["count"], waiting["oldest"]


def lead_organisation(*, initiative_id: int):
    """The organisation accountable for the initiative (else another that reports it), which a
    figure proposed for it is reported for."""
    partner = (
        InitiativePartner.objects.filter(initiative=initiative_id, role__in=REPORTING_ROLES)
        .select_related("organisation")
        .order_by(
            Case(When(role=InitiativePartner.Role.ACCOUNTABLE, then=Value(0)), default=Value(1)),
            "pk",
        )
        .first()
    )
    return partner.organisation if partner else None
