"""Wagtail's database search backend, with the text search configuration chosen by language.

On PostgreSQL every object is indexed with the configuration of its own locale (``russian`` for
Russian, ``english`` for English) and a query uses the configuration of the active language, so
inflected forms match: «памятники» finds «книжных памятников». The letter ё is read as е on both
sides (Russian text is written either way: «Орёл» and «Орел» are one city). On SQLite (the
`make run` default) search/sqlite_backend.py does the same with Snowball stemmers; other databases
get Wagtail's usual database backend.
"""

import copy
from collections import defaultdict

from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.backends.database.postgres import postgres
from modelsearch.query import Phrase, PlainText

from django.db import connection
from django.utils import translation

# Belarusian has no PostgreSQL stemmer; the Russian one is the closest Cyrillic configuration.
DEFAULT_LANGUAGE_CONFIGS = {"ru": "russian", "be": "russian", "en": "english"}
_YO = str.maketrans("ёЁ", "еЕ")


def fold(text):
    """Text as it is indexed and searched: ё read as е."""
    return text.translate(_YO) if isinstance(text, str) else text


class FoldingObjectIndexer(postgres.ObjectIndexer):
    def prepare_value(self, value):
        return fold(super().prepare_value(value))


# PostgresIndex.add_items builds its indexers from this module-level name; every index of this
# project goes through this backend, so the folding indexer replaces it for all of them.
postgres.ObjectIndexer = FoldingObjectIndexer


class LocalizedIndex(postgres.PostgresIndex):
    def add_items(self, model, objs):
        groups = defaultdict(list)
        for obj in objs:
            groups[self.backend.config_for_object(obj)].append(obj)
        for config, group in groups.items():
            # The parent's indexer reads ``backend.config``: give it a copy set to this language.
            index = copy.copy(self)
            index.backend = copy.copy(self.backend)
            index.backend.config = config
            super(LocalizedIndex, index).add_items(model, group)


class LocalizedQueryCompiler(postgres.PostgresSearchQueryCompiler):
    def get_config(self, backend):
        return backend.config_for_language(translation.get_language())


class LocalizedPostgresSearchBackend(postgres.PostgresSearchBackend):
    index_class = LocalizedIndex
    query_compiler_class = LocalizedQueryCompiler

    def __init__(self, params):
        super().__init__(params)
        self.config = self.config or "russian"
        self.language_configs = {**DEFAULT_LANGUAGE_CONFIGS, **params.get("LANGUAGE_CONFIGS", {})}
        self._locale_codes = {}

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        if isinstance(query, str):
            query = fold(query)
        elif isinstance(query, PlainText):
            query = PlainText(fold(query.query_string), operator=query.operator, boost=query.boost)
        elif isinstance(query, Phrase):
            query = Phrase(fold(query.query_string))
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)

    def config_for_language(self, code):
        return self.language_configs.get((code or "").split("-")[0], self.config)

    def config_for_object(self, obj):
        locale_id = getattr(obj, "locale_id", None)
        if locale_id is None:
            return self.config
        if locale_id not in self._locale_codes:
            from wagtail.models import Locale

            self._locale_codes = dict(Locale.objects.values_list("pk", "language_code"))
        return self.config_for_language(self._locale_codes.get(locale_id))


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    if connection.vendor == "postgresql":
        return LocalizedPostgresSearchBackend(params)
    backend = database_backend(params)
    if connection.vendor == "sqlite" and backend.__class__.__name__ == "SQLiteSearchBackend":
        # SQLite with FTS5 (the `make run` default): Snowball stems in the index and the query.
        from .sqlite_backend import StemmingSQLiteSearchBackend

        return StemmingSQLiteSearchBackend(params)
    return backend
