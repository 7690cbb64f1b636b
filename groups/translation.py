"""Bilingual fields of the newsletter issues (Vietnamese first, English second)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Issue


@register(Issue)
class IssueTranslationOptions(TranslationOptions):
    fields = ("title", "editorial")


# History rows are made from the translated fields, so the historical model needs them too.
@register(Issue.history.model)
class HistoricalIssueTranslationOptions(TranslationOptions):
    fields = ("title", "editorial")
