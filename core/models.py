"""Abstract models and model helpers shared by the apps."""

import os
import uuid
from collections.abc import Callable, Collection
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .search import fold_fields


def optional_link(
    to: str | type[models.Model],
    verbose_name: str,
    *,
    on_delete: Callable = models.SET_NULL,
    related_name: str = "+",
    **options: Any,
) -> models.ForeignKey:
    """A link to another row that a row may do without (``blank`` unless ``blank=False`` says
    a form must ask for it). By default the row outlives the one it links to."""
    options.setdefault("blank", True)
    return models.ForeignKey(
        to, verbose_name=verbose_name, null=True, on_delete=on_delete, related_name=related_name, **options
    )


def required_link(
    to: str | type[models.Model],
    verbose_name: str,
    *,
    related_name: str,
    on_delete: Callable = models.CASCADE,
) -> models.ForeignKey:
    """A link a row cannot do without: the row it belongs to, which takes the row with it when
    it is deleted unless ``on_delete`` says otherwise."""
    return models.ForeignKey(to, verbose_name=verbose_name, on_delete=on_delete, related_name=related_name)


def user_link(verbose_name: str, *, related_name: str = "+", blank: bool = True) -> models.ForeignKey:
    """A link to the account that did something; the row outlives the account."""
    return optional_link(settings.AUTH_USER_MODEL, verbose_name, related_name=related_name, blank=blank)


def order_field() -> models.PositiveSmallIntegerField:
    """Where a row stands among the rows listed with it; coordinators change it in the admin."""
    return models.PositiveSmallIntegerField(_("order"), default=0)


def language_field() -> models.CharField:
    """The language a row is written or read in: one of the portal's, Vietnamese unless said."""
    return models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default="vi")


def status_field(status: type[models.TextChoices], *, default: str) -> models.CharField:
    """A row's status, indexed: lists and queues select on it."""
    return models.CharField(
        _("status"), max_length=10, choices=status.choices, default=default, db_index=True
    )


# What a model says of a slug that would take the address of one of its app's fixed pages.
SLUG_RESERVED = _("This address is taken by another page; choose another slug.")


def file_or_link_error(file, url: str) -> str | None:
    """What is wrong with a row that holds a file or a link, never both and never neither
    (a document, a resource); None when it holds one of them."""
    if not file and not url:
        return _("Upload a file or give a link.")
    if file and url:
        return _("Give either a file or a link, not both.")
    return None


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class ReferenceModel(models.Model):
    """A short list coordinators edit, such as the types of event: a fixed ``code`` that reference
    data and filters find a row by, a name, and the order lists show the rows in.
    :func:`core.reference.add_missing` loads the rows every install needs."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=100)
    order = order_field()

    class Meta:
        abstract = True
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name


class GalleryPhoto(models.Model):
    """A photo in the gallery of an event's or an initiative's page
    (``templates/core/fragment_photos.html``). The concrete model gives ``image``, ``thumbnail``
    and ``caption``, stored in a folder of its own."""

    order = order_field()

    class Meta:
        abstract = True
        ordering = ["order", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self) -> str:
        return self.caption or self.image.name


class SearchTextModel(models.Model):
    """Keeps a folded copy of the fields visitors search in ``search_text``.

    Folding every row's fields while searching costs seconds once there are tens of thousands
    of rows; a column folded when the row is saved is compared in milliseconds. The copy is
    derived data, so it is rebuilt on every save; code that writes rows in bulk calls
    :meth:`build_search_text` itself.
    """

    SEARCH_TEXT_FIELDS: ClassVar[tuple[str, ...]] = ()

    search_text = models.TextField(_("search text"), blank=True, default="", editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        self.search_text = self.build_search_text()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    def build_search_text(self) -> str:
        return fold_fields(getattr(self, name) for name in self.SEARCH_TEXT_FIELDS)


class PublishedQuerySet(models.QuerySet):
    """For content with an ``is_published`` flag: public reads start from ``published()``."""

    def published(self):
        return self.filter(is_published=True)


def unique_slug(
    queryset: models.QuerySet, base: str, *, max_length: int, reserved: Collection[str] = ()
) -> str:
    """``base``, or ``base-2``, ``base-3``… whichever no row of ``queryset`` (and no fixed page
    named in ``reserved``) uses yet, cut to fit ``max_length``."""
    base = base[:max_length]
    candidate, number = base, 2
    while candidate in reserved or queryset.filter(slug=candidate).exists():
        suffix = f"-{number}"
        candidate = f"{base[: max_length - len(suffix)]}{suffix}"
        number += 1
    return candidate


def generated_upload_name(folder: str, filename: str) -> str:
    """Stored files get a random name: the uploader's file name is never used on disk."""
    extension = os.path.splitext(filename)[1].lower()
    return f"{folder}/{uuid.uuid4().hex}{extension}"


