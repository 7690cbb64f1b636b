"""What marks generated rows and where the dataset stands in time: the slug prefix, e-mail
domain and report file that make rows recognisable, the base date every status follows from,
and the dates and texts built around them."""

from __future__ import annotations

import random
import unicodedata
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.utils.text import slugify

from core.search import FOLD_FROM, FOLD_TO, fold

from ..vocabulary import Text

PREFIX = "bench-"
EMAIL_DOMAIN = "bench.example.org"
REPORT_FILE = "reports/bench/npap-bench-sample.pdf"
# "Today" for the generated data: statuses (held, planned, locked periods, drafts) follow from it.
# Close to when the dataset was designed, with events planned through 2027, so the public pages
# still show upcoming events when the benchmarks run.
BASE_DATE = date(2026, 12, 1)
MERGER_DATE = date(2025, 7, 1)  # provinces merged (Resolution 202/2025/QH15)
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
PUBLISHED_SHARE = 0.85


def day_in(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))


def moment(rng: random.Random, day: date) -> datetime:
    """A working-hours moment of ``day`` in Vietnam, never after the base date."""
    day = min(day, BASE_DATE)
    return datetime(
        day.year, day.month, day.day, rng.randint(8, 17), rng.choice((0, 15, 30, 45)), tzinfo=VIETNAM
    )


def add_months(day: date, months: int) -> date:
    """The first of the month ``months`` after ``day``'s."""
    month = day.month - 1 + months
    return date(day.year + month // 12, month % 12 + 1, 1)


# The search's own table, so an alias reads as a visitor who types without tone marks would write.
_BARE_LETTERS = str.maketrans(FOLD_FROM, FOLD_TO)


def without_marks(text: str) -> str:
    return unicodedata.normalize("NFC", text).translate(_BARE_LETTERS)


def make_slug(text: str, number: int, limit: int) -> str:
    # "quý 2/2026" keeps its numbers apart.
    return f"{PREFIX}{slugify(fold(text.replace('/', ' ')))[:limit].rstrip('-')}-{number}"


def bilingual(row: Any, name: str) -> Text:
    """A reference row's bilingual field as (Vietnamese, English), English falling back."""
    vietnamese = getattr(row, f"{name}_vi", None) or getattr(row, name)
    return vietnamese, getattr(row, f"{name}_en", None) or vietnamese
