"""Editorial journeys in the real admin, in Debian's Chromium, by clicking what a person clicks.

Nothing here posts to a URL: forms are filled and their buttons pressed; addresses are only visited
(as a person opens a bookmark). One live server and one browser serve the module; what the journeys
commit is undone afterwards (tests/frontend/live.py). The Moderators' notices are background jobs:
the test works the queue off as ``manage.py db_worker`` does and the worker sends them to a real
SMTP server on a loopback port.
"""

import re

import pytest
from playwright.sync_api import expect

from django.test import override_settings

from tests.frontend.live import BOUND, in_db, live_server, writable_database
from tests.frontend.live import chromium as launch
from tests.smtp import SMTPStub

pytestmark = pytest.mark.browser

REVIEW_QUEUE = "В ожидании вашего отзыва"


# -- the shared site: people, pages, snippets -----------------------------------------------------


def build_site():
    from django.contrib.auth.models import Group

    from wagtail.models import Locale
    from wagtail.rich_text import RichText
    from wagtail_localize.models import Translation, TranslationSource

    from home.models import HomePage
    from partnerships.models import ChronicleEntry, LibraryIndexPage
    from tests.factories import (
        AgreementIndexPageFactory,
        AgreementPageFactory,
        LibraryFactory,
        StandardPageFactory,
        UserFactory,
    )

    people = {
        role: UserFactory(username=f"{role}-journey", email=f"{role}@example.org", groups=[group])
        for role, group in (("editor", "Editors"), ("moderator", "Moderators"), ("translator", "Translators"))
    }
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(locale__language_code="ru")

    def translation_draft(instance):
        source, _created = TranslationSource.get_or_create_from_instance(instance)
        Translation.objects.create(source=source, target_locale=english).save_target(publish=False)
        return instance.get_translation(english)

    # (a) a Russian page whose English translation waits for its translator.
    page = StandardPageFactory(
        parent=home,
        title="Сотрудничество библиотек",
        slug="sotrudnichestvo-bibliotek",
        body=[("paragraph", RichText("<p>Библиотеки обмениваются опытом и изданиями.</p>"))],
    )
    page.save_revision().publish()
    english_page = translation_draft(page)

    # (b') another one, translated offline in a PO file.
    po_page = StandardPageFactory(
        parent=home,
        title="Обмен изданиями",
        slug="obmen-izdaniyami",
        body=[("paragraph", RichText("<p>Библиотеки дарят друг другу редкие книги.</p>"))],
    )
    po_page.save_revision().publish()
    english_po_page = translation_draft(po_page)

    # (a) an events section and two buildings, as the venue snippets an editor chooses from.
    from tests.factories import EventIndexPageFactory, VenueFactory

    events = EventIndexPageFactory(parent=home, slug="sobytiya")
    events.save_revision().publish()
    VenueFactory(name="Областная научная библиотека", address="ул. Ленина, 1", city="Рязань")
    VenueFactory(name="Детская библиотека", address="ул. Есенина, 2", city="Рязань")

    # (b), (c) an agreement in Russian and English, a published chronicle entry whose English note waits.
    index = AgreementIndexPageFactory(parent=home, slug="soglasheniya")
    agreement = AgreementPageFactory(parent=index, title="Соглашение о сотрудничестве", slug="soglashenie")
    agreement.save_revision().publish()
    for ru_page in (index, agreement):
        translated = ru_page.copy_for_translation(english, copy_parents=True)
        translated.title = translated.draft_title = {index.pk: "Agreements", agreement.pk: "Agreement"}[
            ru_page.pk
        ]
        translated.save_revision().publish()
    founder = LibraryFactory(full_name="Амурская областная научная библиотека", slug="amurskaya-onb")
    entry = ChronicleEntry(
        agreement=agreement,
        date="2024-03-01",
        kind=ChronicleEntry.Kind.JOIN,
        library=founder,
        note="Библиотека подписала соглашение.",
    )
    entry.save()
    entry.save_revision().publish()
    english_entry = translation_draft(entry)

    # (c) a library that joins later; (d) a library whose slug another one will try to take.
    LibraryFactory(full_name="Благовещенская центральная городская библиотека", short_name="БЦГБ")
    directory = home.add_child(instance=LibraryIndexPage(title="Библиотеки", slug="biblioteki"))
    directory.save_revision().publish()
    LibraryFactory(full_name="Тындинская районная библиотека", slug="tynda")
    LibraryFactory(full_name="Зейская городская библиотека", slug="zeya")

    # Each person logs in once: the session's cookie, as the login form would set it.
    from django.test import Client

    cookies = {}
    for role, user in people.items():
        client = Client()
        client.force_login(user)
        cookies[role] = client.cookies["sessionid"].value
    assert Group.objects.filter(name__in=["Editors", "Moderators", "Translators"]).count() == 3
    return {
        "people": people,
        "cookies": cookies,
        "page": page.pk,
        "english_page": english_page.pk,
        "english_po_page": english_po_page.pk,
        "events": events.pk,
        "agreement": agreement.pk,
        "agreement_url": agreement.url,
        "english_agreement_url": agreement.get_translation(english).url,
        "english_entry": english_entry.pk,
    }


