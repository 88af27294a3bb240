"""Settlement name normalisation: the key that makes «с. Алексеевка» and «Алексеевка» namesakes."""

import re

# Settlement-type words and abbreviations that may precede a name, longest first so that
# «посёлок городского типа» is stripped whole rather than as «посёлок».
SETTLEMENT_PREFIXES = sorted(
    [
        "поселок городского типа",
        "рабочий поселок",
        "городской поселок",
        "город",
        "г",
        "село",
        "с",
        "поселок",
        "пос",
        "п",
        "пгт",
        "рп",
        "р п",
        "гп",
        "хутор",
        "х",
        "деревня",
        "дер",
        "д",
        "станица",
        "ст",
        "ст ца",
        "слобода",
        "сл",
        "аул",
        "местечко",
        "м",
        "п г т",
        # Belarusian forms, for translated records.
        "веска",
        "в",
        "горад",
        "пасялак",
    ],
    key=len,
    reverse=True,
)

_SEPARATORS = re.compile(r"[\s\-‐‑‒–—.,]+")
_PREFIX = re.compile(r"^(?:" + "|".join(re.escape(p) for p in SETTLEMENT_PREFIXES) + r")(?: |$)")


def normalise_settlement(name):
    """Lower-case, ё→е, hyphens/dots/spaces unified, leading settlement-type words removed.

    Only a leading prefix is stripped, so a name such as «Красное Село» keeps its last word.
    """
    key = _SEPARATORS.sub(" ", (name or "").lower().replace("ё", "е")).strip()
    while True:
        stripped = _PREFIX.sub("", key, count=1).strip()
        if stripped == key or not stripped:
            return stripped or key
        key = stripped
