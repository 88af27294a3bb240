"""Machine translation: offline in development and tests, a real service configured from the environment."""

import os
import sys

import pytest

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.machine_translators.dummy import DummyTranslator

from tests.settings_probe import read_settings


def production(**env):
    """The machine translator the production settings configure from this environment."""
    full = {k: v for k, v in os.environ.items() if not k.startswith(("DEEPL", "LIBRE", "MACHINE"))}
    full.update({"DJANGO_SETTINGS_MODULE": "cms.settings.production", "SECRET_KEY": "x" * 50}, **env)
    return read_settings("production", full)["WAGTAILLOCALIZE_MACHINE_TRANSLATOR"]


def test_tests_use_the_offline_dummy_translator():
    assert settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR["CLASS"].endswith("DummyTranslator")
    assert isinstance(get_machine_translator(), DummyTranslator)


def test_settings_read_in_process_are_the_running_ones_and_leave_no_trace():
    # The premise of reading production's settings in this process: the same module and environment
    # give what Django read at this process's start, and leave the environment and modules as they were.
    environ, modules = dict(os.environ), set(sys.modules)
    values = read_settings("test", os.environ)
    assert dict(os.environ) == environ and set(sys.modules) == modules
    # Django's test setup adds "testserver" to ALLOWED_HOSTS and pytest-django names the test databases.
    changed_by_the_harness = {"ALLOWED_HOSTS", "DATABASES"}
    assert {"SECRET_KEY", "EMAIL_TIMEOUT", "WAGTAILLOCALIZE_MACHINE_TRANSLATOR"} <= values.keys()
    differing = {name for name, value in values.items() if getattr(settings, name) != value}
    assert differing <= changed_by_the_harness


def test_production_without_a_service_has_no_machine_translation():
    assert production() is None


def test_production_libretranslate_from_environment():
    config = production(MACHINE_TRANSLATOR="libretranslate", LIBRETRANSLATE_URL="http://127.0.0.1:5000/")
    assert config["CLASS"].endswith("LibreTranslator")
    assert config["OPTIONS"]["LIBRETRANSLATE_URL"] == "http://127.0.0.1:5000"


def test_production_deepl_from_environment_and_a_clear_error_without_key():
    assert production(MACHINE_TRANSLATOR="deepl", DEEPL_AUTH_KEY="abc:fx")["OPTIONS"]["AUTH_KEY"] == "abc:fx"
    # Raised while the settings are read: Django would not start.
    with pytest.raises(ImproperlyConfigured, match="DEEPL_AUTH_KEY must be set"):
        production(MACHINE_TRANSLATOR="deepl")
    with pytest.raises(ImproperlyConfigured, match="MACHINE_TRANSLATOR must be"):
        production(MACHINE_TRANSLATOR="google")
