"""Fixtures for the browser journeys: a real Celery worker beside the live server."""

import pytest


@pytest.fixture
def worker(live_server, start_celery, tmp_path):
    """``worker.start(**env)`` launches a Celery worker on the same database, broker and files
    as the live server; ``env`` adds environment variables (a mail backend, say). It asks for
    ``live_server`` first so that it stops before the test database is flushed or dropped, which
    a connected worker would block."""

    class Worker:
        log_path = tmp_path / "celery-worker.log"

        def start(self, **extra_env: str) -> None:
            start_celery("worker", **extra_env)

        def log_tail(self) -> str:
            return self.log_path.read_text(errors="replace")[-3000:] if self.log_path.exists() else ""

    return Worker()
