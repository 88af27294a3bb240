"""Admin view: upload a CSV of libraries; the import runs as a background job."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.jobs import start_job
from libraries.importing import COLUMNS, MAX_BYTES, ImportFileError, decode, read_header, too_large_message


class LibraryImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"), help_text=gettext_lazy("UTF-8, header line first.")
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(too_large_message())
        data = upload.read()
        # What can be told at once is told at once; the rows are checked by the worker.
        try:
            read_header(decode(data))
        except ImportFileError as error:
            raise forms.ValidationError(str(error)) from error
        self.data_bytes = data
        return upload


def import_libraries(request):
    if not request.user.has_perm("libraries.add_library"):
        raise PermissionDenied
    if request.method == "POST":
        form = LibraryImportForm(request.POST, request.FILES)
        if form.is_valid():
            name = form.cleaned_data["file"].name
            job = start_job(
                "libraries.jobs.import_libraries_job",
                _("Import of libraries from %(file)s") % {"file": name},
                user=request.user,
                payload=form.data_bytes,
                params={"result_template": "libraries/admin/import_report.html"},
                return_url=reverse("libraries_import"),
            )
            messages.info(request, _("The file was received; the import runs in the background."))
            return redirect("core_job", job.pk)
    else:
        form = LibraryImportForm()
    return TemplateResponse(
        request,
        "libraries/admin/import_libraries.html",
        {
            "form": form,
            "columns": COLUMNS,
            "header_title": _("Import libraries"),
            "page_title": _("Import libraries"),
        },
        status=400 if request.method == "POST" and form.errors else 200,
    )
