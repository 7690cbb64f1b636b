"""Loading rows every install needs, and running each app's loaders in turn from a command."""

from collections.abc import Iterable
from importlib import import_module

from django.db import models


def add_missing(model: type[models.Model], rows: Iterable[tuple[str, str, str]], **scope) -> int:
    """Add each ``(code, name_vi, name_en)`` row of ``model`` that is missing, in the rows' order;
    rows that exist are left as coordinators have edited them. Returns how many were added."""
    created = 0
    for order, (code, name_vi, name_en) in enumerate(rows, start=1):
        _, was_created = model.objects.get_or_create(
            code=code, **scope, defaults={"name_vi": name_vi, "name_en": name_en, "order": order}
        )
        created += was_created
    return created


def run_loaders(stdout, steps: Iterable[tuple[str, str, str]]) -> None:
    """Call ``module.function()`` for each ``(app, module, function)`` and print its counts."""
    for app, module, function in steps:
        counts = getattr(import_module(f"{app}.{module}"), function)()
        stdout.write(f"{app}: " + ", ".join(f"{name}: {count} new" for name, count in counts.items()))
