"""Settings as another process would read them, at a fraction of the cost of starting one.

``read_settings`` evaluates a settings module of cms/settings/ from a given environment inside the
test process: fresh module objects under a throw-away package name, so neither the running
settings nor ``sys.modules`` and ``os.environ`` keep a trace of it. Django's ``Settings`` takes a
settings module's upper-case names as they are, so these are the values ``django.conf.settings``
would hold; an ``ImproperlyConfigured`` raised at import is raised here too.

``production_startup`` is the one check that needs a whole process: Django started under the
production settings, then ``manage.py check --deploy`` in that same process. It runs once per test
run, shared by the tests and by the xdist workers that ask for it.
"""

import contextlib
import fcntl
import functools
import importlib
import itertools
import json
import os
import subprocess
import sys
import types
from pathlib import Path

SETTINGS_DIR = Path(__file__).resolve().parent.parent / "cms" / "settings"
BASE_DIR = SETTINGS_DIR.parent.parent
_packages = itertools.count()


@contextlib.contextmanager
def _environment(env):
    """``os.environ`` is exactly ``env`` inside, exactly what it was afterwards."""
    env, saved = dict(env), dict(os.environ)  # copies: ``env`` may be os.environ itself
    os.environ.clear()
    os.environ.update(env)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def read_settings(module, env):
    """The upper-case names of cms/settings/<module>.py evaluated with ``env`` as the environment."""
    # A package of its own makes the module's relative imports (``from .base import *``) load fresh
    # copies too, instead of the cms.settings modules the running settings came from.
    package = f"_settings_probe_{next(_packages)}"
    holder = types.ModuleType(package)
    holder.__path__ = [str(SETTINGS_DIR)]
    sys.modules[package] = holder
    try:
        with _environment(env):
            loaded = importlib.import_module(f"{package}.{module}")
        return {name: getattr(loaded, name) for name in dir(loaded) if name.isupper()}
    finally:
        for name in [name for name in sys.modules if name == package or name.startswith(package + ".")]:
            del sys.modules[name]


# A key with enough length and variety that check --deploy has nothing to say about it.
PRODUCTION_SECRET_KEY = "x7#kq2!v9zP0mL4r8sT1wY6uB3nE5cH_aJdFgKiOpQeRtUyWxZv"
STARTED = "STARTED "
# Django's start, then manage.py itself (argv and all) in the same process: what a deployment runs.
STARTUP_THEN_DEPLOY_CHECK = f"""
import json, runpy, sys
import django
django.setup()
from django.conf import settings
print({STARTED!r} + json.dumps({{"DEBUG": settings.DEBUG}}), flush=True)
sys.argv = ["manage.py", "check", "--deploy", "--fail-level", "WARNING"]
runpy.run_path("manage.py", run_name="__main__")
"""


def _run_production_startup():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": PRODUCTION_SECRET_KEY,
    }
    result = subprocess.run(
        [sys.executable, "-c", STARTUP_THEN_DEPLOY_CHECK],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return {"returncode": result.returncode, "stdout": result.stdout, "stderr": result.stderr}


_run_once_here = functools.cache(_run_production_startup)


def production_startup(tmp_path_factory):
    """The production process's exit code, stdout and stderr (``STARTED`` line, then the check's)."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return _run_once_here()
    # The workers of one run share the parent of their base temporary directories (pytest-xdist's
    # own recipe); the first worker runs the process, the others wait for its answer.
    shared = tmp_path_factory.getbasetemp().parent
    answer = shared / "production-startup.json"
    with open(shared / "production-startup.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not answer.exists():
            answer.write_text(json.dumps(_run_production_startup()))
    return json.loads(answer.read_text())


def started(result):
    """What the production process printed once Django had started, or None if it never did."""
    for line in result["stdout"].splitlines():
        if line.startswith(STARTED):
            return json.loads(line[len(STARTED) :])
    return None
