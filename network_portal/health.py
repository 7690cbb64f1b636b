"""Health of the services the portal depends on, each check bounded in time."""

import os
import time
import uuid
from pathlib import Path

from django.db import connection
from kombu import Connection

BROKER_TIMEOUT_SECONDS = 1.0
WORKER_TIMEOUT_SECONDS = 5.0


def check_database() -> dict:
    started = time.monotonic()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any driver error means the database is unusable
        return {"ok": False, "error": exc.__class__.__name__}
    return {"ok": True, "ms": round((time.monotonic() - started) * 1000, 1)}


def check_broker(url: str | None = None, transport_options: dict | None = None) -> dict:
    """Connect to the broker once, with short timeouts, and report what happened."""
    from network_portal.celery import app

    url = url or app.conf.broker_url
    options = transport_options if transport_options is not None else app.conf.broker_transport_options
    started = time.monotonic()
    if url.startswith("filesystem://"):
        folder = Path(options.get("data_folder_in", ""))
        ok = folder.is_dir() and os.access(folder, os.W_OK)
        result = {"ok": ok, "transport": "filesystem"}
        if not ok:
            result["error"] = "queue folder missing or not writable"
        return result
    options = {
        **options,
        "socket_timeout": BROKER_TIMEOUT_SECONDS,
        "socket_connect_timeout": BROKER_TIMEOUT_SECONDS,
    }
    conn = Connection(url, connect_timeout=BROKER_TIMEOUT_SECONDS, transport_options=options)
    try:
        conn.ensure_connection(
            max_retries=1, interval_start=0, interval_step=0, timeout=BROKER_TIMEOUT_SECONDS
        )
        # Connecting alone can succeed on a socket that never answers; a round trip proves it.
        client = getattr(conn.default_channel, "client", None)
        if client is not None and hasattr(client, "ping"):
            client.ping()
    except Exception as exc:  # refused, timed out, bad credentials: all mean unhealthy
        return {"ok": False, "transport": conn.transport_cls, "error": exc.__class__.__name__}
    finally:
        conn.release()
    return {"ok": True, "transport": conn.transport_cls, "ms": round((time.monotonic() - started) * 1000, 1)}


def check_worker(timeout: float = WORKER_TIMEOUT_SECONDS) -> dict:
    """Send a task from this process and wait briefly for a worker to answer it."""
    from core.tasks import ping

    token = uuid.uuid4().hex
    started = time.monotonic()
    try:
        answer = ping.apply_async(args=[token], expires=timeout).get(timeout=timeout)
    except Exception as exc:  # no worker, broker gone or result lost: all mean no answer
        return {"ok": False, "error": exc.__class__.__name__}
    if answer != f"pong:{token}":
        return {"ok": False, "error": "unexpected answer"}
    return {"ok": True, "ms": round((time.monotonic() - started) * 1000, 1)}


def health(*, with_worker: bool = False) -> dict:
    checks = {"database": check_database(), "broker": check_broker()}
    # Only on request: a round trip through a worker costs a task and up to a few seconds.
    if with_worker and checks["broker"]["ok"]:
        checks["worker"] = check_worker()
    ok = all(check["ok"] for check in checks.values())
    return {"status": "ok" if ok else "unhealthy", **checks}
