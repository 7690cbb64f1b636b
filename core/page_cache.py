"""Whole public pages kept in the cache for anonymous visitors, and the costly figures on them
kept for everyone, each forgotten the moment the content they show changes.

Every cached page is stored under the current *content version*, a number in the cache. Any
change to public content (a save or delete of a portal model, or a coordinator's bulk action in
the admin) moves the version on, so every page cached before it is simply never read again and
expires on its own. A coordinator's edit therefore shows at once, without tracking which page
shows which object.

The network's results totals are summed over every approved indicator update; they are kept
under a *results version* of their own, which only changes with the results framework
(initiatives, indicators, updates, pillars, provinces). Editing an event or an organisation
therefore rebuilds the pages but not the totals on them.

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
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import get_language

T = TypeVar("T")

VERSION_KEY = "content-version"
RESULTS_VERSION_KEY = "results-version"
# Longer query strings are hostile or machine-made; building them is fine, keeping them is not.
MAX_CACHED_QUERY = 400
# Response headers a cached page carries along (the rest are added again by the middleware).
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Content-Language")
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


def _cacheable(request: HttpRequest) -> bool:
    if not settings.PAGE_CACHE_SECONDS:
        return False
    if request.method not in ("GET", "HEAD") or len(request.META.get("QUERY_STRING", "")) > MAX_CACHED_QUERY:
        return False
    if request.user.is_authenticated:
        return False
    # A message waiting for this visitor (e.g. "you have signed out") is theirs alone.
    return not len(messages.get_messages(request))


def _key(request: HttpRequest, version: int) -> str:
    address = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return f"page:{version}:{get_language()}:{address}"


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
    """Serve the view's page from the cache to anonymous visitors while the content is unchanged."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        key = _key(request, content_version())
        stored = cache.get(key)
        if stored is not None:
            content, headers = stored
            response = HttpResponse(content)
            for name, value in headers.items():
                response[name] = value
            return response
        response = view(request, *args, **kwargs)
        if _storable(request, response):
            headers = {name: response[name] for name in KEPT_HEADERS if name in response}
            cache.set(key, (response.content, headers), settings.PAGE_CACHE_SECONDS)
        return response

    return wrapped


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
