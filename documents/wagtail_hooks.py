from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from documents.models import OfficialDocument


class OfficialDocumentViewSet(SnippetViewSet):
    model = OfficialDocument
    icon = "doc-full"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["title", "number", "date", "kind", "status"]
    # Wagtail adds the locale filter itself, reading ?locale=<language code> as its own views
    # link it; searching goes through the search index (short forms, ё read as е).
    list_filter = ["kind", "status"]


register_snippet(OfficialDocumentViewSet)
