"""Reporting cycles: what the cycles add to the apps below them when they start (the member
editor's list of what is due, on their "my organisations" page, and the cycles the results
approvers' queue is narrowed to)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CyclesConfig(AppConfig):
    name = "cycles"
    verbose_name = _("Reporting cycles")

    def ready(self) -> None:
        from initiatives.approval_cycles import approval_cycles_register
        from members.profile import mine_section_register

        from .selectors import cycles_for_approvals, due_for_user, periods_due_in

        mine_section_register("cycles/fragment_due.html", due_for_user)
        approval_cycles_register(choices=cycles_for_approvals, periods=periods_due_in)
