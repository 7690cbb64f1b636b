"""Whole public pages kept in the cache for anonymous visitors, and the costly figures on them
kept for everyone, each forgotten the moment the content they show changes.

Every cached page is stored under the current *content version*, a number in the cache. Any
change to public content (a save or delete of a portal model, or a coordinator's bulk action in
the admin) moves the version on, so every page cached before it is simply never read again and
expires on its own. A coordinator's edit therefore shows at once, without tracking which page
shows which object.

The network's results totals, added up from the kept yearly figures of the results framework, are
kept under a *results version* of their own, which only changes with the results framework
(initiatives, indicators, updates, pillars, provinces). Editing an event or an organisation
therefore rebuilds the pages but not the totals on them.

A cached page is answered early: ``PageCacheMiddleware`` sits just after the security and
static-file middleware and answers an anonymous visitor's request for a stored page before
sessions, authentication and messages run, with the headers the whole middleware chain gave the
page when it was built. ``public_page`` decides which answers may be kept; the middleware keeps
them as they leave the chain.

The cache is an optimisation only: while Redis is unreachable the cache backend
(``core.cache``) answers as an empty cache, so pages are built as if nothing had been
cached.
"""

import hashlib
import time
from collections.abc import Callable, Hashable
from functools import wraps
from typing import TypeVar

from django.conf import settings
from django.contrib import messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import get_language, get_language_from_path

T = TypeVar("T")

VERSION_KEY = "content-version"
RESULTS_VERSION_KEY = "results-version"
# Longer query strings are hostile or machine-made; building them is fine, keeping them is not.
MAX_CACHED_QUERY = 400
# A content security policy with a nonce is one answer's secret: such a page is never shared.
CSP_HEADERS = ("Content-Security-Policy", "Content-Security-Policy-Report-Only")
# After a change, the first request for a page that was kept rebuilds it and the others ask for
# the same page wait for it instead of building it too, up to this long (then they build it).
REBUILD_WAIT_SECONDS = 3.0
REBUILD_POLL_SECONDS = 0.02
# Figures kept under the results version need no expiry of their own to be right while the
# cache is reachable. An hour bounds how long a change made while it was not (and so could not
# move the version on) stays unseen, and costs one summing an hour.
VALUE_TIMEOUT = 3600


def _version(key: str) -> int:
    version = cache.get(key)
    if version is None:
        # A new number whenever the key is missing (first use, eviction, flush), so a reset
        # can never bring back a version that old entries were stored under.
        version = time.time_ns()
        cache.add(key, version, timeout=None)
        version = cache.get(key, version)
    return version


def content_version() -> int:
    return _version(VERSION_KEY)


def results_version() -> int:
    return _version(RESULTS_VERSION_KEY)


def content_changed(*, results: bool = False) -> None:
    """Public content changed: pages cached so far must not be served again; with ``results``,
    the results totals must be summed again too."""
    for key in (VERSION_KEY, RESULTS_VERSION_KEY) if results else (VERSION_KEY,):
        try:
            cache.incr(key)
        except ValueError:
            # The key is missing (or Redis is away and the cache answers as an empty one), so
            # nothing was stored under a version anyone still reads.
            _version(key)


def cached_value(name: str, compute: Callable[[], T], *, parts: Hashable = (), results: bool = False) -> T:
    """``compute()``, kept until the content (or with ``results``, the results framework)
    changes; per language, since labels in the value are translated."""
    if not settings.PAGE_CACHE_SECONDS:
        return compute()
    version = results_version() if results else content_version()
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    key = f"value:{name}:{version}:{get_language()}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, VALUE_TIMEOUT if results else settings.PAGE_CACHE_SECONDS)
    return value


def filter_key(request: HttpRequest) -> tuple:
    """What a list's filter counts depend on: the filters chosen (not the page), and the day,
    since "upcoming" moves with it."""
    return timezone.localdate(), sorted((key, value) for key, value in request.GET.items() if key != "page")


def _cacheable_read(request: HttpRequest) -> bool:
    """What any cached answer needs: the cache on, a read, a query string of a sensible length."""
    return (
        bool(settings.PAGE_CACHE_SECONDS)
        and request.method in ("GET", "HEAD")
        and len(request.META.get("QUERY_STRING", "")) <= MAX_CACHED_QUERY
    )


def _cacheable(request: HttpRequest) -> bool:
    if not _cacheable_read(request):
        return False
    if request.user.is_authenticated:
        return False
    # A message waiting for this visitor (e.g. "you have signed out") is theirs alone.
    return not len(messages.get_messages(request))


