"""Debian's Chromium and a live server for the browser tests. Journeys that write commit what they
click to this process's copy of the minimal database, and the copy is cloned again from its template
afterwards (tests/databases.py), so every later test finds it whole."""

import contextlib
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from playwright.sync_api import sync_playwright

from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.db import connections
from django.test.testcases import LiveServerThread

BOUND = 30  # seconds any wait of the journeys may take at most

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Only the test server's address resolves: a request to any other host is still seen by the
    # tests' request listeners, then fails at once, and nothing leaves the machine. A catch-all
    # route would do the same, but Playwright turns the HTTP cache off for a context with any route,
    # so every page would fetch its stylesheet and fonts again.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


@contextlib.contextmanager
def chromium():
    """Headless Chromium for one test module. Not one for the session: while Playwright runs, its
    event loop counts as running in this thread and Django refuses queries there, so a browser left
    open would break the database tests that the process runs next."""
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


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


# Content-Security-Policy violations a page reports, read back after each load.
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (event) => {
    const where = `${event.sourceFile}:${event.lineNumber}`;
    window.__csp.push(`${event.violatedDirective} ${event.blockedURI} ${where}`);
});
"""


def visit(page, url, console):
    response = page.goto(url)
    page.wait_for_load_state("load")
    found = page.evaluate("window.__csp")
    found += [message for message in console if "Content Security Policy" in message]
    console.clear()
    return response, found


def watched_page(context):
    page = context.new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    console = []
    page.on("console", lambda message: console.append(message.text))
    return page, console
