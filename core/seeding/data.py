"""Reading the seed data files.

A data file is YAML: an optional ``source`` (the document it carries) and a list of ``entries``,
each shaped like the page or record it becomes::

    entries:
      - key: movement:flashmob-2024          # stable name: seed records, references, PO contexts
        model: movement.CampaignPage         # app_label.ModelName
        parent: movement                     # pages: the key of the parent page
        fields:                              # model fields by name
          title: Флешмоб …
          start_date: 2024-06-06
          official_letter: !ref document:bgunb-01-16-124     # another entry, seeded earlier
          body:                              # StreamField: a list of {type, value}
            - {type: paragraph, value: "<p>…</p>"}
          areas:                             # child relation: a list of rows
            - {title: …}

References: ``!ref <key>`` names an earlier entry; the tags in ``settings.SEED_CONTENT_CODES`` name
records shipped with the code, by code (``!region "31"``, ``!country BY``).

Optional entry options: ``site_root: true`` (the home page; it becomes the default site's root),
``site: {…}`` (fields of that site), ``before: <key>`` (a new page goes before that sibling in
the menu), ``site_setting: true`` (a per-site settings model),
``draw`` + ``lines`` + ``file_name`` (an image drawn by Python named in
``settings.SEED_CONTENT_DRAWINGS``), ``append_only: [fields]`` + ``rows`` (records that are added
once and never changed, such as a chronicle), ``translate: false`` (Russian only).
Unknown models, fields and options, duplicate keys and references to keys not seeded before are
found before anything is written; block types and codes as each entry is built. Every error names
the file and the entry, and a run that fails changes nothing (it is one transaction).
"""

import re
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import yaml

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist

KEY = re.compile(r"^[a-z0-9][a-z0-9:._-]*$")
OPTIONS = {
    "key",
    "model",
    "parent",
    "fields",
    "site_root",
    "site",
    "site_setting",
    "before",
    "draw",
    "lines",
    "file_name",
    "append_only",
    "rows",
    "translate",
}


class DataError(Exception):
    pass


@dataclass(frozen=True)
class Ref:
    """A reference to another entry by its key."""

    key: str


@dataclass(frozen=True)
class Code:
    """A record shipped with the code (a region, a country), found by its code."""

    kind: str
    code: str


@dataclass
class Entry:
    key: str
    model: type
    file: str
    fields: dict = field(default_factory=dict)
    parent: str | None = None
    options: dict = field(default_factory=dict)

    @property
    def label(self):
        return self.model._meta.label

    def __str__(self):
        return f"{self.file}: {self.key}"


@dataclass
class DataFile:
    path: Path
    entries: list
    source: str = ""
    translate: bool = True

    @property
    def name(self):
        return self.path.stem


def _loader(code_kinds):
    class SeedLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        pass

    SeedLoader.add_constructor("!ref", lambda loader, node: Ref(loader.construct_scalar(node)))

    def code(kind, loader, node):
        return Code(kind, loader.construct_scalar(node))

    for kind in code_kinds:
        SeedLoader.add_constructor(f"!{kind}", partial(code, kind))
    return SeedLoader


def _walk_refs(value):
    if isinstance(value, Ref):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _walk_refs(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _walk_refs(item)


def _model(label, where):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError) as error:
        raise DataError(f"{where}: unknown model {label!r}") from error


def _check_fields(model, names, where):
    for name in names:
        try:
            model._meta.get_field(name)
        except FieldDoesNotExist as error:
            raise DataError(f"{where}: {model._meta.label} has no field {name!r}") from error


def read_file(path, code_kinds=()):
    path = Path(path)
    try:
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=_loader(code_kinds))
    except yaml.YAMLError as error:
        raise DataError(f"{path.name}: not valid YAML: {error}") from error
    if not isinstance(document, dict) or not isinstance(document.get("entries"), list):
        raise DataError(f"{path.name}: expected a mapping with a list of 'entries'")
    unknown = set(document) - {"source", "entries", "translate"}
    if unknown:
        raise DataError(f"{path.name}: unknown top-level names {sorted(unknown)}")
    entries = []
    for number, raw in enumerate(document["entries"], start=1):
        where = f"{path.name}, entry {number}"
        if not isinstance(raw, dict) or not raw.get("key") or not raw.get("model"):
            raise DataError(f"{where}: an entry needs a key and a model")
        where = f"{path.name}: {raw['key']}"
        if not KEY.match(str(raw["key"])):
            raise DataError(f"{where}: a key is lower-case Latin letters, digits and : . _ -")
        unknown = set(raw) - OPTIONS
        if unknown:
            raise DataError(f"{where}: unknown options {sorted(unknown)}")
        model = _model(raw["model"], where)
        fields = raw.get("fields") or {}
        if not isinstance(fields, dict):
            raise DataError(f"{where}: 'fields' must be a mapping")
        _check_fields(model, fields, where)
        for row in raw.get("rows") or []:
            _check_fields(model, row, where)
        _check_fields(model, raw.get("append_only") or [], where)
        options = {
            name: value for name, value in raw.items() if name not in {"key", "model", "fields", "parent"}
        }
        entries.append(
            Entry(
                key=raw["key"],
                model=model,
                file=path.name,
                fields=fields,
                parent=raw.get("parent"),
                options=options,
            )
        )
    return DataFile(
        path=path,
        entries=entries,
        source=document.get("source", ""),
        translate=document.get("translate", True),
    )


def read_files(paths, code_kinds=()):
    """Read data files in order and check that every key is unique and every reference resolves."""
    files = [read_file(path, code_kinds) for path in paths]
    seen = set()
    for data_file in files:
        for entry in data_file.entries:
            if entry.key in seen:
                raise DataError(f"{entry}: the key is used twice")
            for ref in _walk_refs([entry.fields, entry.options.get("rows")]):
                if ref.key not in seen:
                    raise DataError(f"{entry}: !ref {ref.key} names no entry seeded before it")
            for name, key in (("parent", entry.parent), ("before", entry.options.get("before"))):
                if key is not None and key not in seen:
                    raise DataError(f"{entry}: {name} {key} names no entry seeded before it")
            seen.add(entry.key)
    return files
