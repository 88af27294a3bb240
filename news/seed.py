"""Seed content of the news section and the official documents registry.

The article is document 04 (Amur–Belarus library agreement, 25 October 2024); its text is kept as
published. Only the statements the source puts in quotation dashes are quote blocks; the deputy
director's words are reported speech in the source and stay a paragraph. The official letters
themselves are seeded by the movement and forum sections; the registry lists them.
"""

import datetime
import io
from zoneinfo import ZoneInfo

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from documents.models import DocumentIndexPage
from home.models import HomePage
from libraries.models import Country, Library, Region
from news.models import (
    NewsIndexPage,
    NewsPage,
    NewsPageCountry,
    NewsPageLibrary,
    NewsPageRegion,
    NewsPageTopic,
    Topic,
)
from partnerships.models import AgreementPage

MOSCOW = ZoneInfo("Europe/Moscow")

# -- section pages -----------------------------------------------------------
NEWS_INDEX_RU = {
    "title": "Новости",
    "slug": "news",
    "introduction": "Новости библиотек сети: соглашения, совместные проекты, международное сотрудничество.",
    "show_in_menus": True,
}
NEWS_INDEX_EN = {
    "Новости": "News",
    NEWS_INDEX_RU["introduction"]: (
        "News of the network's libraries: agreements, joint projects and international cooperation."
    ),
}
NEWS_INDEX_BE = {
    "Новости": "Навіны",
    NEWS_INDEX_RU["introduction"]: (
        "Навіны бібліятэк сеткі: пагадненні, сумесныя праекты, міжнароднае супрацоўніцтва."
    ),
}

REGISTRY_RU = {
    "title": "Официальные документы",
    "slug": "official-documents",
    "introduction": (
        "Письма и другие официальные документы: номер и дата, отправитель, подписавший, "
        "адресаты и приложения."
    ),
    "show_in_menus": True,
}
REGISTRY_EN = {
    "Официальные документы": "Official documents",
    REGISTRY_RU["introduction"]: (
        "Letters and other official documents: number and date, sender, signatory, "
        "addressees and attachments."
    ),
}
REGISTRY_BE = {
    "Официальные документы": "Афіцыйныя дакументы",
    REGISTRY_RU["introduction"]: (
        "Лісты і іншыя афіцыйныя дакументы: нумар і дата, адпраўнік, падпісант, адрасаты і дадаткі."
    ),
}

# -- topics ------------------------------------------------------------------
TOPICS = [
    (
        "international-cooperation",
        "Международное сотрудничество",
        "International cooperation",
        "Міжнароднае супрацоўніцтва",
    ),
    ("book-heritage", "Книжные памятники", "Book heritage", "Кніжныя помнікі"),
]

# -- the article (document 04) -----------------------------------------------
TITLE = "Библиотеки Приамурья и Белоруссии займутся сохранением книжных памятников"
LEAD = "Стороны подписали соглашение о сотрудничестве"
PARAGRAPH_1 = (
    "Амурская областная научная библиотека и Национальная библиотека Белоруссии подписали соглашение "
    "о сотрудничестве. Учреждения договорились о реализации нескольких проектов, в том числе, направленных "
    "на сохранение книжных памятников, сообщает пресс-служба правительства Приамурья."
)
QUOTE_GIGIN = (
    "В стране уделяется особое внимание развитию отношений с российскими регионами. И это не только "
    "экономика, это и образовательные проекты, и, безусловно, культурные, и библиотечные. Отрадно, что за "
    "последнее время у нас резко активизировались отношения с библиотеками различных субъектов РФ. Одна из "
    "теплых встреч прошла здесь с представителями как раз Амурской областной библиотеки, и уже тогда мы "
    "договорились о реализации целого ряда конкретных проектов. Подписанное сегодня соглашение — это уже "
    "определенный план совместной работы"
)
GIGIN = "Вадим Гигин"
GIGIN_ROLE = "генеральный директор Национальной библиотеки Белоруссии"
PARAGRAPH_LOBOVKINA = (
    "Заместитель директора Амурской областной библиотеки им. Н.Н. Муравьева-Амурского Татьяна Лобовкина "
    "отметила, что взаимодействие с белорусскими партнерами даст возможность улучшить работу обеих библиотек "
    "в сфере распространения книг и обмена опытом между сотрудниками."
)
PARAGRAPH_VISIT = (
    "Напомним, о сотрудничестве в сфере культуры договорились во время визита делегации Амурской области "
    "в республику в июле этого года."
)
QUOTE_DORGUNOVA = (
    "С белорусскими коллегами в библиотечной сфере мы будем работать активно по направлению — сохранение "
    "книжных памятников. Также будем сотрудничать в цифровизации — создании электронных каталогов и обмену "
    "информацией между библиотеками Белоруссии и Амурской области. Помимо этого, будем создавать совместную "
    "коллекцию документов. Также у нас в планах экспонирование их выставок в регионе и популяризация "
    "творчества писателей Белоруссии в Приамурье, а амурских писателей в Белоруссии"
)
DORGUNOVA = "Надежда Доргунова"
DORGUNOVA_ROLE = "министр культуры и национальной политики Амурской области"
PARAGRAPH_NOVEMBER = (
    "В планах в ноябре этого года организовать визит руководителей учреждений культуры региона "
    "в республику Белоруссию."
)
CREDIT = "Фото: архив, благовещенск.рф"
IMAGE_ALT = "Иллюстрация: библиотеки Приамурья и Белоруссии (изображение-заглушка)"
SOURCE = "пресс-служба правительства Приамурья"

