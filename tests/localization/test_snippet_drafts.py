"""Translations of snippets are drafts until a moderator publishes them, and a published
translation keeps its public text while an update of it is being moderated."""

import pytest

from django.urls import reverse

from wagtail.models import Locale, Revision, WorkflowContentType, WorkflowState
from wagtail_localize.models import StringSegment, Translation

from documents.models import DocumentIndexPage, OfficialDocument
from home.models import FooterContent
from libraries.models import Library
from news.models import NewsIndexPage, Topic
from partnerships.models import LibraryIndexPage
from tests.factories import LibraryFactory, OfficialDocumentFactory, TopicFactory, UserFactory
from tests.helpers import snippet_url_name

from .test_workflow import translate_all

pytestmark = pytest.mark.django_db


def locale(code):
    return Locale.objects.get(language_code=code)


@pytest.fixture
def superuser():
    return UserFactory(username="chief", is_superuser=True, is_staff=True)


def submit_for_translation(client, user, obj, code="en"):
    """The admin's "Translate" action on a snippet."""
    client.force_login(user)
    url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[obj._meta.app_label, obj._meta.model_name, obj.pk],
    )
    response = client.post(url, {"locales": [locale(code).id]})
    assert response.status_code == 302
    client.logout()
    return Translation.objects.get(source__object_id=obj.translation_key, target_locale=locale(code))


def submit_for_review(client, translator, translation):
    client.force_login(translator)
    response = client.post(reverse("localization_submit_for_review", args=[translation.id]))
    assert response.status_code == 302
    return response


def approve(client, moderator, obj):
    obj = type(obj).objects.get(pk=obj.pk)
    state = obj.current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    client.force_login(moderator)
    url = reverse(
        snippet_url_name(obj, "workflow_action"),
        args=[obj.pk, "approve", state.current_task_state.pk],
    )
    response = client.post(url, {"comment": ""})
    assert response.status_code in (200, 302)
    return type(obj).objects.get(pk=obj.pk)


def test_every_translatable_snippet_with_text_has_drafts_and_a_moderation_workflow():
    for model in (Library, OfficialDocument, Topic, FooterContent):
        assert {"live", "latest_revision", "live_revision"} <= {f.name for f in model._meta.get_fields()}
        assert WorkflowContentType.objects.filter(content_type__model=model._meta.model_name).exists()


def test_translators_may_not_publish_snippets_and_moderators_may(translator, moderator):
    for model in (Library, OfficialDocument, Topic, FooterContent):
        codename = f"{model._meta.app_label}.publish_{model._meta.model_name}"
        assert not translator.has_perm(codename)
        assert translator.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")
        assert moderator.has_perm(codename)


@pytest.mark.usefixtures("seeded")
def test_a_library_translation_is_hidden_until_a_moderator_approves_it(
    client, superuser, translator, moderator
):
    library = LibraryFactory(full_name="Библиотека хутора Тестовый", slug="khutor-testovyi")
    translation = submit_for_translation(client, superuser, library)
    english = library.get_translation(locale("en"))
    assert not english.live

    client.force_login(translator)
    translate_all(client, translation, {"Библиотека хутора Тестовый": "Library of Testovy farmstead"})
    submit_for_review(client, translator, translation)
    english = Library.objects.get(pk=english.pk)
    assert not english.live
    assert english.get_latest_revision_as_object().full_name == "Library of Testovy farmstead"

    directory = LibraryIndexPage.objects.get(locale__language_code="en")
    profile = directory.url + directory.reverse_subpage("profile", args=[library.slug])
    html = client.get(profile).content.decode()
    assert "Library of Testovy farmstead" not in html
    # The published source is shown until the translation is approved, marked as Russian.
    assert '<h1 lang="ru">Библиотека хутора Тестовый</h1>' in html

    english = approve(client, moderator, english)
    assert english.live and english.full_name == "Library of Testovy farmstead"
    html = client.get(profile).content.decode()
    assert "<h1>Library of Testovy farmstead</h1>" in html
    assert "Библиотека хутора Тестовый" not in html


@pytest.mark.usefixtures("seeded")
def test_a_draft_document_translation_is_not_in_the_english_registry(client, superuser):
    document = OfficialDocumentFactory(title="Письмо о проведении флешмоба", slug="pismo-fleshmob")
    submit_for_translation(client, superuser, document)
    english = document.get_translation(locale("en"))
    assert not english.live
    registry = DocumentIndexPage.objects.get(locale__language_code="en")
    assert english not in registry.documents()
    detail = registry.url + registry.reverse_subpage("document", args=[english.slug])
    assert client.get(detail).status_code == 404
    assert document.get_translation(locale("ru")).slug not in client.get(registry.url).content.decode()


