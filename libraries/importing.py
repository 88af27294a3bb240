"""CSV import of libraries, shared by the management command and the admin's background job.

The whole file is validated first; then every valid row is imported in one transaction and
every invalid row is reported with its line number. If the database refuses anything while
importing, the transaction is rolled back and nothing from the file is kept — a file is never
half-imported. Rows are matched to existing libraries by slug (Russian-language rows), so
importing the same file twice updates rather than duplicates.

Rows are written in batches: one query per batch for the libraries, their revisions, the log
entries and the search index, instead of some thirty queries per row through save_revision()
and publish(). What those would do for a snippet without scheduled publishing is done here too:
a revision per row (published, or a draft for someone who may not publish), the live fields, the
history entries, a running moderation cancelled on publish, and the search index. The drafts of
someone who may not publish start the moderation workflow, so they wait in the moderators' queue;
each moderator gets one notice for the file.
"""

import csv
import io
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.db.models import CharField, F, OuterRef, Subquery, Value
from django.db.models.functions import Cast, Coalesce
from django.dispatch import Signal
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.admin.utils import get_admin_base_url
from wagtail.models import Locale, ModelLogEntry, Revision, WorkflowState
from wagtail.search.backends import get_search_backends

from core.notifications import submissions_summarised
from libraries.models import Country, Library, Region
from libraries.naming import normalise_settlement

MAX_BYTES = 20 * 1024 * 1024
BATCH = 500  # rows per batch, unless settings.LIBRARY_IMPORT_BATCH says otherwise (the tests lower it)
# Sent once after an import commits, with the libraries it created or published (cache purges).
libraries_imported = Signal()
REQUIRED = ["slug", "full_name"]
COLUMNS = [
    "slug",
    "full_name",
    "short_name",
    "kind",
    "country",
    "region_code",
    "foreign_region",
    "municipality",
    "settlement_type",
    "settlement",
    "address",
    "phone",
    "fax",
    "email",
    "website",
    "social_links",
    "is_sample",
]
TRUE = {"1", "true", "yes", "да"}
FALSE = {"", "0", "false", "no", "нет"}


class ImportFileError(Exception):
    """The file as a whole cannot be read (size, encoding, not a CSV)."""


@dataclass
class ImportReport:
    valid: list = field(default_factory=list)  # (line, fields)
    errors: list = field(default_factory=list)  # (line, message)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    published: bool = True

    @property
    def imported(self):
        return self.created + self.updated + self.unchanged

    def as_json(self):
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "published": self.published,
            "errors": self.errors,
        }


def too_large_message():
    return _("The file is larger than %(size)s MB.") % {"size": MAX_BYTES // (1024 * 1024)}


def _no_progress(**kwargs):
    pass


def batch_size():
    return getattr(settings, "LIBRARY_IMPORT_BATCH", BATCH)


def decode(data):
    if len(data) > MAX_BYTES:
        raise ImportFileError(too_large_message())
    if not data.strip():
        raise ImportFileError(_("The file is empty."))
    if b"\x00" in data:
        raise ImportFileError(_("This is not a text CSV file."))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            _("The file is not in UTF-8 (problem at byte %(position)s); save it as CSV UTF-8.")
            % {"position": error.start}
        ) from error


def _row_fields(row, regions, countries, locale, existing):
    errors = []
    fields = {name: (row.get(name) or "").strip() for name in COLUMNS}
    for name in REQUIRED:
        if not fields[name]:
            errors.append(_("column “%(column)s” is empty") % {"column": name})
    region_code = fields.pop("region_code")
    fields["region"] = None
    if region_code:
        region = regions.get(region_code.zfill(2))
        if region is None:
            errors.append(_("unknown region code “%(code)s”") % {"code": region_code})
        fields["region"] = region
    fields["kind"] = fields["kind"] or Library.Kind.MUNICIPAL
    country_code = fields.pop("country").upper() or Country.RUSSIA
    fields["country"] = countries.get(country_code)
    if fields["country"] is None:
        errors.append(_("unknown country code “%(code)s”") % {"code": country_code})
    sample = fields["is_sample"].lower()
    if sample in TRUE:
        fields["is_sample"] = True
    elif sample in FALSE:
        fields["is_sample"] = False
    else:
        errors.append(_("is_sample must be yes or no"))
        fields["is_sample"] = False
    if country_code == Country.RUSSIA and fields["foreign_region"]:
        errors.append(_("a library in Russia takes region_code, not foreign_region"))
    # A row whose slug exists updates that library, so it is checked as that library.
    library = Library(pk=existing.get(fields["slug"]), locale=locale, **fields)
    try:
        # Region and country come from the lookups above; slugs are matched, not refused, on import.
        library.full_clean(
            exclude=["locale", "translation_key", "region", "country"],
            validate_unique=False,
            validate_constraints=False,
        )
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            errors.extend(f"{name}: {message}" for message in messages)
    return fields, errors


