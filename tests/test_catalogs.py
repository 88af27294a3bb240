"""Every interface string has a Russian and a Belarusian translation."""

from pathlib import Path

import polib
import pytest

from django.conf import settings

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
