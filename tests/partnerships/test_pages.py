import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from partnerships.forms import LibraryFilterSet, NamesakeFinderFilterSet
from partnerships.models import AgreementIndexPage, ChronicleEntry, RegulationPage
from tests.factories import AgreementPageFactory, LibraryFactory
from tests.helpers import assert_filter_ignored, filter_notice, garbage_cases, main

pytestmark = pytest.mark.usefixtures("seeded")

D = datetime.date


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.django_db
def test_profile_of_bgunb_and_amur_library(client):
    html = get(client, "/ru/partnerships/libraries/bgunb/")
    for fact in (
        "ул. Попова, 39а, г. Белгород, 308000",
        "(4722) 31-01-62",
        "(4722) 26-48-54",
        "bgunb@bgunb.ru",
    ):
        assert fact in html
    html = get(client, "/en/partnerships/libraries/amur-ounb/")
    assert "N.N. Muravyov-Amursky Amur Regional Scientific Library" in html
    assert "/en/partnerships/amur-nlb-2024/" in html
    assert client.get("/ru/partnerships/libraries/no-such-library/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["region=zz", "kind=spaceship", "page=abc", "page=99999", "region=31&kind=federal"]
)
def test_directory_survives_bad_filters(client, query):
    response = client.get(f"/ru/partnerships/libraries/?{query}")
    assert response.status_code == 200


@pytest.mark.django_db
def test_directory_filters_by_region(client):
    response = client.get("/ru/partnerships/libraries/", {"region": "31"})
    slugs = {lib.slug for lib in response.context["libraries"]}
    assert "bgunb" in slugs and "rgb" not in slugs


@pytest.mark.django_db
def test_regulation_has_toc_anchors_and_print_css(client):
    html = get(client, "/ru/partnerships/regulation/")
    for anchor in ('id="p-1-1"', 'id="p-1-8"', 'id="p-2-7"', 'id="p-3-6"', 'id="p-4-1"', 'id="p-5-3"'):
        assert anchor in html
    assert 'href="#s-5"' in html
    assert "regulation-print.css" in html and 'media="print"' in html
    assert "Количество библиотек-партнеров в рамках одного Соглашения не ограничено." in html
    html = get(client, "/en/partnerships/regulation/")
    assert "The number of partner libraries under one Agreement is not limited." in html
    html = get(client, "/be/partnerships/regulation/")
    assert "Колькасць бібліятэк-партнёраў у рамках аднаго Пагаднення не абмежавана." in html
    assert 'id="p-5-3"' in html


