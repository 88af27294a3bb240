"""Editorial journeys in the real admin, in Debian's Chromium, by clicking what a person clicks.

Nothing here posts to a URL directly: forms are filled and their buttons pressed; addresses are only
visited (as a person opens a link or a bookmark). Each journey runs against a live server and puts
the database back as it was when it ends (tests/frontend/live.py).
"""

import os
import re

import feedparser
import polib
import pytest
from playwright.sync_api import expect, sync_playwright

from tests.frontend.live import BOUND, in_db, live_server, restored_database

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
PASSWORD = "journey-pw"


@pytest.fixture
def chromium(server):
    """Started after the server and its database copy, stopped before the database is put back:
    Django refuses queries from the thread while Playwright's event loop runs in it."""
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def server(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), restored_database(), live_server() as url:
        yield url


def test_the_journeys_start_from_the_seed(seeded):
    """Also makes pytest-django create the test database when this module runs alone: the journeys
    themselves use no transactional fixture."""
    from home.models import HomePage

    assert HomePage.objects.filter(live=True).count() == 3


def make_user(username, group):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(username, f"{username}@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def people(server):
    return {
        "editor": in_db(make_user, "editor-journey", "Editors"),
        "moderator": in_db(make_user, "moderator-journey", "Moderators"),
        "translator": in_db(make_user, "translator-journey", "Translators"),
    }


def session(chromium, server, user):
    """A browser of its own for one person, logged in through the admin's login form."""
    context = chromium.new_context(base_url=server, viewport={"width": 1400, "height": 1000}, locale="ru-RU")
    context.set_default_timeout(BOUND * 1000)
    page = context.new_page()
    page.goto("/admin/login/")
    page.locator('input[name="username"]').fill(user.username)
    page.locator('input[name="password"]').fill(PASSWORD)
    page.get_by_role("button", name="Войти").click()
    expect(page).to_have_url(f"{server}/admin/")
    return page


def open_menu(page, *labels):
    """Click through the admin's sidebar menu."""
    for label in labels:
        page.locator("#wagtail-sidebar").get_by_role("button", name=label).or_(
            page.locator("#wagtail-sidebar").get_by_role("link", name=label, exact=True)
        ).first.click()


# -- (e) an editor imports a CSV with a bad row; a moderator finds the drafts in the queue ----------

CSV = (
    "slug,full_name,kind,region_code,settlement_type,settlement,email,is_sample\n"
    "journey-a,Библиотека села Журавлёвка,municipal,31,село,Журавлёвка,,no\n"
    "journey-b,Библиотека посёлка Маслова Пристань,municipal,31,посёлок,Маслова Пристань,,no\n"
    "journey-c,Библиотека без региона,municipal,99,село,Нигде,,no\n"
)


def test_e_csv_import_with_a_bad_row_reaches_the_moderators_queue(chromium, server, people, tmp_path):
    editor = session(chromium, server, people["editor"])
    open_menu(editor, "Библиотеки", "Импорт из CSV")
    expect(editor.get_by_role("heading", name="Импорт библиотек")).to_be_visible()
    path = tmp_path / "libraries.csv"
    path.write_text(CSV, encoding="utf-8")
    editor.locator('input[type="file"]').set_input_files(str(path))
    editor.get_by_role("button", name="Импортировать").click()

    # The row report names the bad line and why; the good rows became drafts.
    bad = editor.locator("tr.import-error")
    expect(bad).to_have_count(1)
    expect(bad.locator("td").first).to_have_text("4")
    expect(bad).to_contain_text("99")
    expect(editor.get_by_text("Новых библиотек: 2")).to_be_visible()

    # The moderator's dashboard lists both drafts under «Awaiting your review».
    moderator = session(chromium, server, people["moderator"])
    queue = moderator.get_by_role("region", name="В ожидании вашего отзыва")
    expect(queue.get_by_text("Библиотека села Журавлёвка")).to_be_visible()
    expect(queue.get_by_text("Библиотека посёлка Маслова Пристань")).to_be_visible()
    expect(queue.get_by_text("Библиотека без региона")).to_have_count(0)


def approve_from_dashboard(moderator, title):
    """The moderator's dashboard: «Действия» on the row of ``title``, then «Одобрить»."""
    moderator.goto("/admin/")
    queue = moderator.get_by_role("region", name="В ожидании вашего отзыва")
    row = queue.get_by_role("row").filter(has_text=title)
    row.get_by_role("button", name="Действия").click()
    row.get_by_role("button", name="Одобрить", exact=True).click()
    expect(queue.get_by_role("row").filter(has_text=title)).to_have_count(0)


def russian_page(title, slug, paragraph):
    from wagtail.rich_text import RichText

    from home.models import HomePage
    from tests.factories import StandardPageFactory

    home = HomePage.objects.get(locale__language_code="ru")
    page = StandardPageFactory(
        parent=home, title=title, slug=slug, body=[("paragraph", RichText(f"<p>{paragraph}</p>"))]
    )
    page.save_revision().publish()
    return page.pk


def english_version(page_id):
    from wagtail.models import Locale, Page

    page = Page.objects.get(pk=page_id).get_translation_or_none(Locale.objects.get(language_code="en"))
    return None if page is None else (page.pk, page.live, page.url)


# -- (b) translate a page through a PO file and hand it in ---------------------------------------

ENGLISH = {
    "Сотрудничество библиотек": "Cooperation of libraries",
    "sotrudnichestvo-bibliotek": "cooperation-of-libraries",
    "Вводный абзац о сотрудничестве библиотек.": "An introduction to cooperation between libraries.",
    "Библиотеки обмениваются опытом и изданиями.": "Libraries share experience and publications.",
}


def test_b_a_page_is_translated_through_a_po_file_and_approved(chromium, server, people, tmp_path):
    page_id = in_db(
        russian_page,
        "Сотрудничество библиотек",
        "sotrudnichestvo-bibliotek",
        "Библиотеки обмениваются опытом и изданиями.",
    )
    editor = session(chromium, server, people["editor"])
    editor.goto(f"/admin/pages/{page_id}/edit/")
    editor.get_by_role("button", name="Действия").first.click()
    editor.get_by_role("link", name="Перевести эту страницу").click()
    editor.get_by_label("English").check()
    editor.get_by_role("button", name="Отправить").click()
    expect(editor.get_by_role("status")).to_contain_text("English")
    english_id, live, _url = in_db(english_version, page_id)
    assert not live  # a new translation is a draft

    translator = session(chromium, server, people["translator"])
    translator.goto(f"/admin/pages/{english_id}/edit/")
    with translator.expect_download() as download:
        translator.get_by_role("link", name="Скачать PO-файл").click()
    path = tmp_path / "translation.po"
    download.value.save_as(path)
    po = polib.pofile(str(path))
    assert {entry.msgid for entry in po} == set(ENGLISH)
    for entry in po:
        entry.msgstr = ENGLISH[entry.msgid]
    po.save(str(path))
    with translator.expect_file_chooser() as chooser:
        translator.get_by_role("button", name="Загрузить PO-файл").click()
    chooser.value.set_files(str(path))
    expect(translator.get_by_role("status")).to_contain_text("Переводы из PO-файла загружены")
    expect(translator.get_by_text("Переведено фрагментов: 4 из 4.")).to_be_visible()
    translator.get_by_role("button", name="Отправить перевод на проверку").click()
    expect(translator.get_by_role("status")).to_contain_text("Перевод отправлен модераторам")
    assert not in_db(english_version, page_id)[1]

    moderator = session(chromium, server, people["moderator"])
    approve_from_dashboard(moderator, "Cooperation of libraries")
    _id, live, url = in_db(english_version, page_id)
    assert live and url == "/en/cooperation-of-libraries/"
    reader = chromium.new_context(base_url=server).new_page()
    reader.goto(url)
    expect(reader.get_by_role("heading", level=1)).to_have_text("Cooperation of libraries")
    expect(reader.get_by_text("Libraries share experience and publications.")).to_be_visible()
    expect(reader.get_by_text("Библиотеки обмениваются опытом и изданиями.")).to_have_count(0)


# -- (d) a translator may not publish, nor edit a Russian page ---------------------------------


def draft_translation(page_id):
    from wagtail.models import Locale, Page
    from wagtail_localize.models import Translation, TranslationSource

    source, _created = TranslationSource.get_or_create_from_instance(Page.objects.get(pk=page_id).specific)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="en")
    )
    translation.save_target(publish=False)


