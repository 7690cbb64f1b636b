"""Writes with logic for the results framework: reporting, approving, returning and deleting
updates (the network's kept figures follow in the same transaction, see ``figures``), and the
periods a round of reporting asks for, with the figures it proposes from attendance."""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from simple_history.utils import bulk_create_with_history

from core import roles
from core.history import update_with_history
from core.mail import Notice, mail_notify, mail_notify_perm
from events.selectors import people_attending
from members.models import Organisation

from . import figures
from .models import (
    DimensionValue,
    IndicatorUpdate,
    Initiative,
    Measure,
    Period,
    UpdateDisaggregation,
    UpdateEvidence,
)
from .selectors import sex_values
from .selectors.rounds import indicators_of, lead_organisation, periods_within

EDITABLE = (IndicatorUpdate.Status.DRAFT, IndicatorUpdate.Status.RETURNED)


def locked_message() -> str:
    return _("This period is locked and accepts no new updates. Ask a coordinator if a figure must change.")


def check_disaggregations(update: IndicatorUpdate, disaggregations: dict[DimensionValue, Decimal]) -> None:
    """Within each dimension the parts cannot add up to more than the whole."""
    amount = update.amount
    per_dimension: dict[int, Decimal] = defaultdict(Decimal)
    names = {}
    for dimension_value, value in disaggregations.items():
        if value is None:
            continue
        if value < 0:
            raise ValidationError(_("Enter a number that is not negative."))
        per_dimension[dimension_value.dimension_id] += value
        names[dimension_value.dimension_id] = dimension_value.dimension.name
    for dimension_id, total in per_dimension.items():
        if amount is not None and total > amount:
            raise ValidationError(
                _("The figures by %(dimension)s add up to %(parts)s, more than the total of %(total)s.")
                % {"dimension": names[dimension_id].lower(), "parts": f"{total:g}", "total": f"{amount:g}"}
            )


@transaction.atomic
def indicator_update_save(
    *,
    period: Period,
    user: AbstractBaseUser,
    organisation: Organisation | None,
    reported_on,
    value: Decimal | None = None,
    numerator: Decimal | None = None,
    denominator: Decimal | None = None,
    narrative: str = "",
    disaggregations: dict[DimensionValue, Decimal] | None = None,
    evidence: list[tuple[ContentFile, str]] | None = None,
    submit: bool = True,
    update: IndicatorUpdate | None = None,
) -> IndicatorUpdate:
    """Create an update (or change a draft or returned one) and submit it for approval."""
    period = Period.objects.select_for_update().select_related("indicator").get(pk=period.pk)
    if period.locked:
        raise ValidationError(locked_message(), code="locked")
    if update is None:
        update = IndicatorUpdate(period=period, organisation=organisation, submitted_by=user)
    elif update.status not in EDITABLE or update.period_id != period.pk:
        raise ValidationError(_("Only drafts and updates returned for revision can be changed."))
    update.period = period
    update.reported_on = reported_on
    update.value, update.numerator, update.denominator = value, numerator, denominator
    update.narrative = narrative or ""
    update.status = IndicatorUpdate.Status.SUBMITTED if submit else IndicatorUpdate.Status.DRAFT
    update.submitted_at = timezone.now() if submit else None
    update.submitted_by = user
    update.full_clean()
    check_disaggregations(update, disaggregations or {})
    update.save()
    update.disaggregations.all().delete()
    UpdateDisaggregation.objects.bulk_create(
        UpdateDisaggregation(update=update, dimension_value=dimension_value, value=amount)
        for dimension_value, amount in (disaggregations or {}).items()
        if amount is not None
    )
    for content, original_name in evidence or []:
        item = UpdateEvidence(update=update, original_name=original_name[:255])
        item.file.save(content.name, content, save=False)
        item.full_clean()
        item.save()
    if submit:
        _notify_approvers(update)
    return update


