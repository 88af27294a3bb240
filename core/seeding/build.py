"""Turning an entry's fields into model field values.

StreamField blocks, list items and the rows of child relations get ids derived from the entry's
key and their place in it. wagtail-localize names each translatable string by such ids (its
context path, e.g. ``body.<block id>`` or ``areas.<translation key>.title``), so derived ids keep
the contexts of the PO files valid on every database the seed builds. A block may carry its own
``id`` to keep its context when blocks before it are added or removed.
"""

import datetime
import uuid

from django.db import models

from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin

from .data import Code, DataError, Ref

NAMESPACE = uuid.UUID("5b1f0c3e-2f55-4c57-9a77-0a1d9c6f3e01")


def stable_id(*parts):
    return str(uuid.uuid5(NAMESPACE, "/".join(str(part) for part in parts)))


TEXT_BLOCKS = (
    blocks.CharBlock,
    blocks.TextBlock,
    blocks.URLBlock,
    blocks.EmailBlock,
    blocks.RegexBlock,
    blocks.ChoiceBlock,
    blocks.RichTextBlock,
)


def empty(block):
    """The value of a block left empty in the admin ("" for text, [] for lists, None otherwise)."""
    if isinstance(block, blocks.StreamBlock | blocks.ListBlock):
        return []
    if isinstance(block, blocks.StructBlock):
        return {}
    default = block.get_default()
    if default is None:
        return "" if isinstance(block, TEXT_BLOCKS) else None
    return block.get_prep_value(default)


class Builder:
    def __init__(self, resolve):
        # resolve(Ref | Code) -> model instance or None
        self.resolve = resolve

    def values(self, model, fields, path):
        """Field values for model from the data of one entry (or one row of a child relation)."""
        values = {}
        for name, value in fields.items():
            field = model._meta.get_field(name)
            where = f"{path}/{name}"
            if isinstance(field, StreamField):
                values[name] = self.stream(field.stream_block, value, where)
            elif field.one_to_many and isinstance(getattr(field, "remote_field", None), ParentalKey):
                values[name] = self.rows(field.related_model, value, where)
            elif isinstance(field, models.ForeignKey):
                values[name] = self._instance(value, where)
            elif isinstance(value, Ref | Code):
                raise DataError(f"{where}: a reference in a field that is not a relation")
            else:
                values[name] = value
        return values

    def rows(self, model, items, path):
        if not isinstance(items, list):
            raise DataError(f"{path}: a child relation takes a list of rows")
        rows = []
        for number, item in enumerate(items):
            data = dict(item)
            if issubclass(model, TranslatableMixin):
                data.setdefault("translation_key", stable_id(path, number))
            if any(f.name == "sort_order" for f in model._meta.fields):
                data.setdefault("sort_order", number)
            rows.append(model(**self.values(model, data, f"{path}/{number}")))
        return rows

    def _instance(self, value, path):
        if value is None:
            return None
        if not isinstance(value, Ref | Code):
            raise DataError(f"{path}: a relation takes !ref or a code tag, not {value!r}")
        return self.resolve(value)

    # -- StreamField raw data ----------------------------------------------------------------------
    def stream(self, block, items, path):
        if not isinstance(items, list):
            raise DataError(f"{path}: a stream takes a list of {{type, value}}")
        raw = []
        for number, item in enumerate(items):
            if not isinstance(item, dict) or set(item) - {"type", "value", "id"} or "type" not in item:
                raise DataError(f"{path}/{number}: a stream item is {{type, value}} (and an optional id)")
            child = block.child_blocks.get(item["type"])
            if child is None:
                raise DataError(f"{path}/{number}: no block type {item['type']!r}")
            where = f"{path}/{number}"
            raw.append(
                {
                    "type": item["type"],
                    "value": self.block(child, item.get("value"), where),
                    "id": str(item.get("id") or stable_id(where)),
                }
            )
        return raw

    def block(self, block, value, path):
        if isinstance(block, blocks.StreamBlock):
            return self.stream(block, value or [], path)
        if isinstance(block, blocks.ListBlock):
            if not isinstance(value or [], list):
                raise DataError(f"{path}: a list block takes a list")
            return [
                {
                    "type": "item",
                    "value": self.block(block.child_block, item, f"{path}/{n}"),
                    "id": stable_id(path, n),
                }
                for n, item in enumerate(value or [])
            ]
        if isinstance(block, blocks.StructBlock):
            value = value or {}
            if not isinstance(value, dict):
                raise DataError(f"{path}: a struct block takes a mapping")
            unknown = set(value) - set(block.child_blocks)
            if unknown:
                raise DataError(f"{path}: unknown names {sorted(unknown)}")
            # Every child gets a value, as the admin's form gives it: wagtail-localize reads them all.
            return {
                name: self.block(child, value[name] if name in value else empty(child), f"{path}/{name}")
                for name, child in block.child_blocks.items()
            }
        if isinstance(block, blocks.ChooserBlock):
            instance = self._instance(value, path)
            return instance.pk if instance is not None else None
        if isinstance(value, Ref | Code):
            raise DataError(f"{path}: a reference in a block that is not a chooser")
        if isinstance(value, datetime.date | datetime.time):
            return value.isoformat()
        return value
