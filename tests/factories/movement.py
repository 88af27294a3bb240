import datetime

import factory
import wagtail_factories

from libraries.models import Library
from movement.models import CampaignPage, MovementPage, ParticipationReport
from tests.factories.libraries import RegionFactory


class MovementPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MovementPage

    title = factory.Sequence(lambda n: f"Движение {n}")
    full_name = "Всероссийское библиотечное движение «Тест»"
    hashtag = "#тест"


class CampaignPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CampaignPage

    title = factory.Sequence(lambda n: f"Флешмоб {n}")
    hashtag = "#Вместе_сильнее"
    start_date = datetime.date(2024, 6, 6)
    end_date = datetime.date(2024, 6, 12)


class ParticipationReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ParticipationReport

    library_name = factory.Sequence(lambda n: f"Центральная библиотека № {n}")
    region = factory.SubFactory(RegionFactory)
    settlement = factory.Sequence(lambda n: f"Посёлок {n}")
    library_kind = Library.Kind.MUNICIPAL
    post_url = factory.Sequence(lambda n: f"https://vk.com/wall-1_{n}")
    contact_email = factory.Sequence(lambda n: f"library{n}@example.org")
    status = ParticipationReport.Status.APPROVED
    consent_given = True
