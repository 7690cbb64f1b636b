"""allauth's limit on failed logins, on the cache the portal really uses.

The suite runs on the local-memory cache by default and on Redis when REDIS_URL is set; the
limit must hold on both. It counts failures per account, so it must hold whichever browser,
session or address the attempts come from, and, with Redis, in whichever process they land.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from django.test import Client

from members.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/vi/accounts/login/"
PASSWORD = "Mat-khau-2026"
REFUSED_VI = "Bạn đã đăng nhập không thành công quá nhiều lần. Vui lòng thử lại sau."
REFUSED_EN = "Too many failed login attempts. Try again later."
# allauth's default: five failures per account within five minutes.
FAILURES_ALLOWED = 5


def visitor(number: int) -> Client:
    """A browser of its own, from an address of its own (so the per-address limit stays out)."""
    return Client(REMOTE_ADDR=f"203.0.113.{number}")


def log_in(client: Client, email: str, password: str, url: str = LOGIN):
    return client.post(url, {"login": email, "password": password})


def signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


@pytest.fixture
def account():
    return UserFactory(email="lan@greenhub.test")


def test_the_limit_is_counted_in_the_configured_cache():
    expected = RedisCache if os.environ.get("REDIS_URL") else LocMemCache
    assert isinstance(caches["default"], expected)


def test_too_many_failed_logins_refuse_even_the_right_password_with_a_vietnamese_message(account):
    client = visitor(1)
    for _ in range(FAILURES_ALLOWED):
        response = log_in(client, account.email, "sai-mat-khau")
        assert response.status_code == 200 and REFUSED_VI not in response.content.decode()
    response = log_in(client, account.email, PASSWORD)
    assert response.status_code == 200
    assert REFUSED_VI in response.content.decode()
    assert not signed_in(client)


def test_the_message_is_in_english_on_english_pages(account):
    client = visitor(1)
    for _ in range(FAILURES_ALLOWED):
        log_in(client, account.email, "wrong", url="/en/accounts/login/")
    response = log_in(client, account.email, PASSWORD, url="/en/accounts/login/")
    assert REFUSED_EN in response.content.decode()


def test_the_limit_holds_across_browsers_and_addresses(account):
    for number in range(FAILURES_ALLOWED):
        log_in(visitor(10 + number), account.email, "sai-mat-khau")
    fresh = visitor(99)
    response = log_in(fresh, account.email, PASSWORD)
    assert REFUSED_VI in response.content.decode()
    assert not signed_in(fresh)


def test_the_limit_is_per_account_and_leaves_room_for_a_few_typos(account):
    other = UserFactory(email="hoa@cecr.test")
    for number in range(FAILURES_ALLOWED - 1):
        log_in(visitor(20 + number), account.email, "sai-mat-khau")
    client = visitor(30)
    log_in(client, account.email, PASSWORD)
    assert signed_in(client)
    # Failures on one account do not lock out another.
    for number in range(FAILURES_ALLOWED + 1):
        log_in(visitor(40 + number), account.email, "sai-mat-khau")
    client = visitor(50)
    log_in(client, other.email, PASSWORD)
    assert signed_in(client)


SECOND_PROCESS = """
import sys

import django

django.setup()
from django.test import Client

response = Client(REMOTE_ADDR="198.51.100.7").post(
    "/vi/accounts/login/", {"login": sys.argv[1], "password": sys.argv[2]}
)
print("refused" if sys.argv[3] in response.content.decode() else "let in")
"""


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="a second process shares only a Redis cache")
@pytest.mark.django_db(transaction=True)
def test_the_limit_holds_in_another_web_process_sharing_redis(account):
    """Gunicorn runs several processes: failures counted in one refuse the login in another."""
    for number in range(FAILURES_ALLOWED):
        log_in(visitor(60 + number), account.email, "sai-mat-khau")
    database = settings.DATABASES["default"]
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:"
        f"{database['PORT']}/{database['NAME']}"
        if "postgresql" in database["ENGINE"]
        else f"sqlite:///{database['NAME']}",
    }
    result = subprocess.run(
        [sys.executable, "-c", SECOND_PROCESS, account.email, PASSWORD, REFUSED_VI],
        cwd=Path(settings.BASE_DIR),
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().splitlines()[-1] == "refused"
