"""Backup and restore of the database and the media files.

The database goes through PostgreSQL's own tools (pg_dump's custom format, pg_restore) or, for the
SQLite demo, SQLite's online backup; the media files through Django's storage API, so the same
command copies a local MEDIA_ROOT or an S3 bucket (whatever STORAGES["default"] is). A backup is a
directory: ``database.dump`` (or ``database.sqlite3``), ``media/`` and ``manifest.json`` with the
SHA-256 of every file.
"""

import glob
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import connection
from django.utils import timezone


class BackupError(Exception):
    pass


def client_tool(name):
    """A PostgreSQL client tool, the newest Debian version first (it must not be older than the server)."""
    candidates = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda path: int(path.split("/")[4]) if path.split("/")[4].isdigit() else 0,
        reverse=True,
    )
    found = candidates[0] if candidates else shutil.which(name)
    if not found:
        raise BackupError(f"{name} not found: install PostgreSQL's client tools (Debian: postgresql-client).")
    return found


def client_args_and_env(settings_dict):
    env = {**os.environ}
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = settings_dict["PASSWORD"]
    args = []
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            args += [option, str(settings_dict[key])]
    return args, env


def _run(command, env):
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed: {result.stderr.strip()[:2000]}")


def _walk(storage, directory=""):
    directories, files = storage.listdir(directory)
    for name in files:
        yield f"{directory}/{name}" if directory else name
    for name in directories:
        yield from _walk(storage, f"{directory}/{name}" if directory else name)


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def backup(target, storage=default_storage):
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    settings_dict = connection.settings_dict
    if connection.vendor == "postgresql":
        database_file = "database.dump"
        args, env = client_args_and_env(settings_dict)
        _run(
            [client_tool("pg_dump"), *args, "--format=custom", "--no-owner", "--no-privileges"]
            + ["--file", str(target / database_file), settings_dict["NAME"]],
            env,
        )
    elif connection.vendor == "sqlite":
        database_file = "database.sqlite3"
        with (
            sqlite3.connect(settings_dict["NAME"]) as source,
            sqlite3.connect(target / database_file) as copy,
        ):
            source.backup(copy)
    else:
        raise BackupError(f"Backups of {connection.vendor} databases are not supported.")

    media = target / "media"
    files = {}
    try:
        names = sorted(_walk(storage))
    except FileNotFoundError:  # no media directory yet
        names = []
    for name in names:
        destination = media / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        with storage.open(name, "rb") as source, open(destination, "wb") as copy:
            shutil.copyfileobj(source, copy)
        files[name] = _sha256(destination)
    manifest = {
        "created_at": timezone.now().isoformat(),
        "database": database_file,
        "vendor": connection.vendor,
        "media": files,
    }
    (target / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
    return manifest


def restore(source, storage=default_storage):
    source = Path(source)
    try:
        manifest = json.loads((source / "manifest.json").read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{source} is not a backup made by backup_site: {error}") from error
    for name, digest in manifest["media"].items():
        if _sha256(source / "media" / name) != digest:
            raise BackupError(f"media/{name} does not match the manifest; the backup is damaged.")
    settings_dict = connection.settings_dict
    if manifest["vendor"] != connection.vendor:
        raise BackupError(
            f"The backup is of a {manifest['vendor']} database, this site uses {connection.vendor}."
        )
    connection.close()
    if connection.vendor == "postgresql":
        args, env = client_args_and_env(settings_dict)
        _run(
            [client_tool("pg_restore"), *args, "--clean", "--if-exists", "--no-owner", "--no-privileges"]
            + ["--single-transaction", "--exit-on-error", "--dbname", settings_dict["NAME"]]
            + [str(source / manifest["database"])],
            env,
        )
    else:
        with (
            sqlite3.connect(source / manifest["database"]) as backup_db,
            sqlite3.connect(settings_dict["NAME"]) as live,
        ):
            backup_db.backup(live)
    for name in manifest["media"]:
        if storage.exists(name):
            storage.delete(name)
        with open(source / "media" / name, "rb") as handle:
            saved = storage.save(name, File(handle))
        if saved != name:
            raise BackupError(f"The storage saved media/{name} as {saved}.")
    return manifest
