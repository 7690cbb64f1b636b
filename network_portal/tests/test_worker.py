"""A task sent from the web process is executed by a real worker process on the configured
broker (kombu's filesystem transport by default, Redis when REDIS_URL is set)."""

import os
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings

from core.tasks import ping

BASE_DIR = Path(settings.BASE_DIR)


@pytest.fixture
def worker(start_celery) -> str:
    """A real worker process consuming the default queue, whose name is returned."""
    start_celery("worker")
    return "celery"


def test_a_real_worker_executes_a_task_sent_by_the_web_process(worker):
    token = uuid.uuid4().hex
    result = ping.apply_async(args=[token], queue=worker)
    assert result.get(timeout=60) == f"pong:{token}"


@pytest.mark.django_db
def test_the_health_check_proves_a_worker_answers(worker, client):
    # The worker needs a moment to start; the first check may come before it listens.
    for _ in range(30):
        body = client.get("/healthz?worker=1").json()
        if body["worker"]["ok"]:
            break
    assert body["status"] == "ok"
    assert body["worker"]["ok"] is True


@pytest.mark.django_db
def test_the_health_check_reports_no_worker_as_unhealthy(client):
    started = time.monotonic()
    response = client.get("/healthz?worker=1")
    assert time.monotonic() - started < 10
    assert response.status_code == 503
    assert response.json()["worker"]["ok"] is False


def test_the_broker_is_the_one_the_environment_names():
    from network_portal.celery import app

    if os.environ.get("CELERY_BROKER_URL") or os.environ.get("REDIS_URL"):
        assert app.conf.broker_url.startswith("redis://")
    else:
        assert app.conf.broker_url == "filesystem://"
        assert Path(app.conf.broker_transport_options["data_folder_in"]).is_dir()
