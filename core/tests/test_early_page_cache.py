"""Anonymous visitors' cached pages are answered before sessions, authentication and messages
run, with exactly the headers and body of the page as the whole middleware chain built it."""

import pytest
from django.contrib.auth import SESSION_KEY
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from core import page_cache
from events.tests.factories import EventFactory
from hub.tests.factories import ResourceFactory
from members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def answered_early(response) -> bool:
    """Whether the answer left before the session and authentication middleware saw the request."""
    request = response.wsgi_request
    return not hasattr(request, "session") and not hasattr(request, "user")


@pytest.fixture
def content(db):
    organisation = OrganisationFactory(
        name_vi="Trung tâm Hỗ trợ Phát triển Xanh", name_en="GreenHub", is_published=True
    )
    EventFactory(title_vi="Hội thảo tham vấn về nhựa", is_published=True)
    ResourceFactory(title_vi="Sổ tay giảm rác thải nhựa")
    return organisation


@pytest.mark.parametrize(
    "url",
    [
        "/vi/",
        "/vi/members/",
        "/en/members/",
        "/vi/members/?q=xanh&page=1",
        "/vi/events/",
        "/vi/hub/",
        "/vi/hub/feed.rss",
        "/en/initiatives/",
    ],
)
def test_a_cached_page_is_answered_early_with_the_headers_and_body_it_was_built_with(
    client, content, url, django_assert_num_queries
):
    built = client.get(url)
    assert built.status_code == 200 and not answered_early(built)

    with django_assert_num_queries(0):
        early = client.get(url)

    assert answered_early(early)
    assert early.content == built.content
    # Every header the middleware gave the built page, CSP, frame, referrer, opener, language,
    # vary, length and the feed's Last-Modified, and nothing else.
    assert dict(early.headers) == dict(built.headers)
    assert "Content-Security-Policy" in early and early["X-Frame-Options"] == "DENY"
    assert early["Content-Language"] == url[1:3]
    assert not early.cookies


def test_the_english_page_is_answered_early_in_english(client, content):
    vietnamese = f"/vi/members/{content.slug}/"
    english = f"/en/members/{content.slug}/"
    client.get(vietnamese)
    client.get(english)

    page = client.get(english)

    assert answered_early(page)
    assert "GreenHub" in page.content.decode() and page["Content-Language"] == "en"
    page = client.get(vietnamese)
    assert answered_early(page)
    assert "Trung tâm Hỗ trợ Phát triển Xanh" in page.content.decode() and page["Content-Language"] == "vi"


def test_a_visitor_with_only_the_csrf_or_language_cookie_is_answered_early(client, content):
    client.get("/vi/members/")
    client.cookies["csrftoken"] = "a" * 32
    client.cookies["django_language"] = "en"
    page = client.get("/vi/members/")
    assert answered_early(page)
    assert page["Content-Language"] == "vi"


def test_a_signed_in_visitor_never_gets_the_cached_page(client, content, editor_of):
    client.get(content.get_absolute_url())
    client.force_login(editor_of(content))

    page = client.get(content.get_absolute_url())

    assert not answered_early(page)
    assert page.wsgi_request.user.is_authenticated
    assert "Đăng xuất" in page.content.decode()
    assert reverse("members:edit", kwargs={"slug": content.slug}) in page.content.decode()


def test_a_visitor_with_a_session_is_served_by_the_view_with_the_same_headers(client, content):
    built = client.get("/vi/members/")
    visitor = client.__class__()
    session = visitor.session
    session["seen_intro"] = True
    session.save()
    visitor.cookies["sessionid"] = session.session_key

    page = visitor.get("/vi/members/")

    assert not answered_early(page)
    assert SESSION_KEY not in page.wsgi_request.session
    assert page.content == built.content
    assert dict(page.headers) == dict(built.headers)


@pytest.mark.parametrize(
    "storage",
    [
        "django.contrib.messages.storage.fallback.FallbackStorage",
        "django.contrib.messages.storage.session.SessionStorage",
    ],
)
def test_a_message_waiting_in_the_session_or_a_cookie_is_shown_on_a_cached_page(
    client, settings, django_user_model, storage
):
    settings.MESSAGE_STORAGE = storage
    client.__class__().get("/vi/")
    client.__class__().get("/vi/")  # in the cache, and answered early to visitors without cookies
    user = django_user_model.objects.create_user("thanhvien", "thanhvien@npap.test", "Mat-khau-2026")
    client.force_login(user)

    page = client.post("/vi/accounts/logout/", follow=True)

    assert not answered_early(page)
    assert "Bạn đã đăng xuất." in page.content.decode()
    assert "Bạn đã đăng xuất." not in client.get("/vi/").content.decode()


