"""Idempotent seeding that never overwrites what editors and translators changed.

Every seeded object gets a SeedRecord with a hash of the seed data it was built from and a hash of
the state it was left in. On the next run:
- the object is unchanged and the seed is the same: nothing happens;
- the object is unchanged but the seed data changed: it is updated;
- the object was changed by a person (a new revision, edited fields or edited translation
  strings): it is left alone and a message says so.
"""

import datetime
import hashlib
import json
import re
from collections import Counter
from decimal import Decimal

import polib

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import DraftStateMixin, Locale, Page, RevisionMixin
from wagtail.rich_text import RichText

from core.models import SeedRecord

CYRILLIC = re.compile(r"[А-Яа-яЁёІіЎў]")
TOOL_NAME = "seed"
# Publishing metadata that wagtail-localize copies to a translation: not content, and set
# after the translation's state is first read on some databases.
PUBLISHING_FIELDS = {"first_published_at", "last_published_at", "go_live_at", "expire_at"}


class SeedError(Exception):
    pass


def _json_default(value):
    if isinstance(value, models.Model):
        if value.pk:
            return f"{value._meta.label}:{value.pk}"
        data = get_serializable_data_for_fields(value)
        for key in ("pk", "id", "sort_order"):
            data.pop(key, None)
        return {k: v for k, v in data.items() if not k.endswith("_ptr")}
    if isinstance(value, datetime.date | datetime.time | datetime.datetime | Decimal):
        return value.isoformat() if hasattr(value, "isoformat") else str(value)
    if isinstance(value, RichText):
        return value.source
    if hasattr(value, "get_prep_value"):
        return value.get_prep_value()
    if isinstance(value, set | frozenset):
        return sorted(value, key=str)
    return str(value)


def fingerprint(data):
    payload = json.dumps(data, sort_keys=True, ensure_ascii=False, default=_json_default)
    return hashlib.sha256(payload.encode()).hexdigest()


def _field_state(obj, names):
    """The stored values of the named fields (and child relations) of a fresh copy of obj."""
    fresh = type(obj)._default_manager.get(pk=obj.pk)
    if isinstance(fresh, ClusterableModel):
        data = fresh.serializable_data()
    else:
        data = get_serializable_data_for_fields(fresh)
    return fingerprint({name: data.get(name) for name in sorted(names)})


def _translatable_names(obj):
    from wagtail_localize.fields import get_translatable_fields

    names = {field.field_name for field in get_translatable_fields(type(obj))}
    return sorted(names - PUBLISHING_FIELDS)


def _translation_strings_state(source_obj, locale):
    """The translated strings of one object in one language.

    Taken by the object's own contexts, not by its current segments: another language's import
    refreshes the segments when the source changed, which is no edit of this translation.
    """
    from wagtail_localize.models import StringTranslation

    rows = (
        StringTranslation.objects.filter(locale=locale, context__object_id=source_obj.translation_key)
        .values_list("translation_of_id", "context_id", "data")
        .order_by("translation_of_id", "context_id")
    )
    return fingerprint(list(rows))


