"""Every schedule the migrations create is sent by django-celery-beat's own scheduler, the code
beat runs at each tick, and reaches the broker as the task it names."""

import json
import uuid

import pytest
from django_celery_beat import schedulers
from django_celery_beat.models import PeriodicTask

from network_portal.celery import app as celery_app

# Every schedule the migrations created, even after a test that emptied the database.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("migrated_rows")]

# The report schedules of reports/migrations/0002_report_schedules.py: (task, kind of report).
REPORT_SCHEDULES = {
    ("reports.tasks.sweep_report_runs", None),
    ("reports.tasks.schedule_report", "newsletter"),
    ("reports.tasks.schedule_report", "six_month"),
    ("reports.tasks.schedule_report", "annual"),
}


@pytest.fixture
def probe_queue():
    """A queue of its own on the configured broker, so what beat sends here is read back alone."""
    name = f"beat-probe-{uuid.uuid4().hex[:12]}"
    with celery_app.connection_for_write() as connection:
        queue = connection.SimpleQueue(name)
        yield name, connection, queue
        queue.clear()
        queue.close()
        connection.default_channel.queue_delete(name)


def test_beat_sends_every_schedule_the_migrations_create(probe_queue, monkeypatch):
    name, connection, queue = probe_queue
    # Beat drops its database connection between ticks to start afresh; here that connection
    # holds the test's transaction.
    monkeypatch.setattr(schedulers, "close_old_connections", lambda: None)
    rows = list(PeriodicTask.objects.enabled())
    assert {(row.task, json.loads(row.kwargs).get("kind")) for row in rows} >= REPORT_SCHEDULES
    PeriodicTask.objects.filter(pk__in=[row.pk for row in rows]).update(queue=name)

    # As beat starts: the task modules imported and the app finalized, so entries are sent as
    # the registered tasks, with their options, not as bare names.
    celery_app.loader.import_default_modules()
    celery_app.finalize()
    scheduler = schedulers.DatabaseScheduler(app=celery_app)
    # What beat has loaded at this hour: the intervals, and the crontabs whose hour is within two
    # of now. It loads each of the others in the hours around its time, as the entry built here.
    loaded = scheduler.schedule
    entries = [
        loaded.get(row.name) or scheduler.Entry(row, app=celery_app)
        for row in PeriodicTask.objects.filter(pk__in=[row.pk for row in rows])
    ]
    # Beat publishes through one producer on its own connection, declaring nothing in advance.
    producer = celery_app.amqp.Producer(connection, auto_declare=False)
    try:
        for entry in entries:
            scheduler.apply_async(entry, producer=producer)
    finally:
        scheduler.close()

    sent = {}
    for _ in entries:
        message = queue.get(timeout=10)
        args, kwargs, _embed = message.decode()
        hard, soft = message.headers["timelimit"]
        sent[message.headers["periodic_task_name"]] = (message.headers["task"], args, kwargs, soft < hard)
        message.ack()
    assert sent == {row.name: (row.task, json.loads(row.args), json.loads(row.kwargs), True) for row in rows}
