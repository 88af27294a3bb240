"""Editors record an agreement's chronicle from the agreement; Moderators publish it; notes are
translated; a published entry stays as it was."""

import datetime

import feedparser
import pytest

from django.core import mail
from django.urls import reverse

from wagtail.models import Locale, TaskState, WorkflowState
from wagtail_localize.models import Translation

from partnerships.models import ChronicleEntry
from tests.factories import AgreementPageFactory, LibraryFactory, UserFactory
from tests.helpers import run_background_jobs
from tests.localization.test_workflow import translate_all

pytestmark = pytest.mark.django_db


def entries_url(action, *args):
    return reverse(ChronicleEntry.snippet_viewset.get_url_name(action), args=args)


@pytest.fixture
def agreement(section):
    page = AgreementPageFactory(parent=section, title="Соглашение о хронике", slug="soglashenie-o-hronike")
    page.save_revision().publish()
    return page


@pytest.fixture
def people():
    return {
        "editor": UserFactory(username="chronicle-editor", groups=["Editors"]),
        "moderator": UserFactory(username="chronicle-moderator", groups=["Moderators"]),
        "translator": UserFactory(username="chronicle-translator", groups=["Translators"]),
    }


def entry_data(agreement, library, **values):
    data = {
        "agreement": str(agreement.pk),
        "date": "2025-02-03",
        "kind": "join",
        "library": str(library.pk),
        "note": "Библиотека присоединилась к соглашению.",
        "link": "",
        "corrects": "",
    }
    data.update(values)
    return data


def approve(client, moderator, entry):
    client.force_login(moderator)
    task_state = TaskState.objects.get(workflow_state__object_id=str(entry.pk), status="in_progress")
    url = entries_url("workflow_action", entry.pk, "approve", task_state.pk)
    assert client.post(url, {"comment": ""}).status_code in (200, 302)
    return ChronicleEntry.objects.get(pk=entry.pk)


def test_an_editor_records_a_join_and_a_moderator_publishes_it(client, agreement, people):
    library = LibraryFactory(full_name="Библиотека-участница хроники")
    client.force_login(people["editor"])
    # The agreement's editor offers «Add a chronicle entry», which arrives with the agreement chosen.
    edit_page = client.get(reverse("wagtailadmin_pages:edit", args=[agreement.pk])).content.decode()
    add_url = entries_url("add") + f"?agreement={agreement.pk}"
    assert add_url in edit_page.replace("&amp;", "&")
    form = client.get(add_url).context["form"]
    assert form.initial.get("agreement") == agreement.pk or form.instance.agreement_id == agreement.pk
    # The chronicle is in the editor's menu.
    assert entries_url("list") in client.get(reverse("wagtailadmin_home")).content.decode()

    mail.outbox.clear()
    response = client.post(add_url, entry_data(agreement, library, **{"action-submit": "action-submit"}))
    assert response.status_code == 302
    entry = ChronicleEntry.objects.get(library=library)
    assert not entry.live
    state = WorkflowState.objects.for_instance(entry).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    run_background_jobs()
    assert people["moderator"].email in [message.to[0] for message in mail.outbox]
    # Not public until approved.
    assert "Библиотека-участница хроники" not in client.get(agreement.url).content.decode()

    entry = approve(client, people["moderator"], entry)
    assert entry.live
    html = client.get(agreement.url).content.decode()
    assert "Библиотека-участница хроники" in html and "Библиотека присоединилась к соглашению." in html
    feed = feedparser.parse(client.get(agreement.url + "chronicle/feed/").content)
    assert any("Библиотека-участница хроники" in item.title for item in feed.entries)


def test_a_published_entry_is_not_edited_or_deleted_by_anyone(client, agreement, people):
    library = LibraryFactory()
    entry = ChronicleEntry(agreement=agreement, kind="join", library=library, date=datetime.date(2025, 1, 1))
    entry.full_clean()
    entry.save()
    for person in ("editor", "moderator"):
        client.force_login(people[person])
        response = client.post(entries_url("edit", entry.pk), entry_data(agreement, library, note="Иначе"))
        assert response.status_code == 302 and "/edit/" not in response["Location"]
        response = client.post(entries_url("delete", entry.pk))
        assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.live and entry.note == ""


def test_a_rejected_draft_is_corrected_before_it_is_published(client, agreement, people):
    library = LibraryFactory()
    client.force_login(people["editor"])
    client.post(
        entries_url("add") + f"?agreement={agreement.pk}",
        entry_data(agreement, library, note="Опечтка", **{"action-submit": "action-submit"}),
    )
    entry = ChronicleEntry.objects.get(library=library)
    # In moderation the draft is locked for its editor; the moderator asks for changes.
    client.force_login(people["moderator"])
    task_state = TaskState.objects.get(workflow_state__object_id=str(entry.pk), status="in_progress")
    url = entries_url("workflow_action", entry.pk, "reject", task_state.pk)
    assert client.post(url, {"comment": "Опечатка в примечании"}).status_code in (200, 302)
    client.force_login(people["editor"])
    response = client.post(
        entries_url("edit", entry.pk),
        entry_data(agreement, library, note="Без опечатки", **{"action-submit": "action-submit"}),
    )
    assert response.status_code == 302
    assert ChronicleEntry.objects.get(pk=entry.pk).get_latest_revision_as_object().note == "Без опечатки"
    entry = approve(client, people["moderator"], entry)
    assert entry.live and entry.note == "Без опечатки"


def test_the_note_is_translated_and_shown_in_english(client, agreement, people):
    entry = ChronicleEntry(
        agreement=agreement,
        kind="work_plan",
        library=None,
        date=datetime.date(2025, 3, 1),
        note="Утверждён план совместной работы.",
    )
    entry.full_clean()
    entry.save()
    english = Locale.objects.get(language_code="en")
    client.force_login(UserFactory(username="chronicle-boss", is_superuser=True, is_staff=True))
    submit = [
        reverse("wagtail_localize:submit_page_translation", args=[agreement.pk]),
        reverse(
            "wagtail_localize:submit_snippet_translation", args=["partnerships", "chronicleentry", entry.pk]
        ),
    ]
    for url in submit:
        assert client.post(url, {"locales": [english.id]}).status_code == 302
    english_page = agreement.get_translation(english)
    english_page.title = "Chronicle agreement"
    english_page.save_revision().publish()
    note = Translation.objects.get(source__object_id=entry.translation_key, target_locale=english)
    client.force_login(people["translator"])
    translate_all(client, note, {"Утверждён план совместной работы.": "A joint work plan was adopted."})
    response = client.post(reverse("localization_submit_for_review", args=[note.id]))
    assert response.status_code == 302
    english_entry = entry.get_translation(english)
    assert not english_entry.live
    # Until approved, the English page shows the Russian note, marked as Russian.
    html = client.get(english_page.url).content.decode()
    assert '<p lang="ru">Утверждён план совместной работы.</p>' in html
    approve(client, people["moderator"], english_entry)
    html = client.get(english_page.url).content.decode()
    assert "<p>A joint work plan was adopted.</p>" in html
