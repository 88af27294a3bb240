"""A page and the rows of its inline panels (ParentalKey children) in one query.

A page type that shows several inline lists (an event's halls, organisers, contacts…; an
article's topics, regions, libraries…) would cost a query per list. ``with_inline_rows`` adds
each list to the page's own query as a JSON array (a PostgreSQL ``ARRAY(SELECT to_jsonb(row) …)``
subquery) and ``attach_inline_rows`` turns the arrays back into model instances, set on the
page as modelcluster keeps unsaved children: ``page.halls.all()`` then reads them from memory.
Other databases (the SQLite demo) keep the usual query per list.
"""

import functools
import json

from django.contrib.postgres.fields import ArrayField
from django.db import connections
from django.db.models import JSONField
from django.db.models.expressions import RawSQL

PREFIX = "_inline_rows_"


def _relation(model, name):
    relation = model._meta.get_field(name)
    return relation, relation.related_model


def _columns(child):
    return list(child._meta.concrete_fields)


def _ordering(child):
    return list(child._meta.ordering or []) + ["pk"]


def supported(queryset):
    return connections[queryset.db].vendor == "postgresql"


def with_inline_rows(queryset, relations):
    """``queryset`` annotated with the rows of each named inline relation (a reverse ParentalKey)."""
    if not relations or not supported(queryset):
        return queryset
    return queryset.annotate(**{PREFIX + name: _rows_sql(queryset.model, name) for name in relations})


@functools.cache
def _rows_sql(model, name):
    """``ARRAY(SELECT to_jsonb(row) …)`` of one relation, written once per model: Django's own
    subquery of JSON objects took 7 ms of CPU to compile for an event's nine lists, on every page."""
    relation, child = _relation(model, name)
    table, quote = child._meta.db_table, connections["default"].ops.quote_name
    order = []
    for item in _ordering(child):
        descending = item.startswith("-")
        field = child._meta.pk if item.lstrip("-") == "pk" else child._meta.get_field(item.lstrip("-"))
        order.append(f"child.{quote(field.column)}{' DESC' if descending else ''}")
    outer = f"{quote(model._meta.db_table)}.{quote(model._meta.pk.column)}"
    sql = (
        f"ARRAY(SELECT to_jsonb(child) FROM {quote(table)} child "
        f"WHERE child.{quote(relation.field.column)} = {outer} ORDER BY {', '.join(order)})"
    )
    return RawSQL(sql, (), output_field=ArrayField(JSONField()))


def _value(field, raw):
    if raw is None:
        return None
    if isinstance(field, JSONField) or field.get_internal_type() == "JSONField":
        # JSON-backed fields (StreamField, JSONField) take their stored text.
        return field.to_python(json.dumps(raw))
    return field.to_python(raw)


def attach_inline_rows(obj, relations, using="default"):
    """Set each relation annotated by ``with_inline_rows`` on ``obj``; returns ``obj``."""
    for name in relations:
        rows = getattr(obj, PREFIX + name, None)
        if rows is None:
            continue
        relation, child = _relation(type(obj), name)
        columns = _columns(child)
        attnames = [field.attname for field in columns]
        if isinstance(rows, str):
            rows = json.loads(rows)
        instances = [
            child.from_db(using, attnames, [_value(field, row.get(field.column)) for field in columns])
            for row in rows
        ]
        for instance in instances:
            setattr(instance, relation.field.name, obj)
        # Where modelcluster keeps children set in memory; in the database's order (NULLs last).
        obj.__dict__.setdefault("_cluster_related_objects", {})[name] = instances
        delattr(obj, PREFIX + name)
    return obj


def attach_related(rows, fields):
    """Set the foreign keys ``fields`` (``{name: model}``) of ``rows`` with one query per model
    (none for small tables kept whole in a fragment, ``translations_in_fragment``)."""
    rows = list(rows)
    for name, model in fields.items():
        attname = rows[0]._meta.get_field(name).attname if rows else None
        ids = {getattr(row, attname) for row in rows} - {None}
        if getattr(model, "translations_in_fragment", False):
            from core.i18n import small_table

            found = {pk: row for pk, row in small_table(model).items() if pk in ids}
        else:
            found = model._default_manager.in_bulk(ids) if ids else {}
        for row in rows:
            pk = getattr(row, attname)
            if pk is not None and pk in found:
                setattr(row, name, found[pk])
    return rows


def prefetch_renditions(images, *specs):
    """Renditions ``specs`` of ``images`` (None entries allowed) in one query, found by Wagtail's
    ``get_rendition`` as if the images came from ``prefetch_renditions()``."""
    from django.db.models import Prefetch, prefetch_related_objects

    images = list({id(image): image for image in images if image is not None}.values())
    if images:
        renditions = type(images[0]).get_rendition_model().objects.filter(filter_spec__in=specs)
        prefetch_related_objects(
            images, Prefetch("renditions", queryset=renditions, to_attr="prefetched_renditions")
        )
    return images
