from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.module_loading import import_string

from core.seeding import Seeder, SeedError


class Command(BaseCommand):
    help = (
        "Build the page tree and publish the content of the seed documents. "
        "Safe to run again: unchanged content is skipped and edited content is left alone."
    )

    def handle(self, *args, **options):
        seeder = Seeder(write=lambda message: self.stdout.write(f"  {message}"))
        for path in settings.SEED_CONTENT_LOADERS:
            self.stdout.write(f"Seeding {path}")
            try:
                import_string(path)(seeder)
            except SeedError as error:
                raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Seed content: {seeder.summary()}"))
