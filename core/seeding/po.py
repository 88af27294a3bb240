"""PO files of the seed content: one per data file and language.

``content/translations/<language>/<data file name>.po`` holds the translations of every object of
one data file, so that a translator works through one source document at a time. Each entry's
``msgctxt`` is ``<entry key>|<context>``, where the context is wagtail-localize's own context path
of the string (``title``, ``body.<block id>``, ``areas.<translation key>.title``):

- the key tells the loader which object's ``Translation`` the entry belongs to; the loader strips
  it and hands the object's entries to wagtail-localize's ``Translation.import_po``, the same
  import as a PO file uploaded in the admin;
- the context path is what wagtail-localize's own PO export writes, and the seed derives block ids
  and row keys from entry keys, so the paths are the same on every database the seed builds.

A translator's workflow: ``manage.py export_seed_translations`` (writes these files from the
database, with the translations made in the admin and empty ``msgstr`` for new strings),
translate, then ``manage.py load_seed_content`` (imports them).
"""

from pathlib import Path

import polib

from .data import DataError

SEPARATOR = "|"
WRAP_WIDTH = 100


def po_path(translations_dir, language, data_file):
    return Path(translations_dir) / language / f"{data_file.name}.po"


def read_po(path):
    """The translated entries of a PO file by entry key, each with wagtail-localize's msgctxt."""
    path = Path(path)
    if not path.exists():
        return {}
    try:
        catalog = polib.pofile(str(path))
    except (OSError, ValueError) as error:
        raise DataError(f"{path.name}: not a valid PO file: {error}") from error
    by_key = {}
    for entry in catalog:
        if entry.obsolete or entry.fuzzy or not entry.msgstr:
            continue
        key, separator, context = (entry.msgctxt or "").partition(SEPARATOR)
        if not separator:
            raise DataError(f"{path}: msgctxt {entry.msgctxt!r} is not '<key>{SEPARATOR}<context>'")
        by_key.setdefault(key, []).append(
            polib.POEntry(msgctxt=context, msgid=entry.msgid, msgstr=entry.msgstr)
        )
    return by_key


def new_catalog(data_file, language):
    catalog = polib.POFile(wrapwidth=WRAP_WIDTH)
    catalog.header = (
        f"Translations of content/seed/{data_file.path.name} into '{language}'.\n"
        f"msgctxt: <entry key>{SEPARATOR}<wagtail-localize context path>.\n"
        "Export: manage.py export_seed_translations; import: manage.py load_seed_content."
    )
    catalog.metadata = {
        "Project-Id-Version": "vmeste-seed-content",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    return catalog


def prefixed(key, entry, msgstr):
    return polib.POEntry(msgctxt=f"{key}{SEPARATOR}{entry.msgctxt}", msgid=entry.msgid, msgstr=msgstr)


def entries_of_key(path, key):
    """The entries of one key in an existing PO file, as they are (kept when it is not seeded here)."""
    path = Path(path)
    if not path.exists():
        return []
    prefix = f"{key}{SEPARATOR}"
    return [entry for entry in polib.pofile(str(path)) if (entry.msgctxt or "").startswith(prefix)]