def _key(request: HttpRequest, version: int, language: str) -> str:
    address = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    # "pages", not "page": pages kept with only three of their headers, as an earlier release
    # kept them, must never be answered early without their security headers.
    return f"pages:{version}:{language}:{address}"


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        # A page that asked for a CSRF token carries one visitor's token: never share it.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and "private" not in response.get("Cache-Control", "")
    )


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve the view's page from the cache to anonymous visitors while the content is unchanged.

    Most of them are answered earlier, by ``PageCacheMiddleware``; here are served those it
    leaves to the view (a visitor with a session, a HEAD request, an address without a language
    prefix). A page built here is marked with its key, and the middleware stores it once every
    middleware has added its headers."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        key = _key(request, content_version(), get_language())
        stored = cache.get(key)
        if stored is not None:
            return _stored_page(stored)
        response = view(request, *args, **kwargs)
        if _storable(request, response):
            response.page_cache_key = key
        return response

    return wrapped


def _stored_page(stored: tuple[bytes, dict[str, str]]) -> HttpResponse:
    """The stored page with every header it was built with. Served by the view, it passes
    through the middleware again, which finds each of its headers already set."""
    content, headers = stored
    return HttpResponse(content, headers=headers)


def _early_key(request: HttpRequest) -> str | None:
    """The key ``public_page`` gives this request's page, if the request is one it would serve
    from the cache and nothing after the security middleware can change the answer; else None.

    * Only GET: a HEAD request goes to the view, since some public pages refuse it.
    * No session cookie: a signed-in visitor, or one with messages or other state in the session,
      must go through authentication and messages. Nor messages kept in their own cookie.
    * A language prefix in the path (/vi/, /en/), which is the language ``LocaleMiddleware``
      activates for it, by the same function; elsewhere the language comes from a cookie or the
      browser, and the view decides.
    """
    if request.method != "GET" or not _cacheable_read(request):
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES or CookieStorage.cookie_name in request.COOKIES:
        return None
    language = get_language_from_path(request.path_info)
    if language is None:
        return None
    try:
        return _key(request, content_version(), language)
    except DisallowedHost:
        # The rest of the chain answers an unknown host as usual.
        return None


def _address_key(key: str) -> str:
    """The key without its version: the same address in the same language across changes."""
    _prefix, _version_part, rest = key.split(":", 2)
    return rest


def _rebuilt_by_another(key: str) -> tuple[bytes, dict[str, str]] | None:
    """The page another request is rebuilding for this key, once it is stored; None when this
    request is to build it (first after a change, an address never kept, or a wait too long).

    Every change of content makes every kept page stale at once. Without this, each visitor
    arriving in the moment after a change (an approval, during a reporting cycle, comes by the
    dozen a day) would build the same page at the same time and take the workers with them."""
    address = _address_key(key)
    if cache.get(f"pages-kept:{address}") is None:
        return None  # Not a page that is kept: nothing to wait for.
    building = f"pages-building:{address}"
    if cache.add(building, key, timeout=int(REBUILD_WAIT_SECONDS) + 7):
        return None
    deadline = time.monotonic() + REBUILD_WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(REBUILD_POLL_SECONDS)
        stored = cache.get(key)
        if stored is not None:
            return stored
        if cache.get(building) is None:
            return None  # The build ended without a page to share (an error, a cookie set).
    return None


def shareable(response: HttpResponse) -> bool:
    """The final answer, after every middleware, may go to every anonymous visitor."""
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any("'nonce-" in response.get(name, "") for name in CSP_HEADERS)
    )


class PageCacheMiddleware:
    """Anonymous visitors' cached pages, answered before the rest of the middleware runs.

    Sessions, authentication, messages and the rest cost more than reading a stored page, so a
    request for one (``_early_key``) is answered here, with the body and every header the page
    left the middleware chain with when it was built: the content security policy, frame,
    language and vary headers are the same as if it had gone the whole way. The security
    middleware before this one adds its headers to both alike. The key is ``public_page``'s,
    so a content change makes the stored page unreachable here too.

    On the way out, a page ``public_page`` marked as storable is stored with its final headers.
    After a change, one request rebuilds a page that was kept while the others asking for it
    wait for that page (``_rebuilt_by_another``): they are never given the page from before.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        early = _early_key(request)
        if early is not None:
            stored = cache.get(early) or _rebuilt_by_another(early)
            if stored is not None:
                return _stored_page(stored)
        try:
            response = self.get_response(request)
            key = getattr(response, "page_cache_key", None)
            if key is not None and shareable(response):
                cache.set(key, (response.content, dict(response.headers)), settings.PAGE_CACHE_SECONDS)
                cache.set(f"pages-kept:{_address_key(key)}", 1, settings.PAGE_CACHE_SECONDS)
        finally:
            if early is not None:
                building = f"pages-building:{_address_key(early)}"
                if cache.get(building) == early:
                    cache.delete(building)
        return response


class StaffChangesMiddleware:
    """Coordinators' bulk actions in the admin (publish, unpublish, lock) update rows without
    saving each model, so no save signal fires: any successful change posted in the admin
    moves the content version on as well. Elsewhere every change saves its rows."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            request.method not in ("GET", "HEAD", "OPTIONS")
            and response.status_code < 400
            and getattr(request, "user", None) is not None
            and request.user.is_staff
            and request.resolver_match is not None
            and request.resolver_match.app_name == "admin"
        ):
            content_changed(results=True)
        return response
