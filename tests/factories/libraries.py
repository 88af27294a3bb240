import itertools

import factory

from wagtail.models import Locale

from libraries.models import Library, Region

_codes = itertools.count(900)


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region

    code = factory.LazyFunction(lambda: f"T{next(_codes)}")
    name = factory.Sequence(lambda n: f"Тестовая область {n}")
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="ru"))


class LibraryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Library

    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="ru"))
    full_name = factory.Sequence(lambda n: f"Библиотека № {n}")
    slug = factory.Sequence(lambda n: f"test-library-{n}")
    kind = Library.Kind.MUNICIPAL
