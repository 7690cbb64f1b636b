"""Fixtures shared by every app's tests."""

import os
import shutil
import socket
import threading

import pytest
from django.core.cache import cache

# Playwright's sync API runs an event loop in the test thread; Django would otherwise refuse
# database access from that thread although nothing runs concurrently in it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters and cached pages must not leak from one test into the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def silent_port():
    """A local TCP port that accepts connections and never answers: a hung Redis or broker."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    accepted, stop = [], threading.Event()

    def accept():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join()
    for conn in accepted:
        conn.close()
    listener.close()


@pytest.fixture
def closed_port() -> int:
    """A local TCP port nothing listens on: a stopped Redis or broker."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


@pytest.fixture
def page_queries(db):
    """``page_queries(client, url)``: how many queries building the page takes. Cached pages
    and figures are cleared first, so the count is that of the page itself."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(client, url: str, data: dict | None = None) -> int:
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, data)
        assert response.status_code == 200, url
        return len(queries)

    return count


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Browser tests need Debian's chromium at {CHROMIUM} (apt-get install -y chromium).")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture
def coordinator(db, django_user_model):
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.create_user(
        username="dieuphoi",
        email="dieuphoi@npap.test",
        password="Mat-khau-2026",
        is_staff=True,
        is_superuser=True,
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # The visitors are mostly in Vietnam; their browsers ask for Vietnamese first.
    return {**browser_context_args, "locale": "vi-VN", "timezone_id": "Asia/Ho_Chi_Minh"}


@pytest.fixture
def editor_of(db):
    """``editor_of(organisation)``: a signed-up account approved to edit that organisation."""
    from members.tests.factories import EditorRequestFactory

    def make(organisation):
        return EditorRequestFactory(organisation=organisation).user

    return make
