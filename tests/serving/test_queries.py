"""At most 10 SQL queries for a public page of every type on a page-cache miss in a warm process,
at seed size and with many rows (tests.factories.bulk); `make bench` measures 10,000 libraries.

"Warm" means the process has served the same address before with another query string: the
frame's fragments (menu, footer, site, locales, small tables) are in the cache, the page is not.
Each test warms its own address; the cache is emptied when the rows change (at the start of the
module and once the many rows are in), not between tests, so the fragments other pages of the same
rows cached are there too, as in a process that has served the site for a while.
"""

import pytest

from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from tests.factories.bulk import many_rows

MAX_QUERIES = 10

PAGES = {
    "home": "/ru/",
    "home_en": "/en/",
    "agreements": "/ru/partnerships/",
    "agreement": "/ru/partnerships/amur-nlb-2024/",
    "agreement_en": "/en/partnerships/amur-nlb-2024/",
    "chronicle_feed": "/ru/partnerships/amur-nlb-2024/chronicle/feed/",
    "regulation": "/ru/partnerships/regulation/",
    "directory": "/ru/partnerships/libraries/",
    "directory_filtered": "/ru/partnerships/libraries/?kind=municipal&page=2",
    "directory_en": "/en/partnerships/libraries/",
    "library_profile": "/ru/partnerships/libraries/amur-ounb/",
    "library_profile_en": "/en/partnerships/libraries/amur-ounb/",
    "finder": "/ru/partnerships/namesakes/?q=Алексеевка",
    "finder_page_2": "/ru/partnerships/namesakes/?q=Алексеевка&page=2&names=2",
    "movement": "/ru/dvizhenie/",
    "movement_en": "/en/dvizhenie/",
    "campaign": "/ru/dvizhenie/flashmob-2024/",
    "campaign_en": "/en/dvizhenie/flashmob-2024/",
    "campaign_page_3": "/ru/dvizhenie/flashmob-2024/?participants=3",
    "banner_kit": "/ru/dvizhenie/flashmob-2024/kit/social/",
    "qr_code": "/ru/dvizhenie/qr/svg/",
    "events": "/ru/events/",
    "events_upcoming_2": "/ru/events/?upcoming=2&page=2",
    "event": "/ru/events/ryazan-forum-2024/",
    "event_en": "/en/events/annual-meeting-2023/",
    "events_calendar": "/ru/events/calendar/",
    "event_calendar": "/ru/events/ryazan-forum-2024/calendar/",
    "documents": "/ru/official-documents/",
    "open_data": "/ru/open-data/",
    "document": "/ru/official-documents/bgunb-2024-01-16-124/",
    "news": "/ru/news/",
    "news_en": "/en/news/",
    "news_by_topic": "/ru/news/?topic=book-heritage",
    "news_year": "/ru/news/2024/",
    "article": "/ru/news/amur-belarus-libraries-agreement/",
    "article_en": "/en/news/amur-belarus-libraries-agreement/",
    "rss": "/ru/news/feed/rss/",
    "atom": "/en/news/feed/atom/",
    "search": "/ru/search/?q=библиотека",
    "search_libraries": "/ru/search/?q=библиотека&type=library",
    "search_page_2": "/ru/search/?q=библиотека&page=2",
    "search_en": "/en/search/?q=library",
    "sitemap": "/sitemap.xml",
    "sitemap_pages": "/sitemap-pages.xml",
    "sitemap_libraries": "/sitemap-libraries-ru.xml",
    "robots": "/robots.txt",
    # Exports and the read API list many rows of one kind each.
    "open_data_events": "/ru/open-data/events/csv/",
    "open_data_agreements": "/ru/open-data/agreements/csv/",
    "api_agreements": "/api/v2/agreements/",
    "api_events": "/api/v2/pages/?type=events.EventPage&fields=programme",
}


def queries_on_a_miss(client, url):
    """(response, queries) of ``url`` after the same address with another query string warmed the
    process; the page itself is not in the page cache."""
    # The read API refuses parameters it does not know: it is warmed with one it does.
    variant = "offset=0" if url.startswith("/api/") else "warm=1"
    warm = client.get(url + ("&" if "?" in url else "?") + variant)
    assert warm.status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    assert response.get("X-Page-Cache") != "hit", url
    return response, queries


def report(url, queries):
    statements = "\n".join(query["sql"][:200] for query in queries.captured_queries)
    return f"{len(queries)} queries for {url}:\n{statements}"


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


# The renditions the pages show (templates and core.inlines), made once for the module: each test
# is rolled back, and its warm-up request would otherwise resize and encode the seed's images again.
RENDITIONS = ("fill-1200x630", "fill-480x270", "width-1200", "width-800")


@pytest.fixture(scope="module")
def renditions(seeded_database, django_db_blocker):
    """The seed's images with their renditions, for this module's tests only (rolled back at its end)."""
    from wagtail.images import get_image_model

    cache.clear()
    with django_db_blocker.unblock(), transaction.atomic():
        for image in get_image_model().objects.all():
            image.get_renditions(*RENDITIONS)
        yield
        transaction.set_rollback(True)
    cache.clear()


@pytest.fixture(scope="module")
def large(renditions, django_db_blocker):
    """Many rows on top of the seed, for this module's tests only (rolled back at its end)."""
    with django_db_blocker.unblock(), transaction.atomic():
        urls = many_rows()
        cache.clear()  # nothing cached at seed size is served with the rows
        yield {**PAGES, **urls}
        transaction.set_rollback(True)
    cache.clear()


@pytest.mark.parametrize("page_type", PAGES)
def test_at_seed_size(page_type, renditions, seeded, page_cache_on, client):
    url = PAGES[page_type]
    _response, queries = queries_on_a_miss(client, url)
    assert len(queries) <= MAX_QUERIES, report(url, queries)


# Languages differ in the frame only, which the seed-size test covers: the rows are the point here.
@pytest.mark.parametrize("page_type", [name for name in PAGES if not name.endswith("_en")])
def test_with_many_rows(page_type, large, db, page_cache_on, client):
    url = large[page_type]
    _response, queries = queries_on_a_miss(client, url)
    assert len(queries) <= MAX_QUERIES, report(url, queries)


def test_the_large_pages_list_what_the_rows_add(large, db, client):
    """The many rows are really there: pages list and paginate them, bounded."""
    profile = client.get(large["library_profile"]).content.decode()
    assert profile.count('library-card"') <= 12 + 1
    assert "поиске библиотек-тёзок" in profile
    finder = client.get(large["finder"])
    assert finder.context["result_count"] >= 20 and len(finder.context["results"]) <= 50
    campaign = client.get(large["campaign_page_3"])
    participants = campaign.context["participants"]
    assert participants["libraries"] >= 120 and participants["page"].number == 3
    assert sum(len(group["reports"]) for group in participants["groups"]) <= 50
    events = client.get("/ru/events/")
    assert len(events.context["upcoming_events"].object_list) == 10
    assert events.context["upcoming_events"].paginator.num_pages >= 2
    search = client.get(large["search"])
    assert search.context["page_obj"].paginator.count > 100