@pytest.fixture(scope="module")
def smtp_server():
    with SMTPStub() as stub:
        yield stub


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker, smtp_server):
    mail = override_settings(
        EMAIL_DELIVERY_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=smtp_server.port,
        EMAIL_HOST_USER="",
        EMAIL_HOST_PASSWORD="",
        EMAIL_USE_TLS=False,
        EMAIL_USE_SSL=False,
        EMAIL_TIMEOUT=5,
    )
    with django_db_blocker.unblock(), writable_database(), mail:
        data = build_site()
        with live_server() as url:
            data["server"] = url
            yield data


@pytest.fixture(scope="module")
def chromium(site):
    """One Chromium for the module, closed before the server stops."""
    with launch() as browser:
        yield browser


@pytest.fixture(scope="module")
def browsers(chromium, site):
    """A logged-in admin tab per person and a reader's tab, shared by the journeys."""
    tabs = {}
    for role in ("editor", "moderator", "translator", "reader"):
        # People who ask for reduced motion: otherwise the badge of Wagtail's help menu pulses for
        # 25 s after every admin page (animation: ping-warning 5s 5), repainting each frame in
        # every open tab for most of the module. Wagtail stops its animations for them.
        context = chromium.new_context(
            base_url=site["server"],
            viewport={"width": 1400, "height": 1000},
            locale="ru-RU",
            reduced_motion="reduce",
        )
        context.set_default_timeout(BOUND * 1000)
        if role != "reader":
            context.add_cookies(
                [{"name": "sessionid", "value": site["cookies"][role], "url": site["server"]}]
            )
        tabs[role] = context.new_page()
    yield tabs
    for tab in tabs.values():
        tab.context.close()


def work_off_queue():
    """What ``manage.py db_worker`` does: run the queued background jobs (here: e-mails)."""
    from django.db import transaction

    from tests.helpers import run_background_jobs

    with transaction.atomic():
        return run_background_jobs()


def notices_to(stub, address):
    in_db(work_off_queue)
    return [message for message in stub.messages if message["To"] == address]


def reader_sees(reader, url):
    response = reader.goto(url)
    return response.status, reader


def approve_from_dashboard(moderator, title):
    """The moderator's dashboard: the item waits in the review queue; «Одобрить» publishes it."""
    moderator.goto("/admin/")
    queue = moderator.get_by_role("region", name=REVIEW_QUEUE)
    row = queue.get_by_role("row").filter(has_text=title)
    expect(row).to_have_count(1)
    row.get_by_role("button", name="Действия").click()
    row.get_by_role("button", name="Одобрить", exact=True).click()
    expect(
        moderator.get_by_role("region", name=REVIEW_QUEUE).get_by_role("row").filter(has_text=title)
    ).to_have_count(0)


