"""Writes with logic for the member directory."""

from collections.abc import Sequence

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core import roles
from core.images import CleanImage, image_store
from core.mail import Notice, mail_notify, mail_notify_perm

from .models import Affiliation, EditorRequest, Organisation, Person


def organisation_logo_store(
    *, organisation: Organisation, clean: CleanImage | None, cleared: bool = False
) -> None:
    """Replace the logo and its thumbnail, removing the old files once the new ones are saved."""
    if clean is None and not cleared:
        return
    image_store(organisation, clean=clean, field="logo", thumbnail="logo_thumbnail", cleared=cleared)
    organisation.save(update_fields=["logo", "logo_thumbnail", "updated_at"])


@transaction.atomic
def editor_request_create(
    *, user: AbstractBaseUser, organisation: Organisation, position: str = "", message: str = ""
) -> EditorRequest:
    existing = EditorRequest.objects.filter(user=user, organisation=organisation).first()
    if existing is not None:
        if existing.status == EditorRequest.Status.REJECTED:
            # Asking again after a refusal reopens the request rather than failing.
            existing.status = EditorRequest.Status.PENDING
            existing.position, existing.message = position, message
            existing.decided_by, existing.decided_at = None, None
            existing.full_clean()
            existing.save()
            _notify_deciders(existing)
        return existing
    request = EditorRequest(user=user, organisation=organisation, position=position, message=message)
    request.full_clean()
    request.save()
    _notify_deciders(request)
    return request


def _notify_deciders(editor_request: EditorRequest) -> None:
    """Tell everyone who may decide editor requests that a new one waits."""
    requester = editor_request.user

    def compose() -> Notice:
        return Notice(
            subject=_("%(person)s asks to edit %(organisation)s")
            % {
                "person": requester.get_full_name() or requester.email,
                "organisation": editor_request.organisation.name,
            },
            paragraphs=[
                _("A new request to edit the profile of %(organisation)s waits for your decision.")
                % {"organisation": editor_request.organisation.name}
            ],
            details=[
                (_("Account"), requester.email),
                (_("Position"), editor_request.position or "–"),
                (_("Message"), editor_request.message or "–"),
            ],
            action_label=_("Decide on the request"),
            action_path=reverse("admin:members_editorrequest_change", args=[editor_request.pk]),
        )

    mail_notify_perm(
        perm=roles.DECIDE_EDITOR_REQUESTS,
        actor_id=requester.pk,
        kind="editor-request",
        key=f"{editor_request.pk}:{editor_request.updated_at:%Y%m%d%H%M%S%f}",
        compose=compose,
    )


@transaction.atomic
def editor_request_decide(
    *, editor_request: EditorRequest, coordinator: AbstractBaseUser, approve: bool
) -> EditorRequest:
    if not coordinator.has_perm(roles.DECIDE_EDITOR_REQUESTS):
        raise ValidationError(_("Only coordinators can decide on editor requests."))
    editor_request.status = EditorRequest.Status.APPROVED if approve else EditorRequest.Status.REJECTED
    editor_request.decided_by = coordinator
    editor_request.decided_at = timezone.now()
    editor_request.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
    _notify_decision(editor_request)
    return editor_request


def _notify_decision(editor_request: EditorRequest) -> None:
    approved = editor_request.status == EditorRequest.Status.APPROVED

    def compose() -> Notice:
        values = {"organisation": editor_request.organisation.name}
        if approved:
            return Notice(
                subject=_("You can now edit the profile of %(organisation)s") % values,
                paragraphs=[
                    _(
                        "A coordinator has approved your request. You can now keep the profile of "
                        "%(organisation)s up to date and report the results of its initiatives."
                    )
                    % values
                ],
                action_label=_("Open my organisations"),
                action_path=reverse("members:mine"),
            )
        return Notice(
            subject=_("Your request to edit %(organisation)s") % values,
            paragraphs=[
                _("A coordinator has declined your request to edit the profile of %(organisation)s.") % values
            ],
            action_label=_("Open my organisations"),
            action_path=reverse("members:mine"),
        )

    mail_notify(
        user=editor_request.user,
        kind="editor-request-decided",
        key=f"{editor_request.pk}:{editor_request.decided_at:%Y%m%d%H%M%S%f}",
        compose=compose,
    )


def _rank(obj: models.Model) -> int:
    """When two rows would clash after a merge (both people at the same event), the one of the
    higher ``merge_rank`` stays: a row that records more (attended over invited) wins."""
    return getattr(obj, "merge_rank", 0)


def _is_empty(obj: models.Model, field: models.Field, *, default_is_empty: bool = False) -> bool:
    value = getattr(obj, field.attname)
    if value in field.empty_values:
        return True
    return default_is_empty and bool(field.choices) and field.has_default() and value == field.get_default()


