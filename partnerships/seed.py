"""Seed content of the partnerships section: the libraries the source documents name.

Only facts stated in the documents are filled in: БГУНБ's letterhead (document 01), the Russian
State Library in Moscow with its website (document 02), the Ryazan library as the forum's host in
Ryazan (document 05), the Amur library and the National Library of Belarus (document 04).
"""

import datetime
import uuid
from pathlib import Path

from wagtail.models import Locale

from core.seeding import SeedError
from home.models import HomePage
from libraries.importing import validate
from libraries.models import Country, Library, Region
from partnerships import seed_regulation
from partnerships.models import (
    AgreementArea,
    AgreementIndexPage,
    AgreementPage,
    ChronicleEntry,
    LibraryIndexPage,
    NamesakeFinderPage,
    RegulationPage,
)

SAMPLE_CSV = Path(__file__).resolve().parent / "data" / "sample_namesake_libraries.csv"

LIBRARIES = [
    {
        "slug": "bgunb",
        "full_name": "Белгородская государственная универсальная научная библиотека",
        "short_name": "БГУНБ",
        "kind": Library.Kind.CENTRAL_REGIONAL,
        "region_code": "31",
        "settlement_type": "город",
        "settlement": "Белгород",
        "address": "ул. Попова, 39а, г. Белгород, 308000",
        "phone": "(4722) 31-01-62",
        "fax": "(4722) 26-48-54",
        "email": "bgunb@bgunb.ru",
    },
    {
        "slug": "rgb",
        "full_name": "Российская государственная библиотека",
        "short_name": "РГБ",
        "kind": Library.Kind.FEDERAL,
        "region_code": "77",
        "settlement_type": "город",
        "settlement": "Москва",
        "website": "https://www.rsl.ru/",
    },
    {
        "slug": "rnb",
        "full_name": "Российская национальная библиотека",
        "short_name": "РНБ",
        "kind": Library.Kind.FEDERAL,
    },
    {
        "slug": "rgdb",
        "full_name": "Российская государственная детская библиотека",
        "short_name": "РГДБ",
        "kind": Library.Kind.FEDERAL,
    },
    {
        "slug": "vgbil",
        "full_name": "Всероссийская государственная библиотека иностранной литературы имени М.И. Рудомино",
        "short_name": "ВГБИЛ им. М.И. Рудомино",
        "kind": Library.Kind.FEDERAL,
    },
    {
        "slug": "ryazan-ounb",
        "full_name": "Рязанская областная универсальная научная библиотека имени Горького",
        "short_name": "Рязанская ОУНБ им. Горького",
        "kind": Library.Kind.CENTRAL_REGIONAL,
        "region_code": "62",
        "settlement_type": "город",
        "settlement": "Рязань",
    },
    {
        "slug": "amur-ounb",
        "full_name": "Амурская областная научная библиотека им. Н.Н. Муравьева-Амурского",
        "short_name": "Амурская областная библиотека им. Н.Н. Муравьева-Амурского",
        "kind": Library.Kind.CENTRAL_REGIONAL,
        "region_code": "28",
    },
    {
        "slug": "nlb",
        "full_name": "Национальная библиотека Беларуси",
        "kind": Library.Kind.FOREIGN_NATIONAL,
        "country": "BY",
    },
]

LIBRARIES_EN = {
    "Белгородская государственная универсальная научная библиотека": (
        "Belgorod State Universal Scientific Library"
    ),
    "БГУНБ": "BGUNB",
    "город": "city",
    "Белгород": "Belgorod",
    "ул. Попова, 39а, г. Белгород, 308000": "39a Popova St., Belgorod, 308000",
    "Российская государственная библиотека": "Russian State Library",
    "РГБ": "RSL",
    "Москва": "Moscow",
    "Российская национальная библиотека": "National Library of Russia",
    "РНБ": "NLR",
    "Российская государственная детская библиотека": "Russian State Children's Library",
    "РГДБ": "RSCL",
    "Всероссийская государственная библиотека иностранной литературы имени М.И. Рудомино": (
        "Rudomino All-Russia State Library for Foreign Literature"
    ),
    "ВГБИЛ им. М.И. Рудомино": "Rudomino Library for Foreign Literature",
    "Рязанская областная универсальная научная библиотека имени Горького": (
        "Gorky Ryazan Regional Universal Scientific Library"
    ),
    "Рязанская ОУНБ им. Горького": "Gorky Ryazan Regional Library",
    "Рязань": "Ryazan",
    "Амурская областная научная библиотека им. Н.Н. Муравьева-Амурского": (
        "N.N. Muravyov-Amursky Amur Regional Scientific Library"
    ),
    "Амурская областная библиотека им. Н.Н. Муравьева-Амурского": ("Muravyov-Amursky Amur Regional Library"),
    "Национальная библиотека Беларуси": "National Library of Belarus",
}

