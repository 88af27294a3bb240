"""SITE_URL: after `make run` the default Site is the local server, and a banner kit's QR code
(made for a reader's request and without one) decodes to it, not to the seed's placeholder host."""

import io
import re
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from django.core.management.sql import emit_post_migrate_signal
from django.test import Client

from wagtail.models import Site

from movement.models import CampaignPage

BASE_DIR = Path(__file__).resolve().parents[2]


def make_run_site_url():
    """The SITE_URL `make run` gives migrate and the server unless the environment sets one."""
    makefile = (BASE_DIR / "Makefile").read_text()
    variables = dict(re.findall(r"^(HOST|PORT) \?= (\S+)$", makefile, re.M))
    defaults = set(re.findall(r"SITE_URL=\$\$\{SITE_URL:-([^}]+)\}", makefile))
    assert len(defaults) == 1, defaults  # migrate and runserver get the same one
    url = defaults.pop()
    for name, value in variables.items():
        url = url.replace(f"$({name})", value)
    return url


@pytest.mark.usefixtures("seeded")
def test_after_make_run_a_kit_qr_code_decodes_to_the_local_server(settings):
    settings.SITE_URL = make_run_site_url()
    assert settings.SITE_URL == "http://127.0.0.1:8000"
    # What `migrate` in make run's setup ends with: post_migrate gives the default Site SITE_URL.
    emit_post_migrate_signal(0, False, "default")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)

    campaign = CampaignPage.objects.get(locale__language_code="ru", slug="flashmob-2024")
    movement_url = "http://127.0.0.1:8000/ru/dvizhenie/"
    # Without a request (commands, e-mails) links come from the Site.
    assert campaign.kit_target_url() == movement_url
    # The kit a reader downloads from the local server.
    response = Client(HTTP_HOST="127.0.0.1:8000").get(campaign.url + "kit/social/")
    assert response.status_code == 200
    results = zxingcpp.read_barcodes(Image.open(io.BytesIO(response.content)))
    assert [result.text for result in results] == [movement_url]
