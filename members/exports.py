"""The member directory as CSV (UTF-8 with BOM, so Excel reads Vietnamese) or Excel.

Public exports carry what the public pages show. Private contact fields are added only for
coordinators, from the admin.
"""

import csv
import io
from collections.abc import Iterable, Iterator

import xlsxwriter
from django.db.models import QuerySet
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Organisation
from .selectors import (
    current_focal_point,
    current_membership,
    membership_status_label,
    with_current_focal_point,
    with_current_membership,
)

CHUNK = 500


class _Echo:
    """A file-like object whose write returns the line, for streaming csv.writer output."""

    def write(self, value: str) -> str:
        return value


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


def _filename(fmt: str) -> str:
    return f"npap-members-{timezone.localdate():%Y-%m-%d}.{fmt}"


def _csv_stream(rows: Iterable[list], headers: list[str]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff"
    yield writer.writerow(headers)
    for row in rows:
        yield writer.writerow(row)


def directory_response(organisations: QuerySet[Organisation], *, fmt: str, private: bool) -> HttpResponse:
    headers = _headers(private)
    rows = _rows(organisations, private)
    if fmt == "csv":
        response = StreamingHttpResponse(_csv_stream(rows, headers), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        buffer = io.BytesIO()
        # constant_memory writes each row out as it goes instead of keeping the sheet in memory.
        workbook = xlsxwriter.Workbook(buffer, {"constant_memory": True, "in_memory": False})
        sheet = workbook.add_worksheet(_("Members")[:31])
        bold = workbook.add_format({"bold": True})
        sheet.write_row(0, 0, headers, bold)
        sheet.freeze_panes(1, 0)
        sheet.set_column(0, 1, 45)
        sheet.set_column(2, len(headers) - 1, 20)
        for index, row in enumerate(rows, start=1):
            sheet.write_row(index, 0, row)
        workbook.close()
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{_filename(fmt)}"'
    return response
