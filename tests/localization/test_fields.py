"""Field policy for every translatable model, including page types and snippets added by any app."""

import pytest

from django.apps import apps
from django.db import models

from wagtail.models import Page, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields

TRANSLATABLE_MODELS = sorted(
    (m for m in apps.get_models() if issubclass(m, TranslatableMixin) and not m._meta.abstract),
    key=lambda m: m._meta.label,
)
# Fields whose value is the same in every language.
LANGUAGE_NEUTRAL = (models.URLField, models.EmailField, models.SlugField)


def declared(model):
    return {field.field_name: field for field in get_translatable_fields(model)}


@pytest.mark.parametrize("model", TRANSLATABLE_MODELS, ids=lambda m: m._meta.label)
def test_urls_emails_and_snippet_slugs_are_synchronised(model):
    fields = declared(model)
    for field in model._meta.get_fields():
        if not isinstance(field, LANGUAGE_NEUTRAL) or field.name not in fields:
            continue
        if issubclass(model, Page) and field.name == "slug":
            # Page slugs are translated on purpose: /en/cooperation-agreement/ (README, Slugs).
            assert isinstance(fields["slug"], TranslatableField)
            continue
        assert isinstance(fields[field.name], SynchronizedField), f"{model._meta.label}.{field.name}"


@pytest.mark.parametrize("model", TRANSLATABLE_MODELS, ids=lambda m: m._meta.label)
def test_dates_and_numbers_are_never_translated(model):
    fields = declared(model)
    kinds = (models.DateField, models.TimeField, models.IntegerField, models.DecimalField, models.FloatField)
    for field in model._meta.get_fields():
        if isinstance(field, kinds) and field.name in fields:
            assert not isinstance(fields[field.name], TranslatableField), f"{model._meta.label}.{field.name}"


def test_every_page_type_is_translatable():
    page_types = [m for m in apps.get_models() if issubclass(m, Page) and m is not Page]
    assert page_types
    for model in page_types:
        assert issubclass(model, TranslatableMixin)
        assert "title" in declared(model)
