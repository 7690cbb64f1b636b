"""Tables downloaded as CSV (UTF-8 with a byte-order mark, so Excel reads Vietnamese) or Excel,
written as they are read: a large table streams (CSV) or is written row by row (Excel) instead
of being held in memory."""

import csv
import io
from collections.abc import Iterable, Iterator

import xlsxwriter
from django.http import Http404, HttpResponse, StreamingHttpResponse

FORMATS = ("csv", "xlsx")


class _Echo:
    """A file-like object whose write returns the line, for streaming csv.writer output."""

    def write(self, value: str) -> str:
        return value


def _csv_stream(headers: list[str], rows: Iterable[list]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff"
    yield writer.writerow(headers)
    for row in rows:
        yield writer.writerow(row)


def table_response(
    *, fmt: str, headers: list[str], rows: Iterable[list], filename: str, sheet: str, wide_columns: int = 1
) -> HttpResponse:
    """The table as a download named ``filename`` (without its extension); 404 for another
    format. In Excel the heading row stays in view and the first ``wide_columns`` are wide."""
    if fmt == "csv":
        response = StreamingHttpResponse(_csv_stream(headers, rows), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        buffer = io.BytesIO()
        # constant_memory writes each row out as it goes instead of keeping the sheet in memory.
        workbook = xlsxwriter.Workbook(buffer, {"constant_memory": True, "in_memory": False})
        worksheet = workbook.add_worksheet(sheet[:31])
        worksheet.write_row(0, 0, headers, workbook.add_format({"bold": True}))
        worksheet.freeze_panes(1, 0)
        worksheet.set_column(0, wide_columns - 1, 45)
        worksheet.set_column(wide_columns, max(len(headers) - 1, wide_columns), 20)
        for index, row in enumerate(rows, start=1):
            worksheet.write_row(index, 0, row)
        workbook.close()
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
