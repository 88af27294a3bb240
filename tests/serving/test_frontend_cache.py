"""A CDN or proxy in front (wagtail.contrib.frontend_cache): publishing sends HTTP PURGE for every
URL it may hold; the purge requests are captured by a loopback HTTP server."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from movement.models import MovementPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def purge_log():
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 - the HTTP method's name
            received.append((self.headers["Host"], self.path))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], received
    finally:
        server.shutdown()
        server.server_close()


def test_publishing_purges_every_url_the_proxy_may_hold(
    page_cache, seeded, client, settings, purge_log, django_capture_on_commit_callbacks
):
    port, received = purge_log
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {"BACKEND": "core.frontend_cache.TimeoutHTTPBackend", "LOCATION": f"http://127.0.0.1:{port}"}
    }
    urls = ["/ru/", "/en/partnerships/", "/be/news/", "/sitemap.xml"]
    for url in urls:
        assert client.get(url).status_code == 200
    movement = MovementPage.objects.get(locale__language_code="ru")
    with django_capture_on_commit_callbacks(execute=True):
        movement.save_revision().publish()
    paths = {path for _host, path in received}
    # Wagtail purges each language prefix's variant of a URL as well.
    assert set(urls) <= paths, received
    assert {host for host, _path in received} == {"testserver"}
    # Purged URLs are forgotten: the next publish purges only what was served since.
    received.clear()
    client.get("/ru/")
    with django_capture_on_commit_callbacks(execute=True):
        movement.save_revision().publish()
    assert {path for _host, path in received} == {"/ru/", "/en/", "/be/"}


def test_an_unreachable_proxy_does_not_break_publishing(
    page_cache, seeded, client, settings, django_capture_on_commit_callbacks
):
    from tests.services.loopback import free_port

    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "core.frontend_cache.TimeoutHTTPBackend",
            "LOCATION": f"http://127.0.0.1:{free_port()}",
            "TIMEOUT": 1,
        }
    }
    client.get("/ru/")
    movement = MovementPage.objects.get(locale__language_code="ru")
    with django_capture_on_commit_callbacks(execute=True):
        movement.save_revision().publish()
    assert client.get("/ru/")["X-Page-Cache"] == "miss"
