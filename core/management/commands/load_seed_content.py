import os

from django.core.management.base import BaseCommand, CommandError

from core.seeding import DataError, SeedError, load_content


class Command(BaseCommand):
    help = (
        "Build the page tree and publish the content of the seed documents (content/seed/) with "
        "their translations (content/translations/). Safe to run again: unchanged content is "
        "skipped and edited content is left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo",
            action="store_true",
            help="Also load the demonstration data (content/demo/), labelled as sample data on the "
            "site. SEED_DEMO=1 does the same.",
        )

    def handle(self, *args, **options):
        demo = options["demo"] or os.environ.get("SEED_DEMO", "") in {"1", "true", "yes"}
        try:
            seeder = load_content(write=lambda message: self.stdout.write(f"  {message}"), demo=demo)
        except (DataError, SeedError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Seed content: {seeder.summary()}"))