def translate_in_editor(tab, translations, on_tab=None):
    """wagtail-localize's editor: «Перевести» on a segment, type the translation, «Сохранить»."""
    if on_tab:
        tab.get_by_role("tab", name=on_tab).click()
    for source, target in translations.items():
        segment = tab.locator("li").filter(has=tab.get_by_text(source, exact=True)).last
        segment.get_by_role("button", name="Перевести", exact=True).click()
        segment.get_by_role("textbox").fill(target)
        # The editor shows the text before its request is answered; handed in earlier, the segment
        # counts as untranslated («готово 3 из 4»), so wait for the save itself.
        with tab.expect_response(lambda response: response.request.method == "PUT") as saved:
            segment.get_by_role("button", name="Сохранить", exact=True).click()
        assert saved.value.ok, saved.value.status
        expect(segment.get_by_text(target, exact=True)).to_be_visible()


# -- (a) a translator translates a page and hands it in from the translation editor --------------

PAGE_ENGLISH = {
    "Сотрудничество библиотек": "Cooperation of libraries",
    "Вводный абзац о сотрудничестве библиотек.": "An introduction to cooperation between libraries.",
    "Библиотеки обмениваются опытом и изданиями.": "Libraries share experience and publications.",
}


def english_page_state(page_id):
    from wagtail.models import Page, WorkflowState

    page = Page.objects.get(pk=page_id)
    state = WorkflowState.objects.filter(base_content_type__model="page", object_id=str(page_id)).first()
    return page.live, state and state.status


def test_a_a_page_translation_is_handed_in_from_the_editor_and_approved(site, browsers, smtp_server):
    translator, moderator, reader = browsers["translator"], browsers["moderator"], browsers["reader"]
    assert reader.goto("/en/cooperation-of-libraries/").status == 404

    translator.goto(f"/admin/pages/{site['english_page']}/edit/")
    translate_in_editor(translator, PAGE_ENGLISH)
    translate_in_editor(
        translator, {"sotrudnichestvo-bibliotek": "cooperation-of-libraries"}, on_tab="Продвижение"
    )
    translator.get_by_role("button", name="Отправить перевод на проверку").click()
    expect(translator.get_by_role("status")).to_contain_text("модератор")
    assert in_db(english_page_state, site["english_page"]) == (False, "in_progress")
    [notice] = notices_to(smtp_server, site["people"]["moderator"].email)
    assert "Cooperation of libraries" in notice["Subject"] + notice.get_body(("plain",)).get_content()
    # Waiting for the moderator, the English page is not public yet.
    assert reader.goto("/en/cooperation-of-libraries/").status == 404

    approve_from_dashboard(moderator, "Cooperation of libraries")
    assert in_db(english_page_state, site["english_page"]) == (True, "approved")
    assert reader.goto("/en/cooperation-of-libraries/").status == 200
    expect(reader.get_by_role("heading", level=1)).to_have_text("Cooperation of libraries")
    expect(reader.get_by_text("Libraries share experience and publications.")).to_be_visible()
    expect(reader.get_by_text("Библиотеки обмениваются опытом и изданиями.")).to_have_count(0)


# -- (a') the same page translated offline: a PO file downloaded, filled in and uploaded -----------

PO_ENGLISH = {
    "Обмен изданиями": "Exchange of publications",
    "Вводный абзац о сотрудничестве библиотек.": "An introduction to cooperation between libraries.",
    "Библиотеки дарят друг другу редкие книги.": "Libraries give each other rare books.",
    "obmen-izdaniyami": "exchange-of-publications",
}


