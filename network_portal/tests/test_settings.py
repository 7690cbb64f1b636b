"""Configuration by environment: safe defaults locally, hardened settings in production."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

BASE_DIR = Path(settings.BASE_DIR)
PRODUCTION_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "portal.example.org",
}


def run_with(env: dict, *args: str) -> subprocess.CompletedProcess:
    service_vars = {"DATABASE_URL", "DATABASE_CONN_MAX_AGE", "REDIS_URL", "CELERY_BROKER_URL"}
    clean = {
        k: v
        for k, v in os.environ.items()
        if k == "DJANGO_SETTINGS_MODULE" or not (k.startswith("DJANGO_") or k in service_vars)
    }
    return subprocess.run(
        [sys.executable, *args],
        cwd=BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deployment_check():
    result = run_with(PRODUCTION_ENV, "manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr


def test_debug_is_off_unless_asked():
    script = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
    assert run_with({}, "-c", script).stdout.strip() == "False"
    assert run_with({"DJANGO_DEBUG": "1"}, "-c", script).stdout.strip() == "True"


def test_a_switch_set_to_an_unknown_word_stops_the_portal_instead_of_guessing():
    script = "import django; django.setup()"
    result = run_with({"DJANGO_DEBUG": "ture"}, "-c", script)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "DJANGO_DEBUG='ture'" in result.stderr
    assert run_with({"DJANGO_DEBUG": "off"}, "-c", script).returncode == 0


def test_importing_the_settings_writes_nothing_and_starting_makes_the_folders(tmp_path):
    var = tmp_path / "var"
    imported = run_with({"PORTAL_VAR_DIR": str(var)}, "-c", "import network_portal.settings")
    assert imported.returncode == 0, imported.stderr
    assert not var.exists()
    started = run_with({"PORTAL_VAR_DIR": str(var)}, "-c", "import django; django.setup()")
    assert started.returncode == 0, started.stderr
    assert {path.name for path in (var / "broker").iterdir()} == {"queue", "processed", "control"}
    assert (var / "staticfiles").is_dir() and (var / "results").is_dir()


PROBE = """
import django, json
django.setup()
from django.test import Client
client = Client(HTTP_HOST="portal.example.org")
page = client.get("/vi/accounts/login/", secure=True)
plain = client.get("/vi/")
health = client.get("/healthz")
print(json.dumps({
    "hsts": page.get("Strict-Transport-Security", ""),
    "csp": page.get("Content-Security-Policy", ""),
    "csrf_cookie_secure": bool(page.cookies["csrftoken"]["secure"]),
    "plain_status": plain.status_code,
    "plain_location": plain.get("Location", ""),
    "health_status": health.status_code,
}))
"""


def test_production_responses_carry_security_headers_and_secure_cookies(tmp_path):
    env = {**PRODUCTION_ENV, "DJANGO_LOG_LEVEL": "ERROR", "PORTAL_VAR_DIR": str(tmp_path)}
    collected = run_with(env, "manage.py", "collectstatic", "--noinput", "-v", "0")
    assert collected.returncode == 0, collected.stderr
    result = run_with(env, "-c", PROBE)
    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    assert "max-age=31536000" in probe["hsts"]
    assert "default-src 'self'" in probe["csp"]
    assert "frame-ancestors 'none'" in probe["csp"]
    assert probe["csrf_cookie_secure"] is True
    # Plain http is sent to https, but a load balancer can still probe the health check.
    assert probe["plain_status"] == 301
    assert probe["plain_location"].startswith("https://portal.example.org/")
    assert probe["health_status"] in (200, 503)


def test_database_url_switches_to_postgresql_with_persistent_connections():
    script = (
        "import django; django.setup(); from django.conf import settings; import json;"
        "db = settings.DATABASES['default']; print(json.dumps([db['ENGINE'], db['NAME'], db['CONN_MAX_AGE']]))"
    )
    result = run_with({"DATABASE_URL": "postgres://portal@db.internal:5432/portal"}, "-c", script)
    assert json.loads(result.stdout) == ["django.db.backends.postgresql", "portal", 600]


def test_postgresql_connections_do_not_compile_queries_unless_the_url_says_so():
    script = (
        "import django; django.setup(); from django.conf import settings;"
        "print(settings.DATABASES['default']['OPTIONS']['options'])"
    )
    url = "postgres://portal@db.internal:5432/portal"
    assert run_with({"DATABASE_URL": url}, "-c", script).stdout.strip() == "-c jit=off"
    given = run_with({"DATABASE_URL": f"{url}?options=-c%20jit%3Don"}, "-c", script)
    assert given.stdout.strip() == "-c jit=on"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="JIT is PostgreSQL's")
def test_the_portals_postgresql_sessions_run_without_jit(db):
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)


def test_redis_url_switches_broker_and_cache_to_redis():
    script = (
        "import django, json; django.setup(); from django.conf import settings;"
        "from network_portal.celery import app;"
        "print(json.dumps([app.conf.broker_url, settings.CACHES['default']['BACKEND'],"
        " app.conf.broker_transport_options['visibility_timeout'] > app.conf.task_time_limit]))"
    )
    result = run_with({"REDIS_URL": "redis://cache.internal:6379/0"}, "-c", script)
    assert json.loads(result.stdout) == [
        "redis://cache.internal:6379/0",
        "core.cache.ResilientRedisCache",
        True,
    ]


def test_every_page_has_a_content_security_policy(client, db):
    response = client.get("/vi/")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_behind_a_proxy_sign_in_limits_see_the_visitors_address(rf, settings):
    from allauth.account.adapter import get_adapter

    # The visitor sent a made-up first entry; the proxy appended the address it saw.
    request = rf.get("/", HTTP_X_FORWARDED_FOR="198.51.100.9, 203.0.113.7", REMOTE_ADDR="10.0.0.2")
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    assert get_adapter().get_client_ip(request) == "10.0.0.2"
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    assert get_adapter().get_client_ip(request) == "203.0.113.7"
