"""Many rows at once, on top of the seed content: libraries, news, events, agreements and
participation reports, for the query-count tests (a few hundred rows) and ``make bench`` (10,000
libraries, 2,000 news, 500 events).

Rows that plain models hold are bulk-created; pages go through the tree one by one, without
revisions. Everything is added to the search index, in bulk once the rows exist. Like the
bulk-created rows, the pages stay out of the reference index (the admin's usage counts).
``many_rows()`` returns URLs of pages that the rows make large: a profile in a settlement with many
namesakes, an article linking many rows…
"""

import datetime
import uuid

from django.utils import timezone

from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from core.seeding.indexing import saved_without_indexing
from events.models import EventIndexPage, EventPage, EventParticipant
from libraries.models import Library, Region
from libraries.naming import normalise_settlement
from movement.models import CampaignPage, ParticipationReport
from movement.models.participation import library_key
from news.models import NewsIndexPage, NewsPage, NewsPageLibrary, NewsPageRegion, NewsPageTopic, Topic
from partnerships.models import AgreementIndexPage, AgreementPage, ChronicleEntry

# A settlement name shared by many libraries in many regions: its namesake lists grow with the data.
COMMON_SETTLEMENT = "Тёзкино"
BATCH = 1000


def _regions(russian):
    regions = list(Region.objects.filter(locale=russian).order_by("code"))
    if len(regions) < 5:
        regions += [
            Region.objects.create(locale=russian, code=f"B{n}", name=f"Массовая область {n}")
            for n in range(5)
        ]
    return regions


def _libraries(count, russian, english, regions, run):
    rows = []
    for n in range(count):
        # One library in ten lives in the common settlement; the others in one of many small ones.
        settlement = COMMON_SETTLEMENT if n % 10 == 0 else f"Посёлок {n % 997}"
        rows.append(
            Library(
                locale=russian,
                full_name=f"Массовая библиотека № {n} ({run})",
                short_name=f"МБ-{n}",
                slug=f"bulk-{run}-{n}",
                kind=Library.Kind.MUNICIPAL,
                region=regions[n % len(regions)],
                settlement_type="село",
                settlement=settlement,
                settlement_key=normalise_settlement(settlement),
                address=f"ул. Библиотечная, {n}",
                email=f"library{n}@example.org",
            )
        )
    created = Library.objects.bulk_create(rows, batch_size=BATCH)
    # Every fifth library has a published English translation.
    translations = [
        Library(
            locale=english,
            translation_key=library.translation_key,
            full_name=f"Bulk library No. {n} ({run})",
            slug=library.slug,
            kind=library.kind,
            region_id=library.region_id,
            settlement=library.settlement,
            settlement_key=library.settlement_key,
        )
        for n, library in enumerate(created)
        if n % 5 == 0
    ]
    created += Library.objects.bulk_create(translations, batch_size=BATCH)
    return created


def _news(count, russian, libraries, regions, run):
    index = NewsIndexPage.objects.get(locale=russian)
    topics = list(Topic.objects.filter(locale=russian)) or [
        Topic.objects.create(locale=russian, name="Массовая тема", slug=f"bulk-{run}")
    ]
    start = timezone.now()
    pages = []
    for n in range(count):
        page = NewsPage(
            title=f"Массовая новость {n} ({run})",
            slug=f"bulk-news-{run}-{n}",
            introduction="Библиотеки провели совместную акцию и подписали соглашение о сотрудничестве.",
            publication_date=start - datetime.timedelta(hours=n),
        )
        index.add_child(instance=page)
        pages.append(page)
    NewsPageTopic.objects.bulk_create(
        [
            NewsPageTopic(page=page, topic=topics[n % len(topics)], sort_order=0)
            for n, page in enumerate(pages)
        ]
    )
    NewsPageRegion.objects.bulk_create(
        [
            NewsPageRegion(page=page, region=regions[(n + k) % len(regions)], sort_order=k)
            for n, page in enumerate(pages)
            for k in range(2)
        ]
    )
    NewsPageLibrary.objects.bulk_create(
        [
            NewsPageLibrary(page=page, library=libraries[(n * 3 + k) % len(libraries)], sort_order=k)
            for n, page in enumerate(pages)
            for k in range(3)
        ]
    )
    return pages


