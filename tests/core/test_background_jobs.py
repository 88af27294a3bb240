"""Long admin jobs in the background: the request returns at once, the admin shows progress and the
report, a failure imports nothing and says why, and a job whose worker died resumes or is reported."""

import os
import signal
import subprocess
import sys
import time
from urllib.parse import quote

import pytest

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.urls import reverse
from django.utils.html import escape

from wagtail.models import Locale

from core.jobs import recover_lost_jobs, start_job
from core.models import BackgroundJob
from libraries.importing import batch_size
from libraries.models import Library
from tests.frontend.live import writable_database
from tests.helpers import run_background_jobs

HEADER = "slug,full_name,kind,region_code,settlement_type,settlement,email,is_sample\n"


def library_csv(count, prefix):
    rows = (
        f"{prefix}-{n},Библиотека-филиал № {n} МБУК «ЦБС»,municipal,{31 + n % 40},село,Красное-{n % 300},"
        f"lib{n}@example.org,no\n"
        for n in range(count)
    )
    return (HEADER + "".join(rows)).encode()


def upload(client, data):
    return client.post(reverse("libraries_import"), {"file": SimpleUploadedFile("big.csv", data)})


@pytest.mark.django_db
def test_the_request_returns_at_once_and_the_job_page_follows_the_worker(admin_client_ru, seeded):
    rows = 3 * batch_size() + 17  # several batches and a part of one
    response = upload(admin_client_ru, library_csv(rows, "bg"))
    assert response.status_code == 302
    job = BackgroundJob.objects.get()
    assert not Library.objects.filter(slug__startswith="bg-").exists()  # nothing yet: the worker imports

    page = admin_client_ru.get(response["Location"]).content.decode()
    assert 'data-status="queued"' in page and 'http-equiv="refresh"' in page

    assert run_background_jobs() == 1
    job.refresh_from_db()
    assert job.status == BackgroundJob.Status.DONE and job.payload == b""
    assert (job.done, job.total) == (rows, rows)
    assert Library.objects.filter(slug__startswith="bg-", live=True).count() == rows
    library = Library.objects.get(slug=f"bg-{rows - 1}")
    assert library.live_revision_id == library.latest_revision_id
    assert library.latest_revision.content["full_name"] == library.full_name
    page = admin_client_ru.get(response["Location"]).content.decode()
    assert 'data-status="done"' in page and 'http-equiv="refresh"' not in page
    assert str(rows) in page


@pytest.mark.django_db
def test_a_file_the_database_refuses_imports_nothing_and_says_why(admin_client_ru, seeded):
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE FUNCTION refuse_row() RETURNS trigger AS $$ BEGIN "
            "IF NEW.slug = 'bad-3' THEN RAISE EXCEPTION 'refused by a trigger'; END IF; RETURN NEW; "
            "END $$ LANGUAGE plpgsql"
        )
        cursor.execute(
            "CREATE TRIGGER refuse_row BEFORE INSERT ON libraries_library "
            "FOR EACH ROW EXECUTE FUNCTION refuse_row()"
        )
    response = upload(admin_client_ru, library_csv(10, "bad"))
    run_background_jobs()
    job = BackgroundJob.objects.get()
    assert job.status == BackgroundJob.Status.FAILED
    assert "refused by a trigger" in job.message
    assert not Library.objects.filter(slug__startswith="bad-").exists()
    assert escape(job.message) in admin_client_ru.get(response["Location"]).content.decode()


@pytest.mark.django_db
def test_a_job_that_lost_its_worker_runs_again_then_is_reported(admin_client_ru, seeded):
    job = start_job("libraries.jobs.import_libraries_job", "lost", payload=library_csv(3, "lost"))
    BackgroundJob.objects.filter(pk=job.pk).update(status=BackgroundJob.Status.RUNNING, attempts=1)
    assert recover_lost_jobs() == 1  # no worker holds its lock
    job.refresh_from_db()
    assert job.status == BackgroundJob.Status.QUEUED and job.message
    run_background_jobs()
    job.refresh_from_db()
    assert job.status == BackgroundJob.Status.DONE and job.attempts == 2
    assert Library.objects.filter(slug__startswith="lost-").count() == 3

    # A job that lost its worker as often as it may run is reported, not run a third time.
    other = start_job("libraries.jobs.import_libraries_job", "lost twice", payload=library_csv(3, "twice"))
    BackgroundJob.objects.filter(pk=other.pk).update(
        status=BackgroundJob.Status.RUNNING, attempts=settings.BACKGROUND_JOB_ATTEMPTS
    )
    page = admin_client_ru.get(reverse("core_job", args=[other.pk])).content.decode()  # the page looks too
    other.refresh_from_db()
    assert other.status == BackgroundJob.Status.FAILED and escape(other.message) in page
    run_background_jobs()
    assert not Library.objects.filter(slug__startswith="twice-").exists()


