"""Latin slugs for Russian and Belarusian names, as the admin's slug fields make them."""

from anyascii import anyascii

from django.utils.text import slugify


def latin_slug(text, max_length=None):
    """«Белгородская научная библиотека» → "belgorodskaya-nauchnaya-biblioteka"."""
    slug = slugify(anyascii(text or ""))
    if max_length:
        slug = slug[:max_length].rstrip("-")
    return slug
