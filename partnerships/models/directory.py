"""Public pages of the library directory and of the namesake finder."""

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, Min
from django.db.models.functions import Cast, Coalesce
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Locale

from core.i18n import small_table
from core.models import BasePage
from core.routing import section_page
from libraries.models import Country, Library, Region
from libraries.naming import normalise_settlement
from libraries.registry import related_pages
from libraries.tilemap import Abroad, region_map
from partnerships.forms import LibraryFilterSet, NamesakeFinderFilterSet

from .agreements import AgreementPage, ChronicleEntry

PAGE_SIZE = 50
# Namesakes shown on a library's profile; the finder lists them all.
NAMESAKES_SHOWN = 12
NAMES_PER_PAGE = 50


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
        # The regions of this language, from the table kept in a fragment (no query).
        regions = sorted(
            (
                region
                for region in small_table(Region).values()
                if region.locale_id == locale.pk and region.live
            ),
            key=lambda region: (region.sort_name, region.name),
        )
        by_country = dict(
            libraries.filter(region__isnull=True, country__isnull=False)
            .values_list("country__code")
            .annotate(count=Count("pk"))
            .order_by()
        )
        countries = list(
            Country.objects.filter(locale=locale, code__in=list(by_country)).order_by("sort_name")
        )
        form = LibraryFilterSet(request.GET, libraries, regions=regions, countries=countries)
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
                # Counted only when its kept fragment is missing (library_index_page.html).
                "region_map": SimpleLazyObject(
                    lambda: self.region_map(libraries, countries, by_country, form, locale)
                ),
                "map_parts": [self.pk, form.cleaned.get("region"), form.cleaned.get("country")],
            },
        )

    def region_map(self, libraries, countries, by_country, form, locale):
        """Libraries by region on the tile grid; a square or a country filters the list."""
        counts = dict(
            libraries.filter(region__isnull=False)
            .values_list("region__code")
            .annotate(n=Count("pk"))
            .order_by()
        )
        base = self.url

        def describe(count):
            return ngettext("%(count)s library", "%(count)s libraries", count) % {"count": count}

        abroad = [
            Abroad(
                code=country.code,
                name=country.name,
                count=by_country.get(country.code, 0),
                url=f"{base}?country={country.code}#directory-list",
                current=form.cleaned.get("country") == country.code,
            )
            for country in countries
            if country.code != Country.RUSSIA
        ]
        return region_map(
            counts,
            locale=locale,
            describe=describe,
            url_for=lambda code: f"{base}?region={code}#directory-list",
            current=form.cleaned.get("region"),
            abroad=abroad,
            map_id="directory-map",
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
            library__translation_key=library.translation_key, live=True
        ).values("agreement__translation_key")
        agreements = list(
            AgreementPage.objects.live()
            .filter(locale=locale, translation_key__in=agreement_keys)
            .order_by("-date_signed")
        )
        # A common settlement name has hundreds of namesakes: the profile shows the first few,
        # the finder (linked below them) all of them, a page at a time.
        namesakes = list(namesakes_of(library.settlement_key, locale, exclude=library)[: NAMESAKES_SHOWN + 1])
        context.update(
            {
                "library": library,
                "agreements": agreements,
                "namesakes": namesakes[:NAMESAKES_SHOWN],
                "more_namesakes": len(namesakes) > NAMESAKES_SHOWN,
                "related_sections": related_pages(library, locale),
                "finder": section_page(NamesakeFinderPage, locale.pk),
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
        # The names most widely shared first, a page at a time.
        names = shared_settlement_names(locale).order_by("-regions", "-libraries", "settlement_key")
        names_page = Paginator(names, NAMES_PER_PAGE).get_page(request.GET.get("names"))
        context["shared_names"] = list(names_page.object_list)
        context["shared_names_page"] = names_page
        context["directory"] = section_page(LibraryIndexPage, locale.pk)
        if query:
            results = namesakes_of(key, locale)
            totals = results.aggregate(libraries=Count("pk"), regions=Count(region_identity(), distinct=True))
            paginator = Paginator(results, PAGE_SIZE)
            paginator.count = totals["libraries"]  # known already: no second COUNT
            results_page = paginator.get_page(request.GET.get("page"))
            context["results"] = list(results_page.object_list)
            context["results_page"] = results_page
            context["result_count"] = totals["libraries"]
            context["result_regions"] = totals["regions"]
        return context