def test_a2_a_page_translation_round_trips_through_a_po_file(site, browsers, tmp_path):
    import polib

    translator, moderator, reader = browsers["translator"], browsers["moderator"], browsers["reader"]
    edit_url = f"/admin/pages/{site['english_po_page']}/edit/"
    translator.goto(edit_url)
    with translator.expect_download() as download:
        translator.get_by_role("link", name="Скачать PO-файл").click()
    po = polib.pofile(download.value.path().read_text(encoding="utf-8"))
    assert {entry.msgid for entry in po} == set(PO_ENGLISH)
    for entry in po:
        entry.msgstr = PO_ENGLISH[entry.msgid]
    filled = tmp_path / "exchange-en.po"
    po.save(str(filled))

    with translator.expect_file_chooser() as chooser:
        translator.get_by_role("button", name="Загрузить PO-файл").click()
    chooser.value.set_files(str(filled))
    expect(translator).to_have_url(re.compile(r"/admin/jobs/\d+/$"))
    in_db(run_jobs_as_the_worker)
    translator.reload()
    translator.get_by_role("link", name="Назад").click()
    expect(translator).to_have_url(re.compile(re.escape(edit_url) + "$"))
    expect(translator.get_by_text("Libraries give each other rare books.")).to_be_visible()
    translator.get_by_role("button", name="Отправить перевод на проверку").click()
    expect(translator.get_by_role("status")).to_contain_text("модератор")
    assert reader.goto("/en/exchange-of-publications/").status == 404

    approve_from_dashboard(moderator, "Exchange of publications")
    assert in_db(english_page_state, site["english_po_page"]) == (True, "approved")
    assert reader.goto("/en/exchange-of-publications/").status == 200
    expect(reader.get_by_role("heading", level=1)).to_have_text("Exchange of publications")
    expect(reader.get_by_text("Libraries give each other rare books.")).to_be_visible()
    expect(reader.get_by_text("Библиотеки дарят друг другу редкие книги.")).to_have_count(0)


# -- (b) the same for a snippet, handed in from the snippet listing --------------------------------


def entry_state(entry_id):
    from wagtail.models import WorkflowState

    from partnerships.models import ChronicleEntry

    entry = ChronicleEntry.objects.get(pk=entry_id)
    state = WorkflowState.objects.for_instance(entry).first()
    return entry.live, state and state.status


def test_b_a_chronicle_note_is_translated_and_handed_in_from_the_listing(site, browsers, smtp_server):
    translator, moderator, reader = browsers["translator"], browsers["moderator"], browsers["reader"]
    reader.goto(site["english_agreement_url"])
    expect(reader.get_by_text("Библиотека подписала соглашение.")).to_be_visible()  # the untranslated note
    expect(reader.get_by_text("The library signed the agreement.")).to_have_count(0)

    listing = "/admin/snippets/partnerships/chronicleentry/?locale=en"
    translator.goto(listing)
    translator.get_by_role("link", name="1 марта 2024").click()
    translate_in_editor(translator, {"Библиотека подписала соглашение.": "The library signed the agreement."})
    translator.goto(listing)
    translator.get_by_role("button", name=re.compile("^Дополнительные опции для '01.03.2024")).click()
    translator.get_by_text("Отправить перевод на проверку").click()
    expect(translator.get_by_role("status")).to_contain_text("модератор")
    assert in_db(entry_state, site["english_entry"]) == (False, "in_progress")
    assert notices_to(smtp_server, site["people"]["moderator"].email)
    reader.goto(site["english_agreement_url"])
    expect(reader.get_by_text("The library signed the agreement.")).to_have_count(0)

    approve_from_dashboard(moderator, "01.03.2024")
    assert in_db(entry_state, site["english_entry"]) == (True, "approved")
    reader.goto(site["english_agreement_url"])
    expect(reader.get_by_text("The library signed the agreement.")).to_be_visible()
    expect(reader.get_by_text("Библиотека подписала соглашение.")).to_have_count(0)


# -- (c) an editor records a library joining the agreement; a moderator approves ------------------


