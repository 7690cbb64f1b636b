"""A national-scale dataset for benchmarks, generated reproducibly from a seed.

``generate(scale=1.0, seed=…)`` fills the database with what the network would hold at 50 times
its size today: 10,000 organisations with their memberships, pillars and ~125,000 people;
50,000 events with organisers, pillars, provinces and 500,000 participations; 8,000 initiatives
with partners, results, indicators, periods and 500,000 indicator updates (a share split by sex);
and a few hundred reports in the public library. The text reads like the network's own records
(see ``bench.vocabulary``); provinces, pillars, event types, membership types, network
indicators and the sex dimension are the ones already in the database (the demo network's).

The same seed and scale give the same rows: every choice comes from ``random.Random`` seeded per
part, reference data is read in code order, and dates are placed around ``BASE_DATE``, never
today. Only ``created_at``/``updated_at`` record when the rows were written.

Everything generated is recognisable, so ``reset()`` removes it and nothing else: slugs start
with ``bench-``, people's addresses end in ``@bench.example.org``, the library's report runs
point at ``reports/bench/``.

Rows are built in chunks and written with ``bulk_create``, so memory stays flat whatever the
scale; no model's ``save()`` or signals run (no history rows, no cache bump per row) — the page
cache is told once at the end.
"""

from __future__ import annotations

import math
import random
import time
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import cached_property
from itertools import accumulate
from typing import IO, Any
from zoneinfo import ZoneInfo

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection, models, reset_queries, transaction
from django.utils import translation
from django.utils.text import slugify

from core.models import SearchTextModel
from core.search import fold
from events.models import (
    AgendaItem,
    AgendaSession,
    Event,
    EventDocument,
    EventOrganiser,
    EventPhoto,
    EventType,
    Participation,
    SignInImport,
)
from initiatives.models import (
    Dimension,
    DimensionValue,
    Indicator,
    IndicatorUpdate,
    Initiative,
    InitiativeDocument,
    InitiativePartner,
    InitiativePhoto,
    NetworkIndicator,
    Period,
    PeriodTarget,
    Result,
    UpdateDisaggregation,
    UpdateEvidence,
)
from members.models import (
    Affiliation,
    EditorRequest,
    Membership,
    MembershipType,
    Organisation,
    Person,
    PillarParticipation,
)
from reports.models import PublishedReport, ReportFile, ReportRun, private_storage
from vocabulary.models import Pillar, Province, TechnicalGroup

from . import vocabulary as words
from .vocabulary import Text, pick

PREFIX = "bench-"
EMAIL_DOMAIN = "bench.example.org"
REPORT_FILE = "reports/bench/npap-bench-sample.pdf"
# "Today" for the generated data: statuses (held, planned, locked periods, drafts) follow from it.
# Close to when the dataset was designed, with events planned through 2027, so the public pages
# still show upcoming events when the benchmarks run.
BASE_DATE = date(2026, 12, 1)
MERGER_DATE = date(2025, 7, 1)  # provinces merged (Resolution 202/2025/QH15)
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")

# Scale 1.0: fifty times today's network.
NATIONAL = {
    "organisations": 10_000,
    "people": 125_000,
    "events": 50_000,
    "participations": 500_000,
    "initiatives": 8_000,
    "indicator_updates": 500_000,
    "published_reports": 300,
}
PUBLISHED_SHARE = 0.85
BATCH_SIZE = 2_000
EVENT_CHUNK = 2_000
INITIATIVE_CHUNK = 200
MAX_UPDATES_PER_PERIOD = 6


class DatasetExists(Exception):
    """The database already holds a generated dataset."""


# --- small tools -------------------------------------------------------------------------------


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


def _rng(seed: int, part: str) -> random.Random:
    # One stream per part, so changing how events are made does not reshuffle the initiatives.
    return random.Random(f"{seed}/{part}")


def _slug(text: str, number: int, limit: int) -> str:
    # "quý 2/2026" keeps its numbers apart.
    return f"{PREFIX}{slugify(fold(text.replace('/', ' ')))[:limit].rstrip('-')}-{number}"


