"""The news section: an index per language with filters, a yearly archive and feeds; the articles."""

from django.core.paginator import Paginator
from django.db import models
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.absolute_urls import absolute_url
from core.api import CodesField, NamesField, SlugsField
from core.i18n import localized_by_pk, small_table
from core.inlines import attach_related, prefetch_renditions
from core.models import BasePage
from core.routing import section_page
from libraries.models import Country, Library, Region
from news.blocks import NewsBodyBlock
from partnerships.models import LibraryIndexPage

from .topics import Topic

CARD_RENDITION = "fill-480x270"
SHARE_RENDITION = "fill-1200x630"


class NewsIndexPage(RoutablePageMixin, BasePage):
    """The news of one language: filters by topic, region and year, /<year>/ archives, RSS and Atom."""

    per_page = 10
    feed_size = 20

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index page")
        verbose_name_plural = _("news index pages")

    def news(self):
        return NewsPage.objects.live().child_of(self).order_by("-publication_date", "-pk")

    def years(self):
        if not hasattr(self, "_years"):
            dates = self.news().datetimes("publication_date", "year", order="DESC")
            self._years = [moment.year for moment in dates]
        return self._years

    def topics(self):
        """Published topics of this language, from the table kept in a fragment (no query)."""
        rows = small_table(Topic).values()
        return sorted(
            (topic for topic in rows if topic.locale_id == self.locale_id and topic.live),
            key=lambda topic: topic.name,
        )

    def with_cards(self, articles, rendition=CARD_RENDITION):
        """``articles`` (a page of NewsPage with their images selected) with their topic links,
        topics and card renditions: two queries for the whole page of articles."""
        articles = list(articles)
        prefetch_related_objects(articles, "topic_links")
        attach_related([link for article in articles for link in article.topic_links.all()], {"topic": Topic})
        images = [
            image for article in articles for image in (article.get_card_image(), article.get_social_image())
        ]
        prefetch_renditions(images, rendition)
        return articles

    def listing_context(self, request, year=None):
        from news.forms import NewsFilterSet

        topics = self.topics()
        form = NewsFilterSet(
            request.GET,
            self.news().select_related("main_image", "listing_image", "social_image"),
            topics=topics,
            years=self.years(),
            archive_year=year,
        )
        news = form.qs
        if year is not None:
            news = news.filter(publication_date__year=year)
        page_obj = Paginator(news, self.per_page).get_page(request.GET.get("page"))
        page_obj.object_list = self.with_cards(page_obj.object_list)
        # Topics are linked in the article's source language; show them in the reader's.
        topic_names = {topic.translation_key: topic.name for topic in topics}
        for article in page_obj.object_list:
            article.topic_names = [
                topic_names.get(link.topic.translation_key, link.topic.name)
                for link in article.topic_links.all()
            ]
        return {
            "filter_form": form,
            "news_page": page_obj,
            "filter_query": form.query_string(),
            "archive_year": year,
            "archive_years": form.years,
        }

    @path("")
    def index_route(self, request):
        return self.render(request, context_overrides=self.listing_context(request))

    @path("<int:year>/", name="year")
    def year_route(self, request, year):
        if year not in self.years():
            raise Http404("No news in this year")
        return self.render(request, context_overrides=self.listing_context(request, year=year))

    @path("feed/rss/", name="rss")
    def rss_route(self, request):
        from news.feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom_route(self, request):
        from news.feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)

    def feed_items(self):
        articles = self.news().select_related("main_image", "listing_image", "social_image")
        return self.with_cards(articles[: self.feed_size], SHARE_RENDITION)


