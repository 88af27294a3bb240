"""The seed engine on small data files of its own: checks, PO import, export, refusals."""

import io
import textwrap

import polib
import pytest

from django.core.management import call_command
from django.core.management.base import CommandError

from wagtail_localize.models import StringTranslation

from core.models import SeedRecord
from core.seeding import DataError, export_translations, load_content
from core.seeding.data import read_file
from news.models import Topic

pytestmark = pytest.mark.django_db

TOPIC = """
entries:
  - key: test:topic
    model: news.Topic
    fields:
      name: Краеведение
      slug: test-local-history
"""


def po(language, *entries):
    catalog = polib.POFile()
    catalog.metadata = {"Language": language, "Content-Type": "text/plain; charset=UTF-8"}
    for msgctxt, msgid, msgstr in entries:
        catalog.append(polib.POEntry(msgctxt=msgctxt, msgid=msgid, msgstr=msgstr))
    return str(catalog)


@pytest.fixture
def content(tmp_path, settings):
    """A content directory of one data file, its PO files written by the test."""
    settings.SEED_CONTENT_DIR = tmp_path
    (tmp_path / "seed").mkdir()
    for language in ("en", "be"):
        (tmp_path / "translations" / language).mkdir(parents=True)

    def write(data, en=(), be=()):
        (tmp_path / "seed" / "10-test.yaml").write_text(textwrap.dedent(data), encoding="utf-8")
        (tmp_path / "translations" / "en" / "10-test.po").write_text(po("en", *en), encoding="utf-8")
        (tmp_path / "translations" / "be" / "10-test.po").write_text(po("be", *be), encoding="utf-8")
        return tmp_path

    return write


def run():
    out = io.StringIO()
    call_command("load_seed_content", stdout=out)
    return out.getvalue()


TOPIC_EN = [("test:topic|name", "Краеведение", "Local history")]
TOPIC_BE = [("test:topic|name", "Краеведение", "Краязнаўства")]


def test_a_snippet_is_seeded_and_translated_through_po_files(content):
    content(TOPIC, en=TOPIC_EN, be=TOPIC_BE)
    output = run()
    assert "created: 1" in output and "translated: 2" in output
    topics = Topic.objects.filter(slug="test-local-history")
    names = {t.locale.language_code: (t.name, t.live) for t in topics}
    assert names == {"ru": ("Краеведение", True), "en": ("Local history", True), "be": ("Краязнаўства", True)}
    # A translation is a wagtail-localize string translation, made by the PO import.
    translation = StringTranslation.objects.get(locale__language_code="en", data="Local history")
    assert translation.translation_type == "manual" and translation.tool_name == "seed"
    assert "Seed content: unchanged: 3" in run()


def test_changed_data_and_po_files_update_what_nobody_edited(content):
    content(TOPIC, en=TOPIC_EN, be=TOPIC_BE)
    run()
    content(
        TOPIC.replace("Краеведение", "Краеведение и история"),
        en=[("test:topic|name", "Краеведение и история", "Local history and the past")],
        be=[("test:topic|name", "Краеведение и история", "Краязнаўства і гісторыя")],
    )
    output = run()
    assert "updated: 1" in output and "translated: 2" in output
    topics = Topic.objects.filter(slug="test-local-history")
    assert {t.locale.language_code: t.name for t in topics} == {
        "ru": "Краеведение и история",
        "en": "Local history and the past",
        "be": "Краязнаўства і гісторыя",
    }


def test_new_russian_text_without_a_translation_leaves_the_old_translation_alone(content):
    content(TOPIC, en=TOPIC_EN, be=TOPIC_BE)
    run()
    content(TOPIC.replace("Краеведение", "Краеведение и история"), en=TOPIC_EN, be=TOPIC_BE)
    output = run()
    assert "left alone: test:topic:en (source changed; the new text awaits a translator)" in output
    assert Topic.objects.get(slug="test-local-history", locale__language_code="en").name == "Local history"


def test_a_page_whose_slug_is_taken_is_refused_with_a_message(content):
    content(
        """
        entries:
          - {key: test:home, model: home.HomePage, site_root: true, fields: {title: Тест, slug: test-home}}
          - {key: test:one, model: home.StandardPage, parent: test:home, fields: {title: Один, slug: same}}
          - {key: test:two, model: home.StandardPage, parent: test:home, fields: {title: Два, slug: same}}
        """,
        en=[("test:home|title", "Тест", "Test"), ("test:one|title", "Один", "One")],
        be=[("test:home|title", "Тест", "Тэст"), ("test:one|title", "Один", "Адзін")],
    )
    with pytest.raises(CommandError, match="10-test.yaml: test:two: .*slug"):
        run()


