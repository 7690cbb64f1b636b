"""Who took part in an event, and the sign-in sheets that record it."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel, optional_link, required_link, status_field, user_link

from .event import Event


class Participation(TimeStampedModel):
    """A person at an event, with the organisation they came from at the time."""

    class Role(models.TextChoices):
        PARTICIPANT = "participant", _("participant")
        SPEAKER = "speaker", _("speaker")
        FACILITATOR = "facilitator", _("facilitator")
        ORGANISER = "organiser", _("organiser")
        PRESS = "press", _("press")

    class Status(models.TextChoices):
        INVITED = "invited", _("invited")
        REGISTERED = "registered", _("registered")
        ATTENDED = "attended", _("attended")
        NO_SHOW = "no_show", _("did not attend")

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("in person")
        ONLINE = "online", _("online")

    event = required_link(Event, _("event"), related_name="participations")
    person = required_link("members.Person", _("person"), related_name="participations")
    organisation = optional_link(
        "members.Organisation", _("organisation at the time"), related_name="event_participations"
    )
    organisation_name = models.CharField(
        _("organisation (as written)"),
        max_length=300,
        blank=True,
        help_text=_("As written on the sign-in sheet, when it is not in the directory."),
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.PARTICIPANT)
    status = status_field(Status, default=Status.ATTENDED)
    mode = models.CharField(_("attendance"), max_length=10, choices=Mode.choices, default=Mode.IN_PERSON)

    class Meta:
        ordering = ["event", "person__full_name"]
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], name="one_participation_per_person_and_event")
        ]
        # The admin's filters of attendance records (the status has its own index).
        indexes = [
            models.Index(fields=["role"], name="participation_role"),
            models.Index(fields=["mode"], name="participation_mode"),
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.event}"

    # When a person merge finds both people at the same event, the row recording more stays.
    MERGE_RANKS = {Status.ATTENDED: 3, Status.REGISTERED: 2, Status.INVITED: 1, Status.NO_SHOW: 0}

    @property
    def merge_rank(self) -> int:
        return self.MERGE_RANKS.get(self.status, 0)


class SignInImport(TimeStampedModel):
    """A sign-in sheet uploaded for an event, kept as rows while the coordinator reviews them.

    The rows live here rather than in the session so a preview survives a reload, a second tab
    or a coffee break, and what was typed into it is not lost when the import is refused.
    """

    class Status(models.TextChoices):
        PREVIEW = "preview", _("waiting for review")
        COMMITTED = "committed", _("imported")

    event = required_link(Event, _("event"), related_name="signin_imports")
    uploaded_by = user_link(_("uploaded by"))
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    rows = models.JSONField(_("rows"), default=list, blank=True)
    ignored_columns = models.JSONField(_("ignored columns"), default=list, blank=True)
    status = status_field(Status, default=Status.PREVIEW)
    committed_at = models.DateTimeField(_("imported at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("sign-in sheet import")
        verbose_name_plural = _("sign-in sheet imports")
        permissions = [("commit_signinimport", _("Can import a reviewed sign-in sheet"))]

    def __str__(self) -> str:
        return f"{self.event} · {self.file_name}"
