"""Bilingual content fields (Vietnamese first, English second) via django-modeltranslation."""

from modeltranslation.translator import TranslationOptions, register

from .models import AgendaItem, AgendaSession, Event, EventPhoto, EventSeries, EventType


@register(EventType)
class EventTypeTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("vi",)


@register(EventSeries)
class EventSeriesTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("vi",)


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "objectives", "outcomes", "venue")
    required_languages = ("vi",)


# History rows are made from the translated fields, so the historical model needs them too.
@register(Event.history.model)
class HistoricalEventTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "objectives", "outcomes", "venue")


@register(AgendaSession)
class AgendaSessionTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = ("vi",)


@register(AgendaItem)
class AgendaItemTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = ("vi",)


@register(EventPhoto)
class EventPhotoTranslationOptions(TranslationOptions):
    fields = ("caption",)
