"""Initiatives and their results as import sheets (``core.imports``): initiatives with their
partners, provinces, pillars and programme; results, indicators and periods with their targets,
each placed by the initiative's slug; and approved figures of the past with their split by sex.

A row names what it belongs to as a coordinator reads it: an initiative by its slug (or exactly
its Vietnamese title), a result and an indicator by their Vietnamese titles within it, an
organisation by its name, acronym or another name the directory knows it by (``members.matching``).
A row updates the stored row with the same place and name, and is new otherwise.

An approved figure is never changed by an import: a row identical to one stored is unchanged, a
row that differs is refused and points to the recorded correction.
"""

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.widgets import Widget

from core.imports import (
    ChoiceWidget,
    Column,
    DateWidget,
    DecimalWidget,
    IntegerWidget,
    LookupListWidget,
    LookupWidget,
    SpreadsheetResource,
    TextWidget,
    YesNoWidget,
    cell_text,
)
from core.models import unique_slug
from core.search import fold
from members import matching
from members.models import Organisation
from members.resources import province_widget
from vocabulary.models import Pillar, Province

from .models import (
    RESERVED_SLUGS,
    DimensionValue,
    Indicator,
    IndicatorUpdate,
    Initiative,
    InitiativePartner,
    Measure,
    NetworkIndicator,
    Period,
    PeriodTarget,
    Result,
    UpdateDisaggregation,
)
from .services import check_disaggregations, locked_message

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


class InitiativeResource(SpreadsheetResource):
    """Initiatives, with their partners by role, provinces, pillars and programme."""

    title = gettext_lazy("initiatives")

    slug = Column(
        "slug",
        vi="Mã (slug)",
        en="Slug",
        help_text=gettext_lazy(
            "The initiative's address in the portal. Leave it empty for a new initiative; keep it to update one."
        ),
    )
    title_vi = Column(
        "title_vi",
        vi="Tên sáng kiến (tiếng Việt)",
        en="Title (Vietnamese)",
        error_keys=("title",),
        help_text=gettext_lazy(
            "Needed for a new initiative. A row with exactly the title of an initiative of the portal updates it."
        ),
    )
    title_en = Column("title_en", vi="Tên sáng kiến (tiếng Anh)", en="Title (English)")
    acronym = Column("acronym", vi="Tên viết tắt", en="Acronym")
    status = Column("status", vi="Tình trạng", en="Status", widget=ChoiceWidget(Initiative.Status))
    start = Column("start", vi="Ngày bắt đầu", en="Start", widget=DateWidget())
    end = Column("end", vi="Ngày kết thúc", en="End", widget=DateWidget())
    parent = Column(
        "parent",
        vi="Chương trình",
        en="Programme",
        widget=InitiativeWidget(),
        help_text=gettext_lazy(
            "The programme it belongs to: its slug, exactly its Vietnamese title, or its acronym. A programme "
            "in the same file comes on an earlier row."
        ),
    )
    provinces = Column(
        "provinces",
        vi="Tỉnh/thành phố",
        en="Provinces",
        widget=LookupListWidget(province_widget(), Province),
        help_text=gettext_lazy("Separated by “;”; a former province is accepted."),
    )
    location_detail = Column("location_detail", vi="Quận/huyện, phường/xã", en="Districts, wards")
    pillars = Column(
        "pillars",
        vi="Trụ cột",
        en="Pillars",
        widget=LookupListWidget(
            LookupWidget(lambda: Pillar.objects.all(), keys=("code", "name_vi", "name_en")), Pillar
        ),
        help_text=gettext_lazy("Separated by “;”."),
    )
    accountable = Column(
        vi="Tổ chức chủ trì",
        en="Lead organisations",
        help_text=gettext_lazy(
            "Organisations by name, acronym or other name, separated by “;”. A filled cell is the whole list "
            "of partners in that role."
        ),
    )
    funder = Column(vi="Nhà tài trợ", en="Funders")
    implementing = Column(vi="Đơn vị thực hiện", en="Implementing organisations")
    partner = Column(vi="Đối tác khác", en="Other partners")
    summary_vi = Column(
        "summary_vi",
        vi="Tóm tắt (tiếng Việt)",
        en="Summary (Vietnamese)",
        widget=TextWidget(multiline=True),
        error_keys=("summary",),
    )
    summary_en = Column(
        "summary_en", vi="Tóm tắt (tiếng Anh)", en="Summary (English)", widget=TextWidget(multiline=True)
    )
    is_published = Column(
        "is_published",
        vi="Công khai",
        en="Published",
        widget=YesNoWidget(),
        help_text=gettext_lazy("Có (yes) shows the initiative on the public pages."),
    )

    class Meta:
        model = Initiative
        fields = (
            "slug",
            "title_vi",
            "title_en",
            "acronym",
            "status",
            "start",
            "end",
            "parent",
            "provinces",
            "location_detail",
            "pillars",
            "accountable",
            "funder",
            "implementing",
            "partner",
            "summary_vi",
            "summary_en",
            "is_published",
        )

    ROLES = {
        "accountable": InitiativePartner.Role.ACCOUNTABLE,
        "funder": InitiativePartner.Role.FUNDER,
        "implementing": InitiativePartner.Role.IMPLEMENTING,
        "partner": InitiativePartner.Role.PARTNER,
    }

    def prepare(self, dataset, **kwargs: Any) -> None:
        self.directory = matching.OrganisationIndex.load()

    def find_existing(self, row: dict) -> Initiative | None:
        slug = cell_text(row.get("slug"))
        if slug:
            return Initiative.objects.filter(slug=slug).first()
        title = cell_text(row.get("title_vi"))
        found = list(Initiative.objects.filter(title_vi=title)[:2]) if title else []
        if len(found) > 1:
            self.add_row_error(
                "title_vi", _("Several initiatives have this title; add the slug column to say which one.")
            )
            return None
        return found[0] if found else None

    def prepare_related(self, instance: Initiative, values: dict[str, Any], row: dict) -> None:
        if instance.pk is None and not instance.slug:
            base = slugify(fold(instance.acronym or instance.title_vi or "")) or "sang-kien"
            instance.slug = unique_slug(
                Initiative.objects.all(), base[:60], max_length=80, reserved=RESERVED_SLUGS
            )
        self.row_partners: dict[str, list[Organisation]] = {}
        errors = {}
        if instance.parent_id is not None and instance.parent_id == instance.pk:
            errors["parent"] = _("An initiative cannot be its own programme.")
        if instance.start and instance.end and instance.end < instance.start:
            errors["end"] = _("The end date cannot be before the start date.")
        for column in self.ROLES:
            if column in values:
                found, unknown = organisation_list(self.directory, values[column])
                if unknown:
                    errors[column] = unknown_organisations(unknown)
                self.row_partners[column] = found
        if errors:
            raise ValidationError(errors)

    def _partners(self, initiative: Initiative, role: str) -> set[int]:
        if initiative.pk is None:
            return set()
        return set(initiative.partners.filter(role=role).values_list("organisation_id", flat=True))

    def related_changes(self, instance: Initiative, values: dict[str, Any]) -> list[str]:
        return [
            column
            for column, organisations in self.row_partners.items()
            if {organisation.pk for organisation in organisations}
            != self._partners(instance, self.ROLES[column])
        ]

    def save_related(self, instance: Initiative, values: dict[str, Any], row: dict) -> None:
        for column, organisations in self.row_partners.items():
            role = self.ROLES[column]
            wanted = {organisation.pk for organisation in organisations}
            instance.partners.filter(role=role).exclude(organisation_id__in=wanted).delete()
            stored = self._partners(instance, role)
            InitiativePartner.objects.bulk_create(
                InitiativePartner(initiative=instance, organisation_id=pk, role=role)
                for pk in sorted(wanted - stored)
            )

    def export_queryset(self, queryset: QuerySet[Initiative]) -> QuerySet[Initiative]:
        return queryset.select_related("parent").prefetch_related(
            "provinces", "pillars", "partners__organisation"
        )

    def _partner_names(self, initiative: Initiative, column: str) -> str:
        role = self.ROLES[column]
        return "; ".join(
            partner.organisation.name_vi for partner in initiative.partners.all() if partner.role == role
        )

    def dehydrate_accountable(self, initiative: Initiative) -> str:
        return self._partner_names(initiative, "accountable")

    def dehydrate_funder(self, initiative: Initiative) -> str:
        return self._partner_names(initiative, "funder")

    def dehydrate_implementing(self, initiative: Initiative) -> str:
        return self._partner_names(initiative, "implementing")

    def dehydrate_partner(self, initiative: Initiative) -> str:
        return self._partner_names(initiative, "partner")


