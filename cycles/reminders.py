"""Reminders of what is due, as one digest a day for each person.

Each editor of an organisation that reports an initiative still owed in an open cycle is
reminded when the cycle opens, some days before its due date, on the due date, then every week
while it is late; a results approver gets a digest of the updates waiting for them each morning.
A digest is an ``OutgoingMail`` keyed by the day and the person, so a second run the same day, on
this worker or another, writes nothing more. People who turned reminders off get none.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from core import roles
from core.accounts import accepting_reminders, reminders_off_path
from core.mail import Notice, mail_notify
from initiatives.selectors.rounds import (
    PeriodState,
    approvals_waiting,
    initiative_titles,
    period_state,
    reporting_partners,
)
from members.selectors import editors_of

from .models import DuePeriod, ReportingCycle
from .selectors import cycle_progress


class Occasion(models.TextChoices):
    """Why a cycle reminds its editors today; the latest in a cycle's life comes first."""

    OVERDUE = "overdue", gettext_lazy("overdue")
    DUE = "due", gettext_lazy("due today")
    BEFORE = "before", gettext_lazy("due soon")
    OPENING = "opening", gettext_lazy("just opened")


URGENCY = list(Occasion)


def occasion(cycle: ReportingCycle, today: date) -> str | None:
    """Whether ``cycle`` reminds its editors on ``today``, and why."""
    if cycle.status != ReportingCycle.Status.OPEN:
        return None
    late = (today - cycle.due_on).days
    if late > 0:
        return Occasion.OVERDUE if late % 7 == 0 else None
    if late == 0:
        return Occasion.DUE
    if cycle.remind_days_before and today == cycle.due_on - timedelta(days=cycle.remind_days_before):
        return Occasion.BEFORE
    if cycle.opened_at and timezone.localdate(cycle.opened_at) == today:
        return Occasion.OPENING
    return None


@dataclass(frozen=True)
class Owed:
    """An initiative an editor's organisation still owes figures for in a cycle."""

    cycle: ReportingCycle
    initiative_id: int


def _owed(cycles: list[ReportingCycle]) -> list[Owed]:
    """Initiatives with a period due not yet submitted, in the open cycles: one query."""
    by_pk = {cycle.pk: cycle for cycle in cycles}
    pairs = (
        DuePeriod.objects.filter(cycle__in=by_pk)
        .annotate(state=period_state())
        .filter(state__lt=PeriodState.SUBMITTED)
        .values_list("cycle_id", "initiative_id")
        .distinct()
    )
    return [Owed(by_pk[cycle_id], initiative_id) for cycle_id, initiative_id in pairs]


def reminders_send(*, today: date | None = None) -> dict[str, int]:
    """Write today's digests; the worker sends each once its row is committed. Its queries do
    not grow with the number of initiatives: a few for everyone, then a few per person mailed."""
    today = today or timezone.localdate()
    cycles = list(ReportingCycle.objects.filter(status=ReportingCycle.Status.OPEN))
    occasions = {cycle.pk: occasion(cycle, today) for cycle in cycles}
    sent = {"editors": 0, "approvers": 0}
    if any(occasions.values()):
        sent["editors"] = _editor_digests(cycles, occasions, today)
    sent["approvers"] = _approver_digests(today)
    return sent


