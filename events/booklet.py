"""The printable programme booklet: a PDF per event and language, drawn by WeasyPrint.

Days and their tracks, halls, and broadcast and recording links with QR codes, so a printed copy
still leads to the video. The text stays text (fonts embedded), so it can be searched and read back.
"""

import base64
from pathlib import Path

import font_roboto
import qrcode
import qrcode.image.svg

from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.http import content_disposition_header

from core.dates import date_range

CACHE_SECONDS = 24 * 3600


def qr_data_uri(url):
    """An SVG QR code of ``url`` as a data: URI for an <img>."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    code.add_data(url)
    code.make(fit=True)
    svg = code.make_image(image_factory=qrcode.image.svg.SvgPathImage).to_string(encoding="unicode")
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def links_of(session):
    """(label, url, qr) of a session's broadcast and recording links."""
    from django.utils.translation import gettext as _

    links = []
    for key, label in (("broadcast_url", _("Live broadcast")), ("recording_url", _("Recording"))):
        url = session.value.get(key)
        if url:
            name = session.provider_name
            links.append(
                {"label": f"{label} — {name}" if name else label, "url": url, "qr": qr_data_uri(url)}
            )
    return links


def render(page, request):
    programme = page.get_programme()
    for session in programme.sessions:
        session.booklet_links = links_of(session)
    fonts = Path(font_roboto.Roboto).parent
    html = render_to_string(
        "events/booklet.html",
        {
            "page": page,
            "programme": programme,
            "dates": date_range(page.start_date, page.end_date),
            "page_url": page.get_full_url(request),
            "page_qr": qr_data_uri(page.get_full_url(request)),
            "font_regular": (fonts / "Roboto-Regular.ttf").as_uri(),
            "font_bold": (fonts / "Roboto-Bold.ttf").as_uri(),
            "font_italic": (fonts / "Roboto-Italic.ttf").as_uri(),
        },
        request=request,
    )
    # Imported here: WeasyPrint loads pango when imported, which only this view needs.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    class LocalOnly(URLFetcher):
        """The booklet draws only what it carries: data: images and the bundled fonts; nothing is
        fetched over the network while a reader waits."""

        def fetch(self, url, headers=None):
            if url.startswith("file:") and not url.startswith(fonts.as_uri() + "/"):
                raise ValueError(f"not fetched: {url}")
            return super().fetch(url, headers)

    fetcher = LocalOnly(allowed_protocols={"data", "file"})
    return HTML(string=html, base_url=page.get_full_url(request), url_fetcher=fetcher).write_pdf()


def response(page, request):
    language = translation.get_language()
    # One PDF per published revision and language; a new revision gets a new key.
    key = f"events:booklet:{page.pk}:{page.live_revision_id}:{language}:{request.get_host()}"
    pdf = cache.get(key)
    if pdf is None:
        pdf = render(page, request)
        cache.set(key, pdf, CACHE_SECONDS)
    result = HttpResponse(pdf, content_type="application/pdf")
    result["Content-Disposition"] = content_disposition_header(False, f"{page.slug}-{language}.pdf")
    return result
