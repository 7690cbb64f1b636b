"""Member organisations, their membership periods, the people at them, and member editors."""

from collections.abc import Callable
from datetime import date

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Case, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.models import (
    PublishedQuerySet,
    ReferenceModel,
    SearchTextModel,
    TimeStampedModel,
    optional_link,
    required_link,
    status_field,
    user_link,
)
from vocabulary.models import province_link


def _in_force_on(on: date) -> Q:
    """Started and not yet ended on ``on``: a row with no start recorded counts as started, and
    the end day itself is still in force. Memberships and roles share this reading of dates."""
    return (Q(start__isnull=True) | Q(start__lte=on)) & (Q(end__isnull=True) | Q(end__gte=on))


# An IATI organisation identifier: the registration agency's code (a country code or XI/XM, a
# hyphen, the agency's letters) and the organisation's number there, e.g. XM-DAC-41114. An
# activity's identifier starts with one, so it has the same shape. IATI forbids spaces and
# / & | ? in identifiers: they break the registry's links.
IATI_IDENTIFIER_PATTERN = r"^[A-Z]{2}-[A-Z0-9]+-[^\s/&|?]+$"
iati_identifier_validator = RegexValidator(
    IATI_IDENTIFIER_PATTERN,
    _(
        "Enter the registration agency's code, a hyphen and the number the agency gives, without "
        "spaces, e.g. XM-DAC-41114."
    ),
)


class OrganisationQuerySet(PublishedQuerySet):
    def with_membership_status(self, on: date | None = None) -> "OrganisationQuerySet":
        """Annotate ``membership_status``: the organisation's standing on ``on`` (today by default).

        It is the status of the current membership (``MembershipQuerySet.current``), whatever
        earlier memberships said: an organisation that lapsed and rejoined is active. With no
        membership in force, one that has ended makes it lapsed (withdrawn, if the last one to
        end was a withdrawal); an organisation that never was a member has none.
        """
        on = on or timezone.localdate()
        memberships = Membership.objects.filter(organisation=OuterRef("pk"))
        current = memberships.current(on).values("status")[:1]
        ended = (
            memberships.filter(end__lt=on)
            .order_by("-end", "-pk")
            .annotate(
                standing=Case(
                    When(status=Membership.Status.WITHDRAWN, then=Value(Membership.Status.WITHDRAWN)),
                    default=Value(Membership.Status.LAPSED),
                )
            )
            .values("standing")[:1]
        )
        return self.annotate(membership_status=Coalesce(Subquery(current), Subquery(ended)))


