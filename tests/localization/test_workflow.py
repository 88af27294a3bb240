"""Translation workflow through the real wagtail-localize admin views."""

import re

import polib
import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Locale, Page, WorkflowState
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from core.models import BackgroundJob
from home.models import StandardPage
from tests.factories import StandardPageFactory, UserFactory
from tests.helpers import run_background_jobs

pytestmark = pytest.mark.django_db

CYRILLIC = re.compile(r"[А-Яа-яЁё]")

PARAGRAPHS = [
    "<p>Библиотеки обмениваются опытом и изданиями.</p>",
    "<p>Форум проходит в Белгороде каждый год.</p>",
    "<p>Присоединиться к движению может любая библиотека.</p>",
]
ENGLISH = {
    "Соглашение о сотрудничестве": "Cooperation agreement",
    # Slugs are translatable: the English page gets an English address.
    "soglashenie": "cooperation-agreement",
    "Вводный абзац о сотрудничестве библиотек.": "An introduction to cooperation between libraries.",
    "Библиотеки обмениваются опытом и изданиями.": "Libraries share experience and publications.",
    "Форум проходит в Белгороде каждый год.": "The forum takes place in Belgorod every year.",
    "Присоединиться к движению может любая библиотека.": "Any library can join the movement.",
}


def en():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def source_page(home_ru):
    page = StandardPageFactory(
        parent=home_ru,
        title="Соглашение о сотрудничестве",
        slug="soglashenie",
        body=[("paragraph", RichText(html)) for html in PARAGRAPHS],
    )
    page.save_revision().publish()
    return StandardPage.objects.get(pk=page.pk)


@pytest.fixture
def superuser():
    return UserFactory(username="boss", is_superuser=True, is_staff=True)


@pytest.fixture
def translation(client, superuser, source_page):
    """Submitted for translation into English through the admin's "Translate this page"."""
    client.force_login(superuser)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[source_page.id]), {"locales": [en().id]}
    )
    assert response.status_code == 302
    client.logout()
    return Translation.objects.get(source__object_id=source_page.translation_key, target_locale=en())


def translate_all(client, translation, mapping):
    """Fill every segment through the editor's own string API, as a translator's browser does."""
    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    assert {segment.string.data for segment in segments} <= set(mapping)
    translate_some(client, translation, mapping)


def translate_some(client, translation, mapping):
    """Edit the segments whose source text is in ``mapping``, and only those."""
    segments = StringSegment.objects.filter(
        source=translation.source, string__data__in=list(mapping)
    ).select_related("string")
    for segment in segments:
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.id, segment.id])
        response = client.put(
            url, f"value={mapping[segment.string.data]}", content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code in (200, 201), response.content


def publish(client, page_id):
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page_id]), {"action": "publish"})
    assert response.status_code == 302


def body_texts(page):
    return [re.sub(r"<p[^>]*>", "<p>", block.value.source) for block in page.body]


def test_a_new_translation_is_a_draft_not_russian_text_under_en(client, translation, source_page):
    target = translation.get_target_instance()
    assert target.locale.language_code == "en"
    assert not target.live  # WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
    assert client.get(f"/en/{source_page.slug}/").status_code == 404