@pytest.mark.usefixtures("seeded")
def test_a_draft_topic_translation_is_not_offered_as_an_english_filter(client, superuser):
    topic = TopicFactory(name="Краеведение", slug="local-history")
    submit_for_translation(client, superuser, topic)
    english_topic = topic.get_translation(locale("en"))
    assert not english_topic.live
    index = NewsIndexPage.objects.get(locale__language_code="en")
    assert english_topic not in Topic.objects.filter(locale=index.locale, live=True)
    html = client.get(index.url).content.decode()
    assert 'value="local-history"' not in html
    assert "Краеведение" not in html


@pytest.mark.usefixtures("seeded")
def test_updating_a_published_translation_keeps_the_public_text_until_approved(
    client, superuser, translator, moderator
):
    source = FooterContent.objects.get(locale__language_code="ru")
    english = FooterContent.objects.get(locale__language_code="en")
    published = english.organisation
    assert published and published in client.get("/en/").content.decode()

    # The Russian source changes; the translation is synced (without publishing).
    source.organisation = "Сеть библиотек-тёзок «Вместе сильнее»"
    source.save_revision().publish()
    translation = Translation.objects.get(
        source__object_id=source.translation_key, target_locale=english.locale
    )
    client.force_login(superuser)
    response = client.post(reverse("wagtail_localize:update_translations", args=[translation.source_id]), {})
    assert response.status_code == 302

    client.force_login(translator)
    mapping = {
        segment.string.data: segment.string.data
        for segment in StringSegment.objects.filter(source=translation.source).select_related("string")
    }
    mapping.update(
        {
            source.organisation: "The «Stronger Together» network of namesake libraries",
            **{
                text: english_text
                for text, english_text in _current_english(translation).items()
                if text != source.organisation
            },
        }
    )
    translate_all(client, translation, mapping)
    submit_for_review(client, translator, translation)

    english = FooterContent.objects.get(pk=english.pk)
    assert english.live
    assert english.organisation == published  # the row readers see is untouched
    assert english.has_unpublished_changes
    html = client.get("/en/").content.decode()
    assert published in html and "namesake libraries" not in html

    english = approve(client, moderator, english)
    assert english.organisation == "The «Stronger Together» network of namesake libraries"
    assert "namesake libraries" in client.get("/en/").content.decode()


def _current_english(translation):
    """Source string → its stored English translation, for the segments that have one."""
    segments = (
        StringSegment.objects.filter(source=translation.source)
        .select_related("string")
        .annotate_translation(translation.target_locale)
    )
    return {segment.string.data: segment.translation for segment in segments if segment.translation}


def test_publishing_in_the_editor_is_refused_while_segments_are_untranslated(
    client, superuser, django_capture_on_commit_callbacks
):
    topic = TopicFactory(name="Чтение летом", slug="summer-reading")
    translation = submit_for_translation(client, superuser, topic)
    english = topic.get_translation(locale("en"))
    edit_url = reverse(snippet_url_name(english, "edit"), args=[english.pk])
    client.force_login(superuser)

    response = client.post(edit_url, {"action": "publish"}, follow=True)
    assert response.status_code == 200
    # The admin speaks Russian by default.
    errors = [str(m) for m in response.context["messages"] if m.level_tag == "error"]
    assert errors == ["Не опубликовано: 1 из 1 фрагментов ещё не переведены."]
    english = Topic.objects.get(pk=english.pk)
    assert not english.live and english.name == "Чтение летом"

    translate_all(client, translation, {"Чтение летом": "Summer reading"})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url, {"action": "publish"})
    assert response.status_code == 302
    english = Topic.objects.get(pk=english.pk)
    assert english.live and english.name == "Summer reading"
    assert Revision.objects.for_instance(english).filter(pk=english.live_revision_id).exists()


def test_the_translator_finds_the_submit_button_in_the_snippet_listing(client, superuser, translator):
    topic = TopicFactory(name="Детское чтение", slug="children-reading")
    translation = submit_for_translation(client, superuser, topic)
    client.force_login(translator)
    listing = reverse(snippet_url_name(Topic, "list")) + "?locale=en"
    html = client.get(listing).content.decode()
    assert reverse("localization_submit_for_review", args=[translation.id]) in html
