"""pytest plugin, loaded before Django reads its settings (``-p tests.plugin`` in pyproject.toml).

It makes a plain ``pytest`` on a fresh clone work like ``make test``: it compiles the message
catalogs, starts the services (tests/services/) that the environment does not name and gives the
run one media directory, shared by the processes it starts (cms/settings/test.py).
"""

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.collector import quiet_garbage_collector
from tests.services import services
from tests.services.lifecycle import environment

BASE_DIR = Path(__file__).resolve().parent.parent


def compile_messages():
    """Started at once, waited for before Django loads: Django here must not have read a catalog
    before it is compiled. Django skips catalogs whose .mo file is newer than the .po file."""
    return subprocess.Popen(
        [sys.executable, "manage.py", "compilemessages", "--ignore=.venv", "-v0"], cwd=BASE_DIR
    )


@pytest.hookimpl(wrapper=True)
def pytest_load_initial_conftests(early_config, parser, args):
    # The run starts dozens of Python processes (workers, builder, servers, job workers): with
    # bytecode caching off (PYTHONDONTWRITEBYTECODE) each would compile every module again.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    sys.dont_write_bytecode = False
    # xdist workers inherit the controller's compiled catalogs and variables: they start nothing.
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        compiling = compile_messages()  # while the services start
        stack = contextlib.ExitStack()
        media = tempfile.mkdtemp(prefix="vmeste-test-media-")
        stack.callback(shutil.rmtree, media, ignore_errors=True)
        os.environ["VMESTE_TEST_MEDIA_ROOT"] = media
        os.environ.update(stack.enter_context(environment(services())))
        early_config._vmeste_services = stack
        if compiling.wait() != 0:
            stack.close()
            raise pytest.UsageError("manage.py compilemessages failed (its messages are above)")
    return (yield)


def pytest_collection_finish(session):
    quiet_garbage_collector()


def pytest_unconfigure(config):
    stack = getattr(config, "_vmeste_services", None)
    if stack is not None:
        stack.close()
