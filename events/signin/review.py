"""Reviewing the rows of a sign-in sheet: what is wrong with each, who in the directory it is
(``members.matching``), and what the coordinator chose to do with it in the preview."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from members.matching import (
    MIN_PHONE_DIGITS,
    KnownAt,
    Match,
    OrganisationIndex,
    PeopleFinder,
    PersonFound,
    email_key,
    known_at,
    people_with_organisations,
    phone_key,
)
from members.models import Organisation, Person

from .columns import FIELDS, cell_text, clean_email, row_errors

ACTION_NEW = "new"
ACTION_SKIP = "skip"
PERSON_PREFIX = "person:"
# A candidate the coordinator picked earlier that the directory no longer suggests.
CHOSEN = "chosen"
# People offered beside a row are shown with this many of their organisations.
ORGANISATIONS_SHOWN = 3


@dataclass
class Candidate:
    person: Person
    reason: str
    organisations: list[str] = field(default_factory=list)

    @property
    def value(self) -> str:
        return f"{PERSON_PREFIX}{self.person.pk}"


@dataclass
class RowReview:
    index: int
    row: dict
    errors: dict[str, list[str]] = field(default_factory=dict)
    match: str = Match.NEW
    candidates: list[Candidate] = field(default_factory=list)
    organisation: Organisation | None = None
    action: str = ACTION_NEW

    @property
    def line(self) -> int:
        return self.row.get("line", self.index + 1)

    @property
    def skipped(self) -> bool:
        return self.action == ACTION_SKIP

    @property
    def blocking(self) -> bool:
        """Errors stop the import only on rows that are imported; a skipped row may stay wrong."""
        return bool(self.errors) and not self.skipped

    @property
    def person(self) -> Person | None:
        for candidate in self.candidates:
            if candidate.value == self.action:
                return candidate.person
        return None

    def add_error(self, field_name: str, message) -> None:
        self.errors.setdefault(field_name, []).append(str(message))


class SignInRowsInvalid(ValidationError):
    """Raised when rows to import have errors; carries the reviewed rows for the preview."""

    def __init__(self, reviews: list[RowReview]):
        self.reviews = reviews
        count = sum(1 for review in reviews if review.blocking)
        super().__init__(
            ngettext(
                "%(count)d row needs correcting or skipping; nothing was imported.",
                "%(count)d rows need correcting or skipping; nothing was imported.",
                count,
            )
            % {"count": count}
        )


def _chosen_id(action: str) -> int | None:
    suffix = action[len(PERSON_PREFIX) :] if action.startswith(PERSON_PREFIX) else ""
    return int(suffix) if suffix.isdigit() else None


def _suggested_action(found: PersonFound) -> str:
    """The matched person, or a possible duplicate with the same name but for tone marks; else a new person."""
    if found.match == Match.MATCHED or (found.match == Match.DUPLICATE and found.people[0].same_name):
        return f"{PERSON_PREFIX}{found.people[0].person.pk}"
    return ACTION_NEW


def _checked_action(review: RowReview, chosen: dict[int, Person]) -> str:
    """The action the row asks for, or an empty one with an error when it cannot be done."""
    action = str(review.row.get("action") or "")
    if action.startswith(PERSON_PREFIX):
        person = chosen.get(_chosen_id(action))
        if person is None:
            review.add_error("action", _("The chosen person is no longer in the directory; choose again."))
            return ""
        if all(candidate.value != action for candidate in review.candidates):
            review.candidates.append(Candidate(person, reason=CHOSEN))
    elif action not in (ACTION_NEW, ACTION_SKIP):
        review.add_error("action", _("Choose what to do with this row."))
        return ""
    return action


def review_rows(*, rows: list[dict]) -> list[RowReview]:
    """Check every row and say whether it is someone already in the directory.

    A row with the same email or phone as a person is *matched*; one with a similar name (tone
    marks ignored) at the same or a similar organisation is a *possible duplicate*; anyone else is
    *new*. A row whose ``action`` is empty gets a suggested one: the matched person, the suggested
    person when the names are the same but for tone marks, or a new person.
    """
    organisations = OrganisationIndex.load()
    finder = PeopleFinder(
        names=(row.get("full_name", "") for row in rows),
        emails=(row.get("email", "") for row in rows),
        phones=(row.get("phone", "") for row in rows),
    )
    chosen_ids = {_chosen_id(str(row.get("action", ""))) for row in rows} - {None}
    chosen = {person.pk: person for person in people_with_organisations().filter(pk__in=chosen_ids)}

    reviews = []
    for index, row in enumerate(rows):
        review = RowReview(index=index, row=row, errors=row_errors(row))
        organisation_text = row.get("organisation", "")
        review.organisation = organisations.match(organisation_text)
        found = finder.find(
            full_name=row.get("full_name", ""),
            email=row.get("email", ""),
            phone=row.get("phone", ""),
            at=KnownAt.written(organisation_text, review.organisation),
        )
        review.match = found.match
        review.candidates = [Candidate(match.person, reason=match.reason) for match in found.people]
        if row.get("action"):
            review.action = _checked_action(review, chosen)
        else:
            review.action = _suggested_action(found)
        for candidate in review.candidates:
            candidate.organisations = list(known_at(candidate.person).labels[:ORGANISATIONS_SHOWN])
        reviews.append(review)

    _flag_repeats(reviews)
    return reviews


# A value on two rows of one sheet: the field's error names the row it was seen on first.
REPEATED = {
    "email": _("Row %(line)s has the same email; if it is the same person, skip one of the rows."),
    "phone": _("Row %(line)s has the same phone; if it is the same person, skip one of the rows."),
}


def _contact_keys(row: dict) -> dict[str, str]:
    """The row's email and phone as compared, empty where there is nothing to compare."""
    phone = phone_key(row.get("phone", ""))
    return {
        "email": email_key(row.get("email", "")),
        "phone": phone if len(phone) >= MIN_PHONE_DIGITS else "",
    }


def _flag_repeats(reviews: list[RowReview]) -> None:
    """The same person twice on a sheet would be two participations in one event; say so instead."""
    seen_people: dict[int, int] = {}
    seen: dict[str, dict[str, int]] = {name: {} for name in REPEATED}
    for review in reviews:
        if review.skipped:
            continue
        person = review.person
        if person is not None:
            if person.pk in seen_people:
                review.add_error(
                    "action",
                    _("Row %(line)s is already this person; skip one of the two rows.")
                    % {"line": seen_people[person.pk]},
                )
            seen_people.setdefault(person.pk, review.line)
        for name, key in _contact_keys(review.row).items():
            if key:
                if key in seen[name]:
                    review.add_error(name, REPEATED[name] % {"line": seen[name][key]})
                seen[name].setdefault(key, review.line)


def rows_from_post(data: QueryDict, stored: list[dict]) -> list[dict]:
    """The rows as corrected in the preview form; the form holds one set of fields per stored row."""
    rows = []
    for i, original in enumerate(stored):
        row = {"line": original.get("line", i + 1)}
        for name in [*FIELDS, "action"]:
            row[name] = cell_text(str(data.get(f"row-{i}-{name}", original.get(name, ""))))
        row["email"] = clean_email(row["email"])
        rows.append(row)
    return rows