LIBRARIES_BE = {
    "Белгородская государственная универсальная научная библиотека": (
        "Бялгарадская дзяржаўная ўніверсальная навуковая бібліятэка"
    ),
    "БГУНБ": "БДУНБ",
    "город": "горад",
    "Белгород": "Бялгарад",
    "ул. Попова, 39а, г. Белгород, 308000": "вул. Папова, 39а, г. Бялгарад, 308000",
    "Российская государственная библиотека": "Расійская дзяржаўная бібліятэка",
    "РГБ": "РДБ",
    "Москва": "Масква",
    "Российская национальная библиотека": "Расійская нацыянальная бібліятэка",
    "РНБ": "РНБ",
    "Российская государственная детская библиотека": "Расійская дзяржаўная дзіцячая бібліятэка",
    "РГДБ": "РДДБ",
    "Всероссийская государственная библиотека иностранной литературы имени М.И. Рудомино": (
        "Усерасійская дзяржаўная бібліятэка замежнай літаратуры імя М.І. Рудаміна"
    ),
    "ВГБИЛ им. М.И. Рудомино": "УДБЗЛ імя М.І. Рудаміна",
    "Рязанская областная универсальная научная библиотека имени Горького": (
        "Разанская абласная ўніверсальная навуковая бібліятэка імя Горкага"
    ),
    "Рязанская ОУНБ им. Горького": "Разанская АЎНБ імя Горкага",
    "Рязань": "Разань",
    "Амурская областная научная библиотека им. Н.Н. Муравьева-Амурского": (
        "Амурская абласная навуковая бібліятэка імя М.М. Мураўёва-Амурскага"
    ),
    "Амурская областная библиотека им. Н.Н. Муравьева-Амурского": (
        "Амурская абласная бібліятэка імя М.М. Мураўёва-Амурскага"
    ),
    "Национальная библиотека Беларуси": "Нацыянальная бібліятэка Беларусі",
}


def _region(seeder, code):
    if not code:
        return None
    return Region.objects.filter(code=code, locale=seeder.locale("ru")).first()


def load_libraries(seeder):
    libraries = {}
    for data in LIBRARIES:
        fields = dict(data)
        fields["region"] = _region(seeder, fields.pop("region_code", None))
        fields["country"] = Country.objects.get(code=fields.get("country", "RU"), locale=seeder.locale("ru"))
        library = seeder.object(f"library:{data['slug']}", Library, locale=seeder.locale("ru"), **fields)
        seeder.translate(f"library:{data['slug']}:en", library, "en", LIBRARIES_EN)
        seeder.translate(f"library:{data['slug']}:be", library, "be", LIBRARIES_BE)
        libraries[data["slug"]] = library
    return libraries


