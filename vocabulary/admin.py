"""The shared vocabulary in the admin: provinces and technical groups, and the province and
pillar filters every app's lists share. Pillars are edited from the member directory's admin,
where their page also lists the organisations taking part."""

from django.contrib import admin
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from core.admin_mixins import AccentInsensitiveSearchMixin

from .models import Pillar, Province, TechnicalGroup


def _matching(queryset, field: str, rows: QuerySet):
    """The rows of ``queryset`` whose ``field`` links to one of ``rows`` (a few pillars or
    provinces). Those are read first, so the database plans with the numbers it keeps for them;
    a link of the row's own is then filtered directly, any other through a subquery, so that a
    many-to-many field gives each row once without making the list DISTINCT, which would sort
    every row of a large table."""
    keys = list(rows.values_list("pk", flat=True))
    if "__" not in field and queryset.model._meta.get_field(field).many_to_one:
        return queryset.filter(**{f"{field}__in": keys})
    matching = queryset.model._default_manager.filter(**{f"{field}__in": keys})
    return queryset.filter(pk__in=matching.values("pk"))


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
        # The province and those merged into it, found first: the rows are then found through the
        # index of their link, not by joining the provinces to every row.
        code = self.value()
        return _matching(
            queryset, self.field, Province.objects.filter(Q(code=code) | Q(successor__code=code))
        )


def province_filter(field: str) -> type[CurrentProvinceFilter]:
    return type(f"CurrentProvinceFilter_{field}", (CurrentProvinceFilter,), {"field": field})


class PillarFilter(admin.SimpleListFilter):
    """Filter by pillar. Subclass with another ``field`` for a list whose pillars are elsewhere
    (see ``pillar_filter``)."""

    title = _("pillar")
    parameter_name = "pillar"
    field = "pillars"

    def lookups(self, request, model_admin):
        return [(pillar.code, pillar.name) for pillar in Pillar.objects.all()]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        return _matching(queryset, self.field, Pillar.objects.filter(code=self.value()))


def pillar_filter(field: str) -> type[PillarFilter]:
    return type(f"PillarFilter_{field}", (PillarFilter,), {"field": field})


@admin.register(Province)
class ProvinceAdmin(AccentInsensitiveSearchMixin, TranslationAdmin):
    list_display = ["name", "code", "kind", "successor"]
    list_filter = ["kind", ("successor", admin.EmptyFieldListFilter)]
    list_select_related = ["successor"]
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