def _notify_approvers(update: IndicatorUpdate) -> None:
    """Tell everyone who may approve results that an update waits for them."""
    indicator = update.period.indicator
    initiative = indicator.result.initiative

    def compose() -> Notice:
        return Notice(
            subject=_("An update to %(indicator)s waits for your approval") % {"indicator": indicator.title},
            paragraphs=[
                _("%(reporter)s has submitted an update to %(indicator)s (%(initiative)s) for approval.")
                % {
                    "reporter": update.submitted_by.get_full_name() or update.submitted_by.email,
                    "indicator": indicator.title,
                    "initiative": initiative.title,
                }
            ],
            details=[
                (_("Organisation"), str(update.organisation or "")),
                (_("Reported on"), f"{update.reported_on:%d/%m/%Y}"),
            ],
            action_label=_("Open the updates waiting for approval"),
            action_path=reverse("initiatives:approval_queue"),
        )

    mail_notify_perm(
        perm=roles.APPROVE_RESULTS,
        actor_id=update.submitted_by_id,
        kind="update-submitted",
        key=f"{update.pk}:{update.submitted_at:%Y%m%d%H%M%S%f}",
        compose=compose,
    )


def _decide(update: IndicatorUpdate, reviewer: AbstractBaseUser) -> IndicatorUpdate:
    if not reviewer.has_perm(roles.APPROVE_RESULTS):
        raise ValidationError(_("Only results approvers can approve or return updates."))
    update = IndicatorUpdate.objects.select_for_update().get(pk=update.pk)
    if update.status != IndicatorUpdate.Status.SUBMITTED:
        raise ValidationError(_("Only updates waiting for approval can be approved or returned."))
    return update


@transaction.atomic
def indicator_update_approve(
    *, update: IndicatorUpdate, reviewer: AbstractBaseUser, note: str = ""
) -> IndicatorUpdate:
    """Approve a submitted update: from now on it counts in the actuals and totals."""
    update = _decide(update, reviewer)
    update.status = IndicatorUpdate.Status.APPROVED
    update.reviewer, update.reviewed_at, update.review_note = reviewer, timezone.now(), note
    update.save(update_fields=["status", "reviewer", "reviewed_at", "review_note", "updated_at"])
    figures.year_figures_refresh(indicator_ids=[update.period.indicator_id])
    _notify_reporter(update)
    return update


@transaction.atomic
def indicator_update_return(
    *, update: IndicatorUpdate, reviewer: AbstractBaseUser, note: str
) -> IndicatorUpdate:
    """Send a submitted update back to its reporter, saying what to revise."""
    if not (note or "").strip():
        raise ValidationError(_("Say what needs revising: the note is sent to the reporter."))
    update = _decide(update, reviewer)
    update.status = IndicatorUpdate.Status.RETURNED
    update.reviewer, update.reviewed_at, update.review_note = reviewer, timezone.now(), note.strip()
    # Only an update waiting for approval is returned: the network's figures stay as they are.
    update.save(update_fields=["status", "reviewer", "reviewed_at", "review_note", "updated_at"])
    _notify_reporter(update)
    return update


@transaction.atomic
def indicator_updates_delete(*, updates: QuerySet[IndicatorUpdate]) -> int:
    """Delete ``updates`` with their parts and evidence rows; the network's figures of their
    indicators follow in the same transaction. Returns how many updates were deleted."""
    return _deleted_with_figures(updates, indicator="period__indicator_id")


@transaction.atomic
def periods_delete(*, periods: QuerySet[Period]) -> int:
    """Delete ``periods`` with their targets and updates; the network's figures of their
    indicators follow in the same transaction. Returns how many periods were deleted."""
    return _deleted_with_figures(periods, indicator="indicator_id")


def _deleted_with_figures(rows: QuerySet, *, indicator: str) -> int:
    """Deletes ``rows`` and writes again the kept figures of their indicators (``indicator``
    names the path to the indicator's id); answers how many of the rows went."""
    indicator_ids = set(rows.values_list(indicator, flat=True))
    _total, deleted = rows.delete()
    figures.year_figures_refresh(indicator_ids=indicator_ids)
    return deleted.get(rows.model._meta.label, 0)