def test_po_round_trip_through_the_admin(client, translation, source_page, translator):
    client.force_login(translator)
    edit_url = reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().id])
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.id]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/x-gettext-translation")
    po = polib.pofile(response.content.decode())
    assert {entry.msgid for entry in po} == set(ENGLISH)
    assert po.metadata["X-WagtailLocalize-TranslationID"] == str(translation.uuid)
    for entry in po:
        entry.msgstr = ENGLISH[entry.msgid]
    upload = SimpleUploadedFile(
        "agreement-en.po", str(po).encode(), content_type="text/x-gettext-translation"
    )
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.id]), {"file": upload, "next": edit_url}
    )
    # The request returns at once; the worker imports the file and the job page leads back.
    job = BackgroundJob.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("core_job", args=[job.pk])
    assert run_background_jobs() == 1
    job.refresh_from_db()
    assert job.status == BackgroundJob.Status.DONE and job.return_url == edit_url
    assert f'href="{edit_url}"' in client.get(response["Location"]).content.decode()

    stored = {
        st.translation_of.data: st
        for st in StringTranslation.objects.filter(locale=en()).select_related("translation_of")
        if st.translation_of.data in ENGLISH
    }
    assert {source: st.data for source, st in stored.items()} == ENGLISH
    assert {st.tool_name for st in stored.values()} == {"PO File"}
    assert translation.get_progress() == (6, 6)

    # The translator hands it to the moderators; a moderator approves and it is published.
    response = client.post(reverse("localization_submit_for_review", args=[translation.id]))
    assert response.status_code == 302
    target = translation.get_target_instance()
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(target.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not Page.objects.get(pk=target.pk).live
    assert client.get(f"/en/{source_page.slug}/").status_code == 404

    moderator = UserFactory(username="mod", groups=["Moderators"])
    client.force_login(moderator)
    task_state = state.current_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[target.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    target = StandardPage.objects.get(pk=target.pk)
    assert target.live
    assert target.title == "Cooperation agreement"
    html = client.get(f"/en/{target.slug}/").content.decode()
    assert "Libraries share experience and publications." in html
    for russian in PARAGRAPHS:
        assert russian[3:-4] not in html


def test_upload_of_a_foreign_or_broken_po_is_refused_with_a_message(client, translation, translator):
    client.force_login(translator)
    url = reverse("wagtail_localize:upload_pofile", args=[translation.id])
    other = polib.POFile()
    other.metadata = {"X-WagtailLocalize-TranslationID": "00000000-0000-0000-0000-000000000000"}
    response = client.post(url, {"file": SimpleUploadedFile("x.po", str(other).encode())})
    assert response.status_code == 302
    run_background_jobs()
    job = BackgroundJob.objects.get()
    assert (
        job.status == BackgroundJob.Status.FAILED and "другого перевода" in job.message
    )  # the admin language
    html = client.get(response["Location"]).content.decode()
    assert job.message in html
    assert not StringTranslation.objects.filter(
        locale=en(), translation_of__segments__source=translation.source
    ).exists()


@pytest.mark.parametrize(
    ("upload", "at_once"),
    [
        (None, True),  # no file at all
        (SimpleUploadedFile("x.po", b"\x00\xff\xfe garbage"), True),
        (SimpleUploadedFile("x.po", b'msgid "a"\nmsgstr "b\x00"\n'), True),  # NUL: PostgreSQL refuses it
        (SimpleUploadedFile("x.po", "Привет".encode("cp1251")), True),
        (SimpleUploadedFile("x.po", b'msgid "a"\nmsgstr "b"\n'), False),  # no translation id
        (SimpleUploadedFile("x.po", b"msgid "), False),  # truncated
    ],
)
def test_upload_of_a_missing_or_malformed_po_gives_a_message_not_an_error(
    client, translation, translator, upload, at_once
):
    client.force_login(translator)
    url = reverse("wagtail_localize:upload_pofile", args=[translation.id])
    response = client.post(url, {"file": upload} if upload else {}, follow=True)
    assert response.status_code == 200
    if at_once:
        assert any(message.level_tag == "error" for message in response.context["messages"])
        assert not BackgroundJob.objects.exists()
    else:
        run_background_jobs()
        job = BackgroundJob.objects.get()
        assert job.status == BackgroundJob.Status.FAILED and job.message
    assert not StringTranslation.objects.filter(
        locale=en(), translation_of__segments__source=translation.source
    ).exists()


def download_po(client, translation):
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.id]))
    assert response.status_code == 200
    return polib.pofile(response.content.decode())


def stored_english(translation):
    return {
        row.translation_of.data: row.data
        for row in StringTranslation.objects.filter(
            locale=en(), translation_of__segments__source=translation.source
        ).select_related("translation_of")
    }


def test_a_stale_po_file_does_not_overwrite_newer_edits_in_the_editor(client, translation, translator):
    client.force_login(translator)
    title, intro = "Соглашение о сотрудничестве", "Вводный абзац о сотрудничестве библиотек."
    translate_all(client, translation, {text: ENGLISH[text] for text in ENGLISH} | {title: "First draft"})
    po = download_po(client, translation)  # an external translator takes the file away

    # Meanwhile the title alone is improved in the editor.
    translate_some(client, translation, {title: "Cooperation agreement"})
    assert stored_english(translation)[title] == "Cooperation agreement"

    # The external translator returns the old file with the introduction reworded.
    for entry in po:
        if entry.msgid == intro:
            entry.msgstr = "A short introduction to library cooperation."
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.id]),
        {"file": SimpleUploadedFile("agreement-en.po", str(po).encode())},
    )
    assert response.status_code == 302
    run_background_jobs()
    stored = stored_english(translation)
    assert stored[title] == "Cooperation agreement"  # the newer edit is kept
    assert stored[intro] == "A short introduction to library cooperation."  # the file's own change lands
    html = client.get(response["Location"]).content.decode()
    warning = re.search(r'<p class="po-stale">(.*?)</p>', html, re.S).group(1)
    assert "«Соглашение о сотрудничестве»" in warning


