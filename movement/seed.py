"""Seed content of the movement: document 01 (letter of БГУНБ, 3 June 2024 No. 01-16/124).

Only facts of the letter: the movement, its founding, aims and whom it supports,
the June 2024 flashmob, the letter itself and its attachment (the banner). The
banner is drawn here, since the letter's attachment is not among the sources;
its caption says so. No participants: the letter names none.
"""

import datetime
import io
import uuid

from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Page

from documents.models import OfficialDocument, OfficialDocumentAttachment
from home.models import HomePage
from libraries.models import Library
from movement import graphics
from movement.models import CampaignPage, MovementPage

SEED_NAMESPACE = uuid.UUID("5b1f0c3e-2f55-4c57-9a77-0a1d9c6f3e01")

ORIGINAL_MOVEMENT_URL = "https://nmohgunb.wixsite.com/virtualniy/vmeste-silnyee"
BGUNB_RU = "Белгородская государственная универсальная научная библиотека"
BGUNB_ADDRESS = "ул. Попова, 39а, г. Белгород, 308000"

AIMS_SENTENCE = (
    "Движение направлено на объединение деятельности библиотек разных систем и ведомств Российской "
    "Федерации в период СВО, в том числе на реализацию комплекса различных форматов информационной, "
    "культурной, социальной, просветительской, образовательной и волонтерской работы библиотек для "
    "поддержки местных жителей своих территорий, в том числе военнослужащих и их семей, временных "
    "переселенцев и беженцев, – всех, кто оказался в сложных жизненных обстоятельствах в период "
    "проведения СВО: сохранения памяти о событиях и людях, связанных с СВО."
)
FOUNDING_SENTENCE = (
    "На Всероссийском библиотечном конгрессе в рамках проведения XVIII Ежегодной конференции Российской "
    "библиотечной ассоциации в Казани было принято решение о создании Всероссийского библиотечного "
    "движения «Вместе сильнее» (далее – Движение), инициатором которого выступила Белгородская "
    "государственная универсальная научная библиотека (далее – БГУНБ)."
)
FLASHMOB_SENTENCE = (
    "В честь празднования 12 июня Дня России и, принимая во внимание всероссийский масштаб Движения, "
    "БГУНБ инициирует проведение всероссийского флешмоба #Вместе_сильнее, олицетворяющего массовое "
    "присоединение общедоступных библиотек России к Движению."
)
INVITATION_SENTENCE = (
    "Предлагаем принять участие во флешмобе, а также информировать общедоступные библиотеки ваших "
    "регионов о возможности участия в нем."
)
HOW_SENTENCE = (
    "Для участия во флешмобе #Вместе_сильнее необходимо с 6 по 12 июня 2024 года разместить на "
    "официальных медиа-площадках государственных и муниципальных библиотек (сайт, социальные сети, "
    "мессенджеры и др.) баннер (см. Приложение) с обязательным указанием хештега #вместе_сильнее, "
    "краткой информацией о Движении, ссылкой или QR-кодом на страницу Движения "
)
COMMITMENT_SENTENCE = (
    "Принимая участие во флешмобе #Вместе_сильнее, библиотеки подтверждают свою приверженность целям и "
    "задачам Движения, поддерживая его и обеспечивая помощь жителям своих территорий в период СВО."
)

LETTER_BODY = "".join(
    [
        "<p>Уважаемые коллеги!</p>",
        f"<p>{FOUNDING_SENTENCE}</p>",
        f"<p>{AIMS_SENTENCE}</p>",
        f"<p>{FLASHMOB_SENTENCE}</p>",
        f"<p>{INVITATION_SENTENCE}</p>",
        f'<p>{HOW_SENTENCE}(<a href="{ORIGINAL_MOVEMENT_URL}">{ORIGINAL_MOVEMENT_URL}</a>).</p>',
        f"<p>{COMMITMENT_SENTENCE}</p>",
        "<p>Приложение: на 1 стр. в 1 экз. Баннер для флешмоба #Вместе_сильнее</p>",
        "<p>С уважением,</p>",
    ]
)

