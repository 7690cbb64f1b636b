"""Reads of the reporting cycles: where each initiative stands, the coordinators' dashboard and
what a member editor has due. Where an initiative stands is computed from its updates every
time, never stored, so it cannot drift from what members have reported."""

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst

from initiatives.selectors.rounds import (
    ATTENDANCE,
    PeriodState,
    editable_update,
    initiatives_for_rows,
    initiatives_reported_by,
    period_state,
)
from members.selectors import organisations_editable_by

from .filters import DashboardFilter
from .models import DuePeriod, ReportingCycle

Standing = ReportingCycle.Standing
REPORTED = {Standing.SUBMITTED, Standing.APPROVED}
# Late only while the member still owes something: a submitted figure waits on the coordinators.
CAN_BE_LATE = {Standing.NOT_STARTED, Standing.DRAFT, Standing.RETURNED}


@dataclass(frozen=True)
class Progress:
    """How many of an initiative's periods due have got how far."""

    due: int
    approved: int = 0
    submitted: int = 0
    returned: int = 0
    draft: int = 0

    def standing(self, *, late: bool) -> str:
        if self.approved == self.due:
            standing = Standing.APPROVED
        elif self.approved + self.submitted == self.due:
            standing = Standing.SUBMITTED
        elif self.returned:
            standing = Standing.RETURNED
        elif self.approved + self.submitted + self.draft:
            standing = Standing.DRAFT
        else:
            standing = Standing.NOT_STARTED
        return Standing.OVERDUE if late and standing in CAN_BE_LATE else standing


def cycle_progress(
    *, cycle: ReportingCycle, initiative_ids: Iterable[int] | None = None
) -> dict[int, Progress]:
    """Initiative id → :class:`Progress` in ``cycle``: one grouped query however many."""
    rows = DuePeriod.objects.filter(cycle=cycle)
    if initiative_ids is not None:
        rows = rows.filter(initiative__in=initiative_ids)
    counted = (
        rows.annotate(state=period_state())
        .values("initiative")
        .annotate(
            due=Count("pk"),
            approved=Count("pk", filter=Q(state=PeriodState.APPROVED)),
            submitted=Count("pk", filter=Q(state=PeriodState.SUBMITTED)),
            returned=Count("pk", filter=Q(state=PeriodState.RETURNED)),
            draft=Count("pk", filter=Q(state=PeriodState.DRAFT)),
        )
        .order_by()
    )
    return {row.pop("initiative"): Progress(**row) for row in counted}


def cycle_standings(*, cycle: ReportingCycle, today: date | None = None) -> dict[int, str]:
    """Initiative id → where it stands in ``cycle``."""
    late = cycle.is_late(today)
    return {pk: progress.standing(late=late) for pk, progress in cycle_progress(cycle=cycle).items()}


@dataclass(frozen=True)
class Completeness:
    """ "18 of 24 initiatives reported": how many have submitted or had approved all that was due."""

    reported: int
    total: int
    by_standing: dict[str, int] = field(default_factory=dict)

    @property
    def percent(self) -> int:
        return round(100 * self.reported / self.total) if self.total else 0


def completeness(standings: Iterable[str]) -> Completeness:
    counts = Counter(standings)
    return Completeness(
        reported=sum(counts[s] for s in REPORTED), total=sum(counts.values()), by_standing=dict(counts)
    )


def cycles_listed() -> QuerySet[ReportingCycle]:
    return ReportingCycle.objects.order_by("-period_end", "-pk")


def cycle_get(*, pk: int) -> ReportingCycle | None:
    return ReportingCycle.objects.filter(pk=pk).first()


def cycle_covering(*, start: date, end: date) -> ReportingCycle | None:
    """The opened cycle that covers exactly this period (the one a report of it quotes)."""
    return (
        ReportingCycle.objects.filter(period_start=start, period_end=end)
        .exclude(status=ReportingCycle.Status.PLANNED)
        .order_by("-opened_at", "-pk")
        .first()
    )


# --- the coordinators' dashboard -----------------------------------------------------------------


@dataclass
class Row:
    """One initiative, organisation or pillar on the dashboard, with where it stands (an
    initiative) or how many of its initiatives stand where (an organisation, a pillar)."""

    label: str
    url: str
    standing: str = ""
    progress: Progress | None = None
    counts: Counter = field(default_factory=Counter)
    organisations: list = field(default_factory=list)
    pillars: list = field(default_factory=list)

    @property
    def summary(self) -> Completeness:
        return completeness(self.counts.elements())

    @property
    def standing_label(self) -> str:
        return Standing(self.standing).label if self.standing else ""


@dataclass
class Dashboard:
    cycle: ReportingCycle
    filter: DashboardFilter
    overall: Completeness
    initiatives: list[Row]
    organisations: list[Row]
    pillars: list[Row]


