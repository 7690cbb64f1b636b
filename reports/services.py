"""Requesting, building, retrying and publishing report runs.

A run is a row. The request creates it as PENDING and, once the transaction commits, sends its
primary key to the broker. The worker claims it with a conditional update (PENDING → RUNNING),
so a duplicate message, a second worker or a retry after a lost acknowledgement can never
build it twice at the same time. Files are written under a temporary name and moved into place;
a failure records the error and leaves the run for a retry. Runs the broker never delivered,
or whose worker died, are picked up again by :func:`report_runs_sweep`.
"""

import logging
import os
import tempfile
import traceback
from datetime import date, timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import InterfaceError, OperationalError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core import roles
from core.dispatch import DISPATCH_TIMEOUT_SECONDS, NotDispatched, send_task
from core.images import CleanImage, image_store
from core.mail import Notice, mail_notify_all
from core.models import unique_slug

from . import content, renderers
from .models import PublishedReport, ReportFile, ReportRun

logger = logging.getLogger(__name__)

# A running run with no sign of life for this long lost its worker; the sweep starts it again.
STALE_RUNNING_AFTER = timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 300)
# A pending run older than this was probably never delivered (the broker was down).
STALE_PENDING_AFTER = timedelta(minutes=2)


def report_run_dispatch(*, run_id: int, timeout: float = DISPATCH_TIMEOUT_SECONDS) -> bool:
    """Hand the run to the broker; on failure or timeout note it on the run and return False.

    If a timed-out send completes later anyway, the conditional claim keeps the build single.
    """
    from .tasks import build_report

    try:
        send_task(build_report, args=[run_id], timeout=timeout)
    except NotDispatched as failure:
        if failure.timed_out:
            note = _(
                "The task queue did not answer in time; the report will start automatically when it is back."
            )
        else:
            note = _("The task queue is unavailable; the report will start automatically when it is back.")
        ReportRun.objects.filter(pk=run_id).update(dispatch_note=note)
        return False
    ReportRun.objects.filter(pk=run_id).exclude(dispatch_note="").update(dispatch_note="")
    return True


@transaction.atomic
def report_run_request(
    *,
    kind: str,
    period_start: date,
    period_end: date,
    language: str,
    formats: list[str],
    requested_by: AbstractBaseUser | None,
    pillar=None,
) -> ReportRun:
    if kind in (ReportRun.Kind.PILLAR, ReportRun.Kind.NEWSLETTER) and pillar is None:
        raise ValidationError({"pillar": _("Choose the pillar this report is about.")})
    if not formats:
        raise ValidationError({"formats": _("Choose at least one format.")})
    run = ReportRun(
        kind=kind,
        period_start=period_start,
        period_end=period_end,
        language=language,
        formats=sorted(set(formats), key=[f.value for f in ReportRun.Format].index),
        pillar=pillar,
        requested_by=requested_by,
    )
    run.full_clean()
    run.save()
    transaction.on_commit(lambda: report_run_dispatch(run_id=run.pk))
    return run


def _claim(run_id: int) -> bool:
    now = timezone.now()
    claimed = ReportRun.objects.filter(pk=run_id, status=ReportRun.Status.PENDING).update(
        status=ReportRun.Status.RUNNING,
        started_at=now,
        heartbeat_at=now,
        finished_at=None,
        progress=0,
        progress_note="",
        error="",
        dispatch_note="",
        attempts=F("attempts") + 1,
    )
    return claimed == 1


def _progress(run_id: int, percent: int, note: str) -> None:
    ReportRun.objects.filter(pk=run_id, status=ReportRun.Status.RUNNING).update(
        progress=min(99, max(0, percent)), progress_note=note[:200], heartbeat_at=timezone.now()
    )


