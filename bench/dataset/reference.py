"""The reference data the dataset hangs on (provinces, pillars, event and membership types,
network indicators, the sex dimension), read as the database has it and in code order."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from events.models import EventType
from initiatives.models import Dimension, DimensionValue, NetworkIndicator
from members.models import MembershipType
from vocabulary.models import Pillar, Province

from ..vocabulary import pick
from .common import MERGER_DATE
from .draws import Weighted

# The big cities hold most members and events.
PROVINCE_WEIGHTS = {
    "ha-noi": 18,
    "ho-chi-minh": 18,
    "da-nang": 6,
    "hai-phong": 4,
    "can-tho": 3,
    "hue": 2,
    "khanh-hoa": 2,
    "quang-ninh": 2,
}


@dataclass
class Reference:
    provinces: list[Province]  # current ones, in code order
    province_weights: list[float]
    former_by_successor: dict[int, list[Province]]
    pillars: list[Pillar]
    pillar_by_code: dict[str, Pillar]
    event_types: list[EventType]
    membership_types: dict[str, MembershipType]
    network: dict[str, NetworkIndicator]
    sex: dict[str, DimensionValue]
    province_by_code: dict[str, Province]

    def province(self, rng: random.Random) -> Province:
        return self.provinces[self._province_draw(rng)]

    @cached_property
    def _province_draw(self) -> Weighted:
        return Weighted(range(len(self.provinces)), self.province_weights)

    def place(self, rng: random.Random, *, former_before: date | None = None) -> Province:
        """A province by weight; before the merger, often under its former name."""
        province = self.province(rng)
        former = self.former_by_successor.get(province.pk)
        if former and former_before is not None and former_before < MERGER_DATE and rng.random() < 0.35:
            return pick(rng, former)
        return province


def ensure_reference() -> Reference:
    """The reference data the dataset hangs on, as the database has it. Only what is missing
    altogether is created, from the reference lists (and the demo's network indicators);
    existing rows are never changed."""
    from events import reference as events_reference
    from initiatives import demo as initiatives_demo
    from initiatives import reference as initiatives_reference
    from members import reference as members_reference
    from vocabulary import reference as vocabulary_reference

    if not Province.objects.exists():
        vocabulary_reference.load_provinces()
    if not MembershipType.objects.exists():
        members_reference.load_membership_types()
    if not Pillar.objects.exists():
        vocabulary_reference.load_pillars()
    if not Dimension.objects.filter(code="sex").exists():
        initiatives_reference.load_dimensions()
    if not NetworkIndicator.objects.exists():
        initiatives_demo.load_catalogue()
    if not EventType.objects.exists():
        events_reference.load()

    provinces = list(Province.objects.current().order_by("code"))
    former: dict[int, list[Province]] = {}
    # With its successor at hand, a former province's ``current`` costs no query.
    for province in (
        Province.objects.filter(successor__isnull=False).select_related("successor").order_by("code")
    ):
        former.setdefault(province.successor_id, []).append(province)
    pillars = list(Pillar.objects.order_by("code"))
    return Reference(
        provinces=provinces,
        province_weights=[PROVINCE_WEIGHTS.get(p.code, 1) for p in provinces],
        former_by_successor=former,
        pillars=pillars,
        pillar_by_code={p.code: p for p in pillars},
        event_types=list(EventType.objects.order_by("code")),
        membership_types={t.code: t for t in MembershipType.objects.order_by("code")},
        network={n.code: n for n in NetworkIndicator.objects.order_by("code")},
        sex={v.code: v for v in DimensionValue.objects.filter(dimension__code="sex").order_by("code")},
        province_by_code={p.code: p for p in provinces},
    )