def read_header(text):
    """The CSV reader of a decoded file, after checking its header line."""
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    header = [name.strip() for name in (reader.fieldnames or [])]
    reader.fieldnames = header
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise ImportFileError(
            _("The header line lacks the columns: %(columns)s. Expected columns: %(expected)s.")
            % {"columns": ", ".join(missing), "expected": ", ".join(COLUMNS)}
        )
    return reader


def validate(data, progress=_no_progress):
    """Read and check the whole file; raises ImportFileError for an unreadable file."""
    text = decode(data)
    reader = read_header(text)
    total = text.count("\n") or 1
    progress(done=0, total=total, phase=_("Checking the rows"))
    locale = Locale.get_default()
    regions = {region.code: region for region in Region.objects.filter(locale=locale)}
    countries = {country.code: country for country in Country.objects.filter(locale=locale)}
    existing = dict(Library.objects.filter(locale=locale).values_list("slug", "pk"))
    report = ImportReport()
    seen = {}
    try:
        for row in reader:
            line = reader.line_num
            if None in row:
                report.errors.append((line, _("more values than columns")))
                continue
            if not any((value or "").strip() for value in row.values()):
                continue
            fields, errors = _row_fields(row, regions, countries, locale, existing)
            slug = fields.get("slug")
            if slug and slug in seen:
                errors.append(_("slug “%(slug)s” repeats line %(line)s") % {"slug": slug, "line": seen[slug]})
            elif slug:
                seen[slug] = line
            if errors:
                report.errors.append((line, "; ".join(str(e) for e in errors)))
            else:
                report.valid.append((line, fields))
            progress(done=min(line, total), total=total)
    except csv.Error as error:
        raise ImportFileError(_("The file is not a valid CSV: %(error)s") % {"error": error}) from error
    return report


# Columns an import writes, by attribute name.
UPDATED_FIELDS = [name for name in COLUMNS if name not in ("region_code", "country")] + [
    "region_id",
    "country_id",
    "settlement_key",
]


def _summary(count):
    """The one notice approvers get for an import (instead of one per library)."""
    subject = ngettext(
        "%(count)s imported library awaits your review",
        "%(count)s imported libraries await your review",
        count,
    ) % {"count": count}
    body = "\n".join(
        [
            _("A CSV import saved libraries as drafts and submitted them for moderation."),
            _("They are in the review queue on the dashboard: %(url)s")
            % {"url": (get_admin_base_url() or "") + reverse("wagtailadmin_home")},
        ]
    )
    return subject, body


def _value(value):
    return value.pk if hasattr(value, "pk") else value


def _same(library, fields):
    return all(
        getattr(library, Library._meta.get_field(name).attname) == _value(value)
        for name, value in fields.items()
    )


def _copy(library):
    return Library(**{f.attname: getattr(library, f.attname) for f in Library._meta.concrete_fields})


def import_valid_rows(report, user=None, progress=_no_progress):
    """Write every valid row, all or nothing. ``user`` None (the command line) publishes."""
    locale = Locale.get_default()
    report.published = user is None or user.has_perm("libraries.publish_library")
    total = len(report.valid)
    batch = batch_size()
    progress(done=0, total=total, phase=_("Importing"), force=True)
    writer = _BatchWriter(locale, user, report.published)
    try:
        with submissions_summarised(_summary), transaction.atomic():
            for start in range(0, total, batch):
                rows = [fields for _line, fields in report.valid[start : start + batch]]
                created, updated, unchanged = writer.write(rows)
                report.created += created
                report.updated += updated
                report.unchanged += unchanged
                progress(done=min(start + batch, total), total=total)
            if not report.published:
                submit_for_moderation(writer.draft_ids, user)
            changed = writer.public_ids
            transaction.on_commit(lambda: libraries_imported.send(sender=Library, pks=changed))
    except DatabaseError as error:
        report.created = report.updated = report.unchanged = 0
        message = _("Nothing was imported: the database refused the file (%(error)s).")
        raise ImportFileError(message % {"error": error}) from error
    return report


