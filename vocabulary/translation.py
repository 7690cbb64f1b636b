"""Bilingual fields of the shared vocabulary (Vietnamese first, English second)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Pillar, Province, TechnicalGroup


@register(Province)
class ProvinceTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("vi",)


@register(Pillar)
class PillarTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("vi",)


@register(TechnicalGroup)
class TechnicalGroupTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("vi",)
