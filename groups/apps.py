"""Technical groups: their members, public pages, and the quarterly newsletter each group sends
to the people who subscribed to it."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GroupsConfig(AppConfig):
    name = "groups"
    verbose_name = _("Technical groups and newsletters")
