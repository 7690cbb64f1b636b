"""Redis stopped or hung: the portal still answers, quickly, with a message where one is due.

Redis backs the cache (cached pages, allauth's login limits) and the broker in production. The
cache and the Celery app are pointed at a closed port (Redis stopped) and at a socket that
accepts connections and never answers (Redis hung); every request must then answer within a
few seconds without a server error.
"""

import os
import runpy
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.test import override_settings

from core import dispatch
from network_portal.celery import app as celery_app
from reports.models import ReportRun

# A request must never wait on a dead Redis for longer than this.
TIME_BOUND_SECONDS = 10


def production_redis_settings(url: str) -> dict:
    """What settings.py configures for the cache and the broker when REDIS_URL is ``url``."""
    with mock.patch.dict(os.environ, {"REDIS_URL": url, "CELERY_BROKER_URL": ""}):
        return runpy.run_path(str(Path(settings.BASE_DIR) / "network_portal" / "settings.py"))


@pytest.fixture(params=["stopped", "hung"])
def dead_redis(request, monkeypatch, silent_port, closed_port):
    """Cache and broker both at a Redis that is stopped or hung, for the length of a test."""
    port = closed_port if request.param == "stopped" else silent_port
    configured = production_redis_settings(f"redis://127.0.0.1:{port}/0")
    saved_conf = {key: celery_app.conf[key] for key in ("broker_url", "broker_transport_options")}
    saved_pools = (celery_app._pool, celery_app.amqp._producer_pool)
    # Sends to a hung broker outlive the request; they must end before the real broker returns.
    dispatcher = ThreadPoolExecutor(max_workers=2)
    monkeypatch.setattr(dispatch, "_executor", dispatcher)
    celery_app.conf["broker_url"] = configured["CELERY_BROKER_URL"]
    celery_app.conf["broker_transport_options"] = configured["CELERY_BROKER_TRANSPORT_OPTIONS"]
    celery_app._pool = None
    celery_app.amqp._producer_pool = None
    with override_settings(CACHES=configured["CACHES"]):
        yield request.param
    dispatcher.shutdown(wait=True)
    if celery_app._pool is not None:
        celery_app._pool.force_close_all()
    celery_app.conf.update(saved_conf)
    celery_app._pool, celery_app.amqp._producer_pool = saved_pools


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The root conftest clears the cache around each test; here the cache is the dead Redis."""
    yield


def timed(call):
    started = time.monotonic()
    response = call()
    if getattr(response, "streaming", False):
        b"".join(response.streaming_content)
    return response, time.monotonic() - started


PUBLIC_PAGES = [
    "/vi/",
    "/vi/members/",
    "/vi/members/greenhub/",
    "/vi/members/export.csv",
    "/vi/events/",
    "/vi/events/calendar/",
    "/vi/events/hoi-thao-tham-van/",
    "/vi/events/feed.ics",
    "/vi/initiatives/",
    "/vi/initiatives/results/",
    "/vi/pillars/gender-inclusion/",
    "/vi/reports/",
    "/vi/accounts/login/",
]


@pytest.mark.django_db
def test_public_pages_and_the_login_page_answer_without_redis(client, world, dead_redis):
    for url in PUBLIC_PAGES:
        response, seconds = timed(lambda url=url: client.get(url))
        assert response.status_code == 200, url
        assert seconds < TIME_BOUND_SECONDS, f"{url} took {seconds:.1f} s with Redis {dead_redis}"


@pytest.mark.django_db
def test_signing_in_works_or_says_why_without_redis(client, world, dead_redis):
    response, seconds = timed(
        lambda: client.post("/vi/accounts/login/", {"login": world.editor.email, "password": "sai"})
    )
    assert seconds < TIME_BOUND_SECONDS
    assert response.status_code == 200
    assert "không đúng" in response.content.decode()
    response, seconds = timed(
        lambda: client.post("/vi/accounts/login/", {"login": world.editor.email, "password": "Mat-khau-2026"})
    )
    assert seconds < TIME_BOUND_SECONDS
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


@pytest.mark.django_db(transaction=True)
def test_requesting_a_report_without_redis_gives_a_message_and_keeps_the_run(client, dead_redis, coordinator):
    # A real commit, so the dispatch runs inside the request as it does in production.
    client.force_login(coordinator)
    page, seconds = timed(lambda: client.get("/vi/reports/runs/"))
    assert page.status_code == 200 and seconds < TIME_BOUND_SECONDS
    response, seconds = timed(
        lambda: client.post(
            "/vi/reports/runs/", {"kind": "annual", "preset": "2025", "language": "vi", "formats": ["pdf"]}
        )
    )
    assert seconds < TIME_BOUND_SECONDS
    assert response.status_code == 302
    detail, seconds = timed(lambda: client.get(response["Location"]))
    assert detail.status_code == 200 and seconds < TIME_BOUND_SECONDS
    assert "sẽ tự động được lập khi hàng đợi hoạt động trở lại" in detail.content.decode()
    assert ReportRun.objects.get().status == ReportRun.Status.PENDING


@pytest.mark.django_db
def test_the_health_check_reports_the_broker_down_quickly(client, dead_redis):
    response, seconds = timed(lambda: client.get("/healthz"))
    assert seconds < TIME_BOUND_SECONDS
    assert response.status_code == 503
    assert response.json()["broker"]["ok"] is False
