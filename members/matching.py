"""Telling whether what someone typed names an organisation or a person the directory already holds.

Rows come from outside: a sign-in sheet, and spreadsheets of organisations, people or initiatives.
Each names an organisation or a person as somebody wrote it, and this module is the one place
that says when that is someone the directory knows, and when two people of the directory may be
one (before a merge):

- text is compared folded to its words (no tone marks, đ as d, no punctuation, any case);
- an organisation is known by its Vietnamese and English names, its acronym and its other names;
- a phone number by its digits, Vietnam's +84 written as the leading 0 used at home;
- a person by the same email or phone, or else by a similar name at the same organisation
  (an identical name when one side gives no organisation).

The organisations a person is known at are their roles in the directory, and whatever the apps
above add with :func:`person_organisations_register` (events: the organisation a person came
from to each event), so this module never reads those apps' tables. Everything is loaded for all
rows at once, in a fixed number of queries however many rows there are.
"""

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import combinations

from django.db.models import F, Prefetch, Q, QuerySet, Value
from django.db.models.functions import Lower, Replace

from core.search import fold

from .models import Affiliation, Organisation, Person

# How alike two folded strings must be (difflib's ratio) to count as a misspelling of each other.
NAME_SIMILARITY = 0.85
ORGANISATION_SIMILARITY = 0.8
# Shorter organisation keys ("ngo", "vn") are inside too many other names to mean anything.
MIN_CONTAINED_KEY = 4
# A phone key shorter than this is an extension or a typo, not a number to match on.
MIN_PHONE_DIGITS = 8
# Given names are asked for in batches, each batch one query.
GIVEN_NAMES_PER_QUERY = 100
MAX_CANDIDATES = 5


# --- text, phones and names ---------------------------------------------------------------------


def folded_words(value: object) -> str:
    """Folded words only: "Cơ quan/Tổ chức" and "co quan - to chuc" give the same key."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", fold(value) or "").split())


def phone_key(value: str) -> str:
    """The digits of a phone number, with Vietnam's +84 written as the leading 0 used at home."""
    digits = re.sub(r"\D", "", value or "")
    if digits.startswith("84") and len(digits) >= 11:
        digits = "0" + digits[2:]
    return digits


def _phone_variants(key: str) -> set[str]:
    return {key, "84" + key[1:]} if key.startswith("0") else {key}


def email_key(value: str) -> str:
    """An email address as compared: the case of its letters does not make another address."""
    return (value or "").strip().lower()


def similar(a: str, b: str, threshold: float) -> bool:
    """Whether two folded strings are alike at least ``threshold`` (difflib's ratio, 0 to 1)."""
    if a == b:
        return True
    matcher = SequenceMatcher(None, a, b)
    # The cheap upper bounds rule out most pairs before the full comparison.
    return (
        matcher.real_quick_ratio() >= threshold
        and matcher.quick_ratio() >= threshold
        and matcher.ratio() >= threshold
    )


def organisation_names(organisation: Organisation) -> list[str]:
    """Every name an organisation goes by: Vietnamese, English, acronym and other names."""
    return [organisation.name_vi, organisation.name_en, organisation.acronym, *organisation.alias_list]


def _organisation_keys_alike(a: str, b: str) -> bool:
    """Two folded organisation names that are one organisation written two ways: a misspelling,
    or one inside the other ("GreenHub" and "Trung tâm GreenHub")."""
    return similar(a, b, ORGANISATION_SIMILARITY) or (
        min(len(a), len(b)) >= MIN_CONTAINED_KEY and (a in b or b in a)
    )


# --- organisations -----------------------------------------------------------------------------


