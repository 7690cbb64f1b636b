"""Changes to many rows at once that still leave a trace in their history."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

# Rows saved at a time: memory stays flat however many rows change.
HISTORY_BATCH = 500


def update_with_history(queryset: QuerySet, *, user: AbstractBaseUser | None, **values) -> int:
    """Set ``values`` on each row that differs, as ``queryset.update()`` would, and record a
    history row for each, by ``user``. Returns how many rows changed.

    A bulk change (publish, unpublish, lock) would otherwise change rows without a trace.
    """
    model = queryset.model
    fields = list(values)
    if any(field.name == "updated_at" for field in model._meta.concrete_fields):
        fields.append("updated_at")
    now = timezone.now()
    changed, batch = 0, []
    with transaction.atomic():
        # exclude() with several values keeps every row where at least one of them differs.
        for obj in queryset.exclude(**values).order_by("pk").iterator(chunk_size=HISTORY_BATCH):
            for name, value in values.items():
                setattr(obj, name, value)
            if "updated_at" in fields:
                obj.updated_at = now
            batch.append(obj)
            if len(batch) == HISTORY_BATCH:
                changed += bulk_update_with_history(batch, model, fields, default_user=user)
                batch = []
        if batch:
            changed += bulk_update_with_history(batch, model, fields, default_user=user)
    return changed
