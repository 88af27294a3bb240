"""Public pages of the library directory and of the namesake finder."""

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, Min
from django.db.models.functions import Cast, Coalesce
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Locale

from core.models import BasePage
from libraries.models import Library, Region
from libraries.naming import normalise_settlement
from libraries.registry import related_pages
from partnerships.forms import LibraryFilterSet, NamesakeFinderFilterSet

from .agreements import AgreementPage, ChronicleEntry

PAGE_SIZE = 50


def region_identity():
    """One value per region: the Russian subject's code or the free-text region abroad."""
    return Coalesce(Cast("region__code", models.CharField()), "foreign_region", models.Value(""))


def namesakes_of(key, locale, exclude=None):
    """Libraries in settlements whose normalised name is ``key``, in the given language."""
    if not key:
        return Library.objects.none()
    queryset = (
        Library.objects.for_locale(locale).filter(settlement_key=key).select_related("region", "country")
    )
    if exclude is not None:
        queryset = queryset.exclude(translation_key=exclude.translation_key)
        # Namesakes live in other regions; a library in the same region and town is a neighbour.
        if exclude.region_id:
            queryset = queryset.exclude(region__code=exclude.region.code)
        elif exclude.foreign_region:
            queryset = queryset.exclude(foreign_region=exclude.foreign_region)
    return queryset.order_by("region__sort_name", "foreign_region", "full_name")


def shared_settlement_names(locale):
    """Every settlement name found in two or more regions, with its number of libraries."""
    return (
        Library.objects.for_locale(locale)
        .exclude(settlement_key="")
        .values("settlement_key")
        .annotate(
            name=Min("settlement"),
            regions=Count(region_identity(), distinct=True),
            libraries=Count("pk"),
        )
        .filter(regions__gte=2)
        .order_by("settlement_key")
    )


class LibraryIndexPage(RoutablePageMixin, BasePage):
    """The library directory: a filterable list and a profile for every library."""

    parent_page_types = ["partnerships.AgreementIndexPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("library directory")
        verbose_name_plural = _("library directories")

    @path("")
    def index(self, request):
        locale = Locale.get_active()
        libraries = Library.objects.for_locale(locale).select_related("region", "country")
        regions = list(Region.objects.filter(locale=locale).order_by("sort_name"))
        form = LibraryFilterSet(request.GET, libraries, regions=regions)
        paginator = Paginator(form.qs.order_by("full_name"), PAGE_SIZE)
        page_number = request.GET.get("page") or 1
        try:
            page_number = int(page_number)
        except ValueError:
            page_number = 1
        libraries_page = paginator.get_page(page_number)
        return self.render(
            request,
            context_overrides={
                "libraries": libraries_page,
                "filter_form": form,
            },
        )

    @re_path(r"^(?P<slug>[-a-zA-Z0-9_]+)/$")
    def profile(self, request, slug):
        locale = Locale.get_active()
        libraries = Library.objects.for_locale(locale).select_related("region", "country", "locale")
        library = libraries.filter(slug=slug).first()
        if library is None:
            raise Http404
        return TemplateResponse(
            request,
            "partnerships/library_profile.html",
            self.get_profile_context(request, library, locale),
        )

    def get_profile_context(self, request, library, locale):
        context = self.get_context(request)
        agreement_keys = ChronicleEntry.objects.filter(
            library__translation_key=library.translation_key
        ).values("agreement__translation_key")
        agreements = list(
            AgreementPage.objects.live()
            .filter(locale=locale, translation_key__in=agreement_keys)
            .order_by("-date_signed")
        )
        context.update(
            {
                "library": library,
                "agreements": agreements,
                "namesakes": list(namesakes_of(library.settlement_key, locale, exclude=library)),
                "related_sections": related_pages(library, locale),
                "finder": NamesakeFinderPage.objects.live().filter(locale=locale).first(),
                "agreements_index": self.get_parent(),
            }
        )
        return context

    def profile_url(self, library):
        return self.url + self.reverse_subpage("profile", kwargs={"slug": library.slug})


class NamesakeFinderPage(BasePage):
    """Find libraries in settlements of the same name in other regions (библиотеки-тёзки)."""

    parent_page_types = ["partnerships.AgreementIndexPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("namesake finder")
        verbose_name_plural = _("namesake finders")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        locale = Locale.get_active()
        form = NamesakeFinderFilterSet(request.GET, Library.objects.none())
        query = form.cleaned.get("q", "")
        key = normalise_settlement(query)
        context["query"] = query
        context["finder_form"] = form
        context["shared_names"] = list(shared_settlement_names(locale))
        context["directory"] = LibraryIndexPage.objects.live().filter(locale=locale).first()
        if query:
            results = list(namesakes_of(key, locale))
            context["results"] = results
            context["result_regions"] = len({(lib.region_id, lib.foreign_region) for lib in results})
        return context
