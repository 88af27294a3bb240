"""backup_site and restore_site: a backup restored into a fresh database and an empty media storage
gives the same public pages (rendered by the restored site), the same translations and the same files."""

import json
import os
import subprocess
import sys
from urllib.parse import quote

import pytest

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection

SNAPSHOT = r"""
import json, re
from django.test import Client
from wagtail.models import Page
from wagtail_localize.models import StringTranslation
live = Page.objects.live().public().filter(depth__gt=1).select_related("locale").order_by("path")
pages = [[p.locale.language_code, p.url_path, p.title, p.live_revision_id] for p in live]
client = Client()
rendered = {}
for page in live.specific()[:8]:  # the list covers every page; a sample is rendered
    response = client.get(page.url)
    title = re.search(r"<title>(.*?)</title>", response.content.decode(), re.S)
    rendered[page.url] = [response.status_code, title.group(1).strip() if title else None]
translations = sorted(
    [t.locale.language_code, t.translation_of.data, t.data]
    for t in StringTranslation.objects.select_related("locale", "translation_of")
)
print("SNAPSHOT " + json.dumps({"pages": pages, "rendered": rendered, "translations": translations}))
"""


def url_for(name):
    params = connection.settings_dict
    host = quote(params["HOST"] or "", safe="")
    port = f":{params['PORT']}" if params.get("PORT") else ""
    return f"postgres://{params['USER']}@{host}{port}/{name}"


def manage(*args, database, media):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": url_for(database),
        "VMESTE_TEST_MEDIA_ROOT": str(media),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


# The commands run in the process that takes the snapshot, after it on the source and before it on
# the restored database: two Django start-ups instead of four.
BACKUP = """
from django.core.management import call_command
call_command("backup_site", {target!r})
"""
RESTORE = """
from django.core.management import call_command
call_command("restore_site", {source!r}, "--no-input")
"""


def shell(code, database, media):
    return manage("shell", "-v", "0", "-c", code, database=database, media=media)


def snapshot(output):
    line = next(line for line in output.splitlines() if line.startswith("SNAPSHOT "))
    return json.loads(line[len("SNAPSHOT ") :])


def test_a_restored_backup_has_the_same_pages_translations_and_files(
    seeded_database, django_db_blocker, tmp_path
):
    source_db = connection.settings_dict["NAME"]
    fresh_db = f"{source_db}_restored"
    media = settings.MEDIA_ROOT
    restored_media = tmp_path / "restored-media"
    restored_media.mkdir()
    with django_db_blocker.unblock():
        name = default_storage.save("backup-test/Положение.txt", ContentFile("текст документа".encode()))
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{fresh_db}"')
            cursor.execute(f'CREATE DATABASE "{fresh_db}"')
        try:
            backup = str(tmp_path / "backup")
            output = shell(SNAPSHOT + BACKUP.format(target=backup), database=source_db, media=media)
            before = snapshot(output)
            assert before["pages"] and before["translations"]
            assert all(status == 200 for status, _title in before["rendered"].values())

            assert "media files" in output
            manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
            assert name in manifest["media"]

            output = shell(RESTORE.format(source=backup) + SNAPSHOT, database=fresh_db, media=restored_media)
            after = snapshot(output)
            assert after == before
            assert (restored_media / name).read_bytes() == "текст документа".encode()
        finally:
            default_storage.delete(name)
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{fresh_db}"')


@pytest.mark.django_db
def test_a_directory_without_a_manifest_is_refused(tmp_path):
    from django.core.management import CommandError, call_command

    from wagtail.models import Page

    pages = Page.objects.count()
    with pytest.raises(CommandError, match="not a backup"):
        call_command("restore_site", str(tmp_path), interactive=False)
    assert Page.objects.count() == pages