def test_c_an_editor_records_a_join_from_the_agreement_and_a_moderator_publishes_it(
    site, browsers, smtp_server
):
    editor, moderator, reader = browsers["editor"], browsers["moderator"], browsers["reader"]
    reader.goto(site["agreement_url"])
    expect(reader.get_by_text("Благовещенская центральная городская библиотека")).to_have_count(0)

    editor.goto(f"/admin/pages/{site['agreement']}/edit/")
    editor.get_by_role("button", name="Действия").first.click()
    editor.get_by_role("link", name="Добавить запись в хронику").click()
    editor.get_by_role("textbox", name="Дата").fill("2025-02-03")
    editor.locator(
        ".xdsoft_datetimepicker:visible td.xdsoft_current"
    ).click()  # the picker's 3rd, to close it
    editor.get_by_role("combobox", name="Вид").select_option(label="Присоединение партнёра")
    editor.get_by_role("button", name=re.compile("Выбрать библиотек")).click()
    modal = editor.get_by_role("dialog")
    modal.get_by_role("textbox", name="Поиск").fill("БЦГБ")
    modal.get_by_role("link", name="БЦГБ", exact=True).click()
    editor.get_by_role("textbox", name="Примечание").fill("Городская библиотека присоединилась к соглашению.")
    editor.get_by_role("button", name="Больше действий").click()
    editor.get_by_role("button", name=re.compile("^Отправить")).click()
    expect(editor.get_by_role("status")).to_contain_text("отправлен")
    assert notices_to(smtp_server, site["people"]["moderator"].email)
    reader.goto(site["agreement_url"])
    expect(reader.get_by_text("Благовещенская центральная городская библиотека")).to_have_count(0)

    approve_from_dashboard(moderator, "03.02.2025")
    reader.goto(site["agreement_url"])
    # Among the partners, and in the chronicle with its note.
    expect(
        reader.get_by_role("listitem").filter(
            has_text=re.compile("^Благовещенская центральная городская библиотека$")
        )
    ).to_have_count(1)
    entry = reader.locator(".chronicle-entry").filter(
        has_text="Благовещенская центральная городская библиотека"
    )
    expect(entry).to_contain_text("Городская библиотека присоединилась к соглашению.")


# -- (d) a duplicate slug is a field error, not a 500 ---------------------------------------------


def library_slugs():
    from libraries.models import Library

    return dict(Library.objects.filter(slug__in=["tynda", "zeya"]).values_list("full_name", "slug"))


def test_d_a_duplicate_library_slug_is_a_field_error(site, browsers):
    editor, reader = browsers["editor"], browsers["reader"]
    assert reader.goto("/ru/biblioteki/zeya/").status == 200
    expect(reader.get_by_role("heading", level=1)).to_have_text("Зейская городская библиотека")

    editor.goto("/admin/snippets/libraries/library/?q=Зейская")
    editor.get_by_role("link", name="Зейская городская библиотека").click()
    editor.get_by_role("textbox", name=re.compile("slug", re.IGNORECASE)).fill("tynda")
    with editor.expect_response(lambda response: response.request.method == "POST") as answer:
        editor.get_by_role("button", name="Сохранить черновик").click()
    assert answer.value.status == 200  # the form again, not a server error
    error = editor.locator("[data-field-errors][id$='slug-errors'] .error-message")
    expect(error).to_contain_text("уже есть на этом языке")
    assert in_db(library_slugs) == {
        "Тындинская районная библиотека": "tynda",
        "Зейская городская библиотека": "zeya",
    }
    assert reader.goto("/ru/biblioteki/zeya/").status == 200
    expect(reader.get_by_role("heading", level=1)).to_have_text("Зейская городская библиотека")
    assert reader.goto("/ru/biblioteki/tynda/").status == 200
    expect(reader.get_by_role("heading", level=1)).to_have_text("Тындинская районная библиотека")


# -- (e) a translator may neither publish nor edit the Russian source -----------------------------


def page_snapshot(page_id):
    from wagtail.models import Page

    page = Page.objects.get(pk=page_id)
    return page.title, page.live, page.revisions.count()


