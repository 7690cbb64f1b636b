"""A resource of the knowledge hub: a document, a link or a video, described in Vietnamese and
English, tied to the pillars, groups, organisations, places, initiatives and events it is about.

A good-practice model also tells its story (the problem, what was done, the results, how to
replicate it) and names the initiatives and results behind it. Coordinators add resources in the
admin; a member editor may propose one for their organisation, which stays out of sight until a
coordinator accepts and publishes it.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import (
    SLUG_RESERVED,
    PublishedQuerySet,
    SearchTextModel,
    TimeStampedModel,
    file_or_link_error,
    generated_upload_name,
    language_field,
    optional_link,
    order_field,
    required_link,
    status_field,
    user_link,
)
from core.private_files import get_private_storage
from members.models import OrganisationRole, organisation_link

# Pages of their own under /hub/; a resource with one of these slugs could never be reached.
RESERVED_SLUGS = {"feed.rss", "feed.atom", "propose", "mine"}


def resource_upload_to(instance: "Resource", filename: str) -> str:
    return generated_upload_name("hub/resources", filename)


class ResourceQuerySet(PublishedQuerySet):
    def public(self) -> "ResourceQuerySet":
        """What visitors see: published, and accepted if a member proposed it."""
        return self.filter(is_published=True, review_status=Resource.Review.ACCEPTED)


class Resource(SearchTextModel, TimeStampedModel):
    SEARCH_TEXT_FIELDS = (
        "title_vi",
        "title_en",
        "summary_vi",
        "summary_en",
        "problem_vi",
        "problem_en",
        "approach_vi",
        "approach_en",
    )

    class Kind(models.TextChoices):
        GOOD_PRACTICE = "good_practice", _("good-practice model")
        STUDY = "study", _("study or analytical report")
        GUIDELINE = "guideline", _("guideline")
        POLICY = "policy", _("policy document")
        TRANSLATION = "translation", _("translation")
        PRESENTATION = "presentation", _("presentation")
        LINK = "link", _("link")
        VIDEO = "video", _("video")

    class Review(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, db_index=True)
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    summary = models.TextField(_("summary"), blank=True)
    # Served only through the download view, which counts and refuses what is not public: a
    # proposal's file, or one unpublished again, has no address anyone could keep.
    file = models.FileField(
        _("file"), storage=get_private_storage, upload_to=resource_upload_to, blank=True, max_length=200
    )
    url = models.URLField(_("link"), max_length=500, blank=True)
    cover = models.ImageField(_("cover"), upload_to="hub/covers/", blank=True)
    cover_thumbnail = models.ImageField(
        _("cover thumbnail"), upload_to="hub/covers/", blank=True, editable=False
    )
    language = language_field()
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    pillars = models.ManyToManyField(
        "vocabulary.Pillar", verbose_name=_("pillars"), blank=True, related_name="hub_resources"
    )
    technical_groups = models.ManyToManyField(
        "vocabulary.TechnicalGroup",
        verbose_name=_("technical groups"),
        blank=True,
        related_name="hub_resources",
    )
    provinces = models.ManyToManyField(
        "vocabulary.Province", verbose_name=_("provinces"), blank=True, related_name="hub_resources"
    )
    initiatives = models.ManyToManyField(
        "initiatives.Initiative",
        verbose_name=_("related initiatives"),
        blank=True,
        related_name="hub_resources",
    )
    events = models.ManyToManyField(
        "events.Event", verbose_name=_("related events"), blank=True, related_name="hub_resources"
    )
    # A good-practice model's story.
    problem = models.TextField(_("the problem"), blank=True)
    approach = models.TextField(_("what was done"), blank=True)
    outcomes = models.TextField(_("results"), blank=True)
    replication = models.TextField(_("how to replicate it"), blank=True)
    results = models.ManyToManyField(
        "initiatives.Result",
        verbose_name=_("results behind the model"),
        blank=True,
        related_name="hub_resources",
        help_text=_("Results of the related initiatives whose approved figures the model's page shows."),
    )
    is_published = models.BooleanField(_("published"), default=False, db_index=True)
    review_status = status_field(Review, default=Review.ACCEPTED)
    proposed_by = user_link(_("proposed by"))
    proposing_organisation = optional_link(
        "members.Organisation",
        _("proposed for"),
        related_name="hub_proposals",
        help_text=_("The member organisation whose editor proposed the resource."),
    )
    download_count = models.PositiveIntegerField(_("downloads and visits"), default=0, editable=False)

    objects = ResourceQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_text", "download_count", "cover_thumbnail"])

    class Meta:
        ordering = ["-year", "-created_at", "-pk"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        permissions = [("review_resource", _("Can accept or decline resources proposed by members"))]
        indexes = [models.Index(fields=["is_published", "review_status", "year"], name="hub_resource_public")]
        constraints = [
            models.CheckConstraint(
                condition=~(Q(file="") & Q(url="")),
                name="hub_resource_file_or_link",
                violation_error_message=_("Upload a file or give a link."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("hub:detail", kwargs={"slug": self.slug})

    @property
    def download_url(self) -> str:
        return reverse("hub:download", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        return self.is_published and self.review_status == self.Review.ACCEPTED

    @property
    def is_good_practice(self) -> bool:
        return self.kind == self.Kind.GOOD_PRACTICE

    @property
    def has_story(self) -> bool:
        return any([self.problem, self.approach, self.outcomes, self.replication])

    def clean(self) -> None:
        errors: dict[str, list] = {}
        if self.slug in RESERVED_SLUGS:
            errors.setdefault("slug", []).append(SLUG_RESERVED)
        if file_error := file_or_link_error(self.file, self.url):
            errors.setdefault("url", []).append(file_error)
        if self.kind in (self.Kind.VIDEO, self.Kind.LINK) and self.file:
            errors.setdefault("file", []).append(_("A video or a link is given by its address, not a file."))
        if self.year is not None and not 1950 <= self.year <= 2100:
            errors.setdefault("year", []).append(_("Enter a year between 1950 and 2100."))
        if self.is_published and self.review_status != self.Review.ACCEPTED:
            errors.setdefault("is_published", []).append(
                _("Accept a proposed resource before publishing it.")
            )
        if errors:
            raise ValidationError(errors)


class ResourceOrganisation(OrganisationRole):
    """An organisation that wrote or published a resource."""

    class Role(models.TextChoices):
        AUTHOR = "author", _("author")
        PUBLISHER = "publisher", _("publisher")

    resource = required_link(Resource, _("resource"), related_name="organisation_roles")
    organisation = organisation_link(related_name="hub_resource_roles", on_delete=models.PROTECT)
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.AUTHOR)
    order = order_field()

    class Meta:
        ordering = ["order", "role", "pk"]
        verbose_name = _("organisation of the resource")
        verbose_name_plural = _("organisations of the resource")
        constraints = [
            models.UniqueConstraint(
                fields=["resource", "organisation", "role"], name="hub_one_role_per_organisation"
            )
        ]
