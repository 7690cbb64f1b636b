"""What the admin pages of initiatives share: links from one page of the results framework to
the next."""

from django.db.models import Model
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _


def change_url(obj: Model) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def change_link(obj: Model | None, label: str | None = None) -> str:
    if obj is None or obj.pk is None:
        return "—"
    return format_html('<a href="{}">{}</a>', change_url(obj), label or _("Open"))
