"""Admin view: upload a CSV of libraries."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from libraries.importing import COLUMNS, MAX_BYTES, ImportFileError, import_valid_rows, validate


class LibraryImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"), help_text=gettext_lazy("UTF-8, header line first.")
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        return upload


def import_libraries(request):
    if not request.user.has_perm("libraries.add_library"):
        raise PermissionDenied
    report = None
    if request.method == "POST":
        form = LibraryImportForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                report = import_valid_rows(validate(form.cleaned_data["file"].read()), user=request.user)
            except ImportFileError as error:
                form.add_error("file", str(error))
            else:
                if report.imported and not report.published:
                    messages.info(request, _("The rows were saved as drafts; a moderator publishes them."))
                if not report.errors:
                    messages.success(request, _("Imported %(count)s libraries.") % {"count": report.imported})
                    return redirect("libraries_import")
                messages.warning(
                    request,
                    _("Imported %(count)s libraries; %(bad)s rows were rejected.")
                    % {"count": report.imported, "bad": len(report.errors)},
                )
    else:
        form = LibraryImportForm()
    return TemplateResponse(
        request,
        "libraries/admin/import_libraries.html",
        {
            "form": form,
            "report": report,
            "columns": COLUMNS,
            "header_title": _("Import libraries"),
            "page_title": _("Import libraries"),
        },
        status=400 if request.method == "POST" and form.errors else 200,
    )
