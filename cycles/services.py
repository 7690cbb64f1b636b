"""Writes of the reporting cycles: opening one (the periods due, created where missing, and the
figures proposed from recorded attendance), closing it (its periods locked), the six-month and
annual cycles beat creates, and the reminders."""

import logging
from datetime import date, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from core.dispatch import NotDispatched, send_task
from initiatives import services as initiative_services
from initiatives.selectors.rounds import initiatives_in_scope

from .models import DuePeriod, ReportingCycle

logger = logging.getLogger(__name__)

# A scheduled cycle's figures are due on this day of the month it opens in (15 January, 15 July).
DUE_DAY = 15


@transaction.atomic
def cycle_open(*, cycle: ReportingCycle, user: AbstractBaseUser | None = None) -> ReportingCycle:
    """Open a planned cycle: record the indicator periods due in it (creating, for an indicator
    that has none within the cycle's period, one that spans it), propose figures for indicators
    that count attendance, and remind the editors once this commits."""
    cycle = ReportingCycle.objects.select_for_update().get(pk=cycle.pk)
    if cycle.status != ReportingCycle.Status.PLANNED:
        raise ValidationError(_("Only a planned cycle can be opened."), code="not_planned")
    initiatives = initiatives_in_scope(
        start=cycle.period_start,
        end=cycle.period_end,
        all_active=cycle.all_active,
        pillar_ids=cycle.pillars.values_list("pk", flat=True),
        programme_ids=cycle.programmes.values_list("pk", flat=True),
        initiative_ids=cycle.initiatives.values_list("pk", flat=True),
    )
    due = initiative_services.periods_prepare(
        initiatives=initiatives, start=cycle.period_start, end=cycle.period_end, user=user
    )
    DuePeriod.objects.bulk_create(
        (
            DuePeriod(cycle=cycle, period_id=period_id, initiative_id=initiative_id)
            for period_id, initiative_id in due
        ),
        batch_size=2000,
        ignore_conflicts=True,
    )
    initiative_services.attendance_proposals_create(period_ids=[period_id for period_id, _ in due])
    cycle.status = ReportingCycle.Status.OPEN
    cycle.opened_at = timezone.now()
    cycle.opened_by = user
    cycle._change_reason = _("opened")
    cycle.save()
    transaction.on_commit(reminders_dispatch)
    return cycle


@transaction.atomic
def cycle_close(*, cycle: ReportingCycle, user: AbstractBaseUser | None = None) -> ReportingCycle:
    """Close an open cycle: its periods are locked, so what was approved stays as it was."""
    cycle = ReportingCycle.objects.select_for_update().get(pk=cycle.pk)
    if cycle.status != ReportingCycle.Status.OPEN:
        raise ValidationError(_("Only an open cycle can be closed."), code="not_open")
    initiative_services.periods_lock(
        period_ids=cycle.due_periods.values_list("period_id", flat=True), user=user
    )
    cycle.status = ReportingCycle.Status.CLOSED
    cycle.closed_at = timezone.now()
    cycle.closed_by = user
    cycle._change_reason = _("closed")
    cycle.save()
    return cycle


def cycles_open_planned(*, today: date | None = None) -> list[ReportingCycle]:
    """Open every planned cycle whose opening date has come (beat runs this every morning)."""
    today = today or timezone.localdate()
    planned = ReportingCycle.objects.filter(status=ReportingCycle.Status.PLANNED, opens_on__lte=today)
    return [cycle_open(cycle=cycle) for cycle in planned.order_by("opens_on", "pk")]


def _half_just_ended(today: date) -> tuple[date, date]:
    if today.month >= 7:
        return date(today.year, 1, 1), date(today.year, 6, 30)
    return date(today.year - 1, 7, 1), date(today.year - 1, 12, 31)


def _names(kind: str, start: date) -> dict[str, str]:
    """The cycle's name in each language."""
    names = {}
    for language in ("vi", "en"):
        with override(language):
            if kind == ReportingCycle.Kind.ANNUAL:
                names[language] = _("Annual reporting %(year)s") % {"year": start.year}
            elif start.month == 1:
                names[language] = _("Six-month reporting, first half of %(year)s") % {"year": start.year}
            else:
                names[language] = _("Six-month reporting, second half of %(year)s") % {"year": start.year}
    return names


@transaction.atomic
def cycle_schedule(*, kind: str, today: date | None = None) -> ReportingCycle | None:
    """The cycle beat opens for the half-year (``six_month``) or the year (``annual``) just
    ended, covering every active initiative, due on the 15th of this month. Nothing is made
    if one covering that period exists already, whatever its state."""
    today = today or timezone.localdate()
    if kind == ReportingCycle.Kind.ANNUAL:
        start, end = date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    else:
        start, end = _half_just_ended(today)
    if ReportingCycle.objects.filter(period_start=start, period_end=end).exists():
        return None
    due_on = max(today.replace(day=DUE_DAY), today + timedelta(days=7))
    names = _names(kind, start)
    cycle = ReportingCycle(
        name_vi=names["vi"],
        name_en=names["en"],
        kind=kind,
        period_start=start,
        period_end=end,
        opens_on=today,
        due_on=due_on,
        all_active=True,
    )
    cycle.full_clean()
    try:
        # Beat may run on a second machine by mistake: the period's constraint keeps one cycle.
        with transaction.atomic():
            cycle.save()
    except IntegrityError:
        return None
    return cycle_open(cycle=cycle)


def reminders_dispatch() -> None:
    """Ask a worker to send today's reminders now (after a cycle opens); if the broker is away,
    beat's morning run sends them."""
    from .tasks import send_reminders

    try:
        send_task(send_reminders, args=[])
    except NotDispatched:
        logger.info("Reminders left for beat's next run: the broker did not take them.")
