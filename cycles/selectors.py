"""Reads of the reporting cycles: where each initiative stands, the coordinators' dashboard and
what a member editor has due. Where an initiative stands is computed from its updates every
time, never stored, so it cannot drift from what members have reported."""

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from django.contrib.auth.models import AbstractBaseUser
from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst

from initiatives.selectors.rounds import (
    ATTENDANCE,
    PeriodState,
    editable_update,
    initiative_published_pillars,
    initiative_reporters,
    initiatives_for_rows,
    initiatives_matching,
    initiatives_reported_by,
    period_state,
)
from initiatives.selectors.values import localised
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


# The field of :class:`Progress` that counts the periods in each state.
PROGRESS_FIELDS = {
    PeriodState.APPROVED: "approved",
    PeriodState.SUBMITTED: "submitted",
    PeriodState.RETURNED: "returned",
    PeriodState.DRAFT: "draft",
}


def _counted(rows: QuerySet[DuePeriod], *fields: str, **expressions) -> list[dict]:
    """Per initiative of ``rows`` (and the ``fields`` and ``expressions`` that go with it), how
    many of its periods due have got how far (the arguments of :class:`Progress`): one query.

    It is grouped by initiative and state, so each period's state is worked out once; counting
    every state in one row per initiative would work it out again for each count."""
    grouped = (
        rows.annotate(state=period_state())
        .values("initiative", "state", *fields, **expressions)
        .annotate(periods=Count("pk"))
        .order_by()
    )
    counted: dict[int, dict] = {}
    for row in grouped:
        state, periods = row.pop("state"), row.pop("periods")
        if row["initiative"] not in counted:
            counted[row["initiative"]] = {**row, "due": 0} | dict.fromkeys(PROGRESS_FIELDS.values(), 0)
        progress = counted[row["initiative"]]
        progress["due"] += periods
        if state in PROGRESS_FIELDS:
            progress[PROGRESS_FIELDS[state]] += periods
    return list(counted.values())


def cycle_progress(
    *, cycle: ReportingCycle, initiative_ids: Iterable[int] | None = None
) -> dict[int, Progress]:
    """Initiative id → :class:`Progress` in ``cycle``: one grouped query however many."""
    rows = DuePeriod.objects.filter(cycle=cycle)
    if initiative_ids is not None:
        rows = rows.filter(initiative__in=initiative_ids)
    return {row.pop("initiative"): Progress(**row) for row in _counted(rows)}


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


def cycles_for_approvals() -> list[tuple[str, str]]:
    """(id, name) of the opened cycles, the latest first: what the approvals queue offers."""
    cycles = (
        ReportingCycle.objects.exclude(status=ReportingCycle.Status.PLANNED)
        .order_by("-period_end", "-pk")
        .only("pk", "name_vi", "name_en")
    )
    return [(str(cycle.pk), cycle.name) for cycle in cycles]


def periods_due_in(cycle_id: int) -> QuerySet[DuePeriod]:
    """A query of the ids of the periods ``cycle_id`` asks for."""
    return DuePeriod.objects.filter(cycle=cycle_id).values("period")


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
    initiative) or how many of its initiatives stand where (an organisation, a pillar). An
    initiative's organisations and pillars are read for the rows shown (:func:`rows_named`)."""

    label: str
    url: str
    pk: int = 0
    standing: str = ""
    progress: Progress | None = None
    counts: Counter = field(default_factory=Counter)
    organisations: list = field(default_factory=list)
    pillars: list = field(default_factory=list)
    named: bool = False

    @property
    def summary(self) -> Completeness:
        return completeness(self.counts.elements())

    @property
    def standing_label(self) -> str:
        return Standing(self.standing).label if self.standing else ""


def rows_named(rows: Iterable[Row]) -> list[Row]:
    """``rows`` (initiatives) with the organisations that report them and their published
    pillars filled in: four queries however many rows, none for rows named already."""
    rows = list(rows)
    unnamed = {row.pk: row for row in rows if not row.named}
    if unnamed:
        initiatives = initiatives_for_rows(initiative_ids=list(unnamed))
        for pk, row in unnamed.items():
            row.organisations = initiatives[pk].reporters
            row.pillars = initiatives[pk].published_pillars
            row.named = True
    return rows


@dataclass
class Dashboard:
    """A cycle's initiatives with where each stands, narrowed by the filter. Counted by
    organisation or by pillar, every initiative is named, so that is done only when asked."""

    cycle: ReportingCycle
    filter: DashboardFilter
    overall: Completeness
    initiatives: list[Row]
    # The same initiatives as a query where the database can choose them, else their ids.
    initiative_ids: QuerySet | list[int]
    url: str

    @cached_property
    def organisations(self) -> list[Row]:
        return self._counted_by(initiative_reporters, lambda o: f"{self.url}?organisation={o.pk}")

    @cached_property
    def pillars(self) -> list[Row]:
        return self._counted_by(initiative_published_pillars, lambda p: f"{self.url}?pillar={p.code}")

    def _counted_by(self, read: Callable[..., dict[int, list]], url: Callable[[object], str]) -> list[Row]:
        """The initiatives counted by what ``read`` names for each: one row per organisation or
        pillar, with how many of its initiatives stand where. Only the names are read."""
        named = read(initiative_ids=self.initiative_ids)
        grouped: dict[int, Row] = {}
        for row in self.initiatives:
            for one in named.get(row.pk, ()):
                if one.pk not in grouped:
                    # An id and a code need no quoting: no urlencode for thousands of rows.
                    grouped[one.pk] = Row(label=one.name, url=url(one))
                grouped[one.pk].counts[row.standing] += 1
        return sorted(grouped.values(), key=lambda row: row.label.casefold())


