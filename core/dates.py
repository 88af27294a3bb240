"""Dates in the reader's language: month names after a day number ("17 апреля", "17 красавіка"),
spans of dates, and corrections to Django's Belarusian genitive month names (the "E" format).

Django's catalog gives "сакавік", "верасьня", "сьнежня"; the official
orthography is "сакавіка", "верасня", "снежня". These calls only put the
messages into this app's catalogs, which take precedence over Django's.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import pgettext_lazy

# The network works on Moscow time (TIME_ZONE): dates of campaigns and events are Moscow dates.
SITE_TIMEZONE = zoneinfo.ZoneInfo(settings.TIME_ZONE)

CORRECTED_ALT_MONTHS = [
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "December"),
]

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


# A month named alone ("декабрь 2022", "снежань 2022"): the nominative, lower case in Russian and
# Belarusian, unlike Django's "F" format.
MONTHS_ALONE = [
    pgettext_lazy("month alone, with a year", "January"),
    pgettext_lazy("month alone, with a year", "February"),
    pgettext_lazy("month alone, with a year", "March"),
    pgettext_lazy("month alone, with a year", "April"),
    pgettext_lazy("month alone, with a year", "May"),
    pgettext_lazy("month alone, with a year", "June"),
    pgettext_lazy("month alone, with a year", "July"),
    pgettext_lazy("month alone, with a year", "August"),
    pgettext_lazy("month alone, with a year", "September"),
    pgettext_lazy("month alone, with a year", "October"),
    pgettext_lazy("month alone, with a year", "November"),
    pgettext_lazy("month alone, with a year", "December"),
]


class DatePrecision(models.TextChoices):
    """How much of a date the source gives: the day, only the month, or only the year."""

    DAY = "day", pgettext_lazy("date precision", "Day")
    MONTH = "month", pgettext_lazy("date precision", "Month")
    YEAR = "year", pgettext_lazy("date precision", "Year")


def truncate_date(value, precision):
    """The first day of the period a date of this precision names (stored so that it sorts)."""
    if value is None or precision == DatePrecision.DAY:
        return value
    return value.replace(day=1) if precision == DatePrecision.MONTH else value.replace(month=1, day=1)


def partial_date(value, precision=DatePrecision.DAY):
    """A date as precisely as it is known: "25 октября 2024", "декабрь 2022", "2022"."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return str(value.year)
    if precision == DatePrecision.MONTH:
        return f"{MONTHS_ALONE[value.month - 1]} {value.year}"
    return date_format(value, "DATE_FORMAT")


def as_date(value):
    """A date from a date or a datetime (in the site's time zone)."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    return value


def day_month(value):
    return f"{value.day}\u00a0{MONTHS_GENITIVE[value.month - 1]}"


def date_range(start, end=None):
    """A date or a span of dates in the active language, e.g. 17–18 апреля 2024.

    17–18 April 2024 / 17–18 красавіка 2024; 30 апреля – 2 мая 2024; across
    years 30 декабря 2024 – 2 января 2025.
    """
    start = as_date(start)
    end = as_date(end) if end else None
    if not start:
        return ""
    if end is None or end == start:
        return f"{day_month(start)} {start.year}"
    if end < start:
        start, end = end, start
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}\u2013{day_month(end)} {end.year}"
    if start.year == end.year:
        return f"{day_month(start)} \u2013 {day_month(end)} {end.year}"
    return f"{day_month(start)} {start.year} \u2013 {day_month(end)} {end.year}"


def validate_span(start, end, message, field="end_date"):
    """Refuse a span that ends before it starts, as an error of its end field."""
    if start and end and end < start:
        raise ValidationError({field: message})
