"""Bilingual content fields of the member directory."""

from modeltranslation.translator import TranslationOptions, register

from .models import MembershipType, Organisation


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("vi",)


# History rows are made from the translated fields, so the historical model needs them too.
@register(Organisation.history.model)
class HistoricalOrganisationTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(MembershipType)
class MembershipTypeTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("vi",)
