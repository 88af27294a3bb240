"""Seed content of the events section: the Ryazan forum of April 2024 (document 05) and the annual
meeting of heads of libraries of November 2023 with the Ministry's letter about it (document 02).

Every Russian string is registered with its English translation right where it is written.
No times are given in the sources, so none are seeded: the sessions export as all-day events.
"""

import datetime
import re
import uuid

from documents.models import OfficialDocument
from events.blocks import SessionFormat
from events.models import (
    EventContact,
    EventContest,
    EventDirection,
    EventDocument,
    EventFormat,
    EventHall,
    EventIndexPage,
    EventKeyQuestion,
    EventKind,
    EventPage,
    EventParticipant,
)
from home.models import HomePage

EN = {}
NAMESPACE = uuid.UUID("6f0b0f4e-8a63-4d55-9d1c-4b1b1f0e2a17")


def t(ru, en):
    """Register the English translation of a Russian string and return the Russian."""
    EN[ru] = en
    return ru


def number_links(html):
    """Links as wagtail-localize writes them in segments: <a id="a1">, <a id="a2">…"""
    numbers = iter(range(1, 1000))
    return re.sub(r'<a href="[^"]*">', lambda _match: f'<a id="a{next(numbers)}">', html)


def english():
    """EN plus the forms wagtail-localize gives multi-line texts and links in its segments."""
    strings = dict(EN)
    for ru, en in EN.items():
        if "\n" in ru:
            strings[ru.replace("\n", "<br/>")] = en.replace("\n", "<br/>")
        if "<a href=" in ru:
            strings[number_links(ru)] = number_links(en)
    return strings


def stable_id(*parts):
    # Fixed ids keep block anchors and translation keys the same on every run.
    return str(uuid.uuid5(NAMESPACE, ":".join(parts)))


def library(slug):
    from libraries.models import Library

    return Library.objects.filter(slug=slug, locale__language_code="ru").first()


def items(model, key, texts):
    return [
        model(text=text, translation_key=stable_id(key, model.__name__, str(number)))
        for number, text in enumerate(texts)
    ]


def participant_rows(key, participants):
    """Organisers and supporters in order, linked to library records where they exist."""
    return [
        EventParticipant(
            role=role,
            name=name,
            library=library(slug) if slug else None,
            translation_key=stable_id(key, "participant", str(number)),
        )
        for number, (role, name, slug) in enumerate(participants)
    ]


# -- the events section --------------------------------------------------------------------------
INDEX = {
    "title": t("События", "Events"),
    "slug": "events",
    "introduction": t(
        "Форумы, совещания и конференции библиотек России: программы, трансляции и записи.",
        "Forums, meetings and conferences of Russian libraries: programmes, broadcasts and recordings.",
    ),
    "show_in_menus": True,
}