def test_a_po_file_without_a_download_date_only_fills_gaps(client, translation, translator):
    client.force_login(translator)
    title = "Соглашение о сотрудничестве"
    translate_all(client, translation, ENGLISH)
    po = download_po(client, translation)
    del po.metadata["POT-Creation-Date"]  # some PO editors drop it
    for entry in po:
        entry.msgstr = "Overwritten" if entry.msgid == title else entry.msgstr
    client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.id]),
        {"file": SimpleUploadedFile("agreement-en.po", str(po).encode())},
    )
    run_background_jobs()
    assert stored_english(translation) == ENGLISH


def test_sync_keeps_unchanged_segments_and_flags_the_changed_one(
    client, translation, source_page, superuser, translator
):
    client.force_login(translator)
    translate_all(client, translation, ENGLISH)
    client.force_login(superuser)
    publish(client, translation.get_target_instance().id)
    target = translation.get_target_instance()
    assert body_texts(target) == [f"<p>{ENGLISH[p[3:-4]]}</p>" for p in PARAGRAPHS]

    # The editor changes the second paragraph of the Russian source in the page editor.
    ids = [block.id for block in source_page.body]
    new_second = "<p>Форум проходит в Белгороде каждую весну.</p>"
    data = nested_form_data(
        {
            "title": source_page.title,
            "slug": source_page.slug,
            "introduction": source_page.introduction,
            "body": streamfield(
                [("paragraph", rich_text(html)) for html in [PARAGRAPHS[0], new_second, PARAGRAPHS[2]]]
            ),
            "action-publish": "publish",
        }
    )
    for index, block_id in enumerate(ids):
        data[f"body-{index}-id"] = block_id
    response = client.post(reverse("wagtailadmin_pages:edit", args=[source_page.id]), data)
    assert response.status_code == 302

    # "Sync translated pages" in the admin, without publishing.
    source = TranslationSource.objects.get(pk=translation.source_id)
    response = client.post(reverse("wagtail_localize:update_translations", args=[source.id]), {})
    assert response.status_code == 302
    annotated = {
        segment.string.data: segment.translation
        for segment in StringSegment.objects.filter(source=source)
        .select_related("string")
        .annotate_translation(en())
    }
    assert (
        annotated["Библиотеки обмениваются опытом и изданиями."]
        == ENGLISH["Библиотеки обмениваются опытом и изданиями."]
    )
    assert (
        annotated["Присоединиться к движению может любая библиотека."]
        == ENGLISH["Присоединиться к движению может любая библиотека."]
    )
    assert annotated["Соглашение о сотрудничестве"] == "Cooperation agreement"
    assert annotated["Форум проходит в Белгороде каждую весну."] is None  # flagged: needs translating
    assert "Форум проходит в Белгороде каждый год." not in annotated
    assert translation.get_progress() == (6, 5)

    # The published English page is untouched until the new segment is translated.
    target = StandardPage.objects.get(pk=target.pk)
    assert body_texts(target)[1] == "<p>The forum takes place in Belgorod every year.</p>"
    assert not CYRILLIC.search(client.get(f"/en/{target.slug}/").content.decode().split("<main", 1)[1])


def test_sync_with_publish_never_publishes_an_unfinished_translation(
    client, translation, source_page, superuser
):
    client.force_login(superuser)
    translate_all(client, translation, ENGLISH)
    publish(client, translation.get_target_instance().id)
    source_page.body = [("paragraph", RichText("<p>Совсем новый абзац.</p>"))]
    source_page.save_revision().publish()
    response = client.post(
        reverse("wagtail_localize:update_translations", args=[translation.source_id]),
        {"publish_translations": "on"},
        follow=True,
    )
    assert response.status_code == 200
    assert "Not published" in response.content.decode() or "Не опубликовано" in response.content.decode()
    target = StandardPage.objects.get(pk=translation.get_target_instance().pk)
    assert "Совсем новый абзац." not in str(target.body)
    assert body_texts(target)[0] == "<p>Libraries share experience and publications.</p>"


def test_translators_may_sync_but_not_publish_by_syncing(client, translation, translator):
    client.force_login(translator)
    url = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    response = client.post(url, {"publish_translations": "on"})
    assert response.status_code == 200  # the form again, with the refusal
    assert not translation.get_target_instance().live


def test_machine_translation_fills_only_empty_segments(client, translation, translator):
    client.force_login(translator)
    first = StringSegment.objects.filter(source=translation.source).select_related("string").first()
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.id, first.id])
    client.put(url, "value=Human translation", content_type="application/x-www-form-urlencoded")
    response = client.post(reverse("wagtail_localize:machine_translate", args=[translation.id]))
    assert response.status_code == 302
    assert StringTranslation.objects.get(
        translation_of=first.string, locale=en(), context=first.context
    ).data == ("Human translation")
    assert translation.get_progress() == (6, 6)
    dummy = StringTranslation.objects.filter(
        locale=en(),
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        translation_of__segments__source=translation.source,
    ).distinct()
    assert dummy.count() == 5


