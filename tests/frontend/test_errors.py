"""Localized 404 and a 500 page that renders with the database unreachable."""

import pytest

from django.db import connection
from django.test import RequestFactory
from django.utils import translation

from cms import urls
from reader.views import server_error


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/ru/no-such-page/", "Страница не найдена"),
        ("/en/no-such-page/", "Page not found"),
        ("/be/no-such-page/", "Старонка не знойдзена"),
    ],
)
def test_not_found_page_speaks_the_readers_language(client, path, text):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert text in html
    assert 'href="/' + path.split("/")[1] + '/search/"' in html


def _refuse(*args, **kwargs):
    raise AssertionError("the 500 page touched the database")


@pytest.mark.parametrize(
    ("code", "text"), [("ru", "Ошибка сервера"), ("en", "Server error"), ("be", "Памылка сервера")]
)
def test_server_error_page_needs_no_database(code, text):
    # No django_db mark: pytest-django blocks every connection; the wrapper catches any query too.
    request = RequestFactory().get(f"/{code}/broken/")
    with translation.override(code), connection.execute_wrapper(_refuse):
        response = server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert text in html
    assert f'lang="{code}"' in html
    assert urls.handler500 == "reader.views.server_error"
    assert urls.handler404 == "reader.views.page_not_found"
