"""The public site in three languages: switcher, hreflang, dates; no Russian posing as a translation."""

import datetime
import re

import pytest

from django.template import Context, Template
from django.test import RequestFactory
from django.utils import formats, translation

from wagtail.models import Locale, Page
from wagtail.rich_text import RichText
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from core.templatetags.core_tags import build_language_links, date_range
from tests.factories import StandardPageFactory
from tests.helpers import live_pages

pytestmark = pytest.mark.django_db

NBSP = "\xa0"


@pytest.fixture
def page_with_english(home_ru, django_capture_on_commit_callbacks):
    page = StandardPageFactory(
        parent=home_ru,
        title="Партнёрство",
        slug="partnerstvo",
        body=[("paragraph", RichText("<p>Текст о партнёрстве.</p>"))],
    )
    page.save_revision().publish()
    en = Locale.objects.get(language_code="en")
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation_ = Translation.objects.create(source=source, target_locale=en)
    words = {
        "Партнёрство": "Partnership",
        "partnerstvo": "partnership",
        "Текст о партнёрстве.": "About the partnership.",
    }
    words["Вводный абзац о сотрудничестве библиотек."] = "An introduction to library cooperation."
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        StringTranslation.objects.create(
            translation_of=segment.string, context=segment.context, locale=en, data=words[segment.string.data]
        )
    with django_capture_on_commit_callbacks(execute=True):
        translation_.save_target(publish=True)  # publishes on commit
    return page


def test_switcher_links_to_existing_translations_and_otherwise_home_with_a_note(client, page_with_english):
    response = client.get("/ru/partnerstvo/")
    assert response.status_code == 200
    html = response.content.decode()
    switcher = html.split('class="lang-switch"', 1)[1].split("</nav>", 1)[0]
    assert 'href="/en/partnership/"' in switcher
    assert 'href="/be/"' in switcher  # not translated: the Belarusian home page
    assert "this page is not translated" in switcher or "эта страница не переведена" in switcher
    # On the English page the Russian link goes back to the source.
    en_html = client.get("/en/partnership/").content.decode()
    assert 'href="/ru/partnerstvo/"' in en_html.split('class="lang-switch"', 1)[1]


def test_hreflang_lists_live_translations_and_x_default(client, page_with_english):
    html = client.get("/ru/partnerstvo/").content.decode()
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
    assert alternates == {
        "ru": "http://testserver/ru/partnerstvo/",
        "en": "http://testserver/en/partnership/",
        "x-default": "http://testserver/ru/partnerstvo/",
    }


def test_a_draft_translation_is_neither_linked_nor_alternated(client, page_with_english):
    english = page_with_english.get_translation(Locale.objects.get(language_code="en"))
    english.unpublish()
    html = client.get("/ru/partnerstvo/").content.decode()
    assert "/en/partnership/" not in html
    assert 'hreflang="en"' not in html.split('class="lang-switch"', 1)[0]


def test_kept_language_links_follow_unpublishing_and_publishing(client, page_with_english, fragments_kept):
    """With the frame's fragments kept (production), the switcher still follows each change."""

    def switcher():
        html = client.get("/ru/partnerstvo/").content.decode()
        return html.split('class="lang-switch"', 1)[1].split("</nav>", 1)[0]

    english = page_with_english.get_translation(Locale.objects.get(language_code="en"))
    assert 'href="/en/partnership/"' in switcher()
    english.unpublish()
    assert 'href="/en/partnership/"' not in switcher() and 'href="/en/"' in switcher()
    english.get_latest_revision().publish()
    assert 'href="/en/partnership/"' in switcher()


def test_language_links_query_count_is_constant(page_with_english, django_assert_max_num_queries):
    with translation.override("ru"), django_assert_max_num_queries(6):
        links = build_language_links(page_with_english)
    assert [link["code"] for link in links] == ["ru", "en", "be"]
    assert [link["is_translation"] for link in links] == [True, True, False]


def untranslated_ru_pages():
    en = Locale.objects.get(language_code="en")
    translated = set(
        Page.objects.filter(locale=en, live=True, alias_of__isnull=True).values_list(
            "translation_key", flat=True
        )
    )
    home = Page.objects.get(depth=2, locale__language_code="ru")
    return [
        page
        for page in live_pages()
        if page.locale.language_code == "ru" and page.depth > 2 and page.translation_key not in translated
    ], home


