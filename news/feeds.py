"""RSS 2.0 and Atom feeds of one language's news index."""

import mimetypes

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import gettext

from core.absolute_urls import absolute_url

from .models.pages import SHARE_RENDITION


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index):
        super().__init__()
        self.index = index
        self.request = None

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index

    def title(self, index):
        return f"{index.title} — {gettext('Together Stronger')}"

    def link(self, index):
        return index.get_full_url(request=self.request)

    def description(self, index):
        return index.get_meta_description() or index.title

    def subtitle(self, index):
        return self.description(index)

    def feed_url(self, index):
        route = "rss" if self.feed_type is Rss201rev2Feed else "atom"
        return index.get_full_url(request=self.request) + index.reverse_subpage(route)

    def items(self, index):
        # Articles link topics in their source language; name them in the feed's.
        self.topic_names = {topic.translation_key: topic.name for topic in index.topics()}
        return index.feed_items()

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.get_listing_summary() or item.title

    def item_link(self, item):
        return item.get_full_url(request=self.request)

    def item_pubdate(self, item):
        return item.publication_date

    def item_updateddate(self, item):
        return item.last_published_at or item.publication_date

    def item_categories(self, item):
        return [
            self.topic_names.get(link.topic.translation_key, link.topic.name)
            for link in item.topic_links.all()
        ]

    def item_enclosures(self, item):
        image = item.get_social_image()
        if image is None:
            return []
        rendition = image.get_rendition(SHARE_RENDITION)
        mime_type = mimetypes.guess_type(rendition.file.name)[0] or "application/octet-stream"
        url = absolute_url(rendition.url, self.request, page=self.index)
        return [Enclosure(url, str(rendition.file.size), mime_type)]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