# -- the Ministry's letter (document 02) ---------------------------------------------------------
LETTER = {
    "kind": OfficialDocument.Kind.LETTER,
    "number": "606-01.1-39@-НП",
    "date": datetime.date(2023, 10, 10),
    "slug": "minculture-2023-606",
    "title": t(
        "О проведении Ежегодного совещания руководителей федеральных и центральных региональных "
        "библиотек России 28–29 ноября 2023 г.",
        "On the Annual Meeting of Heads of Federal and Central Regional Libraries of Russia, "
        "28–29 November 2023",
    ),
    "sender": t(
        "Министерство культуры Российской Федерации (Минкультуры России)",
        "Ministry of Culture of the Russian Federation (Ministry of Culture of Russia)",
    ),
    "sender_details": t(
        "125993, ГСП-3, Москва, Малый Гнезниковский пер., д. 7/6, стр. 1, 2\n"
        "Телефон: +7 495 629 10 10\n"
        "E-mail: mail@mkrf.ru",
        "7/6 Maly Gnezdnikovsky Lane, buildings 1 and 2, GSP-3, Moscow, 125993\n"
        "Phone: +7 495 629 10 10\n"
        "Email: mail@mkrf.ru",
    ),
    "signatory_name": t("Н.А. Преподобная", "N.A. Prepodobnaya"),
    "signatory_position": t("Статс-секретарь — заместитель министра", "State Secretary — Deputy Minister"),
    "addressees": t(
        "Руководителям органов исполнительной власти субъектов Российской Федерации в сфере культуры\n"
        "Руководителям подведомственных Минкультуры России библиотек",
        "Heads of the executive authorities of the constituent entities of the Russian Federation "
        "in the sphere of culture\n"
        "Heads of the libraries subordinate to the Ministry of Culture of Russia",
    ),
    "body": "".join(
        f"<p>{paragraph}</p>"
        for paragraph in (
            t(
                "Министерство культуры Российской Федерации информирует о проведении 28 - 29 ноября "
                "2023 г. в Российской государственной библиотеке (г. Москва, Дом Пашкова) Ежегодного "
                "совещания руководителей федеральных и центральных региональных библиотек России "
                "(далее – Ежегодное совещание).",
                "The Ministry of Culture of the Russian Federation announces that the Annual Meeting "
                "of Heads of Federal and Central Regional Libraries of Russia (the Annual Meeting) will "
                "be held on 28–29 November 2023 at the Russian State Library (Moscow, Pashkov House).",
            ),
            t(
                "Организаторами мероприятия выступают Минкультуры России, Российская государственная "
                "библиотека, Российская национальная библиотека при участии Российской государственной "
                "детской библиотеки.",
                "The meeting is organised by the Ministry of Culture of Russia, the Russian State Library "
                "and the National Library of Russia with the participation of the Russian State "
                "Children's Library.",
            ),
            t(
                "Основная тема Ежегодного совещания: «Совместной работой создаем успешное будущее "
                "библиотек: отраслевые проекты, взаимодействие, интеграция, обмен лучшими практиками».",
                "The main theme of the Annual Meeting is “Working together, we create a successful "
                "future for libraries: sector projects, cooperation, integration, sharing best practices”.",
            ),
            t(
                "Особое внимание будет уделено следующим направлениям: национальные, ведомственные, "
                "отраслевые и корпоративные проекты; цифровая трансформация, искусственный интеллект, "
                "нейросети для библиотек; комплектование и раскрытие фондов; современные формы "
                "организации работы с читателями; научно-исследовательская и образовательная "
                "деятельность библиотек; интеграция библиотек новых субъектов России.",
                "Particular attention will be paid to the following areas: national, departmental, "
                "sector and corporate projects; digital transformation, artificial intelligence and "
                "neural networks for libraries; acquisition and disclosure of collections; modern forms "
                "of work with readers; research and educational activities of libraries; integration "
                "of the libraries of Russia's new regions.",
            ),
            t(
                "В рамках Ежегодного совещания планируется проведение пленарного заседания и семинаров, "
                "торжественное подведение итогов и награждение победителей всероссийских конкурсов "
                "«Библиотеки. ПРОдвижение», «Библиотечная аналитика», научных работ по "
                "библиотековедению, библиографии и книговедению, «Выставочная деятельность библиотек, "
                "обслуживающих детей: современные решения и подходы», а также заседание Правления "
                "Российской библиотечной ассоциации.",
                "The Annual Meeting will include a plenary session and seminars, a ceremony announcing "
                "the results and awarding the winners of the all-Russian contests “Libraries. "
                "PROmotion”, “Library Analytics”, the contest of research papers in library science, "
                "bibliography and book studies, and “Exhibition work of libraries serving children: "
                "modern solutions and approaches”, as well as a meeting of the Board of the Russian "
                "Library Association.",
            ),
            t(
                "В работе Ежегодного совещания примут участие представители Минкультуры России, "
                "федеральных и центральных региональных библиотек.",
                "Representatives of the Ministry of Culture of Russia and of federal and central "
                "regional libraries will take part in the Annual Meeting.",
            ),
            t(
                "Подробная информация о мероприятии, условиях участия и порядке регистрации "
                'опубликована на сайте Российской государственной библиотеки (<a href="https://www.rsl.ru/">'
                "https://www.rsl.ru/</a>).",
                "Detailed information about the event, the terms of participation and registration is "
                'published on the website of the Russian State Library (<a href="https://www.rsl.ru/">'
                "https://www.rsl.ru/</a>).",
            ),
        )
    ),
}

