"""Compiles the project's gettext catalogues (.po → .mo) in pure Python.

Django's own ``compilemessages`` needs GNU gettext installed on the machine; this one needs
nothing beyond the project's requirements, so a fresh machine can run the portal.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Compile every django.po under LOCALE_PATHS into its .mo file."

    def handle(self, *args, **options) -> None:
        compiled = 0
        for locale_path in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/django.po")):
                catalogue = polib.pofile(str(po_path))
                broken = [entry.msgid for entry in catalogue if "fuzzy" in entry.flags]
                if broken:
                    raise CommandError(f"{po_path}: fuzzy entries must be checked first: {broken[:3]}")
                catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
                compiled += 1
        self.stdout.write(f"Compiled {compiled} message catalogues.")
