"""Small read-API fields shared by page types: lists of related rows as names, codes or slugs."""

from rest_framework import serializers


class _ListOf(serializers.Field):
    attribute = "name"

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, rows):
        return [getattr(row, self.attribute) for row in rows if row is not None]


class NamesField(_ListOf):
    attribute = "name"


class CodesField(_ListOf):
    attribute = "code"


class SlugsField(_ListOf):
    attribute = "slug"
