import factory
import wagtail_factories

from wagtail.models import Locale

from partnerships.models import AgreementPage, Library


class LibraryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Library

    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="ru"))
    full_name = factory.Sequence(lambda n: f"Библиотека № {n}")
    slug = factory.Sequence(lambda n: f"test-library-{n}")
    kind = Library.Kind.MUNICIPAL


class AgreementPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = AgreementPage

    title = factory.Sequence(lambda n: f"Соглашение № {n}")
    kind = AgreementPage.Kind.MULTILATERAL