SECTION_RU = {
    "title": "Партнёрства",
    "slug": "partnerships",
    "show_in_menus": True,
    "introduction": (
        "Соглашения о сотрудничестве между библиотеками, их хроника, Положение о сотрудничестве "
        "библиотек одноименных населенных пунктов, справочник библиотек и поиск библиотек-тёзок."
    ),
}
DIRECTORY_RU = {
    "title": "Библиотеки",
    "slug": "libraries",
    "introduction": "Справочник библиотек — участниц сети: контакты, соглашения, события и библиотеки-тёзки.",
}
FINDER_RU = {
    "title": "Библиотеки-тёзки",
    "slug": "namesakes",
    "introduction": (
        "Найдите библиотеки в одноименных населенных пунктах других регионов и предложите им "
        "соглашение о сотрудничестве."
    ),
}
REGULATION_RU = {
    "title": seed_regulation.TITLE,
    "slug": "regulation",
    "status": RegulationPage.Status.IN_FORCE,
    "introduction": (
        "Цели, задачи и формы сотрудничества библиотек, расположенных в одноименных населенных пунктах."
    ),
    "body": [("section", section) for section in seed_regulation.SECTIONS],
}
AGREEMENT_RU = {
    "title": (
        "Соглашение о сотрудничестве Амурской областной научной библиотеки им. Н.Н. Муравьева-Амурского "
        "и Национальной библиотеки Беларуси"
    ),
    "slug": "amur-nlb-2024",
    "kind": AgreementPage.Kind.BILATERAL,
    "date_signed": datetime.date(2024, 10, 25),
    "introduction": (
        "Амурская областная научная библиотека и Национальная библиотека Белоруссии подписали соглашение "
        "о сотрудничестве. Учреждения договорились о реализации нескольких проектов, в том числе "
        "направленных на сохранение книжных памятников."
    ),
    "body": [
        (
            "paragraph",
            "<p>Направления сотрудничества приведены по сообщению пресс-службы правительства Приамурья "
            "от 25 октября 2024 года.</p>",
        )
    ],
}
AGREEMENT_AREAS = [
    "Сохранение книжных памятников",
    "Цифровизация: создание электронных каталогов и обмен информацией между библиотеками Белоруссии "
    "и Амурской области",
    "Создание совместной коллекции документов",
    "Экспонирование выставок белорусских партнёров в Амурской области",
    "Популяризация творчества писателей Белоруссии в Приамурье и амурских писателей в Белоруссии",
]

PAGES_EN = {
    "Партнёрства": "Partnerships",
    SECTION_RU["introduction"]: (
        "Cooperation agreements between libraries and their chronicle, the Regulation on cooperation of "
        "libraries in same-named settlements, the library directory and the namesake finder."
    ),
    "Библиотеки": "Libraries",
    DIRECTORY_RU[
        "introduction"
    ]: "A directory of the network's libraries: contacts, agreements, events and namesakes.",
    "Библиотеки-тёзки": "Namesake libraries",
    FINDER_RU["introduction"]: (
        "Find libraries in settlements of the same name in other regions and propose a cooperation agreement."
    ),
    REGULATION_RU["introduction"]: (
        "Goals, tasks and forms of cooperation of libraries located in same-named settlements."
    ),
    AGREEMENT_RU["title"]: (
        "Cooperation agreement between the N.N. Muravyov-Amursky Amur Regional Scientific Library "
        "and the National Library of Belarus"
    ),
    AGREEMENT_RU["introduction"]: (
        "The Amur Regional Scientific Library and the National Library of Belarus have signed "
        "a cooperation agreement. The institutions agreed to carry out several projects, including "
        "some aimed at preserving book heritage."
    ),
    "Направления сотрудничества приведены по сообщению пресс-службы правительства Приамурья "
    "от 25 октября 2024 года.": (
        "The areas of cooperation follow the report of the press service of the Amur Oblast government "
        "of 25 October 2024."
    ),
    AGREEMENT_AREAS[0]: "Preservation of book heritage (book monuments)",
    AGREEMENT_AREAS[1]: (
        "Digitisation: electronic catalogues and exchange of information between the libraries of Belarus "
        "and Amur Oblast"
    ),
    AGREEMENT_AREAS[2]: "A joint collection of documents",
    AGREEMENT_AREAS[3]: "Showing exhibitions of the Belarusian partners in Amur Oblast",
    AGREEMENT_AREAS[4]: "Promoting Belarusian writers in the Amur region and Amur writers in Belarus",
}
PAGES_BE = {
    "Партнёрства": "Партнёрствы",
    SECTION_RU["introduction"]: (
        "Пагадненні аб супрацоўніцтве паміж бібліятэкамі і іх хроніка, Палажэнне аб супрацоўніцтве "
        "бібліятэк аднайменных населеных пунктаў, даведнік бібліятэк і пошук бібліятэк-цёзак."
    ),
    "Библиотеки": "Бібліятэкі",
    DIRECTORY_RU[
        "introduction"
    ]: "Даведнік бібліятэк — удзельніц сеткі: кантакты, пагадненні, падзеі і бібліятэкі-цёзкі.",
    "Библиотеки-тёзки": "Бібліятэкі-цёзкі",
    FINDER_RU["introduction"]: (
        "Знайдзіце бібліятэкі ў аднайменных населеных пунктах іншых рэгіёнаў і прапануйце ім "
        "пагадненне аб супрацоўніцтве."
    ),
    AGREEMENT_RU["title"]: (
        "Пагадненне аб супрацоўніцтве Амурскай абласной навуковай бібліятэкі імя М.М. Мураўёва-Амурскага "
        "і Нацыянальнай бібліятэкі Беларусі"
    ),
    AGREEMENT_RU["introduction"]: (
        "Амурская абласная навуковая бібліятэка і Нацыянальная бібліятэка Беларусі падпісалі пагадненне "
        "аб супрацоўніцтве. Установы дамовіліся пра рэалізацыю некалькіх праектаў, у тым ліку накіраваных "
        "на захаванне кніжных помнікаў."
    ),
    "Направления сотрудничества приведены по сообщению пресс-службы правительства Приамурья "
    "от 25 октября 2024 года.": (
        "Кірункі супрацоўніцтва прыведзены паводле паведамлення прэс-службы ўрада Прыамур'я "
        "ад 25 кастрычніка 2024 года."
    ),
    AGREEMENT_AREAS[0]: "Захаванне кніжных помнікаў",
    AGREEMENT_AREAS[1]: (
        "Лічбавізацыя: стварэнне электронных каталогаў і абмен інфармацыяй паміж бібліятэкамі Беларусі "
        "і Амурскай вобласці"
    ),
    AGREEMENT_AREAS[2]: "Стварэнне сумеснай калекцыі дакументаў",
    AGREEMENT_AREAS[3]: "Экспанаванне выставак беларускіх партнёраў у Амурскай вобласці",
    AGREEMENT_AREAS[
        4
    ]: "Папулярызацыя творчасці пісьменнікаў Беларусі ў Прыамур'і і амурскіх пісьменнікаў у Беларусі",
}


