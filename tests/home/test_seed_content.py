import io
import re

import pytest

from django.core.management import call_command
from django.test import Client
from django.utils.html import escape

from wagtail.models import Page, Revision
from wagtail_localize.models import StringTranslation

from core.models import SeedRecord
from home.models import FooterContent, HomePage
from tests.helpers import live_pages

pytestmark = pytest.mark.usefixtures("seeded")


def reseed():
    out = io.StringIO()
    call_command("load_seed_content", stdout=out)
    return out.getvalue()


def test_seed_builds_a_home_page_in_every_language():
    homes = {home.locale.language_code: home for home in HomePage.objects.select_related("locale")}
    assert set(homes) == {"ru", "en", "be"}
    assert homes["ru"].title == "Вместе сильнее"
    assert homes["en"].title == "Together Stronger"
    assert homes["be"].title == "Разам мацней"
    # Translations are wagtail-localize translations of the Russian source, not copies.
    assert homes["en"].translation_key == homes["ru"].translation_key
    assert all(home.live for home in homes.values())


def test_every_live_page_answers_200_with_its_title(fragments_kept):
    # The page frame's fragments kept, as in production: built once per language, not per page.
    client = Client()
    pages = list(live_pages())
    assert len(pages) >= 3
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert f"<h1>{escape(page.title)}</h1>" in html, page.url
        assert f'<html lang="{page.locale.language_code}">' in html


def test_second_run_creates_and_changes_nothing(monkeypatch):
    from libraries.models import Library

    monkeypatch.delenv("SEED_DEMO", raising=False)
    state = (
        Page.objects.count(),
        Revision.objects.count(),
        list(SeedRecord.objects.order_by("key").values_list("key", "seed_hash", "state_hash", "revision_id")),
        StringTranslation.objects.count(),
    )
    output = reseed()
    summary = output.split("Seed content:")[-1]
    assert re.fullmatch(r" unchanged: \d+\n", summary)
    assert "left alone" not in output and "stale" not in output
    assert state == (
        Page.objects.count(),
        Revision.objects.count(),
        list(SeedRecord.objects.order_by("key").values_list("key", "seed_hash", "state_hash", "revision_id")),
        StringTranslation.objects.count(),
    )
    # Nor are the demo libraries loaded when nobody asks for them.
    assert not Library.objects.filter(is_sample=True).exists()


# Each reseed below keeps edits of unrelated objects, each reported under its own key: a page or
# snippet and translations of other objects (a source's own edit would also stop its translations).


def test_an_edited_page_and_a_translators_edit_of_a_snippet_survive_reseed():
    home = HomePage.objects.get(locale__language_code="ru")
    home.introduction = "Текст, исправленный редактором."
    home.save_revision().publish()
    footer_be = FooterContent.objects.get(locale__language_code="be")
    be_translation = StringTranslation.objects.get(locale=footer_be.locale, data=footer_be.organisation)
    be_translation.data = "Каардынатар: БДУНБ"
    be_translation.save()
    output = reseed()
    home.refresh_from_db()
    assert home.introduction == "Текст, исправленный редактором."
    assert "left alone: home (edited since it was seeded)" in output
    be_translation.refresh_from_db()
    assert be_translation.data == "Каардынатар: БДУНБ"
    assert "left alone: footer:be (translation edited since it was seeded)" in output


def test_a_draft_an_edited_snippet_and_a_translators_edit_of_a_page_survive_reseed():
    home = HomePage.objects.get(locale__language_code="ru")
    home.title = "Черновик редактора"
    home.save_revision()
    footer = FooterContent.objects.get(locale__language_code="ru")
    footer.address = "Новый адрес"
    footer.save()
    home_en = HomePage.objects.get(locale__language_code="en")
    en_translation = StringTranslation.objects.filter(locale=home_en.locale, data="Together Stronger").first()
    en_translation.data = "Stronger Together"
    en_translation.save()
    output = reseed()
    home.refresh_from_db()
    assert home.latest_revision.content["title"] == "Черновик редактора"
    footer.refresh_from_db()
    assert footer.address == "Новый адрес"
    assert "left alone: footer (edited since it was seeded)" in output
    en_translation.refresh_from_db()
    assert en_translation.data == "Stronger Together"
    assert "left alone: home:en (translation edited since it was seeded)" in output


def test_demo_libraries_are_loaded_only_when_asked_for():
    """Asked for with --demo; a reseed without it loads none (test_second_run_creates_and_changes_nothing)."""
    from libraries.models import Library

    assert not Library.objects.filter(is_sample=True).exists()
    out = io.StringIO()
    call_command("load_seed_content", "--demo", stdout=out)
    assert "created: 16" in out.getvalue()
    samples = Library.objects.filter(is_sample=True)
    assert samples.count() == 16 and {library.locale.language_code for library in samples} == {"ru"}
    assert all(library.live for library in samples)
    html = Client().get("/ru/partnerships/libraries/sample-alekseevka-31/").content.decode()
    assert "Образец данных" in html


def test_seed_demo_in_the_environment_also_loads_them(monkeypatch):
    from libraries.models import Library

    monkeypatch.setenv("SEED_DEMO", "1")
    assert "created: 16" in reseed()
    assert Library.objects.filter(is_sample=True).count() == 16
