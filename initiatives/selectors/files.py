"""Who may download the private files of initiatives: evidence behind updates, and documents
that are not public. To anyone else a file does not exist."""

from django.contrib.auth.models import AbstractBaseUser

from members.selectors import organisations_editable_by

from ..models import InitiativeDocument, UpdateEvidence
from .reporting import partnered_by_editor


def evidence_get_downloadable(*, user: AbstractBaseUser, pk: int) -> UpdateEvidence | None:
    """An evidence file, if ``user`` may download it: holders of the permission to view evidence
    (coordinators, results approvers), and the editors of the organisation the update is for."""
    if not user.is_authenticated:
        return None
    evidence = UpdateEvidence.objects.filter(pk=pk)
    if not user.has_perm("initiatives.view_updateevidence"):
        evidence = evidence.filter(update__organisation__in=organisations_editable_by(user=user))
    return evidence.first()


def initiative_document_get_private(*, user: AbstractBaseUser, pk: int) -> InitiativeDocument | None:
    """A document that is not public, if ``user`` may download it: holders of the permission to
    view initiative documents, and the editors of a partner organisation of the initiative."""
    if not user.is_authenticated:
        return None
    documents = InitiativeDocument.objects.filter(pk=pk, is_public=False)
    if not user.has_perm("initiatives.view_initiativedocument"):
        documents = documents.filter(initiative__in=partnered_by_editor(user=user))
    return documents.first()
