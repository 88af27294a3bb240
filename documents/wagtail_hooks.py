from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from documents.models import OfficialDocument


class OfficialDocumentViewSet(SnippetViewSet):
    model = OfficialDocument
    icon = "doc-full"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["title", "number", "date", "kind", "status"]
    list_filter = ["kind", "status", "locale"]
    search_fields = ["title", "number", "sender"]


register_snippet(OfficialDocumentViewSet)
