from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Locale, TranslatableMixin
from wagtail.snippets.models import register_snippet

from .base import PublishableSnippetMixin


@register_setting(icon="site")
class NetworkSettings(BaseSiteSetting):
    """Language-neutral contacts of the network, shown in the footer."""

    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=64, blank=True)
    fax = models.CharField(_("fax"), max_length=64, blank=True)
    vk_url = models.URLField(_("VK page"), blank=True)
    telegram_url = models.URLField(_("Telegram channel"), blank=True)

    panels = [
        MultiFieldPanel([FieldPanel("email"), FieldPanel("phone"), FieldPanel("fax")], heading=_("Contacts")),
        MultiFieldPanel([FieldPanel("vk_url"), FieldPanel("telegram_url")], heading=_("Social networks")),
    ]

    class Meta:
        verbose_name = _("network settings")


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
