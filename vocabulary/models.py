"""The network's shared vocabulary: the pillars of the NPAP plan with their technical groups,
and Vietnam's provinces with the former ones that merged into them.

Every app names these; they live below all of them, with one queryset or helper for each rule
("published", "a former province counts in its successor").
"""

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import PublishedQuerySet, TimeStampedModel, optional_link, order_field


class ProvinceQuerySet(models.QuerySet):
    def current(self) -> "ProvinceQuerySet":
        """The provinces that exist today: the ones a visitor chooses from."""
        return self.filter(successor__isnull=True)


def in_province(province, field: str = "province") -> Q:
    """Rows whose ``field`` is ``province`` or a former province merged into it: a record made
    before a merger counts in the province that exists today. ``province`` is a row or a code."""
    key = "" if isinstance(province, models.Model) else "__code"
    return Q(**{f"{field}{key}": province}) | Q(**{f"{field}__successor{key}": province})


def province_related(field: str = "province") -> tuple[str, str]:
    """What to ``select_related`` so that ``province.current`` costs no query."""
    return field, f"{field}__successor"


def current_province_code(row: dict, field: str = "province") -> str | None:
    """The code of the province today of a ``values(*province_code_values(field))`` row."""
    return row[f"{field}__successor__code"] or row[f"{field}__code"]


def province_code_values(field: str = "province") -> tuple[str, str]:
    return f"{field}__code", f"{field}__successor__code"


class Province(models.Model):
    """Vietnam's provinces: the current ones, and former ones pointing at their successor so
    records made before a merger still group under the province that exists today."""

    class Kind(models.TextChoices):
        CITY = "city", _("centrally-run city")
        PROVINCE = "province", _("province")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.PROVINCE)
    successor = optional_link(
        "self",
        _("merged into"),
        on_delete=models.PROTECT,
        related_name="predecessors",
        help_text=_("For a former province: the current province it became part of."),
    )
    order = order_field()

    objects = ProvinceQuerySet.as_manager()

    class Meta:
        # The table keeps the name it had in the member directory, where provinces began.
        db_table = "members_province"
        ordering = ["order", "code"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self) -> str:
        return self.name

    @property
    def current(self) -> "Province":
        return self.successor or self


def province_link(*, related_name: str) -> models.ForeignKey:
    """The province a row is in, if it has one; a province in use cannot be deleted."""
    return optional_link(Province, _("province"), on_delete=models.PROTECT, related_name=related_name)


class Pillar(TimeStampedModel):
    """A thematic area of the programme. Pillars are data coordinators edit, never a fixed list."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    order = order_field()
    colour = models.CharField(
        _("colour"),
        max_length=7,
        default="#1f6f5c",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Enter a colour as #RRGGBB."))],
    )
    is_published = models.BooleanField(_("published"), default=True)
    dac_sector = models.CharField(
        _("DAC sector"),
        max_length=5,
        blank=True,
        validators=[RegexValidator(r"^[0-9]{5}$", _("Enter a 5-digit OECD DAC purpose code."))],
        help_text=_(
            "The OECD DAC 5-digit purpose code of the pillar's work in the IATI export, e.g. 41010 "
            "(environmental policy). Left empty, the export gives 14050 (waste management/disposal)."
        ),
    )

    objects = PublishedQuerySet.as_manager()

    class Meta:
        db_table = "initiatives_pillar"
        ordering = ["order", "code"]
        verbose_name = _("pillar")
        verbose_name_plural = _("pillars")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("initiatives:pillar_detail", kwargs={"code": self.code})


def pillar_link() -> models.ForeignKey:
    """The one pillar a row is about, if any; a pillar in use cannot be deleted."""
    return optional_link(Pillar, _("pillar"), on_delete=models.PROTECT)


class TechnicalGroup(TimeStampedModel):
    """A pillar's technical group (e.g. "Innovation & Finance"), with an optional lead."""

    pillar = models.ForeignKey(
        Pillar, verbose_name=_("pillar"), on_delete=models.CASCADE, related_name="technical_groups"
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    lead_organisation = optional_link(
        "members.Organisation", _("lead organisation"), related_name="led_technical_groups"
    )
    order = order_field()

    class Meta:
        db_table = "initiatives_technicalgroup"
        ordering = ["pillar__order", "order", "pk"]
        verbose_name = _("technical group")
        verbose_name_plural = _("technical groups")

    def __str__(self) -> str:
        return self.name