# -- the annual meeting (document 02) ------------------------------------------------------------
MEETING_KEY = "forum:annual-meeting-2023"
RSL = t("Российская государственная библиотека", "Russian State Library")
MINCULTURE = t("Министерство культуры Российской Федерации", "Ministry of Culture of the Russian Federation")
MINCULTURE_SHORT = t("Минкультуры России", "Ministry of Culture of Russia")
RNB = t("Российская национальная библиотека", "National Library of Russia")
RGDB = t("Российская государственная детская библиотека", "Russian State Children's Library")

MEETING_TITLE = t(
    "Ежегодное совещание руководителей федеральных и центральных региональных библиотек России",
    "Annual Meeting of Heads of Federal and Central Regional Libraries of Russia",
)


def meeting_fields():
    key = MEETING_KEY
    participants = [
        (EventParticipant.Role.ORGANISER, MINCULTURE_SHORT, None),
        (EventParticipant.Role.ORGANISER, RSL, "rgb"),
        (EventParticipant.Role.ORGANISER, RNB, "rnb"),
        (EventParticipant.Role.PARTICIPATING, RGDB, "rgdb"),
    ]
    return {
        "title": MEETING_TITLE,
        "slug": "annual-meeting-2023",
        "kind": EventKind.MEETING,
        "start_date": datetime.date(2023, 11, 28),
        "end_date": datetime.date(2023, 11, 29),
        "city": t("Москва", "Moscow"),
        "venue_name": RSL,
        "venue_address": t("Дом Пашкова", "Pashkov House"),
        "introduction": t(
            "28–29 ноября 2023 года в Российской государственной библиотеке (Москва, Дом Пашкова) "
            "проходит Ежегодное совещание руководителей федеральных и центральных региональных "
            "библиотек России.",
            "On 28–29 November 2023 the Russian State Library (Moscow, Pashkov House) hosts the Annual "
            "Meeting of Heads of Federal and Central Regional Libraries of Russia.",
        ),
        "main_theme": t(
            "«Совместной работой создаем успешное будущее библиотек: отраслевые проекты, "
            "взаимодействие, интеграция, обмен лучшими практиками»",
            "“Working together, we create a successful future for libraries: sector projects, "
            "cooperation, integration, sharing best practices”",
        ),
        "audience": t(
            "Представители Минкультуры России, федеральных и центральных региональных библиотек.",
            "Representatives of the Ministry of Culture of Russia and of federal and central regional "
            "libraries.",
        ),
        "registration_url": "https://www.rsl.ru/",
        "registration_note": t(
            "Подробная информация о мероприятии, условиях участия и порядке регистрации опубликована "
            "на сайте Российской государственной библиотеки.",
            "Detailed information about the event, the terms of participation and registration is "
            "published on the website of the Russian State Library.",
        ),
        "participants": participant_rows(key, participants),
        "directions": items(
            EventDirection,
            key,
            [
                t(
                    "Национальные, ведомственные, отраслевые и корпоративные проекты",
                    "National, departmental, sector and corporate projects",
                ),
                t(
                    "Цифровая трансформация, искусственный интеллект, нейросети для библиотек",
                    "Digital transformation, artificial intelligence and neural networks for libraries",
                ),
                t("Комплектование и раскрытие фондов", "Acquisition and disclosure of collections"),
                t(
                    "Современные формы организации работы с читателями",
                    "Modern forms of work with readers",
                ),
                t(
                    "Научно-исследовательская и образовательная деятельность библиотек",
                    "Research and educational activities of libraries",
                ),
                t(
                    "Интеграция библиотек новых субъектов России",
                    "Integration of the libraries of Russia's new regions",
                ),
            ],
        ),
        "formats": items(
            EventFormat,
            key,
            [
                t("Пленарное заседание", "Plenary session"),
                t("Семинары", "Seminars"),
                t(
                    "Торжественное подведение итогов и награждение победителей всероссийских конкурсов",
                    "Ceremony announcing the results and awarding the winners of the all-Russian contests",
                ),
                t(
                    "Заседание Правления Российской библиотечной ассоциации",
                    "Meeting of the Board of the Russian Library Association",
                ),
            ],
        ),
        "contests": items(
            EventContest,
            key,
            [
                t(
                    "Всероссийский конкурс «Библиотеки. ПРОдвижение»",
                    "All-Russian contest “Libraries. PROmotion”",
                ),
                t(
                    "Всероссийский конкурс «Библиотечная аналитика»",
                    "All-Russian contest “Library Analytics”",
                ),
                t(
                    "Всероссийский конкурс научных работ по библиотековедению, библиографии и книговедению",
                    "All-Russian contest of research papers in library science, bibliography and "
                    "book studies",
                ),
                t(
                    "Всероссийский конкурс «Выставочная деятельность библиотек, обслуживающих детей: "
                    "современные решения и подходы»",
                    "All-Russian contest “Exhibition work of libraries serving children: modern solutions "
                    "and approaches”",
                ),
            ],
        ),
        "contacts": [
            EventContact(
                name=t("Тимчишина Ирина Васильевна", "Irina Vasilyevna Timchishina"),
                position=t(
                    "Начальник отдела библиотек Департамента региональной политики, образования и "
                    "проектного управления",
                    "Head of the Libraries Division, Department of Regional Policy, Education and "
                    "Project Management",
                ),
                organisation=MINCULTURE_SHORT,
                email="irina.timchishina@culture.gov.ru",
                phone="+7 (495) 629-10-10",
                extension="1782",
                translation_key=stable_id(key, "contact", "0"),
            ),
            EventContact(
                name=t("Иванова Елена Александровна", "Elena Aleksandrovna Ivanova"),
                position=t("Ученый секретарь", "Academic Secretary"),
                organisation=RSL,
                email="Ivanovaea@rsl.ru",
                phone="+7 (499) 557-04-70",
                extension="2252",
                translation_key=stable_id(key, "contact", "1"),
            ),
        ],
    }


