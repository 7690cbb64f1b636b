"""API answers kept in the cache, and the ETag that tells a client its copy is still current.

The rules are the public pages' (``core.page_cache``): an answer is stored under the current
content version, which every change of public content moves on, so an edit or an approval is
served at once; ``PORTAL_PAGE_CACHE_SECONDS`` bounds how long an answer that depends on the day
("upcoming" events) is kept, and 0 turns the cache off. Every client of the API is anonymous,
so one stored answer serves them all.

Each answer carries a strong ETag, a digest of its bytes. A client that sends it back in
``If-None-Match`` gets ``304 Not Modified`` while the answer is unchanged, from the stored copy
without building anything.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.translation import get_language

from core.page_cache import MAX_CACHED_QUERY, content_version

# Response headers a stored answer carries along; the middleware adds the others again.
KEPT_HEADERS = ("Content-Type", "ETag")


def kept_address(request: HttpRequest) -> str | None:
    """A digest of the address ``request`` asks for, if its answer may be kept; else None. The
    address includes the host, since links in the answer are absolute."""
    if not settings.PAGE_CACHE_SECONDS or request.method not in ("GET", "HEAD"):
        return None
    if len(request.META.get("QUERY_STRING", "")) > MAX_CACHED_QUERY:
        return None
    return hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()


def answer_key(request: HttpRequest) -> str | None:
    """Where the answer to ``request`` is kept, or None if it is not to be kept: under its
    address and the language, in case an answer ever shows a translated word."""
    address = kept_address(request)
    return f"api:{content_version()}:{get_language()}:{address}" if address else None


def stored_answer(key: str | None) -> HttpResponse | None:
    stored = cache.get(key) if key else None
    if stored is None:
        return None
    content, headers = stored
    response = HttpResponse(content)
    for name, value in headers.items():
        response[name] = value
    return response


def etag_of(content: bytes) -> str:
    return '"' + hashlib.sha256(content).hexdigest()[:40] + '"'


def finish(request: HttpRequest, response: HttpResponseBase, *, key: str | None) -> HttpResponseBase:
    """A successful answer rendered, tagged, told to be revalidated and kept under ``key``
    (when given); or 304 if the client's copy has the same tag. Other answers pass unchanged."""
    if response.status_code != 200 or response.streaming:
        return response
    if hasattr(response, "render"):
        response.render()
    if not response.has_header("ETag"):
        response["ETag"] = etag_of(response.content)
    # Clients and proxies may keep the answer but must ask each time whether it still holds;
    # the ETag makes asking cheap.
    patch_cache_control(response, no_cache=True)
    if key and not response.cookies:
        headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
        cache.set(key, (response.content, headers), settings.PAGE_CACHE_SECONDS)
    return get_conditional_response(request, etag=response["ETag"], response=response) or response
