"""Load the 89 current federal subjects of Russia in Russian, English and Belarusian.

Codes are the two-digit region codes of the Federal Tax Service («код субъекта», e.g. 31 for
Belgorod Oblast, 90/93/94/95 for the subjects admitted in 2022), not OKATO. The list is
partnerships/data/regions.csv; the three locale rows of a region share one translation_key.
"""

import csv
import uuid
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "regions.csv"
COLUMNS = {"ru": "name_ru", "en": "name_en", "be": "name_be"}


def load_regions(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Region = apps.get_model("partnerships", "Region")
    # On a fresh database only the default locale exists yet.
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in COLUMNS}
    with DATA.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        existing = Region.objects.filter(code=row["code"]).first()
        key = existing.translation_key if existing else uuid.uuid4()
        for code, column in COLUMNS.items():
            name = row[column]
            # The historical model has no custom save(): fill sort_name here.
            Region.objects.update_or_create(
                code=row["code"],
                locale=locales[code],
                defaults={"name": name, "sort_name": name.lower(), "translation_key": key},
            )


def unload_regions(apps, schema_editor):
    Region = apps.get_model("partnerships", "Region")
    Region.objects.filter(libraries__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0002_library_settlement_key"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(load_regions, unload_regions)]
