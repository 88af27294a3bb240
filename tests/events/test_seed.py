import datetime

import icalendar
import pytest

from django.test import Client
from django.utils import translation

from documents.models import OfficialDocument
from events.models import EventIndexPage, EventPage
from tests.events.helpers import star_buttons, star_url

pytestmark = pytest.mark.usefixtures("seeded")


def ryazan(language="ru"):
    return EventPage.objects.get(slug="ryazan-forum-2024", locale__language_code=language)


def meeting(language="ru"):
    return EventPage.objects.get(slug="annual-meeting-2023", locale__language_code=language)


def test_ryazan_forum_carries_every_fact_of_the_programme():
    page = ryazan()
    assert page.start_date == datetime.date(2024, 4, 17)
    assert page.end_date == datetime.date(2024, 4, 18)
    assert page.city == "Рязань"
    assert page.broadcast_platform == "Культура.РФ"
    assert [h.name for h in page.halls.all()] == [
        "Горьковский зал",
        "Мультимедийный зал",
        "Большой конференц-зал",
        "Малый конференц-зал",
        "Краеведческий информационный отдел",
    ]
    supporters = [p.name for p in page.participants.all() if p.role == "supporter"]
    organisers = [p.name for p in page.participants.all() if p.role == "organiser"]
    assert supporters == ["Министерство культуры Российской Федерации", "Правительство Рязанской области"]
    assert len(organisers) == 9
    assert organisers[0] == "Российская государственная библиотека"
    assert organisers[-1] == "Рязанское библиотечное общество"
    assert page.key_questions.count() == 8
    assert page.formats.count() == 6
    programme = page.get_programme()
    assert [d.date for d in programme.days] == [datetime.date(2024, 4, 17), datetime.date(2024, 4, 18)]
    day_one = programme.days[0].sessions
    assert day_one[0].format == "expert_session"
    assert [s.track_number for s in day_one] == [None, 1, 2, 3]
    assert all(s.recording_url.startswith("https://www.culture.ru/live/broadcast/") for s in day_one)
    with translation.override("ru"):  # the platform's name is in the reader's language
        assert {s.provider_name for s in day_one} == {"Культура.РФ"}
    assert programme.days[1].sessions[0].format == "special_event"
    # The source gives no times.
    assert all(s.start_time is None for s in programme.sessions)


def test_annual_meeting_and_its_letter():
    page = meeting()
    assert page.kind == "meeting"
    (venue,) = [link.venue for link in page.event_venues.all()]
    assert (venue.name, venue.address, venue.city) == (
        "Российская государственная библиотека",
        "Дом Пашкова",
        "Москва",
    )
    assert venue.library.slug == "rgb"
    assert page.registration_url == "https://www.rsl.ru/"
    assert page.contests.count() == 4
    assert page.directions.count() == 6
    roles = [(p.role, p.name) for p in page.participants.all()]
    assert roles[-1] == ("participating", "Российская государственная детская библиотека")
    contacts = list(page.contacts.all())
    assert [(c.phone, c.extension) for c in contacts] == [
        ("+7 (495) 629-10-10", "1782"),
        ("+7 (499) 557-04-70", "2252"),
    ]
    letter = page.related_documents.get().document
    assert letter.number == "606-01.1-39@-НП"
    assert letter.date == datetime.date(2023, 10, 10)
    assert letter.signatory_name == "Н.А. Преподобная"
    assert "mail@mkrf.ru" in letter.sender_details
    assert len(letter.addressee_list) == 2
    english = OfficialDocument.objects.get(translation_key=letter.translation_key, locale__language_code="en")
    assert english.number == letter.number
    assert english.signatory_position == "State Secretary — Deputy Minister"


