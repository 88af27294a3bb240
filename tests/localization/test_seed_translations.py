"""Seed content is translated through wagtail-localize's own objects, for every app's seed."""

import pytest

from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from core.models import SeedRecord
from home.models import HomePage

pytestmark = pytest.mark.usefixtures("seeded")


def seeded_russian_pages():
    pages = []
    for record in SeedRecord.objects.select_related("content_type"):
        model = record.content_type.model_class()
        if model is not None and issubclass(model, Page):
            page = Page.objects.filter(pk=record.object_id, locale__language_code="ru").first()
            if page is not None:
                pages.append(page)
    return pages


def test_every_seed_page_has_a_live_english_translation_made_by_wagtail_localize():
    en = Locale.objects.get(language_code="en")
    pages = seeded_russian_pages()
    assert pages
    for page in pages:
        target = page.get_translation_or_none(en)
        assert target is not None and target.live and target.alias_of_id is None, page.url_path
        assert Translation.objects.filter(source__object_id=page.translation_key, target_locale=en).exists()


def test_every_seeded_page_and_snippet_exists_live_in_every_language():
    from wagtail.models import DraftStateMixin, TranslatableMixin

    locales = {code: Locale.objects.get(language_code=code) for code in ("en", "be")}
    checked = 0
    for record in SeedRecord.objects.select_related("content_type"):
        model = record.content_type.model_class()
        if not issubclass(model, TranslatableMixin) or record.key.endswith((":en", ":be")):
            continue
        source = model._default_manager.get(pk=record.object_id)
        if source.locale.language_code != "ru" or getattr(source, "is_sample", False):
            continue
        for code, locale in locales.items():
            target = source.get_translation_or_none(locale)
            assert target is not None, f"{record.key} has no {code} translation"
            if isinstance(target, DraftStateMixin):
                assert target.live, f"{record.key}:{code} is not live"
            assert SeedRecord.objects.filter(key=f"{record.key}:{code}").exists()
        checked += 1
    # 15 pages, the footer, 8 libraries, 2 letters, 2 topics, 14 session formats, 2 venues.
    assert checked == 44


def test_home_page_is_translated_into_belarusian():
    be_home = HomePage.objects.get(locale__language_code="be")
    assert be_home.live
    assert be_home.title == "Разам мацней"