# -- the Ryazan forum (document 05) --------------------------------------------------------------
FORUM_KEY = "forum:ryazan-2024"
HALLS = [
    t("Горьковский зал", "Gorky Hall"),
    t("Мультимедийный зал", "Multimedia Hall"),
    t("Большой конференц-зал", "Large Conference Hall"),
    t("Малый конференц-зал", "Small Conference Hall"),
    t("Краеведческий информационный отдел", "Local History Information Department"),
]
PROFESSIONAL_TOUR = t("Профессиональный тур", "Professional tour")


def session(number, title, format, track=None, recording_url=""):
    return {
        "type": "session",
        "id": stable_id(FORUM_KEY, "session", str(number)),
        "value": {
            "start_time": None,
            "end_time": None,
            "title": title,
            "format": format,
            "track_number": track,
            "track_name": PROFESSIONAL_TOUR if track else "",
            "hall": "",
            "moderators": "",
            "speakers": "",
            "description": "",
            "broadcast_url": "",
            "recording_url": recording_url,
            "provider": "",
        },
    }


def forum_fields():
    key = FORUM_KEY
    supporters = [
        (MINCULTURE, None),
        (t("Правительство Рязанской области", "Government of Ryazan Oblast"), None),
    ]
    organisers = [
        (RSL, "rgb"),
        (RNB, "rnb"),
        (
            t(
                "Всероссийская государственная библиотека иностранной литературы имени М.И. Рудомино",
                "M.I. Rudomino All-Russian State Library for Foreign Literature",
            ),
            "vgbil",
        ),
        (RGDB, "rgdb"),
        (t("Московский государственный институт культуры", "Moscow State Institute of Culture"), None),
        (
            t(
                "Рязанская областная универсальная научная библиотека имени Горького",
                "Gorky Ryazan Regional Universal Scientific Library",
            ),
            "ryazan-ounb",
        ),
        (t("Российская библиотечная ассоциация", "Russian Library Association"), None),
        (t("Общественная палата Рязанской области", "Civic Chamber of Ryazan Oblast"), None),
        (t("Рязанское библиотечное общество", "Ryazan Library Society"), None),
    ]
    participants = [(EventParticipant.Role.SUPPORTER, *row) for row in supporters] + [
        (EventParticipant.Role.ORGANISER, *row) for row in organisers
    ]
    programme = [
        {
            "type": "day",
            "id": stable_id(key, "day", "1"),
            "value": {
                "date": "2024-04-17",
                "title": t("Первый день", "Day one"),
                "sessions": [
                    session(
                        1,
                        t(
                            "Центральная экспертная сессия «Национальный проект “Культура”: "
                            "инвестиция в людей»",
                            "Central expert session “The National Project ‘Culture’: "
                            "an investment in people”",
                        ),
                        SessionFormat.EXPERT_SESSION,
                        recording_url="https://www.culture.ru/live/broadcast/91474/"
                        "ekspertnaya-sessiya-nacionalnyi-proekt-kultura-investiciya-v-lyudei",
                    ),
                    session(
                        2,
                        t(
                            "Экспертная площадка «Сохранение и популяризация культурного кода России: "
                            "стратегическая миссия библиотек»",
                            "Expert platform “Preserving and promoting Russia's cultural code: the strategic "
                            "mission of libraries”",
                        ),
                        SessionFormat.EXPERT_SESSION,
                        track=1,
                        recording_url="https://www.culture.ru/live/broadcast/92203/"
                        "sokhranenie-i-populyarizaciya-kulturnogo-koda-rossii-missiya-bibliotek",
                    ),
                    session(
                        3,
                        t(
                            "Диалоговая площадка «Лицом к людям: взаимодействие государства, бизнеса и "
                            "некоммерческих организаций»",
                            "Dialogue platform “Facing people: cooperation between the state, business and "
                            "non-profit organisations”",
                        ),
                        SessionFormat.DIALOGUE,
                        track=2,
                        recording_url="https://www.culture.ru/live/broadcast/92222/"
                        "licom-k-lyudyam-vzaimodeistvie-gosudarstva-biznesa-i-nekommercheskikh-organizacii",
                    ),
                    session(
                        4,
                        t(
                            "Лаборатория детских модельных библиотек",
                            "Laboratory of model children's libraries",
                        ),
                        SessionFormat.LABORATORY,
                        track=3,
                        recording_url="https://www.culture.ru/live/broadcast/92214/"
                        "vstrecha-laboratoriya-detskikh-modelnykh-bibliotek",
                    ),
                ],
            },
        },
        {
            "type": "day",
            "id": stable_id(key, "day", "2"),
            "value": {
                "date": "2024-04-18",
                "title": t("Второй день", "Day two"),
                "sessions": [
                    session(
                        5,
                        t(
                            "Специальное мероприятие Министерства культуры Российской Федерации «Проектная "
                            "работа по полноценной интеграции библиотек новых регионов в культурное "
                            "пространство страны»",
                            "Special event of the Ministry of Culture of the Russian Federation "
                            "“Project work on the full integration of the libraries of the new regions "
                            "into the country's cultural space”",
                        ),
                        SessionFormat.SPECIAL_EVENT,
                    ),
                ],
            },
        },
    ]
    return {
        "title": t(
            "Всероссийский форум «Роль центральных библиотек регионов России в реализации национального "
            "проекта “Культура”»",
            "All-Russian Forum “The Role of Central Regional Libraries of Russia in Implementing the "
            "National Project ‘Culture’”",
        ),
        "slug": "ryazan-forum-2024",
        "kind": EventKind.FORUM,
        "start_date": datetime.date(2024, 4, 17),
        "end_date": datetime.date(2024, 4, 18),
        "city": t("Рязань", "Ryazan"),
        "introduction": t(
            "17–18 апреля 2024 года в Рязани состоялся Всероссийский форум «Роль центральных библиотек "
            "регионов России в реализации национального проекта “Культура”».",
            "On 17–18 April 2024 Ryazan hosted the All-Russian Forum “The Role of Central Regional "
            "Libraries of Russia in Implementing the National Project ‘Culture’”.",
        ),
        "main_theme": t(
            "Роль центральных библиотек регионов России в реализации национального проекта «Культура»",
            "The role of central regional libraries of Russia in implementing the National Project “Culture”",
        ),
        "audience": t(
            "Сотрудники федеральных, центральных региональных, муниципальных библиотек Российской "
            "Федерации, представители некоммерческих организаций и бизнеса.",
            "Staff of federal, central regional and municipal libraries of the Russian Federation, "
            "representatives of non-profit organisations and business.",
        ),
        "broadcast_platform": t("Культура.РФ", "Kultura.RF"),
        "description": [
            (
                "paragraph",
                "<p>"
                + t(
                    "С 2019 года форум является стратегической коммуникативной площадкой национального "
                    "проекта «Культура» для специалистов в области библиотечного дела, органов власти, "
                    "общественных деятелей, представителей некоммерческих организаций и бизнеса.",
                    "Since 2019 the forum has been the strategic communication platform of the National "
                    "Project “Culture” for library professionals, public authorities, public figures and "
                    "representatives of non-profit organisations and business.",
                )
                + "</p>",
            ),
        ],
        "halls": [
            EventHall(name=name, translation_key=stable_id(key, "hall", str(number)))
            for number, name in enumerate(HALLS)
        ],
        "participants": participant_rows(key, participants),
        "key_questions": items(
            EventKeyQuestion,
            key,
            [
                t(
                    "Библиотека – мир возможностей для каждого",
                    "The library: a world of opportunities for everyone",
                ),
                t(
                    "Модернизация библиотек России на современном этапе",
                    "Modernising Russia's libraries at the present stage",
                ),
                t(
                    "Интеграция библиотек новых российских регионов в профессиональное пространство",
                    "Integrating the libraries of Russia's new regions into the professional community",
                ),
                t("Развитие кадрового потенциала отрасли", "Developing the sector's human resources"),
                t(
                    "Взаимодействие государства, бизнеса и некоммерческих организаций",
                    "Cooperation between the state, business and non-profit organisations",
                ),
                t(
                    "Фонды и электронные ресурсы библиотек в цифровой среде",
                    "Library collections and electronic resources in the digital environment",
                ),
                t(
                    "Потенциал креативных индустрий и IТ-технологий в развитии библиотек",
                    "The potential of creative industries and IT in the development of libraries",
                ),
                t("Межведомственное взаимодействие", "Interdepartmental cooperation"),
            ],
        ),
        "formats": items(
            EventFormat,
            key,
            [
                t("Центральная экспертная сессия", "Central expert session"),
                t("Диалоговые площадки", "Dialogue platforms"),
                t("Творческие лаборатории", "Creative laboratories"),
                t(
                    "Экскурсии в библиотеки нового поколения города Рязани и области",
                    "Excursions to new-generation libraries of Ryazan and Ryazan Oblast",
                ),
                t(
                    "Экскурсия в Региональный центр консервации и реставрации библиотечных фондов "
                    "Рязанской области",
                    "Excursion to the Regional Centre for the Conservation and Restoration of Library "
                    "Collections of Ryazan Oblast",
                ),
                t("Культурная программа", "Cultural programme"),
            ],
        ),
        "programme": programme,
    }


def load(seeder):
    # Build every page's data first: that registers all English strings before any translation, so
    # each translation is fingerprinted with the same dictionary on every run.
    meeting = meeting_fields()
    forum = forum_fields()
    home = HomePage.objects.filter(locale__language_code="ru").first()
    index = seeder.page("forum:index", home, EventIndexPage, **INDEX)
    seeder.translate("forum:index:en", index, "en", english())

    # The letter and its translation come before the page that links to it.
    letter = seeder.object("document:minculture-606", OfficialDocument, locale=seeder.locale("ru"), **LETTER)
    seeder.translate("document:minculture-606:en", letter, "en", english())

    if letter is not None:
        meeting["related_documents"] = [
            EventDocument(document=letter, translation_key=stable_id(MEETING_KEY, "document", "0"))
        ]
    meeting_page = seeder.page(MEETING_KEY, index, EventPage, **meeting)
    seeder.translate(f"{MEETING_KEY}:en", meeting_page, "en", english())

    forum_page = seeder.page(FORUM_KEY, index, EventPage, **forum)
    seeder.translate(f"{FORUM_KEY}:en", forum_page, "en", english())
