"""Every interface string has a Russian and a Belarusian translation."""

import json
from pathlib import Path

import polib
import pytest

from django.conf import settings
from django.utils import translation

CATALOGS = sorted(
    path
    for path in Path(settings.BASE_DIR).glob("**/locale/*/LC_MESSAGES/django.po")
    if ".venv" not in path.parts
)


def test_catalogs_exist_for_both_languages():
    languages = {path.parts[-3] for path in CATALOGS}
    assert {"ru", "be"} <= languages


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_catalog_is_complete(path):
    catalog = polib.pofile(str(path))
    untranslated = [entry.msgid for entry in catalog.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalog.fuzzy_entries()]
    assert not untranslated, f"untranslated in {path}: {untranslated}"
    assert not fuzzy, f"fuzzy in {path}: {fuzzy}"
    assert catalog.percent_translated() == 100


@pytest.mark.django_db  # the home pages render the interface strings
def test_compiled_catalog_translates_interface(client):
    html = client.get("/be/").content.decode()
    assert "Перайсці да асноўнага зместу" in html
    html = client.get("/ru/").content.decode()
    assert "Перейти к основному содержанию" in html
    html = client.get("/en/").content.decode()
    assert "Skip to main content" in html


pytestmark = pytest.mark.django_db


def test_no_message_is_translated_two_ways():
    """Django merges every app's catalog into one: a message id (in one context) translated
    differently by two apps shows one app's wording everywhere, e.g. the genitive «Библиотек» of
    the movement's counters in the admin menu. Different senses need message contexts."""
    for language in ("ru", "be"):
        wordings = {}
        for path in CATALOGS:
            if path.parts[-3] != language:
                continue
            for entry in polib.pofile(str(path)):
                if entry.msgstr and not entry.obsolete:
                    wordings.setdefault((entry.msgctxt, entry.msgid), {})[str(path)] = entry.msgstr
        clashes = {key: found for key, found in wordings.items() if len(set(found.values())) > 1}
        assert not clashes, clashes


def escaped(text):
    """How a string appears inside JSON (the admin's menu and JavaScript catalogs)."""
    return json.dumps(text)[1:-1]


@pytest.mark.parametrize(
    ("language", "download", "upload"),
    [("ru", "Скачать PO-файл", "Загрузить PO-файл"), ("be", "Спампаваць PO-файл", "Загрузіць PO-файл")],
)
def test_the_two_po_buttons_of_the_translation_editor_are_told_apart(language, download, upload):
    from django.test import RequestFactory
    from django.views.i18n import JavaScriptCatalog

    # The catalog wagtail-localize's editor loads (its own package's, plus the project's locale/).
    view = JavaScriptCatalog.as_view(packages=["wagtail_localize"])
    with translation.override(language):
        catalog = view(RequestFactory().get("/")).content.decode()
    assert f'"Download PO file": "{escaped(download)}"' in catalog
    assert f'"Upload PO file": "{escaped(upload)}"' in catalog


def test_movement_counters_and_the_admin_menu_decline_libraries_differently(admin_client):
    with translation.override("ru"):
        assert translation.gettext("Libraries") == "Библиотеки"
        assert translation.pgettext("participation count", "Libraries") == "Библиотек"
    menu = admin_client.get("/admin/").content.decode()
    assert escaped("Библиотеки") in menu and escaped("Регионы") in menu
    assert escaped("Библиотек") + '"' not in menu
