"""wagtail.contrib.frontend_cache's HTTP backend with a timeout: a proxy that does not answer must
not hold the editor's publish request."""

from urllib.error import URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from wagtail.contrib.frontend_cache.backends.http import HTTPBackend, PurgeRequest, logger


class TimeoutHTTPBackend(HTTPBackend):
    def __init__(self, params):
        params = dict(params)
        self.timeout = float(params.pop("TIMEOUT", 5))
        super().__init__(params)

    def purge(self, url):
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        request = PurgeRequest(
            url=urlunsplit([self.cache_scheme, self.cache_netloc, parts.path, parts.query, ""]),
            headers={"Host": host, "User-Agent": "Wagtail-frontendcache"},
        )
        try:
            urlopen(request, timeout=self.timeout).close()
        except (URLError, OSError) as error:
            logger.error("Couldn't purge '%s' from HTTP cache: %s", url, error)