class NewsPage(BasePage):
    """One article. The page's introduction is its lead."""

    publication_date = models.DateTimeField(_("publication date"), default=timezone.now)
    main_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    main_image_alt = models.CharField(
        _("alternative text"),
        max_length=255,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    main_image_caption = models.CharField(_("caption"), max_length=500, blank=True)
    main_image_credit = models.CharField(
        _("credit"), max_length=255, blank=True, help_text=_("e.g. Photo: archive, blagoveshchensk.rf")
    )
    body = StreamField(NewsBodyBlock(), verbose_name=_("body"), blank=True)
    source_name = models.CharField(
        _("source"),
        max_length=255,
        blank=True,
        help_text=_("Who reported it, e.g. the press service of the Amur region government."),
    )
    source_url = models.URLField(_("source link"), blank=True)
    related_agreement = models.ForeignKey(
        "partnerships.AgreementPage",
        verbose_name=_("agreement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The cooperation agreement the news is about."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("publication_date"),
        MultiFieldPanel(
            [
                FieldPanel("main_image"),
                FieldPanel("main_image_alt"),
                FieldPanel("main_image_caption"),
                FieldPanel("main_image_credit"),
            ],
            heading=_("Main image"),
        ),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("source_name"), FieldPanel("source_url")], heading=_("Source")),
        InlinePanel("topic_links", heading=_("Topics"), label=_("Topic")),
        InlinePanel("country_links", heading=_("Countries"), label=_("Country")),
        InlinePanel("region_links", heading=_("Regions of Russia"), label=_("Region")),
        InlinePanel("library_links", heading=_("Libraries"), label=_("Library")),
        FieldPanel("related_agreement"),
        InlinePanel("related_news_links", heading=_("Related news"), label=_("News")),
    ]

    api_fields = [
        APIField("publication_date"),
        APIField("introduction"),
        APIField("main_image", serializer=ImageRenditionField(SHARE_RENDITION)),
        APIField("main_image_alt"),
        APIField("main_image_caption"),
        APIField("main_image_credit"),
        APIField("body"),
        APIField("source_name"),
        APIField("source_url"),
        APIField("topics", serializer=NamesField(source="get_topics")),
        APIField("regions", serializer=CodesField(source="get_regions")),
        APIField("countries", serializer=CodesField(source="get_countries")),
        APIField("libraries", serializer=SlugsField(source="get_libraries")),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.SearchField("source_name"),
        index.FilterField("publication_date"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    # Served with its image and inline lists in the page's own query (core.inlines).
    serve_select_related = BasePage.serve_select_related + ("main_image",)
    serve_inlines = ("topic_links", "country_links", "region_links", "library_links", "related_news_links")

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        # The news index, the feeds and the archive list the newest first.
        indexes = [models.Index(fields=["publication_date"], name="news_publication_date")]

    def get_social_image(self):
        return self.social_image or self.listing_image or self.main_image

    def get_card_image(self):
        return self.listing_image or self.main_image

    def _linked(self, relation, model, field):
        """The rows an inline list links to, in the reader's language, in the editor's order."""
        ids = [getattr(link, field) for link in getattr(self, relation).all()]
        rows = localized_by_pk(model, ids)
        return [rows[pk] for pk in ids if pk in rows]

    def get_topics(self):
        return self._linked("topic_links", Topic, "topic_id")

    def get_countries(self):
        return self._linked("country_links", Country, "country_id")

    def get_regions(self):
        return self._linked("region_links", Region, "region_id")

    def get_libraries(self):
        return self._linked("library_links", Library, "library_id")

    def get_library_links(self, request=None):
        """(library, profile URL or None) pairs; profiles are in the directory of this language."""
        libraries = self.get_libraries()
        directory = None
        if libraries:
            directory = section_page(LibraryIndexPage, self.locale_id)
        profile_url = getattr(directory, "profile_url", None)
        return [(library, profile_url(library) if profile_url else None) for library in libraries]

    def _related_pages(self):
        """The related news and agreement in the reader's language (one query for both)."""
        if not hasattr(self, "_related_pages_cache"):
            ids = [link.news_id for link in self.related_news_links.all()] + [self.related_agreement_id]
            self._related_pages_cache = localized_by_pk(Page, ids)
        return self._related_pages_cache

    def get_related_news(self):
        pages = self._related_pages()
        found = [pages.get(link.news_id) for link in self.related_news_links.all()]
        return [page for page in found if page is not None and page.live]

    def get_related_agreement(self):
        agreement = self._related_pages().get(self.related_agreement_id)
        return agreement if agreement is not None and agreement.live else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        image = self.get_social_image()
        share_image = image.get_rendition(SHARE_RENDITION) if image else None
        topics = self.get_topics()
        context.update(
            {
                "topics": topics,
                "library_links": self.get_library_links(request),
                "share_url": self.get_full_url(request),
                "index_url": self.get_parent().get_url(request=request),
                "json_ld": self.get_json_ld(request, share_image, topics),
            }
        )
        return context

    def get_json_ld(self, request, share_image=None, topics=()):
        """schema.org NewsArticle describing this article."""
        from django.utils.translation import gettext

        url = self.get_full_url(request)
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title[:110],
            "description": self.get_meta_description(),
            "datePublished": timezone.localtime(self.publication_date).isoformat(),
            "inLanguage": self.locale.language_code,
            "mainEntityOfPage": url,
            "url": url,
            "publisher": {"@type": "Organization", "name": gettext("Together Stronger")},
        }
        if self.last_published_at:
            data["dateModified"] = timezone.localtime(self.last_published_at).isoformat()
        if share_image is not None:
            data["image"] = [absolute_url(share_image.url, request, page=self)]
        if self.source_name:
            source = {"@type": "Organization", "name": self.source_name}
            if self.source_url:
                source["url"] = self.source_url
            data["sourceOrganization"] = source
        if topics:
            data["keywords"] = [topic.name for topic in topics]
        return data


class NewsPageTopic(Orderable):
    page = ParentalKey(NewsPage, related_name="topic_links", on_delete=models.CASCADE)
    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), on_delete=models.CASCADE, related_name="page_links"
    )

    panels = [FieldPanel("topic")]

    class Meta(Orderable.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class NewsPageCountry(Orderable):
    page = ParentalKey(NewsPage, related_name="country_links", on_delete=models.CASCADE)
    country = models.ForeignKey(
        "libraries.Country", verbose_name=_("country"), on_delete=models.CASCADE, related_name="news_links"
    )

    panels = [FieldPanel("country")]

    class Meta(Orderable.Meta):
        verbose_name = _("country")
        verbose_name_plural = _("countries")


class NewsPageRegion(Orderable):
    page = ParentalKey(NewsPage, related_name="region_links", on_delete=models.CASCADE)
    region = models.ForeignKey(
        "libraries.Region", verbose_name=_("region"), on_delete=models.CASCADE, related_name="news_links"
    )

    panels = [FieldPanel("region")]

    class Meta(Orderable.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")


class NewsPageLibrary(Orderable):
    page = ParentalKey(NewsPage, related_name="library_links", on_delete=models.CASCADE)
    library = models.ForeignKey(
        "libraries.Library", verbose_name=_("library"), on_delete=models.CASCADE, related_name="news_links"
    )

    panels = [FieldPanel("library")]

    class Meta(Orderable.Meta):
        verbose_name = _("library")
        verbose_name_plural = _("libraries")


class NewsPageRelatedNews(Orderable):
    page = ParentalKey(NewsPage, related_name="related_news_links", on_delete=models.CASCADE)
    news = models.ForeignKey(
        "news.NewsPage", verbose_name=_("news article"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("news")]

    class Meta(Orderable.Meta):
        verbose_name = _("related news article")
        verbose_name_plural = _("related news")
