"""The project package is also an app: it holds the portal-wide commands, the checks and the
folders the portal writes to."""

from pathlib import Path

from django.apps import AppConfig
from django.conf import settings


def make_var_folders() -> None:
    """The folders the portal writes to: the SQLite file's, the collected static files (whitenoise
    warns on every request when that one is missing) and the filesystem broker's."""
    folders = [settings.VAR_DIR, settings.STATIC_ROOT]
    options = getattr(settings, "CELERY_BROKER_TRANSPORT_OPTIONS", {})
    folders += [
        options[key] for key in ("data_folder_in", "processed_folder", "control_folder") if key in options
    ]
    if settings.CELERY_RESULT_BACKEND.startswith("file://"):
        folders.append(settings.CELERY_RESULT_BACKEND.removeprefix("file://"))
    for folder in folders:
        Path(folder).mkdir(parents=True, exist_ok=True)


class NetworkPortalConfig(AppConfig):
    name = "network_portal"
    verbose_name = "NPAP"

    def ready(self) -> None:
        make_var_folders()
        from . import checks  # noqa: F401  (registers the system checks)