# --- the results framework --------------------------------------------------------------------


class ResultResource(RowPlace, SpreadsheetResource):
    """Results, each under an initiative named by its slug."""

    title = gettext_lazy("results")

    initiative = Column(
        "initiative",
        vi="Sáng kiến (mã)",
        en="Initiative (slug)",
        widget=InitiativeWidget(),
        required=True,
        help_text=SLUG_HELP,
    )
    type = Column("type", vi="Loại kết quả", en="Result type", widget=ChoiceWidget(Result.Type))
    title_vi = Column(
        "title_vi",
        vi="Kết quả (tiếng Việt)",
        en="Result (Vietnamese)",
        required=True,
        error_keys=("title",),
        help_text=gettext_lazy("A row with exactly the title of a result of the initiative updates it."),
    )
    title_en = Column("title_en", vi="Kết quả (tiếng Anh)", en="Result (English)")
    description_vi = Column(
        "description_vi",
        vi="Mô tả (tiếng Việt)",
        en="Description (Vietnamese)",
        widget=TextWidget(multiline=True),
        error_keys=("description",),
    )
    description_en = Column(
        "description_en",
        vi="Mô tả (tiếng Anh)",
        en="Description (English)",
        widget=TextWidget(multiline=True),
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
    title_vi = Column(
        "title_vi",
        vi="Chỉ số (tiếng Việt)",
        en="Indicator (Vietnamese)",
        required=True,
        error_keys=("title",),
        help_text=gettext_lazy("A row with exactly the title of an indicator of the result updates it."),
    )
    title_en = Column("title_en", vi="Chỉ số (tiếng Anh)", en="Indicator (English)")
    measure = Column("measure", vi="Cách đo", en="Measure", widget=ChoiceWidget(Measure))
    unit_vi = Column("unit_vi", vi="Đơn vị (tiếng Việt)", en="Unit (Vietnamese)", error_keys=("unit",))
    unit_en = Column("unit_en", vi="Đơn vị (tiếng Anh)", en="Unit (English)")
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

    def export_queryset(self, queryset: QuerySet[Indicator]) -> QuerySet[Indicator]:
        return queryset.select_related("result__initiative", "network_indicator")

    def dehydrate_initiative(self, indicator: Indicator) -> str:
        return indicator.result.initiative.slug

    def dehydrate_result(self, indicator: Indicator) -> str:
        return indicator.result.title_vi


def sex_parts() -> dict[str, DimensionValue]:
    """The parts of the split by sex the sheets have columns for, by column."""
    values = {
        value.code: value
        for value in DimensionValue.objects.filter(dimension__code="sex").select_related("dimension")
    }
    return {column: values[code] for column, code in (("women", "female"), ("men", "male")) if code in values}


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
