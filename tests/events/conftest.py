import json
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from events.models import EventIndexPage
from tests.factories import EventIndexPageFactory


@pytest.fixture
def events_index(request, home_page):
    """The Russian events section: the seeded one for a test that reads the seed, else a new empty one."""
    if "seeded" in request.fixturenames:
        return EventIndexPage.objects.get(locale__language_code="ru")
    return EventIndexPageFactory(parent=home_page)


# Public specifications kept beside the repository, not in it (see their README for source and licence).
REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference"


@pytest.fixture(scope="module")
def xml_schema():
    path = REFERENCE / "schedule.xml.xsd"
    assert path.exists(), f"the c3voc XML schema is expected at {path}"
    return etree.XMLSchema(etree.parse(str(path)))


@pytest.fixture(scope="module")
def json_validator():
    path = REFERENCE / "schedule.schema.json"
    assert path.exists(), f"the c3voc JSON schema is expected at {path}"
    schema = json.loads(path.read_text(encoding="utf-8"))
    return jsonschema.Draft6Validator(schema, format_checker=jsonschema.Draft6Validator.FORMAT_CHECKER)
