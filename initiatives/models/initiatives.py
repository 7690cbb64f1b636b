"""Initiatives — the members' projects, programmes and pilot models — with their partners,
documents and photos."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.models import (
    SLUG_RESERVED,
    GalleryPhoto,
    PublishedQuerySet,
    SearchTextModel,
    TimeStampedModel,
    optional_link,
    required_link,
)
from core.private_files import (
    PrivateDownload,
    ProtectedFileField,
    document_upload_name,
    get_document_storage,
)
from members.models import IATI_IDENTIFIER_PATTERN, OrganisationRole, organisation_link

from .catalogue import amount_field


def document_upload_to(instance: "InitiativeDocument", filename: str) -> str:
    return document_upload_name("initiatives/documents", filename, private=not instance.is_public)


RESERVED_SLUGS = {"report", "results"}


class InitiativeQuerySet(PublishedQuerySet):
    def running(self, *, start: date, end: date) -> "InitiativeQuerySet":
        """Initiatives running at some point of ``start``–``end``: begun by its end and not ended
        before it began. A missing start or end leaves that side open."""
        return self.filter(Q(start__isnull=True) | Q(start__lte=end), Q(end__isnull=True) | Q(end__gte=start))


class Initiative(SearchTextModel, TimeStampedModel):
    """A project, programme or pilot model of the members."""

    SEARCH_TEXT_FIELDS = ("title_vi", "title_en", "acronym", "summary_vi", "summary_en", "location_detail")

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        ONGOING = "ongoing", _("ongoing")
        COMPLETED = "completed", _("completed")
        CANCELLED = "cancelled", _("cancelled")

    title = models.CharField(_("title"), max_length=300)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    summary = models.TextField(_("summary"), blank=True)
    objectives = models.TextField(_("objectives"), blank=True)
    parent = optional_link(
        "self",
        _("programme"),
        related_name="children",
        help_text=_("The programme this initiative belongs to, if any."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.ONGOING, db_index=True
    )
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)
    provinces = models.ManyToManyField(
        "vocabulary.Province", verbose_name=_("provinces"), blank=True, related_name="initiatives"
    )
    location_detail = models.CharField(
        _("districts, wards"), max_length=300, blank=True, help_text=_("E.g. Hoàn Kiếm district, six wards.")
    )
    pillars = models.ManyToManyField(
        "vocabulary.Pillar", verbose_name=_("pillars"), blank=True, related_name="initiatives"
    )
    is_published = models.BooleanField(_("published"), default=False, db_index=True)
    iati_identifier = models.CharField(
        _("IATI activity identifier"),
        max_length=150,
        blank=True,
        validators=[
            RegexValidator(
                IATI_IDENTIFIER_PATTERN,
                _(
                    "Enter an IATI organisation identifier followed by a hyphen and the activity's "
                    "own part, without spaces, e.g. XM-DAC-41114-VNM-00123."
                ),
            )
        ],
        help_text=_(
            "Leave empty unless the initiative already has an identifier in IATI, e.g. because its "
            "lead publishes it there. Otherwise the IATI export makes one from the lead's IATI "
            "organisation identifier (or the network's) and the initiative's number."
        ),
    )

    objects = InitiativeQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        ordering = ["-start", "title"]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        # The public list shows published initiatives, the latest first, in the visitor's language.
        indexes = [
            models.Index(
                fields=["-start", "title_vi"], name="initiative_public_vi", condition=Q(is_published=True)
            ),
            models.Index(
                fields=["-start", "title_en"], name="initiative_public_en", condition=Q(is_published=True)
            ),
            # The admin lists every initiative in that order; its lists of results, indicators and
            # periods follow their initiatives' order, which names the untranslated title column
            # (written as expressions, which modeltranslation does not copy for each language).
            models.Index(fields=["-start", "title_vi", "-id"], name="initiative_admin_order"),
            models.Index(F("start").desc(), F("title"), name="initiative_start_title"),
            # The public list's years and status counts, and the counts on other tables that
            # keep the links to published initiatives, read this small index, not the wide table.
            models.Index(
                fields=["start", "end", "status", "id"],
                name="initiative_published_facets",
                condition=Q(is_published=True),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(start__isnull=True) | Q(end__gte=F("start")),
                name="initiative_end_after_start",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
            models.UniqueConstraint(
                fields=["iati_identifier"],
                condition=~Q(iati_identifier=""),
                name="unique_initiative_iati_identifier",
                violation_error_message=_("Another initiative has this IATI identifier."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.acronym})" if self.acronym else self.title

    def clean(self) -> None:
        # These words are pages of their own under /initiatives/.
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": SLUG_RESERVED})

    def get_absolute_url(self) -> str:
        return reverse("initiatives:detail", kwargs={"slug": self.slug})


class InitiativePartner(OrganisationRole):
    class Role(models.TextChoices):
        FUNDER = "funder", _("funder")
        ACCOUNTABLE = "accountable", _("accountable (lead)")
        IMPLEMENTING = "implementing", _("implementing")
        PARTNER = "partner", pgettext_lazy("initiative role", "partner")

    initiative = required_link(Initiative, _("initiative"), related_name="partners")
    organisation = organisation_link(related_name="initiative_partnerships", on_delete=models.PROTECT)
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.PARTNER)
    funding_amount = amount_field(_("funding amount"))
    currency = models.CharField(_("currency"), max_length=3, blank=True, default="VND")

    class Meta:
        ordering = ["role", "organisation__name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "organisation", "role"], name="one_role_per_partner_and_initiative"
            )
        ]


class InitiativeDocument(PrivateDownload, models.Model):
    DOWNLOAD_VIEW = "initiatives:document_download"

    initiative = required_link(Initiative, _("initiative"), related_name="documents")
    title = models.CharField(_("title"), max_length=255)
    # Not public: the file is in private storage. Saved by core.private_files.document_save,
    # which moves the file when that changes.
    file = ProtectedFileField(_("file"), storage=get_document_storage, upload_to=document_upload_to)
    is_public = models.BooleanField(
        _("public"),
        default=True,
        help_text=_("Untick for documents only coordinators and the partners may download."),
    )

    class Meta:
        ordering = ["title"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.title


class InitiativePhoto(GalleryPhoto):
    initiative = required_link(Initiative, _("initiative"), related_name="photos")
    image = models.ImageField(_("photo"), upload_to="initiatives/photos/")
    thumbnail = models.ImageField(_("thumbnail"), upload_to="initiatives/photos/", blank=True, editable=False)
    caption = models.CharField(_("caption"), max_length=255, blank=True)