LETTER = {
    "kind": OfficialDocument.Kind.LETTER,
    "number": "01-16/124",
    "date": datetime.date(2024, 6, 3),
    "title": "О проведении флешмоба «Вместе сильнее»",
    "slug": "bgunb-2024-01-16-124",
    "sender": (
        "Государственное бюджетное учреждение культуры «Белгородская государственная универсальная "
        "научная библиотека»"
    ),
    "sender_details": (
        "Российская Федерация\n"
        "Министерство культуры Белгородской области\n"
        f"{BGUNB_ADDRESS}\n"
        "тел. (4722) 31-01-62\n"
        "факс (4722) 26-48-54\n"
        "E-mail: bgunb@bgunb.ru"
    ),
    "signatory_name": "Н.П. Рожкова",
    "signatory_position": "директор библиотеки",
    "addressees": "Директорам государственных библиотек субъектов РФ",
    "body": LETTER_BODY,
}
ATTACHMENT_TITLE = "Баннер для флешмоба #Вместе_сильнее"
ATTACHMENT_PAGES = "на 1 стр. в 1 экз."

BANNER_LINES = [
    ("#Вместе_сильнее", 110),
    ("Всероссийский флешмоб", 64),
    ("6–12 июня 2024 года", 64),
    ("12 июня — День России", 64),
    ("Всероссийское библиотечное движение", 44),
    ("«Вместе сильнее»", 44),
]

MOVEMENT = {
    "title": "Движение «Вместе сильнее»",
    "slug": "dvizhenie",
    "show_in_menus": True,
    "introduction": (
        "Всероссийское библиотечное движение «Вместе сильнее» объединяет деятельность библиотек разных "
        "систем и ведомств Российской Федерации в период СВО."
    ),
    "full_name": "Всероссийское библиотечное движение «Вместе сильнее»",
    "hashtag": "#Вместе_сильнее",
    "initiator_name": f"{BGUNB_RU} (БГУНБ)",
    "founding_event": (
        "Всероссийский библиотечный конгресс в рамках XVIII Ежегодной конференции Российской "
        "библиотечной ассоциации"
    ),
    "founding_city": "Казань",
    "original_url": ORIGINAL_MOVEMENT_URL,
    "contact_address": BGUNB_ADDRESS,
    "contact_phone": "(4722) 31-01-62",
    "contact_fax": "(4722) 26-48-54",
    "contact_email": "bgunb@bgunb.ru",
    "body": [
        ("paragraph", f"<p>{FOUNDING_SENTENCE}</p>"),
        ("heading", {"text": "Цели движения", "level": "h2"}),
        ("paragraph", f"<p>{AIMS_SENTENCE}</p>"),
        (
            "goal",
            {
                "text": "Объединение деятельности библиотек разных систем и ведомств Российской Федерации "
                "в период СВО",
                "details": [],
            },
        ),
        (
            "goal",
            {
                "text": "Реализация комплекса различных форматов работы библиотек для поддержки местных "
                "жителей своих территорий",
                "details": [
                    "информационная работа",
                    "культурная работа",
                    "социальная работа",
                    "просветительская работа",
                    "образовательная работа",
                    "волонтерская работа",
                ],
            },
        ),
        ("goal", {"text": "Сохранение памяти о событиях и людях, связанных с СВО", "details": []}),
    ],
    "supported_groups": [
        ("group", {"name": "местные жители своих территорий", "note": ""}),
        ("group", {"name": "военнослужащие и их семьи", "note": ""}),
        ("group", {"name": "временные переселенцы и беженцы", "note": ""}),
        (
            "group",
            {
                "name": "все, кто оказался в сложных жизненных обстоятельствах в период проведения СВО",
                "note": "",
            },
        ),
    ],
}

