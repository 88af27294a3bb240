import io

import pytest
import zxingcpp
from PIL import Image

from django.test import Client

from movement.graphics import PLACEMENTS
from movement.models import CampaignPage, MovementPage

pytestmark = pytest.mark.django_db


def decode(png_bytes):
    image = Image.open(io.BytesIO(png_bytes))
    results = zxingcpp.read_barcodes(image)
    assert results, "no QR code found"
    return image, [result.text for result in results]


@pytest.mark.usefixtures("seeded")
@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize("model", [MovementPage, CampaignPage])
def test_png_qr_code_decodes_to_the_page_url_in_its_language(client, model, language):
    page = model.objects.get(locale__language_code=language, depth__gt=2)
    assert f"/{language}/" in page.full_url
    response = client.get(page.url + "qr/png/?size=300")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    image, texts = decode(response.content)
    assert image.size == (300, 300)
    assert texts == [page.full_url]


def test_svg_qr_code(client, movement):
    response = client.get(movement.url + "qr/svg/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert b"<svg" in response.content
    assert "max-age=86400" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]


def test_qr_code_is_cached_and_answers_etag(client, movement):
    first = client.get(movement.url + "qr/png/")
    assert Image.open(io.BytesIO(first.content)).size == (400, 400)
    etag = first["ETag"]
    again = client.get(movement.url + "qr/png/")
    assert again["ETag"] == etag
    not_modified = client.get(movement.url + "qr/png/", HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304
    assert not_modified.content == b""


@pytest.mark.parametrize("size", ["abc", "0", "99", "2001", "-5", "1e3", "400.5", "9" * 40, " 300"])
def test_bad_sizes_get_400_with_a_message(client, movement, size):
    response = client.get(movement.url + "qr/png/", {"size": size})
    assert response.status_code == 400
    assert "100" in response.content.decode() and "2000" in response.content.decode()


def test_size_bounds_are_accepted(client, movement):
    for size in (100, 2000):
        response = client.get(movement.url + f"qr/png/?size={size}")
        assert response.status_code == 200
        assert Image.open(io.BytesIO(response.content)).size == (size, size)


@pytest.mark.usefixtures("seeded")
@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize("placement", list(PLACEMENTS))
def test_banner_kit_has_the_right_size_and_a_decodable_qr_code(placement, language):
    campaign = CampaignPage.objects.get(locale__language_code=language, slug="flashmob-2024")
    movement = campaign.get_parent().specific
    client = Client()
    response = client.get(campaign.url + f"kit/{placement}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    spec = PLACEMENTS[placement]
    assert response["Content-Disposition"] == (
        f'attachment; filename="flashmob-2024-{placement}-{spec.width}x{spec.height}.png"'
    )
    image, texts = decode(response.content)
    assert image.size == (spec.width, spec.height)
    # The announcement asks for a QR code to the movement's page.
    assert texts == [movement.full_url]
    assert response["ETag"]


def test_sizes_of_the_kit():
    assert (PLACEMENTS["social"].width, PLACEMENTS["social"].height) == (1080, 1080)
    assert (PLACEMENTS["poster"].width, PLACEMENTS["poster"].height) == (1240, 1754)


def test_unknown_kit_placement_is_404(client, campaign):
    assert client.get(campaign.url + "kit/billboard/").status_code == 404


def test_campaign_page_links_the_kit_and_qr(client, campaign):
    html = client.get(campaign.url).content.decode()
    for placement in PLACEMENTS:
        assert f"{campaign.url}kit/{placement}/" in html
    assert f"{campaign.url}qr/svg/" in html