def report_run_build(*, run_id: int) -> bool:
    """Build every requested format of the run. Returns True when the files are ready, False
    when another worker has the run or the build failed (the error is kept on the run)."""
    if not _claim(run_id):
        return False
    run = ReportRun.objects.select_related("pillar").get(pk=run_id)
    try:
        total = len(run.formats)
        # Each format gets its own document (large tables are generators, read once), but the
        # figures the sections share are read from the database once for all formats.
        data = content.ReportData(run)
        for index, fmt in enumerate(run.formats):
            base = int(100 * index / total)
            _progress(run_id, base + 2, _("Building %(format)s") % {"format": fmt.upper()})
            document = content.build_document(run, data)

            def heartbeat(note: str, base=base, fmt=fmt) -> None:
                _progress(run_id, base + 5, f"{fmt.upper()} · {note}")

            _store_file(
                run,
                fmt,
                lambda path, document=document, fmt=fmt: renderers.write(document, fmt, path, heartbeat),
            )
            _progress(run_id, int(100 * (index + 1) / total), _("%(format)s ready") % {"format": fmt.upper()})
    except (OperationalError, InterfaceError):
        # The database went away mid-build: put the run back so the task's retry can claim it.
        ReportRun.objects.filter(pk=run_id).update(status=ReportRun.Status.PENDING, progress=0)
        raise
    except Exception as exc:
        logger.exception("Report run %s failed", run_id)
        ReportRun.objects.filter(pk=run_id).update(
            status=ReportRun.Status.FAILED,
            error=f"{exc.__class__.__name__}: {exc}\n\n{traceback.format_exc(limit=8)}"[:10000],
            finished_at=timezone.now(),
        )
        return False
    with transaction.atomic():
        ReportRun.objects.filter(pk=run_id).update(
            status=ReportRun.Status.SUCCEEDED, progress=100, progress_note="", finished_at=timezone.now()
        )
        _notify_ready(run)
    return True


def _notify_ready(run: ReportRun) -> None:
    """Tell the requester the files are ready; a scheduled draft is news for all report staff."""

    def compose() -> Notice:
        values = {"report": str(run)}
        return Notice(
            subject=_("Your report is ready: %(report)s") % values,
            paragraphs=[
                _("%(report)s has been built and can be downloaded.") % values
                if run.requested_by_id
                else _("The scheduled draft %(report)s has been built and can be downloaded.") % values
            ],
            details=[(_("Formats"), ", ".join(fmt.upper() for fmt in run.formats))],
            action_label=_("Open the report"),
            action_path=run.get_absolute_url(),
        )

    recipients = [run.requested_by] if run.requested_by_id else roles.users_with_perm(roles.BUILD_REPORTS)
    mail_notify_all(users=recipients, kind="report-ready", key=f"{run.pk}:{run.attempts}", compose=compose)


def _store_file(run: ReportRun, fmt: str, write) -> None:
    """Write to a temporary file beside the destination, then keep exactly one file per format."""
    folder = Path(settings.PRIVATE_MEDIA_ROOT) / "tmp"
    folder.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=folder, suffix=f".{fmt}")
    os.close(handle)
    path = Path(name)
    try:
        write(path)
        with transaction.atomic():
            old = ReportFile.objects.select_for_update().filter(run=run, format=fmt).first()
            report_file = old or ReportFile(run=run, format=fmt)
            previous_name = report_file.file.name if old else ""
            with path.open("rb") as handle_in:
                report_file.file.save(f"run-{run.pk}-{fmt}.{fmt}", File(handle_in), save=False)
            report_file.size = path.stat().st_size
            report_file.save()
            if previous_name and previous_name != report_file.file.name:
                storage = report_file.file.storage
                transaction.on_commit(lambda: storage.delete(previous_name))
    finally:
        path.unlink(missing_ok=True)


@transaction.atomic
def report_run_retry(*, run: ReportRun) -> ReportRun:
    if run.status != ReportRun.Status.FAILED:
        raise ValidationError(_("Only a failed report can be retried."))
    ReportRun.objects.filter(pk=run.pk, status=ReportRun.Status.FAILED).update(
        status=ReportRun.Status.PENDING, progress=0, progress_note="", finished_at=None
    )
    transaction.on_commit(lambda: report_run_dispatch(run_id=run.pk))
    run.refresh_from_db()
    return run


