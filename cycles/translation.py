"""Bilingual fields of the reporting cycles (Vietnamese first, English second)."""

from modeltranslation.translator import TranslationOptions, register

from .models import ReportingCycle


@register(ReportingCycle)
class ReportingCycleTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("vi",)


# History rows are made from the translated fields, so the historical model needs them too.
@register(ReportingCycle.history.model)
class HistoricalReportingCycleTranslationOptions(TranslationOptions):
    fields = ("name",)
