"""QR code routes shared by the movement and campaign pages."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from movement import graphics
from movement.http import cache_key, generated_file_response


def bad_request(request, page, message):
    return render(request, "movement/bad_request.html", {"page": page, "message": message}, status=400)


def parse_size(value, default, minimum, maximum):
    """An integer within bounds, or None."""
    if value is None or value == "":
        return default
    # ASCII digits only: "²" and other Unicode digits pass isdigit() but not int().
    if not (value.isascii() and value.isdigit()) or len(value) > 6:
        return None
    size = int(value)
    return size if minimum <= size <= maximum else None


class QRCodeRoutesMixin(RoutablePageMixin):
    """Serves the page's own public URL, in the reader's language, as a QR code."""

    def qr_target_url(self, request=None):
        """The page's address on the host the reader used (SITE_URL's without a request)."""
        return self.get_full_url(request)

    def qr_file_stem(self):
        return f"qr-{self.slug}"

    @path("qr/svg/", name="qr_svg")
    def qr_svg(self, request):
        url = self.qr_target_url(request)
        return generated_file_response(
            request, cache_key("qr-svg", url), "image/svg+xml", lambda: graphics.qr_svg(url)
        )

    @path("qr/png/", name="qr_png")
    def qr_png(self, request):
        size = parse_size(
            request.GET.get("size"), graphics.QR_DEFAULT_SIZE, graphics.QR_MIN_SIZE, graphics.QR_MAX_SIZE
        )
        if size is None:
            return bad_request(
                request,
                self,
                _("The size must be a whole number of pixels from %(min)s to %(max)s.")
                % {"min": graphics.QR_MIN_SIZE, "max": graphics.QR_MAX_SIZE},
            )
        url = self.qr_target_url(request)
        return generated_file_response(
            request, cache_key("qr-png", url, size), "image/png", lambda: graphics.qr_png(url, size)
        )
