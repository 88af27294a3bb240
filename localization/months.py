"""Corrections to Django's Belarusian genitive month names (used by the "E" date format).

Django's catalog gives "сакавік", "верасьня", "сьнежня"; the official
orthography is "сакавіка", "верасня", "снежня". These calls only put the
messages into this app's catalogs, which take precedence over Django's.
"""

from django.utils.translation import pgettext_lazy

CORRECTED_ALT_MONTHS = [
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "December"),
]
