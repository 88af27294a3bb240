from rest_framework.throttling import AnonRateThrottle

from django.conf import settings


class APIRateThrottle(AnonRateThrottle):
    """Requests per client address, counted in Django's cache; the rate is read on every request
    (settings.API_THROTTLE_RATE), so a deployment or a test can change it without a restart."""

    scope = "api"

    def get_rate(self):
        return settings.API_THROTTLE_RATE
