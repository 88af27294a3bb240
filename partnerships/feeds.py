"""Atom feed of an agreement's chronicle."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _


class ChronicleFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, page):
        self.request = request
        return page

    def title(self, page):
        return _("Chronicle: %(title)s") % {"title": page.title}

    def link(self, page):
        return page.get_url(request=self.request)

    def subtitle(self, page):
        return page.get_listing_summary()

    def items(self, page):
        return sorted(page.chronicle_entries(), key=lambda e: (e.date, e.pk), reverse=True)

    def item_title(self, entry):
        if entry.display_library:
            return f"{entry.get_kind_display()}: {entry.display_library.full_name}"
        return entry.get_kind_display()

    def item_description(self, entry):
        return entry.display_note

    def item_link(self, entry):
        return f"{self._page_url}#entry-{entry.pk}"

    def item_guid(self, entry):
        return f"chronicle-entry-{entry.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, entry):
        return timezone.make_aware(datetime.datetime.combine(entry.date, datetime.time()))

    def item_updateddate(self, entry):
        return entry.recorded_at

    def __call__(self, request, *args, **kwargs):
        page = kwargs["page"]
        self._page_url = page.get_full_url(request=request)
        return super().__call__(request, *args, **kwargs)