def test_e_a_translator_can_neither_publish_nor_edit_a_russian_page(site, browsers):
    translator, reader = browsers["translator"], browsers["reader"]
    before = in_db(page_snapshot, site["page"])

    # The Russian page: the edit form is refused with a message.
    response = translator.goto(f"/admin/pages/{site['page']}/edit/")
    assert response.status == 403 or "/edit/" not in translator.url
    expect(translator.get_by_text(re.compile("нет (прав|доступа)"))).to_be_visible()
    expect(translator.get_by_role("button", name=re.compile("Опубликовать"))).to_have_count(0)

    # The English translation: the translation editor hands in, it offers no publishing.
    translator.goto(f"/admin/pages/{site['english_page']}/edit/")
    expect(translator.get_by_role("button", name="Отправить перевод на проверку")).to_be_visible()
    # Not even hidden in a menu.
    expect(translator.locator("button, a", has_text="Опубликовать")).to_have_count(0)

    assert in_db(page_snapshot, site["page"]) == before
    assert reader.goto("/ru/sotrudnichestvo-bibliotek/").status == 200
    expect(reader.get_by_role("heading", level=1)).to_have_text("Сотрудничество библиотек")


# -- (f) an editor imports a CSV with a bad row; the drafts wait in the moderators' queue ---------

IMPORT_CSV = (
    "slug,full_name,kind,region_code,settlement_type,settlement,email,is_sample\n"
    "imp-prokhorovka,Прохоровская поселковая библиотека,municipal,31,посёлок,Прохоровка,,no\n"
    "imp-ivanovka,Ивановская сельская библиотека,municipal,56,село,Ивановка,iv@example.org,no\n"
    "imp-krasnoe,Краснинская библиотека,municipal,99,село,Красное,,no\n"
)


def run_jobs_as_the_worker():
    """The waiting jobs, each outside a transaction as ``db_worker`` runs its task (its progress is
    written as it goes); the queued task then finds its job finished."""
    from core.jobs import run_job
    from core.models import BackgroundJob

    return [run_job(pk) for pk in BackgroundJob.objects.filter(finished_at=None).values_list("pk", flat=True)]


def imported_libraries():
    from libraries.models import Library

    return dict(Library.objects.filter(slug__startswith="imp-").values_list("slug", "live"))


def test_f_an_editor_imports_a_csv_with_a_bad_row_and_a_moderator_finds_the_drafts(site, browsers):
    editor, moderator = browsers["editor"], browsers["moderator"]
    editor.goto("/admin/")
    editor.get_by_role("button", name="Библиотеки").click()
    editor.get_by_role("link", name="Импорт из CSV").click()
    editor.get_by_label("CSV-файл").set_input_files(
        {"name": "libraries.csv", "mimeType": "text/csv", "buffer": IMPORT_CSV.encode()}
    )
    editor.get_by_role("button", name="Импортировать").click()
    expect(editor).to_have_url(re.compile(r"/admin/jobs/\d+/$"))
    assert in_db(imported_libraries) == {}  # nothing before the worker runs

    in_db(run_jobs_as_the_worker)
    editor.reload()
    expect(editor.get_by_text("1 строка отклонена:")).to_be_visible()
    [bad] = editor.locator("tr.import-error").all()
    expect(bad.get_by_role("cell").first).to_have_text("4")
    expect(editor.get_by_text("Строки сохранены как черновики; опубликует их модератор.")).to_be_visible()
    assert in_db(imported_libraries) == {"imp-prokhorovka": False, "imp-ivanovka": False}

    moderator.goto("/admin/")
    queue = moderator.get_by_role("region", name=REVIEW_QUEUE)
    for name in ("Прохоровская поселковая библиотека", "Ивановская сельская библиотека"):
        expect(queue.get_by_role("row").filter(has_text=name)).to_have_count(1)
    expect(queue.get_by_role("row").filter(has_text="Краснинская библиотека")).to_have_count(0)


# -- (g) an editor builds a two-venue, three-day event; a moderator publishes it -------------------

VENUES = {"Областная научная библиотека": "ул. Ленина, 1", "Детская библиотека": "ул. Есенина, 2"}
HALLS = {"Большой зал": "Областная научная библиотека", "Читальный зал": "Детская библиотека"}
DAYS = [
    ("2030-06-01", "Открытие форума", "Большой зал"),
    ("2030-06-02", "Круглый стол о чтении", "Читальный зал"),
    ("2030-06-03", "Подведение итогов", "Большой зал"),
]


