from rest_framework.throttling import AnonRateThrottle

from django.conf import settings

from movement.participation import client_ip


class APIRateThrottle(AnonRateThrottle):
    """Requests per client address, counted in Django's cache (shared by every app server in
    production); the address is the site's one reading (TRUSTED_PROXY_COUNT), not DRF's NUM_PROXIES.
    The rate is read on every request (settings.API_THROTTLE_RATE), so it changes without a restart."""

    scope = "api"

    def get_rate(self):
        return settings.API_THROTTLE_RATE

    def get_ident(self, request):
        return client_ip(request) or "unknown"
