import datetime

import factory
from factory.django import DjangoModelFactory

from wagtail.models import Locale

from documents.models import OfficialDocument


class OfficialDocumentFactory(DjangoModelFactory):
    class Meta:
        model = OfficialDocument

    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="ru"))
    kind = OfficialDocument.Kind.LETTER
    number = factory.Sequence(lambda n: f"01-16/{n}")
    date = datetime.date(2024, 6, 3)
    title = factory.Sequence(lambda n: f"Письмо о сотрудничестве № {n}")
    sender = "Белгородская государственная универсальная научная библиотека"
    signatory_name = "Н.П. Рожкова"
    signatory_position = "директор библиотеки"
    addressees = "Директорам государственных библиотек субъектов РФ"
    body = "<p>Уважаемые коллеги!</p>"
    status = OfficialDocument.Status.IN_FORCE
    slug = factory.Sequence(lambda n: f"test-document-{n}")
