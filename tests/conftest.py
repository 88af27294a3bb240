import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import pytest

from tests.databases import TestDatabases, run_id

SEEDED = "seeded_database"  # a test whose fixtures include this one runs on the seeded database

_databases = None
_builder = None


def databases(config=None):
    global _databases
    if _databases is None:
        from django.db import connection

        unblocked = None
        if config is not None:
            from pytest_django.plugin import blocking_manager_key

            unblocked = config.stash[blocking_manager_key].unblock
        _databases = TestDatabases(connection, os.environ.get("PYTEST_XDIST_WORKER", "main"), unblocked)
    return _databases


def pytest_configure(config):
    run_id()  # before any other process of the run starts, so they share the run's templates


def _uses_db(item):
    from django.test import TransactionTestCase

    cls = getattr(item, "cls", None)
    names = set(item.fixturenames)
    return bool(
        (cls is not None and issubclass(cls, TransactionTestCase))
        or item.get_closest_marker("django_db")
        or names & {"db", "transactional_db", "live_server", "django_db_setup"}
    )


def _transactional(item):
    from django.test import TestCase, TransactionTestCase

    cls = getattr(item, "cls", None)
    if cls is not None and issubclass(cls, TransactionTestCase):
        return not issubclass(cls, TestCase)
    marker = item.get_closest_marker("django_db")
    if marker is not None and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
        return True
    return bool({"transactional_db", "live_server"} & set(item.fixturenames))


# Seconds each test module took in a recent run: `make test PYTEST_ARGS=--write-durations`
# writes it again. Only the order of the modules depends on it.
DURATIONS = Path(__file__).resolve().parent / "durations.json"


def pytest_addoption(parser):
    parser.addoption("--write-durations", action="store_true", help=f"write {DURATIONS.name} at the end")


def _module(nodeid):
    return nodeid.split("::", 1)[0]


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Modules that need no seeded database first, while the builder seeds (a worker would wait);
    in each group the longest first, so that no long module is left for the end (pytest-xdist
    hands out whole modules in this order). In a module: tests without a database, then the
    minimal ones, the seeded ones, and transactional tests last, as Django orders them."""

    def order(item):
        if _transactional(item):
            return 3
        if SEEDED in item.fixturenames:
            return 2
        return 1 if _uses_db(item) else 0

    try:
        durations = json.loads(DURATIONS.read_text())
    except (OSError, ValueError):
        durations = {}
    seeded = {_module(item.nodeid) for item in items if SEEDED in item.fixturenames}

    def module_order(module):
        return (module in seeded, -durations.get(module, 0), module)

    items.sort(key=lambda item: (module_order(_module(item.nodeid)), order(item)))


_durations = defaultdict(float)


def pytest_runtest_logreport(report):
    _durations[_module(report.nodeid)] += report.duration


def pytest_sessionfinish(session, exitstatus):
    # The controller sees every worker's reports; a worker's own view is partial.
    if session.config.getoption("write_durations") and not hasattr(session.config, "workerinput"):
        rounded = {module: round(seconds, 1) for module, seconds in sorted(_durations.items())}
        DURATIONS.write_text(json.dumps(rounded, indent=1, ensure_ascii=False) + "\n")


def _distributed(config):
    """pytest-xdist's controller: it collects nothing itself, its workers run the tests."""
    return getattr(config.option, "dist", "no") != "no" and not hasattr(config, "workerinput")


def pytest_sessionstart(session):
    # Under xdist the controller builds every template while the workers collect and start.
    if _distributed(session.config):
        _start_builder(["migrated", "minimal", "seeded"])


def pytest_collection_finish(session):
    """Start building the templates the collected tests need, in a process of its own."""
    if hasattr(session.config, "workerinput") or not any(_uses_db(item) for item in session.items):
        return
    templates = ["migrated", "minimal"]
    if any(SEEDED in item.fixturenames for item in session.items):
        templates.append("seeded")
    _start_builder(templates)


def _start_builder(templates):
    global _builder
    log = tempfile.TemporaryFile()  # noqa: SIM115 -- read when the run ends, closed with the process
    _builder = subprocess.Popen(
        [sys.executable, "-m", "tests.databases", *templates], stdout=log, stderr=subprocess.STDOUT
    )
    _builder.log = log


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker):
    """This process's copy of the minimal template (tests/databases.py); the seeded one when needed."""
    with django_db_blocker.unblock():
        databases(request.config).setup()
    yield
    with django_db_blocker.unblock():
        databases().drop_copies()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    databases(item.config).want("seeded" if SEEDED in item.fixturenames else "minimal")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    result = yield
    if _transactional(item):
        databases().refresh()  # the test's flush emptied the copy: the next test gets it whole
    return result


@pytest.hookimpl(tryfirst=True)
def pytest_unconfigure(config):
    # The run's first process drops every database of the run, before the services stop.
    if hasattr(config, "workerinput"):
        return
    if _builder is not None:
        if _builder.poll() is None:
            _builder.terminate()  # an interrupted run; otherwise it has finished long ago
        if _builder.wait(timeout=60) not in (0, -15):
            _builder.log.seek(0)
            sys.stderr.write("Template builder failed:\n" + _builder.log.read().decode(errors="replace"))
    if _databases is not None or _builder is not None:
        databases().drop_all()


@pytest.fixture(scope="session")
def seeded_database(django_db_setup):
    """The seed content (the five source documents, in three languages) is in the database.

    Most tests request ``seeded``; this one is for tests that open no transaction of their own,
    such as a server in a thread that reads the committed seed.
    """
    return databases().copies["seeded"]


@pytest.fixture
def seeded(seeded_database, db):
    """A test that reads the seed content runs on the seeded database.

    Tests that build their own data with ``tests.factories`` do not ask for it: they run on the
    minimal site (locales, the home page in three languages, the default site).
    """
    if databases().current != "seeded":  # the database is chosen before fixtures are set up
        pytest.fail("request seeded as an argument or with usefixtures, not through getfixturevalue")


@pytest.fixture
def home_page(db):
    """The Russian home page, the default site's root, in the minimal site and in the seed."""
    from home.models import HomePage

    return HomePage.objects.get(locale__language_code="ru")


@pytest.fixture
def fragments_kept(settings):
    """The page cache's fragments (menu, footer, language links, sections, kept page bodies) kept
    for the content generation, as in production; every page is still rendered (PAGE_CACHE_PAGES
    off), so each request reaches its view. The cache is emptied before and after."""
    from django.core.cache import cache

    settings.PAGE_CACHE_ENABLED, settings.PAGE_CACHE_PAGES = True, False
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def admin_client_ru(client, django_user_model):
    user = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture(scope="session", autouse=True)
def queued_email(django_test_environment):
    """Django's test set-up swaps EMAIL_BACKEND for locmem. Put the site's queue back, so that mail
    is a background job as in production; the worker (tests.helpers.run_background_jobs) sends it
    through EMAIL_DELIVERY_BACKEND, locmem in tests, into django.core.mail.outbox."""
    from django.conf import settings

    settings.EMAIL_BACKEND = "core.mail.QueuedEmailBackend"
