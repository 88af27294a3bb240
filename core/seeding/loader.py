"""Loading the seed content: data files in order, each entry seeded and then translated."""

import io
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.module_loading import import_string

from wagtail.models import Locale, Page, Site, TranslatableMixin

from core.absolute_urls import site_address, sync_default_site
from core.models import SeedRecord

from . import po
from .build import Builder
from .data import Code, DataError, Ref, read_files
from .engine import CYRILLIC, Seeder
from .indexing import indexed_once


def content_dir():
    return Path(settings.SEED_CONTENT_DIR)


def translations_dir():
    return content_dir() / "translations"


def demo_paths():
    return sorted((content_dir() / "demo").glob("*.yaml"))


def data_paths(demo=False):
    return sorted((content_dir() / "seed").glob("*.yaml")) + (demo_paths() if demo else [])


def languages():
    """The languages the content is translated into: every content language but the source's."""
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != settings.LANGUAGE_CODE]


def code_models():
    return {kind: apps.get_model(label) for kind, label in settings.SEED_CONTENT_CODES.items()}


def read_content(demo=False, paths=None):
    return read_files(paths or data_paths(demo), code_kinds=settings.SEED_CONTENT_CODES)


def is_translated(data_file, entry):
    return (
        data_file.translate
        and entry.options.get("translate", True)
        and "append_only" not in entry.options
        and issubclass(entry.model, TranslatableMixin)
    )


def seeded_object(key):
    record = SeedRecord.objects.filter(key=key).select_related("content_type").first()
    if record is None or record.content_type.model_class() is None:
        return None
    return record.content_type.model_class()._default_manager.filter(pk=record.object_id).first()


class ContentLoader:
    def __init__(self, seeder):
        self.seeder = seeder
        self.objects = {}
        self.builder = Builder(self.resolve)
        self._codes = code_models()

    @property
    def source_locale(self):
        return self.seeder.locale(settings.LANGUAGE_CODE)

    def resolve(self, value):
        if isinstance(value, Ref):
            return self.objects.get(value.key)
        if isinstance(value, Code):
            model = self._codes[value.kind]
            found = model._default_manager.filter(code=value.code, locale=self.source_locale).first()
            if found is None:
                raise DataError(f"no {value.kind} with the code {value.code!r}")
            return found
        raise DataError(f"not a reference: {value!r}")

    @transaction.atomic
    def load(self, files):
        """Seed every entry of the files, then its translations; a failure changes nothing."""
        with indexed_once():
            self._load(files)

    def _load(self, files):
        for code in [settings.LANGUAGE_CODE, *languages()]:
            self.seeder.locale(code)
        for data_file in files:
            self.seeder.write(f"Seeding {data_file.path.name}")
            catalogs = {
                language: po.read_po(po.po_path(translations_dir(), language, data_file))
                for language in languages()
            }
            for entry in data_file.entries:
                try:
                    obj = self.seed(entry)
                except (DataError, ValidationError) as error:
                    raise DataError(f"{entry}: {error}") from error
                self.objects[entry.key] = obj
                if is_translated(data_file, entry):
                    for language in languages():
                        key = f"{entry.key}:{language}"
                        entries = catalogs[language].pop(entry.key, [])
                        target = self.seeder.translate(key, obj, language, entries)
                        if isinstance(target, Page) and self.seeder.created(key):
                            place_like_source(obj, target)
            for language, rest in catalogs.items():
                for key in rest:
                    self.seeder.write(
                        f"stale PO entries: {language}/{data_file.name}.po names {key}, no entry"
                    )

    # -- one entry -------------------------------------------------------------------------------
    def seed(self, entry):
        options, model = entry.options, entry.model
        if "append_only" in options:
            rows = [
                self.builder.values(model, row, f"{entry.key}/{number}")
                for number, row in enumerate(options.get("rows") or [])
            ]
            self.seeder.append(entry.key, model, rows, options["append_only"])
            return None
        fields = self.builder.values(model, entry.fields, entry.key)
        if issubclass(model, Page):
            return self.page(entry, fields)
        if issubclass(model, TranslatableMixin):
            fields.setdefault("locale", self.source_locale)
        if options.get("site_setting"):
            site = Site.objects.filter(is_default_site=True).first()
            if site is None:
                self.seeder.write(f"skipped: {entry.key} (there is no default site)")
                return None
            return self.seeder.object(entry.key, model, fields, instance=model.for_site(site))
        if "draw" in options:
            return self.drawing(entry, fields)
        return self.seeder.object(entry.key, model, fields)

    def page(self, entry, fields):
        if not entry.options.get("site_root"):
            page = self.seeder.page(entry.key, self.objects.get(entry.parent), entry.model, fields)
            before = self.objects.get(entry.options.get("before"))
            if page is not None and before is not None and self.seeder.created(entry.key):
                # A new page takes its place among its siblings (the order of the menu).
                page.move(before, pos="left")
                page.refresh_from_db()
            return page
        root = Page.get_first_root_node()
        site = Site.objects.filter(is_default_site=True).first()
        placeholder = site.root_page if site else None
        if (
            placeholder is not None
            and type(placeholder.specific) is Page
            and not placeholder.get_children().exists()
        ):
            # Wagtail's "welcome" page: remove it (and the site on it) to make room for ours.
            placeholder.delete()
            site = None
        home = self.seeder.page(entry.key, root, entry.model, fields)
        if site is None and home is not None:
            options = dict(entry.options.get("site", {}))
            # SITE_URL, when set, wins over the data file's placeholder host (QR codes, kits, feeds).
            address = site_address()
            if address is not None:
                options["hostname"], options["port"] = address
            Site.objects.create(root_page=home, is_default_site=True, **options)
        else:
            sync_default_site()
        return home

    def drawing(self, entry, fields):
        """An image drawn by Python from lines of text in the data file."""
        name = entry.options["draw"]
        if name not in settings.SEED_CONTENT_DRAWINGS:
            raise DataError(f"no drawing {name!r} in settings.SEED_CONTENT_DRAWINGS")
        draw = import_string(settings.SEED_CONTENT_DRAWINGS[name])
        lines = [tuple(line) for line in entry.options.get("lines") or []]
        file_name = entry.options.get("file_name") or f"{entry.key.replace(':', '-')}.png"
        seed = {"fields": fields, "draw": name, "lines": lines, "file_name": file_name}

        def make_file():
            return ImageFile(io.BytesIO(draw(lines)), name=file_name)

        return self.seeder.object(entry.key, entry.model, fields, lazy={"file": make_file}, seed=seed)