CAMPAIGN = {
    "title": "Флешмоб #Вместе_сильнее ко Дню России",
    "slug": "flashmob-2024",
    "introduction": (
        "Всероссийский флешмоб #Вместе_сильнее, олицетворяющий массовое присоединение общедоступных "
        "библиотек России к Движению, прошёл с 6 по 12 июня 2024 года в честь Дня России."
    ),
    "hashtag": "#Вместе_сильнее",
    "post_hashtag": "#вместе_сильнее",
    "start_date": datetime.date(2024, 6, 6),
    "end_date": datetime.date(2024, 6, 12),
    "occasion": "День России",
    "occasion_date": datetime.date(2024, 6, 12),
    "body": [
        ("paragraph", f"<p>{FLASHMOB_SENTENCE}</p>"),
        (
            "paragraph",
            "<p>Государственным библиотекам субъектов РФ предложено принять участие во флешмобе, а также "
            "информировать общедоступные библиотеки своих регионов о возможности участия в нем.</p>",
        ),
        ("paragraph", f"<p>{COMMITMENT_SENTENCE}</p>"),
    ],
    "steps": [
        (
            "step",
            {
                "title": "Разместите баннер",
                "text": "С 6 по 12 июня 2024 года — на официальных медиа-площадках государственных и "
                "муниципальных библиотек (сайт, социальные сети, мессенджеры и др.). Баннер — приложение "
                "к письму БГУНБ.",
            },
        ),
        ("step", {"title": "Укажите хештег", "text": "Обязательно укажите хештег #вместе_сильнее."}),
        ("step", {"title": "Расскажите о Движении", "text": "Добавьте краткую информацию о Движении."}),
        (
            "step",
            {
                "title": "Дайте ссылку или QR-код",
                "text": f"Ссылка или QR-код на страницу Движения: {ORIGINAL_MOVEMENT_URL}",
            },
        ),
    ],
    "accepts_reports": True,
}
BANNER_ALT = "Баннер флешмоба: хештег #Вместе_сильнее, даты 6–12 июня 2024 года, 12 июня — День России"
BANNER_CAPTION = "Баннер для флешмоба #Вместе_сильнее"
BANNER_CREDIT = "Рисунок портала по тексту письма БГУНБ; оригинал — приложение к письму"

LETTER_EN = {
    LETTER["title"]: "On holding the flashmob “Together Stronger”",
    LETTER["sender"]: (
        "State Budgetary Institution of Culture “Belgorod State Universal Scientific Library”"
    ),
    # wagtail-localize keeps the line breaks of a text field as <br/>.
    LETTER["sender_details"].replace("\n", "<br/>"): "<br/>".join(
        [
            "Russian Federation",
            "Ministry of Culture of Belgorod Oblast",
            "39a Popova St., Belgorod, 308000",
            "tel. (4722) 31-01-62",
            "fax (4722) 26-48-54",
            "E-mail: bgunb@bgunb.ru",
        ]
    ),
    "Н.П. Рожкова": "N.P. Rozhkova",
    "директор библиотеки": "Director of the Library",
    LETTER[
        "addressees"
    ]: "To the directors of the state libraries of the constituent entities of the Russian Federation",
    "Уважаемые коллеги!": "Dear colleagues,",
    FOUNDING_SENTENCE: (
        "At the All-Russian Library Congress, held within the XVIII Annual Conference of the Russian "
        "Library Association in Kazan, it was decided to establish the All-Russian library movement "
        "“Together Stronger” (hereinafter, the Movement), initiated by the Belgorod State Universal "
        "Scientific Library (hereinafter, BGUNB)."
    ),
    AIMS_SENTENCE: (
        "The Movement aims to unite the work of libraries of different systems and departments of the "
        "Russian Federation during the special military operation (SMO), including carrying out a range "
        "of information, cultural, social, educational, awareness-raising and volunteer formats of library "
        "work to support the local residents of their territories, among them service members and their "
        "families, temporarily displaced persons and refugees – everyone who has found themselves in "
        "difficult life circumstances during the SMO; and preserving the memory of the events and people "
        "connected with the SMO."
    ),
    FLASHMOB_SENTENCE: (
        "To celebrate Russia Day on 12 June, and given the nationwide scale of the Movement, BGUNB is "
        "launching the all-Russian flashmob #Вместе_сильнее (#TogetherStronger), which embodies public "
        "libraries across Russia joining the Movement en masse."
    ),
    INVITATION_SENTENCE: (
        "We invite you to take part in the flashmob and to let the public libraries of your regions know "
        "that they can take part in it."
    ),
    HOW_SENTENCE + '(<a id="a1">' + ORIGINAL_MOVEMENT_URL + "</a>).": (
        "To take part in the flashmob #Вместе_сильнее, from 6 to 12 June 2024 post on the official media "
        "channels of state and municipal libraries (website, social networks, messengers, etc.) the banner "
        "(see the Attachment), always with the hashtag #вместе_сильнее, a short note about the Movement, "
        'and a link or QR code to the Movement\'s page (<a id="a1">' + ORIGINAL_MOVEMENT_URL + "</a>)."
    ),
    COMMITMENT_SENTENCE: (
        "By taking part in the flashmob #Вместе_сильнее, libraries confirm their commitment to the aims and "
        "tasks of the Movement, supporting it and helping the residents of their territories during the SMO."
    ),
    "Приложение: на 1 стр. в 1 экз. Баннер для флешмоба #Вместе_сильнее": (
        "Attachment: 1 page, 1 copy. Banner for the flashmob #Вместе_сильнее"
    ),
    "С уважением,": "Yours faithfully,",
    ATTACHMENT_TITLE: "Banner for the flashmob #Вместе_сильнее",
    ATTACHMENT_PAGES: "1 page, 1 copy",
}