def pick_date(tab, field, value):
    tab.locator(field).fill(value)
    tab.locator(".xdsoft_datetimepicker:visible td.xdsoft_current").click()  # closes the picker


def choose(tab, hidden_input, name):
    tab.locator(hidden_input).locator("xpath=..").locator("[data-chooser-action-choose]").first.click()
    modal = tab.get_by_role("dialog")
    modal.get_by_role("link", name=f"{name}, Рязань", exact=True).click()  # the venue and its city
    expect(modal).to_have_count(0)


def event_url(title):
    from events.models import EventPage

    return EventPage.objects.get(title=title).url


def test_g_an_editor_builds_a_two_venue_three_day_event_and_a_moderator_publishes_it(site, browsers):
    import json

    import icalendar

    editor, moderator, reader = browsers["editor"], browsers["moderator"], browsers["reader"]
    title = "Форум библиотек Рязани"
    editor.goto(f"/admin/pages/{site['events']}/")
    editor.get_by_role("link", name="Добавить дочернюю страницу").first.click()
    # The section holds only events: Wagtail opens the event form at once.
    editor.locator("#id_title").fill(title)
    pick_date(editor, "#id_start_date", "2030-06-01")
    pick_date(editor, "#id_end_date", "2030-06-03")
    editor.locator("#id_city").fill("Рязань")
    for n, venue in enumerate(VENUES):
        editor.locator("#id_event_venues-ADD").click()
        choose(editor, f"#id_event_venues-{n}-venue", venue)
    for n, (hall, venue) in enumerate(HALLS.items()):
        editor.locator("#id_halls-ADD").click()
        editor.locator(f"#id_halls-{n}-name").fill(hall)
        choose(editor, f"#id_halls-{n}-venue", venue)
    programme = editor.locator("[data-contentpath='programme']")
    for n, (date, session, hall) in enumerate(DAYS):
        programme.locator("button.c-sf-add-button").last.click()
        pick_date(editor, f"#programme-{n}-value-date", date)
        sessions = editor.locator(f"[name='programme-{n}-value-sessions-count']").locator("xpath=..")
        sessions.locator("button.c-sf-add-button").first.click()
        editor.locator(f"#programme-{n}-value-sessions-0-value-title").fill(session)
        editor.locator(f"#programme-{n}-value-sessions-0-value-format").select_option(index=1)
        editor.locator(f"#programme-{n}-value-sessions-0-value-hall").fill(hall)
    editor.get_by_role("button", name="Больше действий").click()
    editor.get_by_role("button", name=re.compile("^Отправить")).click()
    expect(editor.get_by_role("status")).to_contain_text("отправлен")

    approve_from_dashboard(moderator, title)
    url = in_db(event_url, title)
    assert reader.goto(url).status == 200
    venues = reader.locator("dd.event-venue")
    expect(venues).to_have_count(2)
    for venue, address in VENUES.items():
        expect(venues.filter(has_text=venue)).to_contain_text(address)
    for _date, session, _hall in DAYS:
        expect(reader.get_by_text(session, exact=True)).not_to_have_count(0)
    documents = [
        json.loads(text) for text in reader.locator('script[type="application/ld+json"]').all_text_contents()
    ]
    [event] = [doc for doc in documents if doc.get("@type") == "Event"]
    places = event["location"] if isinstance(event["location"], list) else [event["location"]]
    assert {place["name"]: place["address"]["streetAddress"] for place in places} == VENUES
    assert event["startDate"].startswith("2030-06-01") and event["endDate"].startswith("2030-06-03")

    ics = reader.context.request.get(url + "calendar/")
    assert ics.ok
    calendar = icalendar.Calendar.from_ical(ics.body())
    locations = [str(component.get("LOCATION")) for component in calendar.walk("VEVENT")]
    for venue in VENUES:
        assert any(venue in location for location in locations), locations
