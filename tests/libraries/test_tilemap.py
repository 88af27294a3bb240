"""The tile-grid map: every federal subject has its own square, and the squares read as a map."""

import csv
from pathlib import Path

import pytest

from libraries.tilemap import COLUMNS, GRID, POSITIONS, ROWS, band, region_map

REGIONS_CSV = Path(__file__).resolve().parents[2] / "libraries" / "data" / "regions.csv"


def shipped_codes():
    with REGIONS_CSV.open(encoding="utf-8") as handle:
        return {row["code"] for row in csv.DictReader(handle)}


def test_every_federal_subject_has_one_square():
    assert set(POSITIONS) == shipped_codes()
    assert len(GRID) == len(POSITIONS) == 89


def test_no_two_subjects_share_a_square():
    places = [(column, row) for column, row, _labels in POSITIONS.values()]
    assert len(places) == len(set(places))
    assert all(0 <= column < COLUMNS and 0 <= row < ROWS for column, row in places)


def test_labels_are_short_and_unique_in_each_script():
    for script in ("ru", "en"):
        labels = [labels[script] for _column, _row, labels in POSITIONS.values()]
        assert len(labels) == len(set(labels)), script
        assert all(1 < len(label) <= 3 for label in labels), script


def test_neighbours_sit_where_they_lie():
    """A few facts of geography the grid must keep: west is left, north is up."""

    def place(code):
        column, row, _labels = POSITIONS[code]
        return column, row

    assert place("39")[0] < place("77")[0] < place("54")[0] < place("25")[0]  # Kaliningrad … Primorye
    assert place("51")[1] < place("77")[1] < place("23")[1]  # Murmansk, Moscow, Krasnodar
    assert place("87")[0] > place("14")[0]  # Chukotka east of Yakutia


@pytest.mark.parametrize(
    "count, expected", [(0, 0), (1, 1), (2, 2), (4, 2), (5, 3), (9, 3), (10, 4), (250, 4)]
)
def test_count_bands(count, expected):
    assert band(count) == expected


@pytest.mark.django_db
def test_only_squares_with_a_count_are_links():
    from wagtail.models import Locale

    data = region_map(
        {"31": 3, "77": 1},
        locale=Locale.objects.get(language_code="en"),
        describe=lambda count: f"{count} libraries",
        url_for=lambda code: f"?region={code}",
        current="31",
    )
    tiles = {tile.code: tile for tile in data["tiles"]}
    assert len(tiles) == 89
    assert tiles["31"].url == "?region=31" and tiles["31"].current
    assert tiles["31"].description == "Belgorod Oblast: 3 libraries"
    assert tiles["31"].label == "BEL" and tiles["77"].label == "MOW"
    assert tiles["50"].url == "" and tiles["50"].count == 0
    assert [tile.code for tile in data["rows"]] == ["31", "77"]
    assert data["total"] == 4