MOVEMENT_EN = {
    MOVEMENT["title"]: "The “Together Stronger” movement",
    MOVEMENT["introduction"]: (
        "The All-Russian library movement “Together Stronger” unites the work of libraries of different "
        "systems and departments of the Russian Federation during the special military operation (SMO)."
    ),
    MOVEMENT["full_name"]: "All-Russian library movement “Together Stronger” (Вместе сильнее)",
    MOVEMENT["initiator_name"]: "Belgorod State Universal Scientific Library (BGUNB)",
    MOVEMENT["founding_event"]: (
        "the All-Russian Library Congress within the XVIII Annual Conference "
        "of the Russian Library Association"
    ),
    "Казань": "Kazan",
    BGUNB_ADDRESS: "39a Popova St., Belgorod, 308000",
    FOUNDING_SENTENCE: LETTER_EN[FOUNDING_SENTENCE],
    "Цели движения": "Aims of the movement",
    AIMS_SENTENCE: LETTER_EN[AIMS_SENTENCE],
    MOVEMENT["body"][3][1]["text"]: (
        "Uniting the work of libraries of different systems and departments of the Russian Federation "
        "during the SMO"
    ),
    MOVEMENT["body"][4][1]["text"]: (
        "Carrying out a range of formats of library work to support the local residents of their territories"
    ),
    "информационная работа": "information work",
    "культурная работа": "cultural work",
    "социальная работа": "social work",
    "просветительская работа": "awareness-raising work",
    "образовательная работа": "educational work",
    "волонтерская работа": "volunteer work",
    "Сохранение памяти о событиях и людях, связанных с СВО": (
        "Preserving the memory of the events and people connected with the SMO"
    ),
    "местные жители своих территорий": "local residents of the libraries' territories",
    "военнослужащие и их семьи": "service members and their families",
    "временные переселенцы и беженцы": "temporarily displaced persons and refugees",
    "все, кто оказался в сложных жизненных обстоятельствах в период проведения СВО": (
        "everyone who has found themselves in difficult life circumstances during the SMO"
    ),
}

CAMPAIGN_EN = {
    CAMPAIGN["title"]: "Flashmob #Вместе_сильнее for Russia Day",
    CAMPAIGN["introduction"]: (
        "The all-Russian flashmob #Вместе_сильнее (#TogetherStronger), embodying public libraries across "
        "Russia joining the Movement en masse, took place from 6 to 12 June 2024 in honour of Russia Day."
    ),
    "День России": "Russia Day",
    FLASHMOB_SENTENCE: LETTER_EN[FLASHMOB_SENTENCE],
    CAMPAIGN["body"][1][1][3:-4]: (
        "The state libraries of the constituent entities of the Russian Federation were invited to take "
        "part in the flashmob and to let the public libraries of their regions know that they can take part "
        "in it."
    ),
    COMMITMENT_SENTENCE: LETTER_EN[COMMITMENT_SENTENCE],
    "Разместите баннер": "Post the banner",
    CAMPAIGN["steps"][0][1]["text"]: (
        "From 6 to 12 June 2024, on the official media channels of state and municipal libraries (website, "
        "social networks, messengers, etc.). The banner is the attachment to BGUNB's letter."
    ),
    "Укажите хештег": "Add the hashtag",
    "Обязательно укажите хештег #вместе_сильнее.": "Always add the hashtag #вместе_сильнее.",
    "Расскажите о Движении": "Tell about the Movement",
    "Добавьте краткую информацию о Движении.": "Add a short note about the Movement.",
    "Дайте ссылку или QR-код": "Give a link or a QR code",
    CAMPAIGN["steps"][3][1]["text"]: f"A link or QR code to the Movement's page: {ORIGINAL_MOVEMENT_URL}",
    BANNER_ALT: (
        "Flashmob banner: the hashtag #Вместе_сильнее, the dates 6–12 June 2024, 12 June — Russia Day"
    ),
    BANNER_CAPTION: "Banner for the flashmob #Вместе_сильнее",
    BANNER_CREDIT: (
        "Drawn by the portal from the text of BGUNB's letter; the original is the letter's attachment"
    ),
}


