"""The project package is also an app: shared models, the search function, commands, tags."""

from django.apps import AppConfig
from django.db.backends.signals import connection_created


def register_sqlite_functions(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        from .search import fold

        connection.connection.create_function("portal_fold", 1, fold, deterministic=True)


class NetworkPortalConfig(AppConfig):
    name = "network_portal"
    verbose_name = "NPAP"

    def ready(self) -> None:
        connection_created.connect(register_sqlite_functions, dispatch_uid="portal_sqlite_functions")
