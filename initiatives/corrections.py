"""Correcting an approved figure: the one way an approved update changes without going back to
its reporter.

An approved update counts in the network's totals, so it is never edited in place. A results
approver who finds it wrong records a correction: the figures before and after, who made it and
why. The update is saved with the reason as its history's change reason, and saving it moves the
results version of the page cache on (``core.apps.forget_cached_pages``, the same signal
an approval goes through), and the network's kept figures of its indicator are worked out again
in the same transaction (``initiatives.figures``), so the public totals show the corrected figure
at once.
"""

from collections.abc import Mapping
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils.translation import gettext as _

from core import roles
from core.mail import Notice, mail_notify

from . import figures
from .models import DimensionValue, IndicatorUpdate, UpdateCorrection, UpdateDisaggregation
from .services import check_disaggregations

CENT = Decimal("0.01")
FIGURES = ("value", "numerator", "denominator")


def disaggregation_key(dimension_value: DimensionValue) -> str:
    """How a correction's record names a part: ``sex:female``. A value's code is unique only
    within its dimension."""
    return f"{dimension_value.dimension.code}:{dimension_value.code}"


def _text(amount: Decimal | None) -> str | None:
    return None if amount is None else str(Decimal(amount).quantize(CENT))


def _record(update: IndicatorUpdate, parts: Mapping[DimensionValue, Decimal]) -> dict:
    """The figures of an update as a correction keeps them: amounts as strings, so the record
    reads the same whatever serialises it."""
    return {
        **{name: _text(getattr(update, name)) for name in FIGURES},
        "narrative": update.narrative,
        "disaggregations": {
            disaggregation_key(dimension_value): _text(amount)
            for dimension_value, amount in sorted(parts.items(), key=lambda item: disaggregation_key(item[0]))
        },
    }


@transaction.atomic
def indicator_update_correct(
    *,
    update: IndicatorUpdate,
    corrected_by: AbstractBaseUser,
    reason: str,
    value: Decimal | None = None,
    numerator: Decimal | None = None,
    denominator: Decimal | None = None,
    narrative: str | None = None,
    disaggregations: Mapping[DimensionValue, Decimal | None] | None = None,
) -> UpdateCorrection | None:
    """Correct an approved update's figures, recording what changed, who changed it and why.

    A figure given as None is left as it is. ``disaggregations`` gives the new amount of each
    part named in it; a part given None is removed, a part not named is kept. The result is
    checked as a member's report is (the parts within each dimension cannot add up to more than
    the whole, no negative numbers, a numerator no larger than its denominator). Returns the
    recorded correction, or None when nothing differs from the approved figures, in which case
    nothing is written.
    """
    if not corrected_by.has_perm(roles.CORRECT_RESULTS):
        raise ValidationError(_("Only results approvers can correct an approved figure."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            {"reason": _("Give the reason for the correction: it is kept with the figure.")}
        )
    update = IndicatorUpdate.objects.select_for_update().select_related("period__indicator").get(pk=update.pk)
    if update.status != IndicatorUpdate.Status.APPROVED:
        raise ValidationError(
            _("Only an approved update can be corrected; one waiting for approval is approved or returned.")
        )
    rows = {
        row.dimension_value: row
        for row in update.disaggregations.select_related("dimension_value__dimension")
    }
    parts = {dimension_value: row.value for dimension_value, row in rows.items()}
    before = _record(update, parts)

    for name, amount in zip(FIGURES, (value, numerator, denominator), strict=True):
        if amount is not None:
            setattr(update, name, amount)
    if narrative is not None:
        update.narrative = narrative
    amount_field = UpdateDisaggregation._meta.get_field("value")
    for dimension_value, amount in (disaggregations or {}).items():
        if amount is None:
            parts.pop(dimension_value, None)
        else:
            parts[dimension_value] = amount_field.clean(amount, None)
    update.full_clean()
    check_disaggregations(update, parts)
    after = _record(update, parts)
    if after == before:
        return None

    # Every history row this correction writes says who made it and why.
    def recorded(instance):
        instance._history_user = corrected_by
        instance._change_reason = reason
        return instance

    recorded(update).save(update_fields=[*FIGURES, "narrative", "updated_at"])
    for dimension_value, row in rows.items():
        if dimension_value not in parts:
            recorded(row).delete()
        elif row.value != parts[dimension_value]:
            row.value = parts[dimension_value]
            recorded(row).save(update_fields=["value"])
    for dimension_value, amount in parts.items():
        if dimension_value not in rows:
            recorded(
                UpdateDisaggregation(update=update, dimension_value=dimension_value, value=amount)
            ).save()
    correction = UpdateCorrection(
        update=update, reason=reason, corrected_by=corrected_by, before=before, after=after
    )
    correction.full_clean()
    correction.save()
    figures.year_figures_refresh(indicator_ids=[update.period.indicator_id])
    _notify_reporter(correction)
    return correction


def _figure(record: dict) -> str:
    """A recorded figure as the reader writes numbers ("35.000"), or a dash."""
    amount = record.get("value") or record.get("numerator")
    return floatformat(amount, "-2g") if amount is not None else "–"


def _notify_reporter(correction: UpdateCorrection) -> None:
    """The member who reported a figure is told when it is corrected, and why."""
    update = correction.update
    if update.submitted_by is None:
        return
    indicator = update.period.indicator
    initiative = indicator.result.initiative

    def compose() -> Notice:
        values = {"indicator": indicator.title, "initiative": initiative.title}
        return Notice(
            subject=_("Your approved figure for %(indicator)s has been corrected") % values,
            paragraphs=[
                _(
                    "A results approver corrected your approved update to %(indicator)s (%(initiative)s), for this reason:"
                )
                % values,
                correction.reason,
            ],
            details=[(_("Before"), _figure(correction.before)), (_("After"), _figure(correction.after))],
            action_label=_("Open the initiative's results"),
            action_path=reverse("initiatives:report_initiative", kwargs={"slug": initiative.slug}),
        )

    mail_notify(user=update.submitted_by, kind="update-corrected", key=str(correction.pk), compose=compose)