LETTER_BE = {
    LETTER["title"]: "Аб правядзенні флэшмобу «Разам мацней»",
    LETTER["sender"]: (
        "Дзяржаўная бюджэтная ўстанова культуры «Бялгародская дзяржаўная ўніверсальная навуковая бібліятэка»"
    ),
    LETTER["sender_details"].replace("\n", "<br/>"): "<br/>".join(
        [
            "Расійская Федэрацыя",
            "Міністэрства культуры Бялгародскай вобласці",
            "вул. Папова, 39а, г. Бялгарад, 308000",
            "тэл. (4722) 31-01-62",
            "факс (4722) 26-48-54",
            "E-mail: bgunb@bgunb.ru",
        ]
    ),
    "Н.П. Рожкова": "Н.П. Рожкава",
    "директор библиотеки": "дырэктар бібліятэкі",
    LETTER["addressees"]: "Дырэктарам дзяржаўных бібліятэк суб'ектаў РФ",
    "Уважаемые коллеги!": "Паважаныя калегі!",
    FOUNDING_SENTENCE: (
        "На Усерасійскім бібліятэчным кангрэсе ў рамках XVIII Штогадовай канферэнцыі Расійскай "
        "бібліятэчнай асацыяцыі ў Казані было прынята рашэнне аб стварэнні Усерасійскага бібліятэчнага "
        "руху «Разам мацней» (далей – Рух), ініцыятарам якога выступіла Бялгародская дзяржаўная "
        "ўніверсальная навуковая бібліятэка (далей – БДУНБ)."
    ),
    AIMS_SENTENCE: (
        "Рух накіраваны на аб'яднанне дзейнасці бібліятэк розных сістэм і ведамстваў Расійскай Федэрацыі "
        "ў перыяд СВА, у тым ліку на рэалізацыю комплексу розных фарматаў інфармацыйнай, культурнай, "
        "сацыяльнай, асветніцкай, адукацыйнай і валанцёрскай работы бібліятэк для падтрымкі мясцовых "
        "жыхароў сваіх тэрыторый, у тым ліку вайскоўцаў і іх сем'яў, часовых перасяленцаў і бежанцаў, – "
        "усіх, хто апынуўся ў складаных жыццёвых абставінах у перыяд правядзення СВА: захавання памяці "
        "пра падзеі і людзей, звязаных са СВА."
    ),
    FLASHMOB_SENTENCE: (
        "У гонар святкавання 12 чэрвеня Дня Расіі і, улічваючы ўсерасійскі маштаб Руху, БДУНБ ініцыюе "
        "правядзенне ўсерасійскага флэшмобу #Вместе_сильнее, які ўвасабляе масавае далучэнне "
        "агульнадаступных бібліятэк Расіі да Руху."
    ),
    INVITATION_SENTENCE: (
        "Прапануем прыняць удзел у флэшмобе, а таксама інфармаваць агульнадаступныя бібліятэкі вашых "
        "рэгіёнаў пра магчымасць удзелу ў ім."
    ),
    HOW_SENTENCE + '(<a id="a1">' + ORIGINAL_MOVEMENT_URL + "</a>).": (
        "Для ўдзелу ў флэшмобе #Вместе_сильнее неабходна з 6 па 12 чэрвеня 2024 года размясціць на "
        "афіцыйных медыяпляцоўках дзяржаўных і муніцыпальных бібліятэк (сайт, сацыяльныя сеткі, "
        "месенджары і інш.) банер (гл. Дадатак) з абавязковым указаннем хэштэга #вместе_сильнее, "
        "кароткай інфармацыяй пра Рух, спасылкай або QR-кодам на старонку Руху "
        '(<a id="a1">' + ORIGINAL_MOVEMENT_URL + "</a>)."
    ),
    COMMITMENT_SENTENCE: (
        "Прымаючы ўдзел у флэшмобе #Вместе_сильнее, бібліятэкі пацвярджаюць сваю прыхільнасць мэтам і "
        "задачам Руху, падтрымліваючы яго і забяспечваючы дапамогу жыхарам сваіх тэрыторый у перыяд СВА."
    ),
    "Приложение: на 1 стр. в 1 экз. Баннер для флешмоба #Вместе_сильнее": (
        "Дадатак: на 1 с. у 1 экз. Банер для флэшмобу #Вместе_сильнее"
    ),
    "С уважением,": "З павагай,",
    ATTACHMENT_TITLE: "Банер для флэшмобу #Вместе_сильнее",
    ATTACHMENT_PAGES: "на 1 с. у 1 экз.",
}