NEWS_EN = {
    TITLE: "Libraries of the Amur Region and Belarus to preserve book heritage together",
    LEAD: "The parties signed a cooperation agreement",
    PARAGRAPH_1: (
        "The Amur Regional Scientific Library and the National Library of Belarus have signed a cooperation "
        "agreement. The institutions agreed to carry out several projects, including ones aimed at "
        "preserving book heritage, the press service of the Amur Region government reports."
    ),
    QUOTE_GIGIN: (
        "Our country pays special attention to developing relations with Russian regions. And this is not "
        "only the economy: there are educational projects and, of course, cultural and library ones. It is "
        "gratifying that our relations with libraries of various regions of the Russian Federation have "
        "become much more active recently. One of the warm meetings took place here with representatives of "
        "the Amur Regional Library, and already then we agreed to carry out a whole series of concrete "
        "projects. The agreement signed today is already a definite plan of joint work"
    ),
    GIGIN: "Vadim Gigin",
    GIGIN_ROLE: "Director General of the National Library of Belarus",
    PARAGRAPH_LOBOVKINA: (
        "Tatyana Lobovkina, Deputy Director of the N.N. Muravyov-Amursky Amur Regional Library, noted that "
        "cooperation with the Belarusian partners will make it possible to improve the work of both "
        "libraries in distributing books and in exchanging experience between their staff."
    ),
    PARAGRAPH_VISIT: (
        "Cooperation in culture was agreed during the visit of an Amur Region delegation to the republic "
        "in July this year."
    ),
    QUOTE_DORGUNOVA: (
        "With our Belarusian colleagues in the library field we will work actively in one direction: "
        "preserving book heritage. We will also cooperate in digitisation — creating electronic catalogues "
        "and exchanging information between the libraries of Belarus and the Amur Region. Besides that, we "
        "will build a joint collection of documents. Our plans also include showing their exhibitions in the "
        "region and popularising the work of Belarusian writers in the Amur Region, and of Amur writers in "
        "Belarus"
    ),
    DORGUNOVA: "Nadezhda Dorgunova",
    DORGUNOVA_ROLE: "Minister of Culture and Ethnic Policy of the Amur Region",
    PARAGRAPH_NOVEMBER: (
        "A visit of the heads of the region's cultural institutions to the Republic of Belarus is planned "
        "for November this year."
    ),
    CREDIT: "Photo: archive, благовещенск.рф",
    IMAGE_ALT: "Illustration: libraries of the Amur Region and Belarus (placeholder image)",
    SOURCE: "press service of the Amur Region government",
}

