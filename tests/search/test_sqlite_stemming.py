"""Search on the embedded default (SQLite, as after `make run`): Snowball stems in the index and in
the query, so inflected Russian and English words find each other."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from search.stemming import stem, stem_text

ROOT = Path(__file__).resolve().parents[2]

# Runs inside `manage.py shell` against a fresh SQLite database (tables straight from the models, see
# sqlite_settings.py): a Russian page and its English translation, then the reader's search page for
# inflected forms of their words.
PROBE = r"""
import importlib, json
from django.core.management import call_command
from django.db import connection
from django.db.migrations import RunSQL
from django.test import Client
from wagtail.models import Locale, Page, Site
from wagtail.search.backends import get_search_backend
from home.models import HomePage, StandardPage

call_command("migrate", run_syncdb=True, interactive=False, verbosity=0)
# The FTS5 table and its triggers, with the SQL of Wagtail's own search migration.
migration = importlib.import_module("wagtail.search.migrations.0006_customise_indexentry").Migration
with connection.cursor() as cursor:
    cursor.execute("DROP TABLE IF EXISTS wagtailsearch_indexentry_fts")
    for operation in migration.operations:
        for step in getattr(operation, "database_operations", [operation]):
            if isinstance(step, RunSQL):
                cursor.execute(step.sql)

ru, _ = Locale.objects.get_or_create(language_code="ru")
en, _ = Locale.objects.get_or_create(language_code="en")
root = Page.add_root(instance=Page(title="Root", slug="root", locale=ru))
home = root.add_child(instance=HomePage(title="Вместе сильнее", slug="home-probe", locale=ru))
Site.objects.all().delete()
Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True)
page = home.add_child(instance=StandardPage(
    title="Соглашение библиотек", slug="agreement", locale=ru,
    introduction="Проекты направлены на сохранение книжных памятников и на выставки.",
))
page.save_revision().publish()
english_home = home.copy_for_translation(en)
english_home.save_revision().publish()
english = page.copy_for_translation(en)
english.title = "Agreement of libraries"
english.introduction = "The projects preserve book monuments and organise exhibitions."
english.save_revision().publish()

client = Client()
out = {"backend": type(get_search_backend()).__name__}
for language, query in [("ru", "памятники"), ("ru", "памятник"), ("ru", "выставкам"),
                        ("ru", "книжный памятник"), ("ru", "самолёты"),
                        ("en", "monument"), ("en", "exhibition"), ("en", "library")]:
    response = client.get(f"/{language}/search/", {"q": query})
    html = response.content.decode()
    out[f"{language}:{query}"] = [response.status_code, html.count('class="search-result"'),
                                 html.count("<mark>")]
print("RESULT " + json.dumps(out, ensure_ascii=False))
"""


@pytest.mark.parametrize(
    "forms",
    [
        ["памятники", "памятников", "памятник", "Памятниками"],
        ["библиотека", "библиотеки", "библиотек", "библиотекам"],
        ["ёлка", "елки"],
        ["libraries", "library"],
        ["monuments", "monument"],
    ],
)
def test_forms_of_a_word_share_one_stem(forms):
    assert len({stem(form) for form in forms}) == 1, {form: stem(form) for form in forms}


def test_text_is_stored_as_stems_of_every_word():
    assert stem_text("Сохранение книжных памятников, 2024 — book monuments!") == (
        "сохранен книжн памятник 2024 book monument"
    )


def test_sqlite_search_finds_inflected_words(tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "tests.search.sqlite_settings",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    done = subprocess.run(
        [*manage, "shell", "-c", PROBE],
        env=env,
        cwd=ROOT,
        check=True,
        timeout=300,
        capture_output=True,
        text=True,
    )
    line = next(line for line in done.stdout.splitlines() if line.startswith("RESULT "))
    result = json.loads(line.removeprefix("RESULT "))
    assert result.pop("backend") == "StemmingSQLiteSearchBackend"
    found = {query: hits for query, (status, hits, _marks) in result.items()}
    assert all(status == 200 for status, _hits, _marks in result.values())
    assert found == {
        "ru:памятники": 1,
        "ru:памятник": 1,
        "ru:выставкам": 1,
        "ru:книжный памятник": 1,
        "ru:самолёты": 0,
        "en:monument": 1,
        "en:exhibition": 1,
        "en:library": 1,
    }
    # The excerpt marks the page's own word forms.
    assert result["ru:памятники"][2] >= 1 and result["en:monument"][2] >= 1
