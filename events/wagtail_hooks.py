from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from events.models import SessionFormat, Venue


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "site"
    list_display = ["name", "address", "city"]
    list_filter = ["locale"]
    search_fields = ["name", "city"]


class SessionFormatViewSet(SnippetViewSet):
    model = SessionFormat
    icon = "list-ul"
    list_display = ["name", "code"]
    list_filter = ["locale"]
    search_fields = ["name", "code"]


register_snippet(VenueViewSet)
register_snippet(SessionFormatViewSet)
