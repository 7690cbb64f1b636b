"""Reads of the pages member editors report results with, and of the results approvers' queue."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Prefetch, QuerySet

from core.search import accent_insensitive_search
from members.models import Organisation
from members.selectors import organisations_editable_by

from ..models import DimensionValue, Indicator, IndicatorUpdate, Initiative, InitiativePartner, Period


def initiatives_reportable_by(*, user: AbstractBaseUser) -> QuerySet[Initiative]:
    """Initiatives a member editor may report on: those where one of the organisations they
    edit is a partner. Coordinators may report on every initiative."""
    if not user.is_authenticated:
        return Initiative.objects.none()
    if user.has_perm("initiatives.add_indicatorupdate"):
        return Initiative.objects.all()
    return Initiative.objects.filter(pk__in=partnered_by_editor(user=user))


def partnered_by_editor(*, user: AbstractBaseUser) -> QuerySet[InitiativePartner]:
    """The ids of the initiatives a partner organisation that ``user`` edits takes part in."""
    return InitiativePartner.objects.filter(organisation__in=organisations_editable_by(user=user)).values(
        "initiative_id"
    )


def initiative_get_reportable(*, user: AbstractBaseUser, slug: str) -> Initiative | None:
    return initiatives_reportable_by(user=user).filter(slug=slug).first()


def reporting_organisation(*, user: AbstractBaseUser, initiative: Initiative) -> Organisation | None:
    """The organisation an update is reported for: the user's partner organisation."""
    return (
        organisations_editable_by(user=user)
        .filter(initiative_partnerships__initiative=initiative)
        .order_by("name")
        .first()
    )


def initiatives_reportable_list(*, user: AbstractBaseUser, q: str = "") -> QuerySet[Initiative]:
    """The initiatives ``user`` may report on whose title, acronym or place hold every word of
    ``q`` (diacritics ignored), the latest first."""
    initiatives = accent_insensitive_search(initiatives_reportable_by(user=user), q, ["search_text"])
    return initiatives.order_by("-start", "title", "pk")


def initiative_reporting_view(*, initiative: Initiative, q: str = "") -> QuerySet[Indicator]:
    """The initiative's indicators for its reporting page, result by result, those whose title
    holds every word of ``q``; each with its periods and their updates (any status). The
    periods are read for the indicators of the page shown only, in two queries."""
    updates = IndicatorUpdate.objects.select_related("submitted_by", "organisation").order_by(
        "-reported_on", "-pk"
    )
    periods = Period.objects.prefetch_related(Prefetch("updates", queryset=updates)).order_by("start")
    indicators = accent_insensitive_search(
        Indicator.objects.filter(result__initiative=initiative), q, ["title_vi", "title_en"]
    )
    return (
        indicators.select_related("result")
        .prefetch_related(Prefetch("periods", queryset=periods))
        .order_by("result__order", "result_id", "order", "pk")
    )


def period_get_reportable(*, initiative: Initiative, period_id: int) -> Period | None:
    return (
        Period.objects.select_related("indicator", "indicator__result")
        .filter(indicator__result__initiative=initiative, pk=period_id)
        .first()
    )


def update_get_editable(*, initiative: Initiative, update_id: int) -> IndicatorUpdate | None:
    return (
        IndicatorUpdate.objects.select_related("period", "period__indicator", "period__indicator__result")
        .prefetch_related("disaggregations", "evidence")
        .filter(period__indicator__result__initiative=initiative, pk=update_id)
        .first()
    )


def sex_values() -> list[DimensionValue]:
    """The split by sex members report their figures in."""
    return list(DimensionValue.objects.filter(dimension__code="sex").select_related("dimension"))


def approval_queue() -> QuerySet[IndicatorUpdate]:
    """Every update waiting for approval, oldest submitted first, with what its row shows."""
    return (
        IndicatorUpdate.objects.filter(status=IndicatorUpdate.Status.SUBMITTED)
        .select_related(
            "period",
            "period__indicator",
            "period__indicator__result__initiative",
            "submitted_by",
            "organisation",
        )
        .prefetch_related("disaggregations__dimension_value", "evidence")
        .order_by("submitted_at", "pk")
    )
