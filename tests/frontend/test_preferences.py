"""The version for visually impaired readers and the cookie consent, without JavaScript."""

import pytest
from bs4 import BeautifulSoup

from django.test import override_settings

from reader.preferences import CONSENT_COOKIE, COOKIE, Preferences

pytestmark = pytest.mark.django_db


def html_classes(response):
    return BeautifulSoup(response.content, "html.parser").html.get("class", [])


def test_switch_is_in_the_header_in_every_language(client):
    for code, label in [
        ("ru", "Версия для слабовидящих"),
        ("en", "Version for visually impaired readers"),
        ("be", "Версія для слабавідушчых"),
    ]:
        soup = BeautifulSoup(client.get(f"/{code}/").content, "html.parser")
        link = soup.select_one("header .a11y-switch")
        assert label in link.get_text()
        assert link["href"].startswith(f"/{code}/accessibility/?next=/{code}/")


def test_turning_the_version_on_and_changing_settings(client):
    response = client.get("/ru/accessibility/", {"next": "/ru/"})
    assert response.status_code == 302 and response["Location"] == "/ru/"
    assert response.cookies[COOKIE].value == "150.bw.normal.on"
    assert response.cookies[COOKIE]["max-age"] == 365 * 24 * 60 * 60
    page = client.get("/ru/")
    assert {"a11y", "a11y-size-150", "a11y-scheme-bw"} <= set(html_classes(page))
    assert "Настройки для слабовидящих" in page.content.decode()

    for params in ({"size": "200"}, {"scheme": "wb"}, {"spacing": "wider"}, {"images": "off"}):
        client.get("/ru/accessibility/", {**params, "next": "/ru/"})
    assert client.cookies[COOKIE].value == "200.wb.wider.off"
    classes = set(html_classes(client.get("/en/")))
    assert {"a11y-size-200", "a11y-scheme-wb", "a11y-spacing-wider", "a11y-images-off"} <= classes

    response = client.get("/ru/accessibility/", {"version": "standard", "next": "/ru/"})
    assert response.cookies[COOKIE].value == ""
    assert "a11y" not in html_classes(client.get("/ru/"))


@pytest.mark.parametrize("params", [{"size": "300"}, {"size": "x"}, {"scheme": "pink"}, {"images": "\x00"}])
def test_unknown_setting_is_a_clear_400(client, params):
    response = client.get("/ru/accessibility/", params)
    assert response.status_code == 400
    assert "Такой настройки нет" in response.content.decode()
    assert COOKIE not in response.cookies


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "javascript:alert(1)"])
def test_return_address_stays_on_the_site(client, target):
    response = client.get("/en/accessibility/", {"next": target})
    assert response["Location"] == "/en/"
    response = client.get("/en/consent/", {"choice": "all", "next": target})
    assert response["Location"] == "/en/"


@pytest.mark.parametrize(
    "value", ["", "garbage", "1.2.3.4", "150.bw.normal", "999.bw.normal.on", "150.bw.normal.on.x"]
)
def test_tampered_cookie_means_the_standard_version(value):
    assert Preferences.from_cookie(value) == Preferences()
    assert Preferences.from_cookie(value).html_class == ""


def test_consent_notice_until_the_reader_chooses(client):
    html = client.get("/be/").content.decode()
    assert "Файлы cookie і персанальныя даныя" in html
    response = client.get("/be/consent/", {"choice": "necessary", "next": "/be/"})
    assert response.status_code == 302
    assert response.cookies[CONSENT_COOKIE].value == "necessary"
    assert 'class="cookie-notice"' not in client.get("/be/").content.decode()
    assert client.get("/be/consent/", {"choice": "maybe"}).status_code == 400


@override_settings(METRICA_ID="12345678")
def test_metrica_loads_only_after_consent(client):
    assert "mc.yandex.ru" not in client.get("/ru/").content.decode()
    client.cookies[CONSENT_COOKIE] = "necessary"
    assert "mc.yandex.ru" not in client.get("/ru/").content.decode()
    client.cookies[CONSENT_COOKIE] = "all"
    html = client.get("/ru/").content.decode()
    assert "https://mc.yandex.ru/metrika/tag.js" in html
    assert 'ym(12345678,"init"' in html


@override_settings(METRICA_ID="")
def test_no_counter_without_an_id(client):
    client.cookies[CONSENT_COOKIE] = "all"
    assert "mc.yandex.ru" not in client.get("/ru/").content.decode()


@override_settings(METRICA_ID="1; alert(1)")
def test_counter_id_must_be_a_number(client):
    client.cookies[CONSENT_COOKIE] = "all"
    assert "mc.yandex.ru" not in client.get("/ru/").content.decode()
