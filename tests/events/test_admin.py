import datetime

import pytest

from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from documents.models import OfficialDocument
from events.models import EventIndexPage, EventPage
from home.models import HomePage

EMPTY_INLINES = (
    "event_venues",
    "halls",
    "participants",
    "key_questions",
    "directions",
    "formats",
    "contests",
    "contacts",
    "related_documents",
)


def event_form(**overrides):
    data = {
        "title": "Форум молодых библиотекарей",
        "slug": "forum-molodyh",
        "introduction": "Двухдневный форум.",
        "kind": "forum",
        "start_date": "2030-05-20",
        "end_date": "2030-05-21",
        "start_time": "",
        "end_time": "",
        "city": "Рязань",
        "venue_name": "Рязанская областная библиотека",
        "venue_address": "",
        "main_theme": "Библиотека будущего",
        "audience": "Молодые специалисты",
        "registration_url": "https://example.org/register",
        "registration_note": "",
        "registration_deadline": "2030-05-01",
        "broadcast_platform": "VK Video",
        "broadcast_url": "",
        "description": streamfield([("paragraph", rich_text("<p>О форуме.</p>"))]),
        "programme": streamfield([]),
        "action-publish": "publish",
    }
    for name in EMPTY_INLINES:
        data[name] = inline_formset([])
    data.update(overrides)
    return nested_form_data(data)


@pytest.mark.usefixtures("seeded")
class EventAdminTests(WagtailPageTestCase):
    def setUp(self):
        self.user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
        # This editor works in English, so messages can be checked by their ids.
        profile = UserProfile.get_for_user(self.user)
        profile.preferred_language = "en"
        profile.save()
        self.client.force_login(self.user)
        self.index = EventIndexPage.objects.get(locale__language_code="ru")

    def post_add(self, data):
        url = reverse("wagtailadmin_pages:add", args=("events", "eventpage", self.index.pk))
        return self.client.post(url, data)

    def test_parent_and_child_rules(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventPage, set())
        self.assertCanCreateAt(EventIndexPage, EventPage)
        self.assertCanNotCreateAt(HomePage, EventPage)

    def test_editor_creates_an_event_with_programme_and_inlines(self):
        letter = OfficialDocument.objects.get(slug="minculture-2023-606", locale__language_code="ru")
        data = event_form(
            halls=inline_formset([{"name": "Горьковский зал"}, {"name": "Малый конференц-зал"}]),
            participants=inline_formset(
                [
                    {"role": "organiser", "name": "Российская государственная библиотека", "library": ""},
                    {"role": "supporter", "name": "Правительство Рязанской области", "library": ""},
                ]
            ),
            key_questions=inline_formset([{"text": "Кадры отрасли"}]),
            contests=inline_formset([{"text": "Конкурс «Библиотечная аналитика»"}]),
            contacts=inline_formset(
                [
                    {
                        "name": "Иванова Елена Александровна",
                        "position": "ученый секретарь",
                        "organisation": "РГБ",
                        "email": "ivanova@example.org",
                        "phone": "+7 (499) 557-04-70",
                        "extension": "2252",
                    }
                ]
            ),
            related_documents=inline_formset([{"document": letter.pk}]),
            programme=streamfield(
                [
                    (
                        "day",
                        {
                            "date": "2030-05-20",
                            "title": "Первый день",
                            "sessions": streamfield(
                                [
                                    (
                                        "session",
                                        {
                                            "start_time": "10:00",
                                            "end_time": "12:00",
                                            "title": "Пленарное заседание",
                                            "format": "plenary",
                                            "track_number": "",
                                            "track_name": "",
                                            "hall": "Горьковский зал",
                                            "moderators": "Н.П. Рожкова",
                                            "speakers": "А.А. Иванов\nБ.Б. Петров",
                                            "description": "Открытие форума.",
                                            "broadcast_url": "https://rutube.ru/video/abc/",
                                            "recording_url": "",
                                            "provider": "",
                                        },
                                    ),
                                    (
                                        "session",
                                        {
                                            "start_time": "",
                                            "end_time": "",
                                            "title": "Лаборатория",
                                            "format": "laboratory",
                                            "track_number": "2",
                                            "track_name": "Дети",
                                            "hall": "малый конференц-зал",
                                            "moderators": "",
                                            "speakers": "",
                                            "description": "",
                                            "broadcast_url": "",
                                            "recording_url": "",
                                            "provider": "youtube",
                                        },
                                    ),
                                ]
                            ),
                        },
                    )
                ]
            ),
        )
        self.assertCanCreate(self.index, EventPage, data)
        page = EventPage.objects.get(slug="forum-molodyh")
        self.assertTrue(page.live)
        self.assertEqual(page.registration_deadline, datetime.date(2030, 5, 1))
        self.assertEqual([h.name for h in page.halls.all()], ["Горьковский зал", "Малый конференц-зал"])
        self.assertEqual([p.role for p in page.participants.all()], ["organiser", "supporter"])
        self.assertEqual(page.contacts.get().extension, "2252")
        self.assertEqual(page.related_documents.get().document, letter)
        self.assertEqual(page.key_questions.get().text, "Кадры отрасли")
        self.assertEqual([b.block_type for b in page.description], ["paragraph"])
        self.assertEqual([b.block_type for b in page.programme], ["day"])
        sessions = page.get_programme().sessions
        self.assertEqual([s.title for s in sessions], ["Пленарное заседание", "Лаборатория"])
        self.assertEqual(sessions[0].start_time, datetime.time(10, 0))
        self.assertEqual(sessions[0].provider_name, "RuTube")
        self.assertEqual(sessions[0].speaker_list, ["А.А. Иванов", "Б.Б. Петров"])
        self.assertEqual(sessions[1].provider_name, "YouTube")
        # Hall names match regardless of case, and point to the hall records.
        self.assertEqual(sessions[1].hall.name, "Малый конференц-зал")
        self.assertPageIsRenderable(page)
        response = self.client.get(page.url)
        self.assertContains(response, "Открытие форума.")
        self.assertContains(response, "Российская государственная библиотека")
        self.assertContains(response, 'href="tel:+74995570470;ext=2252"')

    def test_session_hall_must_be_in_the_list(self):
        data = event_form(
            halls=inline_formset([{"name": "Горьковский зал"}]),
            programme=streamfield(
                [
                    (
                        "day",
                        {
                            "date": "2030-05-20",
                            "title": "",
                            "sessions": streamfield(
                                [
                                    (
                                        "session",
                                        {"title": "Семинар", "format": "seminar", "hall": "Зал на крыше"},
                                    )
                                ]
                            ),
                        },
                    )
                ]
            ),
        )
        response = self.post_add(data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(
            response, "Add these halls to the list of halls, or correct the sessions: Зал на крыше"
        )
        self.assertFalse(EventPage.objects.filter(slug="forum-molodyh").exists())

    def test_end_before_start_is_refused(self):
        data = event_form(start_date="2030-05-20", end_date="2030-05-19")
        response = self.post_add(data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "The event cannot end before it starts.")
        self.assertFalse(EventPage.objects.filter(slug="forum-molodyh").exists())
