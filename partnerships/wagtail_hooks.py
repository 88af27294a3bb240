from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from partnerships.models import ChronicleEntry


class AppendOnlyPermissionPolicy(ModelPermissionPolicy):
    """Nobody, not even a superuser, may change or delete a chronicle entry."""

    def user_has_permission(self, user, action):
        if action in ("change", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class ChronicleEntryViewSet(ModelViewSet):
    model = ChronicleEntry
    icon = "history"
    menu_label = _("Agreement chronicle")
    menu_order = 270
    add_to_admin_menu = True
    name = "chronicle"
    list_display = ["date", "agreement", "kind", "library", "recorded_at"]
    list_filter = ["kind"]
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["agreement", "date", "kind", "library", "note", "link", "corrects"]

    @property
    def permission_policy(self):
        return AppendOnlyPermissionPolicy(self.model)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return ChronicleEntryViewSet()
