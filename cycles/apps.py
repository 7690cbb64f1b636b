"""Reporting cycles: what the cycles add to the apps below them when they start (the member
editor's list of what is due, on their "my organisations" page)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CyclesConfig(AppConfig):
    name = "cycles"
    verbose_name = _("Reporting cycles")

    def ready(self) -> None:
        from members.profile import mine_section_register

        from .selectors import due_for_user

        mine_section_register("cycles/fragment_due.html", due_for_user)
