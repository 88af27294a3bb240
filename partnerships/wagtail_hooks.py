from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import SnippetViewSet

from partnerships import views
from partnerships.models import ChronicleEntry, Library, Region


class LibraryViewSet(SnippetViewSet):
    model = Library
    icon = "group"
    menu_label = _("Libraries")
    list_display = ["full_name", "short_name", "region", "settlement", "kind", "is_sample"]
    list_filter = ["kind", "is_sample", "locale"]
    search_fields = ["full_name", "short_name", "settlement"]


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    menu_label = _("Regions")
    list_display = ["name", "code"]
    list_filter = ["locale"]
    search_fields = ["name", "code"]


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
    name = "chronicle"
    list_display = ["date", "agreement", "kind", "library", "recorded_at"]
    list_filter = ["kind"]
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["agreement", "date", "kind", "library", "note", "link", "corrects"]

    @property
    def permission_policy(self):
        return AppendOnlyPermissionPolicy(self.model)


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("partnerships.add_library")


class PartnershipsGroup(ViewSetGroup):
    menu_label = _("Libraries")
    menu_icon = "group"
    menu_order = 260
    items = (LibraryViewSet, RegionViewSet, ChronicleEntryViewSet)

    def get_submenu_items(self):
        items = super().get_submenu_items()
        items.append(
            ImportMenuItem(
                _("Import from CSV"),
                reverse_lazy("partnerships_import_libraries"),
                icon_name="upload",
                order=900,
            )
        )
        return items


@hooks.register("register_admin_viewset")
def register_viewsets():
    return PartnershipsGroup()


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("libraries/import/", views.import_libraries, name="partnerships_import_libraries")]