def _without_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _day_in(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _moment(rng: random.Random, day: date) -> datetime:
    """A working-hours moment of ``day`` in Vietnam, never after the base date."""
    day = min(day, BASE_DATE)
    return datetime(
        day.year, day.month, day.day, rng.randint(8, 17), rng.choice((0, 15, 30, 45)), tzinfo=VIETNAM
    )


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    return date(day.year + month // 12, month % 12 + 1, 1)


def _allocate(
    rng: random.Random, weights: Sequence[float], total: int, cap: int | Sequence[int]
) -> list[int]:
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


def _text(row: Any, name: str) -> Text:
    """A reference row's bilingual field as (Vietnamese, English), English falling back."""
    vietnamese = getattr(row, f"{name}_vi", None) or getattr(row, name)
    return vietnamese, getattr(row, f"{name}_en", None) or vietnamese


class Output:
    """Progress lines with the time since the start."""

    def __init__(self, stdout: IO[str] | None):
        self.stdout = stdout
        self.started = time.monotonic()

    def say(self, message: str) -> None:
        if self.stdout is not None:
            self.stdout.write(f"[{time.monotonic() - self.started:7.1f}s] {message}\n")
            self.stdout.flush()


class Writer:
    """Inserts rows in batches and counts them per model."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.tables: dict[str, None] = {}  # in the order first written

    def insert(self, model: type[models.Model], rows: list) -> list:
        if rows:
            # bulk_create skips save(), which keeps the folded search text of searchable rows.
            if issubclass(model, SearchTextModel):
                for row in rows:
                    row.search_text = row.build_search_text()
            model._base_manager.bulk_create(rows, batch_size=BATCH_SIZE)
            self.counts[model._meta.label] += len(rows)
            self.tables[model._meta.db_table] = None
        return rows

    def flush(self) -> None:
        # With DEBUG on, Django keeps every statement it ran; bulk inserts are megabytes each.
        reset_queries()


# --- reference data ------------------------------------------------------------------------------


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
    for province in Province.objects.filter(successor__isnull=False).order_by("code"):
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


# --- the dataset ---------------------------------------------------------------------------------


def targets(scale: float) -> dict[str, int]:
    """How many of each the dataset holds at ``scale`` (at least a handful of each)."""
    return {name: max(3, round(count * scale)) for name, count in NATIONAL.items()}


def dataset_exists() -> bool:
    return any(
        model.objects.filter(slug__startswith=PREFIX).exists() for model in (Organisation, Event, Initiative)
    )


def generate(
    *, scale: float, seed: int, stdout: IO[str] | None = None, analyze: bool = True
) -> dict[str, int]:
    """Fill the database with the dataset at ``scale`` (1.0 = national scale) from ``seed``.

    Returns the number of rows written per model label. Refuses (``DatasetExists``) when a
    generated dataset is already there: ``reset()`` first. ``analyze=False`` skips refreshing
    the planner's statistics afterwards (for tests, where they do not matter).
    """
    if not scale > 0:
        raise ValueError("The scale must be greater than zero.")
    out = Output(stdout)
    writer = Writer()
    goal = targets(scale)
    out.say(f"Generating the benchmark dataset at scale {scale:g} from seed {seed}: {goal}")
    # Translated fields keep their untranslated column too; it must hold the Vietnamese text.
    with translation.override("vi"), transaction.atomic():
        if dataset_exists():
            raise DatasetExists("The database already holds a generated dataset; reset it first (--reset).")
        ref = ensure_reference()
        orgs = _organisations(_rng(seed, "organisations"), ref, goal["organisations"], writer, out)
        people = _people(_rng(seed, "people"), orgs, goal["people"], writer, out)
        _events(_rng(seed, "events"), ref, orgs, people, goal, writer, out)
        _initiatives(_rng(seed, "initiatives"), ref, orgs, goal, writer, out)
        _reports(_rng(seed, "reports"), ref, goal["published_reports"], writer, out)
        transaction.on_commit(forget_cached_pages)
    out.say(f"Written: {sum(writer.counts.values()):,} rows.")
    if analyze:
        refresh_statistics(list(writer.tables))
        out.say("Planner statistics refreshed.")
    return dict(sorted(writer.counts.items()))


def refresh_statistics(tables: list[str]) -> None:
    """The planner's statistics (and PostgreSQL's visibility map) still describe the tables as
    they were before the load; benchmarks must not depend on when autovacuum gets round to them.
    VACUUM cannot run inside a transaction (the tests' one): there, statistics only."""
    vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(
                f"{'VACUUM (ANALYZE)' if vacuum else 'ANALYZE'} {connection.ops.quote_name(table)}"
            )


def forget_cached_pages() -> None:
    """Cached public pages show the database as it was: the portal's hook, else a cleared cache."""
    try:
        from core.page_cache import content_changed
    except ImportError:
        cache.clear()
    else:
        content_changed()


# --- organisations -----------------------------------------------------------------------------

KIND_WEIGHTS = {
    "ngo": 22,
    "business": 25,
    "community": 14,
    "government": 10,
    "research": 7,
    "academic": 6,
    "international": 4,
    "foundation": 3,
    "alliance": 3,
    "other": 6,
}
# How many people an organisation of each kind brings, relative to the others.
KIND_SIZES = {
    "international": 3,
    "research": 2.5,
    "government": 2,
    "academic": 2,
    "ngo": 1.5,
    "alliance": 1.5,
    "business": 1,
    "foundation": 1,
    "community": 1,
    "other": 0.5,
}
ACRONYM_KINDS = {"research", "ngo", "international", "alliance", "foundation", "academic"}
PARENT_KINDS = {"government", "ngo", "alliance", "academic"}
MEMBERSHIP_WEIGHTS = {"member": 70, "observer": 10, "partner": 12, "founding-member": 4, "secretariat": 0.1}
PILLARS_PER_ORGANISATION = weighted([(0, 30), (1, 40), (2, 20), (3, 10)])
MEMBERSHIP_STATUSES = weighted(
    [
        (Membership.Status.ACTIVE, 72),
        (Membership.Status.LAPSED, 9),
        (Membership.Status.APPLIED, 6),
        (Membership.Status.SUSPENDED, 3),
        (Membership.Status.WITHDRAWN, 4),
    ]
)


@dataclass
class Organisations:
    ids: list[int] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # kind → indexes
    by_province: dict[int, list[int]] = field(default_factory=dict)  # current province pk → indexes

    def add(self, pk: int, name: str, kind: str, province: Province | None) -> None:
        index = len(self.ids)
        self.ids.append(pk)
        self.names.append(name)
        self.kinds.append(kind)
        self.by_kind.setdefault(kind, []).append(index)
        if province is not None:
            self.by_province.setdefault(province.successor_id or province.pk, []).append(index)

    def of_kinds(self, rng: random.Random, kinds: Sequence[str]) -> int:
        pool = [kind for kind in kinds if self.by_kind.get(kind)]
        return pick(rng, self.by_kind[pick(rng, pool)]) if pool else rng.randrange(len(self.ids))


def _place(rng: random.Random, ref: Reference, *, former_before: date | None = None) -> Province:
    """A province by weight; before the merger, often under its former name."""
    province = ref.province(rng)
    former = ref.former_by_successor.get(province.pk)
    if former and former_before is not None and former_before < MERGER_DATE and rng.random() < 0.35:
        return pick(rng, former)
    return province


def _organisations(
    rng: random.Random, ref: Reference, count: int, writer: Writer, out: Output
) -> Organisations:
    orgs = Organisations()
    kind_codes = [kind for kind, _ in Organisation.Kind.choices]
    kinds = Weighted(kind_codes, [KIND_WEIGHTS.get(kind, 1) for kind in kind_codes])
    type_codes = list(ref.membership_types)
    types = Weighted(type_codes, [MEMBERSHIP_WEIGHTS.get(code, 1) for code in type_codes])
    seen: set[str] = set()
    parents: list[int] = []  # pks of organisations written in earlier chunks that may have branches

    for first in range(0, count, BATCH_SIZE):
        rows: list[tuple[Organisation, int, Province | None]] = []
        for index in range(first, min(count, first + BATCH_SIZE)):
            # The first few cover every kind, so even a tiny dataset has all of them.
            kind = kind_codes[index] if index < len(kind_codes) else kinds(rng)
            province = ref.province(rng)
            joined = rng.randint(2019, BASE_DATE.year)
            former = ref.former_by_successor.get(province.pk)
            if former and joined < MERGER_DATE.year and rng.random() < 0.3:
                province = pick(rng, former)  # registered before the merger, never updated
            name = words.organisation_name(rng, kind, _text(province, "name"))
            for _ in range(12):
                if name.vi not in seen:
                    break
                name = words.organisation_name(rng, kind, _text(province, "name"))
            else:
                # Names run out in small provinces: a numbered branch, as real ones are called.
                branch = sum(1 for other in seen if other.startswith(name.vi)) + 1
                name = name._replace(vi=f"{name.vi} – cơ sở {branch}", en=f"{name.en} – branch {branch}")
            seen.add(name.vi)
            located = province if name.in_province or rng.random() < 0.5 else None
            has_english = rng.random() < 0.65
            description = ("", "")
            if rng.random() < 0.8:
                description = words.organisation_description(
                    rng, kind, name.field, _text(located, "name") if located else ("", ""), joined
                )
            acronym = words.acronym(name.vi) if kind in ACRONYM_KINDS and rng.random() < 0.35 else ""
            organisation = Organisation(
                name_vi=name.vi,
                name_en=name.en if has_english else "",
                description_vi=description[0],
                description_en=description[1] if has_english else "",
                acronym=acronym,
                aliases=_without_marks(name.vi) if rng.random() < 0.1 else "",
                slug=_slug(name.vi, index + 1, 60),
                kind=kind,
                province=located,
                website=f"https://{slugify(fold(acronym or name.vi))[:30].strip('-')}.example.org"
                if rng.random() < 0.4
                else "",
                is_published=rng.random() < PUBLISHED_SHARE,
            )
            if kind not in PARENT_KINDS and parents and rng.random() < 0.08:
                organisation.parent_id = pick(rng, parents)
            rows.append((organisation, joined, located))
        writer.insert(Organisation, [row[0] for row in rows])

        memberships, participations = [], []
        for organisation, joined, located in rows:
            orgs.add(organisation.pk, organisation.name_vi, organisation.kind, located)
            if organisation.kind in PARENT_KINDS:
                parents.append(organisation.pk)
            memberships += _memberships(rng, organisation, joined, types, ref)
            for pillar in rng.sample(ref.pillars, min(PILLARS_PER_ORGANISATION(rng), len(ref.pillars))):
                role = (
                    PillarParticipation.Role.LEAD
                    if rng.random() < 0.07
                    else PillarParticipation.Role.PARTICIPANT
                )
                participations.append(
                    PillarParticipation(organisation_id=organisation.pk, pillar=pillar, role=role)
                )
        writer.insert(Membership, memberships)
        writer.insert(PillarParticipation, participations)
        writer.flush()
    out.say(f"organisations: {len(orgs.ids):,}")
    return orgs


def _memberships(
    rng: random.Random, organisation: Organisation, joined: int, types: Weighted, ref: Reference
) -> list[Membership]:
    if rng.random() > 0.8 or not ref.membership_types:
        return []
    rows = []
    start = _day_in(rng, date(joined, 1, 1), min(date(joined, 12, 31), BASE_DATE))
    code = types(rng)
    if code == "founding-member" and joined > 2020:
        code = "member" if "member" in ref.membership_types else code
    if joined > 2019 and rng.random() < 0.15:
        # An earlier period that lapsed before the current one began.
        earlier = date(rng.randint(2019, joined - 1), rng.randint(1, 12), 1)
        rows.append(
            Membership(
                organisation_id=organisation.pk,
                membership_type=ref.membership_types[code],
                status=Membership.Status.LAPSED,
                joined_on=earlier,
                start=earlier,
                end=max(earlier, start - timedelta(days=rng.randint(30, 300))),
            )
        )
    status = MEMBERSHIP_STATUSES(rng)
    end = None
    if status in (Membership.Status.LAPSED, Membership.Status.WITHDRAWN):
        end = min(BASE_DATE, start + timedelta(days=rng.randint(365, 3 * 365)))
    elif status == Membership.Status.ACTIVE and rng.random() < 0.2:
        end = date(max(start.year + 3, BASE_DATE.year), 12, 31)  # a fixed term, still running
    rows.append(
        Membership(
            organisation_id=organisation.pk,
            membership_type=ref.membership_types[code],
            status=status,
            joined_on=rows[0].joined_on if rows else start,
            start=start,
            end=end,
            notes="Đã gửi đơn, chờ Ban thư ký xem xét." if status == Membership.Status.APPLIED else "",
        )
    )
    return rows


# --- people ------------------------------------------------------------------------------------

GENDERS = weighted(
    [
        ("female", 55),
        ("male", 42),
        ("undisclosed", 2.5),
        ("other", 0.5),
    ]
)
# Mobile networks' prefixes.
PHONE_PREFIXES = ["90", "91", "93", "94", "96", "97", "98", "86", "88", "89", "32", "33", "35", "70", "77", "79"]  # fmt: skip
HEADS = ["Giám đốc", "Chủ tịch", "Viện trưởng", "Trưởng ban", "Tổng Giám đốc"]


@dataclass
class People:
    ids: list[int] = field(default_factory=list)
    organisation: list[int] = field(default_factory=list)  # index into Organisations


def _people(rng: random.Random, orgs: Organisations, count: int, writer: Writer, out: Output) -> People:
    people = People()
    sizes = [KIND_SIZES.get(kind, 1) * rng.lognormvariate(0, 0.6) for kind in orgs.kinds]
    employer = Weighted(range(len(orgs.ids)), sizes)
    staff_count = [0] * len(orgs.ids)
    for first in range(0, count, BATCH_SIZE):
        rows: list[tuple] = []
        for index in range(first, min(count, first + BATCH_SIZE)):
            # Every organisation has at least its focal point; the rest go by size.
            org = index if index < len(orgs.ids) else employer(rng)
            gender = GENDERS(rng)
            female = gender == "female" or (gender not in ("female", "male") and rng.random() < 0.5)
            full_name, family, given = words.person_name(rng, female=female)
            position_number = staff_count[org]
            staff_count[org] += 1
            if position_number == 0:
                role = Affiliation.Role.FOCAL_POINT
            elif position_number == 1:
                role = Affiliation.Role.HEAD
            elif position_number == 2 or rng.random() < 0.05:
                role = Affiliation.Role.ALTERNATE
            else:
                role = Affiliation.Role.STAFF
            person = Person(
                full_name=full_name,
                gender=gender,
                position=pick(rng, HEADS) if role == Affiliation.Role.HEAD else pick(rng, words.POSITIONS),
                email=f"{fold(given)}.{fold(family)}.{index + 1}@{EMAIL_DOMAIN}",
                phone=f"0{pick(rng, PHONE_PREFIXES)}{rng.randrange(10_000_000):07d}"
                if rng.random() < 0.7
                else "",
                public_consent=rng.random() < 0.55,
            )
            rows.append((person, org, role))
        writer.insert(Person, [row[0] for row in rows])

        affiliations = []
        for person, org, role in rows:
            people.ids.append(person.pk)
            people.organisation.append(org)
            start = _day_in(rng, date(2015, 1, 1), BASE_DATE)
            moved = rng.random() < 0.08
            affiliations.append(
                Affiliation(
                    person_id=person.pk,
                    organisation_id=orgs.ids[org],
                    role=role,
                    is_primary=role == Affiliation.Role.FOCAL_POINT,
                    start=start if rng.random() < 0.6 else None,
                    end=min(BASE_DATE, start + timedelta(days=rng.randint(200, 1500))) if moved else None,
                )
            )
            if moved or rng.random() < 0.03:
                # A second organisation: where they went, or where they also volunteer.
                other = rng.randrange(len(orgs.ids))
                if other != org:
                    affiliations.append(
                        Affiliation(
                            person_id=person.pk,
                            organisation_id=orgs.ids[other],
                            role=Affiliation.Role.STAFF,
                            start=_day_in(rng, start, BASE_DATE),
                        )
                    )
        writer.insert(Affiliation, affiliations)
        writer.flush()
    out.say(f"people: {len(people.ids):,}")
    return people


# --- events ------------------------------------------------------------------------------------

EVENT_TYPE_WEIGHTS = {
    "training": 26,
    "consultation-workshop": 14,
    "webinar": 12,
    "campaign": 12,
    "working-group-meeting": 10,
    "conference": 8,
    "roundtable": 7,
    "pillar-workshop": 6,
    "delegation": 2,
}
# Relative number of participants; a delegation is a handful of people, a conference hundreds.
EVENT_SIZES = {
    "conference": 3.5,
    "campaign": 2.8,
    "webinar": 2.5,
    "consultation-workshop": 1.6,
    "pillar-workshop": 1.5,
    "training": 1.4,
    "roundtable": 1.2,
    "working-group-meeting": 1.0,
    "delegation": 0.25,
}
# Share of events recorded with a name list (the rest only with headcounts typed in).
LISTED_SHARE = {"campaign": 0.6, "delegation": 1.0}
# More events every year as the network grows; some already planned for the year ahead.
YEAR_WEIGHTS = weighted(
    [(2019, 4), (2020, 5), (2021, 7), (2022, 10), (2023, 13), (2024, 16), (2025, 18), (2026, 17), (2027, 10)]
)
EXTRA_ORGANISERS = weighted([(0, 55), (1, 30), (2, 15)])  # besides the host
MULTI_DAY_TYPES = {"conference", "training", "consultation-workshop", "pillar-workshop"}
PAST_STATUSES = weighted([(Event.Status.HELD, 94), (Event.Status.CANCELLED, 4), (Event.Status.POSTPONED, 2)])
COMING_STATUSES = weighted(
    [(Event.Status.PLANNED, 90), (Event.Status.POSTPONED, 5), (Event.Status.CANCELLED, 5)]
)
FORMATS = weighted([(Event.Format.OFFLINE, 62), (Event.Format.HYBRID, 20), (Event.Format.ONLINE, 18)])
# The pandemic years moved much of the network online.
PANDEMIC_FORMATS = weighted(
    [(Event.Format.OFFLINE, 40), (Event.Format.ONLINE, 35), (Event.Format.HYBRID, 25)]
)
LINK_VISIBILITY = weighted(
    [
        (Event.LinkVisibility.PUBLIC, 30),
        (Event.LinkVisibility.SIGNED_IN, 55),
        (Event.LinkVisibility.STAFF, 15),
    ]
)
PARTICIPANT_ROLES = weighted(
    [
        (Participation.Role.PARTICIPANT, 85),
        (Participation.Role.SPEAKER, 7),
        (Participation.Role.ORGANISER, 4),
        (Participation.Role.FACILITATOR, 3),
        (Participation.Role.PRESS, 1),
    ]
)
HELD_ATTENDANCE = weighted(
    [
        (Participation.Status.ATTENDED, 88),
        (Participation.Status.NO_SHOW, 7),
        (Participation.Status.REGISTERED, 5),
    ]
)
COMING_ATTENDANCE = weighted([(Participation.Status.REGISTERED, 70), (Participation.Status.INVITED, 30)])
START_TIMES = [(8, 0), (8, 30), (9, 0), (13, 30), (14, 0)]
DOCUMENTS = [
    (EventDocument.Kind.AGENDA, "Chương trình sự kiện"),
    (EventDocument.Kind.CONCEPT_NOTE, "Ghi chú khái niệm"),
    (EventDocument.Kind.MINUTES, "Biên bản"),
    (EventDocument.Kind.SLIDES, "Bài trình bày của diễn giả"),
    (EventDocument.Kind.REPORT, "Báo cáo tổng hợp kết quả"),
]


@dataclass
class EventDraft:
    event: Event
    size: int  # people on the name list
    organisers: list[int]  # organisation indexes: host first
    pillars: list[Pillar]
    topic: Text
    with_agenda: bool


def _events(
    rng: random.Random,
    ref: Reference,
    orgs: Organisations,
    people: People,
    goal: dict[str, int],
    writer: Writer,
    out: Output,
) -> None:
    count = goal["events"]
    types = ref.event_types
    type_draw = Weighted(range(len(types)), [EVENT_TYPE_WEIGHTS.get(t.code, 3) for t in types])
    # First the type and size of every event, so the participations add up to the goal exactly.
    plan: list[int] = []
    weights: list[float] = []
    for _ in range(count):
        kind = type_draw(rng)
        code = types[kind].code
        plan.append(kind)
        listed = rng.random() < LISTED_SHARE.get(code, 0.85)
        weights.append(EVENT_SIZES.get(code, 1) * rng.lognormvariate(0, 0.7) if listed else 0.0)
    sizes = _allocate(rng, weights, goal["participations"], cap=min(len(people.ids), 800))
    del weights

    people_count = len(people.ids)
    for first in range(0, count, EVENT_CHUNK):
        drafts = [
            _event(rng, ref, orgs, number, types[plan[number]], sizes[number])
            for number in range(first, min(count, first + EVENT_CHUNK))
        ]
        writer.insert(Event, [draft.event for draft in drafts])

        organisers, pillar_links, participations, documents = [], [], [], []
        session_items: list[tuple[AgendaSession, list[AgendaItem]]] = []
        for draft in drafts:
            event = draft.event
            roles = [EventOrganiser.Role.HOST, EventOrganiser.Role.CO_HOST]
            roles.append(EventOrganiser.Role.FUNDER if rng.random() < 0.4 else EventOrganiser.Role.CO_HOST)
            for order, (org, role) in enumerate(zip(draft.organisers, roles, strict=False), start=1):
                organisers.append(
                    EventOrganiser(event_id=event.pk, organisation_id=orgs.ids[org], role=role, order=order)
                )
            for pillar in draft.pillars:
                pillar_links.append(Event.pillars.through(event_id=event.pk, pillar_id=pillar.pk))
            chosen = rng.sample(range(people_count), draft.size) if draft.size else []
            participations += _participations(rng, event, chosen, people, orgs)
            if draft.with_agenda:
                session_items += _agenda(rng, draft, orgs, people, chosen)
            if event.status == Event.Status.HELD and rng.random() < 0.15:
                for order, (kind, title) in enumerate(rng.sample(DOCUMENTS, rng.randint(1, 2)), start=1):
                    documents.append(
                        EventDocument(
                            event_id=event.pk,
                            title=title,
                            kind=kind,
                            url=f"https://npap.example.org/tai-lieu/{event.slug}-{kind}.pdf",
                            is_public=rng.random() < 0.9,
                            order=order,
                        )
                    )
        writer.insert(EventOrganiser, organisers)
        writer.insert(Event.pillars.through, pillar_links)
        writer.insert(Participation, participations)
        writer.insert(EventDocument, documents)
        writer.insert(AgendaSession, [session for session, _ in session_items])
        for session, items in session_items:
            for item in items:
                item.session_id = session.pk
        writer.insert(AgendaItem, [item for _, items in session_items for item in items])
        writer.flush()
        done = min(count, first + EVENT_CHUNK)
        if done == count or (done // EVENT_CHUNK) % 5 == 0:
            out.say(f"events: {done:,} of {count:,}")


def _event(
    rng: random.Random, ref: Reference, orgs: Organisations, number: int, event_type: EventType, size: int
) -> EventDraft:
    code = event_type.code
    year = YEAR_WEIGHTS(rng)
    start = _day_in(rng, date(year, 1, 1), date(year, 12, 31))
    status = COMING_STATUSES(rng) if start > BASE_DATE else PAST_STATUSES(rng)
    days = 0
    if code == "delegation":
        days = rng.randint(3, 7)
    elif code in MULTI_DAY_TYPES and rng.random() < 0.15:
        days = rng.randint(1, 2)
    if code == "webinar":
        event_format = Event.Format.ONLINE
    elif code in ("delegation", "campaign"):
        event_format = Event.Format.OFFLINE
    else:
        event_format = (PANDEMIC_FORMATS if year in (2020, 2021) else FORMATS)(rng)

    topic = pick(rng, words.TOPICS)
    pillars = [ref.pillar_by_code[c] for c in topic[2] if c in ref.pillar_by_code]
    if not pillars or rng.random() < 0.1:
        pillars.append(pick(rng, ref.pillars))
    pillar = pillars[0]
    pillars = list(dict.fromkeys(pillars))[: rng.choice((1, 1, 2))] if rng.random() > 0.15 else []
    if code == "pillar-workshop":
        pillars = [pillar]

    province: Province | None = None
    country = ""
    if code == "delegation":
        forums = [forum for forum in words.FORUMS if forum[5][:4] in ("", str(year))]
        forum, forum_en, city, country, country_en, held_on = pick(rng, forums)
        if held_on:
            start = date.fromisoformat(held_on)
            status = Event.Status.HELD if start <= BASE_DATE else status
        title = words.fill(
            words.DELEGATION_TEMPLATE, forum=(forum, forum_en), city=city, country=(country, country_en)
        )
        venue = (f"{city}, {country}", f"{city}, {country_en}")
    else:
        template = pick(rng, words.EVENT_TEMPLATES.get(code, words.GENERIC_EVENT_TEMPLATES))
        province = _place(rng, ref, former_before=start)
        place = _text(province, "name")
        ward = pick(rng, words.WARDS)
        title = words.fill(
            template,
            topic=topic[:2],
            place=place,
            ward=ward,
            pillar=_text(pillar, "name"),
            audience=pick(rng, words.AUDIENCES),
            skill=pick(rng, words.SKILLS),
            year=start.year,
            quarter=(start.month - 1) // 3 + 1,
            region=pick(rng, words.REGIONS),
            type=_text(event_type, "name"),
        )
        if event_format == Event.Format.ONLINE:
            venue = (pick(rng, words.ONLINE_VENUES), "Online")
            if "{place}" not in template[0] and rng.random() < 0.6:
                province = None
        elif rng.random() < 0.85:
            venue_vi = pick(rng, words.VENUES).format(
                brand=words.brand(rng),
                place=place[0],
                ward=ward,
                n=rng.randint(1, 30),
                figure=pick(rng, words.FIGURES),
            )
            venue = (venue_vi, "")
        else:
            venue = ("", "")

    host = rng.randrange(len(orgs.ids))
    local = orgs.by_province.get(province.successor_id or province.pk) if province else None
    if local and rng.random() < 0.65:
        host = pick(rng, local)
    organisers = [host]
    for _ in range(EXTRA_ORGANISERS(rng)):
        other = rng.randrange(len(orgs.ids))
        if other not in organisers:
            organisers.append(other)

    has_english = rng.random() < 0.6
    summary = ("", "")
    if rng.random() < 0.85:
        summary = words.fill(pick(rng, words.EVENT_SUMMARIES), host=orgs.names[host], topic=topic[:2])
    times: tuple = (None, None)
    if rng.random() < 0.7:
        hour, minute = pick(rng, START_TIMES)
        length = 2 if code == "webinar" else rng.randint(2, 4)
        times = (
            datetime(2000, 1, 1, hour, minute).time(),
            datetime(2000, 1, 1, min(hour + length, 17), 30).time(),
        )
    event = Event(
        title_vi=title[0],
        title_en=title[1] if has_english else "",
        slug=_slug(title[0], number + 1, 80),
        event_type=event_type,
        status=status,
        format=event_format,
        summary_vi=summary[0],
        summary_en=summary[1] if has_english and summary[0] else "",
        objectives_vi=pick(rng, words.EVENT_OBJECTIVES) if rng.random() < 0.4 else "",
        outcomes_vi=pick(rng, words.EVENT_OUTCOMES)
        if status == Event.Status.HELD and rng.random() < 0.4
        else "",
        start_date=start,
        end_date=start + timedelta(days=days) if days else None,
        start_time=times[0],
        end_time=times[1],
        venue_vi=venue[0],
        venue_en=venue[1] if has_english else "",
        province=province,
        country=country,
        online_link=f"https://meet.example.org/npap/{number + 1}"
        if event_format != Event.Format.OFFLINE
        else "",
        online_link_visibility=LINK_VISIBILITY(rng),
        is_published=rng.random() < (0.5 if status == Event.Status.CANCELLED else PUBLISHED_SHARE),
    )
    if not size and status == Event.Status.HELD and rng.random() < 0.85:
        _headcounts(rng, event, code)
    with_agenda = code not in ("delegation", "campaign") and rng.random() < 0.08
    return EventDraft(event, size, organisers, pillars, topic[:2], with_agenda)


def _headcounts(rng: random.Random, event: Event, code: str) -> None:
    """Figures typed in from a sign-in sheet that was never entered name by name."""
    total = max(5, int(12 * EVENT_SIZES.get(code, 1) * rng.lognormvariate(0, 0.6)))
    event.headcount_total = total
    if rng.random() < 0.7:
        women = round(total * rng.uniform(0.35, 0.7))
        other = 1 if rng.random() < 0.05 and total - women > 1 else 0
        event.headcount_women, event.headcount_men, event.headcount_other = (
            women,
            total - women - other,
            other,
        )
    if event.format == Event.Format.HYBRID:
        event.headcount_online = rng.randint(0, total // 2)
    elif event.format == Event.Format.ONLINE:
        event.headcount_online = total


def _participations(
    rng: random.Random, event: Event, chosen: list[int], people: People, orgs: Organisations
) -> list[Participation]:
    attendance = HELD_ATTENDANCE if event.status == Event.Status.HELD else COMING_ATTENDANCE
    online_share = {Event.Format.ONLINE: 1.0, Event.Format.HYBRID: 0.35}.get(event.format, 0.0)
    rows = []
    for person in chosen:
        online = rng.random() < online_share
        mode = Participation.Mode.ONLINE if online else Participation.Mode.IN_PERSON
        organisation_id, organisation_name = orgs.ids[people.organisation[person]], ""
        if rng.random() < 0.05:
            # Came on their own account or from a body outside the directory, as written on the sheet.
            organisation_id = None
            organisation_name = pick(rng, words.FREE_TEXT_ORGANISATIONS).format(
                ward=pick(rng, words.WARDS), n=rng.randint(1, 30), figure=pick(rng, words.FIGURES)
            )
        rows.append(
            Participation(
                event_id=event.pk,
                person_id=people.ids[person],
                organisation_id=organisation_id,
                organisation_name=organisation_name,
                role=PARTICIPANT_ROLES(rng),
                status=attendance(rng),
                mode=mode,
            )
        )
    return rows


def _agenda(
    rng: random.Random, draft: EventDraft, orgs: Organisations, people: People, chosen: list[int]
) -> list[tuple[AgendaSession, list[AgendaItem]]]:
    event = draft.event
    titles = words.SESSION_TITLES[: 1 + (rng.randint(1, 3) if event.event_type.code == "conference" else 0)]
    sessions = []
    for order, (title, kind) in enumerate(titles, start=1):
        session = AgendaSession(
            event_id=event.pk, title_vi=title, kind=kind, date=event.start_date, order=order
        )
        items = []
        for item_order in range(1, rng.randint(3, 5) + 1):
            org = pick(rng, draft.organisers) if rng.random() < 0.5 else rng.randrange(len(orgs.ids))
            template = pick(rng, words.AGENDA_ITEMS)
            text = template.format(topic=draft.topic[0], org=orgs.names[org])
            presenter = pick(rng, chosen) if chosen and rng.random() < 0.4 else None
            items.append(
                AgendaItem(
                    event_id=event.pk,
                    title_vi=text[:300],
                    presenter_id=people.ids[presenter] if presenter is not None else None,
                    presenter_organisation_id=orgs.ids[org]
                    if "{org}" in template or rng.random() < 0.5
                    else None,
                    order=item_order,
                )
            )
        sessions.append((session, items))
    return sessions


# --- initiatives and their results ---------------------------------------------------------------

INITIATIVE_YEARS = weighted(
    [
        (2018, 4),
        (2019, 6),
        (2020, 7),
        (2021, 9),
        (2022, 11),
        (2023, 13),
        (2024, 14),
        (2025, 13),
        (2026, 10),
        (2027, 4),
    ]
)
DURATIONS = weighted([(12, 15), (18, 15), (24, 25), (36, 25), (48, 12), (60, 8)])  # months
FREQUENCIES = weighted([(12, 40), (6, 40), (3, 20)])  # months per reporting period
MAX_PERIODS = 10
THEME_PILLARS = {
    "collection": ("innovation",),
    "schools": ("awareness",),
    "sorting": ("awareness",),
    "women": ("gender-inclusion",),
    "markets": ("awareness", "innovation"),
    "tourism": ("awareness",),
    "policy": ("policy", "finance"),
    "communication": ("communication",),
}
LEAD_KINDS = ["ngo", "ngo", "research", "academic", "international", "community", "business"]
FUNDER_KINDS = ["foundation", "international", "business"]
PARTNER_ROLES = weighted(words.PARTNER_ROLES_WEIGHTS)
OTHER_PARTNERS = weighted([(0, 20), (1, 35), (2, 25), (3, 12), (4, 8)])  # besides the accountable lead
# Old periods were reviewed long ago; the latest still wait in the queue or were sent back.
SETTLED_STATUSES = weighted(
    [
        (IndicatorUpdate.Status.APPROVED, 96),
        (IndicatorUpdate.Status.RETURNED, 2),
        (IndicatorUpdate.Status.SUBMITTED, 1),
        (IndicatorUpdate.Status.DRAFT, 1),
    ]
)
RECENT_STATUSES = weighted(
    [
        (IndicatorUpdate.Status.APPROVED, 50),
        (IndicatorUpdate.Status.SUBMITTED, 28),
        (IndicatorUpdate.Status.DRAFT, 12),
        (IndicatorUpdate.Status.RETURNED, 10),
    ]
)
LOCK_AFTER = timedelta(days=180)
CENT = Decimal("0.01")


@dataclass
class InitiativePlan:
    start: date
    end: date
    frequency: int  # months per period
    template: int  # index into words.INITIATIVE_TEMPLATES
    results: list[tuple[int, list[str]]]  # (index into the theme's results, indicator keys)

    @property
    def theme(self) -> str:
        return words.INITIATIVE_TEMPLATES[self.template][2]

    def periods(self) -> list[tuple[date, date]]:
        windows = []
        first = self.start
        while first <= self.end and len(windows) < MAX_PERIODS:
            following = _add_months(first, self.frequency)
            windows.append((first, min(self.end, following - timedelta(days=1))))
            first = following
        return windows

    def reportable(self) -> int:
        """Periods that had begun by the base date, times indicators: where updates can go."""
        periods = sum(1 for start, _ in self.periods() if start <= BASE_DATE)
        return periods * sum(len(keys) for _, keys in self.results)


def _initiative_plan(rng: random.Random) -> InitiativePlan:
    start = date(INITIATIVE_YEARS(rng), rng.randint(1, 12), 1)
    months = DURATIONS(rng)
    frequency = FREQUENCIES(rng)
    while math.ceil(months / frequency) > MAX_PERIODS:
        frequency *= 2  # long programmes report less often
    template = rng.randrange(len(words.INITIATIVE_TEMPLATES))
    theme = words.INITIATIVE_TEMPLATES[template][2]
    results = []
    for index, (_, _, _, keys) in enumerate(words.RESULTS[theme]):
        if index and rng.random() < 0.2:
            continue
        chosen = [key for key in keys if rng.random() < 0.75] or [keys[0]]
        results.append((index, chosen))
    return InitiativePlan(start, _add_months(start, months) - timedelta(days=1), frequency, template, results)


def _initiatives(
    rng: random.Random, ref: Reference, orgs: Organisations, goal: dict[str, int], writer: Writer, out: Output
) -> None:
    count = goal["initiatives"]
    # First every initiative's shape, so the updates add up to the goal exactly.
    plans = [_initiative_plan(rng) for _ in range(count)]
    slots = [plan.reportable() for plan in plans]
    weights = [slot * rng.lognormvariate(0, 0.5) for slot in slots]
    updates = _allocate(
        rng, weights, goal["indicator_updates"], cap=[s * MAX_UPDATES_PER_PERIOD for s in slots]
    )
    del weights, slots
    programmes: list[int] = []  # pks of initiatives in earlier chunks, which others may belong to
    for first in range(0, count, INITIATIVE_CHUNK):
        numbers = range(first, min(count, first + INITIATIVE_CHUNK))
        drafts = [_initiative(rng, ref, orgs, number, plans[number], programmes) for number in numbers]
        writer.insert(Initiative, [draft.initiative for draft in drafts])
        provinces, pillars, partners = [], [], []
        for draft in drafts:
            pk = draft.initiative.pk
            provinces += [
                Initiative.provinces.through(initiative_id=pk, province_id=p.pk) for p in draft.provinces
            ]
            pillars += [Initiative.pillars.through(initiative_id=pk, pillar_id=p.pk) for p in draft.pillars]
            partners += [
                InitiativePartner(initiative_id=pk, organisation_id=orgs.ids[org], **fields)
                for org, fields in draft.partners
            ]
        writer.insert(Initiative.provinces.through, provinces)
        writer.insert(Initiative.pillars.through, pillars)
        writer.insert(InitiativePartner, partners)
        _results(rng, ref, orgs, [(draft, updates[draft.number]) for draft in drafts], writer)
        programmes += [draft.initiative.pk for draft in drafts if rng.random() < 0.1]
        writer.flush()
        done = numbers.stop
        if done == count or (done // INITIATIVE_CHUNK) % 10 == 0:
            out.say(f"initiatives: {done:,} of {count:,}")


@dataclass
class InitiativeDraft:
    number: int
    plan: InitiativePlan
    initiative: Initiative
    provinces: list[Province]
    pillars: list[Pillar]
    partners: list[tuple[int, dict]]  # (organisation index, InitiativePartner fields)
    lead: int
    implementers: list[int]


def _initiative(
    rng: random.Random,
    ref: Reference,
    orgs: Organisations,
    number: int,
    plan: InitiativePlan,
    programmes: list[int],
) -> InitiativeDraft:
    title_vi, title_en, theme = words.INITIATIVE_TEMPLATES[plan.template]
    destination = pick(rng, words.DESTINATIONS)
    if "{destination}" in title_vi and destination[1] in ref.province_by_code:
        province = ref.province_by_code[destination[1]]
    elif "ven biển" in title_vi:
        coastal = [p for p in ref.provinces if p.code in words.COASTAL_PROVINCES] or ref.provinces
        province = pick(rng, coastal)
    else:
        province = _place(rng, ref, former_before=plan.start)
    name = _text(province, "name")
    ward = pick(rng, words.WARDS)
    title = words.fill(
        (title_vi, title_en),
        place=(f"phường {ward}, {name[0]}", f"{ward} ward, {name[1]}"),
        province=name,
        destination=destination[0],
    )
    if plan.start > BASE_DATE:
        status = Initiative.Status.PLANNED
    elif plan.end < BASE_DATE:
        status = Initiative.Status.COMPLETED if rng.random() < 0.93 else Initiative.Status.CANCELLED
    else:
        status = Initiative.Status.ONGOING if rng.random() < 0.97 else Initiative.Status.CANCELLED

    local = orgs.by_province.get(province.successor_id or province.pk)
    lead = pick(rng, local) if local and rng.random() < 0.5 else orgs.of_kinds(rng, LEAD_KINDS)
    partners: list[tuple[int, dict]] = [(lead, {"role": InitiativePartner.Role.ACCOUNTABLE})]
    implementers = [lead]
    taken = {(lead, InitiativePartner.Role.ACCOUNTABLE)}
    for _ in range(OTHER_PARTNERS(rng)):
        role = PARTNER_ROLES(rng)
        org = orgs.of_kinds(rng, FUNDER_KINDS) if role == "funder" else rng.randrange(len(orgs.ids))
        if (org, role) in taken:
            continue
        taken.add((org, role))
        fields: dict[str, Any] = {"role": role}
        if role == "funder" and rng.random() < 0.8:
            if orgs.kinds[org] in ("international", "foundation") and rng.random() < 0.5:
                fields.update(funding_amount=Decimal(rng.randint(20, 2000) * 1000), currency="USD")
            else:
                fields.update(funding_amount=Decimal(rng.randint(200, 20000) * 1_000_000), currency="VND")
        elif role == "implementing":
            implementers.append(org)
        partners.append((org, fields))

    provinces = [province]
    if rng.random() < 0.2:
        provinces += rng.sample(ref.provinces, rng.randint(1, 2))
    pillars = [
        ref.pillar_by_code[code] for code in THEME_PILLARS.get(theme, ()) if code in ref.pillar_by_code
    ]
    if not pillars or rng.random() < 0.25:
        pillars.append(pick(rng, ref.pillars))
    summary = " ".join(
        sentence.format(lead=orgs.names[lead], province=name[0])
        for sentence in [
            words.INITIATIVE_SUMMARIES[0],
            *rng.sample(words.INITIATIVE_SUMMARIES[1:], rng.randint(1, 2)),
        ]
    )
    has_english = rng.random() < 0.6
    location = pick(
        rng,
        [
            f"Phường {ward}",
            f"Phường {ward} và {rng.randint(2, 8)} phường lân cận",
            f"Xã {ward}",
            f"{rng.randint(2, 12)} xã, phường",
        ],
    )
    initiative = Initiative(
        title_vi=title[0],
        title_en=title[1] if has_english else "",
        acronym="".join(w[0] for w in title[1].split() if len(w) > 3 and w[0].isalpha()).upper()[:8]
        if rng.random() < 0.08
        else "",
        slug=_slug(title[0], number + 1, 60),
        summary_vi=summary,
        objectives_vi=pick(rng, words.INITIATIVE_OBJECTIVES) if rng.random() < 0.6 else "",
        status=status,
        start=plan.start,
        end=plan.end,
        location_detail=location if rng.random() < 0.7 else "",
        is_published=rng.random() < PUBLISHED_SHARE,
    )
    if programmes and rng.random() < 0.06:
        initiative.parent_id = pick(rng, programmes)
    return InitiativeDraft(
        number,
        plan,
        initiative,
        list(dict.fromkeys(provinces)),
        list(dict.fromkeys(pillars)),
        partners,
        lead,
        implementers,
    )


@dataclass
class IndicatorDraft:
    indicator: Indicator
    spec: dict
    initiative: InitiativeDraft
    scale: float  # the initiative's size relative to a typical one: big ones report big figures
    periods: list[Period] = field(default_factory=list)
    running_total: float = 0.0  # for a cumulative indicator, what its last update said


def _decimal(value: float, places: int = 0) -> Decimal:
    return Decimal(round(value, places)).quantize(CENT)


def _results(
    rng: random.Random,
    ref: Reference,
    orgs: Organisations,
    drafts: list[tuple[InitiativeDraft, int]],
    writer: Writer,
) -> None:
    """Results, indicators, periods and updates of a chunk of initiatives, level by level."""
    results: list[tuple[Result, InitiativeDraft, list[str]]] = []
    budgets: dict[int, int] = {}
    for draft, budget in drafts:
        budgets[draft.number] = budget
        theme_results = words.RESULTS[draft.plan.theme]
        for order, (index, keys) in enumerate(draft.plan.results, start=1):
            kind, title_vi, title_en, _ = theme_results[index]
            result = Result(
                initiative_id=draft.initiative.pk,
                type=kind,
                title_vi=title_vi,
                title_en=title_en,
                order=order,
            )
            results.append((result, draft, keys))
    writer.insert(Result, [row[0] for row in results])

    indicators: list[IndicatorDraft] = []
    scales = {draft.number: rng.lognormvariate(0, 0.5) for draft, _ in drafts}
    for result, draft, keys in results:
        scale = scales[draft.number]
        for order, key in enumerate(keys, start=1):
            spec = words.INDICATORS[key]
            network = ref.network.get(spec["network"] or "")
            if network is not None and (network.measure, network.cumulative) != (
                spec["measure"],
                spec["cumulative"],
            ):
                network = None  # the catalogue entry was changed; linking would break its rules
            low, high = spec["size"]
            reports = len(draft.plan.periods()) * 2
            target = None
            if spec["measure"] == "quantitative" and rng.random() < 0.6:
                typical = (low + high) / 2 * scale
                target = _decimal(
                    typical * (reports / 2 if spec["cumulative"] else reports) * rng.uniform(0.8, 1.3)
                )
            indicator = Indicator(
                result_id=result.pk,
                title_vi=spec["title"][0],
                title_en=spec["title"][1],
                measure=spec["measure"],
                unit_vi=spec["unit"][0],
                unit_en=spec["unit"][1],
                cumulative=spec["cumulative"],
                baseline_year=draft.plan.start.year if target is not None and rng.random() < 0.4 else None,
                target_value=target,
                network_indicator=network,
                order=order,
            )
            if indicator.baseline_year:
                indicator.baseline_value = Decimal(0)
            indicators.append(IndicatorDraft(indicator, spec, draft, scale))
    writer.insert(Indicator, [row.indicator for row in indicators])

    periods: list[Period] = []
    period_targets: list[PeriodTarget] = []
    for row in indicators:
        low, high = row.spec["size"]
        for start, end in row.initiative.plan.periods():
            period = Period(
                indicator_id=row.indicator.pk,
                start=start,
                end=end,
                locked=end < BASE_DATE - LOCK_AFTER,
            )
            if row.spec["measure"] == "quantitative" and rng.random() < 0.5:
                period.target_value = _decimal((low + high) * row.scale * rng.uniform(0.8, 1.5))
            row.periods.append(period)
            periods.append(period)
    writer.insert(Period, periods)
    for row in indicators:
        if row.spec["people"] is True and ref.sex:
            for period in row.periods:
                if period.target_value is not None and rng.random() < 0.3:
                    women = _decimal(float(period.target_value) * rng.uniform(0.4, 0.7))
                    for code, value in (("female", women), ("male", period.target_value - women)):
                        if code in ref.sex:
                            period_targets.append(
                                PeriodTarget(period_id=period.pk, dimension_value=ref.sex[code], value=value)
                            )
    writer.insert(PeriodTarget, period_targets)

    updates: list[tuple[IndicatorUpdate, list[tuple[str, Decimal]]]] = []
    by_initiative: dict[int, list[IndicatorDraft]] = {}
    for row in indicators:
        by_initiative.setdefault(row.initiative.number, []).append(row)
    for number, rows in by_initiative.items():
        # Where the initiative's updates can go: (indicator, how far into it, period).
        open_slots = [
            (row, index / max(1, len(row.periods) - 1), period)
            for row in rows
            for index, period in enumerate(row.periods)
            if period.start <= BASE_DATE
        ]
        shares = _allocate(
            rng, [1 + rng.random() for _ in open_slots], budgets[number], MAX_UPDATES_PER_PERIOD
        )
        for (row, progress, period), share in zip(open_slots, shares, strict=True):
            for reported_on in sorted(
                _day_in(rng, period.start, min(period.end, BASE_DATE)) for _ in range(share)
            ):
                updates.append(_update(rng, row, period, reported_on, progress, orgs))
    writer.insert(IndicatorUpdate, [row[0] for row in updates])
    splits = [
        UpdateDisaggregation(update_id=update.pk, dimension_value=ref.sex[code], value=value)
        for update, parts in updates
        for code, value in parts
        if code in ref.sex
    ]
    writer.insert(UpdateDisaggregation, splits)


def _update(
    rng: random.Random,
    row: IndicatorDraft,
    period: Period,
    reported_on: date,
    progress: float,
    orgs: Organisations,
) -> tuple[IndicatorUpdate, list[tuple[str, Decimal]]]:
    """One update of ``period`` and its split by sex; ``progress`` runs from 0 (the indicator's
    first period) to 1 (its last), and percentages improve along it."""
    spec = row.spec
    low, high = spec["size"]
    update = IndicatorUpdate(period_id=period.pk, reported_on=reported_on)
    if spec["measure"] == "qualitative":
        update.narrative = pick(rng, words.QUALITATIVE_NARRATIVES).format(ward=pick(rng, words.WARDS))
    elif spec["measure"] == "percentage":
        denominator = max(1, round(rng.uniform(low, high) * row.scale))
        share = min(1.0, max(0.0, 0.3 + 0.6 * progress + rng.uniform(-0.1, 0.1)))
        update.denominator = Decimal(denominator).quantize(CENT)
        update.numerator = Decimal(round(denominator * share)).quantize(CENT)
    else:
        amount = rng.uniform(low, high) * row.scale
        if spec["cumulative"]:
            # A running total: the first report's figure, then growing a little each time.
            growth = rng.uniform(0.05, 0.4) if row.running_total else 1.0
            row.running_total += amount * growth
            amount = row.running_total
        update.value = _decimal(amount, 1 if spec["unit"][0] == "kg" else 0)
        if rng.random() < 0.2:
            update.narrative = pick(rng, words.QUANTITATIVE_NARRATIVES).format(ward=pick(rng, words.WARDS))

    recent = period.end >= BASE_DATE - LOCK_AFTER
    update.status = (RECENT_STATUSES if recent else SETTLED_STATUSES)(rng)
    update.organisation_id = orgs.ids[
        pick(rng, row.initiative.implementers) if rng.random() < 0.2 else row.initiative.lead
    ]
    if update.status != IndicatorUpdate.Status.DRAFT:
        update.submitted_at = _moment(rng, reported_on + timedelta(days=rng.randint(1, 20)))
    if update.status in (IndicatorUpdate.Status.APPROVED, IndicatorUpdate.Status.RETURNED):
        update.reviewed_at = max(
            update.submitted_at, _moment(rng, update.submitted_at.date() + timedelta(days=rng.randint(1, 14)))
        )
    if update.status == IndicatorUpdate.Status.RETURNED:
        update.review_note = pick(rng, words.RETURN_NOTES)

    parts: list[tuple[str, Decimal]] = []
    if spec["people"] == "female" and update.value is not None and rng.random() < 0.9:
        parts = [("female", update.value)]
    elif spec["people"] is True and update.value is not None and rng.random() < 0.7:
        women = _decimal(float(update.value) * rng.uniform(0.35, 0.75))
        other = Decimal(1).quantize(CENT) if rng.random() < 0.03 and update.value - women >= 1 else Decimal(0)
        parts = [("female", women), ("male", update.value - women - other)]
        if other:
            parts.append(("other", other))
    return update, parts


# --- the reports library -------------------------------------------------------------------------


@dataclass
class LibraryEntry:
    kind: str
    year: int
    start: date
    end: date
    language: str
    title: str
    summary: str
    pillar: Pillar | None = None


def _library(ref: Reference) -> list[LibraryEntry]:
    """Every report the library could hold over the years, in a fixed order."""
    entries = []
    last_full_year = BASE_DATE.year - 1
    for year in range(2019, BASE_DATE.year + 1):
        whole = (date(year, 1, 1), date(year, 12, 31))
        if year <= last_full_year:
            entries += [
                LibraryEntry(
                    ReportRun.Kind.ANNUAL, year, *whole, "vi",
                    f"Báo cáo tổng hợp thường niên năm {year} của Chương trình NPAP",
                    f"Tổng hợp hoạt động và kết quả của các thành viên Mạng lưới trong năm {year}.",
                ),
                LibraryEntry(
                    ReportRun.Kind.ANNUAL, year, *whole, "en", f"NPAP annual synthesis report {year}",
                    f"The network members' activities and results in {year}.",
                ),
            ]  # fmt: skip
            for pillar in ref.pillars:
                name = _text(pillar, "name")
                entries.append(
                    LibraryEntry(
                        ReportRun.Kind.PILLAR, year, *whole, "vi", f"Báo cáo hoạt động Trụ cột {name[0]} năm {year}",
                        f"Hoạt động, sáng kiến và kết quả của Trụ cột {name[0]} năm {year}.", pillar,
                    )
                )  # fmt: skip
            policy = ref.pillar_by_code.get("policy") or ref.pillars[0]
            for title_vi, title_en in words.ANALYTICAL_REPORTS:
                entries += [
                    LibraryEntry(ReportRun.Kind.PILLAR, year, *whole, "vi", f"{title_vi} ({year})", "Báo cáo phân tích của Chương trình NPAP.", policy),
                    LibraryEntry(ReportRun.Kind.PILLAR, year, *whole, "en", f"{title_en} ({year})", "An analytical report of the NPAP.", policy),
                ]  # fmt: skip
        entries.append(
            LibraryEntry(
                ReportRun.Kind.SIX_MONTH, year, date(year, 1, 1), date(year, 6, 30), "vi",
                f"Báo cáo 6 tháng đầu năm {year} của Nhóm công tác NPAP",
                f"Kết quả hoạt động 6 tháng đầu năm {year} và kế hoạch 6 tháng cuối năm.",
            )
        )  # fmt: skip
        for quarter in range(1, 5):
            start = date(year, 3 * quarter - 2, 1)
            end = _add_months(start, 3) - timedelta(days=1)
            if end >= BASE_DATE:
                break
            for pillar in ref.pillars:
                name = _text(pillar, "name")[0]
                entries.append(
                    LibraryEntry(
                        ReportRun.Kind.NEWSLETTER, year, start, end, "vi", f"Bản tin Nhóm kỹ thuật {name} quý {quarter}/{year}",
                        f"Tin hoạt động của các thành viên Trụ cột {name} trong quý {quarter}/{year}.", pillar,
                    )
                )  # fmt: skip
    return entries


def sample_pdf() -> bytes:
    """A one-page PDF, small and valid, that every generated library entry downloads."""
    text = b"NPAP Viet Nam - bao cao mau cua bo du lieu thu nghiem (benchmark dataset)"
    stream = b"BT /F1 14 Tf 56 780 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    pdf = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    pdf += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    pdf += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return pdf


def _reports(rng: random.Random, ref: Reference, count: int, writer: Writer, out: Output) -> None:
    content = sample_pdf()
    name = REPORT_FILE
    if not private_storage.exists(name):
        name = private_storage.save(name, ContentFile(content))
    library = _library(ref)
    chosen = [library[index] for index in sorted(rng.sample(range(len(library)), min(count, len(library))))]
    runs = []
    for entry in chosen:
        started = _moment(rng, entry.end + timedelta(days=rng.randint(5, 40)))
        runs.append(
            ReportRun(
                kind=entry.kind,
                period_start=entry.start,
                period_end=entry.end,
                pillar=entry.pillar,
                language=entry.language,
                formats=[ReportRun.Format.PDF],
                status=ReportRun.Status.SUCCEEDED,
                progress=100,
                started_at=started,
                heartbeat_at=started + timedelta(seconds=40),
                finished_at=started + timedelta(seconds=45),
                attempts=1,
            )
        )
    writer.insert(ReportRun, runs)
    files = writer.insert(
        ReportFile,
        [
            ReportFile(run_id=run.pk, format=ReportRun.Format.PDF, file=name, size=len(content))
            for run in runs
        ],
    )
    reports = [
        PublishedReport(
            slug=_slug(entry.title, number, 90),
            title=entry.title,
            summary=entry.summary,
            kind=entry.kind,
            pillar=entry.pillar,
            year=entry.year,
            language=entry.language,
            file_id=report_file.pk,
            is_published=rng.random() < PUBLISHED_SHARE,
        )
        for number, (entry, report_file) in enumerate(zip(chosen, files, strict=True), start=1)
    ]
    writer.insert(PublishedReport, reports)
    out.say(f"published reports: {len(reports):,}")


# --- removing the dataset ------------------------------------------------------------------------


def _wipe(model: type[models.Model], condition: models.Q) -> int:
    queryset = model._base_manager.filter(condition)
    # One DELETE statement: the ORM's delete would load every row and send a signal for each
    # (history rows, page-cache bumps), which takes hours at this size.
    return queryset._raw_delete(queryset.db)


def reset(*, stdout: IO[str] | None = None) -> dict[str, int]:
    """Remove every generated row (and the sample report file), leaving all else as it was.

    Rows that are not generated but point at generated ones (a coordinator's event with a
    generated organisation as participant's employer, say) lose that link the way the model
    says they should (``SET_NULL``) or go with it (``CASCADE``)."""
    out = Output(stdout)
    deleted: Counter[str] = Counter()
    initiative = models.Q(slug__startswith=PREFIX)
    event = models.Q(slug__startswith=PREFIX)
    organisation = models.Q(slug__startswith=PREFIX)
    person = models.Q(email__endswith=f"@{EMAIL_DOMAIN}")

    def under(path: str, condition: models.Q) -> models.Q:
        return models.Q(*[(f"{path}__{key}", value) for key, value in condition.children])

    def wipe(model: type[models.Model], condition: models.Q) -> None:
        count = _wipe(model, condition)
        if count:
            deleted[model._meta.label] += count

    def unlink(model: type[models.Model], field_name: str, condition: models.Q) -> None:
        model._base_manager.filter(under(field_name, condition)).update(**{field_name: None})

    with transaction.atomic():
        out.say("Removing the generated dataset…")
        in_initiative = under("period__indicator__result__initiative", initiative)
        wipe(UpdateDisaggregation, under("update__period__indicator__result__initiative", initiative))
        wipe(UpdateEvidence, under("update__period__indicator__result__initiative", initiative))
        wipe(IndicatorUpdate, in_initiative)
        wipe(PeriodTarget, in_initiative)
        wipe(Period, under("indicator__result__initiative", initiative))
        wipe(Indicator, under("result__initiative", initiative))
        wipe(Result, under("initiative", initiative))
        wipe(InitiativePartner, under("initiative", initiative) | under("organisation", organisation))
        for model in (
            Initiative.provinces.through,
            Initiative.pillars.through,
            InitiativeDocument,
            InitiativePhoto,
        ):
            wipe(model, under("initiative", initiative))
        unlink(Initiative, "parent", initiative)
        wipe(Initiative, initiative)
        out.say("initiatives removed")

        wipe(Participation, under("event", event) | under("person", person))
        unlink(Participation, "organisation", organisation)
        wipe(AgendaItem, under("event", event))
        unlink(AgendaItem, "presenter", person)
        unlink(AgendaItem, "presenter_organisation", organisation)
        for model in (AgendaSession, EventDocument, EventPhoto, SignInImport, Event.pillars.through):
            wipe(model, under("event", event))
        wipe(EventOrganiser, under("event", event) | under("organisation", organisation))
        wipe(Event, event)
        out.say("events removed")

        wipe(Affiliation, under("person", person) | under("organisation", organisation))
        for model in (Membership, PillarParticipation, EditorRequest):
            wipe(model, under("organisation", organisation))
        unlink(TechnicalGroup, "lead_organisation", organisation)
        unlink(IndicatorUpdate, "organisation", organisation)
        unlink(Organisation, "parent", organisation)
        wipe(Person, person)
        wipe(Organisation, organisation)
        out.say("organisations and people removed")

        runs = list(
            ReportFile.objects.filter(file__startswith="reports/bench/").values_list("run_id", flat=True)
        )
        wipe(PublishedReport, models.Q(slug__startswith=PREFIX) | models.Q(file__run_id__in=runs))
        wipe(ReportFile, models.Q(run_id__in=runs))
        wipe(ReportRun, models.Q(pk__in=runs))
        if private_storage.exists(REPORT_FILE):
            transaction.on_commit(lambda: private_storage.delete(REPORT_FILE))
        transaction.on_commit(forget_cached_pages)
    out.say(f"Removed {sum(deleted.values()):,} rows.")
    return dict(sorted(deleted.items()))
