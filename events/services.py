"""Writes with logic for events: committing a reviewed sign-in sheet."""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import roles
from members.models import Person

from .models import Participation, SignInImport
from .signin.columns import FIELDS
from .signin.review import ACTION_NEW, RowReview, SignInRowsInvalid, review_rows

# Details a sign-in sheet may add to a person already in the directory, never overwrite: the
# directory is curated, and an old sheet recorded late must not replace a newer position.
FILLED_FROM_SHEET = ["position", "email", "phone"]


@dataclass(frozen=True)
class SignInImportResult:
    attended: int
    people_created: int
    people_updated: int
    skipped: int


def _person_for(review: RowReview, user: AbstractBaseUser) -> tuple[Person, str]:
    row = review.row
    if review.action == ACTION_NEW:
        person = Person(
            full_name=row["full_name"],
            gender=row["gender"],
            position=row["position"],
            email=row["email"],
            phone=row["phone"],
        )
        outcome = "created"
    else:
        person = review.person
        changed = False
        for name in FILLED_FROM_SHEET:
            if row.get(name) and not getattr(person, name):
                setattr(person, name, row[name])
                changed = True
        if person.gender == Person.Gender.UNDISCLOSED and row["gender"] != Person.Gender.UNDISCLOSED:
            person.gender = row["gender"]
            changed = True
        outcome = "updated" if changed else "unchanged"
    # Recorded in the person's history as the coordinator's change, also outside a request.
    person._history_user = user
    return person, outcome


def _record_errors(review: RowReview, error: ValidationError) -> None:
    """Put a model's validation errors beside the sheet column they come from."""
    for name, messages in error.message_dict.items():
        column = "organisation" if name == "organisation_name" else name
        for message in messages:
            review.add_error(column if column in FIELDS else "row", message)


@transaction.atomic
def signin_import_commit(
    *, signin_import: SignInImport, rows: list[dict], user: AbstractBaseUser
) -> SignInImportResult:
    """Record everyone on a reviewed sign-in sheet as having attended its event.

    All or nothing: when any row to import has an error, :class:`SignInRowsInvalid` is raised
    with every row reviewed and nothing is written. Each imported row adds or updates a person
    and gives them one participation in the event with the status "attended".
    """
    if not user.has_perm(roles.COMMIT_SIGNIN_IMPORTS):
        raise ValidationError(_("Only coordinators can import sign-in sheets."))
    # Locked so that two coordinators pressing "import" at once cannot both add the same people.
    signin_import = SignInImport.objects.select_for_update().get(pk=signin_import.pk)
    if signin_import.status != SignInImport.Status.PREVIEW:
        raise ValidationError(_("This sign-in sheet has already been imported."))
    event = signin_import.event
    reviews = review_rows(rows=rows)
    if any(review.blocking for review in reviews):
        raise SignInRowsInvalid(reviews)

    counts = {"created": 0, "updated": 0, "unchanged": 0}
    attended = skipped = 0
    for review in reviews:
        if review.skipped:
            skipped += 1
            continue
        row = review.row
        person, outcome = _person_for(review, user)
        try:
            person.full_clean()
        except ValidationError as error:
            _record_errors(review, error)
            continue
        person.save()
        counts[outcome] += 1
        participation = Participation.objects.filter(event=event, person=person).first() or Participation(
            event=event, person=person
        )
        if review.organisation is not None:
            participation.organisation, participation.organisation_name = review.organisation, ""
        elif row.get("organisation"):
            participation.organisation, participation.organisation_name = None, row["organisation"]
        participation.role = row["role"]
        participation.mode = row["mode"]
        participation.status = Participation.Status.ATTENDED
        try:
            participation.full_clean()
        except ValidationError as error:
            _record_errors(review, error)
            continue
        participation.save()
        attended += 1
    if any(review.blocking for review in reviews):
        # Raising inside the atomic block undoes the rows already written.
        raise SignInRowsInvalid(reviews)

    signin_import.rows = rows
    signin_import.status = SignInImport.Status.COMMITTED
    signin_import.committed_at = timezone.now()
    signin_import.full_clean()
    signin_import.save()
    return SignInImportResult(
        attended=attended, people_created=counts["created"], people_updated=counts["updated"], skipped=skipped
    )
