"""Load the 89 current federal subjects of Russia and a list of countries, in Russian, English and
Belarusian.

Region codes are the two-digit codes of the Federal Tax Service («код субъекта», e.g. 31 for
Belgorod Oblast, 90/93/94/95 for the subjects admitted in 2022), not OKATO. Country codes are
ISO 3166-1 alpha-2. The lists are libraries/data/regions.csv and countries.csv; the three locale
rows of a place share one translation_key. Editors may add countries later in the admin.
"""

import csv
import uuid
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data"
COLUMNS = {"ru": "name_ru", "en": "name_en", "be": "name_be"}


def _load(apps, model_name, filename):
    Locale = apps.get_model("wagtailcore", "Locale")
    model = apps.get_model("libraries", model_name)
    # On a fresh database only the default locale exists yet.
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in COLUMNS}
    with (DATA / filename).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        existing = model.objects.filter(code=row["code"]).first()
        key = existing.translation_key if existing else uuid.uuid4()
        for code, column in COLUMNS.items():
            name = row[column]
            # The historical model has no custom save(): fill sort_name here.
            model.objects.update_or_create(
                code=row["code"],
                locale=locales[code],
                defaults={"name": name, "sort_name": name.lower(), "translation_key": key},
            )


def load_places(apps, schema_editor):
    _load(apps, "Region", "regions.csv")
    _load(apps, "Country", "countries.csv")


def unload_places(apps, schema_editor):
    apps.get_model("libraries", "Region").objects.filter(libraries__isnull=True).delete()
    apps.get_model("libraries", "Country").objects.filter(libraries__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("libraries", "0001_initial")]

    operations = [migrations.RunPython(load_places, unload_places)]
