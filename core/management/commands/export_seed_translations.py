from django.core.management.base import BaseCommand, CommandError

from core.seeding import DataError, export_translations


class Command(BaseCommand):
    help = (
        "Write content/translations/<language>/*.po from the database: the translations of the "
        "seeded pages and snippets as they are now (also those made in the admin), with an empty "
        "msgstr for every string still to translate. Translate, then run load_seed_content."
    )

    def add_arguments(self, parser):
        parser.add_argument("--language", action="append", help="Only this language (repeatable).")
        parser.add_argument(
            "--check", action="store_true", help="Write nothing; fail if a file would change."
        )

    def handle(self, *args, **options):
        try:
            changed = export_translations(
                options["language"],
                write=lambda message: self.stdout.write(f"  {message}"),
                dry_run=options["check"],
            )
        except DataError as error:
            raise CommandError(str(error)) from error
        if options["check"] and changed:
            raise CommandError("PO files out of date: " + ", ".join(path.name for path in changed))
        self.stdout.write(self.style.SUCCESS(f"PO files changed: {len(changed)}"))