def _fillable_fields(model: type[models.Model], *, skip: set[str]) -> list[models.Field]:
    return [
        field
        for field in model._meta.concrete_fields
        if not field.primary_key
        and field.name not in skip
        and not isinstance(field, models.BooleanField)
        and not getattr(field, "auto_now", False)
        and not getattr(field, "auto_now_add", False)
    ]


def _fill_blanks(
    target: models.Model, source: models.Model, *, skip: set[str], default_is_empty: bool = False
) -> list[str]:
    filled = []
    for field in _fillable_fields(type(target), skip=skip):
        if _is_empty(target, field, default_is_empty=default_is_empty) and not _is_empty(source, field):
            setattr(target, field.attname, getattr(source, field.attname))
            filled.append(field.name)
    return filled


def _unique_sets(model: type[models.Model], field_name: str) -> list[tuple[str, ...]]:
    """The unique field sets of ``model`` that include ``field_name``."""
    sets = [tuple(constraint.fields) for constraint in model._meta.total_unique_constraints]
    sets += [tuple(fields) for fields in model._meta.unique_together]
    if model._meta.get_field(field_name).unique:
        sets.append((field_name,))
    return [fields for fields in sets if field_name in fields]


def _move_rows(model: type[models.Model], field_name: str, *, keep: Person, duplicate: Person) -> None:
    """Point every row of ``model`` from ``duplicate`` to ``keep``; where ``keep`` already has a row
    that would break a unique constraint, one of the two is kept and its blanks are filled from
    the other."""
    unique_sets = _unique_sets(model, field_name)
    for row in model._base_manager.filter(**{field_name: duplicate}):
        clash = None
        for fields in unique_sets:
            lookup = {
                name: getattr(row, model._meta.get_field(name).attname)
                for name in fields
                if name != field_name
            }
            clash = model._base_manager.filter(**lookup, **{field_name: keep}).first()
            if clash is not None:
                break
        if clash is None:
            setattr(row, field_name, keep)
            row.save()
            continue
        winner, loser = (row, clash) if _rank(row) > _rank(clash) else (clash, row)
        _fill_blanks(winner, loser, skip={field_name, *(name for fields in unique_sets for name in fields)})
        loser.delete()
        setattr(winner, field_name, keep)
        winner.save()


def _dedupe_affiliations(person: Person) -> None:
    """Two records of the same role at the same organisation become one after a merge."""
    seen: dict[tuple, Affiliation] = {}
    for affiliation in person.affiliations.order_by("-is_primary", "pk"):
        key = (affiliation.organisation_id, affiliation.role, affiliation.start, affiliation.end)
        if key in seen:
            affiliation.delete()
        else:
            seen[key] = affiliation


@transaction.atomic
def person_merge(*, keep: Person, duplicates: Sequence[Person]) -> Person:
    """Merge ``duplicates`` into ``keep`` and delete them.

    Everything that points at a duplicate (attendance, roles at organisations, agenda items, and
    any relation added later) is moved onto ``keep``; the kept person's empty details are filled
    from the duplicates; the account link moves too, unless both have one. Where both people have
    a row that may exist only once (both at the same event), one is kept, preferring attendance.
    """
    duplicates = [person for person in duplicates if person.pk != keep.pk]
    if not duplicates:
        raise ValidationError(_("Choose at least one other person to merge into %(name)s.") % {"name": keep})
    for duplicate in duplicates:
        if keep.user_id and duplicate.user_id and keep.user_id != duplicate.user_id:
            raise ValidationError(
                _(
                    "%(keep)s and %(duplicate)s each have an account; a person can have only one. "
                    "Remove the account from one of them first."
                )
                % {"keep": keep, "duplicate": duplicate}
            )

    relations = [
        (relation.through, relation.field.m2m_reverse_field_name())
        if relation.many_to_many
        else (relation.related_model, relation.field.name)
        for relation in Person._meta.related_objects
    ]
    unique_fields = {
        field.name for field in Person._meta.concrete_fields if field.unique and not field.primary_key
    }
    for duplicate in duplicates:
        for model, field_name in relations:
            _move_rows(model, field_name, keep=keep, duplicate=duplicate)
        # A person's gender left at "not disclosed" is filled from a duplicate that gives it.
        filled = _fill_blanks(keep, duplicate, skip=set(), default_is_empty=True)
        released = {
            name: None if Person._meta.get_field(name).null else "" for name in set(filled) & unique_fields
        }
        if released:
            # The duplicate lets go of a unique value (its account) before the kept person takes it.
            Person.objects.filter(pk=duplicate.pk).update(**released)
        keep.full_clean()
        keep.save()
        duplicate.delete()
    _dedupe_affiliations(keep)
    return keep
