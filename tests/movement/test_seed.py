import datetime

import pytest

from django.test import Client

from documents.models import OfficialDocument
from movement.models import CampaignPage, MovementPage, ParticipationReport

pytestmark = pytest.mark.usefixtures("seeded")


def test_movement_facts(movement):
    assert movement.full_name == "Всероссийское библиотечное движение «Вместе сильнее»"
    assert movement.hashtag == "#Вместе_сильнее"
    assert movement.founding_city == "Казань"
    assert "XVIII Ежегодной конференции Российской библиотечной ассоциации" in movement.founding_event
    assert movement.original_url == "https://nmohgunb.wixsite.com/virtualniy/vmeste-silnyee"
    assert movement.contact_email == "bgunb@bgunb.ru"
    assert movement.contact_phone == "(4722) 31-01-62"
    assert movement.contact_fax == "(4722) 26-48-54"
    groups = [block.value["name"] for block in movement.supported_groups]
    assert "военнослужащие и их семьи" in groups
    assert "временные переселенцы и беженцы" in groups
    if movement.initiator_library is not None:
        assert movement.initiator_library.slug == "bgunb"
    assert movement.show_in_menus


def test_campaign_facts(campaign):
    assert campaign.start_date == datetime.date(2024, 6, 6)
    assert campaign.end_date == datetime.date(2024, 6, 12)
    assert campaign.occasion == "День России"
    assert campaign.occasion_date == datetime.date(2024, 6, 12)
    assert campaign.post_hashtag == "#вместе_сильнее"
    assert len(list(campaign.steps)) == 4
    assert campaign.first_banner() is not None
    assert campaign.official_letter.slug == "bgunb-2024-01-16-124"
    # The letter names no participating library: none is seeded.
    assert not ParticipationReport.objects.filter(campaign=campaign).exists()


def test_letter_facts():
    letter = OfficialDocument.objects.get(slug="bgunb-2024-01-16-124", locale__language_code="ru")
    assert letter.number == "01-16/124"
    assert letter.date == datetime.date(2024, 6, 3)
    assert letter.signatory_name == "Н.П. Рожкова"
    assert letter.signatory_position == "директор библиотеки"
    assert letter.addressee_list == ["Директорам государственных библиотек субъектов РФ"]
    for fact in ("ул. Попова, 39а", "(4722) 31-01-62", "(4722) 26-48-54", "bgunb@bgunb.ru"):
        assert fact in letter.sender_details
    attachment = letter.attachments.get()
    assert attachment.title == "Баннер для флешмоба #Вместе_сильнее"
    assert attachment.pages == "на 1 стр. в 1 экз."
    assert attachment.image is not None
    english = letter.get_translation(letter.locale.__class__.objects.get(language_code="en"))
    assert english.signatory_name == "N.P. Rozhkova"
    assert english.number == "01-16/124"


def test_english_pages_are_translations():
    movement = MovementPage.objects.get(locale__language_code="en")
    campaign = CampaignPage.objects.get(locale__language_code="en")
    assert movement.title == "The “Together Stronger” movement"
    assert campaign.title == "Flashmob #Вместе_сильнее for Russia Day"
    assert campaign.get_parent().specific == movement
    html = Client().get(campaign.url).content.decode()
    assert "N.P. Rozhkova" in html
    assert "Russia Day" in html
    assert "Finished" in html


def test_belarusian_pages_and_letter_are_translations():
    movement = MovementPage.objects.get(locale__language_code="be")
    campaign = CampaignPage.objects.get(locale__language_code="be")
    assert movement.title == "Рух «Разам мацней»"
    assert campaign.occasion == "Дзень Расіі"
    letter = OfficialDocument.objects.get(slug="bgunb-2024-01-16-124", locale__language_code="be")
    assert letter.signatory_name == "Н.П. Рожкава"
    html = Client().get(campaign.url).content.decode()
    assert "Н.П. Рожкава" in html
    assert "Завершана" in html
