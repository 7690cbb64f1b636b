"""Abstract models and model helpers shared by the apps."""

import os
import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class PublishedQuerySet(models.QuerySet):
    """For content with an ``is_published`` flag: public reads start from ``published()``."""

    def published(self):
        return self.filter(is_published=True)


def generated_upload_name(folder: str, filename: str) -> str:
    """Stored files get a random name: the uploader's file name is never used on disk."""
    extension = os.path.splitext(filename)[1].lower()
    return f"{folder}/{uuid.uuid4().hex}{extension}"