class OrganisationIndex:
    """The directory's organisations by each of their names, folded."""

    def __init__(self, organisations: Iterable[Organisation]):
        self._by_key: dict[str, Organisation] = {}
        for organisation in organisations:
            for name in organisation_names(organisation):
                key = folded_words(name)
                if key:
                    self._by_key.setdefault(key, organisation)

    @classmethod
    def load(cls) -> "OrganisationIndex":
        """Every organisation, published or not: a sheet may name one still being written up. One query."""
        return cls(
            Organisation.objects.only("id", "slug", "name_vi", "name_en", "acronym", "aliases", "kind")
        )

    def match(self, text: str) -> Organisation | None:
        """The organisation ``text`` names by any of its names, acronym or other names.

        "Trung tâm Hỗ trợ Phát triển Xanh (GreenHub)" is tried whole, then as its name and its acronym.
        """
        if not text:
            return None
        for candidate in [text, *re.split(r"[()\[\]]|\s[-–]\s", text)]:
            organisation = self._by_key.get(folded_words(candidate))
            if organisation is not None:
                return organisation
        return None


@dataclass(frozen=True)
class KnownAt:
    """The organisations someone is known at: those of the directory (id → label), every name
    of them and of those written out, folded, and the labels to show, directory ones first."""

    organisations: dict[int, str] = field(default_factory=dict)
    keys: frozenset[str] = frozenset()
    labels: tuple[str, ...] = ()

    @classmethod
    def written(cls, text: str, organisation: Organisation | None = None) -> "KnownAt":
        """An organisation as a row gives it: ``text``, and the directory's match for it if any."""
        key = folded_words(text)
        if not key:
            return cls()
        organisations = {organisation.pk: str(organisation)} if organisation is not None else {}
        return cls(organisations=organisations, keys=frozenset([key]), labels=(text,))

    def __bool__(self) -> bool:
        return bool(self.organisations or self.keys)

    def overlaps(self, other: "KnownAt") -> bool:
        """Whether both name the same organisation, by the directory's record or by a name written alike."""
        if self.organisations.keys() & other.organisations.keys():
            return True
        return any(_organisation_keys_alike(mine, theirs) for mine in self.keys for theirs in other.keys)

    def shared(self, other: "KnownAt") -> list[str]:
        """The directory organisations both are known at, by label."""
        return [label for pk, label in self.organisations.items() if pk in other.organisations]


# --- the organisations people are known at ------------------------------------------------------

# Where a person was recorded at an organisation: a prefetch that loads the rows onto people,
# and a function giving, from a person so loaded, each (directory organisation or None, the
# organisation's name as written).
OrganisationsOf = Callable[[Person], Iterable[tuple[Organisation | None, str]]]
_SOURCES: dict[str, tuple[Callable[[], Prefetch], OrganisationsOf]] = {}


def person_organisations_register(
    name: str, *, prefetch: Callable[[], Prefetch], organisations: OrganisationsOf
) -> None:
    """Add a place where people are recorded at organisations; the apps above the directory
    call this when they start, so a match sees those records without reading their tables."""
    _SOURCES[name] = (prefetch, organisations)


def _affiliations(person: Person) -> Iterable[tuple[Organisation | None, str]]:
    return ((affiliation.organisation, "") for affiliation in person.affiliations.all())


def people_with_organisations(queryset: QuerySet[Person] | None = None) -> QuerySet[Person]:
    """``queryset`` (every person by default) with what :func:`known_at` reads already loaded."""
    queryset = Person.objects.all() if queryset is None else queryset
    return queryset.prefetch_related(
        Prefetch("affiliations", queryset=Affiliation.objects.select_related("organisation")),
        *(prefetch() for prefetch, _organisations in _SOURCES.values()),
    )


def known_at(person: Person) -> KnownAt:
    """The organisations a person loaded by :func:`people_with_organisations` is known at: their
    roles in the directory first, then wherever else they were recorded."""
    organisations: dict[int, str] = {}
    keys: set[str] = set()
    labels: list[str] = []
    sources = [_affiliations, *(organisations_of for _prefetch, organisations_of in _SOURCES.values())]
    for organisations_of in sources:
        for organisation, written in organisations_of(person):
            keys.add(folded_words(written))
            label = written
            if organisation is not None:
                keys.update(folded_words(name) for name in organisation_names(organisation))
                label = organisations.setdefault(organisation.pk, str(organisation))
            if label and label not in labels:
                labels.append(label)
    keys.discard("")
    return KnownAt(organisations=organisations, keys=frozenset(keys), labels=tuple(labels))