def test_english_translations_are_real():
    index = EventIndexPage.objects.get(locale__language_code="en")
    assert index.title == "Events"
    page = ryazan("en")
    assert page.title.startswith("All-Russian Forum")
    assert [h.name for h in page.halls.all()][0] == "Gorky Hall"
    assert page.get_programme().days[0].title == "Day one"
    # Block ids survive translation, so session anchors are shared by the languages.
    assert [s.id for s in page.get_programme().sessions] == [s.id for s in ryazan().get_programme().sessions]
    assert meeting("en").contacts.first().name == "Irina Vasilyevna Timchishina"


def test_belarusian_translations_are_real():
    assert EventIndexPage.objects.get(locale__language_code="be").title == "Падзеі"
    page = ryazan("be")
    assert page.title.startswith("Усерасійскі форум «Роля цэнтральных бібліятэк")
    assert page.city == "Разань"
    assert [h.name for h in page.halls.all()][0] == "Горкаўская зала"
    assert [d.title for d in page.get_programme().days] == ["Першы дзень", "Другі дзень"]
    assert [s.id for s in page.get_programme().sessions] == [s.id for s in ryazan().get_programme().sessions]
    annual = meeting("be")
    assert annual.contacts.first().name == "Цімчышына Ірына Васільеўна"
    assert annual.main_theme.startswith("«Сумеснай працай ствараем паспяховую будучыню бібліятэк")
    letter = annual.related_documents.get().document.get_translation(annual.locale)
    assert letter.locale.language_code == "be"
    assert letter.signatory_position == "Статс-сакратар — намеснік міністра"
    html = Client().get(page.url).content.decode()
    assert '<html lang="be">' in html and "Горкаўская зала" in html


def test_session_urls_keep_their_published_ids():
    """Each session's calendar file has a public URL with the session's block id: pinned in the data."""
    first = ryazan().get_programme().sessions[0]
    assert first.id == "4deaee06-a404-5db6-8b20-91e3df03219b"
    response = Client().get(f"{ryazan().url}sessions/{first.id}/calendar/")
    assert response.status_code == 200
    assert icalendar.Calendar.from_ical(response.content).walk("VEVENT")


def test_seeded_pages_render_and_export():
    client = Client()
    for page in (ryazan(), ryazan("en"), ryazan("be"), meeting(), meeting("en"), meeting("be")):
        response = client.get(page.url)
        assert response.status_code == 200
        response = client.get(page.url + "calendar/")
        assert response.status_code == 200
        cal = icalendar.Calendar.from_ical(response.content)
        assert cal.walk("VEVENT")


def test_meeting_page_links_the_letter_in_the_registry():
    client = Client()
    for language in ("ru", "en"):
        page = meeting(language)
        letter = page.related_documents.get().document.get_translation(page.locale)
        url = letter.get_url()
        html = client.get(page.url).content.decode()
        # Linked to the registry when the documents section exists, plain text otherwise.
        expected = f'<a href="{url}">{letter.title}</a>' if url else f"<li>{letter.title} — "
        assert expected in html
        if url:
            assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    ("language", "expected"),
    [("ru", "17–18\xa0апреля 2024"), ("en", "17–18\xa0April 2024")],
)
def test_event_dates_read_as_a_range_in_the_reader_language(language, expected):
    html = Client().get(ryazan(language).url).content.decode()
    assert f'<time datetime="2024-04-17">{expected}</time>' in html
    assert "28–29\xa0ноября 2023" in Client().get(meeting().url).content.decode()


@pytest.mark.parametrize("language, heading", [("ru", "Моя программа"), ("en", "My programme")])
def test_seeded_forum_offers_the_personal_programme(client, language, heading):
    page = EventPage.objects.get(slug="ryazan-forum-2024", locale__language_code=language)
    html = client.get(page.url).content.decode()
    assert len(star_buttons(html)) == 5
    first = page.get_programme().sessions[0]
    client.post(star_url(page), {"session": first.code, "action": "add"})
    mine = client.get(page.url + "my/").content.decode()
    assert f"<h1>{heading}</h1>" in mine
    assert first.title in mine
