"""The knowledge hub: the network's good-practice models, studies, guidelines, policy documents
and other resources, with the published reports beside them. It adds to a member's own page the
resources their organisations proposed."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HubConfig(AppConfig):
    name = "hub"
    verbose_name = _("Knowledge hub")

    def ready(self) -> None:
        from members.profile import mine_section_register

        from .selectors import proposals_of_user

        mine_section_register("hub/fragment_mine.html", proposals_of_user)
