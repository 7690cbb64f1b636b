"""What an organisation's public profile, and a member's own page, show beyond the directory's
own rows.

The apps above the directory (events, initiatives, cycles) add their sections here when they
start, so these pages list an organisation's events and initiatives, or what a member has due,
without the directory reading them.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .models import Organisation

# Template variable → a function of ``organisation=`` giving its rows.
SECTIONS: dict[str, Callable[..., Any]] = {}


def profile_section_register(name: str, rows: Callable[..., Any]) -> None:
    SECTIONS[name] = rows


def profile_sections(organisation: Organisation) -> dict[str, Any]:
    return {name: rows(organisation=organisation) for name, rows in SECTIONS.items()}


@dataclass(frozen=True)
class MineSection:
    """A part of a member's "my organisations" page: a template given ``rows``."""

    template: str
    rows: Callable[..., Any]


MINE_SECTIONS: list[MineSection] = []


def mine_section_register(template: str, rows: Callable[..., Any]) -> None:
    """Show ``template`` on a member's own page with ``rows``, a function of ``user=``."""
    MINE_SECTIONS.append(MineSection(template, rows))


def mine_sections(user) -> list[tuple[str, Any]]:
    return [(section.template, section.rows(user=user)) for section in MINE_SECTIONS]
