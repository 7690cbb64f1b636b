"""Formatting of results figures in the visitor's language: 35.000 in Vietnamese, 35,000 in English."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def amount(value) -> str:
    """A number with grouping, without trailing zeros: 35.000 · 1,5 · 20."""
    if value is None or value == "":
        return "—"
    value = Decimal(value)
    places = 0 if value == value.to_integral_value() else 2
    text = number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)
    if places:
        text = text.rstrip("0")
    return text


@register.filter
def figure(value, unit: str = "") -> str:
    """A roll-up figure: "35.000 kg", or for a percentage "100 % (5/5)"."""
    if value is None:
        return "—"
    if value.denominator is not None:
        if value.percentage is None:
            return "—"
        return f"{amount(value.percentage.quantize(Decimal('0.1')))} % ({amount(value.numerator)}/{amount(value.denominator)})"
    return f"{amount(value.value)} {unit}".strip()
