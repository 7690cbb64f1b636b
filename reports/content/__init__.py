"""What each kind of report says: a :class:`Document` built from the portal's data.

Every figure comes from the selectors of the app that owns it, with the same rules as the
public pages: unpublished items are never counted. The figures the sections share are read once
per run (:class:`ReportData`), whatever the number of sections and formats.

The package is split by job: :mod:`.data` reads the figures a report needs, :mod:`.narrative`
builds the narrative reports, :mod:`.exports` the tabular exports; this module picks the
builder for a run's kind.
"""

from collections.abc import Callable

from django.utils import translation

from ..documents import Document
from ..models import ReportRun
from .data import ReportData
from .exports import (
    build_event_attendance,
    build_indicator_results,
    build_indicator_values,
    build_member_directory,
)
from .narrative import LIST_PRINT_ROWS, build_narrative

__all__ = ["BUILDERS", "LIST_PRINT_ROWS", "ReportData", "build_document"]

BUILDERS: dict[str, Callable[[ReportRun, ReportData], Document]] = {
    ReportRun.Kind.SIX_MONTH: build_narrative,
    ReportRun.Kind.ANNUAL: build_narrative,
    ReportRun.Kind.PILLAR: build_narrative,
    ReportRun.Kind.NEWSLETTER: build_narrative,
    ReportRun.Kind.MEMBER_DIRECTORY: build_member_directory,
    ReportRun.Kind.EVENT_ATTENDANCE: build_event_attendance,
    ReportRun.Kind.INDICATOR_RESULTS: build_indicator_results,
    ReportRun.Kind.INDICATOR_VALUES: build_indicator_values,
}


def build_document(run: ReportRun, data: ReportData | None = None) -> Document:
    """The run's document. Pass the same ``data`` to build it again in another format: what
    the sections share is then read from the database once."""
    with translation.override(run.language):
        return BUILDERS[run.kind](run, data or ReportData(run))
