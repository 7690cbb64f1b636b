"""Seeded draws: one random stream per part of the dataset, items drawn by weight, and totals
split in proportion, so the same seed always gives the same rows."""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from itertools import accumulate
from typing import Any

from django.db import models


class Weighted:
    """Draws items by weight, cheaply enough to call hundreds of thousands of times."""

    def __init__(self, items: Iterable[Any], weights: Iterable[float]):
        self.items = list(items)
        self.cumulative = list(accumulate(weights))
        self.total = self.cumulative[-1]

    def __call__(self, rng: random.Random) -> Any:
        index = bisect_right(self.cumulative, rng.random() * self.total)
        return self.items[min(index, len(self.items) - 1)]


def weighted(pairs: Iterable[tuple[Any, float]]) -> Weighted:
    items, weights = zip(*pairs, strict=True)
    return Weighted(items, weights)


def weighted_choices(choices: type[models.Choices], **weights: float) -> Weighted:
    """Draws members of ``choices``, each named as the class names it (``HELD=94``)."""
    return Weighted([choices[name] for name in weights], weights.values())


def rng_for(seed: int, part: str) -> random.Random:
    # One stream per part, so changing how events are made does not reshuffle the initiatives.
    return random.Random(f"{seed}/{part}")


def allocate(rng: random.Random, weights: Sequence[float], total: int, cap: int | Sequence[int]) -> list[int]:
    """Split ``total`` into whole numbers proportional to ``weights``, each at most ``cap`` (one
    cap for all, or one each). Less than ``total`` only when the caps leave no room."""
    caps = [cap] * len(weights) if isinstance(cap, int) else list(cap)
    weight_sum = sum(weights)
    if not weight_sum or total <= 0:
        return [0] * len(weights)
    sizes = [min(caps[i], int(weight * total / weight_sum)) for i, weight in enumerate(weights)]
    open_slots = [index for index, weight in enumerate(weights) if weight > 0 and sizes[index] < caps[index]]
    remainder = total - sum(sizes)
    while remainder > 0 and open_slots:
        position = rng.randrange(len(open_slots))
        index = open_slots[position]
        sizes[index] += 1
        remainder -= 1
        if sizes[index] >= caps[index]:
            open_slots[position] = open_slots[-1]
            open_slots.pop()
    return sizes
