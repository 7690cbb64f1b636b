"""What the directory's sheets share: provinces and emails as people type them, and dates in
order."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.imports import (
    LookupWidget,
    TextWidget,
    cell_text,
)
from vocabulary.models import Province

# Pages of the directory whose address an organisation's slug must not take.
RESERVED_SLUGS = {"mine", "reminders"}


def province_widget() -> LookupWidget:
    """A province by its code or its name in either language, with or without "Tỉnh",
    "Thành phố" or "TP." in front. A former province is itself: it counts in the province it
    merged into wherever provinces are counted (``vocabulary.models.in_province``)."""
    return LookupWidget(
        lambda: Province.objects.all(),
        keys=("code", "name_vi", "name_en"),
        prefixes=("tinh", "thanh pho", "tp"),
    )


class EmailWidget(TextWidget):
    def clean(self, value, row=None, **kwargs) -> str:
        return cell_text(value).replace(" ", "").lower()


def dates_in_order(values: dict, start: str, end: str) -> None:
    if values.get(start) and values.get(end) and values[end] < values[start]:
        raise ValidationError({end: _("The end date cannot be before the start date.")})
