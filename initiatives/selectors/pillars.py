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
                "participations",
                queryset=PillarParticipation.objects.filter(organisation__is_published=True)
                .select_related("organisation")
                .order_by("role", "organisation__name"),
                to_attr="public_participations",
            ),
            Prefetch(
                "technical_groups",
                queryset=TechnicalGroup.objects.select_related("lead_organisation"),
            ),
        )
        .filter(code=code)
        .first()
    )


def pillar_initiatives(*, pillar: Pillar, limit: int = 12) -> QuerySet[Initiative]:
    return with_list_rows(initiative_public_queryset(pillar=pillar)).order_by("-start", "title")[:limit]


def pillar_list_with_groups() -> QuerySet[Pillar]:
    """The published pillars with their technical groups and the groups' lead organisations
    loaded: two queries for them all. Show a lead only while it is published, as the pillar's
    page does (``templates/initiatives/pillar_detail.html``)."""
    return pillar_list_public().prefetch_related(
        Prefetch("technical_groups", queryset=TechnicalGroup.objects.select_related("lead_organisation"))
    )
