"""Settings as another process would read them, at a fraction of the cost of starting one.

``read_settings`` evaluates a settings module of cms/settings/ from a given environment inside the
test process: fresh module objects under a throw-away package name, so neither the running
settings nor ``sys.modules`` and ``os.environ`` keep a trace of it. Django's ``Settings`` takes a
settings module's upper-case names as they are, so these are the values ``django.conf.settings``
would hold; an ``ImproperlyConfigured`` raised at import is raised here too.
"""

import contextlib
import importlib
import itertools
import os
import sys
import types
from pathlib import Path

SETTINGS_DIR = Path(__file__).resolve().parent.parent / "cms" / "settings"
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