def test_a_content_change_is_seen_at_once(client, content):
    client.get(content.get_absolute_url())
    assert answered_early(client.get(content.get_absolute_url()))

    content.name_vi = "Trung tâm Mới"
    content.save()

    page = client.get(content.get_absolute_url())
    assert not answered_early(page)
    assert "Trung tâm Mới" in page.content.decode()
    assert answered_early(client.get(content.get_absolute_url()))


def test_a_head_request_goes_to_the_view_which_keeps_its_rule_for_head(client, content):
    get = client.get("/vi/events/")
    head = client.head("/vi/events/")
    assert head.status_code == 200 and not answered_early(head)
    assert head.content == b""
    assert dict(head.headers) == dict(get.headers)
    # The home page answers GET only, cached or not.
    client.get("/vi/")
    assert client.head("/vi/").status_code == 405


def test_an_address_without_a_language_prefix_is_left_to_the_view(client, content):
    first = client.get("/robots.txt")
    second = client.get("/robots.txt")
    assert not answered_early(second)
    assert second.content == first.content and dict(second.headers) == dict(first.headers)


def test_an_unknown_host_is_refused_as_before(client, content):
    client.get("/vi/")
    assert client.get("/vi/", HTTP_HOST="portal.example.com").status_code == 400


def test_an_overlong_query_is_never_kept(client, content):
    url = "/vi/members/?q=" + "x" * 500
    client.get(url)
    assert not answered_early(client.get(url))


def _anonymous(rf, path):
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.db import SessionStore

    request = rf.get(path)
    request.user = AnonymousUser()
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


@pytest.mark.parametrize("policy, builds", [("script-src 'self'", 1), ("script-src 'nonce-abc123'", 2)])
def test_a_page_whose_policy_carries_a_nonce_is_never_shared(rf, policy, builds):
    calls = []

    @page_cache.public_page
    def page(request):
        calls.append(1)
        response = HttpResponse("<script nonce='abc123'></script>")
        response["Content-Security-Policy"] = policy
        return response

    served = page_cache.PageCacheMiddleware(page)
    served(_anonymous(rf, "/vi/x/"))
    served(_anonymous(rf, "/vi/x/"))
    assert len(calls) == builds


def current_key(path: str) -> str:
    return page_cache._early_key(RequestFactory().get(path))


def test_after_a_change_one_visitor_rebuilds_a_kept_page_and_the_others_get_that_page(
    client, content, monkeypatch
):
    client.get("/vi/members/")  # kept once, so the address is known
    page_cache.content_changed()
    # Another visitor's request holds the rebuild of the current version and stores the page
    # while this one waits: this one is given that page and builds nothing.
    current = current_key("/vi/members/")
    page_cache.cache.add(f"pages-building:{page_cache._address_key(current)}", current, timeout=10)
    waits = []

    def another_visitor_stores_the_page(seconds):
        waits.append(seconds)
        if len(waits) == 3:
            page_cache.cache.set(
                current, (b"rebuilt by the other visitor", {"Content-Type": "text/html"}), 60
            )

    monkeypatch.setattr(page_cache.time, "sleep", another_visitor_stores_the_page)

    page = client.get("/vi/members/")

    assert page.content == b"rebuilt by the other visitor" and answered_early(page)
    assert len(waits) == 3


def test_a_visitor_waiting_for_a_rebuild_that_stores_nothing_builds_the_page(client, content, monkeypatch):
    client.get("/vi/members/")
    page_cache.content_changed()
    current = current_key("/vi/members/")
    building = f"pages-building:{page_cache._address_key(current)}"
    page_cache.cache.add(building, current, timeout=10)
    # The other request ends (an error, say) and lets go of the rebuild without a page.
    monkeypatch.setattr(page_cache.time, "sleep", lambda seconds: page_cache.cache.delete(building))

    page = client.get("/vi/members/")

    assert page.status_code == 200 and not answered_early(page)
    assert "Trung tâm Hỗ trợ Phát triển Xanh" in page.content.decode()
    assert page_cache.cache.get(building) is None
    assert answered_early(client.get("/vi/members/"))


def test_a_page_never_kept_is_built_at_once_without_waiting(client, content, monkeypatch):
    monkeypatch.setattr(page_cache.time, "sleep", lambda seconds: pytest.fail("waited for a page never kept"))
    current = current_key("/vi/events/")
    page_cache.cache.add(f"pages-building:{page_cache._address_key(current)}", "other", timeout=10)

    assert client.get("/vi/events/").status_code == 200
