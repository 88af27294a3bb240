from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from libraries.importing import COLUMNS, ImportFileError, import_file


class Command(BaseCommand):
    help = (
        "Import libraries from a UTF-8 CSV file with a header line. Columns: "
        + ", ".join(COLUMNS)
        + ". Bad rows are reported with their line numbers; all good rows are imported in one transaction."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file, **options):
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from error
        try:
            report = import_file(data)
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        for line, message in report.errors:
            self.stderr.write(f"line {line}: {message}")
        self.stdout.write(
            f"Imported {report.imported} libraries ({report.created} new, {report.updated} updated, "
            f"{report.unchanged} unchanged); "
            f"{len(report.errors)} rows rejected."
        )
        if report.errors:
            raise CommandError(f"{len(report.errors)} rows rejected; see the lines above.", returncode=2)
