"""Beat and a worker, real processes on the test database and the configured broker (kombu's
filesystem transport by default, Redis when REDIS_URL is set), do the scheduled work: the sweep
that beat sends finds a report stranded while the broker was away and the worker builds it, and
beat creates a scheduled draft that the worker builds."""

import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from django_celery_beat.models import CrontabSchedule, IntervalSchedule, PeriodicTask

from core import dispatch
from members.tests.factories import OrganisationFactory
from network_portal.celery import app as celery_app
from reports import services
from reports.models import ReportRun

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("migrated_rows")]

WAIT_SECONDS = 90


@contextmanager
def broker_at(url: str, monkeypatch):
    """The web process's Celery app sends to ``url`` inside the block, to the real broker after."""
    saved_conf = {key: celery_app.conf[key] for key in ("broker_url", "broker_transport_options")}
    saved_pools = (celery_app._pool, celery_app.amqp._producer_pool)
    # A send still trying when the block ends must not reach the real broker.
    executor = ThreadPoolExecutor(max_workers=1)
    monkeypatch.setattr(dispatch, "_executor", executor)
    celery_app.conf["broker_url"] = url
    celery_app.conf["broker_transport_options"] = {"socket_timeout": 1, "socket_connect_timeout": 1}
    celery_app._pool = celery_app.amqp._producer_pool = None
    try:
        yield
    finally:
        executor.shutdown(wait=True)
        if celery_app._pool is not None:
            celery_app._pool.force_close_all()
        celery_app.conf.update(saved_conf)
        celery_app._pool, celery_app.amqp._producer_pool = saved_pools


def start_beat_and_worker(start_celery) -> None:
    # Only what beat sends from now on reaches the worker, nothing an earlier test left queued.
    celery_app.control.purge()
    start_celery("worker")
    start_celery("beat")


def log_of(tmp_path: Path, command: str) -> str:
    return (tmp_path / f"celery-{command}.log").read_text()


def log_tails(tmp_path: Path) -> str:
    return "\n".join(f"--- {command}\n{log_of(tmp_path, command)[-3000:]}" for command in ("beat", "worker"))


def wait_until_finished(find, tmp_path: Path) -> ReportRun:
    deadline, run = time.monotonic() + WAIT_SECONDS, None
    while time.monotonic() < deadline:
        run = find()
        if run is not None and run.status in (ReportRun.Status.SUCCEEDED, ReportRun.Status.FAILED):
            return run
        time.sleep(0.5)
    raise AssertionError(
        f"no finished run after {WAIT_SECONDS}s: {run and run.status}\n{log_tails(tmp_path)}"
    )


def private_file(report_file) -> Path:
    return Path(settings.PRIVATE_MEDIA_ROOT, report_file.file.name)


def test_the_sweep_from_beat_revives_a_run_stranded_while_the_broker_was_away(
    start_celery, closed_port, monkeypatch, tmp_path
):
    OrganisationFactory(name_vi="Trung tâm Nghiên cứu Môi trường và Cộng đồng", acronym="CECR")
    with broker_at(f"redis://127.0.0.1:{closed_port}/0", monkeypatch):
        stranded = services.report_run_request(
            kind=ReportRun.Kind.MEMBER_DIRECTORY,
            period_start=timezone.localdate().replace(month=1, day=1),
            period_end=timezone.localdate(),
            language="vi",
            formats=["csv"],
            requested_by=None,
        )
    stranded.refresh_from_db()
    assert stranded.status == ReportRun.Status.PENDING
    assert stranded.dispatch_note

    sweep = PeriodicTask.objects.get(task="reports.tasks.sweep_report_runs")
    sweep.interval = IntervalSchedule.objects.create(every=2, period=IntervalSchedule.SECONDS)
    sweep.save()
    start_beat_and_worker(start_celery)

    run = wait_until_finished(lambda: ReportRun.objects.get(pk=stranded.pk), tmp_path)
    assert run.status == ReportRun.Status.SUCCEEDED, run.error
    assert run.dispatch_note == ""
    assert private_file(run.files.get(format="csv")).read_text(encoding="utf-8-sig").count("CECR") == 1
    assert f"Sending due task {sweep.name} (reports.tasks.sweep_report_runs)" in log_of(tmp_path, "beat")
    assert "SchedulingError" not in log_of(tmp_path, "beat")
    # Beat and the worker keep what they write under the var folder.
    assert list((tmp_path / "workdir").iterdir()) == []


def test_beat_creates_the_scheduled_draft_and_the_worker_builds_it(start_celery, tmp_path):
    six_month = PeriodicTask.objects.get(task="reports.tasks.schedule_report", kwargs__contains='"six_month"')
    # Its own crontab fires on 10 July at 06:00. This one fires every minute, and a last run an
    # hour ago makes it due the moment beat starts.
    six_month.crontab = CrontabSchedule.objects.create(
        minute="*",
        hour="*",
        day_of_month="*",
        month_of_year="*",
        day_of_week="*",
        timezone="Asia/Ho_Chi_Minh",
    )
    six_month.last_run_at = timezone.now() - timedelta(hours=1)
    six_month.save()
    start_beat_and_worker(start_celery)

    draft = wait_until_finished(
        lambda: ReportRun.objects.filter(kind=ReportRun.Kind.SIX_MONTH, requested_by=None).first(), tmp_path
    )
    assert draft.status == ReportRun.Status.SUCCEEDED, draft.error
    assert (draft.period_start, draft.period_end) == services.report_period_for(
        ReportRun.Kind.SIX_MONTH, timezone.localdate()
    )
    files = {report_file.format: private_file(report_file) for report_file in draft.files.all()}
    assert set(files) == {"pdf", "docx"}
    assert files["pdf"].read_bytes().startswith(b"%PDF")
    assert f"Sending due task {six_month.name} (reports.tasks.schedule_report)" in log_of(tmp_path, "beat")
    # Beat fires this crontab again each minute; the period still has one draft.
    assert ReportRun.objects.filter(kind=ReportRun.Kind.SIX_MONTH).count() == 1
