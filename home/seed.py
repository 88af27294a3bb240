"""Seed content of the portal's frame: home pages in three languages, footer, contacts.

Facts come from the seed documents; the coordinator's contacts are those in the
letterhead of the Belgorod State Universal Scientific Library (document 01).
"""

from wagtail.models import Page, Site

from core.models import NetworkSettings
from home.blocks import DEFAULT_SECTIONS
from home.models import FooterContent, HomePage

HOME_RU = {
    "title": "Вместе сильнее",
    "slug": "home",
    "introduction": (
        "Портал сети сотрудничества библиотек России: Всероссийское библиотечное движение "
        "«Вместе сильнее», форумы и совещания, соглашения между библиотеками."
    ),
    "seo_title": "Вместе сильнее — портал сотрудничества библиотек России",
    "search_description": (
        "Всероссийское библиотечное движение «Вместе сильнее», события и партнёрства библиотек России."
    ),
    "body": [
        (
            "paragraph",
            "<p>Здесь библиотеки публикуют новости и программы мероприятий, заключают соглашения "
            "о сотрудничестве и присоединяются к акциям движения.</p>",
        ),
    ],
    # The current campaign, events, news, numbers, the directory and documents; headings and texts
    # come from the interface translations unless an editor writes their own.
    "sections": DEFAULT_SECTIONS,
}

HOME_EN = {
    "Вместе сильнее": "Together Stronger",
    "Портал сети сотрудничества библиотек России: Всероссийское библиотечное движение "
    "«Вместе сильнее», форумы и совещания, соглашения между библиотеками.": (
        "The portal of the cooperation network of Russian libraries: the All-Russian library movement "
        "“Together Stronger”, forums and meetings, agreements between libraries."
    ),
    "Вместе сильнее — портал сотрудничества библиотек России": (
        "Together Stronger — the portal of library cooperation in Russia"
    ),
    "Всероссийское библиотечное движение «Вместе сильнее», события и партнёрства библиотек России.": (
        "The All-Russian library movement “Together Stronger”, events and partnerships of Russian libraries."
    ),
    "Здесь библиотеки публикуют новости и программы мероприятий, заключают соглашения "
    "о сотрудничестве и присоединяются к акциям движения.": (
        "Here libraries publish news and event programmes, sign cooperation agreements "
        "and join the movement's campaigns."
    ),
}

HOME_BE = {
    "Вместе сильнее": "Разам мацней",
    "Портал сети сотрудничества библиотек России: Всероссийское библиотечное движение "
    "«Вместе сильнее», форумы и совещания, соглашения между библиотеками.": (
        "Партал сеткі супрацоўніцтва бібліятэк Расіі: Усерасійскі бібліятэчны рух "
        "«Разам мацней», форумы і нарады, пагадненні паміж бібліятэкамі."
    ),
    "Вместе сильнее — портал сотрудничества библиотек России": (
        "Разам мацней — партал супрацоўніцтва бібліятэк Расіі"
    ),
    "Всероссийское библиотечное движение «Вместе сильнее», события и партнёрства библиотек России.": (
        "Усерасійскі бібліятэчны рух «Разам мацней», падзеі і партнёрствы бібліятэк Расіі."
    ),
    "Здесь библиотеки публикуют новости и программы мероприятий, заключают соглашения "
    "о сотрудничестве и присоединяются к акциям движения.": (
        "Тут бібліятэкі публікуюць навіны і праграмы мерапрыемстваў, заключаюць пагадненні "
        "аб супрацоўніцтве і далучаюцца да акцый руху."
    ),
}

FOOTER_RU = {
    "organisation": (
        "Координатор движения: Белгородская государственная универсальная научная библиотека (БГУНБ)"
    ),
    "address": "ул. Попова, 39а, г. Белгород, 308000",
}
FOOTER_EN = {
    FOOTER_RU["organisation"]: (
        "Coordinator of the movement: Belgorod State Universal Scientific Library (BGUNB)"
    ),
    FOOTER_RU["address"]: "39a Popova St., Belgorod, 308000, Russia",
}
FOOTER_BE = {
    FOOTER_RU["organisation"]: (
        "Каардынатар руху: Бялгородская дзяржаўная ўніверсальная навуковая бібліятэка (БДУНБ)"
    ),
    FOOTER_RU["address"]: "вул. Папова, 39а, г. Бялгарад, 308000, Расія",
}


def _site_root(seeder):
    """The Russian home page, made the default site's root (replacing Wagtail's welcome page)."""
    for code in ("ru", "en", "be"):
        seeder.locale(code)
    root = Page.get_first_root_node()
    site = Site.objects.filter(is_default_site=True).first()
    placeholder = site.root_page if site else None
    if (
        placeholder is not None
        and type(placeholder.specific) is Page
        and not placeholder.get_children().exists()
    ):
        # Wagtail's "welcome" page: remove it (and the site on it) to make room for ours.
        placeholder.delete()
        site = None
    home = seeder.page("home", root, HomePage, **HOME_RU)
    if site is None and home is not None:
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Вместе сильнее"
        )
    return home, site


def load(seeder):
    home, site = _site_root(seeder)
    seeder.translate("home:en", home, "en", HOME_EN)
    seeder.translate("home:be", home, "be", HOME_BE)

    network = NetworkSettings.for_site(site)
    if not network.email:
        network.email = "bgunb@bgunb.ru"
        network.phone = "+7 (4722) 31-01-62"
        network.fax = "+7 (4722) 26-48-54"
        network.save()

    footer = seeder.object("footer", FooterContent, locale=seeder.locale("ru"), **FOOTER_RU)
    seeder.translate("footer:en", footer, "en", FOOTER_EN)
    seeder.translate("footer:be", footer, "be", FOOTER_BE)
