"""Fuzz: every public URL of the seeded site × every parameter it takes × a fixed list of hostile
values, plus odd paths, headers and cookies: no answer is a 5xx.

Bounded: the crawl stops at MAX_URLS and fetches a page in one language (the others share its
slug, links and forms), pages of one shape (a listing's hundred profiles, the same page in three
languages) are tried through one representative, and the planned request count is checked before
anything is sent. In the suite every value goes to all of a page's parameters at once
and each parameter alone gets the values that broke views before; `make fuzz` (VMESTE_FUZZ=full)
sends every value to every parameter alone too. A page whose view does not look at its query
string at all (``request.GET``, noted by ``NotedQueryDict``) gets the first value only in the
suite: the rest would go through the same frame, which the pages that read parameters try with
every value.
"""

import os
import re
from collections import defaultdict
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup, SoupStrainer

from django.core.handlers.wsgi import WSGIRequest
from django.http import QueryDict
from django.test import override_settings
from django.utils.functional import cached_property

pytestmark = pytest.mark.django_db

MAX_URLS = 250
MAX_REQUESTS = 3000
FULL = os.environ.get("VMESTE_FUZZ") == "full"
HOSTILE = [
    "%C2%B2",  # "²": isdigit() is true, int() refuses it
    "%D9%A1%D9%A2",  # Arabic-Indic digits
    "-1",
    "99999999999999999999999999",
    "1e309",
    "1%00",
    "%ff%fe",
    "x" * 3000,
    "%3Cscript%3E%27%22%7B%7B7*7%7D%7D",
    "..%2F..%2Fetc%2Fpasswd",
    "%25%0D%0ASet-Cookie%3A%20x%3D1",
    "",
]
# Each parameter alone gets these in the suite (a Unicode digit and an undecodable value).
SHARP = ["%C2%B2", "%ff%fe"]
# Parameters some views read though no link on the site carries them.
KNOWN_PARAMS = {"q", "page", "p", "type", "size", "next", "choice", "year", "region", "kind", "topic"}
ODD_PATHS = [
    "/ru/%00/",
    "/ru/" + "a" * 3000 + "/",
    "/ru/..%2F..%2Fetc%2Fpasswd",
    "/%ff/",
    "/ru/search/%ff/",
    "/admin/..%2f",
    "/ru/dvizhenie/flashmob-2024/qr/png/%C2%B2/",
    "/ru/dvizhenie/flashmob-2024/kit/%00/",
    "//evil.example/",
]
ODD_HEADERS = [
    {"HTTP_ACCEPT_LANGUAGE": "x" * 2000},
    {"HTTP_ACCEPT_LANGUAGE": "ru;q=abc, *;q=-1, \x00"},
    {"HTTP_COOKIE": "a11y=" + "%ff" * 100 + "; consent=\x00; sessionid=../../x"},
    {"HTTP_COOKIE": "a11y={{7*7}}; csrftoken=" + "x" * 5000},
    {"HTTP_IF_NONE_MATCH": '"' + "x" * 5000},
    {"HTTP_RANGE": "bytes=99999999999-"},
    {"HTTP_X_FORWARDED_FOR": "not-an-ip, 300.1.1.1"},
    {"HTTP_X_FORWARDED_PROTO": "gopher"},
    {"HTTP_USER_AGENT": "\x00" * 10},
]


class NotedQueryDict(QueryDict):
    """``request.GET`` that notes any look at it: a key, the keys, the values, its length, a copy."""

    looked = []

    def __getattribute__(self, name):
        if not name.startswith("_") and name != "encoding":
            NotedQueryDict.looked.append(name)
        return super().__getattribute__(name)

    def __getitem__(self, key):
        NotedQueryDict.looked.append(key)
        return super().__getitem__(key)

    def __contains__(self, key):
        NotedQueryDict.looked.append(key)
        return super().__contains__(key)

    def __iter__(self):
        NotedQueryDict.looked.append("__iter__")
        return super().__iter__()

    def __len__(self):
        NotedQueryDict.looked.append("__len__")
        return super().__len__()


@cached_property
def noted_get(request):
    return NotedQueryDict(request.environ.get("QUERY_STRING", ""), encoding=request._encoding)


noted_get.__set_name__(WSGIRequest, "GET")


def internal_links(base, html):
    # Only links and forms (with what is inside them) become a tree: the same parse, less work.
    soup = BeautifulSoup(html, "html.parser", parse_only=SoupStrainer(["a", "form"]))
    links = [urljoin(base, a["href"]) for a in soup.find_all("a", href=True)]
    forms = []
    for form in soup.find_all("form"):
        action = urljoin(base, form.get("action") or base)
        names = {
            field.get("name") for field in form.find_all(["input", "select", "textarea"]) if field.get("name")
        }
        forms.append((form.get("method", "get").lower(), action, names - {"csrfmiddlewaretoken"}))
    return links, forms


def shape(path):
    """Pages that differ only in their last segment (profiles, articles, documents) or in their
    language prefix are one shape."""
    parts = [part for part in path.split("/") if part][1:]
    return "/".join(parts[:-1]) + "/*" if len(parts) > 1 else "/".join(parts)


