"""Kept API answers served before sessions, authentication, messages and the rest of the
middleware run, as ``core.page_cache.PageCacheMiddleware`` serves the public pages.

An answer is kept here with every header it left the middleware chain with (content security
policy, frame, language, vary, CORS), under the key of the address, the language the locale
middleware would choose and whether the request came from another site (only those get the
CORS headers). It carries the content version it was built under and is served only while that
is still the version, so a change of public content makes every kept answer stale at once, as
it does the views' own.

The limit on requests per client holds here too: an answer is served early only while the
client is within its rate, and the request is counted. A client over its rate goes down the
chain, where the view refuses it with its 429 and ``Retry-After``. Conditional requests
(``If-None-Match``) go down the chain as well: the view answers them from its own copy.

The version, the answer and the client's recent requests are read in one trip to the cache,
and the request is counted in a second: the same two trips a cached page costs.
"""

from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language_from_request

from core.page_cache import VERSION_KEY, content_version, shareable

from .caching import kept_address
from .throttling import AnonymousRateThrottle

PREFIX = "/api/"
CONDITIONAL_HEADERS = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE")


def early_key(request: HttpRequest) -> str | None:
    """Where the final answer to ``request`` is kept, or None if it is not one to answer early."""
    if request.method != "GET" or not request.path_info.startswith(PREFIX):
        return None
    if any(header in request.META for header in CONDITIONAL_HEADERS):
        return None
    try:
        address = kept_address(request)
    except DisallowedHost:
        return None  # The rest of the chain answers an unknown host as usual.
    if address is None:
        return None
    language = get_language_from_request(request, check_path=True)
    other_site = "cors" if "HTTP_ORIGIN" in request.META else "same"
    return f"api-final:{language}:{other_site}:{address}"


class EarlyAnswersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        key = early_key(request)
        if key is None:
            return self.get_response(request)
        throttle = AnonymousRateThrottle()
        history_key = throttle.get_cache_key(request, None)
        found = cache.get_many([VERSION_KEY, key, history_key])
        # The version before the answer is built: an answer kept under it can only be newer.
        version = found.get(VERSION_KEY) or content_version()
        stored = found.get(key)
        if (
            stored is not None
            and stored[0] == version
            and throttle.allow_with(request, found.get(history_key, []))
        ):
            _version, content, headers = stored
            return HttpResponse(content, headers=headers)
        response = self.get_response(request)
        # Only answers of views limited by the same rate as above (``KeptAnswers`` marks them).
        if getattr(response, "answer_early", False) and shareable(response):
            cache.set(key, (version, response.content, dict(response.headers)), settings.PAGE_CACHE_SECONDS)
        return response
