"""Translation status of source pages in every translation locale, in a fixed number of queries."""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from .roles import SOURCE_LANGUAGE

CURRENT = "current"
OUTDATED = "outdated"
INCOMPLETE = "incomplete"
MANUAL = "manual"
MISSING = "missing"

STATUS_LABELS = {
    CURRENT: _("Translated and current"),
    OUTDATED: _("Outdated: the source changed after the last sync"),
    INCOMPLETE: _("Being translated"),
    MANUAL: _("Edited directly, not synced"),
    MISSING: _("Missing"),
}


@dataclass
class Cell:
    locale: Locale
    status: str
    page: Page | None = None
    total: int = 0
    done: int = 0
    live: bool = False

    @property
    def percent(self):
        if not self.total:
            return 100 if self.status in (CURRENT, OUTDATED) else 0
        return round(100 * self.done / self.total)

    @property
    def label(self):
        return STATUS_LABELS[self.status]


@dataclass
class Row:
    page: Page
    cells: list = field(default_factory=list)


def source_pages():
    return (
        Page.objects.filter(depth__gt=1, locale__language_code=SOURCE_LANGUAGE, alias_of__isnull=True)
        .select_related("locale", "content_type")
        .order_by("path")
    )


def status_rows(pages):
    """One Row per page (a list or sliced queryset of source pages)."""
    pages = list(pages)
    locales = list(Locale.objects.exclude(language_code=SOURCE_LANGUAGE).order_by("language_code"))
    keys = [page.translation_key for page in pages]

    targets = {
        (p.translation_key, p.locale_id): p
        for p in Page.objects.filter(translation_key__in=keys, alias_of__isnull=True)
        .exclude(locale__language_code=SOURCE_LANGUAGE)
        .only("id", "translation_key", "locale_id", "live", "title", "url_path")
    }
    sources = {
        s.object_id: s
        for s in TranslationSource.objects.filter(
            object_id__in=keys, locale__language_code=SOURCE_LANGUAGE
        ).only("id", "object_id", "last_updated_at")
    }
    source_ids = [s.id for s in sources.values()]
    translations = {
        (t.source_id, t.target_locale_id): t
        for t in Translation.objects.filter(source_id__in=source_ids).only(
            "id", "source_id", "target_locale_id", "enabled"
        )
    }
    totals = dict(
        StringSegment.objects.filter(source_id__in=source_ids)
        .values("source_id")
        .annotate(n=Count("id"))
        .values_list("source_id", "n")
    )
    # Translated segments per (source, locale): one query with a count per locale.
    done_counts = {}
    if source_ids and locales:
        annotations = {
            f"done_{locale.id}": Count(
                "id",
                filter=Q(**{f"is_done_{locale.id}": True}),
            )
            for locale in locales
        }
        segments = StringSegment.objects.filter(source_id__in=source_ids).annotate(
            **{
                f"is_done_{locale.id}": Exists(
                    StringTranslation.objects.filter(
                        translation_of_id=OuterRef("string_id"),
                        context_id=OuterRef("context_id"),
                        locale_id=locale.id,
                        has_error=False,
                    )
                )
                for locale in locales
            }
        )
        for row in segments.values("source_id").annotate(**annotations):
            for locale in locales:
                done_counts[(row["source_id"], locale.id)] = row[f"done_{locale.id}"]

    rows = []
    for page in pages:
        source = sources.get(page.translation_key)
        row = Row(page=page)
        for locale in locales:
            target = targets.get((page.translation_key, locale.id))
            translation = translations.get((source.id, locale.id)) if source else None
            if target is None:
                row.cells.append(Cell(locale=locale, status=MISSING))
                continue
            if translation is None or not translation.enabled:
                row.cells.append(Cell(locale=locale, status=MANUAL, page=target, live=target.live))
                continue
            total = totals.get(source.id, 0)
            done = done_counts.get((source.id, locale.id), 0)
            published = page.last_published_at
            if published and published > source.last_updated_at:
                status = OUTDATED
            elif done < total:
                status = INCOMPLETE
            else:
                status = CURRENT
            row.cells.append(
                Cell(locale=locale, status=status, page=target, total=total, done=done, live=target.live)
            )
        rows.append(row)
    return locales, rows
