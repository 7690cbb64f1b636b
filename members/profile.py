"""What an organisation's public profile shows beyond the directory's own rows.

The apps above the directory (events, initiatives) add their sections here when they start, so
the profile lists an organisation's events and initiatives without the directory reading them.
"""

from collections.abc import Callable
from typing import Any

from .models import Organisation

# Template variable → a function of ``organisation=`` giving its rows.
SECTIONS: dict[str, Callable[..., Any]] = {}


def profile_section_register(name: str, rows: Callable[..., Any]) -> None:
    SECTIONS[name] = rows


def profile_sections(organisation: Organisation) -> dict[str, Any]:
    return {name: rows(organisation=organisation) for name, rows in SECTIONS.items()}
