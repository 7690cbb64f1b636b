"""Project-level views: the home page and the health check."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.static import serve

from events.selectors import home_events
from initiatives.selectors import network_totals

from .health import health


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    events, events_are_upcoming = home_events(limit=3)
    return render(
        request,
        "home.html",
        {
            "headline_totals": network_totals(headline_only=True),
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
    """Public uploads on local runs (production serves them from the proxy)."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)
