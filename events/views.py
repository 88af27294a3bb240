"""The star buttons of the personal programme, outside the page so the page needs no CSRF token."""

from django.shortcuts import get_object_or_404

from core.origin import same_site_post

from . import personal
from .models import EventPage


@same_site_post
def star(request, page_id):
    # Only the reader's own cookie changes, so the request's origin headers guard it (core.origin).
    return personal.toggle(request, get_object_or_404(EventPage.objects.live().public(), pk=page_id))
