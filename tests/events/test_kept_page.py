"""The event page in production: its programme, participants, letters and JSON-LD are kept
fragments, so another variant of the URL (consent, low-vision settings, campaign tags) builds none
of them; a reader's own variant (stars, filters, «now / next», a preview) is rendered for them."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from events import programme as programme_module
from events.models import EventPage
from events.personal import cookie_name
from tests.factories import EventHallFactory, EventPageFactory, day, session

pytestmark = pytest.mark.django_db


@pytest.fixture
def forum(events_index):
    page = EventPageFactory(
        parent=events_index,
        slug="kept-forum",
        start_date=datetime.date(2030, 5, 20),
        end_date=datetime.date(2030, 5, 21),
    )
    EventHallFactory(page=page, name="Малый зал", locale=page.locale)
    page.programme = [
        day(
            "2030-05-20",
            [
                session("Открытие", hall="Малый зал", start="10:00", end="11:00"),
                session("Секция А", track=1, start="11:30", end="13:00"),
                session("Секция Б", track=2, start="11:30", end="13:00"),
            ],
        )
    ]
    page.save_revision().publish()
    return EventPage.objects.get(pk=page.pk)


@pytest.fixture
def built(monkeypatch):
    """How many times a programme was built from the page's StreamField."""
    calls, original = [], programme_module.Programme.__init__

    def counted(self, *args, **kwargs):
        calls.append(1)
        original(self, *args, **kwargs)

    monkeypatch.setattr(programme_module.Programme, "__init__", counted)
    return calls


def main(response):
    assert response.status_code == 200
    return response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]


def test_another_variant_of_the_page_builds_no_programme_and_shows_the_same(
    client, fragments_kept, forum, built
):
    first = client.get(forum.url)
    assert built == [1]
    built.clear()
    variant = client.get(forum.url + "?utm_source=newsletter")
    assert built == []
    assert main(variant) == main(first)
    assert "Секция А" in main(variant) and 'type="application/ld+json"' in variant.content.decode()


def test_a_published_change_is_on_the_page_at_once(client, fragments_kept, forum):
    client.get(forum.url)
    forum.programme[0].value["sessions"][0].value["title"] = "Торжественное открытие"
    forum.save_revision().publish()
    assert "Торжественное открытие" in main(client.get(forum.url + "?utm_source=newsletter"))


def test_filters_stars_and_a_running_event_are_rendered_for_the_reader(
    client, fragments_kept, forum, built, monkeypatch
):
    opening = forum.get_programme().sessions[0]
    client.get(forum.url)
    built.clear()
    filtered = main(client.get(forum.url, {"track": "1"}))
    assert "Секция А" in filtered and "Секция Б" not in filtered

    client.cookies[cookie_name(forum)] = opening.code
    starred = main(client.get(forum.url))
    assert starred.count('data-starred="true"') == 1
    del client.cookies[cookie_name(forum)]

    moment = datetime.datetime(2030, 5, 20, 10, 15, tzinfo=ZoneInfo("Europe/Moscow"))
    monkeypatch.setattr(programme_module, "site_now", lambda: moment)
    running = main(client.get(forum.url))
    assert 'class="now-next"' in running and "Открытие" in running.split('class="now-next"', 1)[1]
    assert len(built) == 3  # one programme for each
    # None of them replaced the shared copy.
    monkeypatch.undo()
    assert 'class="now-next"' not in main(client.get(forum.url + "?utm_source=newsletter"))


def test_a_preview_of_a_draft_is_never_kept(client, fragments_kept, forum):
    draft = EventPage.objects.get(pk=forum.pk)
    draft.programme[0].value["sessions"][0].value["title"] = "Черновое название"
    preview = draft.make_preview_request()
    assert "Черновое название" in preview.content.decode()
    # Wagtail renders a preview for the default site's host, which is the readers' one in production.
    assert preview.context_data["request"].get_host() == "localhost"
    page = main(client.get(forum.url, HTTP_HOST="localhost"))
    assert "Черновое название" not in page and "Открытие" in page
