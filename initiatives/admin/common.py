"""What the admin pages of initiatives share: links from one page of the results framework to
the next, and the choice of a part (a dimension's value)."""

from django.db.models import Model
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ..models import DimensionValue


def change_url(obj: Model) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def change_link(obj: Model | None, label: str | None = None) -> str:
    if obj is None or obj.pk is None:
        return "—"
    return format_html('<a href="{}">{}</a>', change_url(obj), label or _("Open"))


class DimensionValueChoicesMixin:
    """A part is named with its dimension ("Giới tính: Nữ"): the dimensions are read with the
    choices and the rows, not once for each of them."""

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("dimension_value__dimension")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is DimensionValue and "queryset" not in kwargs:
            kwargs["queryset"] = DimensionValue.objects.select_related("dimension")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