NEWS_BE = {
    TITLE: "Бібліятэкі Прыамур’я і Беларусі зоймуцца захаваннем кніжных помнікаў",
    LEAD: "Бакі падпісалі пагадненне аб супрацоўніцтве",
    PARAGRAPH_1: (
        "Амурская абласная навуковая бібліятэка і Нацыянальная бібліятэка Беларусі падпісалі пагадненне "
        "аб супрацоўніцтве. Установы дамовіліся аб рэалізацыі некалькіх праектаў, у тым ліку накіраваных "
        "на захаванне кніжных помнікаў, паведамляе прэс-служба ўрада Прыамур’я."
    ),
    QUOTE_GIGIN: (
        "У краіне надаецца асаблівая ўвага развіццю адносін з расійскімі рэгіёнамі. І гэта не толькі "
        "эканоміка, гэта і адукацыйныя праекты, і, безумоўна, культурныя, і бібліятэчныя. Прыемна, што за "
        "апошні час у нас рэзка актывізаваліся адносіны з бібліятэкамі розных суб’ектаў РФ. Адна з цёплых "
        "сустрэч прайшла тут якраз з прадстаўнікамі Амурскай абласной бібліятэкі, і ўжо тады мы дамовіліся "
        "аб рэалізацыі цэлага шэрагу канкрэтных праектаў. Падпісанае сёння пагадненне — гэта ўжо пэўны план "
        "сумеснай працы"
    ),
    GIGIN: "Вадзім Гігін",
    GIGIN_ROLE: "генеральны дырэктар Нацыянальнай бібліятэкі Беларусі",
    PARAGRAPH_LOBOVKINA: (
        "Намеснік дырэктара Амурскай абласной бібліятэкі імя М.М. Мураўёва-Амурскага Таццяна Лабоўкіна "
        "адзначыла, што ўзаемадзеянне з беларускімі партнёрамі дасць магчымасць палепшыць працу абедзвюх "
        "бібліятэк у сферы распаўсюджвання кніг і абмену вопытам паміж супрацоўнікамі."
    ),
    PARAGRAPH_VISIT: (
        "Нагадаем, аб супрацоўніцтве ў сферы культуры дамовіліся падчас візіту дэлегацыі Амурскай вобласці "
        "ў рэспубліку ў ліпені гэтага года."
    ),
    QUOTE_DORGUNOVA: (
        "З беларускімі калегамі ў бібліятэчнай сферы мы будзем актыўна працаваць па кірунку — захаванне "
        "кніжных помнікаў. Таксама будзем супрацоўнічаць у лічбавізацыі — стварэнні электронных каталогаў "
        "і абмене інфармацыяй паміж бібліятэкамі Беларусі і Амурскай вобласці. Акрамя гэтага, будзем "
        "ствараць сумесную калекцыю дакументаў. Таксама ў нас у планах экспанаванне іх выстаў у рэгіёне "
        "і папулярызацыя творчасці пісьменнікаў Беларусі ў Прыамур’і, а амурскіх пісьменнікаў у Беларусі"
    ),
    DORGUNOVA: "Надзея Доргунова",
    DORGUNOVA_ROLE: "міністр культуры і нацыянальнай палітыкі Амурскай вобласці",
    PARAGRAPH_NOVEMBER: (
        "У планах у лістападзе гэтага года арганізаваць візіт кіраўнікоў устаноў культуры рэгіёна "
        "ў Рэспубліку Беларусь."
    ),
    CREDIT: "Фота: архіў, благовещенск.рф",
    IMAGE_ALT: "Ілюстрацыя: бібліятэкі Прыамур’я і Беларусі (выява-замена)",
    SOURCE: "прэс-служба ўрада Прыамур’я",
}


def _paragraph(text):
    return ("paragraph", f"<p>{text}</p>")


def _quote(text, speaker, role):
    return ("quote", {"quote": text, "speaker": speaker, "role": role})