def place_like_source(source, target):
    """Put a new translated page where its source is among its siblings (the order of the menu)."""
    for sibling in source.get_next_siblings():
        other = sibling.get_translation_or_none(target.locale)
        if other is not None and other.path[:-4] == target.path[:-4]:
            target.move(other, pos="left")
            return


def load_content(write=None, demo=False, paths=None):
    """Seed the content of the data files (or of the given ones); returns the Seeder with its statistics."""
    seeder = Seeder(write=write)
    ContentLoader(seeder).load(read_content(demo=demo, paths=paths))
    return seeder


@transaction.atomic
def export_translations(language_codes=None, write=None, dry_run=False):
    """Write the PO files from the database: the current translations, and the strings to translate.

    Returns the paths of the files that changed (that would change, with ``dry_run``).
    """
    from wagtail_localize.models import Translation, TranslationSource

    write = write or (lambda message: None)
    changed = []
    files = read_content()
    for language in language_codes or languages():
        locale = Locale.objects.filter(language_code=language).first()
        for data_file in files:
            path = po.po_path(translations_dir(), language, data_file)
            catalog = po.new_catalog(data_file, language)
            for entry in data_file.entries:
                if not is_translated(data_file, entry):
                    continue
                obj = seeded_object(entry.key)
                if obj is None or locale is None:
                    # Not seeded in this database: keep what the file has.
                    catalog.extend(po.entries_of_key(path, entry.key))
                    continue
                source, _ = TranslationSource.update_or_create_from_instance(obj)
                translation = Translation.objects.filter(source=source, target_locale=locale).first()
                exported = translation.export_po() if translation else source.export_po()
                for item in exported:
                    if item.obsolete:
                        continue
                    msgstr = item.msgstr or ("" if CYRILLIC.search(item.msgid) else item.msgid)
                    catalog.append(po.prefixed(entry.key, item, msgstr))
            text = str(catalog)
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                changed.append(path)
                if not dry_run:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_text(text, encoding="utf-8")
                    write(f"wrote {path.relative_to(content_dir())}")
    if dry_run:
        # Reading the sources refreshed wagtail-localize's copies of them: undo.
        transaction.set_rollback(True)
    return changed
