import datetime
from unittest import mock

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from libraries.models import Library
from movement.forms import ParticipantFilterSet
from movement.models import CampaignPage, ParticipationReport
from tests.factories import CampaignPageFactory, ParticipationReportFactory, RegionFactory
from tests.helpers import assert_filter_ignored, filter_notice, garbage_cases

pytestmark = pytest.mark.django_db


@pytest.fixture
def fresh_campaign(movement):
    return CampaignPageFactory(parent=movement, slug="flashmob-queries")


def add_participants(campaign, count, regions):
    ParticipationReport.objects.bulk_create(
        [
            ParticipationReport(
                campaign=campaign,
                library_name=f"Библиотека {n}",
                library_key=f"key-{n}",
                region=regions[n % len(regions)],
                settlement=f"Село {n}",
                library_kind=Library.Kind.MUNICIPAL if n % 2 else Library.Kind.CENTRAL_REGIONAL,
                post_url=f"https://vk.com/wall-1_{n}",
                contact_email=f"l{n}@example.org",
                status=ParticipationReport.Status.APPROVED,
            )
            for n in range(count)
        ]
    )


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_campaign_page_query_count_does_not_grow_with_participants(client, fresh_campaign):
    regions = [RegionFactory() for _ in range(5)]
    add_participants(fresh_campaign, 10, regions)
    client.get(fresh_campaign.url)  # warm caches shared by every page
    small = count_queries(client, fresh_campaign.url)
    add_participants_more = 490
    ParticipationReport.objects.bulk_create(
        [
            ParticipationReport(
                campaign=fresh_campaign,
                library_name=f"Ещё библиотека {n}",
                library_key=f"more-{n}",
                region=regions[n % 5],
                settlement="Город",
                library_kind=Library.Kind.MUNICIPAL,
                post_url="https://vk.com/wall-2_1",
                contact_email="x@example.org",
                status=ParticipationReport.Status.APPROVED,
            )
            for n in range(add_participants_more)
        ]
    )
    assert ParticipationReport.objects.filter(campaign=fresh_campaign).count() == 500
    large = count_queries(client, fresh_campaign.url)
    assert small == large


def test_participants_grouped_by_region_with_counts_and_filters(client, fresh_campaign):
    north, south = RegionFactory(name="Ааа северная область"), RegionFactory(name="Яяя южная область")
    for _ in range(3):
        ParticipationReportFactory(campaign=fresh_campaign, region=north, library_kind=Library.Kind.MUNICIPAL)
    ParticipationReportFactory(
        campaign=fresh_campaign,
        region=south,
        library_kind=Library.Kind.CENTRAL_REGIONAL,
        library_name="Южная ОНБ",
    )
    context = client.get(fresh_campaign.url).context
    groups = context["participants"]["groups"]
    assert [(g["region"], g["count"]) for g in groups] == [
        ("Ааа северная область", 3),
        ("Яяя южная область", 1),
    ]
    assert context["participants"]["libraries"] == 4
    assert context["participants"]["regions"] == 2

    filtered = client.get(fresh_campaign.url, {"region": south.pk}).context["participants"]
    assert [g["region"] for g in filtered["groups"]] == ["Яяя южная область"]
    by_kind = client.get(fresh_campaign.url, {"kind": Library.Kind.MUNICIPAL}).context["participants"]
    assert by_kind["libraries"] == 3
    assert "Южная ОНБ" not in client.get(fresh_campaign.url, {"kind": "municipal"}).content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"region": "abc"},
        {"region": "-1"},
        {"region": "99999999999999999999999"},
        {"kind": "palace"},
        {"kind": "x" * 5000},
        {"region": "1", "kind": "<script>"},
    ],
)
def test_garbage_filters_are_ignored(client, fresh_campaign, query):
    ParticipationReportFactory(campaign=fresh_campaign)
    response = client.get(fresh_campaign.url, query)
    assert response.status_code == 200
    assert response.context["participants"]["libraries"] == 1
    assert "<script>" not in response.content.decode()


