from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from core.absolute_urls import absolute_url
from core.blocks import BaseStreamBlock
from core.jsonld import json_ld
from core.models import BasePage
from core.routing import route_by_url_path
from home.blocks import DEFAULT_SECTIONS, HomeSectionsBlock


class HomePage(BasePage):
    """The root of each language's tree."""

    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    sections = StreamField(
        HomeSectionsBlock(),
        verbose_name=_("sections"),
        blank=True,
        default=DEFAULT_SECTIONS,
        help_text=_("What the home page brings forward, in this order; each section can be hidden."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("body"), FieldPanel("sections")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    # Each app adds its section page here.
    subpage_types = [
        "home.StandardPage",
        "events.EventIndexPage",
        "movement.MovementPage",
        "news.NewsIndexPage",
        "documents.DocumentIndexPage",
        "partnerships.AgreementIndexPage",
        "opendata.OpenDataPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = list(self.get_children().live().specific(defer=True))
        context["sections_menu"] = [child for child in children if child.show_in_menus]
        # Section blocks link to these ("all events", "all news"…) without a query of their own.
        context["section_pages"] = {type(child).__name__: child for child in children}
        context["home_locale"] = self.locale
        return context

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        return route_by_url_path(self, request, path_components)

    def organization_json_ld(self, request):
        """schema.org Organization for the network, from the site settings and footer snippet."""
        from home.frame import footer_content, network_settings

        network = network_settings(request)
        footer = footer_content()
        data = {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": self.title,
            "url": self.get_full_url(request),
            "logo": absolute_url(static("img/logo.png"), request),
        }
        if self.search_description or self.introduction:
            data["description"] = self.search_description or self.introduction
        if network is not None:
            if network["email"]:
                data["email"] = network["email"]
            if network["phone"]:
                data["telephone"] = network["phone"]
            if network["fax"]:
                data["faxNumber"] = network["fax"]
            same_as = [url for url in (network["vk_url"], network["telegram_url"]) if url]
            if same_as:
                data["sameAs"] = same_as
        if footer is not None and footer.address:
            data["address"] = {"@type": "PostalAddress", "streetAddress": footer.address}
        return json_ld(data)


class StandardPage(BasePage):
    """A plain content page: about, contacts, help."""

    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
