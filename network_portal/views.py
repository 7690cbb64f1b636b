"""Project-level views: the home page, the health check, the sitemap and robots.txt."""

import os
import posixpath

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse, translate_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.static import serve

from core.mail import account_language_remember
from core.page_cache import cached_value, public_page
from core.private_files import is_under_private_root
from events.selectors import home_events
from initiatives.selectors import network_totals

from .health import health
from .sitemaps import SITEMAPS


@require_GET
@public_page
def home(request: HttpRequest) -> HttpResponse:
    events, events_are_upcoming = home_events(limit=3)
    return render(
        request,
        "home.html",
        {
            "headline_totals": cached_value(
                "headline-totals", lambda: network_totals(headline_only=True), results=True
            ),
            "home_events": events,
            "home_events_are_upcoming": events_are_upcoming,
        },
    )


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    report = health(with_worker=request.GET.get("worker") == "1")
    return JsonResponse(report, status=200 if report["status"] == "ok" else 503)


def media(request: HttpRequest, path: str) -> HttpResponse:
    """Public uploads on local runs (production serves them from the proxy). Never a private file,
    even with the private folder (or a link to it) inside the public one: private files are only
    downloaded through the views that check who is asking."""
    # Checked after following links and "..": serve() itself refuses paths outside MEDIA_ROOT.
    try:
        private = is_under_private_root(
            os.path.join(settings.MEDIA_ROOT, posixpath.normpath(path).lstrip("/"))
        )
    except ValueError as error:  # a NUL byte in the path
        raise Http404 from error
    if private:
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)


@require_GET
def language_switch(request: HttpRequest, code: str) -> HttpResponse:
    """The same page in another language, remembered for the next visit.

    A plain link rather than a form, so public pages carry no per-visitor token and can be
    cached; changing one's own language preference is harmless, so it needs no CSRF check.
    """
    if code not in dict(settings.LANGUAGES):
        raise Http404
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=False):
        next_url = reverse("home")
    response = HttpResponseRedirect(translate_url(next_url, code))
    account_language_remember(user=request.user, language=code)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


@require_GET
@public_page
def sitemap_index(request: HttpRequest) -> HttpResponse:
    """The list of the sitemap's files: one per section, more where a section passes 50,000
    addresses."""
    response = sitemap_views.index(request, SITEMAPS, sitemap_url_name="sitemap_section")
    # Rendered here, so that the page cache can keep the finished page.
    return response.render()


@require_GET
@public_page
def sitemap_section(request: HttpRequest, section: str) -> HttpResponse:
    response = sitemap_views.sitemap(request, SITEMAPS, section=section)
    return response.render()


@require_GET
@public_page
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Crawlers may read every public page, but not the admin or the sign-in pages; the sitemap
    says where the pages are."""
    lines = ["User-agent: *"]
    for code, _name in settings.LANGUAGES:
        lines += [f"Disallow: /{code}/admin/", f"Disallow: /{code}/accounts/"]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
