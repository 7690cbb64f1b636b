"""Vietnam's provinces on a map: the outline vendored in ``vocabulary/data/provinces.json`` (built
by ``scripts/build_province_map.py`` from Natural Earth; see docs/map.md) and each province shaded
by a count. It knows provinces only: the apps bring the counts and where a province links to.

The outline holds the 34 current provinces and the Hoàng Sa and Trường Sa archipelagos, drawn as
part of the province they belong to.
"""

import json
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from .models import Province

OUTLINE = Path(__file__).resolve().parent / "data" / "provinces.json"
# Shades besides "none": few enough to tell apart at a glance, and for colour-blind eyes.
SHADES = 4
# Half the width of an archipelago's label, in the outline's units.
LABEL_HALF_WIDTH = 62

ARCHIPELAGO_NAMES = {
    "hoang-sa": _("Hoàng Sa Archipelago"),
    "truong-sa": _("Trường Sa Archipelago"),
}


@cache
def outline() -> dict:
    """The vendored outline, read once per process."""
    return json.loads(OUTLINE.read_text(encoding="utf-8"))


def shade_bounds(counts: Iterable[int]) -> list[int]:
    """The highest count of each shade, lightest first: the largest count split in quarters,
    so one busy province does not leave every other one in the same pale shade forever."""
    top = max(counts, default=0)
    return sorted({math.ceil(top * step / SHADES) for step in range(1, SHADES + 1)}) if top > 0 else []


def shade_of(count: int, bounds: list[int]) -> int:
    """0 for none, then up to ``SHADES`` (most): the largest count always has the darkest shade,
    even when small counts leave fewer steps than shades."""
    if count <= 0:
        return 0
    first = SHADES - len(bounds) + 1
    return next((level for level, high in enumerate(bounds, start=first) if count <= high), SHADES)


@dataclass(frozen=True)
class LegendStep:
    level: int
    low: int
    high: int


def legend(bounds: list[int]) -> list[LegendStep]:
    steps = [LegendStep(0, 0, 0)]
    low = 1
    for level, high in enumerate(bounds, start=SHADES - len(bounds) + 1):
        steps.append(LegendStep(level, low, high))
        low = high + 1
    return steps


@dataclass(frozen=True)
class Layer:
    """What the map shades by: a count per current province code, and a province's link."""

    key: str
    label: str
    counts: Mapping[str, int]
    link: Callable[[str], str]
    # Where choosing this layer leads without JavaScript (the script switches in place).
    switch_url: str = ""


@dataclass(frozen=True)
class Shading:
    key: str
    count: int
    level: int
    url: str


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    path: str
    shadings: list[Shading]
    shown: Shading


@dataclass(frozen=True)
class Archipelago:
    key: str
    label: str
    name: str
    province: str
    points: list[tuple[float, float]]
    # Where the label starts, in open sea clear of the islands and of the map's edge.
    label_x: float
    label_y: float
    shadings: list[Shading]
    shown: Shading


@dataclass(frozen=True)
class LayerLegend:
    key: str
    label: str
    steps: list[LegendStep]
    switch_url: str


@dataclass(frozen=True)
class ProvinceMap:
    width: float
    height: float
    areas: list[Area]
    archipelagos: list[Archipelago]
    legends: list[LayerLegend]
    layer: str

    @property
    def layer_label(self) -> str:
        return next(legend.label for legend in self.legends if legend.key == self.layer)


def province_map(*, provinces: list[Province], layers: list[Layer], layer: str) -> ProvinceMap:
    """The map of the current ``provinces`` (in their order), shaded by each of ``layers``;
    ``layer`` is the one shown first."""
    drawn = outline()
    bounds = {each.key: shade_bounds(each.counts.values()) for each in layers}
    layer = layer if layer in bounds else layers[0].key

    def shadings(code: str) -> list[Shading]:
        return [
            Shading(
                key=each.key,
                count=each.counts.get(code, 0),
                level=shade_of(each.counts.get(code, 0), bounds[each.key]),
                url=each.link(code),
            )
            for each in layers
        ]

    def shown(each: list[Shading]) -> Shading:
        return next(shading for shading in each if shading.key == layer)

    names = {province.code: province.name for province in provinces}
    areas = []
    for province in provinces:
        if province.code in drawn["provinces"]:
            each = shadings(province.code)
            path = drawn["provinces"][province.code]["d"]
            areas.append(Area(province.code, province.name, path, each, shown(each)))
    archipelagos = []
    for group in drawn["archipelagos"]:
        each = shadings(group["province"])
        archipelagos.append(
            Archipelago(
                key=group["key"],
                label=f"{ARCHIPELAGO_NAMES[group['key']]} ({names.get(group['province'], '')})",
                name=str(ARCHIPELAGO_NAMES[group["key"]]),
                province=names.get(group["province"], ""),
                points=[tuple(point) for point in group["points"]],
                label_x=min(max(group["label"][0], LABEL_HALF_WIDTH), drawn["width"] - LABEL_HALF_WIDTH),
                label_y=group["label"][1],
                shadings=each,
                shown=shown(each),
            )
        )
    return ProvinceMap(
        width=drawn["width"],
        height=drawn["height"],
        areas=areas,
        archipelagos=archipelagos,
        legends=[
            LayerLegend(each.key, each.label, legend(bounds[each.key]), each.switch_url) for each in layers
        ],
        layer=layer,
    )
