"""The network's members: organisations with their memberships and pillars, and the people who
work for them (affiliations, a few with a second organisation)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils.text import slugify

from core.search import fold
from members.models import Affiliation, Membership, Organisation, Person, PillarParticipation
from vocabulary.models import Province

from .. import vocabulary as words
from ..vocabulary import pick
from .common import (
    BASE_DATE,
    EMAIL_DOMAIN,
    MERGER_DATE,
    PUBLISHED_SHARE,
    bilingual,
    day_in,
    make_slug,
    without_marks,
)
from .draws import Weighted, weighted, weighted_choices
from .reference import Reference
from .writer import BATCH_SIZE, Output, Writer, chunks

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
MEMBERSHIP_STATUSES = weighted_choices(
    Membership.Status, ACTIVE=72, LAPSED=9, APPLIED=6, SUSPENDED=3, WITHDRAWN=4
)
GENDERS = weighted_choices(Person.Gender, FEMALE=55, MALE=42, UNDISCLOSED=2.5, OTHER=0.5)
# Mobile networks' prefixes.
PHONE_PREFIXES = ["90", "91", "93", "94", "96", "97", "98", "86", "88", "89", "32", "33", "35", "70", "77", "79"]  # fmt: skip
HEADS = ["Giám đốc", "Chủ tịch", "Viện trưởng", "Trưởng ban", "Tổng Giám đốc"]


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
            self.by_province.setdefault(province.current.pk, []).append(index)

    def in_province(self, province: Province) -> list[int] | None:
        """Indexes of the organisations located there, under its former names too."""
        return self.by_province.get(province.current.pk)

    def of_kinds(self, rng: random.Random, kinds: Sequence[str]) -> int:
        pool = [kind for kind in kinds if self.by_kind.get(kind)]
        return pick(rng, self.by_kind[pick(rng, pool)]) if pool else rng.randrange(len(self.ids))


@dataclass
class People:
    ids: list[int] = field(default_factory=list)
    organisation: list[int] = field(default_factory=list)  # index into Organisations


def write_organisations(
    rng: random.Random, ref: Reference, count: int, writer: Writer, out: Output
) -> Organisations:
    orgs = Organisations()
    kind_codes = [kind for kind, _ in Organisation.Kind.choices]
    kinds = Weighted(kind_codes, [KIND_WEIGHTS.get(kind, 1) for kind in kind_codes])
    type_codes = list(ref.membership_types)
    types = Weighted(type_codes, [MEMBERSHIP_WEIGHTS.get(code, 1) for code in type_codes])
    seen: set[str] = set()
    parents: list[int] = []  # pks of organisations written in earlier chunks that may have branches

    for numbers in chunks(count, BATCH_SIZE):
        rows: list[tuple[Organisation, int, Province | None]] = []
        for index in numbers:
            # The first few cover every kind, so even a tiny dataset has all of them.
            kind = kind_codes[index] if index < len(kind_codes) else kinds(rng)
            province = ref.province(rng)
            joined = rng.randint(2019, BASE_DATE.year)
            former = ref.former_by_successor.get(province.pk)
            if former and joined < MERGER_DATE.year and rng.random() < 0.3:
                province = pick(rng, former)  # registered before the merger, never updated
            name = words.organisation_name(rng, kind, bilingual(province, "name"))
            for _ in range(12):
                if name.vi not in seen:
                    break
                name = words.organisation_name(rng, kind, bilingual(province, "name"))
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
                    rng, kind, name.field, bilingual(located, "name") if located else ("", ""), joined
                )
            acronym = words.acronym(name.vi) if kind in ACRONYM_KINDS and rng.random() < 0.35 else ""
            organisation = Organisation(
                name_vi=name.vi,
                name_en=name.en if has_english else "",
                description_vi=description[0],
                description_en=description[1] if has_english else "",
                acronym=acronym,
                aliases=without_marks(name.vi) if rng.random() < 0.1 else "",
                slug=make_slug(name.vi, index + 1, 60),
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
    start = day_in(rng, date(joined, 1, 1), min(date(joined, 12, 31), BASE_DATE))
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


def write_people(rng: random.Random, orgs: Organisations, count: int, writer: Writer, out: Output) -> People:
    people = People()
    sizes = [KIND_SIZES.get(kind, 1) * rng.lognormvariate(0, 0.6) for kind in orgs.kinds]
    employer = Weighted(range(len(orgs.ids)), sizes)
    staff_count = [0] * len(orgs.ids)
    for numbers in chunks(count, BATCH_SIZE):
        rows: list[tuple] = []
        for index in numbers:
            # Every organisation has at least its focal point; the rest go by size.
            org = index if index < len(orgs.ids) else employer(rng)
            gender = GENDERS(rng)
            female = gender == Person.Gender.FEMALE or (
                gender not in (Person.Gender.FEMALE, Person.Gender.MALE) and rng.random() < 0.5
            )
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
            start = day_in(rng, date(2015, 1, 1), BASE_DATE)
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
                            start=day_in(rng, start, BASE_DATE),
                        )
                    )
        writer.insert(Affiliation, affiliations)
        writer.flush()
    out.say(f"people: {len(people.ids):,}")
    return people
