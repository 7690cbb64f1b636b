"""Initiatives: first every initiative's shape (dates, reporting frequency, results), then the
initiatives themselves with their provinces, pillars and partners, chunk by chunk, each chunk's
results framework written after it (``results``)."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from initiatives.models import Initiative, InitiativePartner
from vocabulary.models import Pillar, Province

from .. import vocabulary as words
from ..vocabulary import pick
from .common import BASE_DATE, PUBLISHED_SHARE, add_months, bilingual, make_slug
from .draws import allocate, weighted
from .organisations import Organisations
from .reference import Reference
from .results import MAX_UPDATES_PER_PERIOD, write_results
from .writer import Output, Writer, chunks

INITIATIVE_CHUNK = 200
# Starting years from 2018 on: more initiatives as the network grows, a few planned ahead.
INITIATIVE_YEARS = weighted(zip(range(2018, 2028), [4, 6, 7, 9, 11, 13, 14, 13, 10, 4], strict=True))
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
            following = add_months(first, self.frequency)
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
    return InitiativePlan(start, add_months(start, months) - timedelta(days=1), frequency, template, results)


def write_initiatives(
    rng: random.Random, ref: Reference, orgs: Organisations, goal: dict[str, int], writer: Writer, out: Output
) -> None:
    count = goal["initiatives"]
    # First every initiative's shape, so the updates add up to the goal exactly.
    plans = [_initiative_plan(rng) for _ in range(count)]
    slots = [plan.reportable() for plan in plans]
    weights = [slot * rng.lognormvariate(0, 0.5) for slot in slots]
    updates = allocate(
        rng, weights, goal["indicator_updates"], cap=[s * MAX_UPDATES_PER_PERIOD for s in slots]
    )
    del weights, slots
    programmes: list[int] = []  # pks of initiatives in earlier chunks, which others may belong to
    for numbers in chunks(count, INITIATIVE_CHUNK):
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
        write_results(rng, ref, orgs, [(draft, updates[draft.number]) for draft in drafts], writer)
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
        province = ref.place(rng, former_before=plan.start)
    name = bilingual(province, "name")
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

    local = orgs.in_province(province)
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
        slug=make_slug(title[0], number + 1, 60),
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