def _editor_digests(cycles: list[ReportingCycle], occasions: dict[int, str | None], today: date) -> int:
    owed = _owed(cycles)
    reporters: dict[int, set[int]] = defaultdict(set)
    for initiative_id, organisation_id in reporting_partners(
        initiative_ids={item.initiative_id for item in owed}
    ):
        reporters[initiative_id].add(organisation_id)
    editors: dict[int, list[AbstractBaseUser]] = defaultdict(list)
    people: dict[int, AbstractBaseUser] = {}
    organisation_ids = set().union(*reporters.values()) if reporters else set()
    for organisation_id, user in editors_of(organisation_ids=organisation_ids, users=accepting_reminders()):
        editors[organisation_id].append(user)
        people[user.pk] = user
    owed_by_person: dict[int, list[Owed]] = defaultdict(list)
    for item in owed:
        for organisation_id in reporters.get(item.initiative_id, ()):
            for user in editors.get(organisation_id, ()):
                if item not in owed_by_person[user.pk]:
                    owed_by_person[user.pk].append(item)
    titles = _titles_in_each_language({item.initiative_id for item in owed})
    progress = {cycle.pk: cycle_progress(cycle=cycle) for cycle in cycles if occasions.get(cycle.pk)}
    written = 0
    for person_id, items in owed_by_person.items():
        reasons = {occasions[item.cycle.pk] for item in items if occasions.get(item.cycle.pk)}
        if not reasons:
            continue
        reason = min(reasons, key=URGENCY.index)
        user = people[person_id]
        compose = _editor_notice(user, reason, items, titles, progress, today)
        if mail_notify(user=user, kind="cycle-reminder", key=today.isoformat(), compose=compose):
            written += 1
    return written


def _titles_in_each_language(initiative_ids: set[int]) -> Callable[[], dict[int, str]]:
    """The initiatives' titles in the active language, read once for each language: each digest
    is written in its recipient's language, not in the one the run started in."""
    read: dict[str, dict[int, str]] = {}

    def titles() -> dict[int, str]:
        language = get_language()
        if language not in read:
            read[language] = initiative_titles(initiative_ids=initiative_ids)
        return read[language]

    return titles


def _editor_notice(user, reason, items, titles, progress, today):
    def compose() -> Notice:
        named = titles()
        subjects = {
            Occasion.OVERDUE: _("Your results are overdue"),
            Occasion.DUE: _("Your results are due today"),
            Occasion.BEFORE: _("Your results are due soon"),
            Occasion.OPENING: _("A reporting cycle has opened"),
        }
        details = []
        for item in sorted(items, key=lambda item: (item.cycle.due_on, named[item.initiative_id])):
            cycle = item.cycle
            counted = progress.get(cycle.pk, {}).get(item.initiative_id)
            standing = counted.standing(late=cycle.is_late(today)) if counted else ""
            label = ReportingCycle.Standing(standing).label if standing else ""
            due = date_format(cycle.due_on, "SHORT_DATE_FORMAT")
            details.append(
                (
                    named[item.initiative_id],
                    _("%(status)s · %(cycle)s · due %(date)s")
                    % {"status": label, "cycle": cycle.name, "date": due},
                )
            )
        count = len(items)
        return Notice(
            subject=subjects[reason],
            paragraphs=[
                ngettext(
                    "Your organisation has figures to report for %(count)d initiative.",
                    "Your organisation has figures to report for %(count)d initiatives.",
                    count,
                )
                % {"count": count},
                _(
                    "Open the list to report each figure; a proposal from recorded attendance waits as a draft where there is one."
                ),
            ],
            details=details,
            action_label=_("See what is due"),
            action_path=reverse("cycles:due"),
            opt_out_path=reminders_off_path(user),
        )

    return compose


def _approver_digests(today: date) -> int:
    waiting, oldest = approvals_waiting()
    if not waiting:
        return 0
    written = 0
    approvers = roles.users_with_perm(roles.APPROVE_RESULTS).filter(pk__in=accepting_reminders().values("pk"))
    for user in approvers:

        def compose(user=user) -> Notice:
            return Notice(
                subject=ngettext(
                    "%(count)d update waits for your approval",
                    "%(count)d updates wait for your approval",
                    waiting,
                )
                % {"count": waiting},
                paragraphs=[
                    _("The oldest was submitted on %(date)s.")
                    % {"date": date_format(timezone.localtime(oldest), "SHORT_DATE_FORMAT")}
                ],
                action_label=_("Open the updates waiting for approval"),
                action_path=reverse("initiatives:approval_queue"),
                opt_out_path=reminders_off_path(user),
            )

        if mail_notify(user=user, kind="approvals-digest", key=today.isoformat(), compose=compose):
            written += 1
    return written