def _events(count, russian, libraries, run):
    index = EventIndexPage.objects.get(locale=russian)
    today = timezone.localdate()
    pages = []
    for n in range(count):
        # Two in three are still to come: the upcoming list grows with the data too.
        start = today + datetime.timedelta(days=n + 1) if n % 3 else today - datetime.timedelta(days=n + 1)
        page = EventPage(
            title=f"Массовое событие {n} ({run})",
            slug=f"bulk-event-{run}-{n}",
            kind="meeting",
            start_date=start,
            city="Рязань",
            venue_name="Областная библиотека",
            introduction="Встреча библиотекарей.",
        )
        index.add_child(instance=page)
        pages.append(page)
    EventParticipant.objects.bulk_create(
        [
            EventParticipant(
                page=page,
                locale=russian,
                name=f"Участник {k}",
                role=EventParticipant.Role.ORGANISER,
                library=libraries[(n + k) % len(libraries)],
                sort_order=k,
            )
            for n, page in enumerate(pages)
            for k in range(4)
        ]
    )
    return pages


def _agreements(count, russian, libraries, run):
    index = AgreementIndexPage.objects.get(locale=russian)
    pages = []
    for n in range(count):
        page = AgreementPage(
            title=f"Массовое соглашение {n} ({run})",
            slug=f"bulk-agreement-{run}-{n}",
            kind=AgreementPage.Kind.MULTILATERAL,
            date_signed=datetime.date(2024, 1, 1) + datetime.timedelta(days=n),
        )
        index.add_child(instance=page)
        pages.append(page)
    entries = [
        ChronicleEntry(
            agreement=page,
            date=page.date_signed,
            kind=ChronicleEntry.Kind.JOIN,
            library=libraries[(n * 5 + k) % len(libraries)],
            locale=russian,
            live=True,
        )
        for n, page in enumerate(pages)
        for k in range(5)
    ]
    ChronicleEntry.objects.bulk_create(entries)
    return pages


def _reports(count, campaign, regions, run):
    rows = []
    for n in range(count):
        name, region, settlement = f"Библиотека-участница {n} ({run})", regions[n % len(regions)], f"Село {n}"
        rows.append(
            ParticipationReport(
                campaign=campaign,
                library_name=name,
                library_key=library_key(name, region.pk, settlement),
                region=region,
                settlement=settlement,
                library_kind=Library.Kind.MUNICIPAL,
                post_url=f"https://vk.com/wall-{n}",
                contact_email=f"report{n}@example.org",
                status=ParticipationReport.Status.APPROVED,
                consent_given=True,
            )
        )
    ParticipationReport.objects.bulk_create(rows, batch_size=BATCH)


def many_rows(libraries=200, news=30, events=30, agreements=25, reports=120):
    """Add the rows on top of the seed content; returns ``{page type: URL}`` of large pages."""
    run = uuid.uuid4().hex[:6]
    russian = Locale.objects.get(language_code="ru")
    english = Locale.objects.get(language_code="en")
    regions = _regions(russian)
    library_rows = _libraries(libraries, russian, english, regions, run)
    sources = [library for library in library_rows if library.locale_id == russian.pk]
    with saved_without_indexing([NewsPage, EventPage, AgreementPage]):
        news_pages = _news(news, russian, sources, regions, run)
        event_pages = _events(events, russian, sources, run)
        agreement_pages = _agreements(agreements, russian, sources, run)
    campaign = CampaignPage.objects.filter(locale=russian).first()
    _reports(reports, campaign, regions, run)

    backend = get_search_backend()
    indexed = (
        (Library, library_rows),
        (NewsPage, news_pages),
        (EventPage, event_pages),
        (AgreementPage, agreement_pages),
    )
    for model, objects in indexed:
        for start in range(0, len(objects), BATCH):
            backend.add_bulk(model, objects[start : start + BATCH])

    common = sources[0]  # in the common settlement, with many namesakes
    article = news_pages[0]
    return {
        "library_profile": f"/ru/partnerships/libraries/{common.slug}/",
        "library_profile_en": f"/en/partnerships/libraries/{common.slug}/",
        "finder": f"/ru/partnerships/namesakes/?q={COMMON_SETTLEMENT}",
        "finder_page_2": f"/ru/partnerships/namesakes/?q={COMMON_SETTLEMENT}&page=2",
        "article": article.url,
        "event": event_pages[1].url,
        "agreement": agreement_pages[0].url,
        "campaign": campaign.url,
        "campaign_page_3": campaign.url + "?participants=3",
    }
