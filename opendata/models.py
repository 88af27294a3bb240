"""The open data page: the data sets with their passports, their files, and the widget builder."""

from django.db import models
from django.http import Http404
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail_localize.fields import SynchronizedField

from core.absolute_urls import absolute_url
from core.dates import as_date
from core.models import BasePage
from core.page_cache import fragment
from libraries.models import Region

from . import export
from .datasets import DATASETS, STANDARD_VERSION
from .widget import DEFAULTS as WIDGET_DEFAULTS
from .widget import WidgetForm


class OpenDataPage(RoutablePageMixin, BasePage):
    """Data sets of the network for data portals and spreadsheets, the API and the widget."""

    body = RichTextField(_("text"), blank=True, features=["bold", "italic", "link", "ul", "ol"])
    publisher_name = models.CharField(
        _("publisher"), max_length=500, blank=True, help_text=_("The organisation that owns the data sets.")
    )
    publisher_email = models.EmailField(_("publisher's e-mail"), blank=True)
    publisher_phone = models.CharField(_("publisher's phone"), max_length=64, blank=True)
    licence_name = models.CharField(
        _("licence"), max_length=255, default="Creative Commons Attribution 4.0 International (CC BY 4.0)"
    )
    licence_url = models.URLField(_("licence link"), default="https://creativecommons.org/licenses/by/4.0/")

    content_panels = BasePage.content_panels + [
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("publisher_name"),
                FieldPanel("publisher_email"),
                FieldPanel("publisher_phone"),
                FieldPanel("licence_name"),
                FieldPanel("licence_url"),
            ],
            heading=_("Passport of the data sets"),
        ),
    ]
    override_translatable_fields = [
        SynchronizedField("publisher_email"),
        SynchronizedField("publisher_phone"),
        SynchronizedField("licence_url"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("open data page")
        verbose_name_plural = _("open data pages")

    # -- passports -------------------------------------------------------------
    def file_urls(self, code, request=None):
        base = absolute_url(self.get_url(request), request, page=self)
        return {
            "csv": base + self.reverse_subpage("dataset_csv", kwargs={"code": code}),
            "json": base + self.reverse_subpage("dataset_json", kwargs={"code": code}),
            "structure": base + self.reverse_subpage("dataset_structure", kwargs={"code": code}),
            "meta": base + self.reverse_subpage("dataset_meta", kwargs={"code": code}),
            "passport": base + self.reverse_subpage("dataset", kwargs={"code": code}),
        }

    def figures(self, dataset):
        """(first published, last changed, records) of a data set in this page's language, kept as a
        fragment of the page cache (a publish starts a new generation): no query on a warm miss."""

        def build():
            first, last = dataset.dates(self.locale)
            return first, last, dataset.count(self.locale)

        return fragment("opendata-figures", [dataset.code, self.locale_id], build)

    def passport(self, dataset, request=None):
        first, last, records = self.figures(dataset)
        return {
            "identifier": f"vmeste-silnee-{dataset.code}",
            "title": str(dataset.title),
            "description": str(dataset.description),
            "publisher": {
                "name": self.publisher_name,
                "email": self.publisher_email,
                "phone": self.publisher_phone,
            },
            "format": "CSV, JSON",
            "language": self.locale.language_code,
            "created": as_date(first).isoformat() if first else None,
            "modified": as_date(last).isoformat() if last else None,
            "periodicity": str(
                _("As records change: the files are made from the site's data when requested.")
            ),
            "keywords": str(dataset.keywords),
            "licence": {"name": self.licence_name, "url": self.licence_url},
            "records": records,
            "standard": STANDARD_VERSION,
            "structure": [
                {"name": column.name, "description": str(column.description), "type": column.type}
                for column in dataset.columns
            ],
            "links": self.file_urls(dataset.code, request),
        }

    def get_dataset(self, code):
        dataset = DATASETS.get(code)
        if dataset is None:
            raise Http404("No such data set")
        return dataset

    def base_url(self, request):
        return absolute_url("/", request, page=self)

    # -- routes ------------------------------------------------------------------
    @path("")
    def index(self, request):
        passports = [self.passport(dataset, request) for dataset in DATASETS.values()]
        return self.render(
            request,
            context_overrides={
                "passports": passports,
                "api_docs_url": reverse("api_docs"),
                "api_root": absolute_url(reverse("api:index"), request),
                "widget_builder_url": self.url + self.reverse_subpage("widget_builder"),
            },
        )

    @path("widget/", name="widget_builder")
    def widget_builder(self, request):
        regions = list(Region.objects.filter(locale=self.locale).order_by("sort_name"))
        if request.GET:
            # Fields left out keep their defaults, as the widget itself would.
            data = {name: str(value) for name, value in WIDGET_DEFAULTS.items()} | request.GET.dict()
            form = WidgetForm(data, regions=regions)
        else:
            form = WidgetForm(initial=WIDGET_DEFAULTS, regions=regions)
        widget_url = None
        if form.is_bound and form.is_valid():
            widget_url = absolute_url(reverse("widget"), request) + "?" + form.query_string()
        return self.render(
            request,
            template="opendata/widget_builder.html",
            context_overrides={"form": form, "widget_url": widget_url},
        )

    @path("<slug:code>/", name="dataset")
    def dataset(self, request, code):
        dataset = self.get_dataset(code)
        return self.render(
            request,
            template="opendata/dataset.html",
            context_overrides={
                "passport": self.passport(dataset, request),
                "meta_title": str(dataset.title),
            },
        )

    @path("<slug:code>/csv/", name="dataset_csv")
    def dataset_csv(self, request, code):
        dataset = self.get_dataset(code)
        names = [column.name for column in dataset.columns]
        rows = ([row[name] for name in names] for row in dataset.rows(self.locale, self.base_url(request)))
        return export.csv_response(names, rows, f"{code}-{self.locale.language_code}.csv")

    @path("<slug:code>/json/", name="dataset_json")
    def dataset_json(self, request, code):
        dataset = self.get_dataset(code)
        data = {
            "meta": self.passport(dataset, request),
            "items": list(dataset.rows(self.locale, self.base_url(request))),
        }
        return export.json_response(data, f"{code}-{self.locale.language_code}.json")

    @path("<slug:code>/structure/csv/", name="dataset_structure")
    def dataset_structure(self, request, code):
        """The structure file of the methodical recommendations: field, English and Russian
        description, format."""
        dataset = self.get_dataset(code)
        rows = []
        for column in dataset.columns:
            with translation.override("en"):
                english = str(column.description)
            with translation.override("ru"):
                russian = str(column.description)
            rows.append([column.name, english, russian, column.type])
        header = ["field name", "english description", "russian description", "format"]
        return export.csv_response(header, rows, f"structure-{code}.csv")

    @path("<slug:code>/meta/csv/", name="dataset_meta")
    def dataset_meta(self, request, code):
        """The passport as the property,value file of the methodical recommendations."""
        passport = self.passport(self.get_dataset(code), request)
        compact = {key: (passport[key] or "").replace("-", "") for key in ("created", "modified")}
        rows = [
            ["standardversion", STANDARD_VERSION],
            ["identifier", passport["identifier"]],
            ["title", passport["title"]],
            ["description", passport["description"]],
            ["creator", passport["publisher"]["name"]],
            ["created", compact["created"]],
            ["modified", compact["modified"]],
            ["subject", passport["keywords"]],
            ["format", "csv"],
            [f"data-{compact['modified']}-structure-{compact['created']}", passport["links"]["csv"]],
            [f"structure-{compact['created']}", passport["links"]["structure"]],
            ["publishername", passport["publisher"]["name"]],
            ["publisherphone", passport["publisher"]["phone"]],
            ["publishermbox", passport["publisher"]["email"]],
            ["license", passport["licence"]["url"]],
            ["periodicity", passport["periodicity"]],
        ]
        return export.csv_response(["property", "value"], rows, f"meta-{code}.csv")
