"""Admin views: approving and rejecting participation reports."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic import IndexView

from core.spreadsheets import FormulaSafeCsvMixin
from movement.models import ParticipationReport

ACTIONS = {
    "approve": (ParticipationReport.Status.APPROVED, "check"),
    "reject": (ParticipationReport.Status.REJECTED, "cross"),
}


class ReportIndexView(FormulaSafeCsvMixin, IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("campaign", "region")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.permission_policy.user_has_permission(self.request.user, "change"):
            from movement.wagtail_hooks import report_viewset

            if instance.status != ParticipationReport.Status.APPROVED:
                buttons.insert(
                    0,
                    MenuItem(
                        _("Approve"),
                        url=report_viewset.moderate_url(instance, "approve"),
                        icon_name="check",
                        priority=5,
                    ),
                )
            if instance.status != ParticipationReport.Status.REJECTED:
                buttons.insert(
                    1,
                    MenuItem(
                        _("Reject"),
                        url=report_viewset.moderate_url(instance, "reject"),
                        icon_name="cross",
                        priority=6,
                    ),
                )
        return buttons


def moderate_view(viewset):
    def view(request, pk, action):
        if action not in ACTIONS:
            raise Http404
        if not viewset.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        report = get_object_or_404(ParticipationReport.objects.select_related("campaign", "region"), pk=pk)
        status, icon = ACTIONS[action]
        if request.method == "POST":
            report.status = status
            report.moderated_at = timezone.now()
            report.moderated_by = request.user
            report.save(update_fields=["status", "moderated_at", "moderated_by"])
            messages.success(
                request,
                _("Report of %(library)s: %(status)s.")
                % {"library": report.library_name, "status": status.label},
            )
            return redirect(viewset.get_url_name("index"))
        return TemplateResponse(
            request,
            "movement/admin/moderate.html",
            {
                "report": report,
                "action": action,
                "status": status,
                "header_icon": icon,
                "page_title": _("Moderate report"),
                "header_title": _("Moderate report"),
                "index_url": viewset.get_url_name("index"),
            },
        )

    return view
