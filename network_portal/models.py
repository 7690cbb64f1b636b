"""Abstract models and model helpers shared by the apps."""

import os
import uuid
from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from .search import fold_fields


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class SearchTextModel(models.Model):
    """Keeps a folded copy of the fields visitors search in ``search_text``.

    Folding every row's fields while searching costs seconds once there are tens of thousands
    of rows; a column folded when the row is saved is compared in milliseconds. The copy is
    derived data, so it is rebuilt on every save; code that writes rows in bulk calls
    :meth:`build_search_text` itself.
    """

    SEARCH_TEXT_FIELDS: ClassVar[tuple[str, ...]] = ()

    search_text = models.TextField(_("search text"), blank=True, default="", editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        self.search_text = self.build_search_text()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    def build_search_text(self) -> str:
        return fold_fields(getattr(self, name) for name in self.SEARCH_TEXT_FIELDS)


class PublishedQuerySet(models.QuerySet):
    """For content with an ``is_published`` flag: public reads start from ``published()``."""

    def published(self):
        return self.filter(is_published=True)


def generated_upload_name(folder: str, filename: str) -> str:
    """Stored files get a random name: the uploader's file name is never used on disk."""
    extension = os.path.splitext(filename)[1].lower()
    return f"{folder}/{uuid.uuid4().hex}{extension}"
