"""The seed content as data: the data files, their PO files and what the Python keeps."""

import re
from pathlib import Path

import polib
import pytest

from django.conf import settings

from wagtail.models import Page

from core.seeding.data import Code, _walk_refs
from core.seeding.loader import content_dir, data_paths, demo_paths, is_translated, languages, read_content
from core.seeding.po import SEPARATOR

CYRILLIC = re.compile(r"[А-Яа-яЁёІіЎў]")
PO_FILES = sorted((content_dir() / "translations").glob("*/*.po"))
SOURCES = sorted(path.name for path in (Path(settings.BASE_DIR) / "content" / "seed").glob("0*.yaml"))


def test_one_data_file_per_source_document_and_one_for_the_portal():
    assert [path.name for path in data_paths()] == [
        "00-portal.yaml",
        "01-flashmob.yaml",
        "02-annual-meeting.yaml",
        "03-regulation.yaml",
        "04-amur-belarus.yaml",
        "05-ryazan-forum.yaml",
    ]
    sources = [data_file.source for data_file in read_content()]
    assert sources[0] == ""
    assert [source[:2] for source in sources[1:]] == ["01", "02", "03", "04", "05"]


def test_data_files_load_and_every_reference_names_an_earlier_entry():
    files = read_content(demo=True)
    keys = [entry.key for data_file in files for entry in data_file.entries]
    assert len(keys) == len(set(keys))
    refs = [
        ref
        for data_file in files
        for entry in data_file.entries
        for ref in _walk_refs([entry.fields, entry.options.get("rows")])
    ]
    assert {"library:bgunb", "image:flashmob-banner-2024", "document:minculture-606"} <= {
        ref.key for ref in refs
    }
    # Every page names its parent; the home page is the only root.
    pages = [entry for data_file in files for entry in data_file.entries if issubclass(entry.model, Page)]
    assert [entry.key for entry in pages if entry.parent is None] == ["home"]
    assert pages[0].options["site_root"] is True


def _codes(value):
    if isinstance(value, Code):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _codes(item)
    elif isinstance(value, list):
        for item in value:
            yield from _codes(item)


@pytest.mark.django_db
def test_every_code_names_a_record_shipped_with_the_code():
    from django.apps import apps

    codes = {
        code
        for data_file in read_content(demo=True)
        for entry in data_file.entries
        for code in _codes([entry.fields, entry.options.get("rows")])
    }
    assert {code.kind for code in codes} == {"region", "country"}
    for code in codes:
        model = apps.get_model(settings.SEED_CONTENT_CODES[code.kind])
        assert model.objects.filter(code=code.code, locale__language_code="ru").exists(), code


def test_demo_data_is_separate_and_marked_as_sample():
    assert [path.name for path in demo_paths()] == ["sample-libraries.yaml"]
    (demo,) = read_content(paths=demo_paths())
    assert not demo.translate
    assert len(demo.entries) == 16
    assert all(entry.fields["is_sample"] is True for entry in demo.entries)
    seeded = [entry for data_file in read_content() for entry in data_file.entries]
    assert not any(entry.fields.get("is_sample") for entry in seeded)


def test_the_news_article_has_no_photo_and_no_credit():
    entries = [entry for data_file in read_content() for entry in data_file.entries]
    (article,) = [entry for entry in entries if entry.key == "news:amur-belarus-agreement"]
    assert not {"main_image", "main_image_credit", "main_image_alt"} & set(article.fields)


@pytest.mark.parametrize("path", PO_FILES, ids=lambda path: "/".join(path.parts[-2:]))
def test_po_file_parses_and_every_string_is_translated(path):
    catalog = polib.pofile(str(path))
    assert catalog.metadata["Language"] == path.parent.name
    assert catalog.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert len(catalog) > 0
    assert not [entry.msgid for entry in catalog if not entry.msgstr], "empty msgstr"
    assert not catalog.fuzzy_entries() and not catalog.obsolete_entries()
    pairs = [(entry.msgctxt, entry.msgid) for entry in catalog]
    assert len(pairs) == len(set(pairs))
    (data_file,) = [f for f in read_content() if f.name == path.stem]
    translated = {entry.key for entry in data_file.entries if is_translated(data_file, entry)}
    used = {entry.msgctxt.split(SEPARATOR, 1)[0] for entry in catalog}
    # Every entry names an object of its data file, and every object has its strings here.
    assert used == translated


@pytest.mark.parametrize("path", [p for p in PO_FILES if p.parent.name == "en"], ids=lambda path: path.name)
def test_english_carries_no_russian_text(path):
    for entry in polib.pofile(str(path)):
        # The hashtag and the movement's own name are kept in Russian on purpose.
        rest = re.sub(r"#\w+", "", entry.msgstr).replace("Вместе сильнее", "")
        assert not CYRILLIC.search(rest), entry.msgstr


@pytest.mark.parametrize("path", [p for p in PO_FILES if p.parent.name == "be"], ids=lambda path: path.name)
def test_belarusian_is_written_in_belarusian_orthography(path):
    for entry in polib.pofile(str(path)):
        rest = re.sub(r"#\w+", "", entry.msgstr).replace("Вместе сильнее", "")
        # и, щ and ъ are not Belarusian letters: a string with them is Russian left untranslated.
        assert not re.search(r"[иИщЩъЪ]", rest), entry.msgstr
        # The apostrophe is the typographic one.
        assert not re.search(r"\w'\w", entry.msgstr), entry.msgstr


def test_every_language_has_a_po_file_per_data_file():
    assert languages() == ["en", "be"]
    for language in languages():
        assert sorted(path.name for path in PO_FILES if path.parent.name == language) == [
            name.replace(".yaml", ".po") for name in SOURCES
        ]


def test_python_holds_no_seed_prose():
    """The words of the seed live in content/; the Python outside migrations and tests keeps only
    block previews, name rules, month and language names."""
    root = Path(settings.BASE_DIR)
    counts = {}
    for path in root.rglob("*.py"):
        name = str(path.relative_to(root))
        if path.parts[len(root.parts)] in {".venv", "tests"} or "migrations" in path.parts:
            continue
        counts[name] = len(CYRILLIC.findall(path.read_text(encoding="utf-8")))
    assert sum(counts.values()) < 1500, sorted(counts.items(), key=lambda item: -item[1])[:8]
    assert not [name for name, count in counts.items() if Path(name).stem.startswith("seed") and count]
