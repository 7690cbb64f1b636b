"""The admin of the kinds of event and of the series events recur in."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from core.admin_mixins import AccentInsensitiveSearchMixin

from ..models import EventSeries, EventType


@admin.register(EventType)
class EventTypeAdmin(TranslationAdmin):
    list_display = ["name", "code", "order"]
    list_editable = ["order"]
    search_fields = ["name_vi", "name_en", "code"]


@admin.register(EventSeries)
class EventSeriesAdmin(AccentInsensitiveSearchMixin, TranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name_vi"]
    accent_search_fields = ["name_vi", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_vi"]}

    class Media:
        js = ["admin/js/urlify.js", "js/admin-slug.js"]
