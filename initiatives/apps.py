"""The initiatives app: it adds an organisation's initiatives to the organisation's profile."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "initiatives"
    verbose_name = _("Initiatives and pillars")

    def ready(self) -> None:
        from members.profile import profile_section_register

        from .selectors import organisation_initiatives

        profile_section_register("initiatives", organisation_initiatives)
