"""Seed content of the open data page: the data sets, the API and the widget, in three languages.

The publisher is the movement's coordinator, with the contacts of its letterhead (document 01).
"""

from home.models import HomePage
from opendata.models import OpenDataPage

PAGE_RU = {
    "title": "Открытые данные",
    "slug": "open-data",
    "introduction": (
        "Справочник библиотек, соглашения, реестр документов и события сети — в форматах CSV и JSON, "
        "API для сайтов и приложений и виджет для сайтов библиотек."
    ),
    "body": (
        "<p>Наборы данных формируются из сведений портала в момент скачивания и всегда актуальны. "
        "Их можно свободно использовать с указанием источника.</p>"
    ),
    "publisher_name": "Белгородская государственная универсальная научная библиотека (координатор движения)",
    "publisher_email": "bgunb@bgunb.ru",
    "publisher_phone": "+7 (4722) 31-01-62",
    "licence_name": "Creative Commons «Атрибуция» 4.0 Международная (CC BY 4.0)",
    "licence_url": "https://creativecommons.org/licenses/by/4.0/deed.ru",
    "show_in_menus": True,
}

PAGE_EN = {
    "Открытые данные": "Open data",
    PAGE_RU["introduction"]: (
        "The directory of libraries, agreements, the registry of documents and the network's events as CSV "
        "and JSON, an API for sites and apps, and a widget for library sites."
    ),
    "Наборы данных формируются из сведений портала в момент скачивания и всегда актуальны. "
    "Их можно свободно использовать с указанием источника.": (
        "The data sets are made from the portal's data when they are downloaded, so they are always current. "
        "They may be used freely with a reference to the source."
    ),
    PAGE_RU["publisher_name"]: "Belgorod State Universal Scientific Library (coordinator of the movement)",
    PAGE_RU["licence_name"]: "Creative Commons Attribution 4.0 International (CC BY 4.0)",
}

PAGE_BE = {
    "Открытые данные": "Адкрытыя даныя",
    PAGE_RU["introduction"]: (
        "Даведнік бібліятэк, пагадненні, рэестр дакументаў і падзеі сеткі — у фарматах CSV і JSON, "
        "API для сайтаў і праграм і віджэт для сайтаў бібліятэк."
    ),
    "Наборы данных формируются из сведений портала в момент скачивания и всегда актуальны. "
    "Их можно свободно использовать с указанием источника.": (
        "Наборы даных фарміруюцца з звестак партала ў момант спампоўвання і заўсёды актуальныя. "
        "Іх можна свабодна выкарыстоўваць са спасылкай на крыніцу."
    ),
    PAGE_RU["publisher_name"]: (
        "Бялгародская дзяржаўная ўніверсальная навуковая бібліятэка (каардынатар руху)"
    ),
    PAGE_RU["licence_name"]: "Creative Commons «Атрыбуцыя» 4.0 Міжнародная (CC BY 4.0)",
}


def load(seeder):
    home = HomePage.objects.filter(locale__language_code="ru").first()
    page = seeder.page("opendata:page", home, OpenDataPage, **PAGE_RU)
    seeder.translate("opendata:page:en", page, "en", PAGE_EN)
    seeder.translate("opendata:page:be", page, "be", PAGE_BE)