MOVEMENT_BE = {
    MOVEMENT["title"]: "Рух «Разам мацней»",
    MOVEMENT["introduction"]: (
        "Усерасійскі бібліятэчны рух «Разам мацней» аб'ядноўвае дзейнасць бібліятэк розных сістэм і "
        "ведамстваў Расійскай Федэрацыі ў перыяд СВА."
    ),
    MOVEMENT["full_name"]: "Усерасійскі бібліятэчны рух «Разам мацней» («Вместе сильнее»)",
    MOVEMENT["initiator_name"]: "Бялгародская дзяржаўная ўніверсальная навуковая бібліятэка (БДУНБ)",
    MOVEMENT["founding_event"]: (
        "Усерасійскі бібліятэчны кангрэс у рамках XVIII Штогадовай канферэнцыі "
        "Расійскай бібліятэчнай асацыяцыі"
    ),
    "Казань": "Казань",
    BGUNB_ADDRESS: "вул. Папова, 39а, г. Бялгарад, 308000",
    FOUNDING_SENTENCE: LETTER_BE[FOUNDING_SENTENCE],
    "Цели движения": "Мэты руху",
    AIMS_SENTENCE: LETTER_BE[AIMS_SENTENCE],
    MOVEMENT["body"][3][1]["text"]: (
        "Аб'яднанне дзейнасці бібліятэк розных сістэм і ведамстваў Расійскай Федэрацыі ў перыяд СВА"
    ),
    MOVEMENT["body"][4][1]["text"]: (
        "Рэалізацыя комплексу розных фарматаў работы бібліятэк для падтрымкі мясцовых жыхароў сваіх тэрыторый"
    ),
    "информационная работа": "інфармацыйная работа",
    "культурная работа": "культурная работа",
    "социальная работа": "сацыяльная работа",
    "просветительская работа": "асветніцкая работа",
    "образовательная работа": "адукацыйная работа",
    "волонтерская работа": "валанцёрская работа",
    "Сохранение памяти о событиях и людях, связанных с СВО": (
        "Захаванне памяці пра падзеі і людзей, звязаных са СВА"
    ),
    "местные жители своих территорий": "мясцовыя жыхары сваіх тэрыторый",
    "военнослужащие и их семьи": "вайскоўцы і іх сем'і",
    "временные переселенцы и беженцы": "часовыя перасяленцы і бежанцы",
    "все, кто оказался в сложных жизненных обстоятельствах в период проведения СВО": (
        "усе, хто апынуўся ў складаных жыццёвых абставінах у перыяд правядзення СВА"
    ),
}

