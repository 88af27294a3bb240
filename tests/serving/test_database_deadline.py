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

from django.db import OperationalError, connections

from core.postgres.base import DatabaseWrapper
from tests.services.loopback import DatabaseRelay

pytestmark = pytest.mark.django_db
BOUND = 30  # seconds a call may take before the test calls it hung


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


@pytest.fixture
def through_relay():
    relay = DatabaseRelay(_socket_path())
    with relay:
        settings = dict(connections["default"].settings_dict)
        settings.update(
            HOST="127.0.0.1",
            PORT=str(relay.port),
            CONN_MAX_AGE=60,
            CONN_HEALTH_CHECKS=True,
            RESPONSE_TIMEOUT=1.0,
            OPTIONS={**settings.get("OPTIONS", {}), "connect_timeout": 1},
        )
        wrapper = DatabaseWrapper(settings, alias="through_relay")
        wrapper.inc_thread_sharing()  # every call runs in a bounded thread of its own
        try:
            yield relay, wrapper
        finally:
            relay.set_mode("relay")
            bounded(wrapper.close)


def select_one(wrapper):
    with wrapper.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone()[0]


def test_a_frozen_server_ends_a_query_and_the_health_check(through_relay):
    relay, wrapper = through_relay
    assert bounded(lambda: select_one(wrapper)) == {"result": 1}
    relay.set_mode("hang")
    outcome = bounded(lambda: select_one(wrapper))
    assert isinstance(outcome.get("error"), OperationalError), outcome
    assert bounded(wrapper.is_usable) == {"result": False}
    # A new connection to a frozen server gives up too (connect_timeout).
    bounded(wrapper.close)
    outcome = bounded(lambda: select_one(wrapper))
    assert isinstance(outcome.get("error"), OperationalError), outcome


def test_the_next_connection_works_once_the_server_answers_again(through_relay):
    relay, wrapper = through_relay
    assert bounded(lambda: select_one(wrapper)) == {"result": 1}
    relay.set_mode("hang")
    assert isinstance(bounded(lambda: select_one(wrapper)).get("error"), OperationalError)
    relay.set_mode("relay")
    # What Django does at the end of every request: drop an unusable connection.
    bounded(wrapper.close_if_unusable_or_obsolete)
    assert bounded(lambda: select_one(wrapper)) == {"result": 1}


def test_a_server_that_is_down_is_an_operational_error(through_relay):
    relay, wrapper = through_relay
    relay.set_mode("refuse")
    outcome = bounded(lambda: select_one(wrapper))
    assert isinstance(outcome.get("error"), OperationalError), outcome
