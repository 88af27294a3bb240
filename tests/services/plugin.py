"""pytest plugin: run the suite on PostgreSQL, starting a throw-away cluster when none is given."""

import os

import pytest

from tests.pgcluster import cluster


@pytest.hookimpl(wrapper=True)
def pytest_load_initial_conftests(early_config, parser, args):
    # Runs before pytest-django reads the settings, so DATABASE_URL is in place.
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        manager = cluster()
        os.environ["DATABASE_URL"] = manager.__enter__()
        early_config._vmeste_cluster = manager
    return (yield)


def pytest_unconfigure(config):
    manager = getattr(config, "_vmeste_cluster", None)
    if manager is not None:
        manager.__exit__(None, None, None)
