"""What readers tripped over on the event pages (issue 14): a meeting that is over is told in the
past tense beside its «Took place» badge, the broadcast is a link, names with an English form are
shown in English."""

import pytest
from bs4 import BeautifulSoup

from events.models import EventPage

pytestmark = pytest.mark.usefixtures("seeded")

# Present-tense words of an event announcement, which a past event must not keep.
PRESENT = {
    "ru": ["проходит", "состоится"],
    "en": [" hosts ", "will be held"],
    "be": ["праходзіць", "адбудзецца"],
}
TOOK_PLACE = {"ru": "Состоялось", "en": "Took place", "be": "Адбылося"}


@pytest.mark.parametrize("language", ["ru", "en", "be"])
def test_past_meeting_is_told_in_the_past_tense(client, language):
    meeting = EventPage.objects.get(slug="annual-meeting-2023", locale__language_code=language)
    html = BeautifulSoup(client.get(meeting.url).content, "html.parser")
    lead = html.select_one("main .page-header .lead").get_text(" ", strip=True)
    assert not [word for word in PRESENT[language] if word in f" {lead} "], lead
    assert html.select_one("main .facts .badge--past").get_text(strip=True) == TOOK_PLACE[language]


@pytest.mark.parametrize(
    ("language", "label", "platform"),
    [
        ("ru", "Трансляция", "Культура.РФ"),
        ("en", "Broadcast", "Kultura.RF"),
        ("be", "Трансляцыя", "Культура.РФ"),
    ],
)
def test_broadcast_is_a_link_with_the_platform_name(client, language, label, platform):
    forum = EventPage.objects.get(slug="ryazan-forum-2024", locale__language_code=language)
    html = BeautifulSoup(client.get(forum.url).content, "html.parser")
    term = next(dt for dt in html.select("main .facts dt") if dt.get_text(strip=True) == label)
    link = term.find_next_sibling("dd").find("a")
    assert link is not None and link["href"], term.find_next_sibling("dd")
    target = html.select_one(link["href"]) if link["href"].startswith("#") else None
    assert link["href"].startswith("http") or target is not None
    assert platform in link.get_text()
    recordings = list(html.select("main .session a[href^='https://www.culture.ru/']"))
    assert recordings and all(platform in a.get_text() for a in recordings)
    if language == "en":
        assert "Культура.РФ" not in html.select_one("main").get_text()
