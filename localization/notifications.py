"""Translators hear when the source of their translation changes.

When a Russian page or snippet is published and it has translations, each translator who worked on a
translation (the last translator of any of its segments) gets one message per language: the
translation is now outdated, with the link to its editor. The message leaves after the publish has
committed (core.mail), in the translator's admin language.
"""

from django.core.mail import send_mail
from django.dispatch import receiver
from django.utils import translation as translation_utils
from django.utils.translation import gettext as _

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.utils import get_admin_base_url
from wagtail.models import Page, TranslatableMixin
from wagtail.signals import page_published, published
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation, Translation

from .roles import SOURCE_LANGUAGE


def translators_of(translation):
    """Active users with an e-mail address who translated segments of this translation."""
    from django.contrib.auth import get_user_model

    ids = (
        StringTranslation.objects.filter(
            locale=translation.target_locale,
            context__object_id=translation.source.object_id,
            last_translated_by__isnull=False,
        )
        .values_list("last_translated_by", flat=True)
        .distinct()
    )
    return list(get_user_model().objects.filter(pk__in=ids, is_active=True).exclude(email=""))


def notify_outdated(instance, user=None):
    if not isinstance(instance, TranslatableMixin) or instance.locale.language_code != SOURCE_LANGUAGE:
        return 0
    translations = Translation.objects.filter(
        source__object_id=instance.translation_key, enabled=True
    ).select_related("target_locale", "source")
    sent = 0
    for item in translations:
        try:
            target = item.get_target_instance()
        except Exception:  # the target was deleted; nothing to update
            continue
        target = target.specific if isinstance(target, Page) else target
        recipients = [person for person in translators_of(item) if user is None or person.pk != user.pk]
        if not recipients:
            continue
        edit_url = AdminURLFinder().get_edit_url(target)
        for person in recipients:
            with translation_utils.override(UserProfile.get_for_user(person).get_preferred_language()):
                language = item.target_locale.get_display_name()
                subject = _("The source of a translation changed: %(title)s") % {"title": str(instance)}
                body = "\n".join(
                    [
                        _(
                            "«%(title)s» was published again in Russian, so its %(language)s "
                            "translation is outdated."
                        )
                        % {"title": str(instance), "language": language},
                        _("Sync the translation and translate the changed segments:"),
                        (get_admin_base_url() or "") + edit_url if edit_url else "",
                    ]
                )
            send_mail(subject, body, None, [person.email])
            sent += 1
    return sent


@receiver(page_published)
def page_source_published(sender, instance, revision=None, **kwargs):
    notify_outdated(instance.specific, getattr(revision, "user", None))


@receiver(published)
def snippet_source_published(sender, instance, revision=None, **kwargs):
    if not isinstance(instance, Page):
        notify_outdated(instance, getattr(revision, "user", None))