class Seeder:
    """Creates, updates or leaves alone one seeded object at a time; the loader calls it."""

    def __init__(self, write=None):
        self.write = write or (lambda message: None)
        self.stats = Counter()
        self._locales = {}
        self._created = set()

    # -- helpers -------------------------------------------------------
    def locale(self, code):
        if code not in self._locales:
            self._locales[code], _ = Locale.objects.get_or_create(language_code=code)
        return self._locales[code]

    def _record(self, key):
        return SeedRecord.objects.filter(key=key).first()

    def _save_record(self, key, obj, seed_hash, state_hash, revision_id=None):
        SeedRecord.objects.update_or_create(
            key=key,
            defaults={
                "content_type": ContentType.objects.get_for_model(type(obj)),
                "object_id": obj.pk,
                "seed_hash": seed_hash,
                "state_hash": state_hash,
                "revision_id": revision_id,
            },
        )

    def _existing(self, record, model):
        if record is None:
            return None
        return model._default_manager.filter(pk=record.object_id).first()

    def created(self, key):
        """Whether this run created the object of key."""
        return key in self._created

    def _left_alone(self, key, why):
        self.stats["left alone"] += 1
        self.write(f"left alone: {key} ({why})")

    @staticmethod
    def _publish(obj):
        revision = obj.save_revision(log_action=True)
        if isinstance(obj, Page) or hasattr(obj, "publish"):
            revision.publish()
        return revision

    def _is_edited(self, obj, record, names):
        if isinstance(obj, RevisionMixin) and obj.latest_revision_id != record.revision_id:
            return True
        return _field_state(obj, names) != record.state_hash

    # -- pages ---------------------------------------------------------
    @transaction.atomic
    def page(self, key, parent, model, fields):
        """Create or update a published page under parent. Returns the page, or None when skipped."""
        if parent is None:
            self.write(f"skipped: {key} (its parent was not seeded)")
            return None
        seed_hash = fingerprint(fields)
        record = self._record(key)
        page = self._existing(record, model)
        if record is not None and page is None:
            self._left_alone(key, "deleted since it was seeded")
            return None
        if page is not None:
            if self._is_edited(page, record, fields):
                self._left_alone(key, "edited since it was seeded")
                return page
            if record.seed_hash == seed_hash:
                self.stats["unchanged"] += 1
                return page
            for name, value in fields.items():
                setattr(page, name, value)
            action = "updated"
        else:
            page = model(**fields)
            parent.add_child(instance=page)
            action = "created"
        revision = self._publish(page)
        page.refresh_from_db()
        self._save_record(key, page, seed_hash, _field_state(page, fields), revision.pk)
        self.stats[action] += 1
        if action == "created":
            self._created.add(key)
        return page

    # -- snippets and other models -------------------------------------
    @transaction.atomic
    def object(self, key, model, fields, instance=None, lazy=None, seed=None):
        """Create or update a model instance (snippets, images, settings). Returns it, or None.

        ``instance`` is an existing object to fill in (a site's settings); one that a person
        filled in before the seed ran is left alone. ``lazy`` maps field names to functions that
        make their values, called only when the object is written (a drawn image file); ``seed``
        is what the seed hash is taken of (by default the fields).
        """
        lazy = lazy or {}
        names = [*fields, *lazy]
        seed_hash = fingerprint(fields if seed is None else seed)
        record = self._record(key)
        obj = self._existing(record, model)
        if record is not None and obj is None:
            self._left_alone(key, "deleted since it was seeded")
            return None
        if obj is not None:
            if self._is_edited(obj, record, names):
                self._left_alone(key, "edited since it was seeded")
                return obj
            if record.seed_hash == seed_hash:
                self.stats["unchanged"] += 1
                return obj
            action = "updated"
        elif instance is not None:
            if any(getattr(instance, name) not in (None, "") for name in fields):
                self._left_alone(key, "filled in before the seed")
                return instance
            obj, action = instance, "created"
        else:
            obj, action = model(), "created"
        for name, value in [*fields.items(), *((name, make()) for name, make in lazy.items())]:
            setattr(obj, name, value)
        obj.save()
        revision_id = None
        if isinstance(obj, RevisionMixin):
            revision_id = self._publish(obj).pk
        self._save_record(key, obj, seed_hash, _field_state(obj, names), revision_id)
        self.stats[action] += 1
        return obj

    @transaction.atomic
    def append(self, key, model, rows, match):
        """Add each row unless one with the same values of ``match`` exists; never change a row."""
        for fields in rows:
            if None in (fields.get(name) for name in match):
                self.write(f"skipped: a row of {key} (what it refers to was not seeded)")
                continue
            if model._default_manager.filter(**{name: fields[name] for name in match}).exists():
                self.stats["unchanged"] += 1
                continue
            model._default_manager.create(**fields)
            self.stats["created"] += 1

    # -- translations (through wagtail-localize) ------------------------
    def _translation_state(self, target, source_obj, locale):
        return fingerprint(
            [
                _field_state(target, _translatable_names(target)),
                _translation_strings_state(source_obj, locale),
            ]
        )

    @transaction.atomic
    def translate(self, key, source_obj, language_code, entries):
        """Translate source_obj with a PO file, through wagtail-localize's own ``Translation.import_po``.

        ``entries`` are the PO entries of this object (msgctxt: wagtail-localize's context path).
        Strings without Cyrillic letters (URLs, numbers, Latin names) that have no entry are kept as
        they are; any other string without a translation is an error, so that no Russian text is
        published as a translation.
        """
        from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

        if source_obj is None:
            self.write(f"skipped: {key} (its source was not seeded)")
            return None
        locale = self.locale(language_code)
        record = self._record(key)
        target = source_obj.get_translation_or_none(locale)
        po_data = sorted((e.msgctxt, e.msgid, e.msgstr) for e in entries)
        seed_hash = fingerprint([po_data, _field_state(source_obj, _translatable_names(source_obj))])
        if record is not None and target is None:
            self._left_alone(key, "translation deleted since it was seeded")
            return None
        if record is not None and target is not None:
            if (
                isinstance(target, RevisionMixin) and target.latest_revision_id != record.revision_id
            ) or self._translation_state(target, source_obj, locale) != record.state_hash:
                self._left_alone(key, "translation edited since it was seeded")
                return target
            if record.seed_hash == seed_hash:
                self.stats["unchanged"] += 1
                return target
        elif target is not None:
            self._left_alone(key, "a translation made outside the seed exists")
            return target

        source, _ = TranslationSource.update_or_create_from_instance(source_obj)
        translation, _ = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        po = polib.POFile()
        po.extend(polib.POEntry(msgctxt=ctx, msgid=msgid, msgstr=msgstr) for ctx, msgid, msgstr in po_data)
        for warning in translation.import_po(po, translation_type="manual", tool_name=TOOL_NAME):
            self.stats["stale PO entries"] += 1
            self.write(f"stale PO entry: {key} ({warning})")

        translated = set(
            StringTranslation.objects.filter(locale=locale, context__object_id=source.object_id).values_list(
                "translation_of_id", "context_id"
            )
        )
        missing = []
        segments = StringSegment.objects.filter(source=source).select_related("string", "context")
        for segment in segments:
            if (segment.string_id, segment.context_id) in translated:
                continue
            text = segment.string.data
            if CYRILLIC.search(text):
                missing.append(f"{segment.context.path}: {text}")
                continue
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                data=text,
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                tool_name=TOOL_NAME,
            )
        if missing:
            if target is not None:
                # The source changed in a way the PO file does not cover yet: a translator's job.
                self._left_alone(key, "source changed; the new text awaits a translator")
                transaction.set_rollback(True)
                return target
            raise SeedError(f"{key}: no {language_code} translation for: " + " | ".join(missing))
        if isinstance(source_obj, DraftStateMixin):
            # Saved as a draft and published here: wagtail-localize would publish when the
            # transaction commits, saving a stale copy of the page over the changes made since
            # (the children added under a translated home page, for one).
            translation.save_target(publish=False)
            source_obj.get_translation(locale).get_latest_revision().publish()
        else:
            translation.save_target(publish=True)
        target = source_obj.get_translation(locale)
        revision_id = getattr(target, "latest_revision_id", None)
        self._save_record(
            key, target, seed_hash, self._translation_state(target, source_obj, locale), revision_id
        )
        self.stats["translated"] += 1
        if record is None:
            self._created.add(key)
        return target

    def summary(self):
        if not self.stats:
            return "nothing to do"
        return ", ".join(f"{name}: {count}" for name, count in sorted(self.stats.items()))
