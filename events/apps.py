from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self) -> None:
        from members.profile import profile_section_register

        from .selectors import organisation_events

        profile_section_register("organised_events", organisation_events)