def report_runs_sweep(*, now=None) -> dict[str, int]:
    """Start again what was lost: pending runs never delivered, running runs whose worker died."""
    now = now or timezone.now()
    stale = list(
        ReportRun.objects.filter(
            status=ReportRun.Status.RUNNING, heartbeat_at__lt=now - STALE_RUNNING_AFTER
        ).values_list("pk", flat=True)
    )
    revived = ReportRun.objects.filter(pk__in=stale, status=ReportRun.Status.RUNNING).update(
        status=ReportRun.Status.PENDING, progress_note=_("Restarted after the worker stopped answering.")
    )
    # Never delivered: old pending runs, and recent ones whose dispatch failed.
    undelivered = ReportRun.objects.filter(status=ReportRun.Status.PENDING).filter(
        Q(created_at__lt=now - STALE_PENDING_AFTER) | ~Q(dispatch_note="")
    )
    pending = stale + list(undelivered.values_list("pk", flat=True))
    dispatched = sum(report_run_dispatch(run_id=pk) for pk in dict.fromkeys(pending))
    return {"revived": revived, "dispatched": dispatched}


@transaction.atomic
def report_publish(
    *,
    report_file: ReportFile,
    title: str,
    summary: str,
    cover: CleanImage | None,
    published_by: AbstractBaseUser,
) -> PublishedReport:
    run = report_file.run
    if run.status != ReportRun.Status.SUCCEEDED:
        raise ValidationError(_("Only a finished report can be published."))
    base = slugify(f"{run.kind}-{run.period_end.year}-{title}") or f"report-{run.pk}"
    published = PublishedReport(
        slug=unique_slug(PublishedReport.objects.all(), base, max_length=100),
        title=title,
        summary=summary,
        kind=run.kind,
        pillar=run.pillar,
        year=run.period_end.year,
        language=run.language,
        file=report_file,
        published_by=published_by,
    )
    published.full_clean(exclude=["cover", "cover_thumbnail"])
    published.save()
    if cover is not None:
        image_store(published, clean=cover, field="cover", thumbnail="cover_thumbnail")
        published.save(update_fields=["cover", "cover_thumbnail"])
    return published


def report_period_for(kind: str, today: date) -> tuple[date, date]:
    """The period just ended that a scheduled report of this kind covers."""
    if kind == ReportRun.Kind.ANNUAL:
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    if kind == ReportRun.Kind.SIX_MONTH:
        # Built in July for January–June; earlier in the year it means the previous July–December.
        if today.month >= 7:
            return date(today.year, 1, 1), date(today.year, 6, 30)
        return date(today.year - 1, 7, 1), date(today.year - 1, 12, 31)
    quarter_start_month = 3 * ((today.month - 1) // 3) + 1
    this_quarter = date(today.year, quarter_start_month, 1)
    end = this_quarter - timedelta(days=1)
    return date(end.year, 3 * ((end.month - 1) // 3) + 1, 1), end


def report_schedule(*, kind: str, today: date | None = None) -> list[ReportRun]:
    """Create the scheduled drafts for the period just ended (one per pillar for newsletters)."""
    from vocabulary.models import Pillar

    today = today or timezone.localdate()
    start, end = report_period_for(kind, today)
    formats = [ReportRun.Format.PDF, ReportRun.Format.DOCX]
    pillars = list(Pillar.objects.published()) if kind == ReportRun.Kind.NEWSLETTER else [None]
    runs = []
    for pillar in pillars:
        exists = ReportRun.objects.filter(
            kind=kind, period_start=start, period_end=end, pillar=pillar, requested_by__isnull=True
        ).exists()
        if not exists:  # beat may fire twice around a restart; one draft per period is enough
            runs.append(
                report_run_request(
                    kind=kind,
                    period_start=start,
                    period_end=end,
                    language=settings.LANGUAGE_CODE,
                    formats=formats,
                    requested_by=None,
                    pillar=pillar,
                )
            )
    return runs
