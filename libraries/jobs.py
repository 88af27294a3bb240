"""The CSV import as a background job (core.jobs): validated and imported by the worker."""

from core.jobs import JobFailed
from libraries.importing import ImportFileError, import_valid_rows, validate


def import_libraries_job(job, progress):
    try:
        report = validate(bytes(job.payload), progress)
        import_valid_rows(report, user=job.user, progress=progress)
    except ImportFileError as error:
        raise JobFailed(str(error)) from error
    return report.as_json()
