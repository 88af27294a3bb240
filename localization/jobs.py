"""PO upload as a background job (core.jobs): parsed, checked and imported by the worker."""

import tempfile

import polib

from django.db import transaction
from django.utils.translation import gettext as _

from wagtail_localize.models import String, StringSegment, StringTranslation, Translation

from core.jobs import JobFailed

from .guards import stale_entries

MAX_PO_BYTES = 5 * 1024 * 1024


def check_upload(data):
    """A message for a file that cannot be a PO file of ours, or None. Cheap: run in the request."""
    if not data.strip():
        return _("The file is empty.")
    if len(data) > MAX_PO_BYTES:
        return _("Please upload a valid PO file of at most 5 MB.")
    if b"\x00" in data:
        return _("The file contains NUL bytes; a PO file is text. Please upload the file as it was saved.")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return _("The file is not in UTF-8 (problem at byte %(position)s).") % {"position": error.start}
    return None


def parse(data):
    """polib reads a *path* when given a string that names a file, so the content goes through a
    temporary file of our own."""
    with tempfile.NamedTemporaryFile(suffix=".po") as handle:
        handle.write(data)
        handle.flush()
        try:
            return polib.pofile(handle.name, encoding="utf-8")
        except Exception as error:  # polib reports malformed files with assorted exception types
            raise JobFailed(_("This is not a valid PO file (%(error)s).") % {"error": error}) from error


def relevant_keys(translation):
    """(string hash, context path) of every segment this translation may receive."""
    source = translation.source
    keys = set(StringSegment.objects.filter(source=source).values_list("string__data_hash", "context__path"))
    keys |= set(
        StringTranslation.objects.filter(
            locale_id=translation.target_locale_id, context__object_id=source.object_id
        ).values_list("translation_of__data_hash", "context__path")
    )
    return keys


def import_po_job(job, progress):
    translation = Translation.objects.filter(id=job.params.get("translation_id")).first()
    if translation is None:
        raise JobFailed(_("The translation no longer exists; nothing was imported."))
    progress(phase=_("Reading the file"), force=True)
    po = parse(bytes(job.payload))
    if po.metadata.get("X-WagtailLocalize-TranslationID") != str(translation.uuid):
        raise JobFailed(_("This PO file was made for another translation; download this one's file."))
    # wagtail-localize looks every entry up one by one; entries of no segment of this page only
    # make a large file slow, so they are set aside (and counted) first.
    keys = relevant_keys(translation)
    entries = list(po)
    progress(done=0, total=len(entries), phase=_("Checking the entries"))
    foreign = [
        entry
        for entry in entries
        if entry.obsolete
        or not entry.msgstr
        or (String._get_data_hash(entry.msgid), entry.msgctxt) not in keys
    ]
    for entry in foreign:
        po.remove(entry)
    stale = stale_entries(translation, po)
    for entry in stale:
        po.remove(entry)
    progress(phase=_("Importing"), done=len(entries) - len(po), force=True)
    with transaction.atomic():
        translation.import_po(po, user=job.user, tool_name="PO File")
    progress(done=len(entries), force=True)
    return {
        "imported": len(po),
        "ignored": len([entry for entry in foreign if entry.msgstr and not entry.obsolete]),
        "stale": [entry.msgid[:60] for entry in stale[:5]],
        "stale_count": len(stale),
    }