def page_title(page_id):
    from wagtail.models import Page

    return Page.objects.get(pk=page_id).title


def test_d_a_translator_can_neither_publish_nor_edit_a_russian_page(chromium, server, people):
    page_id = in_db(russian_page, "Только для редакторов", "tolko-dlya-redaktorov", "Русский текст.")
    in_db(draft_translation, page_id)
    english_id, _live, _url = in_db(english_version, page_id)
    translator = session(chromium, server, people["translator"])

    # In the translation editor nothing offers publishing, in the footer or its menu.
    translator.goto(f"/admin/pages/{english_id}/edit/")
    translator.get_by_role("button", name="More actions").click()
    expect(translator.get_by_role("button", name=re.compile("Опубликовать|Publish"))).to_have_count(0)
    expect(translator.get_by_role("button", name="Отправить перевод на проверку")).to_be_visible()

    # The editor's link back to the Russian original leads nowhere: refused.
    translator.get_by_role("link", name="Русский").click()
    expect(translator).to_have_url(f"{server}/admin/")
    expect(translator.get_by_role("status")).to_contain_text("у вас нет доступа")
    assert in_db(page_title, page_id) == "Только для редакторов"


# -- (c) an editor records a library joining an agreement; a moderator approves -------------------


def agreement_and_library():
    from partnerships.models import AgreementPage
    from tests.factories import LibraryFactory

    agreement = AgreementPage.objects.get(slug="amur-nlb-2024", locale__language_code="ru")
    LibraryFactory(full_name="Благовещенская центральная городская библиотека", short_name="БЦГБ")
    return agreement.pk, agreement.url