def cycle_dashboard(
    *, cycle: ReportingCycle, filters: dict | None = None, today: date | None = None
) -> Dashboard:
    """Every initiative due in ``cycle`` with where it stands, and the same counted by
    organisation and by pillar, narrowed by the :class:`DashboardFilter`. Its queries are few
    and fixed, however many initiatives the cycle covers."""
    today = today or timezone.localdate()
    dashboard_url = reverse("cycles:dashboard", kwargs={"pk": cycle.pk})
    filterset = DashboardFilter(filters or None, queryset=DuePeriod.objects.filter(cycle=cycle))
    chosen_initiatives = filterset.qs.values("initiative")
    progress = cycle_progress(cycle=cycle, initiative_ids=chosen_initiatives)
    initiatives = initiatives_for_rows(initiative_ids=chosen_initiatives)
    late = cycle.is_late(today)
    # One reverse for thousands of rows: only the slug differs.
    report_url = reverse("initiatives:report_initiative", kwargs={"slug": "-"}).removesuffix("-/")
    rows = [
        Row(
            label=initiatives[pk].title,
            url=f"{report_url}{initiatives[pk].slug}/",
            standing=counted.standing(late=late),
            progress=counted,
            organisations=initiatives[pk].reporters,
            pillars=initiatives[pk].published_pillars,
        )
        for pk, counted in progress.items()
    ]
    chosen = filterset.form.cleaned_data.get("standing") if filterset.is_valid() else ""
    if chosen:
        rows = [row for row in rows if row.standing == chosen]
    rows.sort(key=lambda row: row.label.casefold())
    by_organisation: dict[int, Row] = {}
    by_pillar: dict[int, Row] = {}
    for row in rows:
        for organisation in row.organisations:
            if organisation.pk not in by_organisation:
                # An id and a slug need no quoting: no urlencode for thousands of rows.
                url = f"{dashboard_url}?organisation={organisation.pk}"
                by_organisation[organisation.pk] = Row(label=organisation.name, url=url)
            by_organisation[organisation.pk].counts[row.standing] += 1
        for pillar in row.pillars:
            if pillar.pk not in by_pillar:
                url = f"{dashboard_url}?pillar={pillar.code}"
                by_pillar[pillar.pk] = Row(label=pillar.name, url=url)
            by_pillar[pillar.pk].counts[row.standing] += 1
    return Dashboard(
        cycle=cycle,
        filter=filterset,
        overall=completeness(row.standing for row in rows),
        initiatives=rows,
        organisations=sorted(by_organisation.values(), key=lambda row: row.label.casefold()),
        pillars=sorted(by_pillar.values(), key=lambda row: row.label.casefold()),
    )


# --- what a member editor has due ----------------------------------------------------------------


@dataclass
class DueItem:
    cycle: ReportingCycle
    initiative: object
    standing: str
    periods: list[DuePeriod]

    @property
    def standing_label(self) -> str:
        return Standing(self.standing).label


def due_for_user(*, user: AbstractBaseUser, today: date | None = None) -> list[DueItem]:
    """What the organisations ``user`` edits have to report in the open cycles: per initiative,
    where it stands and each period due with how far its report has got and the update to carry
    on with. Three queries."""
    if not user.is_authenticated:
        return []
    today = today or timezone.localdate()
    reported = initiatives_reported_by(
        organisation_ids=organisations_editable_by(user=user).values_list("pk", flat=True)
    )
    due = list(
        DuePeriod.objects.filter(cycle__status=ReportingCycle.Status.OPEN, initiative__in=reported)
        .select_related("cycle", "initiative", "period__indicator")
        .annotate(state=period_state(), **editable_update())
        .order_by(
            "cycle__due_on",
            "cycle_id",
            "initiative__title_vi",
            "initiative_id",
            "period__indicator__order",
            "period__indicator_id",
            "period__start",
        )
    )
    grouped: dict[tuple[int, int], list[DuePeriod]] = defaultdict(list)
    for row in due:
        row.state_label = PeriodState(row.state).label
        row.proposed = row.carry_on_source == ATTENDANCE
        # A period already submitted waits on the coordinators; a locked one takes nothing more.
        row.can_report = row.state < PeriodState.SUBMITTED and not row.period.locked
        grouped[row.cycle_id, row.initiative_id].append(row)
    items = []
    for rows in grouped.values():
        counts = Counter(row.state for row in rows)
        progress = Progress(
            due=len(rows),
            approved=counts[PeriodState.APPROVED],
            submitted=counts[PeriodState.SUBMITTED],
            returned=counts[PeriodState.RETURNED],
            draft=counts[PeriodState.DRAFT],
        )
        cycle = rows[0].cycle
        items.append(
            DueItem(
                cycle=cycle,
                initiative=rows[0].initiative,
                standing=progress.standing(late=cycle.is_late(today)),
                periods=rows,
            )
        )
    return items


def cycles_completeness(
    *, cycles: list[ReportingCycle], today: date | None = None
) -> dict[int, Completeness]:
    """Cycle id → how many of its initiatives have reported: one query per cycle shown."""
    return {
        cycle.pk: completeness(cycle_standings(cycle=cycle, today=today).values())
        for cycle in cycles
        if cycle.status != ReportingCycle.Status.PLANNED
    }


@dataclass
class CycleSummary:
    """What a report of the cycle's period says about it: how many reported, by pillar."""

    cycle: ReportingCycle
    overall: Completeness
    by_pillar: list[tuple[str, Completeness]]

    @property
    def by_standing(self) -> list[tuple[str, int]]:
        """(status, initiatives) of each status some initiative is in, in the statuses' order."""
        counts = self.overall.by_standing
        return [
            (capfirst(str(label)), counts[value]) for value, label in Standing.choices if counts.get(value)
        ]


def cycle_summary(*, start: date, end: date, today: date | None = None) -> CycleSummary | None:
    """The reporting of the opened cycle that covers exactly ``start``–``end``, or None."""
    cycle = cycle_covering(start=start, end=end)
    if cycle is None:
        return None
    board = cycle_dashboard(cycle=cycle, today=today)
    return CycleSummary(
        cycle=cycle, overall=board.overall, by_pillar=[(row.label, row.summary) for row in board.pillars]
    )
