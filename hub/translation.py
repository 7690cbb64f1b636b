"""Bilingual fields of the knowledge hub (Vietnamese first, English second)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Resource

FIELDS = ("title", "summary", "problem", "approach", "outcomes", "replication")


@register(Resource)
class ResourceTranslationOptions(TranslationOptions):
    fields = FIELDS
    required_languages = ("vi",)


# History rows are made from the translated fields, so the historical model needs them too.
@register(Resource.history.model)
class HistoricalResourceTranslationOptions(TranslationOptions):
    fields = FIELDS