def cycle_dashboard(
    *, cycle: ReportingCycle, filters: dict | None = None, today: date | None = None
) -> Dashboard:
    """Every initiative due in ``cycle`` with where it stands, narrowed by the
    :class:`DashboardFilter`, by title; and the same counted by organisation and by pillar.
    Where every initiative stands, and so the totals, is one grouped query however many
    initiatives the cycle covers; the rows shown are named by :func:`rows_named`."""
    today = today or timezone.localdate()
    filterset = DashboardFilter(filters or None, queryset=DuePeriod.objects.filter(cycle=cycle))
    chosen_initiatives = filterset.qs.values("initiative")
    counted = _counted(
        DuePeriod.objects.filter(cycle=cycle, initiative__in=chosen_initiatives),
        "initiative__slug",
        label=localised("initiative__title"),
    )
    late = cycle.is_late(today)
    # One reverse for thousands of rows: only the slug differs.
    report_url = reverse("initiatives:report_initiative", kwargs={"slug": "-"}).removesuffix("-/")
    rows = []
    for row in counted:
        pk, slug, label = row.pop("initiative"), row.pop("initiative__slug"), row.pop("label")
        progress = Progress(**row)
        rows.append(
            Row(
                pk=pk,
                label=label,
                url=f"{report_url}{slug}/",
                standing=progress.standing(late=late),
                progress=progress,
            )
        )
    chosen = filterset.form.cleaned_data.get("standing") if filterset.is_valid() else ""
    initiative_ids = chosen_initiatives
    if chosen:
        rows = [row for row in rows if row.standing == chosen]
        initiative_ids = [row.pk for row in rows]
    rows.sort(key=lambda row: (row.label.casefold(), row.pk))
    return Dashboard(
        cycle=cycle,
        filter=filterset,
        overall=completeness(row.standing for row in rows),
        initiatives=rows,
        initiative_ids=initiative_ids,
        url=reverse("cycles:dashboard", kwargs={"pk": cycle.pk}),
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


def due_initiatives(*, user: AbstractBaseUser, q: str = "") -> QuerySet:
    """(cycle id, initiative id) of every initiative the organisations ``user`` edits have to
    report in the open cycles, those whose title, place or partners hold every word of ``q``,
    in the order the list shows them: the cycle due first, then by title. One row per item of
    the list, so the list is paged on this query and :func:`due_items` reads one page."""
    if not user.is_authenticated:
        return DuePeriod.objects.none().values_list("cycle_id", "initiative_id")
    reported = initiatives_reported_by(
        organisation_ids=organisations_editable_by(user=user).values_list("pk", flat=True)
    )
    if q:
        reported = initiatives_matching(initiatives=reported.values("pk"), q=q)
    return (
        DuePeriod.objects.filter(
            cycle__status=ReportingCycle.Status.OPEN, initiative__in=reported.values("pk")
        )
        .values_list("cycle_id", "initiative_id")
        .order_by("cycle__due_on", "cycle_id", "initiative__title_vi", "initiative_id")
        .distinct()
    )


def due_items(*, pairs: Iterable[tuple[int, int]], today: date | None = None) -> list[DueItem]:
    """The items of ``pairs`` (cycle id, initiative id), in their order: where each initiative
    stands and each period due with how far its report has got and the update to carry on
    with. One query however many."""
    pairs = list(pairs)
    if not pairs:
        return []
    today = today or timezone.localdate()
    due = (
        DuePeriod.objects.filter(
            cycle__in={cycle for cycle, _initiative in pairs},
            initiative__in={initiative for _cycle, initiative in pairs},
        )
        .select_related("cycle", "initiative", "period__indicator")
        .annotate(state=period_state(), **editable_update())
        .order_by("period__indicator__order", "period__indicator_id", "period__start")
    )
    grouped: dict[tuple[int, int], list[DuePeriod]] = {pair: [] for pair in pairs}
    for row in due:
        if (row.cycle_id, row.initiative_id) not in grouped:
            continue  # another cycle of one of the initiatives, listed on another page
        row.state_label = PeriodState(row.state).label
        row.proposed = row.carry_on_source == ATTENDANCE
        # A period already submitted waits on the coordinators; a locked one takes nothing more.
        row.can_report = row.state < PeriodState.SUBMITTED and not row.period.locked
        grouped[row.cycle_id, row.initiative_id].append(row)
    items = []
    for rows in grouped.values():
        if not rows:
            continue
        counts = Counter(row.state for row in rows)
        progress = Progress(due=len(rows), **{name: counts[state] for state, name in PROGRESS_FIELDS.items()})
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


def due_page(*, user: AbstractBaseUser, number: object = 1, size: int, q: str = "") -> Page:
    """The page ``number`` of what ``user``'s organisations have due (the last page if it asks
    for more, the first if it asks for nonsense), its ``object_list`` the :class:`DueItem` rows."""
    page = Paginator(due_initiatives(user=user, q=q), size).get_page(number)
    page.object_list = due_items(pairs=page.object_list)
    return page


# On a member's own page: the first items due, the rest on the list of what is due.
DUE_ON_OWN_PAGE = 5


def due_for_user(*, user: AbstractBaseUser) -> Page:
    """The first items ``user``'s organisations have due, for their own page."""
    return due_page(user=user, size=DUE_ON_OWN_PAGE)


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