def test_restarting_a_stopped_translation_keeps_direct_edits(client, translation, superuser):
    """wagtail-localize #876: hand edits made while a translation was stopped survive its restart."""
    client.force_login(superuser)
    translate_all(client, translation, ENGLISH)
    target_id = translation.get_target_instance().id
    publish(client, target_id)
    response = client.post(
        reverse("wagtail_localize:stop_translation", args=[translation.id]),
        {"next": reverse("wagtailadmin_pages:edit", args=[target_id])},
    )
    assert response.status_code == 302
    # Now the ordinary editor: the translator polishes the second paragraph by hand.
    target = StandardPage.objects.get(pk=target_id)
    polished = "<p>The forum is held in Belgorod every year.</p>"
    data = nested_form_data(
        {
            "title": target.title,
            "slug": target.slug,
            "introduction": target.introduction,
            "body": streamfield([("paragraph", rich_text(block.value.source)) for block in target.body]),
            "action-publish": "publish",
        }
    )
    data["body-1-value"] = rich_text(polished)
    for index, block in enumerate(target.body):
        data[f"body-{index}-id"] = block.id
    response = client.post(reverse("wagtailadmin_pages:edit", args=[target_id]), data)
    assert response.status_code == 302
    assert body_texts(StandardPage.objects.get(pk=target_id))[1] == polished

    # "Start Synced translation", then publish from the translation editor.
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[target_id]), {"localize-restart-translation": "1"}
    )
    assert response.status_code == 302
    assert Translation.objects.get(pk=translation.pk).enabled
    publish(client, target_id)
    assert body_texts(StandardPage.objects.get(pk=target_id))[1] == polished


def test_convert_to_alias_is_refused(client, translation, superuser, source_page):
    client.force_login(superuser)
    translate_all(client, translation, ENGLISH)
    target_id = translation.get_target_instance().id
    publish(client, target_id)
    response = client.post(reverse("wagtail_localize:convert_to_alias", args=[target_id]))
    assert response.status_code == 302
    target = Page.objects.get(pk=target_id)
    assert target.alias_of_id is None
    assert Translation.objects.filter(pk=translation.pk).exists()
    assert StandardPage.objects.get(pk=target_id).title == "Cooperation agreement"
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[target_id]))
    assert b"localize-convert-to-alias" not in edit.content


def test_an_alias_in_another_language_is_not_served(client, source_page, home_en):
    alias = source_page.create_alias(parent=home_en, update_locale=home_en.locale)
    assert alias.live
    assert client.get(f"/en/{alias.slug}/").status_code == 404


def test_a_subtree_is_submitted_as_drafts(client, superuser, source_page):
    child = StandardPageFactory(parent=source_page, title="Приложение к соглашению", slug="prilozhenie")
    child.save_revision().publish()
    client.force_login(superuser)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[source_page.id]),
        {"locales": [en().id], "include_subtree": "on"},
    )
    assert response.status_code == 302
    english_child = child.get_translation(en())
    assert not english_child.live
    assert Translation.objects.filter(source__object_id=child.translation_key, target_locale=en()).exists()
    assert client.get(f"/en/{source_page.slug}/{child.slug}/").status_code == 404


def test_resubmitting_a_published_page_translation_keeps_the_public_text_until_approved(
    client, translation, source_page, superuser, translator, moderator
):
    client.force_login(translator)
    translate_all(client, translation, ENGLISH)
    client.force_login(superuser)
    publish(client, translation.get_target_instance().id)
    target = translation.get_target_instance()
    target.get_latest_revision().publish()  # the editor's publish runs on commit, outside this test
    assert StandardPage.objects.get(pk=target.pk).live

    client.force_login(translator)
    translate_some(client, translation, {"Соглашение о сотрудничестве": "Agreement on cooperation"})
    response = client.post(reverse("localization_submit_for_review", args=[translation.id]))
    assert response.status_code == 302
    target = StandardPage.objects.get(pk=target.pk)
    assert target.live and target.title == "Cooperation agreement"
    assert target.get_latest_revision_as_object().title == "Agreement on cooperation"
    assert "Agreement on cooperation" not in client.get(f"/en/{target.slug}/").content.decode()

    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(target.pk))
    client.force_login(moderator)
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action", args=[target.pk, "approve", state.current_task_state.pk]
        ),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    assert StandardPage.objects.get(pk=target.pk).title == "Agreement on cooperation"
