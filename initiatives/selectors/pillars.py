"""Reads of the pillars' public pages."""

from django.db.models import Prefetch, QuerySet

from members.models import PillarParticipation
from vocabulary.models import Pillar, TechnicalGroup

from ..models import Initiative
from .public import initiative_public_queryset, with_list_rows


def pillar_list_public() -> QuerySet[Pillar]:
    return Pillar.objects.published()


def pillar_get_public(*, code: str) -> Pillar | None:
    return (
        pillar_list_public()
        .prefetch_related(
            Prefetch(
                "technical_groups",
                queryset=TechnicalGroup.objects.select_related("lead_organisation"),
            ),
        )
        .filter(code=code)
        .first()
    )


def pillar_organisations(*, pillar: Pillar, limit: int = 30) -> tuple[list[PillarParticipation], int]:
    """The first ``limit`` published organisations taking part in ``pillar``, leads first and
    then by name, and how many take part in all: at national scale a pillar has thousands, which
    the member directory lists by the pillar."""
    participations = PillarParticipation.objects.filter(pillar=pillar, organisation__is_published=True)
    shown = participations.select_related("organisation").order_by("role", "organisation__name")[:limit]
    return list(shown), participations.count()


def pillar_initiatives(*, pillar: Pillar, limit: int = 12) -> QuerySet[Initiative]:
    return with_list_rows(initiative_public_queryset(pillar=pillar)).order_by("-start", "title")[:limit]


def pillar_list_with_groups() -> QuerySet[Pillar]:
    """The published pillars with their technical groups and the groups' lead organisations
    loaded: two queries for them all. Show a lead only while it is published, as the pillar's
    page does (``templates/initiatives/pillar_detail.html``)."""
    return pillar_list_public().prefetch_related(
        Prefetch("technical_groups", queryset=TechnicalGroup.objects.select_related("lead_organisation"))
    )
