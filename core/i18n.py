"""Rows of translatable models in the reader's language.

A row is shown in the active language when a published translation of it exists, and as it is
otherwise (e.g. a library imported in Russian and not translated yet); a draft translation never
replaces its published source. Templates mark such rows with ``{% lang_if_other %}``.
"""

from collections import defaultdict

from django.db import models

from wagtail.models import DraftStateMixin, Locale


def _published(queryset):
    return queryset.filter(live=True) if issubclass(queryset.model, DraftStateMixin) else queryset


def localized_rows(rows, locale=None):
    """Each row in ``locale`` (the active one by default) where a published translation exists.

    The batch form of Wagtail's ``.localized``: one query per model instead of one per row.
    ``None`` entries are kept, so the result lines up with the input.
    """
    rows = list(rows)
    locale = locale or Locale.get_active()
    wanted = defaultdict(set)
    for row in rows:
        if row is not None and row.locale_id != locale.pk:
            wanted[type(row)].add(row.translation_key)
    found = {}
    for model, keys in wanted.items():
        manager = model._default_manager
        for translation in _published(manager.filter(translation_key__in=keys, locale=locale)):
            found[(model, translation.translation_key)] = translation
    return [None if row is None else found.get((type(row), row.translation_key), row) for row in rows]


def localized_row(row, locale=None):
    return localized_rows([row], locale)[0]


class LocalizedQuerySet(models.QuerySet):
    """For translatable models whose untranslated rows are still listed in every language."""

    def for_locale(self, locale=None):
        """Published rows in ``locale``, plus published default-locale rows not yet translated into it;
        a draft translation does not hide its published source. ``language_code`` is annotated for
        ``{% lang_if_other %}``."""
        locale = locale or Locale.get_active()
        default = Locale.get_default()
        live = _published(self).annotate(language_code=models.F("locale__language_code"))
        if locale.pk == default.pk:
            return live.filter(locale=locale)
        translated = _published(self.model._default_manager.filter(locale=locale)).values("translation_key")
        return live.filter(
            models.Q(locale=locale) | models.Q(locale=default) & ~models.Q(translation_key__in=translated)
        )
