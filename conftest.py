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


@pytest.fixture
def deliver_mail(db, mailoutbox):
    """``deliver_mail()``: send every mail waiting in the outbox table, as the worker's task
    does, and return what reached the (test) mail server."""
    from core.mail import mail_deliver
    from core.models import OutgoingMail

    def deliver() -> list:
        pending = OutgoingMail.objects.filter(status=OutgoingMail.Status.PENDING).order_by("pk")
        for pk in pending.values_list("pk", flat=True):
            mail_deliver(mail_id=pk)
        return mailoutbox

    return deliver


@pytest.fixture
def staff_in(db, django_user_model):
    """``staff_in(role, email=…)``: a staff account whose rights come from one role's group."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth.models import Group

    def make(role: str, *, email: str = "", language: str = "") -> object:
        from core.roles import roles_install

        # A test that empties the database removes what the migrations made; put the roles back.
        roles_install()
        email = email or f"{Group.objects.get(name=role).pk}-{django_user_model.objects.count()}@npap.test"
        user = django_user_model.objects.create_user(
            username=email, email=email, password="Mat-khau-2026", is_staff=True
        )
        user.groups.add(Group.objects.get(name=role))
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        if language:
            from core.mail import account_language_remember

            account_language_remember(user=user, language=language)
        return user

    return make


@pytest.fixture
def start_celery(settings, tmp_path):
    """``start_celery("worker")`` or ``start_celery("beat")``: a real Celery process of the portal
    on the test database and the configured broker, stopped at the end of the test (beat first).

    The test needs ``django_db(transaction=True)`` so the processes see its rows. The worker runs
    the solo pool and writes private files where the test reads them; beat reads the schedules
    from the database and looks at them every second. Each runs in an empty working directory,
    ``tmp_path / "workdir"``, and prints to ``tmp_path / "celery-<command>.log"``. Keyword
    arguments add environment variables (a mail backend, say).
    """
    import subprocess
    import sys
    from urllib.parse import quote

    from django.db import connection

    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    workdir = tmp_path / "workdir"
    workdir.mkdir()
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        database_url = f"sqlite:///{db['NAME']}"
    else:
        login = quote(db["USER"] or "postgres") + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
        database_url = f"postgres://{login}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    options = {
        "worker": ["--pool", "solo", "--without-gossip", "--without-mingle", "--without-heartbeat"],
        "beat": [
            "--scheduler",
            "django_celery_beat.schedulers:DatabaseScheduler",
            "--max-interval",
            "1",
            "--pidfile",
            str(settings.VAR_DIR / "celerybeat-test.pid"),
        ],
    }
    processes = []
    from network_portal.celery import app

    # Tasks queued by earlier tests (their rows gone, their ids reused) must not reach this
    # test's worker: it would send this test's mail twice.
    app.control.purge()

    def start(command: str, **extra_env: str) -> subprocess.Popen:
        # Read when the process starts, after the test has placed its files.
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(
                filter(None, [str(settings.BASE_DIR), os.environ.get("PYTHONPATH")])
            ),
            "DATABASE_URL": database_url,
            "DJANGO_PRIVATE_MEDIA_ROOT": str(settings.PRIVATE_MEDIA_ROOT),
            "DJANGO_MEDIA_ROOT": str(settings.MEDIA_ROOT),
            **extra_env,
        }
        with (tmp_path / f"celery-{command}.log").open("a") as log:
            process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "celery",
                    "-A",
                    "network_portal",
                    command,
                    "--loglevel",
                    "INFO",
                    *options[command],
                ],
                cwd=workdir,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        processes.append(process)
        return process

    yield start
    for process in reversed(processes):
        if process.poll() is None:
            process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def migrated_rows(db) -> None:
    """The rows data migrations create (roles, schedules), put back where a test that emptied
    the database (``transaction=True``) removed them. Each migration's function is idempotent."""
    from importlib import import_module

    from django.apps import apps

    from core.roles import roles_install

    roles_install()
    import_module("reports.migrations.0002_report_schedules").create_schedules(apps, None)
    # The mail sweep's migration (network_portal 0005) named the task where it was then.
    from django_celery_beat.models import IntervalSchedule, PeriodicTask

    sweep = import_module("network_portal.migrations.0005_mail_roles_and_sweep").SWEEP
    every_five, _ = IntervalSchedule.objects.get_or_create(every=5, period="minutes")
    PeriodicTask.objects.get_or_create(
        name=sweep, defaults={"task": "core.tasks.sweep_mail", "interval": every_five}
    )
