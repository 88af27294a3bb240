from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump, or SQLite's backup) and every media file (local or S3, through "
        "Django's storage) into a new directory. Restore with restore_site."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="where to write the backup (created if missing)")

    def handle(self, *args, directory, **options):
        try:
            manifest = backup(directory)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backed up the database and {len(manifest['media'])} media files to {directory}.")
