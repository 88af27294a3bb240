"""Running long admin jobs in the background (django-tasks, database queue, `manage.py db_worker`).

A job row holds the uploaded file, the progress and the report, so that the admin can show them
while a worker does the work. Each job runs all or nothing inside its runner's transaction.

A worker that dies (killed, out of memory, machine restarted) leaves its job "running". On
PostgreSQL the running worker holds an advisory lock on the job; a job in "running" whose lock
is free has lost its worker. Such a job is started again (the runners are idempotent: a CSV import
matches rows by slug, a PO upload stores the same translations) until BACKGROUND_JOB_ATTEMPTS
runs were made, then reported as failed. Workers look for such jobs when they start, and the
admin's job page looks when it is shown. On SQLite (development, one worker) every job still
"running" when a worker starts is taken as lost.
"""

import contextlib
import logging
import time

from django_tasks import task

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from core.models import BackgroundJob

logger = logging.getLogger(__name__)
LOCK_NAMESPACE = 0x6A6F62  # "job": the first key of the advisory locks
PROGRESS_INTERVAL = 0.5  # seconds between progress writes


class JobFailed(Exception):
    """The job cannot be done; the message tells the person why. Nothing was changed."""


def start_job(runner, title, user=None, payload=b"", params=None, return_url=""):
    job = BackgroundJob.objects.create(
        runner=runner,
        title=title[:255],
        user=user,
        payload=payload,
        params=params or {},
        return_url=return_url[:500],
    )
    enqueue(job)
    return job


def enqueue(job):
    result = run_background_job.enqueue(job.pk)
    job.task_id = str(result.id)
    BackgroundJob.objects.filter(pk=job.pk).update(task_id=job.task_id)


@task(backend="background")
def run_background_job(job_id):
    return run_job(job_id)


def _is_postgresql():
    return connection.vendor == "postgresql"


@contextlib.contextmanager
def job_lock(job_id):
    """Yields True when this process now holds the job's lock (always True without PostgreSQL)."""
    if not _is_postgresql():
        yield True
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [LOCK_NAMESPACE, job_id])
        acquired = cursor.fetchone()[0]
    try:
        yield acquired
    finally:
        if acquired:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [LOCK_NAMESPACE, job_id])


class Progress:
    """Progress of a running job, written where the admin can read it while the job's own
    transaction is still open: through a second connection on PostgreSQL. SQLite allows one
    writer, so there the figures are written only outside the job's transaction."""

    def __init__(self, job):
        self.job = job
        self._side = None
        self._last = 0.0

    def __call__(self, done=None, total=None, phase=None, force=False):
        if done is not None:
            self.job.done = done
        if total is not None:
            self.job.total = total
        if phase is not None:
            self.job.phase = str(phase)[:200]
        now = time.monotonic()
        if not force and now - self._last < PROGRESS_INTERVAL:
            return
        self._last = now
        fields = {
            "done": self.job.done,
            "total": self.job.total,
            "phase": self.job.phase,
            "heartbeat_at": timezone.now(),
        }
        if not connection.in_atomic_block:
            BackgroundJob.objects.filter(pk=self.job.pk).update(**fields)
        elif _is_postgresql():
            self._write_aside(fields)

    def _write_aside(self, fields):
        if self._side is None:
            self._side = connections.create_connection(DEFAULT_DB_ALIAS)
        table = BackgroundJob._meta.db_table
        columns = ", ".join(f"{connection.ops.quote_name(name)} = %s" for name in fields)
        with self._side.cursor() as cursor:
            cursor.execute(f"UPDATE {table} SET {columns} WHERE id = %s", [*fields.values(), self.job.pk])

    def close(self):
        if self._side is not None:
            self._side.close()
            self._side = None


def run_job(job_id):
    with job_lock(job_id) as acquired:
        if not acquired:
            return "locked"  # another worker runs it
        job = BackgroundJob.objects.filter(pk=job_id).first()
        if job is None or job.finished:
            return "gone"
        job.status = BackgroundJob.Status.RUNNING
        job.attempts += 1
        job.started_at = job.heartbeat_at = timezone.now()
        job.save(update_fields=["status", "attempts", "started_at", "heartbeat_at"])
        progress = Progress(job)
        try:
            with translation.override(_language_of(job.user)):
                job.result = import_string(job.runner)(job, progress)
        except JobFailed as error:
            job.status, job.message = BackgroundJob.Status.FAILED, str(error)
        except Exception as error:
            logger.exception("Background job %s (%s) failed", job.pk, job.runner)
            job.status = BackgroundJob.Status.FAILED
            job.message = _("The job stopped with an error; nothing was changed (%(error)s).") % {
                "error": f"{type(error).__name__}: {error}"[:500]
            }
        else:
            job.status = BackgroundJob.Status.DONE
            job.payload = b""
        finally:
            progress.close()
        job.finished_at = timezone.now()
        job.save()
        return job.status


def _language_of(user):
    """Messages of a job are in the admin language of the person who started it."""
    if user is None:
        return settings.LANGUAGE_CODE
    from wagtail.users.models import UserProfile

    return UserProfile.get_for_user(user).get_preferred_language() or settings.LANGUAGE_CODE


def is_orphaned(job):
    """A running job whose worker is gone."""
    if job.status != BackgroundJob.Status.RUNNING:
        return False
    if not _is_postgresql():
        return True
    with job_lock(job.pk) as acquired:
        return acquired


def resume_or_report(job):
    """Run a job that lost its worker again, or report it failed once it had its attempts."""
    from django_tasks_db.models import DBTaskResult

    if job.task_id:
        DBTaskResult.objects.filter(id=job.task_id, status="RUNNING").update(
            status="FAILED", finished_at=timezone.now(), exception_class_path="core.jobs.WorkerLost"
        )
    if job.attempts < settings.BACKGROUND_JOB_ATTEMPTS:
        job.status = BackgroundJob.Status.QUEUED
        job.done, job.phase = 0, ""
        job.message = _("The worker stopped while running this job; it was started again.")
        job.save(update_fields=["status", "done", "phase", "message"])
        enqueue(job)
        logger.warning("Background job %s lost its worker; queued again", job.pk)
    else:
        job.status = BackgroundJob.Status.FAILED
        job.finished_at = timezone.now()
        job.message = _(
            "The worker stopped while running this job, %(count)s times; nothing was changed. "
            "Start it again, and if it stops again ask an administrator to check the worker's log."
        ) % {"count": job.attempts}
        job.save(update_fields=["status", "finished_at", "message"])
        logger.warning("Background job %s lost its worker %s times; reported failed", job.pk, job.attempts)


def recover_lost_jobs():
    """Called when a worker starts: every running job without a live worker resumes or is reported."""
    recovered = 0
    for job in BackgroundJob.objects.filter(status=BackgroundJob.Status.RUNNING):
        with transaction.atomic():
            if is_orphaned(job):
                resume_or_report(job)
                recovered += 1
    return recovered