def load_sample_libraries(seeder):
    """The sample CSV goes through the same validator as any upload; it must be clean."""
    report = validate(SAMPLE_CSV.read_bytes())
    if report.errors:
        raise SeedError(f"sample libraries: {report.errors}")
    for _line, fields in report.valid:
        seeder.object(f"library:{fields['slug']}", Library, locale=seeder.locale("ru"), **fields)


def load_chronicle(agreement, libraries, date):
    # Append-only: a join at signing is recorded once and never rewritten by a later seed run.
    for slug in ("amur-ounb", "nlb"):
        library = libraries.get(slug)
        if agreement is None or library is None:
            continue
        if not ChronicleEntry.objects.filter(
            agreement=agreement, kind=ChronicleEntry.Kind.JOIN, library=library
        ).exists():
            ChronicleEntry.objects.create(
                agreement=agreement, kind=ChronicleEntry.Kind.JOIN, library=library, date=date
            )


def load(seeder):
    libraries = load_libraries(seeder)
    load_sample_libraries(seeder)

    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    section = seeder.page("partnerships:section", home, AgreementIndexPage, **SECTION_RU)
    regulation = seeder.page("partnerships:regulation", section, RegulationPage, **REGULATION_RU)
    directory = seeder.page("partnerships:directory", section, LibraryIndexPage, **DIRECTORY_RU)
    finder = seeder.page("partnerships:finder", section, NamesakeFinderPage, **FINDER_RU)
    agreement = seeder.page(
        "partnerships:amur-nlb-2024",
        section,
        AgreementPage,
        # Fixed translation keys keep the seed's fingerprint the same from run to run.
        areas=[
            AgreementArea(
                title=title, sort_order=i, translation_key=uuid.uuid5(uuid.NAMESPACE_URL, f"amur-nlb-{i}")
            )
            for i, title in enumerate(AGREEMENT_AREAS)
        ],
        **AGREEMENT_RU,
    )
    load_chronicle(agreement, libraries, AGREEMENT_RU["date_signed"])

    regulation_en = {**seed_regulation.EN}
    for language, strings in (("en", PAGES_EN), ("be", PAGES_BE)):
        seeder.translate(f"partnerships:section:{language}", section, language, strings)
        seeder.translate(f"partnerships:directory:{language}", directory, language, strings)
        seeder.translate(f"partnerships:finder:{language}", finder, language, strings)
        seeder.translate(f"partnerships:amur-nlb-2024:{language}", agreement, language, strings)
    seeder.translate("partnerships:regulation:en", regulation, "en", {**regulation_en, **PAGES_EN})