CAMPAIGN_BE = {
    CAMPAIGN["title"]: "Флэшмоб #Вместе_сильнее да Дня Расіі",
    CAMPAIGN["introduction"]: (
        "Усерасійскі флэшмоб #Вместе_сильнее, які ўвасабляе масавае далучэнне агульнадаступных бібліятэк "
        "Расіі да Руху, прайшоў з 6 па 12 чэрвеня 2024 года ў гонар Дня Расіі."
    ),
    "День России": "Дзень Расіі",
    FLASHMOB_SENTENCE: LETTER_BE[FLASHMOB_SENTENCE],
    CAMPAIGN["body"][1][1][3:-4]: (
        "Дзяржаўным бібліятэкам суб'ектаў РФ прапанавана прыняць удзел у флэшмобе, а таксама інфармаваць "
        "агульнадаступныя бібліятэкі сваіх рэгіёнаў пра магчымасць удзелу ў ім."
    ),
    COMMITMENT_SENTENCE: LETTER_BE[COMMITMENT_SENTENCE],
    "Разместите баннер": "Размясціце банер",
    CAMPAIGN["steps"][0][1]["text"]: (
        "З 6 па 12 чэрвеня 2024 года — на афіцыйных медыяпляцоўках дзяржаўных і муніцыпальных бібліятэк "
        "(сайт, сацыяльныя сеткі, месенджары і інш.). Банер — дадатак да ліста БДУНБ."
    ),
    "Укажите хештег": "Укажыце хэштэг",
    "Обязательно укажите хештег #вместе_сильнее.": "Абавязкова ўкажыце хэштэг #вместе_сильнее.",
    "Расскажите о Движении": "Раскажыце пра Рух",
    "Добавьте краткую информацию о Движении.": "Дадайце кароткую інфармацыю пра Рух.",
    "Дайте ссылку или QR-код": "Дайце спасылку або QR-код",
    CAMPAIGN["steps"][3][1]["text"]: f"Спасылка або QR-код на старонку Руху: {ORIGINAL_MOVEMENT_URL}",
    BANNER_ALT: (
        "Банер флэшмобу: хэштэг #Вместе_сильнее, даты 6–12 чэрвеня 2024 года, 12 чэрвеня — Дзень Расіі"
    ),
    BANNER_CAPTION: "Банер для флэшмобу #Вместе_сильнее",
    BANNER_CREDIT: "Малюнак партала па тэксце ліста БДУНБ; арыгінал — дадатак да ліста",
}


def _banner(seeder):
    content = graphics.flashmob_banner(BANNER_LINES)
    return seeder.object(
        "movement:banner-2024",
        get_image_model(),
        title=ATTACHMENT_TITLE,
        file=ImageFile(io.BytesIO(content), name="flashmob-vmeste-silnee-2024.png"),
    )


def _letter(seeder, banner):
    ru = seeder.locale("ru")
    sender_library = Library.objects.filter(slug="bgunb", locale=ru).first()
    attachment = OfficialDocumentAttachment(
        locale=ru,
        translation_key=uuid.uuid5(SEED_NAMESPACE, "document:bgunb-01-16-124:attachment:1"),
        title=ATTACHMENT_TITLE,
        pages=ATTACHMENT_PAGES,
        image=banner,
        sort_order=0,
    )
    return seeder.object(
        "document:bgunb-01-16-124",
        OfficialDocument,
        locale=ru,
        sender_library=sender_library,
        attachments=[attachment],
        **LETTER,
    )


def load(seeder):
    home = HomePage.objects.filter(locale__language_code="ru").first()
    banner = _banner(seeder)
    letter = _letter(seeder, banner)
    # A page's translation links the letter: translate the letter first.
    seeder.translate("document:bgunb-01-16-124:en", letter, "en", LETTER_EN)
    seeder.translate("document:bgunb-01-16-124:be", letter, "be", LETTER_BE)

    initiator = Library.objects.filter(slug="bgunb", locale=seeder.locale("ru")).first()
    movement = seeder.page("movement", home, MovementPage, initiator_library=initiator, **MOVEMENT)
    banners = [
        (
            "banner",
            {
                "image": {"image": banner, "alt_text": BANNER_ALT, "decorative": False},
                "caption": BANNER_CAPTION,
                "credit": BANNER_CREDIT,
            },
        )
    ]
    campaign = seeder.page(
        "movement:flashmob-2024",
        movement,
        CampaignPage,
        official_letter=letter,
        banners=banners,
        listing_image=banner,
        **CAMPAIGN,
    )
    for code, movement_strings, campaign_strings in (
        ("en", MOVEMENT_EN, CAMPAIGN_EN),
        ("be", MOVEMENT_BE, CAMPAIGN_BE),
    ):
        seeder.translate(f"movement:{code}", movement, code, movement_strings)
        if isinstance(campaign, Page):
            seeder.translate(f"movement:flashmob-2024:{code}", campaign, code, campaign_strings)