def _illustration_png():
    """A plain drawn illustration (no photo is shipped); the source's photo credit is kept on the page."""
    width, height = 1200, 630
    canvas = PILImage.new("RGB", (width, height), (11, 79, 138))
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((0, height - 90, width, height), fill=(196, 30, 58))
    draw.rectangle((0, height - 90, width // 3, height), fill=(0, 122, 61))
    for step in range(6):
        # Stylised book spines.
        left = 140 + step * 70
        draw.rectangle((left, 160, left + 52, 440), fill=(240, 236, 228), outline=(200, 196, 188), width=3)
    try:
        import font_roboto

        label, face = "Иллюстрация", ImageFont.truetype(font_roboto.RobotoBold, 64)
    except ImportError:  # Pillow's own font has no Cyrillic glyphs.
        label, face = "Illustration", ImageFont.load_default(64)
    draw.text((620, 260), label, font=face, fill=(255, 255, 255))
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _illustration(seeder):
    content = _illustration_png()
    return seeder.object(
        "news:image:amur-belarus",
        get_image_model(),
        title="Иллюстрация к новости о соглашении библиотек Приамурья и Белоруссии",
        file=ImageFile(io.BytesIO(content), name="amur-belarus-illustration.png"),
    )


def _agreement():
    """The seeded agreement between the two libraries (the partnerships seed runs first)."""
    return AgreementPage.objects.filter(slug="amur-nlb-2024", locale__language_code="ru").first()


def _library(slug):
    return Library.objects.filter(slug=slug, locale__language_code="ru").first()


def load_topics(seeder):
    topics = {}
    for slug, name_ru, name_en, name_be in TOPICS:
        topic = seeder.object(
            f"news:topic:{slug}", Topic, locale=seeder.locale("ru"), name=name_ru, slug=slug
        )
        seeder.translate(f"news:topic:{slug}:en", topic, "en", {name_ru: name_en})
        seeder.translate(f"news:topic:{slug}:be", topic, "be", {name_ru: name_be})
        topics[slug] = topic
    return topics


def load_article(seeder, index, topics):
    amur = Region.objects.filter(code="28", locale=seeder.locale("ru")).first()
    libraries = [library for library in (_library("amur-ounb"), _library("nlb")) if library is not None]
    fields = {
        "title": TITLE,
        "slug": "amur-belarus-libraries-agreement",
        "introduction": LEAD,
        "publication_date": datetime.datetime(2024, 10, 25, 17, 54, tzinfo=MOSCOW),
        "main_image": _illustration(seeder),
        "main_image_alt": IMAGE_ALT,
        "main_image_credit": CREDIT,
        "body": [
            _paragraph(PARAGRAPH_1),
            _quote(QUOTE_GIGIN, GIGIN, GIGIN_ROLE),
            _paragraph(PARAGRAPH_LOBOVKINA),
            _paragraph(PARAGRAPH_VISIT),
            _quote(QUOTE_DORGUNOVA, DORGUNOVA, DORGUNOVA_ROLE),
            _paragraph(PARAGRAPH_NOVEMBER),
        ],
        "source_name": SOURCE,
        "related_agreement": _agreement(),
        "topic_links": [NewsPageTopic(topic=topic) for topic in topics.values() if topic is not None],
        "country_links": [
            NewsPageCountry(country=Country.objects.get(code=code, locale=seeder.locale("ru")))
            for code in ("RU", "BY")
        ],
        "region_links": [NewsPageRegion(region=amur)] if amur else [],
        "library_links": [NewsPageLibrary(library=library) for library in libraries],
    }
    article = seeder.page("news:amur-belarus-agreement", index, NewsPage, **fields)
    seeder.translate("news:amur-belarus-agreement:en", article, "en", NEWS_EN)
    seeder.translate("news:amur-belarus-agreement:be", article, "be", NEWS_BE)
    return article


def load(seeder):
    home = HomePage.objects.filter(locale__language_code="ru").first()

    registry = seeder.page("documents:registry", home, DocumentIndexPage, **REGISTRY_RU)
    seeder.translate("documents:registry:en", registry, "en", REGISTRY_EN)
    seeder.translate("documents:registry:be", registry, "be", REGISTRY_BE)

    index = seeder.page("news:index", home, NewsIndexPage, **NEWS_INDEX_RU)
    seeder.translate("news:index:en", index, "en", NEWS_INDEX_EN)
    seeder.translate("news:index:be", index, "be", NEWS_INDEX_BE)

    topics = load_topics(seeder)
    load_article(seeder, index, topics)
