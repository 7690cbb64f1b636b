"""Whole public pages kept in the cache for anonymous visitors, and forgotten the moment the
content they show changes.

Every cached page is stored under the current *content version*, a number in the cache. Any
change to public content (a save or delete of a portal model, or a coordinator's bulk action in
the admin) moves the version on, so every page cached before it is simply never read again and
expires on its own. A coordinator's edit therefore shows at once, without tracking which page
shows which object.

The cache is an optimisation only: when it is unreachable the page is built as if nothing had
been cached, and a failed version bump is logged, never raised into the request.
"""

import hashlib
import logging
import time
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

logger = logging.getLogger(__name__)

VERSION_KEY = "content-version"
# Longer query strings are hostile or machine-made; building them is fine, keeping them is not.
MAX_CACHED_QUERY = 400
# Response headers a cached page carries along (the rest are added again by the middleware).
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Content-Language")


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        # A new number whenever the key is missing (first use, eviction, flush), so a reset
        # can never bring back a version that old pages were stored under.
        version = time.time_ns()
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def content_changed() -> None:
    """Public content changed: pages cached so far must not be served again."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        # The key is missing, so no page was stored under a version anyone still reads.
        content_version()
    except Exception:
        logger.warning(
            "The page cache is unreachable; cached pages expire within %ss.", settings.PAGE_CACHE_SECONDS
        )


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
        try:
            key = _key(request, content_version())
            stored = cache.get(key)
        except Exception:
            logger.warning("The page cache is unreachable; building the page.")
            return view(request, *args, **kwargs)
        if stored is not None:
            content, headers = stored
            response = HttpResponse(content)
            for name, value in headers.items():
                response[name] = value
            return response
        response = view(request, *args, **kwargs)
        if _storable(request, response):
            headers = {name: response[name] for name in KEPT_HEADERS if name in response}
            try:
                cache.set(key, (response.content, headers), settings.PAGE_CACHE_SECONDS)
            except Exception:
                logger.warning("The page cache is unreachable; the page was not stored.")
        return response

    return wrapped


class StaffChangesMiddleware:
    """Coordinators' bulk actions in the admin (publish, unpublish, lock) update rows without
    saving each model, so no save signal fires: any successful change a staff member posts
    moves the content version on as well."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            request.method not in ("GET", "HEAD", "OPTIONS")
            and response.status_code < 400
            and getattr(request, "user", None) is not None
            and request.user.is_staff
        ):
            content_changed()
        return response
