"""A real worker builds a requested report; when that worker is killed mid-build, the sweep and
a restarted worker finish the run (on the filesystem broker and on Redis alike)."""

import os
import signal
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from members.tests.factories import OrganisationFactory, ProvinceFactory
from reports import services
from reports.models import ReportRun

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def private_root(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def start_worker(private_root, start_celery):
    return lambda: start_celery("worker")


def wait_for(run: ReportRun, statuses: set[str], timeout: float) -> ReportRun:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        run.refresh_from_db()
        if run.status in statuses:
            return run
        time.sleep(0.2)
    raise AssertionError(
        f"run stayed {run.status} ({run.progress}%, {run.progress_note} {run.dispatch_note}) for {timeout}s"
    )


def request_directory(formats: list[str]) -> ReportRun:
    return services.report_run_request(
        kind="member_directory",
        period_start=timezone.localdate().replace(month=1, day=1),
        period_end=timezone.localdate(),
        language="vi",
        formats=formats,
        requested_by=None,
    )


def test_a_worker_builds_a_requested_report(start_worker, private_root):
    OrganisationFactory(name_vi="Trung tâm Nghiên cứu Môi trường và Cộng đồng", acronym="CECR")
    start_worker()
    run = wait_for(request_directory(["csv", "xlsx"]), {"succeeded", "failed"}, timeout=90)
    assert run.status == "succeeded", run.error
    assert {f.format for f in run.files.all()} == {"csv", "xlsx"}
    assert all(Path(private_root, f.file.name).exists() for f in run.files.all())


def test_a_killed_workers_run_completes_after_restart(start_worker, private_root):
    hanoi = ProvinceFactory()
    OrganisationFactory.create_batch(1500, province=hanoi)
    worker = start_worker()
    run = wait_for(request_directory(["pdf", "docx", "xlsx", "csv"]), {"running"}, timeout=90)
    time.sleep(1)
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait(timeout=10)
    run.refresh_from_db()
    assert run.status == "running", "the build finished before the worker could be stopped"

    # The sweep, run by beat every few minutes, finds the run silent for too long.
    later = timezone.now() + services.STALE_RUNNING_AFTER + timedelta(minutes=1)
    assert services.report_runs_sweep(now=later)["revived"] == 1
    start_worker()
    run = wait_for(run, {"succeeded", "failed"}, timeout=240)
    assert run.status == "succeeded", run.error
    assert run.attempts == 2
    assert run.files.count() == 4
