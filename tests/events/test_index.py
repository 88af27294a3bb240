import datetime

import pytest

from django.utils import timezone

from events.forms import EventFilterSet
from events.models import EventIndexPage
from tests.factories import EventPageFactory
from tests.helpers import assert_filter_ignored, garbage_cases, main

pytestmark = pytest.mark.django_db


def section(html, heading_id):
    return html.split(f'id="{heading_id}"', 1)[1].split("</section>", 1)[0]


def test_index_lives_under_home_only():
    from home.models import HomePage

    assert EventIndexPage.parent_page_types == ["home.HomePage"]
    assert "events.EventIndexPage" in HomePage.subpage_types


@pytest.mark.usefixtures("seeded")
def test_running_multi_day_event_is_current_until_its_last_day(client, events_index):
    today = timezone.localdate()
    EventPageFactory(
        parent=events_index,
        title="Идущий форум",
        start_date=today - datetime.timedelta(days=2),
        end_date=today,
    )
    EventPageFactory(
        parent=events_index, title="Вчерашний семинар", start_date=today - datetime.timedelta(days=1)
    )
    html = client.get(events_index.url).content.decode()
    upcoming, past = section(html, "upcoming-heading"), section(html, "past-heading")
    assert "Идущий форум" in upcoming and "Идущий форум" not in past
    assert "badge" in upcoming.split("Идущий форум", 1)[1]
    assert "Вчерашний семинар" in past and "Вчерашний семинар" not in upcoming
    # The seeded events are in the past.
    assert "Ежегодное совещание" in past


@pytest.mark.usefixtures("seeded")
def test_filters_by_year_and_kind(client, events_index):
    response = client.get(events_index.url, {"year": "2023"})
    html = response.content.decode()
    assert "Ежегодное совещание" in html and "Рязан" not in section(html, "past-heading")
    html = client.get(events_index.url, {"kind": "forum"}).content.decode()
    past = section(html, "past-heading")
    assert "Всероссийский форум" in past and "Ежегодное совещание" not in past
    html = client.get(events_index.url, {"kind": "meeting", "year": "2024"}).content.decode()
    assert "Ежегодное совещание" not in html and "Всероссийский форум" not in section(html, "past-heading")


@pytest.mark.usefixtures("seeded")
@pytest.mark.parametrize(
    "query",
    [
        {"year": "abc"},
        {"year": "99999999999999999999"},
        {"year": "-1"},
        {"kind": "zzz"},
        {"kind": "<script>"},
        {"page": "999999"},
        {"page": "abc"},
        {"page": "-5"},
        {"year": "abc", "kind": "zzz", "page": "999999"},
    ],
)
def test_garbage_filters_give_a_clean_page(client, events_index, query):
    response = client.get(events_index.url, query)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="notice"' in html
    # Bad filters are ignored: the seeded events are still listed.
    assert "Ежегодное совещание" in html
    assert "<script>" not in html.split("<main", 1)[1].split("</main>", 1)[0]


@pytest.mark.usefixtures("seeded")
def test_past_events_are_paginated(client, events_index):
    for n in range(12):
        EventPageFactory(
            parent=events_index, title=f"Архивное событие {n:02d}", start_date=datetime.date(2010, 1, n + 1)
        )
    first = client.get(events_index.url).content.decode()
    assert first.count('class="event-card"') == 10
    last = client.get(events_index.url, {"page": "2"}).content.decode()
    # 12 + the two seeded events = 14 past events: 4 on page two, the oldest last.
    assert last.count('class="event-card"') == 4
    assert "Архивное событие 00" in last
    clamped = client.get(events_index.url, {"page": "999999"}).content.decode()
    assert clamped.count('class="event-card"') == 4
    assert 'rel="prev" href="?page=1"' in last


def test_pagination_keeps_the_filters(client, events_index):
    for n in range(11):
        EventPageFactory(parent=events_index, title=f"Форум {n}", start_date=datetime.date(2011, 2, n + 1))
    html = client.get(events_index.url, {"year": "2011"}).content.decode()
    assert 'href="?year=2011&amp;page=2"' in html


@pytest.mark.usefixtures("seeded")
@pytest.mark.parametrize("query, name", garbage_cases("year", "kind"))
def test_garbage_in_every_filter_is_reported_and_ignored(client, events_index, query, name):
    response = client.get(events_index.url + "?" + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert_filter_ignored(html, EventFilterSet, name)
    past = section(html, "past-heading")
    assert "Ежегодное совещание" in past and "Всероссийский форум" in past
    assert "<script>" not in main(html)


@pytest.mark.usefixtures("seeded")
def test_valid_filter_still_filters_beside_garbage(client, events_index):
    html = client.get(events_index.url + "?kind=forum&year=" + "2" * 400).content.decode()
    past = section(html, "past-heading")
    assert "Всероссийский форум" in past and "Ежегодное совещание" not in past
    assert_filter_ignored(html, EventFilterSet, "year")
    assert '<option value="forum" selected>' in html