@pytest.mark.django_db
def test_someone_elses_job_is_not_shown(client, django_user_model, seeded):
    job = start_job("libraries.jobs.import_libraries_job", "private", payload=b"x")
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("other", "o@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(reverse("core_job", args=[job.pk]), follow=True)
    assert response.status_code == 404  # (via the language redirect every admin 404 takes)
    assert "private" not in response.content.decode()


def database_url():
    params = connection.settings_dict
    host = quote(params["HOST"] or "", safe="")
    port = f":{params['PORT']}" if params.get("PORT") else ""
    return f"postgres://{params['USER']}@{host}{port}/{params['NAME']}"


def start_worker(*args):
    env = {**os.environ, "DATABASE_URL": database_url(), "DJANGO_SETTINGS_MODULE": "cms.settings.test"}
    return subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--no-reload",
            "--no-startup-delay",
            "--interval",
            "0.2",
            *args,
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def wait_for(predicate, what, seconds=240):
    # A bound on the wait for a condition, not a speed check: the worker shares a busy machine.
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := predicate():
            return value
        time.sleep(0.2)
    raise AssertionError(f"gave up waiting for {what}")


def backend_waiting_for_this_transaction():
    """The pid of a database backend whose lock wait this connection's transaction holds up."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_locks WHERE NOT granted AND pg_backend_pid() = ANY(pg_blocking_pids(pid))"
        )
        row = cursor.fetchone()
    return row and row[0]


def backend_exists(pid):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", [pid])
        return cursor.fetchone() is not None


def test_a_killed_worker_leaves_nothing_half_imported_and_a_new_worker_resumes(
    django_db_setup, django_db_blocker
):
    """Real worker processes on the test database: one is killed in the middle of an import, the
    next one finds the job without a worker and imports the file from the start."""
    batch = batch_size()
    rows = 3 * batch
    workers = []
    # Everything the workers commit goes with this process's copy, cloned again afterwards.
    with django_db_blocker.unblock(), writable_database():
        try:
            job = start_job(
                "libraries.jobs.import_libraries_job", "kill test", payload=library_csv(rows, "kill")
            )
            with transaction.atomic():
                # An uncommitted library with a slug of the file's second batch: the worker's insert of
                # that batch waits for this transaction, so it is killed after a whole batch for sure.
                Library.objects.bulk_create([Library(locale=Locale.get_default(), slug=f"kill-{batch + 1}")])
                workers.append(start_worker())
                stuck = wait_for(backend_waiting_for_this_transaction, "the first worker to import a batch")
                os.kill(workers[0].pid, signal.SIGKILL)
                workers[0].wait(timeout=30)
                transaction.set_rollback(True)
            # Its connection ends once its last statement runs and finds no one to answer.
            wait_for(lambda: not backend_exists(stuck), "the killed worker's connection to end")
            job.refresh_from_db()
            assert job.status == BackgroundJob.Status.RUNNING  # as the dead worker left it
            assert job.total == rows  # in the import phase (the check counts lines: rows + 1)
            assert not Library.objects.filter(slug__startswith="kill-").exists()  # rolled back

            workers.append(start_worker("--batch"))
            output, _ = workers[1].communicate(timeout=600)
            assert workers[1].returncode == 0, output
            assert "lost their worker" in output
            job.refresh_from_db()
            assert job.status == BackgroundJob.Status.DONE, job.message
            assert job.attempts == 2
            assert Library.objects.filter(slug__startswith="kill-").count() == rows
        finally:
            for worker in workers:
                if worker.poll() is None:
                    worker.kill()
                    worker.wait(timeout=30)
