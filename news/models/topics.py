from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.models import PublishableSnippetMixin


class Topic(TranslatableMixin, PublishableSnippetMixin, index.Indexed):
    """A subject news are filed under; its slug is shared by every language and used in filter links."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, help_text=_("Latin letters; used in filter links."))

    override_translatable_fields = [SynchronizedField("slug")]

    panels = [FieldPanel("name"), FieldPanel("slug")]
    # A few dozen rows: pages read them whole from a fragment of the page cache (core.i18n).
    translations_in_fragment = True
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
        index.FilterField("live"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_topic_slug_per_locale")
        ]

    def __str__(self):
        return self.name
