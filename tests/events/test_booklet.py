"""The printable programme booklet: a PDF per event and language, read back with poppler's
pdftotext and its QR codes decoded from the rendered pages."""

import datetime
import re
import shutil
import subprocess

import pytest
import zxingcpp
from PIL import Image

from events.models import EventPage
from tests.factories import EventHallFactory, EventPageFactory, day, session

pytestmark = pytest.mark.django_db


def pdf_text(content, tmp_path):
    assert shutil.which("pdftotext"), "pdftotext (Debian's poppler-utils) is missing"
    path = tmp_path / "booklet.pdf"
    path.write_bytes(content)
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode()


def flat(text):
    return re.sub(r"\s+", " ", text)


def qr_codes(content, tmp_path):
    """Every QR code on every page, rendered at 150 dpi by pdftoppm and decoded by zxing-cpp."""
    path = tmp_path / "booklet.pdf"
    path.write_bytes(content)
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(path), str(tmp_path / "page")], check=True)
    found = []
    for image_path in sorted(tmp_path.glob("page-*.png")):
        found += [result.text for result in zxingcpp.read_barcodes(Image.open(image_path))]
    return found


@pytest.mark.parametrize("language", ["ru", "en"])
def test_seeded_forum_booklet_has_every_session_and_its_recording_qr(client, seeded, language, tmp_path):
    page = EventPage.objects.get(slug="ryazan-forum-2024", locale__language_code=language)
    response = client.get(page.url + "booklet/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="ryazan-forum-2024-{language}.pdf"'
    assert response.content.startswith(b"%PDF-")
    text = flat(pdf_text(response.content, tmp_path))
    programme = page.get_programme()
    assert len(programme.sessions) == 5
    for item in programme.sessions:
        assert flat(item.title) in text, item.title
    for hall in programme.halls:
        assert hall.name in text
    if language == "ru":
        assert "17 апреля 2024. Первый день" in text and "Трек 1: Профессиональный тур" in text
    else:
        assert "17 April 2024. Day one" in text and "Track 1: Professional tour" in text
    recordings = {s.value["recording_url"] for s in programme.sessions if s.value["recording_url"]}
    assert recordings <= set(qr_codes(response.content, tmp_path))


def test_booklet_shows_times_halls_people_and_broadcasts(client, events_index, tmp_path):
    page = EventPageFactory(
        parent=events_index,
        slug="booklet-forum",
        start_date=datetime.date(2030, 5, 20),
        venue_name="Библиотека",
    )
    EventHallFactory(page=page, name="Горьковский зал", locale=page.locale)
    page.programme = [
        day(
            "2030-05-20",
            [
                session(
                    "Пленарное заседание",
                    fmt="plenary",
                    hall="Горьковский зал",
                    start="10:00",
                    end="12:30",
                    moderators="Иванова Е.А.",
                    speakers="Петров П.П.",
                    broadcast_url="https://vkvideo.ru/video-1_2",
                )
            ],
            title="Первый день",
        )
    ]
    page.save_revision().publish()
    response = client.get(page.url + "booklet/")
    text = flat(pdf_text(response.content, tmp_path))
    assert "10:00–12:30 · Пленарное заседание · Горьковский зал" in text
    assert "Модераторы: Иванова Е.А." in text and "Спикеры: Петров П.П." in text
    assert "Прямая трансляция — VK Video" in text
    assert "https://vkvideo.ru/video-1_2" in qr_codes(response.content, tmp_path)


def test_an_event_without_a_programme_gets_a_cover_page(client, events_index, tmp_path):
    page = EventPageFactory(parent=events_index, slug="empty-forum", start_date=datetime.date(2030, 5, 20))
    response = client.get(page.url + "booklet/")
    assert response.status_code == 200
    assert page.title in flat(pdf_text(response.content, tmp_path))