def test_a_missing_translation_is_refused_and_nothing_is_written(content):
    content(TOPIC, en=TOPIC_EN, be=[])
    with pytest.raises(CommandError, match=r"test:topic:be: no be translation for: name: Краеведение"):
        run()
    assert not Topic.objects.filter(slug="test-local-history").exists()
    assert not SeedRecord.objects.filter(key__startswith="test:").exists()


def test_a_po_entry_for_text_the_source_no_longer_has_is_reported(content):
    stale = ("test:topic|name", "Старое название", "Old name")
    content(TOPIC, en=[*TOPIC_EN, stale], be=[*TOPIC_BE, ("test:gone|name", "Нет", "Не")])
    output = run()
    assert "stale PO entry: test:topic:en" in output
    assert "stale PO entries: be/10-test.po names test:gone, no entry" in output


def test_export_writes_a_translators_edit_and_a_new_string_to_translate(content):
    root = content(TOPIC, en=TOPIC_EN, be=TOPIC_BE)
    run()
    english = StringTranslation.objects.get(locale__language_code="en", data="Local history")
    english.data = "Regional studies"  # as a translator does in the admin
    english.save()
    assert [path.name for path in export_translations(["en"], dry_run=True)] == ["10-test.po"]
    with pytest.raises(CommandError, match="out of date: 10-test.po"):
        call_command("export_seed_translations", "--check", "--language", "en", stdout=io.StringIO())
    export_translations(["en"])
    catalog = polib.pofile(str(root / "translations" / "en" / "10-test.po"))
    assert [(e.msgctxt, e.msgid, e.msgstr) for e in catalog] == [
        ("test:topic|name", "Краеведение", "Regional studies")
    ]
    assert catalog.metadata["Language"] == "en"
    # The seed leaves the translator's edit alone on the next run.
    assert "left alone: test:topic:en (translation edited since it was seeded)" in run()
    english.refresh_from_db()
    assert english.data == "Regional studies"


def test_export_leaves_an_empty_msgstr_for_a_new_russian_string(content):
    root = content(TOPIC, en=TOPIC_EN, be=TOPIC_BE)
    run()
    topic = Topic.objects.get(slug="test-local-history", locale__language_code="ru")
    topic.name = "Краеведение и история"
    topic.save_revision().publish()
    export_translations(["be"])
    catalog = polib.pofile(str(root / "translations" / "be" / "10-test.po"))
    assert [entry.msgid for entry in catalog.untranslated_entries()] == ["Краеведение и история"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("entries: [{key: a, model: news.Nothing}]", "unknown model 'news.Nothing'"),
        ("entries: [{key: a, model: news.Topic, fields: {colour: red}}]", "news.Topic has no field 'colour'"),
        ("entries: [{key: A B, model: news.Topic}]", "a key is lower-case Latin letters"),
        ("entries: [{key: a, model: news.Topic, extra: 1}]", "unknown options ['extra']"),
        ("entries: [{key: a, model: news.Topic, fields: {name: x}}", "not valid YAML"),
        ("entries: {key: a}", "expected a mapping with a list of 'entries'"),
    ],
)
def test_bad_data_is_named_clearly(tmp_path, data, message):
    path = tmp_path / "bad.yaml"
    path.write_text(data, encoding="utf-8")
    with pytest.raises(DataError) as error:
        read_file(path, code_kinds=["region"])
    assert message in str(error.value)
    assert str(error.value).startswith("bad.yaml")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            """
            entries:
              - {key: a, model: libraries.Library, fields: {full_name: X, slug: x, country: !ref b}}
              - {key: b, model: libraries.Country}
            """,
            "10-test.yaml: a: !ref b names no entry seeded before it",
        ),
        (
            """
            entries:
              - {key: a, model: news.Topic, fields: {name: X, slug: x}}
              - {key: a, model: news.Topic, fields: {name: Y, slug: y}}
            """,
            "10-test.yaml: a: the key is used twice",
        ),
        (
            """
            entries:
              - {key: a, model: libraries.Library, fields: {full_name: X, slug: x, region: !region "999"}}
            """,
            "10-test.yaml: a: no region with the code '999'",
        ),
        (
            """
            entries:
              - {key: p, model: home.StandardPage, parent: nowhere, fields: {title: X}}
            """,
            "parent nowhere names no entry seeded before it",
        ),
    ],
)
def test_bad_references_stop_the_run_with_a_message(content, data, message):
    content(data)
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        run()


def test_load_content_reports_what_it_did(content):
    content(TOPIC, en=TOPIC_EN, be=TOPIC_BE)
    messages = []
    seeder = load_content(write=messages.append)
    assert seeder.stats == {"created": 1, "translated": 2}
    assert messages == ["Seeding 10-test.yaml"]
