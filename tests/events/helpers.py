"""Helpers of the personal programme's tests."""

import re

from django.urls import reverse
from django.utils import translation


def star_url(page):
    """Where a page's star forms post (the form's action, as the template writes it)."""
    with translation.override(page.locale.language_code):
        return reverse("events:star", kwargs={"page_id": page.pk})


def star_buttons(html):
    """{session code: action} of the star forms on a page."""
    forms = re.findall(
        r'<form class="star".*?name="session" value="([0-9a-f]{8})".*?name="action" value="(add|remove)"',
        html,
        re.S,
    )
    return dict(forms)
