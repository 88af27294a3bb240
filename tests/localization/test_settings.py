"""Machine translation: offline in development and tests, a real service configured from the environment."""

import json
import os
import subprocess
import sys

from django.conf import settings

from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.machine_translators.dummy import DummyTranslator

PRINT_CONFIG = (
    "import json, django; django.setup(); from django.conf import settings; "
    "print(json.dumps(settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR))"
)


def production(**env):
    full = {k: v for k, v in os.environ.items() if not k.startswith(("DEEPL", "LIBRE", "MACHINE"))}
    full.update({"DJANGO_SETTINGS_MODULE": "cms.settings.production", "SECRET_KEY": "x" * 50}, **env)
    return subprocess.run(
        [sys.executable, "-c", PRINT_CONFIG], env=full, capture_output=True, text=True, check=False
    )


def test_tests_use_the_offline_dummy_translator():
    assert settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR["CLASS"].endswith("DummyTranslator")
    assert isinstance(get_machine_translator(), DummyTranslator)


def test_production_without_a_service_has_no_machine_translation():
    result = production()
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) is None


def test_production_libretranslate_from_environment():
    result = production(MACHINE_TRANSLATOR="libretranslate", LIBRETRANSLATE_URL="http://127.0.0.1:5000/")
    assert result.returncode == 0, result.stderr
    config = json.loads(result.stdout)
    assert config["CLASS"].endswith("LibreTranslator")
    assert config["OPTIONS"]["LIBRETRANSLATE_URL"] == "http://127.0.0.1:5000"


def test_production_deepl_from_environment_and_a_clear_error_without_key():
    result = production(MACHINE_TRANSLATOR="deepl", DEEPL_AUTH_KEY="abc:fx")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["OPTIONS"]["AUTH_KEY"] == "abc:fx"
    missing = production(MACHINE_TRANSLATOR="deepl")
    assert missing.returncode != 0
    assert "DEEPL_AUTH_KEY must be set" in missing.stderr
    wrong = production(MACHINE_TRANSLATOR="google")
    assert "MACHINE_TRANSLATOR must be" in wrong.stderr
