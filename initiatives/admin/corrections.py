"""Correcting an approved figure in the admin: the parts it may be broken into, the form of the
corrected figures and the reason, and a recorded correction as lines a reader can follow."""

from decimal import Decimal

from django import forms
from django.db.models import Q
from django.utils import formats
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from .. import corrections
from ..forms import amount_field
from ..models import DimensionValue, IndicatorUpdate, Measure, UpdateCorrection


def part_label(value: DimensionValue) -> str:
    return f"{value.name} ({value.dimension.name})"


def correction_dimension_values(update: IndicatorUpdate) -> list[DimensionValue]:
    """The parts an update may be broken into: by sex, as members report (see
    ``selectors.sex_values``), and by any other dimension its period has targets for or it
    already has values in."""
    return list(
        DimensionValue.objects.filter(
            Q(dimension__code="sex")
            | Q(pk__in=update.disaggregations.values("dimension_value"))
            | Q(pk__in=update.period.disaggregation_targets.values("dimension_value"))
        )
        .select_related("dimension")
        .distinct()
    )


class CorrectionForm(forms.Form):
    """The corrected figures of an approved update, as its indicator measures them, and why."""

    narrative = forms.CharField(
        label=_("Narrative"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    # Required by the correction service, which gives the error a reason of its own.
    reason = forms.CharField(
        label=_("Reason for the correction"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept with the correction and shown in the update's history."),
    )

    def __init__(
        self, *args, update: IndicatorUpdate, dimension_values: list[DimensionValue], **kwargs
    ) -> None:
        indicator = update.period.indicator
        current = {row.dimension_value_id: row.value for row in update.disaggregations.all()}
        kwargs.setdefault(
            "initial",
            {
                "value": update.value,
                "numerator": update.numerator,
                "denominator": update.denominator,
                "narrative": update.narrative,
                **{f"dv_{value.pk}": current.get(value.pk) for value in dimension_values},
            },
        )
        super().__init__(*args, **kwargs)
        unit = f" ({indicator.unit})" if indicator.unit else ""
        if indicator.measure == Measure.QUANTITATIVE:
            self.fields["value"] = amount_field(_("Value") + unit, required=True)
        elif indicator.measure == Measure.PERCENTAGE:
            self.fields["numerator"] = amount_field(_("Numerator"), required=True)
            self.fields["denominator"] = amount_field(_("Denominator"), required=True)
        else:
            self.fields["narrative"].required = True
        self.parts: dict[str, DimensionValue] = {}
        if indicator.measure != Measure.QUALITATIVE:
            for value in dimension_values:
                self.fields[f"dv_{value.pk}"] = amount_field(part_label(value))
                self.parts[f"dv_{value.pk}"] = value
        self.order_fields(["value", "numerator", "denominator", *self.parts, "narrative", "reason"])

    def figures(self) -> dict:
        """The correction service's arguments: figures the indicator does not measure are None,
        which leaves them as they are; an emptied part is removed."""
        data = self.cleaned_data
        return {
            "value": data.get("value"),
            "numerator": data.get("numerator"),
            "denominator": data.get("denominator"),
            "narrative": data.get("narrative", ""),
            "disaggregations": {value: data.get(name) for name, value in self.parts.items()},
        }


def part_names() -> dict[str, str]:
    """The name of each part, by the key a correction records it under."""
    return {
        corrections.disaggregation_key(value): part_label(value)
        for value in DimensionValue.objects.select_related("dimension")
    }


def correction_lines(correction: UpdateCorrection, names: dict[str, str]) -> SafeString:
    """What ``correction`` changed, a line each ("Value: 35.000 → 36.000"); parts are named by
    ``names`` (see :func:`part_names`)."""

    def amount(text: str | None) -> str:
        return formats.localize(Decimal(text)) if text else "—"

    def label(name: str) -> str:
        return IndicatorUpdate._meta.get_field(name).verbose_name

    before, after = correction.before, correction.after
    lines = [
        (label(name), amount(before.get(name)), amount(after.get(name)))
        for name in corrections.FIGURES
        if before.get(name) != after.get(name)
    ]
    parts_before, parts_after = before.get("disaggregations", {}), after.get("disaggregations", {})
    lines += [
        (names.get(key, key), amount(parts_before.get(key)), amount(parts_after.get(key)))
        for key in sorted(parts_before.keys() | parts_after.keys())
        if parts_before.get(key) != parts_after.get(key)
    ]
    if before.get("narrative") != after.get("narrative"):
        lines.append((label("narrative"), before.get("narrative") or "—", after.get("narrative") or "—"))
    return format_html_join(mark_safe("<br>"), "{}: {} → {}", lines)
