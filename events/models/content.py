"""What an event's page shows besides its details: the agenda (sessions and items, with who
presents them), the documents and the photos."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.models import (
    GalleryPhoto,
    file_or_link_error,
    language_field,
    optional_link,
    order_field,
    required_link,
)
from core.private_files import (
    PrivateDownload,
    ProtectedFileField,
    document_upload_name,
    get_document_storage,
)

from .event import Event


def document_upload_to(instance, filename: str) -> str:
    return document_upload_name("events/documents", filename, private=not instance.is_public)


class AgendaSession(models.Model):
    """A block of the programme: a plenary, or one of several parallel sessions."""

    class Kind(models.TextChoices):
        PLENARY = "plenary", _("plenary")
        PARALLEL = "parallel", _("parallel session")

    event = required_link(Event, _("event"), related_name="sessions")
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.PLENARY)
    date = models.DateField(_("date"), null=True, blank=True)
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    room = models.CharField(_("room"), max_length=200, blank=True)
    order = order_field()

    class Meta:
        ordering = ["date", "order", "start_time", "pk"]
        verbose_name = _("agenda session")
        verbose_name_plural = _("agenda sessions")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.start_time and self.end_time and self.end_time < self.start_time:
            raise ValidationError({"end_time": _("The end time cannot be before the start time.")})


class EventDocument(PrivateDownload, models.Model):
    DOWNLOAD_VIEW = "events:document_download"

    class Kind(models.TextChoices):
        AGENDA = "agenda", _("agenda")
        CONCEPT_NOTE = "concept_note", _("concept note")
        MINUTES = "minutes", _("minutes")
        SLIDES = "slides", _("slides")
        REPORT = "report", _("report")
        OTHER = "other", pgettext_lazy("document kind", "other")

    event = required_link(Event, _("event"), related_name="documents")
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=14, choices=Kind.choices, default=Kind.OTHER)
    # Not public: the file is in private storage. Saved by core.private_files.document_save,
    # which moves the file when that changes.
    file = ProtectedFileField(
        _("file"), storage=get_document_storage, upload_to=document_upload_to, blank=True
    )
    url = models.URLField(_("link"), blank=True)
    language = language_field()
    is_public = models.BooleanField(
        _("public"),
        default=True,
        help_text=_("Untick for documents only coordinators and the organisers may download."),
    )
    order = order_field()

    class Meta:
        ordering = ["order", "kind", "pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if error := file_or_link_error(self.file, self.url):
            raise ValidationError(error)

    @property
    def href(self) -> str:
        return self.file.url if self.file else self.url


class AgendaItem(models.Model):
    """One talk or discussion on the programme, with who presents it."""

    event = required_link(Event, _("event"), related_name="agenda_items")
    session = optional_link(AgendaSession, _("session"), on_delete=models.CASCADE, related_name="items")
    title = models.CharField(_("title"), max_length=300)
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    presenter = optional_link("members.Person", _("presenter"), related_name="agenda_items")
    presenter_organisation = optional_link(
        "members.Organisation", _("presenting organisation"), related_name="agenda_items"
    )
    document = optional_link(EventDocument, _("document"), related_name="agenda_items")
    order = order_field()

    class Meta:
        ordering = ["session__order", "order", "start_time", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors = {}
        if self.start_time and self.end_time and self.end_time < self.start_time:
            errors["end_time"] = _("The end time cannot be before the start time.")
        if self.session_id and self.event_id and self.session.event_id != self.event_id:
            errors["session"] = _("Choose a session of this event.")
        if self.document_id and self.event_id and self.document.event_id != self.event_id:
            errors["document"] = _("Choose a document of this event.")
        if errors:
            raise ValidationError(errors)


class EventPhoto(GalleryPhoto):
    event = required_link(Event, _("event"), related_name="photos")
    image = models.ImageField(_("photo"), upload_to="events/photos/")
    thumbnail = models.ImageField(_("thumbnail"), upload_to="events/photos/", blank=True, editable=False)
    width = models.PositiveIntegerField(_("width"), default=0, editable=False)
    height = models.PositiveIntegerField(_("height"), default=0, editable=False)
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(_("credit"), max_length=200, blank=True)
