import os

import pytest

from tests.databases import TestDatabases, run_id

SEEDED = "seeded_database"  # a test whose fixtures include this one runs on the seeded database

_databases = None


def databases():
    global _databases
    if _databases is None:
        from django.db import connection

        _databases = TestDatabases(connection, os.environ.get("PYTEST_XDIST_WORKER", "main"))
    return _databases


def pytest_configure(config):
    run_id()  # before xdist starts its workers, so they share the run's templates


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker):
    """Template databases built once per run, this process's copies cloned from them (tests/databases.py)."""
    seeded = any(SEEDED in item.fixturenames for item in request.session.items)
    with django_db_blocker.unblock():
        databases().setup(seeded=seeded)
    yield
    with django_db_blocker.unblock():
        databases().drop_copies()


def _transactional(item):
    from django.test import TestCase, TransactionTestCase

    cls = getattr(item, "cls", None)
    if cls is not None and issubclass(cls, TransactionTestCase):
        return not issubclass(cls, TestCase)
    marker = item.get_closest_marker("django_db")
    if marker is not None and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
        return True
    return bool({"transactional_db", "live_server"} & set(item.fixturenames))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    databases().want("seeded" if SEEDED in item.fixturenames else "minimal")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    result = yield
    if _transactional(item):
        databases().refresh()  # the test's flush emptied the copy: the next test gets it whole
    return result


@pytest.hookimpl(tryfirst=True)
def pytest_unconfigure(config):
    # The run's first process (not an xdist worker) drops the templates, before the services stop.
    # Workers start after pytest_configure, so the controller has made no connection yet.
    from django.conf import settings

    if not hasattr(config, "workerinput") and settings.configured:
        databases().drop_templates()


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


@pytest.fixture
def home_page(db):
    """The Russian home page, the default site's root, in the minimal site and in the seed."""
    from home.models import HomePage

    return HomePage.objects.get(locale__language_code="ru")


@pytest.fixture
def admin_client_ru(client, django_user_model):
    user = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(user)
    return client
