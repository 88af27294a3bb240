from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from movement.models import ParticipationReport
from movement.views import ReportIndexView, moderate_view


class ParticipationReportViewSet(ModelViewSet):
    model = ParticipationReport
    icon = "group"
    menu_label = _("Participation reports")
    menu_order = 260
    add_to_admin_menu = True
    url_prefix = "movement/reports"
    name = "movement_reports"
    index_view_class = ReportIndexView
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "library_name",
        "region",
        "settlement",
        "library_kind",
        "campaign",
        "status",
        "created_at",
    ]
    list_filter = ["status", "campaign", "library_kind", "region"]
    search_fields = ["library_name", "settlement", "contact_email"]
    list_export = [
        "campaign",
        "library_name",
        "region",
        "settlement",
        "library_kind",
        "post_url",
        "contact_email",
        "status",
        "created_at",
        "consent_at",
        "consent_ip",
        "consent_text_version",
    ]
    export_filename = "participation-reports"
    form_fields = [
        "status",
        "library_name",
        "region",
        "settlement",
        "library_kind",
        "post_url",
        "contact_email",
        "library",
    ]

    def moderate_url(self, report, action):
        return reverse(self.get_url_name("moderate"), kwargs={"pk": report.pk, "action": action})

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/<slug:action>/", moderate_view(self), name="moderate"),
        ]


report_viewset = ParticipationReportViewSet()


@hooks.register("register_admin_viewset")
def register_report_viewset():
    return report_viewset