class _BatchWriter:
    """Saves libraries with their revisions and history in a few queries per batch."""

    def __init__(self, locale, user, publish):
        self.locale, self.user, self.publish = locale, user, publish
        self.content_type = ContentType.objects.get_for_model(Library)
        self.log_uuid = uuid.uuid4()
        self.public_ids = []
        self.draft_ids = []

    def write(self, rows):
        """Returns (created, updated, unchanged) for the batch."""
        now = timezone.now()
        existing = {
            library.slug: library
            for library in Library.objects.filter(locale=self.locale, slug__in=[row["slug"] for row in rows])
        }
        new, changed, unchanged = [], [], 0
        for fields in rows:
            fields = {**fields, "settlement_key": normalise_settlement(fields["settlement"])}
            library = existing.get(fields["slug"])
            if library is None:
                library = Library(
                    locale=self.locale, live=self.publish, has_unpublished_changes=True, **fields
                )
                if self.publish:
                    library.has_unpublished_changes = False
                    library.first_published_at = library.last_published_at = now
                library.import_content = library
                new.append(library)
            elif _same(library, fields):
                unchanged += 1
            else:
                # The revision holds the row applied to the library; a draft leaves the live row alone.
                content = library if self.publish else _copy(library)
                for name, value in fields.items():
                    setattr(content, name, value)
                library.import_content = content
                changed.append(library)
        Library.objects.bulk_create(new)
        if self.publish:
            for library in changed:
                Library.objects.filter(pk=library.pk).update(
                    **{name: getattr(library, name) for name in UPDATED_FIELDS},
                    live=True,
                    has_unpublished_changes=False,
                    expired=False,
                    last_published_at=now,
                    first_published_at=Coalesce(F("first_published_at"), Value(now)),
                )

        libraries = new + changed
        revisions = Revision.objects.bulk_create(
            [
                Revision(
                    content_type=self.content_type,
                    base_content_type=self.content_type,
                    object_id=str(library.pk),
                    user=self.user,
                    created_at=now,
                    content=library.import_content.serializable_data(),
                    object_str=str(library.import_content)[:255],
                )
                for library in libraries
            ]
        )
        latest = Subquery(
            Revision.objects.filter(
                base_content_type=self.content_type, object_id=Cast(OuterRef("pk"), CharField())
            )
            .order_by("-id")
            .values("id")[:1]
        )
        state = {"latest_revision": latest}
        if self.publish:
            state["live_revision"] = latest
        else:
            state["has_unpublished_changes"] = True
        Library.objects.filter(pk__in=[library.pk for library in libraries]).update(**state)

        self._log(libraries, revisions, {library.pk for library in new}, now)
        if self.publish and changed:
            self._cancel_moderation(changed)
        indexed = libraries if self.publish else new
        if indexed:
            for backend in get_search_backends(with_auto_update=True):
                backend.add_bulk(Library, indexed)
        if self.publish:
            self.public_ids += [library.pk for library in libraries]
        else:
            self.draft_ids += [library.pk for library in libraries]
        return len(new), len(changed), unchanged

    def _log(self, libraries, revisions, new_ids, now):
        entries = []
        for library, revision in zip(libraries, revisions, strict=True):
            common = {
                "content_type": self.content_type,
                "object_id": str(library.pk),
                "label": str(library.import_content)[:255],
                "user": self.user,
                "revision": revision,
                "timestamp": now,
                "uuid": self.log_uuid,
                "data": {},
            }
            action = "wagtail.create" if library.pk in new_ids else "wagtail.edit"
            entries.append(ModelLogEntry(action=action, content_changed=True, **common))
            if self.publish:
                entries.append(ModelLogEntry(action="wagtail.publish", content_changed=True, **common))
        ModelLogEntry.objects.bulk_create(entries)

    def _cancel_moderation(self, libraries):
        # As publish() does: publishing ends a moderation that was waiting for these libraries.
        states = WorkflowState.objects.filter(
            base_content_type=self.content_type,
            object_id__in=[str(library.pk) for library in libraries],
            status=WorkflowState.STATUS_IN_PROGRESS,
        )
        for state in states:
            state.cancel(user=self.user)


def submit_for_moderation(ids, user):
    """Drafts of someone who may not publish go to the moderators' queue, as a draft saved with
    «Submit for moderation» does; the notices are summarised by the caller."""
    workflow = Library().get_workflow()
    if workflow is None or not ids:
        return
    content_type = ContentType.objects.get_for_model(Library)
    waiting = set(
        WorkflowState.objects.filter(
            base_content_type=content_type,
            object_id__in=[str(pk) for pk in ids],
            status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
        ).values_list("object_id", flat=True)
    )
    for library in Library.objects.filter(pk__in=ids).select_related("latest_revision"):
        if str(library.pk) not in waiting:
            workflow.start(library, user)


def import_file(data):
    return import_valid_rows(validate(data))
