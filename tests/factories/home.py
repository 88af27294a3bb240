import factory
import wagtail_factories

from home.models import HomePage, StandardPage


class StandardPageFactory(wagtail_factories.PageFactory):
    """A published content page under the home page of the given language (Russian by default)."""

    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Страница {n}")
    slug = factory.Sequence(lambda n: f"stranica-{n}")
    introduction = "Вводный абзац о сотрудничестве библиотек."
    parent = factory.LazyFunction(lambda: HomePage.objects.get(locale__language_code="ru"))

    @classmethod
    def in_language(cls, code, **kwargs):
        return cls(parent=HomePage.objects.get(locale__language_code=code), **kwargs)
