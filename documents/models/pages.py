"""The public registry of official documents: one page per language lists them and shows each one."""

import html

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from core.models import BasePage
from documents.forms import DocumentFilterSet

from .official import OfficialDocument


class DocumentIndexPage(RoutablePageMixin, BasePage):
    """Lists the official documents of the page's language, with filters, and shows each at /<slug>/."""

    per_page = 20

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("official documents registry")
        verbose_name_plural = _("official documents registries")

    def documents(self):
        return OfficialDocument.objects.filter(locale_id=self.locale_id, live=True)

    def get_document_url(self, document, request=None):
        return self.get_url(request=request) + self.reverse_subpage("document", args=[document.slug])

    def get_document_meta(self, document, request=None):
        """The document's own title, description and canonical address for the head's tags."""
        # On the site's own host, as pages' canonical addresses are.
        base = self.get_full_url(request)
        return {
            "meta_title": document.title,
            # Plain text: the head's templates escape it themselves.
            "meta_description": html.unescape(
                render_to_string("documents/components/document_reference.html", {"document": document})
            ),
            "meta_canonical": base + self.reverse_subpage("document", args=[document.slug]) if base else "",
        }

    @path("")
    def index_route(self, request):
        form = DocumentFilterSet(request.GET, self.documents())
        documents = form.qs.select_related("locale")
        page_obj = Paginator(documents, self.per_page).get_page(request.GET.get("page"))
        return self.render(
            request,
            context_overrides={
                "filter_form": form,
                "documents_page": page_obj,
                "filter_query": form.query_string(),
            },
        )

    @path("<slug:slug>/", name="document")
    def document_route(self, request, slug):
        document = get_object_or_404(
            self.documents()
            .select_related("sender_library")
            .prefetch_related("attachments__document", "attachments__image"),
            slug=slug,
        )
        return self.render(
            request,
            context_overrides={"document": document, **self.get_document_meta(document, request)},
            template="documents/official_document.html",
        )