# --- people ------------------------------------------------------------------------------------


class Match:
    """How a row relates to the people already in the directory."""

    MATCHED = "matched"  # same email or phone
    DUPLICATE = "duplicate"  # a similar name at the same or a similar organisation
    NEW = "new"


class Reason:
    """Why a person of the directory is offered for a row."""

    EMAIL = "email"
    PHONE = "phone"
    NAME = "name"


@dataclass(frozen=True)
class NameLikeness:
    """Two names that may be one person's: identical but for tone marks and punctuation, or only
    similar; and whether that is at the same organisation (False when one of them gives none, in
    which case only an identical name counts)."""

    same: bool
    same_organisation: bool


def names_alike(name: str, at: KnownAt, other_name: str, other_at: KnownAt) -> NameLikeness | None:
    """Whether two people are likely one: a similar name (tone marks ignored) at the same or a
    similar organisation, or the identical name when either organisation is unknown."""
    key, other_key = folded_words(name), folded_words(other_name)
    if not key or not other_key or not similar(key, other_key, NAME_SIMILARITY):
        return None
    if at and other_at:
        return NameLikeness(same=key == other_key, same_organisation=True) if at.overlaps(other_at) else None
    # Without an organisation on one side only an identical name is worth a look.
    return NameLikeness(same=True, same_organisation=False) if key == other_key else None


@dataclass(frozen=True)
class PersonMatch:
    person: Person
    reason: str
    # For a match by name: the name is identical but for tone marks.
    same_name: bool = False


@dataclass(frozen=True)
class PersonFound:
    match: str = Match.NEW
    people: list[PersonMatch] = field(default_factory=list)


def _given_name(key: str) -> str:
    # Vietnamese names put the given name last.
    return key.split()[-1]


class PeopleFinder:
    """The people of the directory who may be those a list of rows describes, loaded for all
    rows at once: by email or phone in one query, and by given name in one query a batch."""

    def __init__(self, *, names: Iterable[str] = (), emails: Iterable[str] = (), phones: Iterable[str] = ()):
        self._by_email, self._by_phone = self._contacts(
            {email_key(email) for email in emails if email_key(email)},
            {phone_key(phone) for phone in phones if len(phone_key(phone)) >= MIN_PHONE_DIGITS},
        )
        self._by_given_name = self._namesakes({_given_name(key) for key in map(folded_words, names) if key})
        self._places: dict[int, KnownAt] = {}

    @staticmethod
    def _contacts(
        emails: set[str], phones: set[str]
    ) -> tuple[dict[str, list[Person]], dict[str, list[Person]]]:
        by_email: dict[str, list[Person]] = {}
        by_phone: dict[str, list[Person]] = {}
        if not emails and not phones:
            return by_email, by_phone
        # The stored number's digits, however it was written: "0912 345 678", "+84 (91) 234-5678".
        digits = Replace("phone", Value(" "), Value(""))
        for char in ".-()+":
            digits = Replace(digits, Value(char), Value(""))
        variants = set().union(*(_phone_variants(key) for key in phones))
        people = (
            people_with_organisations()
            .annotate(email_lower=Lower("email"), phone_digits=digits)
            .filter(Q(email_lower__in=emails) | Q(phone_digits__in=variants))
            .order_by("pk")
        )
        for person in people:
            if email_key(person.email) in emails:
                by_email.setdefault(email_key(person.email), []).append(person)
            if person.phone and phone_key(person.phone) in phones:
                by_phone.setdefault(phone_key(person.phone), []).append(person)
        return by_email, by_phone

    @staticmethod
    def _namesakes(given_names: set[str]) -> dict[str, list[tuple[str, Person]]]:
        """People whose folded name ends with one of ``given_names``, by that given name.

        A misspelt family or middle name is the usual kind of duplicate; comparing only people
        who share the given name keeps this one query a batch.
        """
        found: dict[str, list[tuple[str, Person]]] = {}
        given_list = sorted(given_names)
        for start in range(0, len(given_list), GIVEN_NAMES_PER_QUERY):
            condition = Q()
            for given in given_list[start : start + GIVEN_NAMES_PER_QUERY]:
                condition |= Q(folded_name__endswith=f" {given}") | Q(folded_name=given)
            people = people_with_organisations().alias(folded_name=F("search_text")).filter(condition)
            for person in people:
                key = folded_words(person.full_name)
                if key:
                    found.setdefault(_given_name(key), []).append((key, person))
        return found

    def _known_at(self, person: Person) -> KnownAt:
        # A common given name brings the same namesakes to many rows of a sheet.
        if person.pk not in self._places:
            self._places[person.pk] = known_at(person)
        return self._places[person.pk]

    def find(
        self, *, full_name: str = "", email: str = "", phone: str = "", at: KnownAt | None = None
    ) -> PersonFound:
        """Who a row is: *matched* to the people with its email or phone; else a *possible
        duplicate* of the people with a similar name at the same organisation (``at``, the
        organisation the row gives), those with the identical name first; else *new*."""
        contacts = [PersonMatch(person, Reason.EMAIL) for person in self._by_email.get(email_key(email), [])]
        for person in self._by_phone.get(phone_key(phone), []) if phone else []:
            if all(found.person.pk != person.pk for found in contacts):
                contacts.append(PersonMatch(person, Reason.PHONE))
        if contacts:
            return PersonFound(match=Match.MATCHED, people=contacts)
        key = folded_words(full_name)
        if not key:
            return PersonFound()
        at = at or KnownAt()
        alike = []
        for other_key, person in self._by_given_name.get(_given_name(key), []):
            likeness = names_alike(key, at, other_key, self._known_at(person))
            if likeness is not None:
                alike.append(PersonMatch(person, Reason.NAME, same_name=likeness.same))
        alike.sort(key=lambda found: (not found.same_name, found.person.full_name))
        if not alike:
            return PersonFound()
        return PersonFound(match=Match.DUPLICATE, people=alike[:MAX_CANDIDATES])