class Organisation(SearchTextModel, TimeStampedModel):
    SEARCH_TEXT_FIELDS = ("name_vi", "name_en", "acronym", "aliases")

    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("government agency")
        RESEARCH = "research", _("research institute")
        INTERNATIONAL = "international", _("international organisation / INGO")
        NGO = "ngo", _("NGO / civil society organisation")
        BUSINESS = "business", _("business")
        ACADEMIC = "academic", _("university or academic network")
        ALLIANCE = "alliance", _("alliance / network")
        FOUNDATION = "foundation", _("foundation / donor")
        COMMUNITY = "community", _("community group")
        OTHER = "other", pgettext_lazy("organisation kind", "other")

    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    aliases = models.TextField(
        _("other names"),
        blank=True,
        help_text=_("One per line: other names or spellings the organisation is known by."),
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER, db_index=True)
    parent = optional_link("self", _("parent organisation"), related_name="children")
    province = province_link(related_name="organisations")
    website = models.URLField(_("website"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    logo_thumbnail = models.ImageField(_("logo thumbnail"), upload_to="logos/", blank=True, editable=False)
    is_published = models.BooleanField(_("published"), default=False, db_index=True)
    iati_identifier = models.CharField(
        _("IATI organisation identifier"),
        max_length=100,
        blank=True,
        validators=[iati_identifier_validator],
        help_text=_(
            "The organisation's identifier in IATI, if it has one, e.g. XM-DAC-41114. The IATI "
            "export names the organisation with it."
        ),
    )
    pillars = models.ManyToManyField(
        "vocabulary.Pillar",
        through="PillarParticipation",
        related_name="organisations",
        verbose_name=_("pillars"),
    )

    history = HistoricalRecords(excluded_fields=["logo_thumbnail", "search_text"])
    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        # The directory lists published organisations by name, in the visitor's language.
        indexes = [
            models.Index(
                fields=["name_vi"], name="organisation_public_name_vi", condition=Q(is_published=True)
            ),
            models.Index(
                fields=["name_en"], name="organisation_public_name_en", condition=Q(is_published=True)
            ),
            # The admin lists every organisation by its Vietnamese name (then the newest first).
            models.Index(fields=["name_vi", "-id"], name="organisation_admin_name_vi"),
            # Counts on other tables keep the links to published organisations: their ids are
            # read from this small index rather than from the wide table.
            models.Index(fields=["id"], name="organisation_published_ids", condition=Q(is_published=True)),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["iati_identifier"],
                condition=~Q(iati_identifier=""),
                name="unique_organisation_iati_identifier",
                violation_error_message=_("Another organisation has this IATI identifier."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self) -> str:
        return reverse("members:detail", kwargs={"slug": self.slug})

    @property
    def alias_list(self) -> list[str]:
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]


def organisation_link(*, related_name: str, on_delete: Callable = models.CASCADE) -> models.ForeignKey:
    """The organisation a row is about. The row goes with the organisation unless ``on_delete``
    keeps an organisation in use (``PROTECT``)."""
    return required_link(
        "members.Organisation", _("organisation"), related_name=related_name, on_delete=on_delete
    )


class OrganisationRole(models.Model):
    """An organisation in a role on a row of another app: an event's host, a resource's
    publisher, an initiative's funder. The concrete model gives the row, the ``organisation``
    (:func:`organisation_link`) and the ``role`` with its ``Role`` choices."""

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.organisation} · {self.get_role_display()}"


class MembershipType(ReferenceModel):
    """Editable data: founding member, member, observer, secretariat, partner…"""

    class Meta(ReferenceModel.Meta):
        verbose_name = _("membership type")
        verbose_name_plural = _("membership types")


class MembershipQuerySet(models.QuerySet):
    def in_force(self, on: date | None = None) -> "MembershipQuerySet":
        """Memberships that have started and not ended on ``on`` (today by default)."""
        return self.filter(_in_force_on(on or timezone.localdate()))

    def current(self, on: date | None = None) -> "MembershipQuerySet":
        """The memberships in force, the current one first: where they overlap (a lapsed row left
        open when the organisation rejoined), the one that started last wins."""
        return self.in_force(on).order_by(F("start").desc(nulls_last=True), "-pk")


class Membership(TimeStampedModel):
    """One period of an organisation's membership, kept apart from the organisation itself."""

    class Status(models.TextChoices):
        APPLIED = "applied", _("applied")
        ACTIVE = "active", _("active")
        SUSPENDED = "suspended", _("suspended")
        LAPSED = "lapsed", _("lapsed")
        WITHDRAWN = "withdrawn", _("withdrawn")

    organisation = organisation_link(related_name="memberships")
    membership_type = required_link(
        MembershipType, _("membership type"), related_name="memberships", on_delete=models.PROTECT
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.ACTIVE, db_index=True
    )
    joined_on = models.DateField(_("joined on"), null=True, blank=True)
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords()
    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "-start"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(start__isnull=True) | Q(end__gte=models.F("start")),
                name="membership_end_after_start",
                violation_error_message=_("The end date cannot be before the start date."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.membership_type} · {self.get_status_display()}"


class Person(SearchTextModel, TimeStampedModel):
    """Someone at a member organisation. Email and phone are private: never on a public page
    or a public export. Name and position appear publicly only with consent."""

    # The name alone: sign-in sheets are matched on it, given name last.
    SEARCH_TEXT_FIELDS = ("full_name",)

    class Gender(models.TextChoices):
        FEMALE = "female", _("female")
        MALE = "male", _("male")
        OTHER = "other", pgettext_lazy("gender", "other")
        UNDISCLOSED = "undisclosed", _("not disclosed")

    full_name = models.CharField(_("full name"), max_length=200)
    gender = models.CharField(_("gender"), max_length=12, choices=Gender.choices, default=Gender.UNDISCLOSED)
    position = models.CharField(_("position"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True, db_index=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    public_consent = models.BooleanField(
        _("may be listed publicly"),
        default=False,
        help_text=_("Name and position only; contact details are never public."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )

    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        # The admin's list of people: its order (by name, then the newest first) and its filters.
        indexes = [
            models.Index(fields=["full_name", "-id"], name="person_admin_order"),
            models.Index(fields=["gender"], name="person_gender"),
            models.Index(fields=["public_consent"], name="person_public_consent"),
        ]

    def __str__(self) -> str:
        return self.full_name


class AffiliationQuerySet(models.QuerySet):
    def in_force(self, on: date | None = None) -> "AffiliationQuerySet":
        """Roles that have started and not ended on ``on`` (today by default)."""
        return self.filter(_in_force_on(on or timezone.localdate()))

    def current_focal_points(self, on: date | None = None) -> "AffiliationQuerySet":
        """The focal points in force, the one to contact first: the primary contact, then the
        one who took the role last. Alternates are never the focal point."""
        return (
            self.in_force(on)
            .filter(role=Affiliation.Role.FOCAL_POINT)
            .order_by("-is_primary", F("start").desc(nulls_last=True), "-pk")
        )


class Affiliation(TimeStampedModel):
    """A person's role at an organisation."""

    class Role(models.TextChoices):
        FOCAL_POINT = "focal_point", _("focal point")
        ALTERNATE = "alternate", _("alternate focal point")
        HEAD = "head", _("head of organisation")
        STAFF = "staff", _("staff")

    person = required_link(Person, _("person"), related_name="affiliations")
    organisation = organisation_link(related_name="affiliations")
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.STAFF)
    is_primary = models.BooleanField(_("primary contact"), default=False)
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)

    objects = AffiliationQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "-is_primary", "role"]
        verbose_name = _("role at an organisation")
        verbose_name_plural = _("roles at organisations")

    def __str__(self) -> str:
        return f"{self.person} · {self.get_role_display()} · {self.organisation}"


class PillarParticipation(models.Model):
    """Which organisations lead or take part in which pillar."""

    class Role(models.TextChoices):
        LEAD = "lead", _("lead")
        PARTICIPANT = "participant", _("participant")

    organisation = organisation_link(related_name="pillar_participations")
    pillar = required_link("vocabulary.Pillar", _("pillar"), related_name="participations")
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.PARTICIPANT)

    class Meta:
        ordering = ["pillar__order", "role"]
        verbose_name = _("pillar participation")
        verbose_name_plural = _("pillar participations")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "pillar"], name="one_participation_per_pillar")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.pillar} ({self.get_role_display()})"


class EditorRequest(TimeStampedModel):
    """An account asking to edit an organisation's profile; a coordinator decides."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for approval")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("declined")

    user = required_link(settings.AUTH_USER_MODEL, _("account"), related_name="editor_requests")
    organisation = organisation_link(related_name="editor_requests")
    position = models.CharField(_("your position"), max_length=200, blank=True)
    message = models.TextField(_("message to the coordinators"), blank=True)
    status = status_field(Status, default=Status.PENDING)
    decided_by = user_link(_("decided by"))
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("editor request")
        verbose_name_plural = _("editor requests")
        permissions = [("decide_editorrequest", _("Can approve or decline editor requests"))]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="one_request_per_user_and_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.organisation} ({self.get_status_display()})"
