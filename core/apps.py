"""The core library: what every app builds on (search, uploads, images, private files, the page
cache, mail, roles, PDF and tabular writers, shared admin pieces). It names no feature app: the
apps whose rows public pages show are named in the settings."""

from django.apps import AppConfig, apps
from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.db.backends.signals import connection_created
from django.db.models.signals import m2m_changed, post_delete, post_save


def register_sqlite_functions(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        from .search import fold

        connection.connection.create_function("portal_fold", 1, fold, deterministic=True)


def public_content_models() -> set[str]:
    labels = {
        model._meta.label
        for model in apps.get_models()
        if model._meta.app_label in settings.PAGE_CACHE_CONTENT_APPS
        and not model.__name__.startswith("Historical")
    }
    return (labels - settings.PAGE_CACHE_PRIVATE_MODELS) | settings.PAGE_CACHE_EXTRA_MODELS


def forget_cached_pages(sender, **kwargs) -> None:
    """A public row changed: cached pages are out of date. The version moves on now, and again
    once the change is committed, so a page built from the old rows between the two is never
    served either."""
    from .page_cache import content_changed

    # A many-to-many table belongs to the app of the model that declares it.
    results = (
        sender._meta.app_label in settings.PAGE_CACHE_RESULTS_APPS
        or sender._meta.label in settings.PAGE_CACHE_RESULTS_MODELS
    )
    content_changed(results=results)
    transaction.on_commit(lambda: content_changed(results=results), using=kwargs.get("using"))


def remember_language(sender, request, user, **kwargs) -> None:
    """Mails reach a person in the language they sign in with."""
    from .mail import account_language_remember

    account_language_remember(user=user, language=getattr(request, "LANGUAGE_CODE", ""))


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "NPAP"

    def ready(self) -> None:
        connection_created.connect(register_sqlite_functions, dispatch_uid="portal_sqlite_functions")
        user_logged_in.connect(remember_language, dispatch_uid="portal_remember_language")
        for label in public_content_models():
            model = apps.get_model(label)
            post_save.connect(forget_cached_pages, sender=model, dispatch_uid=f"page-cache-save-{label}")
            post_delete.connect(forget_cached_pages, sender=model, dispatch_uid=f"page-cache-delete-{label}")
            for m2m in model._meta.local_many_to_many:
                m2m_changed.connect(
                    forget_cached_pages, sender=m2m.remote_field.through, dispatch_uid=f"page-cache-m2m-{m2m}"
                )
