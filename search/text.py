"""Cleaning readers' queries and building highlighted excerpts."""

import re
import unicodedata

from django.db import connection
from django.utils.html import escape
from django.utils.safestring import mark_safe

from wagtail.search import index

MAX_QUERY_LENGTH = 200
EXCERPT_CHARS = 320
# Private-use characters mark matches inside the database's headline; the text is escaped
# first and only then are the markers turned into <mark>, so content can never inject markup.
START, STOP = "\ue000", "\ue001"
_NOT_WORD = re.compile(r"[^\w\-]+")
_MARKERS = re.compile(f"[{START}{STOP}]")


def clean_query(raw):
    """The words of a query: no control characters, no search syntax, at most MAX_QUERY_LENGTH chars.

    Returns ``(query, truncated)``.
    """
    text = "".join(ch for ch in (raw or "") if unicodedata.category(ch)[0] != "C")
    truncated = len(text) > MAX_QUERY_LENGTH
    text = text[:MAX_QUERY_LENGTH]
    # Operators of tsquery/FTS5 (& | ! ( ) : * " ') and other punctuation become word breaks.
    words = [word.strip("-") for word in _NOT_WORD.sub(" ", text).split()]
    return " ".join(word for word in words if word), truncated


def _flatten(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(_flatten(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_flatten(item) for item in value.values())
    return str(value)


def searchable_text(obj):
    """The indexed text of an object, apart from its title, as one plain string."""
    parts = []
    for field in obj.get_search_fields():
        if isinstance(field, index.SearchField) and field.field_name != "title":
            parts.append(_flatten(field.get_value(obj)))
    text = " ".join(part.strip() for part in parts if part and part.strip())
    return _MARKERS.sub("", " ".join(text.split()))


def _to_html(marked):
    return mark_safe(escape(marked).replace(START, "<mark>").replace(STOP, "</mark>"))


def highlight(texts, query, config):
    """Excerpts of ``texts`` around the query's words, safe HTML with <mark>, in the given order."""
    if not texts:
        return []
    if connection.vendor == "postgresql":
        options = f"StartSel={START}, StopSel={STOP}, MaxWords=40, MinWords=15, MaxFragments=2"
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT ts_headline(%s::regconfig, doc, plainto_tsquery(%s::regconfig, %s), %s) "
                "FROM unnest(%s::text[]) WITH ORDINALITY AS t(doc, n) ORDER BY n",
                [config, config, query, options, list(texts)],
            )
            return [_to_html(row[0]) for row in cursor.fetchall()]
    return [_to_html(_python_headline(text, query)) for text in texts]


def index_excerpts(entries, query, config):
    """Highlighted excerpts of indexed objects, ``[(content type id, object id)]``, made by
    PostgreSQL's ts_headline from the plain text the search index keeps: one query for them all."""
    from django.contrib.postgres.search import SearchHeadline, SearchQuery
    from django.db.models import F, Func, Q, Value

    from wagtail.search.models import IndexEntry

    if not entries:
        return []
    which = Q()
    for kind, key in entries:
        which |= Q(content_type_id=kind, object_id=str(key))
    # The markers are private-use characters: removed from the text before marking.
    text = Func(F("body_text"), Value(START + STOP), Value(""), function="translate")
    headline = SearchHeadline(
        text,
        SearchQuery(query, config=config, search_type="plain"),
        config=config,
        start_sel=START,
        stop_sel=STOP,
        max_words=40,
        min_words=15,
        max_fragments=2,
    )
    rows = IndexEntry.objects.filter(which).annotate(excerpt=headline)
    found = {(row[0], row[1]): row[2] for row in rows.values_list("content_type_id", "object_id", "excerpt")}
    return [
        _to_html(found.get((content_type_id, str(object_id)), "")) for content_type_id, object_id in entries
    ]


def _python_headline(text, query):
    """An excerpt for databases without ts_headline: words with the Snowball stem of a query word."""
    from .stemming import WORD, stem

    stems = {stem(word) for word in WORD.findall(query)}
    if not stems:
        return text[:EXCERPT_CHARS]
    matches = [match for match in WORD.finditer(text) if stem(match.group(0)) in stems]
    start = max(0, matches[0].start() - EXCERPT_CHARS // 3) if matches else 0
    end = start + EXCERPT_CHARS
    pieces, cursor = [], start
    for match in matches:
        if start <= match.start() and match.end() <= end:
            pieces += [text[cursor : match.start()], START, match.group(0), STOP]
            cursor = match.end()
    pieces.append(text[cursor:end])
    return ("… " if start else "") + "".join(pieces) + (" …" if end < len(text) else "")