class AccountSettings(models.Model):
    """What an account has chosen for itself: the language mails reach it in, and whether it
    gets reminders (of results due, of updates waiting for approval)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="portal_settings",
    )
    language = language_field()
    reminders = models.BooleanField(_("reminders"), default=True)

    class Meta:
        # The table keeps the name it had when the project package held the mail.
        db_table = "network_portal_accountsettings"
        verbose_name = _("account settings")
        verbose_name_plural = _("account settings")

    def __str__(self) -> str:
        return str(self.user)


class OutgoingMail(TimeStampedModel):
    """One notice to one person, kept so that no mail is lost or sent twice.

    The request that causes a notice writes this row in its own transaction; a worker sends it
    once the transaction commits, retrying while the mail server is unreachable. What failed
    for good stays here with its error for a coordinator to see and send again.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting to be sent")
        SENDING = "sending", _("being sent")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    recipient = user_link(_("recipient"))
    to_email = models.EmailField(_("email address"))
    language = language_field()
    kind = models.CharField(_("kind"), max_length=40, db_index=True)
    # One notice per cause and recipient: a retried request or a second worker finds it taken.
    key = models.CharField(_("key"), max_length=200, unique=True)
    subject = models.CharField(_("subject"), max_length=255)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"), blank=True)
    status = status_field(Status, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.TextField(_("error"), blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        db_table = "network_portal_outgoingmail"
        ordering = ["-created_at"]
        verbose_name = _("outgoing mail")
        verbose_name_plural = _("outgoing mail")
        indexes = [
            models.Index(fields=["status", "created_at"]),
            # The admin's log: the newest first, by year and month, and by language.
            models.Index(fields=["-created_at", "-id"], name="mail_admin_order"),
            models.Index(fields=["language"], name="mail_language"),
        ]

    def __str__(self) -> str:
        return f"{self.to_email} · {self.subject}"


def import_file_storage():
    """Where imported spreadsheets are kept: the private storage, which has no public URL. Read
    when a file is saved, so this module need not import ``private_files``, which imports it."""
    from .private_files import private_storage

    return private_storage


class ImportRecord(TimeStampedModel):
    """One spreadsheet a coordinator brought into the portal: who, when, the file as it was sent,
    what it was checked or imported into, and how its rows came out.

    A row is written when the file is checked (the preview) and completed when it is imported,
    or when the import is refused; a file that was checked and never imported stays in the log
    as such. The file lives in private storage and is downloaded through the admin only.
    """

    class Status(models.TextChoices):
        PREVIEWED = "previewed", _("checked, not imported")
        REFUSED = "refused", _("not imported: rows to correct")
        IMPORTED = "imported", _("imported")

    user = user_link(_("by"))
    content_type = models.ForeignKey(
        "contenttypes.ContentType",
        verbose_name=_("imported into"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    resource = models.CharField(_("import format"), max_length=200)
    file = models.FileField(_("file"), storage=import_file_storage, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    status = status_field(Status, default=Status.PREVIEWED)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    new = models.PositiveIntegerField(pgettext_lazy("import rows", "new"), default=0)
    updated = models.PositiveIntegerField(pgettext_lazy("import rows", "updated"), default=0)
    skipped = models.PositiveIntegerField(pgettext_lazy("import rows", "unchanged"), default=0)
    errors = models.PositiveIntegerField(pgettext_lazy("import rows", "with errors"), default=0)
    duplicates = models.PositiveIntegerField(pgettext_lazy("import rows", "possible duplicates"), default=0)
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("spreadsheet import")
        verbose_name_plural = _("spreadsheet imports")

    def __str__(self) -> str:
        return f"{self.original_name} · {self.created_at:%d/%m/%Y %H:%M}"

    @property
    def download_url(self) -> str:
        return reverse("admin:core_importrecord_download", args=[self.pk])
