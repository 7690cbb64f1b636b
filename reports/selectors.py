"""Reads for report runs and the public library."""

from django.db.models import QuerySet

from core.facets import count_by
from core.params import whole_number
from core.search import accent_insensitive_search

from .models import PublishedReport, ReportFile, ReportRun


def report_runs_recent(*, limit: int = 50) -> QuerySet[ReportRun]:
    return ReportRun.objects.select_related("pillar", "requested_by").prefetch_related("files")[:limit]


def report_run_get(*, pk: int) -> ReportRun | None:
    return (
        ReportRun.objects.select_related("pillar", "requested_by")
        .prefetch_related("files")
        .filter(pk=pk)
        .first()
    )


def report_file_get(*, pk: int) -> ReportFile | None:
    return ReportFile.objects.select_related("run", "run__pillar").filter(pk=pk).first()


def published_reports(*, filters: dict) -> QuerySet[PublishedReport]:
    reports = PublishedReport.objects.filter(is_published=True).select_related("pillar", "file")
    kind = filters.get("kind")
    if kind in ReportRun.Kind.values:
        reports = reports.filter(kind=kind)
    pillar = filters.get("pillar")
    if pillar:
        reports = reports.filter(pillar__code=pillar[:40], pillar__is_published=True)
    year = whole_number(filters.get("year"), max_digits=4)
    if year is not None:
        reports = reports.filter(year=year)
    return reports


def published_report_years() -> list[int]:
    return list(
        PublishedReport.objects.filter(is_published=True)
        .values_list("year", flat=True)
        .distinct()
        .order_by("-year")
    )


def published_report_get(*, slug: str) -> PublishedReport | None:
    return published_reports(filters={}).filter(slug=slug).first()


def published_reports_matching(
    *, query: str = "", pillar: str = "", year: int | None = None, language: str = ""
) -> QuerySet[PublishedReport]:
    """The published reports the knowledge hub lists beside its resources: words of ``query``
    in the title or summary (diacritics ignored), the pillar by code, the year, the language."""
    reports = accent_insensitive_search(
        PublishedReport.objects.filter(is_published=True), query, ["title", "summary"]
    )
    if pillar:
        reports = reports.filter(pillar__code=pillar[:40], pillar__is_published=True)
    if year is not None:
        reports = reports.filter(year=year)
    if language:
        reports = reports.filter(language=language)
    return reports


def published_report_counts(reports: QuerySet[PublishedReport], *, by: str) -> dict:
    """How many of ``reports`` have each pillar (by code), year or language, in one grouped query."""
    path = {"pillar": "pillar__code", "year": "year", "language": "language"}[by]
    if by == "pillar":
        reports = reports.filter(pillar__is_published=True)
    return count_by(reports, path)
