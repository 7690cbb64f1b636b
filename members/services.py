"""Writes with logic for the member directory."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from network_portal.images import CleanImage

from .models import EditorRequest, Organisation


def organisation_logo_store(
    *, organisation: Organisation, clean: CleanImage | None, cleared: bool = False
) -> None:
    """Replace the logo and its thumbnail, removing the old files once the new ones are saved."""
    old = [f.name for f in (organisation.logo, organisation.logo_thumbnail) if f]
    if clean is not None:
        organisation.logo.save(clean.image.name, clean.image, save=False)
        organisation.logo_thumbnail.save(clean.thumbnail.name, clean.thumbnail, save=False)
    elif cleared:
        organisation.logo = ""
        organisation.logo_thumbnail = ""
    else:
        return
    organisation.save(update_fields=["logo", "logo_thumbnail", "updated_at"])
    storage = organisation.logo.storage

    def remove_old() -> None:
        for name in old:
            storage.delete(name)

    transaction.on_commit(remove_old)


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
        return existing
    request = EditorRequest(user=user, organisation=organisation, position=position, message=message)
    request.full_clean()
    request.save()
    return request


@transaction.atomic
def editor_request_decide(
    *, editor_request: EditorRequest, coordinator: AbstractBaseUser, approve: bool
) -> EditorRequest:
    if not coordinator.is_staff:
        raise ValidationError(_("Only coordinators can decide on editor requests."))
    editor_request.status = EditorRequest.Status.APPROVED if approve else EditorRequest.Status.REJECTED
    editor_request.decided_by = coordinator
    editor_request.decided_at = timezone.now()
    editor_request.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
    transaction.on_commit(lambda: _notify_decision(editor_request))
    return editor_request


def _notify_decision(editor_request: EditorRequest) -> None:
    with translation.override("vi"):
        if editor_request.status == EditorRequest.Status.APPROVED:
            subject = _("You can now edit the profile of %(organisation)s")
            body = _(
                "A coordinator has approved your request. Sign in and open %(url)s to keep the "
                "profile of %(organisation)s up to date."
            )
        else:
            subject = _("Your request to edit %(organisation)s")
            body = _("A coordinator has declined your request to edit the profile of %(organisation)s.")
        values = {"organisation": editor_request.organisation.name, "url": reverse("members:mine")}
        send_mail(subject % values, body % values, None, [editor_request.user.email], fail_silently=True)
