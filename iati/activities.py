"""An initiative written as an IATI 2.03 ``iati-activity`` element.

The element's children come in the order the schema's sequence fixes. Texts are written in
Vietnamese and English (``narrative xml:lang``) where the portal has them; member-written texts
that exist in one unnamed language (location details, update narratives) take the activity's
default language, Vietnamese. ``docs/iati.md`` explains each mapping.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import ROUND_DOWN, Decimal

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from lxml import etree

from core.mail import absolute_url
from initiatives import rollups
from initiatives.models import DimensionValue, Indicator, Initiative, Measure, Period
from initiatives.selectors.approved import dimension_values
from vocabulary.models import Pillar

from . import codes
from .selectors import Activity

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
HUNDRED = Decimal(100)
CENT = Decimal("0.01")
# Characters XML 1.0 cannot carry (control characters pasted from other documents): lxml
# refuses them, and one stray character must not break the whole file.
NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class Publisher:
    """The reporting organisation and what every activity of one file shares."""

    ref: str
    type: str
    names: Mapping[str, str]
    today: date
    dimension_values: Mapping[int, DimensionValue]
    pillars_url: str

    @classmethod
    def from_settings(cls) -> "Publisher":
        org = settings.IATI_REPORTING_ORG
        with translation.override(DEFAULT_LANGUAGE):
            pillars_url = absolute_url(reverse("initiatives:pillar_list"))
        return cls(
            ref=org["ref"],
            type=org["type"],
            names={"vi": org["name_vi"], "en": org["name_en"]},
            today=timezone.localdate(),
            dimension_values=dimension_values(),
            pillars_url=pillars_url,
        )


# -- small writers -----------------------------------------------------------------------------


def clean(text: str | None) -> str:
    return NOT_XML.sub("", text or "").strip()


def sub(parent: etree._Element, tag: str, **attributes: str | None) -> etree._Element:
    """A child element; attributes given as None are left out. Python names stand for IATI's
    hyphenated ones (``iso_date`` for ``iso-date``)."""
    element = etree.SubElement(parent, tag)
    for name, value in attributes.items():
        if value is not None:
            element.set(name.replace("_", "-"), value)
    return element


def narratives(parent: etree._Element, texts: Mapping[str, str | None]) -> None:
    """One ``narrative`` per language that has a text; "" as the language means the
    activity's default."""
    for language, text in texts.items():
        text = clean(text)
        if text:
            narrative = sub(parent, "narrative")
            if language:
                narrative.set(XML_LANG, language)
            narrative.text = text


def text_element(
    parent: etree._Element, tag: str, texts: Mapping[str, str | None], **attributes: str | None
) -> bool:
    """``tag`` with its narratives, or nothing when there is no text in any language."""
    if not any(clean(text) for text in texts.values()):
        return False
    narratives(sub(parent, tag, **attributes), texts)
    return True


def bilingual(row: object, name: str) -> dict[str, str]:
    return {language: getattr(row, f"{name}_{language}") for language in LANGUAGES}


def number(value: Decimal) -> str:
    """A figure as IATI reads it: a plain decimal, without trailing zeros or an exponent."""
    return format(value.normalize(), "f")


