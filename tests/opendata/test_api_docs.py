"""The OpenAPI 3 schema (valid against the OpenAPI 3.0 JSON Schema) and the documentation pages."""

import json
import re
from pathlib import Path

import drf_spectacular
import jsonschema
import pytest

pytestmark = pytest.mark.django_db

OPENAPI_30 = Path(drf_spectacular.__file__).parent / "validation" / "openapi_3_0_schema.json"
OUR_PATHS = {
    "/api/v2/",
    "/api/v2/pages/",
    "/api/v2/pages/{id}/",
    "/api/v2/pages/find/",
    "/api/v2/libraries/",
    "/api/v2/libraries/{slug}/",
    "/api/v2/regions/",
    "/api/v2/regions/{code}/",
    "/api/v2/agreements/",
    "/api/v2/agreements/{id}/",
    "/api/v2/documents/",
    "/api/v2/documents/{slug}/",
    "/api/v2/participation/",
    "/api/v2/participation/{id}/",
}


def test_schema_is_valid_openapi_3_and_describes_exactly_the_public_api(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    document = json.loads(response.content)
    validator = jsonschema.Draft4Validator(json.loads(OPENAPI_30.read_text()))
    errors = list(validator.iter_errors(document))
    assert not errors, [error.message for error in errors[:5]]
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) == OUR_PATHS
    libraries = document["paths"]["/api/v2/libraries/"]["get"]
    assert {p["name"] for p in libraries["parameters"]} == {
        "locale",
        "limit",
        "offset",
        "region",
        "kind",
        "search",
    }
    assert set(libraries["responses"]) == {"200", "400", "404", "429"}
    item = document["components"]["schemas"]["Library"]["properties"]
    assert {"slug", "full_name", "region", "kind", "html_url"} <= set(item)
    assert "contact_email" not in json.dumps(document)


def test_schema_descriptions_in_the_asked_language(client):
    english = json.loads(client.get("/api/schema/").content)
    russian = json.loads(client.get("/api/schema/?lang=ru").content)
    summary = english["paths"]["/api/v2/libraries/"]["get"]["summary"]
    assert summary == "Libraries of the directory"
    assert russian["paths"]["/api/v2/libraries/"]["get"]["summary"] == "Библиотеки справочника"


@pytest.mark.parametrize(
    "language, heading, summary",
    [
        ("ru", "API для разработчиков", "Библиотеки справочника"),
        ("en", "API for developers", "Libraries of the directory"),
        ("be", "API для распрацоўшчыкаў", "Бібліятэкі даведніка"),
    ],
)
def test_documentation_page_in_three_languages(client, seeded, language, heading, summary):
    response = client.get(f"/{language}/api/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert summary in html
    assert "<code>GET /api/v2/libraries/</code>" in html
    assert f"/api/schema/?lang={language}" in html
    # Every example on the page works (find answers with a redirect to the page found).
    examples = re.findall(r'<a href="(http://testserver/api/v2/[^"]+)"', html)
    assert len(examples) == 7
    for example in examples:
        response = client.get(example.replace("&amp;", "&"))
        assert response.status_code == (302 if "/find/" in example else 200), example
