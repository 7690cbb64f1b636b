"""The network portal project package: settings, URLs, the Celery app and shared pieces."""

from .celery import app as celery_app

__all__ = ("celery_app",)