# --- people selected for a merge ----------------------------------------------------------------


@dataclass(frozen=True)
class PersonPair:
    """What two people of the directory have in common."""

    first: Person
    second: Person
    same_email: bool
    same_phone: bool
    name: NameLikeness | None
    # The directory organisations both are known at, for showing where a name is shared.
    organisations: list[str]

    @property
    def linked(self) -> bool:
        return self.same_email or self.same_phone or self.name is not None


def person_pairs(people: Sequence[Person]) -> list[PersonPair]:
    """Every pair of ``people`` (loaded by :func:`people_with_organisations`) with what they share:
    the same email, the same phone, the same or a similar name at the same organisation."""
    places = {person.pk: known_at(person) for person in people}
    pairs = []
    for first, second in combinations(people, 2):
        first_at, second_at = places[first.pk], places[second.pk]
        first_phone = phone_key(first.phone)
        pairs.append(
            PersonPair(
                first=first,
                second=second,
                same_email=bool(email_key(first.email)) and email_key(first.email) == email_key(second.email),
                same_phone=len(first_phone) >= MIN_PHONE_DIGITS and first_phone == phone_key(second.phone),
                name=names_alike(first.full_name, first_at, second.full_name, second_at),
                organisations=first_at.shared(second_at),
            )
        )
    return pairs


def unlinked_groups(people: Sequence[Person], pairs: Iterable[PersonPair]) -> list[list[Person]]:
    """``people`` in groups that nothing in common links to each other: a single group when every
    person shares something with another of them, directly or through a third."""
    group_of = {person.pk: index for index, person in enumerate(people)}
    for pair in pairs:
        if pair.linked:
            joined, into = group_of[pair.second.pk], group_of[pair.first.pk]
            if joined != into:
                group_of = {pk: into if group == joined else group for pk, group in group_of.items()}
    groups: dict[int, list[Person]] = {}
    for person in people:
        groups.setdefault(group_of[person.pk], []).append(person)
    return list(groups.values())
