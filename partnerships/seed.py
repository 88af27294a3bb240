"""Seed content of the partnerships section: the libraries the source documents name.

Only facts stated in the documents are filled in: БГУНБ's letterhead (document 01), the Russian
State Library in Moscow with its website (document 02), the Ryazan library as the forum's host in
Ryazan (document 05), the Amur library and the National Library of Belarus (document 04).
"""

from partnerships.models import Library, Region

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
        library = seeder.object(f"library:{data['slug']}", Library, locale=seeder.locale("ru"), **fields)
        seeder.translate(f"library:{data['slug']}:en", library, "en", LIBRARIES_EN)
        seeder.translate(f"library:{data['slug']}:be", library, "be", LIBRARIES_BE)
        libraries[data["slug"]] = library
    return libraries


def load(seeder):
    load_libraries(seeder)
