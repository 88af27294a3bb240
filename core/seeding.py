"""Idempotent seed loading that never overwrites what editors changed.

Every seeded object gets a SeedRecord with a hash of the seed data it was
built from and a hash of the state it was left in. On the next run:
- the object is unchanged and the seed is the same: nothing happens;
- the object is unchanged but the seed data changed: it is updated;
- the object was changed by a person (a new page revision, edited fields or
  edited translations): it is left alone and a message says so.
"""

import datetime
import hashlib
import json
import re
from collections import Counter
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import Locale, Page, RevisionMixin
from wagtail.rich_text import RichText

from core.models import SeedRecord

CYRILLIC = re.compile(r"[А-Яа-яЁёІіЎў]")


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

    return [field.field_name for field in get_translatable_fields(type(obj))]


def _translation_strings_state(source_obj, locale):
    from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

    source = TranslationSource.objects.get_for_instance_or_none(source_obj)
    if source is None:
        return fingerprint([])
    # Only this object's contexts: the same string translated for another object is not an edit here.
    rows = (
        StringTranslation.objects.filter(
            locale=locale,
            translation_of__segments__source=source,
            context__in=StringSegment.objects.filter(source=source).values("context"),
        )
        .values_list("translation_of_id", "context_id", "data")
        .order_by("translation_of_id", "context_id")
        .distinct()
    )
    return fingerprint(list(rows))


class Seeder:
    """Builds seed content; each app's ``seed.load(seeder)`` calls it."""

    def __init__(self, write=None):
        self.write = write or (lambda message: None)
        self.stats = Counter()
        self._locales = {}

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
    def page(self, key, parent, model, **fields):
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
        return page

    # -- snippets and other models -------------------------------------
    @transaction.atomic
    def object(self, key, model, **fields):
        """Create or update any model instance (snippets, records). Returns it, or None when skipped."""
        seed_hash = fingerprint(fields)
        record = self._record(key)
        obj = self._existing(record, model)
        if record is not None and obj is None:
            self._left_alone(key, "deleted since it was seeded")
            return None
        if obj is not None:
            if self._is_edited(obj, record, fields):
                self._left_alone(key, "edited since it was seeded")
                return obj
            if record.seed_hash == seed_hash:
                self.stats["unchanged"] += 1
                return obj
            for name, value in fields.items():
                setattr(obj, name, value)
            action = "updated"
        else:
            obj = model(**fields)
            action = "created"
        obj.save()
        revision_id = None
        if isinstance(obj, RevisionMixin):
            revision_id = self._publish(obj).pk
        self._save_record(key, obj, seed_hash, _field_state(obj, fields), revision_id)
        self.stats[action] += 1
        return obj

    # -- translations (through wagtail-localize) ------------------------
    def _translation_state(self, target, source_obj, locale):
        return fingerprint(
            [
                _field_state(target, _translatable_names(target)),
                _translation_strings_state(source_obj, locale),
            ]
        )

    @transaction.atomic
    def translate(self, key, source_obj, language_code, strings):
        """Translate source_obj into a language with wagtail-localize's own objects.

        ``strings`` maps each source string to its translation. Strings without
        Cyrillic letters (slugs, URLs, numbers, Latin names) are kept as they
        are unless given; any other missing string is an error, so that no
        Russian text is published as a translation.
        """
        from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

        if source_obj is None:
            self.write(f"skipped: {key} (its source was not seeded)")
            return None
        locale = self.locale(language_code)
        record = self._record(key)
        target = source_obj.get_translation_or_none(locale)
        seed_hash = fingerprint([strings, _field_state(source_obj, _translatable_names(source_obj))])
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
        values, missing = [], []
        segments = StringSegment.objects.filter(source=source).select_related("string", "context")
        for segment in segments:
            text = segment.string.data
            if text in strings:
                values.append((segment, strings[text]))
            elif not CYRILLIC.search(text):
                values.append((segment, text))
            else:
                missing.append(text)
        if missing:
            if target is not None:
                # The source changed in a way the seed cannot translate: a translator's job.
                self._left_alone(key, "source changed; the new text awaits a translator")
                return target
            raise SeedError(f"{key}: no {language_code} translation for: " + " | ".join(missing))
        for segment, value in values:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": value, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
            )
        translation.save_target(publish=True)
        target = source_obj.get_translation(locale)
        revision_id = getattr(target, "latest_revision_id", None)
        self._save_record(
            key, target, seed_hash, self._translation_state(target, source_obj, locale), revision_id
        )
        self.stats["translated"] += 1
        return target

    def summary(self):
        if not self.stats:
            return "nothing to do"
        return ", ".join(f"{name}: {count}" for name, count in sorted(self.stats.items()))
