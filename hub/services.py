"""Writes of the knowledge hub with rules: a member's proposal, a coordinator's review, and the
count of downloads and visits."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.base import File
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.images import CleanImage, image_store
from core.mail import Notice, mail_notify_perm
from core.models import unique_slug
from core.search import fold
from members.models import Organisation

from .models import RESERVED_SLUGS, Resource, ResourceOrganisation

REVIEW_PERMISSION = "hub.review_resource"


def resource_slug(title: str) -> str:
    """A free slug made from the title, the Vietnamese letters folded to ASCII."""
    base = slugify(fold(title) or "") or "tai-lieu"
    return unique_slug(Resource.objects.all(), base[:100].strip("-"), max_length=120, reserved=RESERVED_SLUGS)


@transaction.atomic
def resource_propose(
    *,
    user: AbstractBaseUser,
    organisation: Organisation,
    kind: str,
    title_vi: str,
    title_en: str = "",
    summary_vi: str = "",
    summary_en: str = "",
    year: int,
    language: str,
    url: str = "",
    file: File | None = None,
    cover: CleanImage | None = None,
) -> Resource:
    """A member editor proposes a resource for ``organisation`` (which the caller has checked
    they edit). It waits, unpublished, for a coordinator, who is told by mail."""
    resource = Resource(
        kind=kind,
        title_vi=title_vi,
        title_en=title_en,
        summary_vi=summary_vi,
        summary_en=summary_en,
        year=year,
        language=language,
        url=url,
        slug=resource_slug(title_vi),
        is_published=False,
        review_status=Resource.Review.PROPOSED,
        proposed_by=user,
        proposing_organisation=organisation,
    )
    if file is not None:
        resource.file.save(file.name, file, save=False)
    image_store(resource, clean=cover, field="cover", thumbnail="cover_thumbnail")
    resource.full_clean()
    resource.save()
    ResourceOrganisation.objects.create(
        resource=resource, organisation=organisation, role=ResourceOrganisation.Role.AUTHOR
    )
    _notify_reviewers(resource)
    return resource


def _notify_reviewers(resource: Resource) -> None:
    """Tell everyone who reviews proposals that a new one waits."""
    proposer = resource.proposed_by
    organisation = resource.proposing_organisation

    def compose() -> Notice:
        return Notice(
            subject=_("%(organisation)s proposes a resource for the knowledge hub")
            % {"organisation": organisation.name},
            paragraphs=[
                _(
                    "%(organisation)s proposes “%(title)s” for the knowledge hub. It stays unpublished until you accept and publish it."
                )
                % {"organisation": organisation.name, "title": resource.title_vi}
            ],
            details=[
                (_("Kind"), resource.get_kind_display()),
                (_("Proposed by"), (proposer.get_full_name() or proposer.email) if proposer else "–"),
                (_("Year"), str(resource.year)),
            ],
            action_label=_("Review the proposal"),
            action_path=reverse("admin:hub_resource_change", args=[resource.pk]),
        )

    mail_notify_perm(
        perm=REVIEW_PERMISSION,
        actor_id=proposer.pk if proposer else None,
        kind="hub-proposal",
        key=str(resource.pk),
        compose=compose,
    )


def resource_download_record(*, resource: Resource) -> None:
    """One more download or visit, counted in the database so that two at once both count.
    An update, not a save: a count is not a change of content, so no page cache is dropped and
    no history row is written."""
    Resource.objects.filter(pk=resource.pk).update(download_count=F("download_count") + 1)
