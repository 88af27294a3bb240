"""The version for visually impaired readers (GOST R 52872-2019): settings kept in a cookie.

The server renders the chosen settings as classes on <html>, so the version works without
JavaScript and from the first byte of every page.
"""

from dataclasses import dataclass, replace

from django.utils.translation import gettext_lazy as _

COOKIE = "a11y"
CONSENT_COOKIE = "consent"
COOKIE_AGE = 365 * 24 * 60 * 60

SIZES = [100, 125, 150, 175, 200]
SCHEMES = {
    "bw": _("Black on white"),
    "wb": _("White on black"),
    "blue": _("Dark blue on light blue"),
    "brown": _("Brown on beige"),
}
SPACINGS = {"normal": _("Normal"), "wide": _("Wide"), "wider": _("Wider")}
IMAGES = {"on": _("Show images"), "off": _("Hide images")}


@dataclass(frozen=True)
class Preferences:
    enabled: bool = False
    size: int = 150
    scheme: str = "bw"
    spacing: str = "normal"
    images: str = "on"

    @classmethod
    def from_cookie(cls, value):
        """Parse ``size.scheme.spacing.images``; anything unexpected means the standard version."""
        try:
            size, scheme, spacing, images = (value or "").split(".")
            prefs = cls(True, int(size), scheme, spacing, images)
        except ValueError:
            return cls()
        return prefs if prefs.is_valid() else cls()

    def is_valid(self):
        return (
            self.size in SIZES
            and self.scheme in SCHEMES
            and self.spacing in SPACINGS
            and self.images in IMAGES
        )

    def to_cookie(self):
        return f"{self.size}.{self.scheme}.{self.spacing}.{self.images}"

    def updated(self, **changes):
        return replace(self, enabled=True, **changes)

    @property
    def html_class(self):
        if not self.enabled:
            return ""
        return (
            f"a11y a11y-size-{self.size} a11y-scheme-{self.scheme} "
            f"a11y-spacing-{self.spacing} a11y-images-{self.images}"
        )


def parse_change(params):
    """Validated changes from a query string; returns ``(changes, errors)``."""
    changes, errors = {}, []
    if "size" in params:
        try:
            size = int(params["size"])
        except ValueError:
            size = None
        if size in SIZES:
            changes["size"] = size
        else:
            errors.append("size")
    for name, allowed in (("scheme", SCHEMES), ("spacing", SPACINGS), ("images", IMAGES)):
        if name in params:
            if params[name] in allowed:
                changes[name] = params[name]
            else:
                errors.append(name)
    return changes, errors


def cache_variant(request):
    """What of the reader's cookies changes a page, reduced to a few values (page cache key)."""
    prefs = Preferences.from_cookie(request.COOKIES.get(COOKIE))
    consent = request.COOKIES.get(CONSENT_COOKIE, "")
    consent = consent if consent in ("all", "necessary") else ""
    return f"{prefs.to_cookie() if prefs.enabled else 'standard'};consent={consent}"
