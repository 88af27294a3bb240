"""Month names after a day number ("17 апреля", "17 красавіка"), and corrections
to Django's Belarusian genitive month names (used by the "E" date format).

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

# Used by the date_range tag in home/templatetags/site_tags.py.
MONTHS_GENITIVE = [
    pgettext_lazy("month after a day number", "January"),
    pgettext_lazy("month after a day number", "February"),
    pgettext_lazy("month after a day number", "March"),
    pgettext_lazy("month after a day number", "April"),
    pgettext_lazy("month after a day number", "May"),
    pgettext_lazy("month after a day number", "June"),
    pgettext_lazy("month after a day number", "July"),
    pgettext_lazy("month after a day number", "August"),
    pgettext_lazy("month after a day number", "September"),
    pgettext_lazy("month after a day number", "October"),
    pgettext_lazy("month after a day number", "November"),
    pgettext_lazy("month after a day number", "December"),
]
