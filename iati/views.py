"""The IATI files over HTTP: the same answer for everyone, revalidated with an ETag.

The activities file streams, so the page cache, which stores whole answers, cannot keep it.
Instead each answer carries an ETag made from the content version (``core.page_cache``, moved
on by every change to public content), today's date (an activity's dates turn from planned to
actual as days pass) and what the file is built from in the settings. A client or proxy that
sends it back gets 304 Not Modified without a query until something it shows changes. The
ETag is weak: two builds of the same content differ only in their generation time.
"""

import hashlib

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import condition, require_safe

from core.page_cache import content_version

from . import codes, files, selectors

CONTENT_TYPE = "application/xml; charset=utf-8"


def _etag(request: HttpRequest) -> str:
    parts = (
        request.resolver_match.url_name,
        codes.VERSION,
        content_version(),
        timezone.localdate().isoformat(),
        sorted(settings.IATI_REPORTING_ORG.items()),
        settings.PORTAL_BASE_URL,
    )
    return f'W/"{hashlib.sha256(repr(parts).encode()).hexdigest()[:32]}"'


def _revalidated(response: HttpResponse) -> HttpResponse:
    # Shared caches may keep it, and must ask again each time: the ETag makes that cheap.
    patch_cache_control(response, public=True, no_cache=True)
    return response


@require_safe
@condition(etag_func=_etag)
def activities(request: HttpRequest) -> HttpResponse:
    # The schema wants at least one activity: with none published there is no file.
    if not selectors.activities_exist():
        raise Http404
    # HEAD gets the headers only, without reading a single initiative.
    body = iter(()) if request.method == "HEAD" else files.activities_xml()
    return _revalidated(StreamingHttpResponse(body, content_type=CONTENT_TYPE))


@require_safe
@condition(etag_func=_etag)
def organisation(request: HttpRequest) -> HttpResponse:
    return _revalidated(HttpResponse(files.organisation_xml(), content_type=CONTENT_TYPE))
