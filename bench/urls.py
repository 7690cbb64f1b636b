"""The portal's URLs plus the baseline the benchmarks compare every page with: a view that
does nothing but answer, behind the same server and the same middleware as the real pages."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from network_portal.urls import urlpatterns as portal_urlpatterns


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/bare", bare, name="bench_bare"), *portal_urlpatterns]
