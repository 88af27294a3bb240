"""Translators hand in their work where they do it, Moderators hear of it, translators hear when the
source changes, and the status report covers snippets."""

import pytest

from django.core import mail
from django.urls import reverse

from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import Translation

from libraries.models import Library, Region
from localization.report import CURRENT, MANUAL, MISSING, source_snippets, status_rows
from tests.factories import LibraryFactory
from tests.helpers import run_background_jobs

from .test_workflow import translate_all

pytestmark = pytest.mark.django_db


def english():
    return Locale.objects.get(language_code="en")


def page_translation(page):
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=english())


def submit_url(translation):
    return reverse("localization_submit_for_review", args=[translation.id])


def test_the_explorer_button_posts_to_its_own_url(client, translator, en_translation):
    client.force_login(translator)
    translation = page_translation(en_translation)
    html = client.get(reverse("wagtailadmin_explore", args=[en_translation.get_parent().id])).content.decode()
    # w-action#post sends the form to the URL value; without it the explorer itself would get a POST.
    assert f'data-w-action-url-value="{submit_url(translation)}"' in html


def test_the_translation_editor_offers_the_submit_form_and_moderators_are_told(
    client,
    translator,
    moderator,
    en_translation,
):
    translation = page_translation(en_translation)
    client.force_login(translator)
    edit_url = reverse("wagtailadmin_pages:edit", args=[en_translation.id])
    translate_all(
        client,
        translation,
        {"Исходная страница": "Source page", "ishodnaya": "source-page"}
        | {
            text: f"EN {text}"
            for text in translation.source.stringsegment_set.values_list("string__data", flat=True)
            if text not in ("Исходная страница", "ishodnaya")
        },
    )
    html = client.get(edit_url).content.decode()
    assert f'action="{submit_url(translation)}"' in html
    assert "Отправить перевод на проверку" in html

    mail.outbox.clear()
    response = client.post(submit_url(translation), {"next": edit_url})
    assert response.status_code == 302 and response["Location"] == edit_url
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(en_translation.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not mail.outbox  # the request only queued the notice; the worker sends it
    run_background_jobs()
    assert moderator.email in [message.to[0] for message in mail.outbox]
    # A moderator does not get the form: they publish.
    client.force_login(moderator)
    assert f'action="{submit_url(translation)}"' not in client.get(edit_url).content.decode()


def test_an_unsafe_next_address_is_not_followed(client, translator, en_translation):
    translation = page_translation(en_translation)
    client.force_login(translator)
    response = client.post(submit_url(translation), {"next": "https://evil.example.org/"})
    assert response.status_code == 302 and "evil.example.org" not in response["Location"]


def test_translators_hear_when_the_source_of_their_translation_changes(
    client,
    translator,
    moderator,
    en_translation,
    ru_page,
):
    translation = page_translation(en_translation)
    client.force_login(translator)
    translate_all(
        client,
        translation,
        {"Исходная страница": "Source page"}
        | {
            text: f"EN {text}"
            for text in translation.source.stringsegment_set.values_list("string__data", flat=True)
            if text != "Исходная страница"
        },
    )
    mail.outbox.clear()
    ru_page.title = "Исходная страница, новая редакция"
    ru_page.save_revision(user=moderator).publish(user=moderator)
    run_background_jobs()
    notices = [message for message in mail.outbox if message.to == [translator.email]]
    assert len(notices) == 1
    assert "Исходная страница, новая редакция" in notices[0].subject
    assert reverse("wagtailadmin_pages:edit", args=[en_translation.id]) in notices[0].body
    # Nobody else translated it: nobody else hears.
    assert all(message.to == [translator.email] for message in mail.outbox if "перевод" in message.subject)


def test_the_status_report_covers_snippets(client, moderator, seeded):
    library = LibraryFactory(full_name="Библиотека без перевода")
    locales, rows = status_rows(source_snippets(Library).filter(pk=library.pk))
    assert [cell.status for cell in rows[0].cells] == [MISSING] * len(locales)
    # Region names shipped in three languages, not through the translation workflow.
    region = Region.objects.get(code="31", locale__language_code="ru")
    _locales, rows = status_rows([region])
    assert {cell.status for cell in rows[0].cells} == {MANUAL}

    client.force_login(moderator)
    report = reverse("localization_translation_status")
    html = client.get(report).content.decode()
    for label in ("Библиотеки", "Регионы", "Официальные документы", "Записи хроники"):
        assert label in html, label
    html = client.get(report + "?kind=libraries.library&p=1").content.decode()
    assert "Библиотека без перевода" not in html or 'data-status="missing"' in html
    # An unknown kind shows pages, not an error.
    assert client.get(report + "?kind=no.such").status_code == 200


def test_a_translated_snippet_is_current_in_the_report(client, seeded):
    library = Library.objects.get(slug="bgunb", locale__language_code="ru")
    _locales, rows = status_rows([library])
    english_cell = next(cell for cell in rows[0].cells if cell.locale.language_code == "en")
    assert english_cell.status == CURRENT and english_cell.live
