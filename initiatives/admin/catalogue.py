"""The admin of the shared catalogue: disaggregation dimensions with their values, and the
network indicators."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from core.admin_mixins import AccentInsensitiveSearchMixin, SharedChoicesInlineMixin

from ..models import Dimension, DimensionValue, NetworkIndicator


class DimensionValueInline(SharedChoicesInlineMixin, TranslationTabularInline):
    model = DimensionValue
    extra = 0
    fields = ["code", "name", "order"]


@admin.register(Dimension)
class DimensionAdmin(TranslationAdmin):
    list_display = ["name", "code", "order"]
    inlines = [DimensionValueInline]


@admin.register(NetworkIndicator)
class NetworkIndicatorAdmin(AccentInsensitiveSearchMixin, TranslationAdmin):
    list_display = ["name", "code", "measure", "unit", "cumulative", "is_headline", "order"]
    list_editable = ["is_headline", "order"]
    list_filter = ["measure", "cumulative", "is_headline"]
    search_fields = ["name_vi"]
    accent_search_fields = ["name_vi", "name_en", "code"]
    prepopulated_fields = {"code": ["name_en"]}