@pytest.mark.usefixtures("seeded")
def test_movement_page_counts_distinct_libraries_and_regions(client, movement, fresh_campaign):
    other = CampaignPageFactory(parent=movement, slug="flashmob-other")
    region_a, region_b = RegionFactory(), RegionFactory()
    ParticipationReportFactory(campaign=fresh_campaign, region=region_a, library_name="А", settlement="Х")
    # The same library in a second campaign counts once.
    ParticipationReportFactory(campaign=other, region=region_a, library_name="А", settlement="Х")
    ParticipationReportFactory(campaign=other, region=region_b, library_name="Б", settlement="У")
    ParticipationReportFactory(
        campaign=other,
        region=region_b,
        library_name="В",
        settlement="У",
        status=ParticipationReport.Status.PENDING,
    )
    response = client.get(movement.url)
    assert response.context["counts"] == {"libraries": 2, "regions": 2}
    # The English page shows the same counts.
    english = movement.get_translation(movement.locale.__class__.objects.get(language_code="en"))
    assert client.get(english.url).context["counts"] == {"libraries": 2, "regions": 2}


@pytest.mark.parametrize(
    "today, state",
    [
        (datetime.date(2024, 6, 5), CampaignPage.State.UPCOMING),
        (datetime.date(2024, 6, 6), CampaignPage.State.RUNNING),
        (datetime.date(2024, 6, 12), CampaignPage.State.RUNNING),
        (datetime.date(2024, 6, 13), CampaignPage.State.FINISHED),
    ],
)
def test_state_follows_the_dates(campaign, today, state):
    with mock.patch.object(CampaignPage, "today", return_value=today):
        assert campaign.state == state


def test_state_uses_the_moscow_date(campaign):
    # 22:30 UTC on 12 June is already 13 June in Moscow: the flashmob is over.
    moment = datetime.datetime(2024, 6, 12, 22, 30, tzinfo=datetime.UTC)
    with mock.patch("django.utils.timezone.now", return_value=moment):
        assert campaign.state == CampaignPage.State.FINISHED


def test_state_is_shown(client, campaign):
    html = client.get(campaign.url).content.decode()
    assert 'class="badge badge--past badge--finished">Завершена<' in html


@pytest.mark.parametrize("query, name", garbage_cases("region", "kind"))
def test_garbage_in_every_participant_filter_is_reported(client, fresh_campaign, query, name):
    ParticipationReportFactory(campaign=fresh_campaign, library_kind=Library.Kind.MUNICIPAL)
    response = client.get(fresh_campaign.url + "?" + query)
    assert response.status_code == 200
    assert response.context["participants"]["libraries"] == 1
    html = response.content.decode()
    assert_filter_ignored(html, ParticipantFilterSet, name)
    assert "<script>" not in html


def test_valid_participant_filter_still_filters_and_garbage_beside_it_shows_the_whole_list(
    client, fresh_campaign
):
    ParticipationReportFactory(campaign=fresh_campaign, library_kind=Library.Kind.MUNICIPAL)
    ParticipationReportFactory(campaign=fresh_campaign, library_kind=Library.Kind.CENTRAL_REGIONAL)
    response = client.get(fresh_campaign.url + "?kind=municipal")
    assert response.context["participants"]["libraries"] == 1
    assert filter_notice(response.content.decode()) is None
    # As before, one value not understood and the whole list is shown; the notice says so.
    response = client.get(fresh_campaign.url + "?kind=municipal&region=%00")
    assert response.context["participants"]["libraries"] == 2
    html = response.content.decode()
    assert_filter_ignored(html, ParticipantFilterSet, "region")
    assert "фильтры не применены" in filter_notice(html)


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "marked"), [("ru", False), ("en", True), ("be", True)])
def test_the_hashtag_is_marked_russian_on_translated_pages(client, seeded, language, marked):
    from bs4 import BeautifulSoup

    from movement.models import CampaignPage

    campaign = CampaignPage.objects.get(locale__language_code=language)
    soup = BeautifulSoup(client.get(campaign.url).content, "html.parser")
    hashtags = soup.select(".hashtag")
    assert hashtags and all(tag.get_text(strip=True).startswith("#") for tag in hashtags)
    assert all((tag.get("lang") == "ru") is marked for tag in hashtags)