def iso_datetime(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def shares(count: int) -> list[Decimal]:
    """``count`` equal percentages to two decimals that add up to exactly 100; the first takes
    what rounding leaves over."""
    if count == 0:
        return []
    share = (HUNDRED / count).quantize(CENT, rounding=ROUND_DOWN)
    parts = [share] * count
    parts[0] += HUNDRED - share * count
    return parts


# -- the activity ------------------------------------------------------------------------------


def activity_dates(initiative: Initiative, today: date) -> list[tuple[str, date]]:
    """(ActivityDateType, date) pairs. A date is actual only once it has passed for an initiative
    that got under way (ongoing or completed; an end only once completed); otherwise planned."""
    started = initiative.status in (Initiative.Status.ONGOING, Initiative.Status.COMPLETED)
    dates = []
    if initiative.start:
        actual = started and initiative.start <= today
        dates.append((codes.ACTUAL_START if actual else codes.PLANNED_START, initiative.start))
    if initiative.end:
        actual = initiative.status == Initiative.Status.COMPLETED and initiative.end <= today
        dates.append((codes.ACTUAL_END if actual else codes.PLANNED_END, initiative.end))
    return dates


def _dates(root: etree._Element, initiative: Initiative, today: date) -> None:
    dates = activity_dates(initiative, today)
    for kind, day in dates:
        sub(root, "activity-date", type=kind, iso_date=day.isoformat())
    if not dates:
        # The schema needs a date: the day the initiative was recorded, said for what it is.
        recorded = sub(
            root,
            "activity-date",
            type=codes.PLANNED_START,
            iso_date=timezone.localdate(initiative.created_at).isoformat(),
        )
        texts = {}
        for language in LANGUAGES:
            with translation.override(language):
                texts[language] = _("No start date is recorded: this is the day the initiative was entered.")
        narratives(recorded, texts)


def _descriptions(root: etree._Element, initiative: Initiative) -> None:
    general = text_element(root, "description", bilingual(initiative, "summary"), type=codes.GENERAL)
    objectives = text_element(root, "description", bilingual(initiative, "objectives"), type=codes.OBJECTIVES)
    if not (general or objectives):
        # The schema needs a description; the title is the only one the initiative has.
        text_element(root, "description", bilingual(initiative, "title"), type=codes.GENERAL)


def _participating_organisations(root: etree._Element, activity: Activity, publisher: Publisher) -> None:
    partners = sorted(activity.partners, key=lambda p: (codes.ORGANISATION_ROLE[p.role], p.pk))
    for partner in partners:
        organisation = partner.organisation
        element = sub(
            root,
            "participating-org",
            ref=organisation.iati_identifier or None,
            type=codes.ORGANISATION_TYPE.get(organisation.kind),
            role=codes.ORGANISATION_ROLE[partner.role],
        )
        narratives(element, bilingual(organisation, "name"))
    if not partners:
        # The schema needs a participating organisation. Without a published partner, the one
        # that answers for the published record is the reporting organisation.
        element = sub(
            root, "participating-org", ref=publisher.ref, type=publisher.type, role=codes.ACCOUNTABLE
        )
        narratives(element, publisher.names)


def _locations(root: etree._Element, activity: Activity) -> None:
    detail = clean(activity.initiative.location_detail)
    for province in activity.provinces:
        # The portal's own code: IATI's geographic vocabularies have no list of Vietnam's
        # provinces as they are since the 2025 merger.
        location = sub(root, "location", ref=province.code)
        sub(location, "location-reach", code=codes.LOCATION_REACH_ACTIVITY)
        narratives(sub(location, "name"), bilingual(province, "name"))
        if detail and len(activity.provinces) == 1:
            # Districts and wards qualify the province only when there is one.
            narratives(sub(location, "description"), {"": detail})
        sub(location, "location-class", code=codes.LOCATION_CLASS_ADMINISTRATIVE)
        sub(location, "feature-designation", code=codes.FEATURE_FIRST_ORDER_DIVISION)


def sector_shares(pillars: list[Pillar]) -> tuple[list[tuple[str, Decimal]], list[tuple[Pillar, Decimal]]]:
    """(DAC code, percentage) and (pillar, percentage): the pillars share the activity equally,
    and each pillar's share goes to its DAC code; each list adds up to 100."""
    by_pillar = list(zip(pillars, shares(len(pillars)), strict=True))
    dac: dict[str, Decimal] = {}
    for pillar, share in by_pillar:
        code = pillar.dac_sector or codes.DEFAULT_DAC_SECTOR
        dac[code] = dac.get(code, Decimal(0)) + share
    return list(dac.items()) or [(codes.DEFAULT_DAC_SECTOR, HUNDRED)], by_pillar


def _sectors(root: etree._Element, activity: Activity, publisher: Publisher) -> None:
    dac, by_pillar = sector_shares(activity.pillars)
    for code, share in dac:
        sub(root, "sector", vocabulary=codes.SECTOR_DAC, code=code, percentage=number(share))
    for pillar, share in by_pillar:
        sector = sub(
            root,
            "sector",
            vocabulary=codes.SECTOR_REPORTING_ORGANISATION,
            vocabulary_uri=publisher.pillars_url,
            code=pillar.code,
            percentage=number(share),
        )
        narratives(sector, bilingual(pillar, "name"))


def _web_pages(root: etree._Element, initiative: Initiative) -> None:
    for language in LANGUAGES:
        with translation.override(language):
            url = absolute_url(initiative.get_absolute_url())
        link = sub(root, "document-link", format=codes.HTML, url=url)
        title = clean(getattr(initiative, f"title_{language}"))
        # A page without an English title shows the Vietnamese one.
        narratives(
            sub(link, "title"), {language: title} if title else {DEFAULT_LANGUAGE: initiative.title_vi}
        )
        sub(link, "category", code=codes.ACTIVITY_WEB_PAGE)
        sub(link, "language", code=language)


def _related(root: etree._Element, activity: Activity) -> None:
    if activity.parent:
        sub(root, "related-activity", ref=activity.parent, type=codes.RELATED_PARENT)
    for child in activity.children:
        sub(root, "related-activity", ref=child, type=codes.RELATED_CHILD)


def _dimension(parent: etree._Element, value: DimensionValue) -> None:
    sub(parent, "dimension", name=value.dimension.code, value=value.code)


def _ordered(values: Mapping[int, DimensionValue], keys) -> list[DimensionValue]:
    return sorted((values[key] for key in keys if key in values), key=lambda v: (v.dimension.order, v.order))


def _targets(element: etree._Element, indicator: Indicator, period: Period, publisher: Publisher) -> None:
    if indicator.is_qualitative:
        return
    if period.target_value is not None:
        sub(element, "target", value=number(period.target_value))
    if indicator.is_percentage:
        # A percentage's split breaks down its numerator, which IATI would read as a percentage.
        return
    targets = {t.dimension_value_id: t.value for t in period.targets}
    for value in _ordered(publisher.dimension_values, targets):
        _dimension(sub(element, "target", value=number(targets[value.pk])), value)


def _actuals(element: etree._Element, indicator: Indicator, period: Period, publisher: Publisher) -> None:
    figure: rollups.Figure | None = period.actual
    amount = None
    if figure is not None:
        amount = figure.percentage if indicator.is_percentage else figure.value
    if amount is None and not period.narratives:
        return
    if indicator.is_percentage and amount is not None:
        amount = amount.quantize(CENT)
    actual = sub(element, "actual", value=None if amount is None else number(amount))
    if period.narratives:
        narratives(sub(actual, "comment"), {"": "\n\n".join(period.narratives)})
    if figure is None or indicator.is_percentage:
        return
    for value in _ordered(publisher.dimension_values, figure.parts):
        _dimension(sub(element, "actual", value=number(figure.parts[value.pk])), value)


def _indicator_titles(indicator: Indicator) -> dict[str, str]:
    """The titles, with the unit of a quantity: IATI has no place for a unit, and a figure
    without one cannot be read (35000 of what?)."""
    titles = bilingual(indicator, "title")
    if indicator.measure != Measure.QUANTITATIVE:
        return titles
    for language, title in titles.items():
        # Only the unit in the title's own language: a narrative is in one language.
        unit = clean(getattr(indicator, f"unit_{language}"))
        if clean(title) and unit:
            titles[language] = f"{clean(title)} ({unit})"
    return titles


def _indicator(parent: etree._Element, indicator: Indicator, publisher: Publisher) -> None:
    element = sub(
        parent,
        "indicator",
        measure=codes.INDICATOR_MEASURE[indicator.measure],
        ascending=None if indicator.is_qualitative else ("1" if indicator.ascending else "0"),
    )
    narratives(sub(element, "title"), _indicator_titles(indicator))
    text_element(element, "description", bilingual(indicator, "description"))
    if indicator.network_indicator is not None:
        sub(
            element,
            "reference",
            vocabulary=codes.INDICATOR_REPORTING_ORGANISATION,
            code=indicator.network_indicator.code,
        )
    if not indicator.is_qualitative and indicator.baseline_year and indicator.baseline_value is not None:
        sub(element, "baseline", year=str(indicator.baseline_year), value=number(indicator.baseline_value))
    for period in indicator.period_list:
        period_element = sub(element, "period")
        sub(period_element, "period-start", iso_date=period.start.isoformat())
        sub(period_element, "period-end", iso_date=period.end.isoformat())
        _targets(period_element, indicator, period, publisher)
        _actuals(period_element, indicator, period, publisher)


def _results(root: etree._Element, activity: Activity, publisher: Publisher) -> None:
    for result in activity.results:
        indicators = result.indicator_list
        if not indicators:
            continue  # the schema wants at least one indicator per result
        element = sub(root, "result", type=codes.RESULT_TYPE[result.type])
        narratives(sub(element, "title"), bilingual(result, "title"))
        text_element(element, "description", bilingual(result, "description"))
        for indicator in indicators:
            _indicator(element, indicator, publisher)


def activity_element(activity: Activity, publisher: Publisher) -> etree._Element:
    initiative = activity.initiative
    root = etree.Element("iati-activity")
    root.set("last-updated-datetime", iso_datetime(activity.last_updated))
    root.set(XML_LANG, DEFAULT_LANGUAGE)
    if activity.parent:
        root.set("hierarchy", "2")
    sub(root, "iati-identifier").text = activity.identifier
    reporting = sub(
        root,
        "reporting-org",
        ref=publisher.ref,
        type=publisher.type,
        secondary_reporter="1" if activity.secondary else "0",
    )
    narratives(reporting, publisher.names)
    narratives(sub(root, "title"), bilingual(initiative, "title"))
    _descriptions(root, initiative)
    _participating_organisations(root, activity, publisher)
    sub(root, "activity-status", code=codes.ACTIVITY_STATUS[initiative.status])
    _dates(root, initiative, publisher.today)
    if activity.provinces:
        scope = codes.SCOPE_ONE_PROVINCE if len(activity.provinces) == 1 else codes.SCOPE_PROVINCES
        sub(root, "activity-scope", code=scope)
    sub(root, "recipient-country", code=codes.COUNTRY)
    _locations(root, activity)
    _sectors(root, activity, publisher)
    _web_pages(root, initiative)
    _related(root, activity)
    _results(root, activity, publisher)
    return root