@pytest.mark.usefixtures("seeded")
def test_untranslated_pages_are_not_found_under_en_and_be(client, home_ru):
    # One untranslated page at least; every other app's untranslated pages are covered too.
    page = StandardPageFactory(parent=home_ru, title="Только по-русски", slug="tolko-po-russki")
    page.save_revision().publish()
    pages, home = untranslated_ru_pages()
    assert page.pk in {p.pk for p in pages}
    for ru_page in pages:
        relative = ru_page.url_path[len(home.url_path) :]
        assert client.get(f"/ru/{relative}").status_code == 200, ru_page.url_path
        for code in ("en", "be"):
            translated = ru_page.get_translations().filter(
                locale__language_code=code, live=True, alias_of__isnull=True
            )
            if translated.exists():
                continue
            response = client.get(f"/{code}/{relative}")
            assert response.status_code == 404, (code, ru_page.url_path)


@pytest.mark.parametrize(
    ("language", "start", "end", "expected"),
    [
        ("ru", datetime.date(2024, 4, 17), datetime.date(2024, 4, 18), f"17–18{NBSP}апреля 2024"),
        ("en", datetime.date(2024, 4, 17), datetime.date(2024, 4, 18), f"17–18{NBSP}April 2024"),
        ("be", datetime.date(2024, 4, 17), datetime.date(2024, 4, 18), f"17–18{NBSP}красавіка 2024"),
        ("ru", datetime.date(2024, 4, 30), datetime.date(2024, 5, 2), f"30{NBSP}апреля – 2{NBSP}мая 2024"),
        ("be", datetime.date(2024, 3, 1), None, f"1{NBSP}сакавіка 2024"),
        (
            "en",
            datetime.date(2024, 12, 30),
            datetime.date(2025, 1, 2),
            f"30{NBSP}December 2024 – 2{NBSP}January 2025",
        ),
        ("be", datetime.date(2023, 9, 5), datetime.date(2023, 12, 7), f"5{NBSP}верасня – 7{NBSP}снежня 2023"),
        ("ru", datetime.date(2024, 4, 17), datetime.date(2024, 4, 17), f"17{NBSP}апреля 2024"),
    ],
)
def test_date_range(language, start, end, expected):
    with translation.override(language):
        assert date_range(start, end) == expected


def test_date_range_in_templates_as_tag_and_filter():
    template = Template(
        "{% load core_tags %}{% date_range start end %}|{{ start|date_range:end }}"
        "|{{ start|date:'DATE_FORMAT' }}"
    )
    context = Context({"start": datetime.date(2024, 4, 17), "end": datetime.date(2024, 4, 18)})
    with translation.override("be"):
        assert (
            template.render(context)
            == f"17–18{NBSP}красавіка 2024|17–18{NBSP}красавіка 2024|17 красавіка 2024"
        )
    with translation.override("en"):
        assert template.render(context).endswith("|17 April 2024")
    with translation.override("ru"):
        assert template.render(context).endswith("|17 апреля 2024")


def test_aware_datetimes_use_local_time():
    start = datetime.datetime(2024, 4, 16, 22, 30, tzinfo=datetime.UTC)  # 17 April in Moscow
    with translation.override("ru"):
        assert date_range(start) == f"17{NBSP}апреля 2024"


def test_numbers_follow_the_language():
    with translation.override("be"):
        assert formats.number_format(1234.5, 1, force_grouping=True) == "1\xa0234,5"
    with translation.override("en"):
        assert formats.number_format(1234.5, 1, force_grouping=True) == "1,234.5"


def test_belarusian_month_genitives_are_corrected():
    with translation.override("be"):
        assert formats.date_format(datetime.date(2024, 3, 8)) == "8 сакавіка 2024"
        assert formats.date_format(datetime.date(2024, 12, 31)) == "31 снежня 2024"


def test_switcher_without_a_page_links_homes():
    request = RequestFactory().get("/ru/")
    with translation.override("ru"):
        links = Template(
            "{% load core_tags %}{% language_links as links %}{% for l in links %}{{ l.url }};{% endfor %}"
        )
        assert links.render(Context({"request": request})) == "/ru/;/en/;/be/;"
