import factory
import wagtail_factories

from wagtail.models import Locale, Page, Site

from home.models import HomePage, StandardPage

LANGUAGES = ("ru", "en", "be")
HOME_TITLES = {"ru": "Вместе сильнее", "en": "Together Stronger", "be": "Разам мацней"}


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = HOME_TITLES["ru"]
    slug = "home"


def build_minimal_site():
    """Locales ru/en/be, the Russian home page as the default site's root, its en/be translations.

    What every test database holds; tests that read the seed content ask for ``seeded`` instead.
    """
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
    root = Page.get_first_root_node()
    for page in root.get_children():
        if type(page.specific) is Page:  # Wagtail's welcome page and the site on it
            page.delete()
    home = HomePageFactory(parent=root, locale=locales["ru"])
    home.save_revision().publish()
    Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=HOME_TITLES["ru"]
    )
    for code in LANGUAGES[1:]:
        translation = home.copy_for_translation(locales[code])
        translation.title = translation.draft_title = HOME_TITLES[code]
        translation.save_revision().publish()
    return home


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
