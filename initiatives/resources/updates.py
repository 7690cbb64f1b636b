"""Approved figures of the past as an import sheet, with their split by sex. An approved figure
is never changed by an import: a row that differs is refused and points to the recorded
correction."""

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.imports import (
    Column,
    DateWidget,
    DecimalWidget,
    SpreadsheetResource,
    TextWidget,
    cell_text,
)
from members import matching

from .. import figures
from ..models import (
    DimensionValue,
    IndicatorUpdate,
    Period,
    UpdateDisaggregation,
)
from ..services import check_disaggregations, locked_message
from .common import (
    RowPlace,
    indicator_column,
    initiative_column,
    result_column,
    sex_parts,
    unknown_organisations,
)


class IndicatorUpdateResource(RowPlace, SpreadsheetResource):
    """Figures reported before the portal, imported as approved updates with their split by sex.

    Each row is checked as a member's update is (the date within the period, the figures the
    indicator measures, no negative figure, parts not above the whole, the period not locked), and
    is recorded in the history as approved by the coordinator who imports it."""

    title = gettext_lazy("approved figures")

    initiative = initiative_column()
    result = result_column(
        help_text=gettext_lazy("Only needed when two results have an indicator of the same title.")
    )
    indicator = indicator_column()
    period_start = Column(
        vi="Kỳ từ ngày",
        en="Period start",
        widget=DateWidget(),
        help_text=gettext_lazy("Only needed when several periods of the indicator include the date."),
    )
    period_end = Column(vi="Kỳ đến ngày", en="Period end", widget=DateWidget())
    organisation = Column(
        vi="Tổ chức báo cáo",
        en="Reported for",
        help_text=gettext_lazy("Its name, acronym or another name the directory knows it by."),
    )
    reported_on = Column(
        "reported_on", vi="Số liệu tính đến ngày", en="Figure as of", widget=DateWidget(), required=True
    )
    value = Column("value", vi="Giá trị", en="Value", widget=DecimalWidget())
    numerator = Column("numerator", vi="Tử số", en="Numerator", widget=DecimalWidget())
    denominator = Column("denominator", vi="Mẫu số", en="Denominator", widget=DecimalWidget())
    women = Column(vi="Trong đó nữ", en="Of whom women", widget=DecimalWidget())
    men = Column(vi="Trong đó nam", en="Of whom men", widget=DecimalWidget())
    narrative = Column("narrative", vi="Mô tả", en="Narrative", widget=TextWidget(multiline=True))

    class Meta:
        model = IndicatorUpdate
        fields = (
            "initiative",
            "result",
            "indicator",
            "period_start",
            "period_end",
            "organisation",
            "reported_on",
            "value",
            "numerator",
            "denominator",
            "women",
            "men",
            "narrative",
        )

    FIGURES = ("value", "numerator", "denominator", "narrative")

    def prepare(self, dataset, **kwargs: Any) -> None:
        self.user = kwargs.get("user")
        self.parts = sex_parts()
        self.directory = matching.OrganisationIndex.load()
        self.indicators_counted: set[int] = set()

    def after_import(self, dataset, result, **kwargs: Any) -> None:
        super().after_import(dataset, result, **kwargs)
        # In the import's transaction: the network's figures count the imported approved figures.
        figures.year_figures_refresh(indicator_ids=self.indicators_counted)

    def _row_period(self, row: dict) -> Period | None:
        indicator = self.row_indicator(row)
        widget = DateWidget()
        try:
            reported_on = widget.clean(row.get("reported_on"))
            start, end = widget.clean(row.get("period_start")), widget.clean(row.get("period_end"))
        except ValueError:
            return None
        if indicator is None or reported_on is None:
            return None
        periods = indicator.periods.filter(start__lte=reported_on, end__gte=reported_on)
        if start:
            periods = periods.filter(start=start)
        if end:
            periods = periods.filter(end=end)
        found = list(periods.select_related("indicator")[:2])
        if len(found) != 1:
            self.add_row_error(
                "reported_on",
                _("The indicator has no period that includes %(date)s; add it first.")
                % {"date": f"{reported_on:%d/%m/%Y}"}
                if not found
                else _(
                    "Several periods of the indicator include this date; add the period's dates to say which."
                ),
            )
            return None
        return found[0]

    def find_existing(self, row: dict) -> IndicatorUpdate | None:
        written = cell_text(row.get("organisation"))
        self.row_organisation = self.directory.match(written) if written else None
        if written and self.row_organisation is None:
            self.add_row_error("organisation", unknown_organisations([written]))
        self.row_period = self._row_period(row)
        if self.row_period is None:
            return None
        try:
            reported_on = DateWidget().clean(row.get("reported_on"))
        except ValueError:
            return None
        return (
            self.row_period.updates.filter(organisation=self.row_organisation, reported_on=reported_on)
            .order_by("pk")
            .first()
        )

    def _parts(self, values: dict[str, Any]) -> dict[DimensionValue, Decimal]:
        """The split by sex the row gives: women and men, as the parts of the sex dimension."""
        return {part: values[column] for column, part in self.parts.items() if column in values}

    def _stored_parts(self, update: IndicatorUpdate) -> dict[int, Decimal]:
        return dict(update.disaggregations.values_list("dimension_value_id", "value")) if update.pk else {}

    def prepare_related(self, instance: IndicatorUpdate, values: dict[str, Any], row: dict) -> None:
        if self.row_period is None:
            return
        if instance.pk is None:
            if self.row_period.locked:
                raise ValidationError({"reported_on": locked_message()})
            instance.period = self.row_period
            instance.organisation = self.row_organisation
            instance.status = IndicatorUpdate.Status.APPROVED
            instance.submitted_by = instance.reviewer = self.user
            instance.submitted_at = instance.reviewed_at = timezone.now()
        elif instance.status != IndicatorUpdate.Status.APPROVED:
            raise ValidationError(
                {
                    "reported_on": _(
                        "An update for this date is waiting to be approved or revised; decide it in the admin first."
                    )
                }
            )
        else:
            stored = IndicatorUpdate.objects.get(pk=instance.pk)
            parts = self._stored_parts(instance)
            changed = any(getattr(stored, name) != getattr(instance, name) for name in self.FIGURES) or any(
                parts.get(part.pk) != value for part, value in self._parts(values).items()
            )
            if changed:
                raise ValidationError(
                    _(
                        "This figure is approved already, with other values: an approved figure changes only by a recorded correction, in the admin."
                    )
                )
        negative = [column for column in self.parts if column in values and values[column] < 0]
        if negative:
            raise ValidationError({column: _("Enter a number that is not negative.") for column in negative})
        # The same check as a member's update: the parts never add up to more than the whole.
        check_disaggregations(instance, self._parts(values))

    def related_changes(self, instance: IndicatorUpdate, values: dict[str, Any]) -> list[str]:
        # An approved figure either is as the row says (unchanged) or is refused above.
        return []

    def save_related(self, instance: IndicatorUpdate, values: dict[str, Any], row: dict) -> None:
        self.indicators_counted.add(instance.period.indicator_id)
        for part, value in self._parts(values).items():
            if value is not None:
                disaggregation = UpdateDisaggregation(update=instance, dimension_value=part, value=value)
                disaggregation.full_clean()
                disaggregation.save()

    def export_queryset(self, queryset: QuerySet[IndicatorUpdate]) -> QuerySet[IndicatorUpdate]:
        return (
            queryset.filter(status=IndicatorUpdate.Status.APPROVED)
            .select_related("period__indicator__result__initiative", "organisation")
            .prefetch_related("disaggregations")
        )

    def dehydrate_initiative(self, update: IndicatorUpdate) -> str:
        return update.period.indicator.result.initiative.slug

    def dehydrate_result(self, update: IndicatorUpdate) -> str:
        return update.period.indicator.result.title_vi

    def dehydrate_indicator(self, update: IndicatorUpdate) -> str:
        return update.period.indicator.title_vi

    def dehydrate_period_start(self, update: IndicatorUpdate) -> str:
        return DateWidget().render(update.period.start)

    def dehydrate_period_end(self, update: IndicatorUpdate) -> str:
        return DateWidget().render(update.period.end)

    def dehydrate_organisation(self, update: IndicatorUpdate) -> str:
        return update.organisation.name_vi if update.organisation else ""

    def _part(self, update: IndicatorUpdate, column: str):
        part = self.parts.get(column) if hasattr(self, "parts") else sex_parts().get(column)
        value = next(
            (d.value for d in update.disaggregations.all() if part and d.dimension_value_id == part.pk), None
        )
        return DecimalWidget().render(value)

    def dehydrate_women(self, update: IndicatorUpdate):
        return self._part(update, "women")

    def dehydrate_men(self, update: IndicatorUpdate):
        return self._part(update, "men")
