from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale, TranslatableMixin
from wagtail.snippets.models import register_snippet

from core.models import PublishableSnippetMixin


@register_snippet
class FooterContent(TranslatableMixin, PublishableSnippetMixin):
    """The footer's words: who runs the network and where; one per language."""

    organisation = models.CharField(_("organisation"), max_length=255)
    address = models.CharField(_("address"), max_length=255, blank=True)
    note = RichTextField(_("note"), blank=True, features=["bold", "italic", "link"])

    panels = [FieldPanel("organisation"), FieldPanel("address"), FieldPanel("note")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer content")
        verbose_name_plural = _("footer content")

    def __str__(self):
        return self.organisation

    @classmethod
    def for_active_locale(cls):
        # No fallback to Russian: an untranslated footer shows the
        # language-neutral contacts only.
        return cls.objects.filter(locale=Locale.get_active(), live=True).first()