@pytest.mark.django_db
def test_agreement_page_feed_and_translations(client):
    html = get(client, "/ru/partnerships/amur-nlb-2024/")
    assert 'type="application/atom+xml"' in html
    assert "Сохранение книжных памятников" in html
    response = client.get("/ru/partnerships/amur-nlb-2024/chronicle/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert response.content.count(b"<entry>") == 2
    assert "Захаванне кніжных помнікаў" in get(client, "/be/partnerships/amur-nlb-2024/")


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_partners(client):
    section = AgreementIndexPage.objects.get(locale__language_code="ru")
    counts = {}
    for size in (2, 200):
        agreement = AgreementPageFactory(parent=section, slug=f"many-{size}")
        libraries = LibraryFactory.create_batch(size, settlement="Алексеевка")
        ChronicleEntry.objects.bulk_create(
            ChronicleEntry(
                agreement=agreement, kind="join", library=lib, date=D(2024, 1, 1), locale=agreement.locale
            )
            for lib in libraries
        )
        urls = (agreement.url, f"/ru/partnerships/libraries/{libraries[0].slug}/")
        for url in urls:  # warm the process's caches (site root, locales, content types)
            _queries(client, url)
        counts[size] = tuple(_queries(client, url) for url in urls)
    assert counts[2] == counts[200]


class RegulationAdminTests(WagtailPageTestCase):
    def setUp(self):
        from django.contrib.auth import get_user_model

        self.user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
        self.client.force_login(self.user)
        self.section = AgreementIndexPage.objects.get(locale__language_code="ru")

    def test_editor_creates_a_regulation_with_sections(self):
        data = nested_form_data(
            {
                "title": "Положение о тестовом сотрудничестве",
                "slug": "test-regulation",
                "status": "in_force",
                "body": streamfield(
                    [
                        (
                            "section",
                            {
                                "title": "Общие положения",
                                "numbered_clauses": True,
                                "clauses": streamfield(
                                    [
                                        ("item", {"text": "Первый пункт.", "items": streamfield([])}),
                                        (
                                            "item",
                                            {
                                                "text": "Второй пункт:",
                                                "items": streamfield([("item", "подпункт а;")]),
                                            },
                                        ),
                                    ]
                                ),
                            },
                        )
                    ]
                ),
                "action-publish": "publish",
            }
        )
        self.assertCanCreate(self.section, RegulationPage, data)
        page = RegulationPage.objects.get(slug="test-regulation")
        section = page.body[0].value
        self.assertEqual(section["title"], "Общие положения")
        self.assertEqual([c["text"] for c in section["clauses"]], ["Первый пункт.", "Второй пункт:"])
        self.assertEqual(list(section["clauses"][1]["items"]), ["подпункт а;"])
        html = self.client.get(page.url).content.decode()
        self.assertIn('id="p-1-2"', html)
        self.assertIn("подпункт а;", html)

    def test_chronicle_admin_cannot_edit_or_delete(self):
        from django.urls import reverse

        from tests.helpers import snippet_url_name

        entry = ChronicleEntry.objects.filter(live=True).first()
        self.assertEqual(self.client.get(reverse(snippet_url_name(ChronicleEntry, "list"))).status_code, 200)
        for action in ("edit", "delete"):
            url = reverse(snippet_url_name(ChronicleEntry, action), args=[entry.pk])
            self.assertEqual(self.client.get(url).status_code, 302)
            self.assertEqual(self.client.post(url, {"note": "переписано"}).status_code, 302)
        entry.refresh_from_db()
        self.assertTrue(entry.live)
        self.assertEqual(entry.note, "")


@pytest.mark.django_db
@pytest.mark.parametrize("query, name", garbage_cases("region", "kind"))
def test_directory_reports_garbage_in_every_filter(client, query, name):
    response = client.get("/ru/partnerships/libraries/?" + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert_filter_ignored(html, LibraryFilterSet, name)
    # Nothing was filtered out.
    assert response.context["libraries"].paginator.count == (
        client.get("/ru/partnerships/libraries/").context["libraries"].paginator.count
    )
    assert "<script>" not in main(html)


@pytest.mark.django_db
def test_directory_valid_filter_still_filters_beside_garbage(client):
    response = client.get("/ru/partnerships/libraries/?region=31&kind=%ff")
    slugs = {lib.slug for lib in response.context["libraries"]}
    assert "bgunb" in slugs and "rgb" not in slugs
    assert_filter_ignored(response.content.decode(), LibraryFilterSet, "kind")


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["q=" + "а" * 256, "q=Алексеевка%00", "q=%00"])
def test_finder_refuses_a_nul_byte_or_an_overlong_name(client, query):
    from partnerships.models import NamesakeFinderPage

    finder = NamesakeFinderPage.objects.get(locale__language_code="ru")
    response = client.get(finder.url + "?" + query)
    assert response.status_code == 200
    assert "results" not in response.context
    assert_filter_ignored(response.content.decode(), NamesakeFinderFilterSet, "q")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["q=%ff", "q=abc", "q=-1", "q=%3Cscript%3E", "q=Алексеевка&q=%ff%fe", "q=" + "я" * 255]
)
def test_finder_takes_any_other_text_as_a_name(client, query):
    from partnerships.models import NamesakeFinderPage

    finder = NamesakeFinderPage.objects.get(locale__language_code="ru")
    response = client.get(finder.url + "?" + query)
    assert response.status_code == 200
    assert response.context["results"] == []
    html = response.content.decode()
    assert filter_notice(html) is None
    assert "<script>" not in main(html)
