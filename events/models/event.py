"""Events and what they are: their types and series, their dates, place, format and headcount,
and the organisations that organised them.

Coordinators usually record an event after it took place, from the sign-in sheet. Headcounts
come from the attendance records when there are any; for an event without a name list the
coordinator types them in (``headcount_*`` fields), and the same rules hold for both: no part
exceeds the total, nothing is negative.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import (
    SLUG_RESERVED,
    PublishedQuerySet,
    ReferenceModel,
    SearchTextModel,
    TimeStampedModel,
    optional_link,
    order_field,
    required_link,
    status_field,
)
from members.models import OrganisationRole, organisation_link
from vocabulary.models import province_link


class EventType(ReferenceModel):
    """Editable data: consultation workshop, working-group meeting, training, roundtable…"""

    class Meta(ReferenceModel.Meta):
        verbose_name = _("event type")
        verbose_name_plural = _("event types")


class EventSeries(models.Model):
    """Events that recur, e.g. the national roundtable held every two years."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("event series")
        verbose_name_plural = _("event series")

    def __str__(self) -> str:
        return self.name


# Pages of their own under /events/; an event with one of these slugs could never be reached.
RESERVED_SLUGS = {"calendar", "feed"}


class Event(SearchTextModel, TimeStampedModel):
    # Organisers' names are searched on the organisations themselves (see events.filters).
    SEARCH_TEXT_FIELDS = ("title_vi", "title_en", "venue_vi", "venue_en")

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        HELD = "held", _("held")
        POSTPONED = "postponed", _("postponed")
        CANCELLED = "cancelled", _("cancelled")

    class Format(models.TextChoices):
        OFFLINE = "offline", _("in person")
        ONLINE = "online", _("online")
        HYBRID = "hybrid", _("hybrid (in person and online)")

    class LinkVisibility(models.TextChoices):
        PUBLIC = "public", _("everyone")
        SIGNED_IN = "signed_in", _("signed-in members")
        STAFF = "staff", _("coordinators only")

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    event_type = required_link(EventType, _("event type"), related_name="events", on_delete=models.PROTECT)
    series = optional_link(EventSeries, _("series"), related_name="events")
    status = status_field(Status, default=Status.PLANNED)
    format = models.CharField(
        _("format"), max_length=8, choices=Format.choices, default=Format.OFFLINE, db_index=True
    )
    summary = models.TextField(_("summary"), blank=True)
    objectives = models.TextField(_("objectives"), blank=True)
    outcomes = models.TextField(_("outcomes and recommendations"), blank=True)
    start_date = models.DateField(_("start date"), db_index=True)
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("For events over several days.")
    )
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    province = province_link(related_name="events")
    country = models.CharField(
        _("country"), max_length=100, blank=True, help_text=_("For events abroad, such as delegations.")
    )
    online_link = models.URLField(_("online link"), blank=True)
    online_link_visibility = models.CharField(
        _("who may see the online link"),
        max_length=10,
        choices=LinkVisibility.choices,
        default=LinkVisibility.SIGNED_IN,
    )
    pillars = models.ManyToManyField(
        "vocabulary.Pillar", verbose_name=_("pillars"), blank=True, related_name="events"
    )
    # Headcounts typed in when there is no name list; ignored once attendance is recorded.
    headcount_total = models.PositiveIntegerField(_("participants"), null=True, blank=True)
    headcount_women = models.PositiveIntegerField(_("women"), null=True, blank=True)
    headcount_men = models.PositiveIntegerField(_("men"), null=True, blank=True)
    headcount_other = models.PositiveIntegerField(_("other or not disclosed"), null=True, blank=True)
    headcount_online = models.PositiveIntegerField(_("online participants"), null=True, blank=True)
    is_published = models.BooleanField(_("published"), default=False, db_index=True)

    objects = PublishedQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        ordering = ["-start_date", "-start_time", "title"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [
            models.Index(fields=["is_published", "start_date"], name="event_published_start"),
            # "Upcoming" and calendar months select on the last day (see events.filters.last_day).
            models.Index(
                Coalesce("end_date", "start_date"),
                F("start_date"),
                name="event_published_last_day",
                condition=Q(is_published=True),
            ),
            # The list's filter counts group every published event by these: read from this
            # narrow index, not from the table, whose rows carry the descriptions.
            models.Index(
                fields=["start_date", "end_date", "format", "event_type", "province", "id"],
                name="event_published_facets",
                condition=Q(is_published=True),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="event_end_not_before_start",
                violation_error_message=_("The end date cannot be before the start date."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", kwargs={"slug": self.slug})

    @property
    def last_date(self):
        return self.end_date or self.start_date

    @property
    def is_multi_day(self) -> bool:
        return bool(self.end_date and self.end_date != self.start_date)

    def clean(self) -> None:
        errors: dict[str, list] = {}
        if self.slug in RESERVED_SLUGS:
            errors.setdefault("slug", []).append(SLUG_RESERVED)
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors.setdefault("end_date", []).append(_("The end date cannot be before the start date."))
        if self.start_time and self.end_time and not self.is_multi_day and self.end_time < self.start_time:
            errors.setdefault("end_time", []).append(_("The end time cannot be before the start time."))
        total = self.headcount_total
        parts = [self.headcount_women, self.headcount_men, self.headcount_other]
        if total is None and any(part is not None for part in [*parts, self.headcount_online]):
            errors.setdefault("headcount_total", []).append(
                _("Enter the total number of participants as well.")
            )
        elif total is not None:
            if sum(part or 0 for part in parts) > total:
                errors.setdefault("headcount_total", []).append(
                    _("Women, men and other add up to more than the total of %(total)s.") % {"total": total}
                )
            if self.headcount_online is not None and self.headcount_online > total:
                errors.setdefault("headcount_online", []).append(
                    _("Online participants cannot exceed the total of %(total)s.") % {"total": total}
                )
        if self.format == self.Format.OFFLINE and self.headcount_online:
            errors.setdefault("headcount_online", []).append(
                _("An in-person event has no online participants; change its format to hybrid or online.")
            )
        if self.province_id and self.country:
            errors.setdefault("country", []).append(
                _("Give either a province in Vietnam or a country abroad, not both.")
            )
        if errors:
            raise ValidationError(errors)


class EventOrganiser(OrganisationRole):
    class Role(models.TextChoices):
        HOST = "host", _("host")
        CO_HOST = "co_host", _("co-host")
        FUNDER = "funder", _("funder")

    event = required_link(Event, _("event"), related_name="organisers")
    organisation = organisation_link(related_name="event_roles", on_delete=models.PROTECT)
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.HOST)
    order = order_field()

    class Meta:
        ordering = ["order", "role", "pk"]
        verbose_name = _("organiser")
        verbose_name_plural = _("organisers")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "organisation", "role"], name="one_role_per_event_organiser"
            )
        ]


class OrganiserEventCount(models.Model):
    """How many published events an organisation organises, in any role, kept as events and
    their organisers change (:mod:`events.organiser_counts`). The events list offers the busiest
    organisers: counting every organiser link on each visit took a third of the page's time at
    national scale. An organisation without a published event has no row."""

    organisation = models.OneToOneField(
        "members.Organisation",
        verbose_name=_("organisation"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    events = models.PositiveIntegerField(_("published events"))

    class Meta:
        verbose_name = _("organiser's event count")
        verbose_name_plural = _("organisers' event counts")
        indexes = [models.Index(fields=["-events", "organisation"], name="events_busiest_organisers")]

    def __str__(self) -> str:
        return f"{self.organisation_id}: {self.events}"
