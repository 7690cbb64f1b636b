"""The events app: what it adds to the apps below it when it starts (the organisation profile's
events, the organisations people came to events from for matching them), and the receivers that
keep the organisers' event counts."""

from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self) -> None:
        from members.matching import person_organisations_register
        from members.profile import profile_section_register

        from . import organiser_counts
        from .models import Event, EventOrganiser
        from .selectors import organisation_events, person_event_organisations, person_participations

        profile_section_register("organised_events", organisation_events)
        # A person is matched at the organisations they came to events from, too.
        person_organisations_register(
            "events", prefetch=person_participations, organisations=person_event_organisations
        )
        post_save.connect(organiser_counts.event_changed, sender=Event, dispatch_uid="organiser-counts-event")
        pre_save.connect(
            organiser_counts.link_moving, sender=EventOrganiser, dispatch_uid="organiser-counts-moving"
        )
        post_save.connect(
            organiser_counts.link_changed, sender=EventOrganiser, dispatch_uid="organiser-counts-link"
        )
        post_delete.connect(
            organiser_counts.link_changed, sender=EventOrganiser, dispatch_uid="organiser-counts-unlink"
        )
