"""Bilingual content fields (Vietnamese first, English second) via django-modeltranslation."""

from modeltranslation.translator import TranslationOptions, register

from .models import (
    Dimension,
    DimensionValue,
    Indicator,
    Initiative,
    InitiativeDocument,
    InitiativePhoto,
    NetworkIndicator,
    Result,
)


@register(Dimension)
class DimensionTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("vi",)


@register(DimensionValue)
class DimensionValueTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("vi",)


@register(NetworkIndicator)
class NetworkIndicatorTranslationOptions(TranslationOptions):
    fields = ("name", "description", "unit")
    required_languages = ("vi",)


@register(Initiative)
class InitiativeTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "objectives")
    required_languages = ("vi",)


@register(InitiativeDocument)
class InitiativeDocumentTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = ("vi",)


@register(InitiativePhoto)
class InitiativePhotoTranslationOptions(TranslationOptions):
    fields = ("caption",)


@register(Result)
class ResultTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    required_languages = ("vi",)


@register(Indicator)
class IndicatorTranslationOptions(TranslationOptions):
    fields = ("title", "description", "unit")
    required_languages = ("vi",)


# History rows are made from the translated fields, so the historical models need them too.
@register(Initiative.history.model)
class HistoricalInitiativeTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "objectives")


@register(Result.history.model)
class HistoricalResultTranslationOptions(TranslationOptions):
    fields = ("title", "description")


@register(Indicator.history.model)
class HistoricalIndicatorTranslationOptions(TranslationOptions):
    fields = ("title", "description", "unit")
