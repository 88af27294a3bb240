import pytest

from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("en-US,en;q=0.9", "/en/"),
        ("be-BY,be;q=0.9,ru;q=0.8", "/be/"),
        ("ru-RU,ru;q=0.9", "/ru/"),
        ("de-DE,de;q=0.9", "/ru/"),
        ("", "/ru/"),
    ],
)
def test_root_redirects_by_accept_language(client, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_admin_login_page_answers_in_russian(client):
    response = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 200
    assert 'lang="ru"' in response.content.decode()
    assert "Войти" in response.content.decode()


def test_editor_can_choose_english_admin(admin_client_ru, django_user_model):
    profile = UserProfile.get_for_user(django_user_model.objects.get(username="root"))
    profile.preferred_language = "en"
    profile.save()
    response = admin_client_ru.get("/admin/")
    assert response.status_code == 200
    assert 'lang="en"' in response.content.decode()


def test_unknown_page_is_a_404_not_an_error(client):
    assert client.get("/ru/no-such-page/").status_code == 404
    # An unprefixed unknown path goes to the Russian prefix first, then 404s there.
    assert client.get("/xx/", follow=True).status_code == 404


@pytest.mark.usefixtures("seeded")
def test_footer_shows_network_contacts(client):
    html = client.get("/ru/").content.decode()
    assert "bgunb@bgunb.ru" in html
    assert "ул. Попова, 39а, г. Белгород, 308000" in html
    assert 'href="#main"' in html
