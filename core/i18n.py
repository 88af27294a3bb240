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


# -- one Locale lookup per language and request -------------------------------------------------
_request_locales = {}
_in_request = []


def _forget_locales(**kwargs):
    _request_locales.clear()


def _request_started(**kwargs):
    _request_locales.clear()
    _in_request[:] = [True]


def _request_finished(**kwargs):
    _in_request.clear()
    _request_locales.clear()


def remember_locales_per_request():
    """``Locale.get_active()`` and ``get_default()`` query once per language and request.

    Wagtail looks the active locale up again wherever it needs it (``.localized``, routing, the
    menu…), several times a page. Locales change only with a deployment, but the memo is cleared
    at every request's start and whenever a Locale is saved or deleted, so it can never outlive
    a change. Outside requests (commands, tests' set-up) nothing is remembered.
    """
    from django.core.signals import request_finished, request_started
    from django.db.models.signals import post_delete, post_save

    manager_class = type(Locale.objects)
    if getattr(manager_class.get_for_language, "remembers", False):
        return
    original = manager_class.get_for_language

    def get_for_language(self, language_code):
        if self.model is not Locale or not _in_request:
            return original(self, language_code)
        locale = _request_locales.get(language_code)
        if locale is None:
            locale = original(self, language_code)
            _request_locales[language_code] = locale
        return locale

    get_for_language.remembers = True
    manager_class.get_for_language = get_for_language
    request_started.connect(_request_started, weak=False, dispatch_uid="core.i18n.locales.start")
    request_finished.connect(_request_finished, weak=False, dispatch_uid="core.i18n.locales.end")
    post_save.connect(_forget_locales, sender=Locale, weak=False, dispatch_uid="core.i18n.locales.save")
    post_delete.connect(_forget_locales, sender=Locale, weak=False, dispatch_uid="core.i18n.locales.del")
