"""CSV import of libraries, shared by the management command and the admin upload form.

The whole file is validated first; then every valid row is imported in one transaction and
every invalid row is reported with its line number. If the database refuses anything while
importing, the transaction is rolled back and nothing from the file is kept — a file is never
half-imported. Rows are matched to existing libraries by slug (Russian-language rows), so
importing the same file twice updates rather than duplicates.
"""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.admin.utils import get_admin_base_url
from wagtail.models import Locale

from core.notifications import submissions_summarised
from libraries.models import Country, Library, Region

MAX_BYTES = 2 * 1024 * 1024
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
    published: bool = True

    @property
    def imported(self):
        return self.created + self.updated


def decode(data):
    if len(data) > MAX_BYTES:
        raise ImportFileError(_("The file is larger than 2 MB."))
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
        library.full_clean(exclude=["locale", "translation_key"], validate_unique=False)
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            errors.extend(f"{name}: {message}" for message in messages)
    return fields, errors


def validate(data):
    """Read and check the whole file; raises ImportFileError for an unreadable file."""
    text = decode(data)
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
    except csv.Error as error:
        raise ImportFileError(_("The file is not a valid CSV: %(error)s") % {"error": error}) from error
    return report


def _save_row(library, publish, user):
    """A revision per imported row: published for those who may publish, otherwise a draft
    that keeps the published version public and is submitted to the moderators' queue."""
    if library.pk is None:
        library.live = publish
        library.save()
    revision = library.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
        return
    workflow = library.get_workflow()
    if workflow is not None and not library.workflow_in_progress:
        workflow.start(library, user)


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


def import_valid_rows(report, user=None):
    """Write every valid row, all or nothing. ``user`` None (the command line) publishes."""
    locale = Locale.get_default()
    report.published = user is None or user.has_perm("libraries.publish_library")
    try:
        with submissions_summarised(_summary), transaction.atomic():
            for _line, fields in report.valid:
                library = Library.objects.filter(slug=fields["slug"], locale=locale).first()
                if library is None:
                    library = Library(locale=locale)
                    report.created += 1
                else:
                    report.updated += 1
                for name, value in fields.items():
                    setattr(library, name, value)
                _save_row(library, report.published, user)
    except DatabaseError as error:
        report.created = report.updated = 0
        message = _("Nothing was imported: the database refused the file (%(error)s).")
        raise ImportFileError(message % {"error": error}) from error
    return report


def import_file(data):
    return import_valid_rows(validate(data))
