"""A page and the rows of its inline panels in one query (core.inlines): the same rows, fields and
order as the ORM reads them one list at a time."""

import pytest

from django.db import connection
from django.forms.models import model_to_dict
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

from core.routing import load_specific

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("slug", ["ryazan-forum-2024", "amur-belarus-libraries-agreement", "amur-nlb-2024"])
def test_inline_rows_read_in_one_query_are_the_orms(seeded, slug):
    page = Page.objects.filter(slug=slug, locale__language_code="ru").first()
    assert page is not None, slug
    model = page.specific_class
    with CaptureQueriesContext(connection) as queries:
        loaded = load_specific(page)
        rows = {name: list(getattr(loaded, name).all()) for name in model.serve_inlines}
    assert len(queries) == 1
    fresh = model.objects.get(pk=page.pk)
    assert any(rows.values()), "the seed fills some of the page's inline lists"
    for name, kept in rows.items():
        expected = list(getattr(fresh, name).all())
        assert [row.pk for row in kept] == [row.pk for row in expected], name
        assert [model_to_dict(row) for row in kept] == [model_to_dict(row) for row in expected], name
