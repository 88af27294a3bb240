"""The embeddable widget: a region's or a library's upcoming events and latest news as a small page
that other sites put in an iframe. Themable by query parameters, which are checked strictly: they
end up in a style sheet, so only hex colours and known words get through."""

from urllib.parse import urlencode

from csp.constants import NONE, SELF, UNSAFE_INLINE

from django import forms
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import EventPage
from news.models import NewsPage

COLOUR = r"^#?[0-9a-fA-F]{6}$"
SIZES = {"small": 14, "medium": 16, "large": 18}
FONTS = {
    "sans": "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif",
    "serif": "Georgia, 'Times New Roman', serif",
}
DEFAULTS = {
    "show": "both",
    "limit": 5,
    "accent": "0b4f8a",
    "background": "ffffff",
    "text": "1a1a1a",
    "font": "sans",
    "size": "medium",
    "heading": "show",
}
# Content Security Policy of the widget (in place of the site's): nothing but its own inline styles,
# and any site may frame it.
CSP = {
    "default-src": [NONE],
    "style-src": [UNSAFE_INLINE],
    "img-src": [SELF, "data:"],
    "base-uri": [SELF],
    "form-action": [NONE],
    "frame-ancestors": ["*"],
}


class WidgetForm(forms.Form):
    region = forms.ChoiceField(label=_("Region"), required=False)
    library = forms.SlugField(
        label=_("Library (its key from the directory address)"), required=False, max_length=120
    )
    show = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[("both", _("Events and news")), ("events", _("Events only")), ("news", _("News only"))],
    )
    limit = forms.IntegerField(label=_("Items in each list"), required=False, min_value=1, max_value=10)
    accent = forms.RegexField(label=_("Accent colour"), regex=COLOUR, required=False)
    background = forms.RegexField(label=_("Background colour"), regex=COLOUR, required=False)
    text = forms.RegexField(label=_("Text colour"), regex=COLOUR, required=False)
    font = forms.ChoiceField(
        label=_("Font"), required=False, choices=[("sans", _("Sans-serif")), ("serif", _("Serif"))]
    )
    size = forms.ChoiceField(
        label=_("Text size"),
        required=False,
        choices=[("small", _("Small")), ("medium", _("Medium")), ("large", _("Large"))],
    )
    heading = forms.ChoiceField(
        label=_("Heading"),
        required=False,
        choices=[("show", _("Show the heading")), ("hide", _("Hide the heading"))],
    )

    def __init__(self, *args, regions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.regions = {region.code: region for region in regions}
        self.fields["region"].choices = [("", _("Whole network"))] + [
            (region.code, region.name) for region in regions
        ]

    def clean(self):
        cleaned = super().clean()
        for name, default in DEFAULTS.items():
            if cleaned.get(name) in (None, ""):
                cleaned[name] = default
        for name in ("accent", "background", "text"):
            cleaned[name] = cleaned[name].lstrip("#").lower()
        if cleaned.get("region") and cleaned.get("library"):
            raise forms.ValidationError(_("Choose a region or a library, not both."))
        return cleaned

    def query_string(self):
        """The widget's parameters that differ from the defaults."""
        data = self.cleaned_data
        pairs = [(name, data[name]) for name in ("region", "library") if data.get(name)]
        pairs += [(name, data[name]) for name, default in DEFAULTS.items() if data[name] != default]
        return urlencode(pairs)

    def style(self):
        data = self.cleaned_data
        return {
            "accent": f"#{data['accent']}",
            "background": f"#{data['background']}",
            "text": f"#{data['text']}",
            "font": FONTS[data["font"]],
            "size": SIZES[data["size"]],
        }


def upcoming_events(locale, region=None, library=None, limit=5):
    today = timezone.localdate()
    events = (
        EventPage.objects.live()
        .public()
        .filter(locale=locale)
        .annotate(last_day=Coalesce("end_date", "start_date"))
        .filter(last_day__gte=today)
    )
    if region is not None:
        events = events.filter(participants__library__region__code=region.code)
    if library is not None:
        events = events.filter(participants__library__translation_key=library.translation_key)
    return list(events.distinct().order_by("start_date", "start_time", "pk")[:limit])


def latest_news(locale, region=None, library=None, limit=5):
    news = NewsPage.objects.live().public().filter(locale=locale)
    if region is not None:
        news = news.filter(
            Q(region_links__region__code=region.code) | Q(library_links__library__region__code=region.code)
        )
    if library is not None:
        news = news.filter(library_links__library__translation_key=library.translation_key)
    return list(news.distinct().order_by("-publication_date", "-pk")[:limit])
