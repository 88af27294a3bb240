"""core.postgres: a frozen database cannot hold a worker, also on an open (persistent) connection.

The connection goes through a loopback relay the test controls (tests/services/loopback.py),
which stops forwarding; every wait for the server then ends in OperationalError, Django's health
check says the connection is unusable, and after the relay recovers the next connection works.
Each database call runs in a thread the test waits for with a bound: a call that hung forever
would fail the test instead of hanging it.
"""

import os
import threading
import urllib.parse

import pytest

from django.core.cache import cache
from django.db import OperationalError, close_old_connections, connections
from django.test import Client

from core.postgres.base import DatabaseWrapper
from tests.services.loopback import DatabaseRelay

BOUND = 30  # seconds a call may take before the test calls it hung
# The connection's deadline while the server answers (generous: a loaded machine must not fail a
# healthy query), and the one it is given when the test freezes the server: the waits are short,
# and the test's own process is idle while it waits.
RESPONSE_TIMEOUT = 5.0
FROZEN_DEADLINE = 0.25


def _socket_path():
    url = urllib.parse.urlsplit(os.environ["DATABASE_URL"])
    return os.path.join(urllib.parse.unquote(url.netloc.split("@")[-1]), ".s.PGSQL.5432")


def bounded(call):
    """``call()``'s result or exception, from a thread given at most BOUND seconds."""
    outcome = {}

    def run():
        try:
            outcome["result"] = call()
        except Exception as error:  # noqa: BLE001 - handed to the test
            outcome["error"] = error

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(BOUND)
    assert not thread.is_alive(), f"the database call still waits after {BOUND} s"
    return outcome


def relay_wrapper(relay, alias):
    """A persistent, health-checked connection to the test database through ``relay``, with a
    deadline; shared by the bounded threads each call runs in."""
    params = dict(connections["default"].settings_dict)
    params.update(
        HOST="127.0.0.1",
        PORT=str(relay.port),
        CONN_MAX_AGE=60,
        CONN_HEALTH_CHECKS=True,
        RESPONSE_TIMEOUT=RESPONSE_TIMEOUT,
        OPTIONS={**params.get("OPTIONS", {}), "connect_timeout": 1},
    )
    wrapper = DatabaseWrapper(params, alias=alias)
    wrapper.inc_thread_sharing()
    return wrapper


@pytest.fixture
def through_relay():
    relay = DatabaseRelay(_socket_path())
    with relay:
        wrapper = relay_wrapper(relay, "through_relay")
        try:
            yield relay, wrapper
        finally:
            relay.set_mode("relay")
            bounded(wrapper.close)


def freeze(relay, wrapper, mode="hang"):
    """The relay stops forwarding (or refuses); the open connection waits FROZEN_DEADLINE at most."""
    wrapper.connection.response_timeout = FROZEN_DEADLINE
    relay.set_mode(mode)


def select_one(wrapper):
    with wrapper.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone()[0]


@pytest.mark.django_db
def test_a_frozen_server_ends_a_query_and_the_health_check(through_relay):
    relay, wrapper = through_relay
    assert bounded(lambda: select_one(wrapper)) == {"result": 1}
    freeze(relay, wrapper)
    outcome = bounded(lambda: select_one(wrapper))
    assert isinstance(outcome.get("error"), OperationalError), outcome
    assert bounded(wrapper.is_usable) == {"result": False}
    # A new connection to a frozen server gives up too (connect_timeout).
    bounded(wrapper.close)
    outcome = bounded(lambda: select_one(wrapper))
    assert isinstance(outcome.get("error"), OperationalError), outcome


@pytest.mark.django_db
def test_the_next_connection_works_once_the_server_answers_again(through_relay):
    relay, wrapper = through_relay
    assert bounded(lambda: select_one(wrapper)) == {"result": 1}
    freeze(relay, wrapper)
    assert isinstance(bounded(lambda: select_one(wrapper)).get("error"), OperationalError)
    relay.set_mode("relay")
    # What Django does at the end of every request: drop an unusable connection.
    bounded(wrapper.close_if_unusable_or_obsolete)
    assert bounded(lambda: select_one(wrapper)) == {"result": 1}


@pytest.mark.django_db
def test_a_server_that_is_down_is_an_operational_error(through_relay):
    relay, wrapper = through_relay
    relay.set_mode("refuse")
    outcome = bounded(lambda: select_one(wrapper))
    assert isinstance(outcome.get("error"), OperationalError), outcome


@pytest.fixture
def site_through_relay(seeded_database, django_db_blocker, settings):
    """The portal's own request handling on a persistent connection through the relay, page cache on.

    Requests run in bounded threads, each given the relay's connection as its ``default``.
    """
    settings.PAGE_CACHE_ENABLED = True
    settings.DB_RETRY_AFTER = 5
    cache.clear()
    relay = DatabaseRelay(_socket_path())
    with relay, django_db_blocker.unblock():
        wrapper = relay_wrapper(relay, "default")
        client = Client(raise_request_exception=False)

        def get(url):
            def call():
                connections._connections.default = wrapper  # this thread's default connection
                # Django's handler drops broken or old connections when a request starts and ends;
                # the test client leaves that out, so it is done here as the handler does it.
                close_old_connections()
                try:
                    return client.get(url)
                finally:
                    close_old_connections()

            outcome = bounded(call)
            assert "error" not in outcome, outcome
            return outcome["result"]

        try:
            yield relay, wrapper, get
        finally:
            relay.set_mode("relay")
            bounded(wrapper.close)
            cache.clear()


@pytest.mark.parametrize("mode", ["hang", "refuse"])
def test_a_reader_gets_the_cached_page_or_a_503_and_the_site_recovers(site_through_relay, mode):
    relay, wrapper, get = site_through_relay
    cached, uncached = "/ru/events/", "/ru/partnerships/"
    assert get(cached).status_code == 200  # kept in the page cache, the connection left open
    freeze(relay, wrapper, mode)
    response = get(cached)
    assert response.status_code == 200 and response["X-Page-Cache"] in ("hit", "stale")
    response = get(uncached)
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "private" in response["Cache-Control"]
    assert "Временно недоступно" in response.content.decode()
    relay.set_mode("relay")
    # No restart: the broken connection was dropped at the end of the request; the next one connects.
    response = get(uncached)
    assert response.status_code == 200 and response["X-Page-Cache"] == "miss"
