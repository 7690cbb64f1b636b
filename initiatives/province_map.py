"""What the map of provinces shows: initiatives, events and members counted by current province,
for a pillar and a year, each province linking to its filtered list. The drawing is
``vocabulary.geo``'s; the counts are the owning apps' selectors'."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.page_cache import cached_value
from events.selectors import event_counts_by_province, event_years
from members.selectors import organisation_counts_by_province
from vocabulary.geo import Layer, ProvinceMap, province_map
from vocabulary.models import Province
from vocabulary.selectors import pillar_choices

from . import selectors

INITIATIVES, EVENTS, MEMBERS = "initiatives", "events", "members"
LAYERS = [
    (INITIATIVES, _("Initiatives"), "initiatives:list"),
    (EVENTS, _("Events"), "events:list"),
    (MEMBERS, _("Members"), "members:list"),
]


@dataclass(frozen=True)
class MapScope:
    """The map's filters once checked: a published pillar's code, a year something happened in,
    and a layer; anything else counts as not chosen."""

    pillar: str
    year: int | None
    layer: str
    pillars: list[tuple[str, str]]
    years: list[int]


def map_scope(request: HttpRequest) -> MapScope:
    pillars = cached_value("map-pillars", pillar_choices)
    years = cached_value(
        "map-years", lambda: sorted(set(selectors.initiative_years()) | set(event_years()), reverse=True)
    )
    pillar = request.GET.get("pillar", "")
    year = request.GET.get("year", "")
    layer = request.GET.get("layer", "")
    return MapScope(
        pillar=pillar if pillar in {code for code, _name in pillars} else "",
        year=int(year) if year in {str(each) for each in years} else None,
        layer=layer if layer in {key for key, _label, _url in LAYERS} else INITIATIVES,
        pillars=pillars,
        years=years,
    )


def _counts(*, pillar: str, year: int | None) -> dict[str, dict[str, int]]:
    return {
        INITIATIVES: selectors.initiative_counts_by_province(pillar=pillar, year=year),
        EVENTS: event_counts_by_province(pillar=pillar, year=year),
        # Membership has no year on the member directory's filters: members count whatever the year.
        MEMBERS: organisation_counts_by_province(pillar=pillar),
    }


def map_of(scope: MapScope) -> ProvinceMap:
    """The map for ``scope``: three grouped counts (kept until the content changes) and the
    current provinces."""
    counts = cached_value(
        "province-map",
        lambda: _counts(pillar=scope.pillar, year=scope.year),
        parts=(scope.pillar, scope.year),
    )
    provinces = cached_value("map-provinces", lambda: list(Province.objects.current()))

    def linker(url_name: str, with_year: bool):
        base = reverse(url_name)

        def link(code: str) -> str:
            params = {"province": code, "pillar": scope.pillar, "year": scope.year if with_year else None}
            return f"{base}?{urlencode({k: v for k, v in params.items() if v})}"

        return link

    def switch(key: str) -> str:
        params = {"pillar": scope.pillar, "year": scope.year, "layer": key if key != INITIATIVES else ""}
        return f"{reverse('initiatives:map')}?{urlencode({k: v for k, v in params.items() if v})}"

    layers = [
        Layer(key, label, counts[key], linker(url_name, with_year=key != MEMBERS), switch(key))
        for key, label, url_name in LAYERS
    ]
    return province_map(provinces=provinces, layers=layers, layer=scope.layer)