def crawl(client):
    seen, queue = set(), ["/ru/", "/en/", "/be/"]
    fetched = set()  # paths without their language prefix
    params = defaultdict(set)  # path -> query parameter names
    post_forms = defaultdict(set)  # path -> field names
    pages = []
    while queue and len(pages) < MAX_URLS:
        url = queue.pop(0)
        parts = urlsplit(url)
        if parts.netloc not in ("", "testserver") or parts.path in seen or parts.path.startswith("/admin"):
            continue
        seen.add(parts.path)
        params[parts.path].update(name for name, _value in parse_qsl(parts.query, keep_blank_values=True))
        # The same page in another language has the same links and forms (slugs are shared): its
        # parameters are noted above, and one language is fetched. The language roots all are.
        unprefixed = parts.path.split("/", 2)[-1]
        if unprefixed in fetched and parts.path.count("/") > 2:
            continue
        fetched.add(unprefixed)
        response = client.get(parts.path)
        assert response.status_code < 500, parts.path
        pages.append(parts.path)
        if "html" not in response.get("Content-Type", ""):
            continue
        links, forms = internal_links("http://testserver" + parts.path, response.content.decode())
        for link in links:
            split = urlsplit(link)
            if split.netloc == "testserver":
                params[split.path].update(
                    name for name, _value in parse_qsl(split.query, keep_blank_values=True)
                )
                queue.append(split.path)
        for method, action, names in forms:
            target = urlsplit(action).path
            (post_forms if method == "post" else params)[target].update(names)
    return pages, params, post_forms


def plan(pages, params, post_forms):
    per_shape = {}
    for path in pages:
        per_shape.setdefault(shape(path), path)
    alone = HOSTILE if FULL else SHARP
    requests = []
    for path in per_shape.values():
        # Every parameter gets every value all together; the ones the site links with, alone too.
        # The values after the first are marked with the page's path (see the module's doc).
        names = sorted(params[path] | KNOWN_PARAMS)
        for number, value in enumerate(HOSTILE):
            query = "&".join(f"{name}={value}" for name in names)
            requests.append(("get", f"{path}?{query}", None, path if number and not FULL else None))
        for name in sorted(params[path]):
            for value in alone:
                requests.append(("get", f"{path}?{name}={value}", None, None))
            requests.append(("get", f"{path}?{name}=1&{name}=%ff&{name}[]=x", None, None))
    for path, names in post_forms.items():
        if not FULL and shape(path) in {shape(other) for other in post_forms if other < path}:
            continue
        for name in sorted(names):
            for value in alone:
                requests.append(
                    ("post", path, f"{name}={value}&" + "&".join(f"{other}=1" for other in names), None)
                )
    requests += [("get", path, None, None) for path in ODD_PATHS]
    return requests


@override_settings(MOVEMENT_REPORT_RATE_LIMIT=(10_000, 3600))
def test_no_hostile_value_in_any_parameter_gives_a_5xx(client, seeded, fragments_kept, monkeypatch):
    # The frame's fragments depend on host and language only, never on a query parameter or a
    # form field; the odd-headers test below builds them on every request.
    client.raise_request_exception = False  # collect every 500 instead of stopping at the first
    monkeypatch.setattr(WSGIRequest, "GET", noted_get)
    pages, params, post_forms = crawl(client)
    assert len(pages) > 50 and post_forms  # the crawl reached the listings and the participation form
    requests = plan(pages, params, post_forms)
    assert len(requests) <= MAX_REQUESTS, len(requests)
    failures, quiet = [], set()  # quiet: paths whose view did not look at the query string
    for method, url, body, unless_quiet in requests:
        if unless_quiet in quiet:
            continue
        NotedQueryDict.looked.clear()
        if method == "get":
            response = client.get(url)
        else:
            response = client.post(url, body, content_type="application/x-www-form-urlencoded")
        if response.status_code >= 500 or response.has_header("X-Page-Cache"):  # no stored copy for a view
            failures.append(f"{response.status_code} {method.upper()} {url[:200]}")
        if method == "get" and "?" in url and not NotedQueryDict.looked:
            quiet.add(urlsplit(url).path)
    assert not failures, "\n".join(failures[:50])
    # The pages that read parameters got every value: the listings, search, the API.
    tried = {urlsplit(url).path for _m, url, _b, path in requests if path and path not in quiet}
    assert {"/ru/search/", "/ru/news/", "/api/v2/pages/"} <= tried, sorted(tried)


def test_odd_headers_and_cookies_give_no_5xx(client, seeded):
    client.raise_request_exception = False
    failures = []
    for path in [
        "/",
        "/ru/",
        "/ru/search/?q=библиотека",
        "/sitemap.xml",
        "/ru/dvizhenie/flashmob-2024/qr/png/",
    ]:
        for headers in ODD_HEADERS:
            response = client.get(path, **headers)
            if response.status_code >= 500:
                failures.append(f"{response.status_code} {path} {sorted(headers)}")
    assert not failures, failures


@override_settings(ALLOWED_HOSTS=["testserver"])
def test_a_foreign_host_header_is_a_400(client, seeded):
    client.raise_request_exception = False
    for host in ["evil.example", "x" * 300, "[::1", "тест.рф", "testserver@evil.example"]:
        assert client.get("/ru/", HTTP_HOST=host).status_code == 400


def test_a_unicode_digit_as_qr_size_is_a_400_with_a_message(client, seeded):
    from movement.models import CampaignPage

    campaign = CampaignPage.objects.filter(locale__language_code="ru").first()
    response = client.get(campaign.url + "qr/png/?size=%C2%B2")
    assert response.status_code == 400
    assert re.search(r"\d+", response.content.decode())  # names the allowed range