def test_c_an_editor_records_a_join_and_the_chronicle_and_feed_show_it(chromium, server, people):
    agreement_id, agreement_url = in_db(agreement_and_library)
    editor = session(chromium, server, people["editor"])
    editor.goto(f"/admin/pages/{agreement_id}/edit/")
    editor.get_by_role("button", name="Действия").first.click()
    editor.get_by_role("link", name="Добавить запись в хронику").click()
    editor.get_by_role("textbox", name="Дата*").fill("2025-02-03")
    editor.get_by_role("combobox", name="Вид*").select_option(label="Присоединение партнёра")
    editor.get_by_role("button", name="Choose library").click()
    modal = editor.get_by_role("dialog")
    modal.get_by_role("textbox", name="Поиск").fill("БЦГБ")
    modal.get_by_role("link", name="БЦГБ").click()
    editor.get_by_role("textbox", name="Примечание").fill("Городская библиотека присоединилась к соглашению.")
    editor.get_by_role("button", name="Больше действий").click()
    editor.get_by_role("button", name=re.compile("^Отправить в")).click()
    expect(editor.get_by_role("status")).to_contain_text("отправлен")

    reader = chromium.new_context(base_url=server).new_page()
    reader.goto(agreement_url)
    expect(reader.get_by_text("Благовещенская центральная городская библиотека")).to_have_count(0)

    moderator = session(chromium, server, people["moderator"])
    approve_from_dashboard(moderator, "Присоединение партнёра")
    reader.goto(agreement_url)
    chronicle = reader.locator("section.chronicle")
    expect(chronicle.get_by_text("Благовещенская центральная городская библиотека")).to_be_visible()
    expect(chronicle.get_by_text("Городская библиотека присоединилась к соглашению.")).to_be_visible()
    feed = feedparser.parse(reader.request.get(agreement_url + "chronicle/feed/").body())
    assert any("Благовещенская центральная городская библиотека" in item.title for item in feed.entries)
