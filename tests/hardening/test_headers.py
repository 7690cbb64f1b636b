"""Security headers and cookie flags on every kind of response, with production settings.

Settings are read when Django starts, so a probe script runs in a fresh process with the
production environment (debug off, a secret key, a real host name) against its own SQLite
file: it migrates, adds a little data, requests one page of each kind over https and signs in,
then prints what it saw as JSON.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
HOST = "portal.example.org"

PROBE = """
import json
import sys

import django

django.setup()
from django.core.management import call_command

call_command("migrate", verbosity=0)
call_command("collectstatic", interactive=False, verbosity=0)

from pathlib import Path

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.test import Client

from events.tests.factories import EventFactory
from members.tests.factories import OrganisationFactory, UserFactory

OrganisationFactory(slug="greenhub")
EventFactory(slug="hoi-thao")
user = UserFactory(email="lan@greenhub.test")
EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
media = Path(settings.MEDIA_ROOT) / "logos"
media.mkdir(parents=True, exist_ok=True)
(media / "logo.png").write_bytes(b"\\x89PNG\\r\\n\\x1a\\n")

client = Client(HTTP_HOST=sys.argv[1])
pages = {
    "html page": "/vi/members/",
    "home page": "/vi/",
    "event page": "/vi/events/hoi-thao/",
    "admin login": "/vi/admin/login/",
    "sign-in page": "/vi/accounts/login/",
    "health check (JSON)": "/healthz",
    "iCalendar feed": "/vi/events/feed.ics",
    "CSV export": "/vi/members/export.csv",
    "Excel export": "/vi/members/export.xlsx",
    "static file": staticfiles_storage.url("css/site.css"),
    "media file": "/media/logos/logo.png",
    "not found": "/vi/khong-co-trang-nay/",
    "bad request": "/vi/members/%00/",
}
seen = {}
for kind, url in pages.items():
    response = client.get(url, secure=True)
    if response.streaming:
        b"".join(response.streaming_content)
    seen[kind] = {"status": response.status_code, "headers": dict(response.headers)}

def flags(response, name):
    morsel = response.cookies.get(name)
    if morsel is None:
        return None
    return {"secure": bool(morsel["secure"]), "httponly": bool(morsel["httponly"]), "samesite": morsel["samesite"]}

signed_in = client.post(
    "/vi/accounts/login/", {"login": user.email, "password": "Mat-khau-2026"}, secure=True
)
switched = client.get("/i18n/en/?next=/vi/", secure=True)
print(json.dumps({
    "pages": seen,
    "login_status": signed_in.status_code,
    "session": flags(signed_in, settings.SESSION_COOKIE_NAME),
    "csrf": flags(signed_in, settings.CSRF_COOKIE_NAME),
    "language": flags(switched, settings.LANGUAGE_COOKIE_NAME),
}))
"""


@pytest.fixture(scope="module")
def probe(tmp_path_factory):
    var = tmp_path_factory.mktemp("production")
    service_vars = {"DATABASE_URL", "DATABASE_CONN_MAX_AGE", "REDIS_URL", "CELERY_BROKER_URL"}
    env = {
        key: value
        for key, value in os.environ.items()
        if key == "DJANGO_SETTINGS_MODULE" or not (key.startswith("DJANGO_") or key in service_vars)
    }
    env.update(
        {
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": HOST,
            # Production leaves uploads to the proxy; served here so their headers are checked too.
            "DJANGO_SERVE_MEDIA": "1",
            "DJANGO_LOG_LEVEL": "ERROR",
            "PORTAL_VAR_DIR": str(var),
        }
    )
    result = subprocess.run(
        [sys.executable, "-c", PROBE, HOST],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-5000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


KINDS = [
    "html page",
    "home page",
    "event page",
    "admin login",
    "sign-in page",
    "health check (JSON)",
    "iCalendar feed",
    "CSV export",
    "Excel export",
    "static file",
    "media file",
    "not found",
    "bad request",
]


def test_each_kind_of_response_was_probed(probe):
    statuses = {kind: page["status"] for kind, page in probe["pages"].items()}
    assert statuses == {
        "html page": 200,
        "home page": 200,
        "event page": 200,
        "admin login": 302,
        "sign-in page": 200,
        "health check (JSON)": statuses["health check (JSON)"],
        "iCalendar feed": 200,
        "CSV export": 200,
        "Excel export": 200,
        "static file": 200,
        "media file": 200,
        "not found": 404,
        "bad request": 400,
    }
    assert statuses["health check (JSON)"] in (200, 503)


@pytest.mark.parametrize("kind", KINDS)
def test_every_response_carries_the_transport_and_sniffing_headers(probe, kind):
    headers = probe["pages"][kind]["headers"]
    assert headers.get("Strict-Transport-Security") == "max-age=31536000; includeSubDomains; preload"
    assert headers.get("X-Content-Type-Options") == "nosniff"
    assert headers.get("Referrer-Policy") == "same-origin"
    assert headers.get("Cross-Origin-Opener-Policy") == "same-origin"


# Static files are answered by WhiteNoise ahead of the rest of the middleware: they are the
# portal's own stylesheets, scripts and fonts, which nobody frames and which run nothing.
@pytest.mark.parametrize("kind", [kind for kind in KINDS if kind != "static file"])
def test_every_response_forbids_framing_and_foreign_content(probe, kind):
    headers = probe["pages"][kind]["headers"]
    assert headers.get("X-Frame-Options") == "DENY"
    policy = headers.get("Content-Security-Policy", "")
    for directive in (
        "default-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
    ):
        assert directive in policy, (kind, policy)
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_downloads_say_what_they_are(probe):
    pages = probe["pages"]
    assert pages["iCalendar feed"]["headers"]["Content-Type"].startswith("text/calendar")
    assert pages["CSV export"]["headers"]["Content-Type"].startswith("text/csv")
    assert pages["Excel export"]["headers"]["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    for kind in ("CSV export", "Excel export"):
        assert pages[kind]["headers"]["Content-Disposition"].startswith("attachment;")
    assert pages["health check (JSON)"]["headers"]["Content-Type"] == "application/json"


def test_session_and_csrf_cookies_are_secure_http_only_and_same_site_after_signing_in(probe):
    assert probe["login_status"] == 302, "the probe could not sign in"
    for name in ("session", "csrf"):
        assert probe[name] == {"secure": True, "httponly": True, "samesite": "Lax"}, name


def test_the_language_cookie_is_secure_and_same_site(probe):
    assert probe["language"] is not None
    assert probe["language"]["secure"] is True
    assert probe["language"]["samesite"] == "Lax"
