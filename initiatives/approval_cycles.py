"""The reporting cycles the results approvers' queue can be narrowed to.

Cycles sit above initiatives: a cycle asks for the periods of the initiatives' indicators, so
this app never reads the cycles. When the cycles app starts it registers here what the queue
needs, the cycles to offer and the periods each asks for; without it the queue offers none.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet


@dataclass(frozen=True)
class CycleSource:
    choices: Callable[[], list[tuple[str, str]]]
    periods: Callable[[int], QuerySet]


_sources: list[CycleSource] = []


def approval_cycles_register(
    *, choices: Callable[[], list[tuple[str, str]]], periods: Callable[[int], QuerySet]
) -> None:
    """``choices()`` gives the cycles as (id, name), the latest first; ``periods(cycle_id)`` a
    query of the ids of the periods that cycle asks for."""
    _sources[:] = [CycleSource(choices=choices, periods=periods)]


def cycle_choices() -> list[tuple[str, str]]:
    return _sources[0].choices() if _sources else []


def cycle_periods(cycle_id: int) -> QuerySet | None:
    """The ids of the periods the cycle asks for, or None when no cycles are known."""
    return _sources[0].periods(cycle_id) if _sources else None
