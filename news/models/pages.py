"""The news section: an index per language with filters, a yearly archive and feeds; the articles."""

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable
from wagtail.search import index

from core.absolute_urls import absolute_url
from core.api import CodesField, NamesField, SlugsField
from core.i18n import localized_rows
from core.models import BasePage
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

    def news_for_listing(self):
        image_model = get_image_model()
        return self.news().prefetch_related(
            Prefetch("main_image", queryset=image_model.objects.prefetch_renditions(CARD_RENDITION)),
            Prefetch("listing_image", queryset=image_model.objects.prefetch_renditions(CARD_RENDITION)),
            Prefetch("topic_links", queryset=NewsPageTopic.objects.select_related("topic")),
        )

    def years(self):
        return [moment.year for moment in self.news().datetimes("publication_date", "year", order="DESC")]

    def listing_context(self, request, year=None):
        from news.forms import NewsFilterSet

        topics = list(Topic.objects.filter(locale_id=self.locale_id, live=True))
        form = NewsFilterSet(
            request.GET, self.news_for_listing(), topics=topics, years=self.years(), archive_year=year
        )
        news = form.qs
        if year is not None:
            news = news.filter(publication_date__year=year)
        page_obj = Paginator(news, self.per_page).get_page(request.GET.get("page"))
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
        image_model = get_image_model()
        return self.news().prefetch_related(
            Prefetch("main_image", queryset=image_model.objects.prefetch_renditions(SHARE_RENDITION)),
            Prefetch("listing_image", queryset=image_model.objects.prefetch_renditions(SHARE_RENDITION)),
            Prefetch("topic_links", queryset=NewsPageTopic.objects.select_related("topic")),
        )[: self.feed_size]


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
        _("credit"), max_length=255, blank=True, help_text=_("e.g. Фото: архив, благовещенск.рф")
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

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def get_social_image(self):
        return self.social_image or self.listing_image or self.main_image

    def get_card_image(self):
        return self.listing_image or self.main_image

    def get_topics(self):
        return localized_rows(link.topic for link in self.topic_links.select_related("topic"))

    def get_countries(self):
        return localized_rows(link.country for link in self.country_links.select_related("country"))

    def get_regions(self):
        return localized_rows(link.region for link in self.region_links.select_related("region"))

    def get_libraries(self):
        return localized_rows(link.library for link in self.library_links.select_related("library"))

    def get_library_links(self, request=None):
        """(library, profile URL or None) pairs; profiles are in the directory of this language."""
        libraries = self.get_libraries()
        directory = None
        if libraries:
            directory = LibraryIndexPage.objects.live().filter(locale_id=self.locale_id).first()
        profile_url = getattr(directory, "profile_url", None)
        return [(library, profile_url(library) if profile_url else None) for library in libraries]

    def get_related_news(self):
        pages = [link.news.localized for link in self.related_news_links.select_related("news")]
        return [page for page in pages if page.live]

    def get_related_agreement(self):
        agreement = self.related_agreement
        if agreement is None:
            return None
        agreement = agreement.localized
        return agreement if agreement.live else None

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
