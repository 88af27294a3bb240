"""Security headers, methods a view does not serve, request size limits and the deploy checks."""

import pytest

from django.conf import settings
from django.test import override_settings

from tests.factories import CampaignPageFactory, MovementPageFactory
from tests.settings_probe import production_startup

pytestmark = pytest.mark.django_db


@pytest.fixture
def minimal_home(seeded):
    from wagtail.models import Page

    return Page.objects.get(depth=2, locale__language_code="ru").specific


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split("; ") if part}


def test_public_page_headers(client, minimal_home):
    response = client.get(minimal_home.url)
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert (
        "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]
    )
    policy = directives(response)
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in policy["script-src"]
    assert not any(source.startswith("'nonce-") for source in policy["script-src"])  # no counter, no nonce


@override_settings(METRICA_ID="12345")
def test_the_counter_after_consent_carries_the_nonce_of_the_policy(client, minimal_home):
    client.cookies["consent"] = "all"
    response = client.get(minimal_home.url)
    nonce = next(s for s in directives(response)["script-src"] if s.startswith("'nonce-"))[7:-1]
    html = response.content.decode()
    assert html.count(f'nonce="{nonce}"') == 2 and "mc.yandex.ru/metrika/tag.js" in html
    # Another response gets another nonce.
    again = client.get(minimal_home.url)
    assert f'nonce="{nonce}"' not in again.content.decode()


def test_admin_policy_allows_what_wagtail_needs(admin_client_ru):
    response = admin_client_ru.get("/admin/")
    assert response.status_code == 200
    policy = directives(response)
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]


@pytest.mark.parametrize("method", ["TRACE", "PUT", "DELETE", "PATCH", "PROPFIND", "CONNECT"])
@pytest.mark.parametrize("path", ["/ru/search/", "/sitemap.xml", "/robots.txt", "/ru/", "/ru/consent/"])
def test_methods_no_view_serves_get_405(client, minimal_home, method, path):
    response = client.generic(method, path)
    assert response.status_code == 405
    assert "GET" in response["Allow"]
    assert method in response.content.decode()


@pytest.mark.parametrize("path", ["/ru/search/", "/sitemap.xml", "/robots.txt", "/ru/consent/", "/ru/"])
def test_post_where_no_form_is_405(client, minimal_home, path):
    response = client.post(path, {"x": "1"})
    assert response.status_code == 405
    assert "POST" not in response["Allow"]


def test_post_to_the_participation_form_is_served(client, minimal_home):
    movement = MovementPageFactory(parent=minimal_home)
    campaign = CampaignPageFactory(parent=movement)
    response = client.post(campaign.url + "participate/", {})
    assert response.status_code in (200, 429)  # the form with errors (or the limit), never 405


def test_large_bodies_outside_the_admin_are_refused_before_reading(client, minimal_home):
    body = b"x" * (settings.PUBLIC_MAX_REQUEST_BODY + 1)
    response = client.generic("POST", minimal_home.url, body, content_type="application/octet-stream")
    assert response.status_code == 413
    # The reader's language (Russian on /ru/) and the limit in kilobytes
    limit = str(settings.PUBLIC_MAX_REQUEST_BODY // 1024)
    assert (
        response.content.decode()
        == f"Запрос слишком велик: формы этого сайта принимают не больше {limit} КБ."
    )


def test_check_deploy_has_no_warnings_with_the_production_settings(tmp_path_factory):
    # manage.py check --deploy in a process started under the production settings (and a strong
    # SECRET_KEY); the same process answers tests/home/test_admin.py.
    result = production_startup(tmp_path_factory)
    assert result["returncode"] == 0, result["stdout"] + result["stderr"]
    assert "no issues" in result["stdout"]


def test_hsts_only_over_https():
    from django.http import HttpResponse
    from django.middleware.security import SecurityMiddleware
    from django.test import RequestFactory

    with override_settings(SECURE_HSTS_SECONDS=31536000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True):
        middleware = SecurityMiddleware(lambda request: HttpResponse())
        secure = middleware(RequestFactory().get("/", secure=True))
        plain = middleware(RequestFactory().get("/"))
    assert secure["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert "Strict-Transport-Security" not in plain


def test_proxy_ssl_header_is_read_from_the_environment():
    from cms.settings.base import proxy_ssl_header

    assert proxy_ssl_header("X-Forwarded-Proto") == ("HTTP_X_FORWARDED_PROTO", "https")
    assert proxy_ssl_header("X-Forwarded-Ssl:on") == ("HTTP_X_FORWARDED_SSL", "on")
    assert proxy_ssl_header("") is None
