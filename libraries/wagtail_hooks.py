from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.views.snippets import SnippetViewSet

from libraries import views
from libraries.models import Country, Library, Region


class LibraryViewSet(SnippetViewSet):
    model = Library
    icon = "group"
    menu_label = _("Libraries")
    list_display = ["full_name", "short_name", "region", "settlement", "kind", "is_sample"]
    # Wagtail adds the locale filter itself, reading ?locale=<language code> as its own views
    # link it; searching goes through the search index (short names, ё read as е).
    list_filter = ["kind", "is_sample", "country"]


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    menu_label = _("Regions")
    list_display = ["name", "code"]


class CountryViewSet(SnippetViewSet):
    model = Country
    icon = "globe"
    menu_label = _("Countries")
    list_display = ["name", "code"]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("libraries.add_library")


class LibrariesGroup(ViewSetGroup):
    menu_label = _("Libraries")
    menu_icon = "group"
    menu_order = 260
    items = (LibraryViewSet, RegionViewSet, CountryViewSet)

    def get_submenu_items(self):
        items = super().get_submenu_items()
        items.append(
            ImportMenuItem(
                _("Import from CSV"),
                reverse_lazy("libraries_import"),
                icon_name="upload",
                order=900,
            )
        )
        return items


@hooks.register("register_admin_viewset")
def register_viewsets():
    return LibrariesGroup()


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("libraries/import/", views.import_libraries, name="libraries_import")]
