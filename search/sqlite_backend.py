"""The SQLite (FTS5) search backend with Snowball stems in the index and in the query.

Imported only on SQLite: modelsearch's SQLite module needs the FTS table that exists only there.
"""

from modelsearch.backends.database.sqlite import sqlite
from modelsearch.query import PlainText

from .stemming import stem_text


class StemmingIndexer(sqlite.ObjectIndexer):
    @property
    def title(self):
        return stem_text(super().title)

    @property
    def body(self):
        return stem_text(super().body)


class StemmingIndex(sqlite.SQLiteIndex):
    def add_items(self, model, objs):
        """modelsearch's SQLiteIndex.add_items (1.3), with the stemming indexer."""
        if not model.get_search_fields():
            return
        indexers = [StemmingIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        data = {indexer.id: (indexer.title, indexer.autocomplete, indexer.body) for indexer in indexers}
        entries = self.entries.filter(content_type_id=sqlite.get_content_type_pk(model))
        indexed = frozenset(entries.filter(object_id__in=data.keys()).values_list("object_id", flat=True))
        for object_id in indexed:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(title=title, autocomplete=autocomplete, body=body)
        content_type_pk = sqlite.get_content_type_pk(model)
        self.entries.bulk_create(
            [
                sqlite.IndexEntry(
                    content_type_id=content_type_pk,
                    object_id=object_id,
                    title=title,
                    autocomplete=autocomplete,
                    body=body,
                )
                for object_id, (title, autocomplete, body) in data.items()
                if object_id not in indexed
            ]
        )
        self._refresh_title_norms()


class StemmingQueryCompiler(sqlite.SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            query = PlainText(stem_text(query.query_string), operator=query.operator, boost=query.boost)
        return super().build_search_query_content(query, config=config)


class StemmingSQLiteSearchBackend(sqlite.SQLiteSearchBackend):
    index_class = StemmingIndex
    query_compiler_class = StemmingQueryCompiler
