"""A live server for browser journeys that write: what they click is committed to this process's
copy of the minimal database, and the copy is cloned again from its template afterwards
(tests/databases.py), so every later test finds it whole."""

import contextlib
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.db import connections
from django.test.testcases import LiveServerThread

BOUND = 30  # seconds any wait of the journeys may take at most


@contextlib.contextmanager
def writable_database():
    """The minimal copy, restored when the block ends."""
    from tests.conftest import databases

    databases().want("minimal")
    try:
        yield
    finally:
        connections.close_all()
        databases().refresh()


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
        # Request threads close their connections when the browser's sockets close; wait for them
        # before the database is cloned again.
        deadline = time.monotonic() + BOUND
        while time.monotonic() < deadline and any(
            "process_request_thread" in worker.name for worker in threading.enumerate()
        ):
            time.sleep(0.05)


_worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="journey-db")


def in_db(function, *args, **kwargs):
    """Run ORM code outside Playwright's event loop (Django refuses queries from a thread with a
    running loop); the worker closes its connection after each call."""

    def call():
        try:
            return function(*args, **kwargs)
        finally:
            connections.close_all()

    return _worker.submit(call).result(BOUND)
