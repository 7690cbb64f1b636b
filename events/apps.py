"""The events app: what it adds to the apps below it when it starts (the organisation profile's
events, the organisations people came to events from for matching them)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self) -> None:
        from members.matching import person_organisations_register
        from members.profile import profile_section_register

        from .selectors import organisation_events, person_event_organisations, person_participations

        profile_section_register("organised_events", organisation_events)
        # A person is matched at the organisations they came to events from, too.
        person_organisations_register(
            "events", prefetch=person_participations, organisations=person_event_organisations
        )