def _notify_reporter(update: IndicatorUpdate) -> None:
    """Tell the reporter that their update was approved, or what to revise."""
    reporter = update.submitted_by
    if reporter is None:
        return
    indicator = update.period.indicator
    initiative = indicator.result.initiative
    approved = update.status == IndicatorUpdate.Status.APPROVED

    def compose() -> Notice:
        values = {"indicator": indicator.title, "initiative": initiative.title}
        if approved:
            return Notice(
                subject=_("Your update to %(indicator)s has been approved") % values,
                paragraphs=[
                    _(
                        "A results approver approved your update to %(indicator)s (%(initiative)s). "
                        "It now counts in the network's results."
                    )
                    % values,
                    *([update.review_note] if update.review_note else []),
                ],
                action_label=_("Open the initiative's results"),
                action_path=reverse("initiatives:report_initiative", kwargs={"slug": initiative.slug}),
            )
        return Notice(
            subject=_("Your update to %(indicator)s needs revision") % values,
            paragraphs=[
                _("A results approver returned your update to %(indicator)s (%(initiative)s) for revision:")
                % values,
                update.review_note,
            ],
            action_label=_("Revise the update"),
            action_path=reverse(
                "initiatives:report_update_edit", kwargs={"slug": initiative.slug, "update_id": update.pk}
            ),
        )

    mail_notify(
        user=reporter,
        kind="update-approved" if approved else "update-returned",
        key=f"{update.pk}:{update.reviewed_at:%Y%m%d%H%M%S%f}",
        compose=compose,
    )


# --- rounds of reporting ---------------------------------------------------------------------------


def periods_prepare(
    *, initiatives: QuerySet[Initiative], start: date, end: date, user: AbstractBaseUser | None = None
) -> list[tuple[int, int]]:
    """The periods due from ``initiatives`` for ``start``–``end``: every period of their
    indicators that lies within it, and, for an indicator without one, a new period spanning it
    (with its history). Returns (period id, initiative id) pairs. A few queries however many."""
    indicators = dict(indicators_of(initiatives=initiatives))
    existing = periods_within(indicator_ids=indicators, start=start, end=end)
    covered = {indicator_id for _period_id, indicator_id in existing}
    created = bulk_create_with_history(
        [Period(indicator_id=pk, start=start, end=end) for pk in indicators if pk not in covered],
        Period,
        batch_size=2000,
        default_user=user,
    )
    periods = existing + [(period.pk, period.indicator_id) for period in created]
    return [(period_id, indicators[indicator_id]) for period_id, indicator_id in periods]


def periods_lock(*, period_ids: Iterable[int], user: AbstractBaseUser | None = None) -> int:
    """Lock the periods, with a history row each: they accept no new updates."""
    return update_with_history(Period.objects.filter(pk__in=list(period_ids)), user=user, locked=True)


def attendance_proposals_create(*, period_ids: Iterable[int]) -> int:
    """For each of the periods whose indicator counts the people attending some events and that
    has no update yet, a draft update proposing the number of people recorded as attending
    them in the period, split by sex, for the initiative's lead organisation to check and
    submit. Returns how many were proposed."""
    periods = (
        Period.objects.filter(pk__in=list(period_ids), indicator__measure=Measure.QUANTITATIVE)
        .filter(indicator__attendance_events__isnull=False)
        .exclude(updates__isnull=False)
        .select_related("indicator__result")
        .prefetch_related("indicator__attendance_events")
        .distinct()
    )
    sexes = {value.code: value for value in sex_values()}
    proposed = 0
    today = timezone.localdate()
    for period in periods:
        events = [
            event.pk
            for event in period.indicator.attendance_events.all()
            if period.start <= event.start_date <= period.end
        ]
        counted = people_attending(event_ids=events, start=period.start, end=period.end)
        if counted is None:
            continue
        with translation.override(settings.LANGUAGE_CODE):
            narrative = ngettext(
                "Proposed from the people recorded as attending %(count)d event, each counted once.",
                "Proposed from the people recorded as attending %(count)d events, each counted once.",
                len(events),
            ) % {"count": len(events)}
        update = IndicatorUpdate(
            period=period,
            organisation=lead_organisation(initiative_id=period.indicator.result.initiative_id),
            # The figure as of today, or of the period's end once it is over.
            reported_on=min(period.end, max(period.start, today)),
            value=counted.total,
            narrative=narrative,
            status=IndicatorUpdate.Status.DRAFT,
            source=IndicatorUpdate.Source.ATTENDANCE,
        )
        update.full_clean()
        update.save()
        parts = {"female": counted.women, "male": counted.men, "other": counted.other}
        UpdateDisaggregation.objects.bulk_create(
            UpdateDisaggregation(update=update, dimension_value=sexes[code], value=amount)
            for code, amount in parts.items()
            if code in sexes and amount
        )
        proposed += 1
    return proposed
