"""The shared vocabulary in the admin: provinces and technical groups, and the province filter
every app's lists share. Pillars are edited from the member directory's admin, where their page
also lists the organisations taking part."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from core.admin_mixins import AccentInsensitiveSearchMixin

from .models import Province, TechnicalGroup, in_province


class CurrentProvinceFilter(admin.SimpleListFilter):
    """Filter by a province that exists today; rows of the former provinces merged into it count.
    Subclass with another ``field`` for a list whose province is elsewhere (``provinces``)."""

    title = _("province")
    parameter_name = "province"
    field = "province"

    def lookups(self, request, model_admin):
        return [(p.code, p.name) for p in Province.objects.current()]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        # Through a subquery, so a many-to-many field gives each row once.
        matching = queryset.model._default_manager.filter(in_province(self.value(), self.field))
        return queryset.filter(pk__in=matching.values("pk"))


def province_filter(field: str) -> type[CurrentProvinceFilter]:
    return type(f"CurrentProvinceFilter_{field}", (CurrentProvinceFilter,), {"field": field})


@admin.register(Province)
class ProvinceAdmin(AccentInsensitiveSearchMixin, TranslationAdmin):
    list_display = ["name", "code", "kind", "successor"]
    list_filter = ["kind", ("successor", admin.EmptyFieldListFilter)]
    search_fields = ["name_vi"]
    accent_search_fields = ["name_vi", "name_en", "code"]


@admin.register(TechnicalGroup)
class TechnicalGroupAdmin(AccentInsensitiveSearchMixin, TranslationAdmin):
    list_display = ["name", "pillar", "lead_organisation", "order"]
    list_filter = ["pillar"]
    list_select_related = ["pillar", "lead_organisation"]
    search_fields = ["name_vi"]
    accent_search_fields = ["name_vi", "name_en"]
    autocomplete_fields = ["lead_organisation"]
