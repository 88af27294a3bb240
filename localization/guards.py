"""Keeping translators' work: the places where wagtail-localize could discard it.

- "Start Synced translation" after a translation was stopped and the page was
  edited by hand (wagtail-localize #876): the next publish would rebuild the
  page from the stored string translations and drop the hand edits. Before the
  translation is restarted, ``harvest_direct_edits`` copies every hand-edited
  segment back into the translation memory, so the edits survive.
- "Convert to alias" replaces a translated page with the Russian source and
  deletes its translation record: refused (see views.refuse_convert_to_alias).
- "Sync translated pages" with "Publish immediately": publishing is refused to
  users who cannot publish every target, and only fully translated targets are
  published; the rest keep their current version (views.SafeUpdateTranslationsView).
- A PO file downloaded before some of its segments were edited in the editor
  would overwrite the newer edits on upload: ``stale_entries`` finds them and
  views.upload_pofile leaves them out.
- Saving a translation as a draft of a target that is already published
  (``save_target(publish=False)``) writes the unmoderated text into the live
  row, and unpublishes a snippet: ``save_translation_draft`` keeps it in a
  revision instead, as the page editor's "Save draft" does.
"""

import datetime
from collections import defaultdict

from django.utils import timezone

from wagtail.models import RevisionMixin
from wagtail_localize.models import String, StringSegment, StringTranslation, Translation
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

DIRECT_EDIT_TOOL = "Direct edit"


def _current_content(instance):
    if isinstance(instance, RevisionMixin) and instance.latest_revision_id:
        return instance.get_latest_revision_as_object()
    return instance


def translation_of(instance, enabled=True):
    """The wagtail-localize translation whose target is ``instance`` (a stopped one with enabled=False)."""
    return Translation.objects.filter(
        source__object_id=instance.translation_key, target_locale_id=instance.locale_id, enabled=enabled
    ).first()


def stored_translations(translation):
    """Every stored string translation of this object into the target language."""
    return StringTranslation.objects.filter(
        locale=translation.target_locale, context__object_id=translation.source.object_id
    )


def harvest_direct_edits(translation, instance, user=None):
    """Store the target's current text of each segment as its translation.

    Segments are matched by their field/block path and position within it; a
    path whose number of strings changed is left alone (and counted).
    Returns (saved, skipped).
    """
    content = _current_content(getattr(instance, "specific", instance))
    target_by_path = defaultdict(list)
    for segment in extract_segments(content):
        if isinstance(segment, StringSegmentValue):
            target_by_path[segment.path].append(segment.string.data)

    source_by_path = defaultdict(list)
    segments = (
        StringSegment.objects.filter(source=translation.source)
        .select_related("string", "context")
        .order_by("order")
    )
    for segment in segments:
        source_by_path[segment.context.path].append(segment)

    existing = {(row.translation_of_id, row.context_id): row for row in stored_translations(translation)}
    saved = skipped = 0
    for path, source_segments in source_by_path.items():
        values = target_by_path.get(path, [])
        if len(values) != len(source_segments):
            skipped += 1
            continue
        for segment, value in zip(source_segments, values, strict=True):
            if value == segment.string.data:
                continue  # the source text itself, not a translation
            current = existing.get((segment.string_id, segment.context_id))
            if current is not None and current.data == value and not current.has_error:
                continue
            StringTranslation.objects.update_or_create(
                translation_of_id=segment.string_id,
                locale=translation.target_locale,
                context_id=segment.context_id,
                defaults={
                    "data": value,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "tool_name": DIRECT_EDIT_TOOL,
                    "last_translated_by": user if user is not None and user.is_authenticated else None,
                    "has_error": False,
                    "field_error": "",
                },
            )
            saved += 1
    return saved, skipped


def save_translation_draft(translation, user=None):
    """Save the current translations as a new draft revision of the target and return it.

    A target that is not yet live is saved by wagtail-localize itself. A live
    one keeps its published content: the translation is applied to an
    in-memory copy that becomes a revision, for moderators to approve.
    Raises ValidationError when the translated content is not valid.
    """
    from wagtail.models import Page
    from wagtail_localize.fields import copy_synchronised_fields
    from wagtail_localize.segments.ingest import ingest_segments

    target = translation.get_target_instance()
    if isinstance(target, Page):
        target = target.specific
    if not target.live:
        translation.save_target(user=user, publish=False)
        return type(target)._default_manager.get(pk=target.pk).latest_revision
    source = translation.source
    original = source.as_instance()
    copy_synchronised_fields(original, target)
    segments = source._get_segments_for_translation(translation.target_locale, fallback=True)
    ingest_segments(original, target, source.locale, translation.target_locale, segments)
    return target.save_revision(user=user if user is not None and user.is_authenticated else None)


def _exported_at(po):
    """When a PO file was downloaded (wagtail-localize writes it as POT-Creation-Date)."""
    try:
        moment = datetime.datetime.fromisoformat(po.metadata.get("POT-Creation-Date", "").strip())
    except ValueError:
        return None
    return moment if timezone.is_aware(moment) else None


def stale_entries(translation, po):
    """Entries of a PO file that would overwrite a translation changed after it was downloaded.

    Without a download date every entry that differs from a stored translation
    counts as stale: a file of unknown age never overwrites anyone's work.
    """
    exported_at = _exported_at(po)
    stored = {
        (row.translation_of.data_hash, row.context.path): row
        for row in stored_translations(translation).select_related("translation_of", "context")
    }
    stale = []
    for entry in po:
        if entry.obsolete or not entry.msgstr:
            continue
        row = stored.get((String._get_data_hash(entry.msgid), entry.msgctxt))
        if row is None or row.data == entry.msgstr:
            continue
        if exported_at is None or row.updated_at > exported_at:
            stale.append(entry)
    return stale
