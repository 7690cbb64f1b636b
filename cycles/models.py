"""Reporting cycles: the rounds in which member organisations report their initiatives' results
(the six-month and annual rounds), with the indicator periods due in each."""

from datetime import date

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel, required_link, status_field, user_link


class ReportingCycle(TimeStampedModel):
    """A round of reporting: the period it covers, when it opens, when figures are due, and
    which initiatives report in it. Opening it records the indicator periods due; closing it
    locks them."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    class Kind(models.TextChoices):
        SIX_MONTH = "six_month", _("six-month")
        ANNUAL = "annual", _("annual")
        OTHER = "other", pgettext_lazy("cycle kind", "other")

    class Standing(models.TextChoices):
        """Where an initiative stands in a cycle, from the updates of its periods due."""

        NOT_STARTED = "not_started", _("not started")
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        RETURNED = "returned", _("returned")
        APPROVED = "approved", _("approved")
        OVERDUE = "overdue", _("overdue")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.SIX_MONTH)
    period_start = models.DateField(_("covers from"))
    period_end = models.DateField(_("covers to"))
    opens_on = models.DateField(_("opens on"))
    due_on = models.DateField(_("due on"))
    status = status_field(Status, default=Status.PLANNED)
    remind_days_before = models.PositiveSmallIntegerField(
        _("reminder, days before the due date"),
        default=7,
        help_text=_(
            "Editors are reminded when the cycle opens, this many days before the due date, "
            "on the due date, then every week while their figures are late."
        ),
    )
    all_active = models.BooleanField(
        _("every active initiative"),
        default=False,
        help_text=_("Every initiative running during the period reports, besides those chosen below."),
    )
    pillars = models.ManyToManyField(
        "vocabulary.Pillar",
        verbose_name=_("initiatives of these pillars"),
        blank=True,
        related_name="+",
    )
    programmes = models.ManyToManyField(
        "initiatives.Initiative",
        verbose_name=_("initiatives of these programmes"),
        blank=True,
        related_name="+",
    )
    initiatives = models.ManyToManyField(
        "initiatives.Initiative",
        verbose_name=_("these initiatives"),
        blank=True,
        related_name="+",
    )
    opened_at = models.DateTimeField(_("opened at"), null=True, blank=True)
    opened_by = user_link(_("opened by"))
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closed_by = user_link(_("closed by"))
    history = HistoricalRecords(m2m_fields=[pillars, programmes, initiatives])

    class Meta:
        ordering = ["-period_end", "-pk"]
        verbose_name = _("reporting cycle")
        verbose_name_plural = _("reporting cycles")
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="cycle_period_end_after_start",
                violation_error_message=_("The period cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(due_on__gte=F("opens_on")),
                name="cycle_due_after_opening",
                violation_error_message=_("The due date cannot be before the opening date."),
            ),
            # Two cycles for one period would ask the members for the same figures twice.
            models.UniqueConstraint(
                fields=["period_start", "period_end"],
                name="one_cycle_per_period",
                violation_error_message=_("A reporting cycle for this period exists already."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def is_late(self, today: date | None = None) -> bool:
        return (today or timezone.localdate()) > self.due_on


class DuePeriod(models.Model):
    """An indicator period due in a cycle. The initiative is kept beside it so the dashboard
    counts by initiative without walking the results framework."""

    cycle = required_link(ReportingCycle, _("reporting cycle"), related_name="due_periods")
    period = required_link("initiatives.Period", _("period"), related_name="due_in")
    initiative = required_link("initiatives.Initiative", _("initiative"), related_name="+")

    class Meta:
        verbose_name = _("period due")
        verbose_name_plural = _("periods due")
        constraints = [models.UniqueConstraint(fields=["cycle", "period"], name="one_due_period_per_cycle")]
        indexes = [models.Index(fields=["cycle", "initiative"])]

    def __str__(self) -> str:
        return f"{self.cycle} · {self.period}"
