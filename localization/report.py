"""Translation status of source pages and snippets in every translation locale, in a fixed number of
queries per listing: pages, and each translatable snippet type (libraries, documents, topics, footer,
regions, countries, chronicle entries) with the same states."""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page, TranslatableMixin
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
    target: object = None  # the translated page or snippet
    total: int = 0
    done: int = 0
    live: bool = False

    @property
    def page(self):
        return self.target

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
    source: object  # the Russian page or snippet
    cells: list = field(default_factory=list)

    @property
    def page(self):
        return self.source


def source_pages():
    return (
        Page.objects.filter(depth__gt=1, locale__language_code=SOURCE_LANGUAGE, alias_of__isnull=True)
        .select_related("locale", "content_type")
        .order_by("path")
    )


def snippet_models():
    """Translatable snippet types, in the order of their names."""
    from wagtail.snippets.models import get_snippet_models

    models = [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]
    return sorted(models, key=lambda model: str(model._meta.verbose_name_plural))


def source_snippets(model):
    ordering = [*(model._meta.ordering or []), "pk"]
    return model._default_manager.filter(locale__language_code=SOURCE_LANGUAGE).order_by(*ordering)


def _targets(model, keys):
    queryset = model._default_manager.filter(translation_key__in=keys).exclude(
        locale__language_code=SOURCE_LANGUAGE
    )
    if issubclass(model, Page):
        return queryset.filter(alias_of__isnull=True).only(
            "id", "translation_key", "locale_id", "live", "title", "url_path"
        )
    return queryset


def status_rows(objects):
    """One Row per source object: a list or sliced queryset of Russian pages, or of one snippet type."""
    objects = list(objects)
    locales = list(Locale.objects.exclude(language_code=SOURCE_LANGUAGE).order_by("language_code"))
    keys = [obj.translation_key for obj in objects]
    model = Page if not objects or isinstance(objects[0], Page) else type(objects[0])

    targets = {(obj.translation_key, obj.locale_id): obj for obj in _targets(model, keys)}
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
    for obj in objects:
        source = sources.get(obj.translation_key)
        row = Row(source=obj)
        for locale in locales:
            target = targets.get((obj.translation_key, locale.id))
            translation = translations.get((source.id, locale.id)) if source else None
            if target is None:
                row.cells.append(Cell(locale=locale, status=MISSING))
                continue
            live = getattr(target, "live", True)
            if translation is None or not translation.enabled:
                row.cells.append(Cell(locale=locale, status=MANUAL, target=target, live=live))
                continue
            total = totals.get(source.id, 0)
            done = done_counts.get((source.id, locale.id), 0)
            published = getattr(obj, "last_published_at", None)
            if published and published > source.last_updated_at:
                status = OUTDATED
            elif done < total:
                status = INCOMPLETE
            else:
                status = CURRENT
            row.cells.append(
                Cell(locale=locale, status=status, target=target, total=total, done=done, live=live)
            )
        rows.append(row)
    return locales, rows
