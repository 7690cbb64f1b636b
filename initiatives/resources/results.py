"""Results, indicators and periods with their targets as import sheets, each placed by its
initiative's slug."""

from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy

from core.imports import (
    ChoiceWidget,
    Column,
    DateWidget,
    DecimalWidget,
    IntegerWidget,
    LookupWidget,
    SpreadsheetResource,
    YesNoWidget,
    cell_text,
)
from core.imports.resources import bilingual_columns

from .. import figures
from ..models import (
    Indicator,
    Measure,
    NetworkIndicator,
    Period,
    PeriodTarget,
    Result,
)
from .common import (
    RowPlace,
    indicator_column,
    initiative_column,
    result_column,
    sex_parts,
)


class ResultResource(RowPlace, SpreadsheetResource):
    """Results, each under an initiative named by its slug."""

    title = gettext_lazy("results")

    initiative = initiative_column(attribute="initiative")
    type = Column("type", vi="Loại kết quả", en="Result type", widget=ChoiceWidget(Result.Type))
    title_vi, title_en = bilingual_columns(
        "title",
        vi="Kết quả",
        en="Result",
        required=True,
        help_text=gettext_lazy("A row with exactly the title of a result of the initiative updates it."),
    )
    description_vi, description_en = bilingual_columns(
        "description", vi="Mô tả", en="Description", multiline=True
    )
    order = Column("order", vi="Thứ tự", en="Order", widget=IntegerWidget())

    class Meta:
        model = Result
        fields = ("initiative", "type", "title_vi", "title_en", "description_vi", "description_en", "order")

    def find_existing(self, row: dict) -> Result | None:
        initiative = self.row_initiative(row)
        title = cell_text(row.get("title_vi"))
        if initiative is None or not title:
            return None
        return initiative.results.filter(title_vi=title).order_by("pk").first()

    def export_queryset(self, queryset: QuerySet[Result]) -> QuerySet[Result]:
        return queryset.select_related("initiative")


class IndicatorResource(RowPlace, SpreadsheetResource):
    """Indicators, each under a result of an initiative."""

    title = gettext_lazy("indicators")

    initiative = initiative_column()
    result = result_column(required=True)
    title_vi, title_en = bilingual_columns(
        "title",
        vi="Chỉ số",
        en="Indicator",
        required=True,
        help_text=gettext_lazy("A row with exactly the title of an indicator of the result updates it."),
    )
    measure = Column("measure", vi="Cách đo", en="Measure", widget=ChoiceWidget(Measure))
    unit_vi, unit_en = bilingual_columns("unit", vi="Đơn vị", en="Unit")
    ascending = Column("ascending", vi="Càng cao càng tốt", en="Higher is better", widget=YesNoWidget())
    cumulative = Column("cumulative", vi="Cộng dồn", en="Cumulative", widget=YesNoWidget())
    baseline_year = Column("baseline_year", vi="Năm cơ sở", en="Baseline year", widget=IntegerWidget())
    baseline_value = Column("baseline_value", vi="Giá trị cơ sở", en="Baseline value", widget=DecimalWidget())
    target_value = Column("target_value", vi="Chỉ tiêu tổng", en="Overall target", widget=DecimalWidget())
    network_indicator = Column(
        "network_indicator",
        vi="Chỉ số của mạng lưới",
        en="Network indicator",
        widget=LookupWidget(lambda: NetworkIndicator.objects.all(), keys=("code", "name_vi", "name_en")),
        help_text=gettext_lazy("The network indicator it counts in, by its code or name."),
    )
    order = Column("order", vi="Thứ tự", en="Order", widget=IntegerWidget())

    class Meta:
        model = Indicator
        fields = (
            "initiative",
            "result",
            "title_vi",
            "title_en",
            "measure",
            "unit_vi",
            "unit_en",
            "ascending",
            "cumulative",
            "baseline_year",
            "baseline_value",
            "target_value",
            "network_indicator",
            "order",
        )

    def find_existing(self, row: dict) -> Indicator | None:
        self.place = self.row_result(row, required=True)
        title = cell_text(row.get("title_vi"))
        if self.place is None or not title:
            return None
        return self.place.indicators.filter(title_vi=title).order_by("pk").first()

    def prepare_related(self, instance: Indicator, values: dict[str, Any], row: dict) -> None:
        if self.place is not None:
            instance.result = self.place

    def save_related(self, instance: Indicator, values: dict[str, Any], row: dict) -> None:
        # In the import's transaction: the network's figures follow a changed network indicator
        # or cumulative setting.
        figures.year_figures_refresh(indicator_ids=[instance.pk])

    def export_queryset(self, queryset: QuerySet[Indicator]) -> QuerySet[Indicator]:
        return queryset.select_related("result__initiative", "network_indicator")

    def dehydrate_initiative(self, indicator: Indicator) -> str:
        return indicator.result.initiative.slug

    def dehydrate_result(self, indicator: Indicator) -> str:
        return indicator.result.title_vi


