"""The member directory as CSV (UTF-8 with BOM, so Excel reads Vietnamese) or Excel.

Public exports carry what the public pages show. Private contact fields are added only for
coordinators, from the admin.
"""

from collections.abc import Iterator

from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.tabular import table_response

from .models import Organisation
from .selectors import (
    current_focal_point,
    current_membership,
    membership_status_label,
    with_current_focal_point,
    with_current_membership,
)

CHUNK = 500


def _headers(private: bool) -> list[str]:
    headers = [
        _("Name (Vietnamese)"),
        _("Name (English)"),
        _("Acronym"),
        _("Kind"),
        _("Province"),
        _("Website"),
        _("Pillars"),
        _("Membership type"),
        _("Membership status"),
    ]
    if private:
        headers += [_("Focal point"), _("Email"), _("Phone")]
    return headers


def _rows(organisations: QuerySet[Organisation], private: bool) -> Iterator[list]:
    queryset = with_current_membership(organisations)
    if private:
        queryset = with_current_focal_point(queryset)
    queryset = queryset.select_related("province", "province__successor").prefetch_related(
        "pillar_participations__pillar"
    )
    for organisation in queryset.iterator(chunk_size=CHUNK):
        current = current_membership(organisation)
        row = [
            organisation.name_vi,
            organisation.name_en or "",
            organisation.acronym,
            organisation.get_kind_display(),
            organisation.province.current.name if organisation.province else "",
            organisation.website,
            "; ".join(
                p.pillar.name for p in organisation.pillar_participations.all() if p.pillar.is_published
            ),
            current.membership_type.name if current else "",
            membership_status_label(organisation),
        ]
        if private:
            focal_point = current_focal_point(organisation)
            focal = focal_point.person if focal_point else None
            row += [focal.full_name, focal.email, focal.phone] if focal else ["", "", ""]
        yield row


def directory_response(organisations: QuerySet[Organisation], *, fmt: str, private: bool) -> HttpResponse:
    return table_response(
        fmt=fmt,
        headers=_headers(private),
        rows=_rows(organisations, private),
        filename=f"npap-members-{timezone.localdate():%Y-%m-%d}",
        sheet=_("Members"),
        wide_columns=2,
    )
