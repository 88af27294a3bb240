"""Every block's preview speaks the editor's language: Russian, English or Belarusian."""

import functools
import re
from html.parser import HTMLParser

import pytest
import wagtail_factories

from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise

from wagtail.blocks import Block
from wagtail.rich_text import RichText
from wagtail.users.models import UserProfile

import core.blocks
import documents.blocks
import events.blocks
import movement.blocks
import partnerships.blocks
from tests.factories import OfficialDocumentFactory

pytestmark = pytest.mark.django_db

MODULES = (core.blocks, movement.blocks, partnerships.blocks, events.blocks, documents.blocks)
BLOCKS = sorted(
    (
        cls
        for module in MODULES
        for cls in vars(module).values()
        if isinstance(cls, type)
        and issubclass(cls, Block)
        and cls.__module__ == module.__name__
        and hasattr(cls._meta_class, "preview_value")
    ),
    key=lambda cls: cls.__name__,
)
# Blocks whose template links a stored document: their preview takes one from the database.
WITH_DOCUMENT = {core.blocks.DocumentLinkBlock, documents.blocks.OfficialDocumentBlock}

CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN = re.compile(r"[A-Za-z]")
NOT_RUSSIAN = re.compile(r"[іІўЎ]")  # letters the Russian alphabet lacks
NOT_BELARUSIAN = re.compile(r"[иИщЩъЪ]")  # letters the Belarusian alphabet lacks
ENGLISH_WORD = re.compile(r"\b[a-z]{3,}\b")
# Hashtags and addresses are written the same way in every language.
NAMES = re.compile(r"#\w+|https?://\S+")


class TextParser(HTMLParser):
    """The text a reader sees; only inside <main> when the page has one."""

    def __init__(self):
        super().__init__()
        self.parts, self.main, self.depth = [], [], 0

    def handle_starttag(self, tag, attrs):
        self.depth += tag == "main"

    def handle_endtag(self, tag):
        self.depth -= tag == "main"

    def handle_data(self, data):
        self.parts.append(data)
        if self.depth:
            self.main.append(data)


def text_of(html):
    parser = TextParser()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.main or parser.parts).split())


def assert_language(text, language, where):
    words = NAMES.sub(" ", text)
    if language == "en":
        assert LATIN.search(words) and not CYRILLIC.search(words), f"{where}: not English: {text!r}"
        return
    foreign = NOT_RUSSIAN if language == "ru" else NOT_BELARUSIAN
    assert CYRILLIC.search(words), f"{where}: no {language} text: {text!r}"
    assert not foreign.search(words), f"{where}: not {language}: {text!r}"
    assert not ENGLISH_WORD.search(words), f"{where}: English left in {language}: {text!r}"


def lazy_texts(value):
    """The translatable texts of a preview value as written in the block's Meta."""
    if isinstance(value, Promise):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, (list, tuple)):
        return [text for item in value for text in lazy_texts(item)]
    return []


def expected_texts(block):
    """The preview's texts in the active language, as the reader sees them (rich text as text)."""
    preview = block.meta.preview_value
    if not isinstance(preview, functools.partial):
        return []
    return [text_of(str(text)) for text in lazy_texts(preview.args[0])]


def unresolved(value):
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, (list, tuple)):
        return any(unresolved(item) for item in value)
    return isinstance(value, Promise)


@pytest.fixture
def stored_documents():
    wagtail_factories.DocumentFactory(title="document")
    OfficialDocumentFactory()


def preview_of(block):
    """What the preview shows, and the texts it must contain, in the active language."""
    value = block.get_preview_value()
    html = block.render(value, context=block.get_preview_context(value, {}))
    return text_of(html), expected_texts(block)


@pytest.mark.parametrize("block_class", BLOCKS, ids=lambda cls: cls.__name__)
def test_preview_in_each_language(block_class, request):
    if block_class in WITH_DOCUMENT:
        request.getfixturevalue("stored_documents")
    block = block_class()
    preview = block.meta.preview_value
    if isinstance(preview, str):
        # Only an address may stay a constant: it reads the same in every language.
        assert NAMES.fullmatch(preview), f"{block_class.__name__}: {preview!r} is not translated"
    else:
        # A callable from core.blocks.preview, so that Wagtail evaluates it in the editor's language.
        assert isinstance(preview, functools.partial) and preview.func is core.blocks._resolve

    shown = {}
    for language in ("ru", "en", "be"):
        with translation.override(language):
            raw = block._evaluate_callable(preview)
            assert not unresolved(raw), "lazy texts must be resolved when Wagtail calls the preview"
            text, expected = preview_of(block)
        assert text, f"{block_class.__name__} shows nothing under {language}"
        assert_language(text, language, f"{block_class.__name__} [{language}]")
        for sample in expected:
            assert_language(sample, language, f"{block_class.__name__} [{language}]")
            assert sample in text, f"{block_class.__name__} [{language}]: {sample!r} not in {text!r}"
        shown[language] = text
    assert len(set(shown.values())) == 3, f"{block_class.__name__}: the same preview twice: {shown}"


def test_rich_text_preview_is_html_in_the_active_language():
    block = core.blocks.ParagraphBlock()
    for language, start in (("ru", "<p>Движение"), ("en", "<p>The movement"), ("be", "<p>Рух")):
        with translation.override(language):
            value = block.get_preview_value()
        assert isinstance(value, RichText)
        assert isinstance(value.source, str) and not isinstance(value.source, Promise)
        assert value.source.startswith(start) and value.source.endswith("</p>"), value.source


def test_every_library_block_has_a_preview():
    names = {cls.__name__ for cls in BLOCKS}
    assert {"HeadingBlock", "ParagraphBlock", "CallToActionBlock", "DataTableBlock"} <= names
    assert {
        "GoalBlock",
        "SectionBlock",
        "SessionBlock",
        "ProgrammeDayBlock",
        "OfficialDocumentBlock",
    } <= names
    assert len(BLOCKS) == 19


@pytest.mark.parametrize("language", ["ru", "en"])  # the languages the admin is offered in
def test_admin_block_preview_in_the_editors_language(client, django_user_model, stored_documents, language):
    editor = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = language
    profile.save()
    client.force_login(editor)
    for block_class in BLOCKS:
        block = block_class()
        response = client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
        assert response.status_code == 200, block_class.__name__
        text = text_of(response.content.decode())
        with translation.override(language):
            expected = expected_texts(block)
        assert_language(text, language, f"admin preview of {block_class.__name__} [{language}]")
        for sample in expected:
            assert sample in text, f"{block_class.__name__} [{language}]: {sample!r} not in {text!r}"


@pytest.mark.parametrize(
    "language, section, day",
    [
        ("ru", "1. Общие положения", "17 апреля 2024. Первый день"),
        ("en", "1. General provisions", "17 April 2024. Day one"),
        ("be", "1. Агульныя палажэнні", "17 красавіка 2024. Першы дзень"),
    ],
    ids=["ru", "en", "be"],
)
def test_previews_show_the_section_number_and_the_date(language, section, day):
    with translation.override(language):
        assert preview_of(partnerships.blocks.SectionBlock())[0].startswith(section)
        assert preview_of(events.blocks.ProgrammeDayBlock())[0] == day
