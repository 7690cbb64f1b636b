"""Who belongs to a technical group, who reads its newsletter, and each issue sent to them."""

import calendar
import secrets
from datetime import date

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel, language_field, required_link, status_field, user_link
from members.models import organisation_link


class GroupMembership(TimeStampedModel):
    """An organisation in a technical group: the group's lead or one of its members."""

    class Role(models.TextChoices):
        LEAD = "lead", _("lead")
        MEMBER = "member", _("member")

    group = required_link("vocabulary.TechnicalGroup", _("technical group"), related_name="memberships")
    organisation = organisation_link(related_name="group_memberships")
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    joined_on = models.DateField(_("joined on"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["group", "role", "organisation__name"]
        verbose_name = _("group membership")
        verbose_name_plural = _("group memberships")
        constraints = [
            models.UniqueConstraint(fields=["group", "organisation"], name="groups_one_membership_per_group")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.group}"


def new_confirmation_key() -> str:
    return secrets.token_urlsafe(16)


class Subscriber(TimeStampedModel):
    """One address that asked for newsletters. The row stays when they unsubscribe, so the list
    keeps who left and when, and a second request for the same address finds it."""

    email = models.EmailField(_("email address"), unique=True)
    language = language_field()
    groups = models.ManyToManyField(
        "vocabulary.TechnicalGroup", verbose_name=_("technical groups"), blank=True, related_name="+"
    )
    pillars = models.ManyToManyField(
        "vocabulary.Pillar", verbose_name=_("pillars"), blank=True, related_name="+"
    )
    # Part of every confirmation link; renewed when the person unsubscribes, so an old
    # confirmation mail cannot put them back on the list.
    confirmation_key = models.CharField(max_length=32, default=new_confirmation_key, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)

    class Meta:
        ordering = ["email"]
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")

    def __str__(self) -> str:
        return self.email

    @property
    def is_active(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None


class Issue(TimeStampedModel):
    """One quarter's newsletter of a technical group. A draft is the coordinator's alone; once
    sent, it is a public page of the group's archive and never changes its items."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SENDING = "sending", _("being sent")
        SENT = "sent", _("sent")

    class Quarter(models.IntegerChoices):
        Q1 = 1, _("first quarter (January–March)")
        Q2 = 2, _("second quarter (April–June)")
        Q3 = 3, _("third quarter (July–September)")
        Q4 = 4, _("fourth quarter (October–December)")

    group = required_link(
        "vocabulary.TechnicalGroup",
        _("technical group"),
        related_name="newsletter_issues",
        on_delete=models.PROTECT,
    )
    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(_("quarter"), choices=Quarter.choices)
    title = models.CharField(_("title"), max_length=200, blank=True)
    editorial = models.TextField(
        _("editorial note"), blank=True, help_text=_("A few paragraphs from the group to open the issue.")
    )
    events = models.ManyToManyField("events.Event", verbose_name=_("events"), blank=True, related_name="+")
    results = models.ManyToManyField(
        "initiatives.IndicatorUpdate", verbose_name=_("results"), blank=True, related_name="+"
    )
    resources = models.ManyToManyField(
        "hub.Resource", verbose_name=_("resources"), blank=True, related_name="+"
    )
    status = status_field(Status, default=Status.DRAFT)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    sent_by = user_link(_("sent by"))

    history = HistoricalRecords(m2m_fields=[events, results, resources])

    class Meta:
        ordering = ["-year", "-quarter", "group"]
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")
        permissions = [("send_issue", _("Can send a newsletter issue to its readers"))]
        constraints = [
            models.UniqueConstraint(fields=["group", "year", "quarter"], name="groups_one_issue_per_quarter")
        ]

    def __str__(self) -> str:
        return self.heading

    @property
    def period_start(self) -> date:
        return date(self.year, 3 * self.quarter - 2, 1)

    @property
    def period_end(self) -> date:
        month = 3 * self.quarter
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    @property
    def quarter_label(self) -> str:
        return _("Q%(quarter)s/%(year)s") % {"quarter": self.quarter, "year": self.year}

    @property
    def heading(self) -> str:
        return self.title or f"{self.group} · {self.quarter_label}"

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.SENT

    def get_absolute_url(self) -> str:
        return reverse("groups:issue", kwargs={"group": self.group_id, "pk": self.pk})


class Delivery(TimeStampedModel):
    """One issue to one subscriber. A row per pair, claimed before sending, so a retried task or
    a second worker never sends the same issue to the same person twice."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENDING = "sending", _("being sent")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    issue = required_link(Issue, _("issue"), related_name="deliveries")
    subscriber = required_link(Subscriber, _("subscriber"), related_name="deliveries")
    to_email = models.EmailField(_("email address"))
    language = language_field()
    status = status_field(Status, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.TextField(_("error"), blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["issue", "to_email"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscriber"], name="groups_one_delivery_per_subscriber")
        ]
        indexes = [
            models.Index(fields=["issue", "status"]),
            # The admin's list: the latest issue first, then by address.
            models.Index(fields=["-issue", "to_email"], name="delivery_admin_order"),
        ]

    def __str__(self) -> str:
        return f"{self.to_email} · {self.issue}"
