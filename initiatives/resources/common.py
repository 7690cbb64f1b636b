"""What the initiatives' sheets share: how a row names its initiative, result, indicator and
organisations, and the parts of the split by sex."""

from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.widgets import Widget

from core.imports import (
    Column,
    cell_text,
)
from members import matching
from members.models import Organisation

from ..models import (
    DimensionValue,
    Indicator,
    Initiative,
    Result,
)

SLUG_HELP = gettext_lazy(
    "The initiative's slug, as in its address, exactly its Vietnamese title, or its acronym."
)


class InitiativeWidget(Widget):
    """An initiative by its slug, exactly its Vietnamese title or its acronym, looked up each time:
    a programme may come on an earlier row of the same file."""

    def clean(self, value, row=None, **kwargs) -> Initiative | None:
        text = cell_text(value)
        if not text:
            return None
        found = list(Initiative.objects.filter(slug=text)[:1]) or list(
            Initiative.objects.filter(Q(title_vi=text) | Q(acronym=text))[:2]
        )
        if len(found) != 1:
            raise ValueError(
                _("No single initiative has the slug or title “%(value)s”.") % {"value": text}
                if found
                else _("No initiative has the slug or title “%(value)s”.") % {"value": text}
            )
        return found[0]

    def render(self, value, obj=None, **kwargs) -> str:
        return value.slug if value is not None else ""


def initiative_column(**options: Any) -> Column:
    return Column(
        vi="Sáng kiến (mã)",
        en="Initiative (slug)",
        widget=InitiativeWidget(),
        required=True,
        help_text=SLUG_HELP,
        **options,
    )


def result_column(**options: Any) -> Column:
    return Column(vi="Kết quả (tiếng Việt)", en="Result (Vietnamese)", **options)


def indicator_column(**options: Any) -> Column:
    return Column(vi="Chỉ số (tiếng Việt)", en="Indicator (Vietnamese)", required=True, **options)


class RowPlace:
    """For a resource: finding a row's initiative, result or indicator from its columns."""

    def row_initiative(self, row: dict) -> Initiative | None:
        try:
            return InitiativeWidget().clean(row.get("initiative"))
        except ValueError as error:
            self.add_row_error("initiative", str(error))
            return None

    def row_result(self, row: dict, *, required: bool) -> Result | None:
        initiative = self.row_initiative(row)
        title = cell_text(row.get("result"))
        if initiative is None or (not title and not required):
            return None
        found = list(initiative.results.filter(title_vi=title)[:2]) if title else []
        if len(found) != 1:
            self.add_row_error(
                "result",
                _("The initiative has no result with exactly this title.")
                if not found
                else _("The initiative has several results with this title."),
            )
            return None
        return found[0]

    def row_indicator(self, row: dict) -> Indicator | None:
        initiative = self.row_initiative(row)
        title = cell_text(row.get("indicator"))
        if initiative is None or not title:
            return None
        indicators = Indicator.objects.filter(result__initiative=initiative, title_vi=title)
        if cell_text(row.get("result")):
            result = self.row_result(row, required=True)
            if result is None:
                return None
            indicators = indicators.filter(result=result)
        found = list(indicators.select_related("result")[:2])
        if len(found) != 1:
            self.add_row_error(
                "indicator",
                _("The initiative has no indicator with exactly this title.")
                if not found
                else _(
                    "The initiative has several indicators with this title; add the result column to say which."
                ),
            )
            return None
        return found[0]


def organisation_list(
    directory: matching.OrganisationIndex, text: str
) -> tuple[list[Organisation], list[str]]:
    """The organisations a cell lists ("GreenHub; CECR"), and the names the directory does not know."""
    found, unknown = [], []
    for part in text.replace("\n", ";").split(";"):
        name = cell_text(part)
        if not name:
            continue
        organisation = directory.match(name)
        if organisation is None:
            unknown.append(name)
        elif organisation not in found:
            found.append(organisation)
    return found, unknown


def unknown_organisations(names: list[str]) -> str:
    return _(
        "Not organisations of the directory: %(names)s. Add them first, or write their names as the directory has them."
    ) % {"names": "; ".join(names)}


# --- initiatives ------------------------------------------------------------------------------


def sex_parts() -> dict[str, DimensionValue]:
    """The parts of the split by sex the sheets have columns for, by column."""
    values = {
        value.code: value
        for value in DimensionValue.objects.filter(dimension__code="sex").select_related("dimension")
    }
    return {column: values[code] for column, code in (("women", "female"), ("men", "male")) if code in values}
