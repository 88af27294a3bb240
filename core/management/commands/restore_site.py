from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from core.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by backup_site into the configured database (its tables are replaced) "
        "and media storage."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="a directory written by backup_site")
        parser.add_argument("--no-input", action="store_false", dest="interactive", help="do not ask")

    def handle(self, *args, directory, interactive, **options):
        name = connection.settings_dict["NAME"]
        if interactive:
            answer = input(f"Replace the contents of database {name} and the media files? [y/N] ")
            if answer.strip().lower() not in ("y", "yes", "д", "да"):
                raise CommandError("Nothing was restored.")
        try:
            manifest = restore(directory)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored the database and {len(manifest['media'])} media files from {directory}.")
