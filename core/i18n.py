"""Rows of translatable models in the reader's language.

A row is shown in the active language when a published translation of it exists, and as it is
otherwise (e.g. a library imported in Russian and not translated yet); a draft translation never
replaces its published source. Templates mark such rows with ``{% lang_if_other %}``.
"""

from collections import defaultdict

from django.db import models

from wagtail.models import DraftStateMixin, Locale

from core.inlines import attach_inline_rows, with_inline_rows
from core.page_cache import fragment


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
        if getattr(model, "translations_in_fragment", False):
            published = issubclass(model, DraftStateMixin)
            translations = [
                row
                for row in small_table(model).values()
                if row.locale_id == locale.pk and row.translation_key in keys and (not published or row.live)
            ]
        else:
            manager = model._default_manager
            translations = _published(manager.filter(translation_key__in=keys, locale=locale))
        for translation in translations:
            found[(model, translation.translation_key)] = translation
    return [None if row is None else found.get((type(row), row.translation_key), row) for row in rows]


def localized_row(row, locale=None):
    return localized_rows([row], locale)[0]


def small_table(model):
    """Every row of a small translatable table (``translations_in_fragment``), by primary key,
    kept as a fragment of the page cache: regions, countries, topics."""

    def build():
        return {row.pk: row for row in model._default_manager.all()}

    return fragment("table", [model._meta.label], build)


def localized_by_pk(model, pks, locale=None, select_related=(), inlines=()):
    """``{pk: row}`` for the given primary keys, each row in ``locale`` (the active one by default)
    where a published translation exists, else as it is: the rows and their translations in one
    query, or none for small tables kept whole in a fragment (``translations_in_fragment``).
    ``inlines`` names inline lists to load in the same query (``core.inlines``)."""
    pks = {pk for pk in pks if pk is not None}
    if not pks:
        return {}
    locale = locale or Locale.get_active()
    published = issubclass(model, DraftStateMixin)
    if getattr(model, "translations_in_fragment", False):
        table = small_table(model)
        rows = [row for pk, row in table.items() if pk in pks]
        keys = {row.translation_key for row in rows}
        candidates = rows + [
            row
            for row in table.values()
            if row.locale_id == locale.pk and row.translation_key in keys and (not published or row.live)
        ]
    else:
        manager = model._default_manager
        keys = manager.filter(pk__in=pks).values("translation_key")
        translations = models.Q(locale=locale, translation_key__in=keys)
        if published:
            translations &= models.Q(live=True)
        queryset = manager.filter(models.Q(pk__in=pks) | translations).select_related(*select_related)
        candidates = [attach_inline_rows(row, inlines) for row in with_inline_rows(queryset, inlines)]
    by_pk = {row.pk: row for row in candidates if row.pk in pks}
    local = {row.translation_key: row for row in candidates if row.locale_id == locale.pk}
    local = {key: row for key, row in local.items() if not published or row.live or row.pk in by_pk}
    return {pk: local.get(row.translation_key, row) for pk, row in by_pk.items()}


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


def _all_locales():
    return {locale.language_code: locale for locale in Locale.objects.all()}


def language_of(row):
    """The language code of a translatable row: annotated as ``language_code``, else from its
    locale (the request's memo of locales, filled once from a fragment of the page cache)."""
    code = getattr(row, "language_code", None)
    locale_id = getattr(row, "locale_id", None)
    if code or locale_id is None:
        return code
    for locale in _known_locales().values():
        if locale.pk == locale_id:
            return locale.language_code
    return None


def _known_locales():
    """Every locale by language code: in a request its memo (remember_locales_per_request), filled
    once from a fragment of the page cache; outside requests the fragment."""
    if not _in_request:
        return fragment("locales", [], _all_locales)
    if not _request_locales:
        _request_locales.update(fragment("locales", [], _all_locales))
    return _request_locales


def attach_locales(rows):
    """Each row's ``locale`` from the known locales, without a query (a list of pages that the
    read API serializes reads each page's locale)."""
    by_pk = {locale.pk: locale for locale in _known_locales().values()}
    for row in rows:
        if row.locale_id in by_pk:
            row.locale = by_pk[row.locale_id]
    return rows


def remember_locales_per_request():
    """``Locale.get_active()`` and ``get_default()`` query once per language and request.

    Wagtail looks the active locale up again wherever it needs it (``.localized``, routing, the
    menu…), several times a page. Locales change only with a deployment, but the memo is cleared
    at every request's start and whenever a Locale is saved or deleted, so it can never outlive
    a change; it is filled from a fragment of the page cache (a new content generation when a
    Locale changes). Outside requests (commands, tests' set-up) nothing is remembered.
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
        # Every locale in one fragment of the page cache: no query at all in a warm process.
        locale = _known_locales().get(language_code)
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
