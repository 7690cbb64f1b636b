"""How many requests a client may make: every API client is anonymous, counted by its address."""

from django.conf import settings
from django.http import HttpRequest
from rest_framework.request import Request
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle


class AnonymousRateThrottle(AnonRateThrottle):
    """``DEFAULT_THROTTLE_RATES["anon"]`` per client address.

    The rate is read on each request, not once when the class is defined as DRF does, so a
    changed setting (``PORTAL_API_ANON_RATE``, or a test's override) takes effect.

    The address is the one the trusted proxies saw (``PORTAL_TRUSTED_PROXIES``, the count the
    sign-in limits use, unless ``NUM_PROXIES`` says otherwise): without a proxy an
    ``X-Forwarded-For`` header is the client's own words, and a client that changed it on
    every request would never be limited.
    """

    def get_cache_key(self, request: Request, view) -> str:
        # No user to look at: the API authenticates no one, and ``api.middleware`` asks before
        # the authentication middleware has run.
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}

    def allow_with(self, request: HttpRequest, history: list[float]) -> bool:
        """DRF's ``allow_request`` for a caller that has already read the client's ``history``
        (the times of its recent requests), with other keys in the same trip to the cache. A
        request allowed is counted; one refused is not, as in DRF."""
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, None)
        self.now = self.timer()
        self.history = [moment for moment in history if moment > self.now - self.duration]
        if len(self.history) >= self.num_requests:
            return False
        return self.throttle_success()

    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_ident(self, request: Request) -> str:
        proxies = api_settings.NUM_PROXIES
        if proxies is None:
            proxies = settings.ALLAUTH_TRUSTED_PROXY_COUNT
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if not proxies or not forwarded:
            return request.META.get("REMOTE_ADDR", "")
        addresses = [address.strip() for address in forwarded.split(",")]
        # Each trusted proxy appended the address it was reached from; the one the first of
        # them saw is the client's, whatever the client put before it.
        return addresses[-min(proxies, len(addresses))]
