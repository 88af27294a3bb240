"""Reports → Translation status."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Locale
from wagtail.rich_text import RichText
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from localization.report import CURRENT, INCOMPLETE, MISSING, OUTDATED, source_pages, status_rows
from tests.factories import StandardPageFactory, UserFactory

pytestmark = pytest.mark.django_db


def make_pages(parent, count, prefix):
    pages = []
    for index in range(count):
        page = StandardPageFactory(
            parent=parent,
            title=f"Страница {prefix} {index}",
            slug=f"{prefix}-{index}",
            body=[("paragraph", RichText(f"<p>Абзац {prefix} {index}.</p>"))],
        )
        page.save_revision().publish()
        pages.append(page)
    return pages


def translate(page, locale, *, complete):
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locale)
    segments = list(StringSegment.objects.filter(source=source).select_related("string", "context"))
    for segment in segments if complete else segments[:1]:
        StringTranslation.objects.create(
            translation_of=segment.string,
            context=segment.context,
            locale=locale,
            data=f"EN {segment.string.data}",
        )
    translation.save_target(publish=True)
    return translation


def cell(rows, page, code):
    row = next(row for row in rows if row.page.pk == page.pk)
    return next(c for c in row.cells if c.locale.language_code == code)


def test_each_state_is_reported(home_ru):
    en = Locale.objects.get(language_code="en")
    current, partial, outdated, missing = make_pages(home_ru, 4, "state")
    translate(current, en, complete=True)
    translate(partial, en, complete=False)
    translate(outdated, en, complete=True)
    outdated.title = "Страница изменена после синхронизации"
    outdated.save_revision().publish()

    _locales, rows = status_rows(source_pages())
    assert cell(rows, current, "en").status == CURRENT
    assert cell(rows, current, "en").percent == 100
    assert cell(rows, partial, "en").status == INCOMPLETE
    partial_cell = cell(rows, partial, "en")
    assert (partial_cell.done, partial_cell.total) == (1, 4)
    assert partial_cell.percent == 25
    assert cell(rows, outdated, "en").status == OUTDATED
    assert cell(rows, missing, "en").status == MISSING
    assert cell(rows, missing, "be").status == MISSING


@pytest.mark.usefixtures("seeded")
def test_report_covers_every_source_page_of_every_type(home_ru):
    _locales, rows = status_rows(source_pages())
    reported = {row.page.pk for row in rows}
    from wagtail.models import Page

    expected = set(Page.objects.filter(depth__gt=1, locale__language_code="ru").values_list("pk", flat=True))
    assert reported == expected


def test_query_count_does_not_grow_with_pages(home_ru):
    en = Locale.objects.get(language_code="en")
    for page in make_pages(home_ru, 2, "small"):
        translate(page, en, complete=True)
    small = list(source_pages()[:3])
    with CaptureQueriesContext(connection) as few:
        status_rows(small)
    for page in make_pages(home_ru, 12, "large"):
        translate(page, en, complete=False)
    large = list(source_pages())
    assert len(large) > len(small) + 10
    with CaptureQueriesContext(connection) as many:
        status_rows(large)
    assert len(few) == len(many)


def test_admin_report_view(client, home_ru):
    moderator = UserFactory(username="mod-report", groups=["Moderators"])
    client.force_login(moderator)
    make_pages(home_ru, 1, "view")
    response = client.get(reverse("localization_translation_status"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Страница view 0" in html
    assert 'data-status="missing"' in html
    # Bad page numbers give the last page, not an error.
    assert client.get(reverse("localization_translation_status") + "?p=abc").status_code == 200
    assert client.get(reverse("localization_translation_status") + "?p=9999").status_code == 200
    # It is listed under Reports.
    assert (
        reverse("localization_translation_status")
        in client.get(reverse("wagtailadmin_home")).content.decode()
    )


def test_admin_report_needs_admin_access(client):
    client.force_login(UserFactory(username="reader-only"))
    response = client.get(reverse("localization_translation_status"))
    assert response.status_code in (302, 403)
