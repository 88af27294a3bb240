"""A live server over a database the journeys may write to, and put back as it was afterwards.

Browser journeys commit what they click (pages, drafts, workflow states); pytest-django's
transactional tests would flush the database afterwards and take the session's seed content with it.
Instead the test database is copied (``CREATE DATABASE … TEMPLATE``, a file copy) before a journey
and the copy takes its place after it, so every later test finds the database unchanged.
"""

import contextlib
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.cache import cache
from django.db import connection, connections
from django.test.testcases import LiveServerThread

BOUND = 30  # seconds any wait of the journeys may take at most


@contextlib.contextmanager
def restored_database():
    name = connection.settings_dict["NAME"]
    copy = f"{name}_before_journey"
    connections.close_all()
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{copy}"')
        cursor.execute(f'CREATE DATABASE "{copy}" TEMPLATE "{name}"')
    try:
        yield
    finally:
        connections.close_all()
        with connection._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            cursor.execute(f'ALTER DATABASE "{copy}" RENAME TO "{name}"')
        cache.clear()


@contextlib.contextmanager
def live_server():
    """The app on a loopback port, serving static files as runserver does."""
    thread = LiveServerThread("127.0.0.1", StaticFilesHandler, port=0)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait(BOUND)
    if thread.error:
        raise thread.error
    try:
        yield f"http://127.0.0.1:{thread.port}"
    finally:
        thread.terminate()
        deadline = time.monotonic() + BOUND
        while time.monotonic() < deadline and any(
            "process_request_thread" in worker.name for worker in threading.enumerate()
        ):
            time.sleep(0.1)


_worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="journey-db")


def in_db(function, *args, **kwargs):
    """Run a database read or write outside Playwright's event loop (Django refuses queries from
    a thread with a running loop); the worker closes its connection after each call."""

    def call():
        try:
            return function(*args, **kwargs)
        finally:
            connections.close_all()

    return _worker.submit(call).result(BOUND)
