"""/healthz reports the database and the broker, and never hangs on a dead or hung broker."""

import time

import pytest

from network_portal.celery import app as celery_app


@pytest.mark.django_db
def test_healthz_reports_database_and_broker_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"]["ok"] is True
    assert body["broker"]["ok"] is True
    assert response["Cache-Control"].startswith("max-age=0")


@pytest.mark.django_db
def test_healthz_reports_a_stopped_broker_within_two_seconds(client, monkeypatch, closed_port):
    monkeypatch.setitem(celery_app.conf, "broker_url", f"redis://127.0.0.1:{closed_port}/0")
    started = time.monotonic()
    response = client.get("/healthz")
    assert time.monotonic() - started < 2
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unhealthy"
    assert body["broker"]["ok"] is False
    assert body["database"]["ok"] is True


@pytest.mark.django_db
def test_healthz_reports_a_hung_broker_within_two_seconds(client, monkeypatch, silent_port):
    monkeypatch.setitem(celery_app.conf, "broker_url", f"redis://127.0.0.1:{silent_port}/0")
    started = time.monotonic()
    response = client.get("/healthz")
    assert time.monotonic() - started < 2
    assert response.status_code == 503
    assert response.json()["broker"]["ok"] is False


@pytest.mark.django_db
def test_healthz_reports_an_unwritable_filesystem_queue(client, monkeypatch, tmp_path):
    monkeypatch.setitem(celery_app.conf, "broker_url", "filesystem://")
    monkeypatch.setitem(
        celery_app.conf, "broker_transport_options", {"data_folder_in": str(tmp_path / "missing")}
    )
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["broker"]["ok"] is False