class PeriodResource(RowPlace, SpreadsheetResource):
    """Reporting periods of an indicator, with their targets in all and by sex."""

    title = gettext_lazy("periods and targets")

    initiative = initiative_column()
    result = result_column(
        help_text=gettext_lazy("Only needed when two results have an indicator of the same title.")
    )
    indicator = indicator_column()
    start = Column("start", vi="Từ ngày", en="Period start", widget=DateWidget(), required=True)
    end = Column("end", vi="Đến ngày", en="Period end", widget=DateWidget(), required=True)
    target_value = Column("target_value", vi="Chỉ tiêu", en="Target", widget=DecimalWidget())
    women = Column(vi="Chỉ tiêu nữ", en="Target (women)", widget=DecimalWidget())
    men = Column(vi="Chỉ tiêu nam", en="Target (men)", widget=DecimalWidget())

    class Meta:
        model = Period
        fields = ("initiative", "result", "indicator", "start", "end", "target_value", "women", "men")

    def prepare(self, dataset, **kwargs: Any) -> None:
        self.parts = sex_parts()

    def find_existing(self, row: dict) -> Period | None:
        self.place = self.row_indicator(row)
        try:
            start, end = DateWidget().clean(row.get("start")), DateWidget().clean(row.get("end"))
        except ValueError:
            return None
        if self.place is None or start is None or end is None:
            return None
        return self.place.periods.filter(start=start, end=end).first()

    def prepare_related(self, instance: Period, values: dict[str, Any], row: dict) -> None:
        if self.place is not None:
            instance.indicator = self.place

    def _targets(self, period: Period) -> dict[int, Decimal]:
        if period.pk is None:
            return {}
        return dict(period.disaggregation_targets.values_list("dimension_value_id", "value"))

    def related_changes(self, instance: Period, values: dict[str, Any]) -> list[str]:
        stored = self._targets(instance)
        return [
            column
            for column, part in self.parts.items()
            if column in values and stored.get(part.pk) != values[column]
        ]

    def save_related(self, instance: Period, values: dict[str, Any], row: dict) -> None:
        stored = {target.dimension_value_id: target for target in instance.disaggregation_targets.all()}
        for column, part in self.parts.items():
            if column not in values:
                continue
            target = stored.get(part.pk) or PeriodTarget(period=instance, dimension_value=part)
            if target.pk is None or target.value != values[column]:
                target.value = values[column]
                target.full_clean()
                target.save()

    def export_queryset(self, queryset: QuerySet[Period]) -> QuerySet[Period]:
        return queryset.select_related("indicator__result__initiative").prefetch_related(
            "disaggregation_targets"
        )

    def dehydrate_initiative(self, period: Period) -> str:
        return period.indicator.result.initiative.slug

    def dehydrate_result(self, period: Period) -> str:
        return period.indicator.result.title_vi

    def dehydrate_indicator(self, period: Period) -> str:
        return period.indicator.title_vi

    def _target(self, period: Period, code: str):
        part = sex_parts().get(code)
        found = next(
            (
                t.value
                for t in period.disaggregation_targets.all()
                if part and t.dimension_value_id == part.pk
            ),
            None,
        )
        return DecimalWidget().render(found)

    def dehydrate_women(self, period: Period):
        return self._target(period, "women")

    def dehydrate_men(self, period: Period):
        return self._target(period, "men")


# --- approved figures of the past ---------------------------------------------------------------
