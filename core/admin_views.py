"""Admin pages of background jobs: progress while running, the report when done."""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from core.jobs import is_orphaned, resume_or_report
from core.models import BackgroundJob


def _jobs_for(user):
    jobs = BackgroundJob.objects.defer("payload").select_related("user")
    return jobs if user.is_superuser else jobs.filter(user=user)


def job_list(request):
    return TemplateResponse(
        request,
        "core/admin/job_list.html",
        {"jobs": _jobs_for(request.user)[:50], "header_title": _("Background jobs"), "header_icon": "cogs"},
    )


def job_detail(request, pk):
    job = get_object_or_404(_jobs_for(request.user), pk=pk)
    if is_orphaned(job):
        resume_or_report(job)
        job.refresh_from_db()
    return TemplateResponse(
        request,
        "core/admin/job.html",
        {
            "job": job,
            "result_template": job.params.get("result_template", ""),
            "header_title": job.title,
            "header_icon": "cogs",
        },
    )
