"""Snowball stemming for the embedded (SQLite) search backend (search/sqlite_backend.py).

PostgreSQL stems with its ``russian`` and ``english`` text search configurations (search/backend.py).
SQLite's full-text index has no stemmer for Russian, so this backend stores every indexed word as
its Snowball stem and stems the reader's words the same way: «памятники» and «памятников» both
become «памятник». Cyrillic words get the Russian stemmer (Belarusian has none; Russian is the
closest, as on PostgreSQL), Latin words the English one, whatever the page's language.
"""

import re
from functools import lru_cache

import snowballstemmer

WORD = re.compile(r"\w+")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@lru_cache(maxsize=2)
def _stemmer(language):
    return snowballstemmer.stemmer(language)


@lru_cache(maxsize=50_000)
def stem(word):
    word = word.lower().replace("ё", "е")
    language = "russian" if CYRILLIC.search(word) else "english"
    return _stemmer(language).stemWord(word)


def stem_text(text):
    """The text as the index stores it: the stem of every word, in order."""
    return " ".join(stem(word) for word in WORD.findall(text or ""))
