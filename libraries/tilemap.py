"""A tile-grid map of Russia's federal subjects: one square per subject, placed roughly where it lies.

Drawn by the server as SVG (no map tiles, no scripts): ``region_map_context`` turns counts by
region code into squares with a link, a name and a count; templates/components/region_map.html
draws them and a table, the accessible alternative.
"""

import csv
from dataclasses import dataclass
from pathlib import Path


# libraries/data/tilegrid.csv: one line per square, rows from north (0) to south, columns from west
# (0) to east, with two short labels shown in the square: Cyrillic, and Latin (the ISO 3166-2:RU
# subdivision code where there is one). The full name in the reader's language is the square's
# accessible name and title.
def _read_grid():
    with (Path(__file__).resolve().parent / "data" / "tilegrid.csv").open(encoding="utf-8") as file:
        return [
            (int(row["row"]), int(row["column"]), row["code"], row["label_cyrillic"], row["label_latin"])
            for row in csv.DictReader(file)
        ]


GRID = _read_grid()
POSITIONS = {
    code: (column, row, {"ru": cyrillic, "en": latin}) for row, column, code, cyrillic, latin in GRID
}
COLUMNS = max(column for column, _row, _labels in POSITIONS.values()) + 1
ROWS = max(row for _column, row, _labels in POSITIONS.values()) + 1

TILE = 40  # SVG user units per square, gap included
GAP = 3

# Count bands for the colour of a square: 0, 1, 2–4, 5–9, 10 and more.
BANDS = [(10, 4), (5, 3), (2, 2), (1, 1)]


def band(count):
    for minimum, value in BANDS:
        if count >= minimum:
            return value
    return 0


@dataclass
class Tile:
    code: str
    name: str
    label: str
    count: int
    x: int
    y: int
    url: str
    current: bool = False
    description: str = ""

    @property
    def band(self):
        return band(self.count)

    @property
    def centre_x(self):
        return self.x + (TILE - GAP) / 2

    @property
    def label_y(self):
        return self.y + (15 if self.count else 22)

    @property
    def count_y(self):
        return self.y + 29


def region_tiles(regions, counts, url_for=None, current=None, language="ru"):
    """Squares for every region with a place on the grid.

    ``regions``: Region rows in the reader's language; ``counts``: {code: number};
    ``url_for(code)``: a link for the square, or None for no link.
    """
    tiles = []
    for region in regions:
        position = POSITIONS.get(region.code)
        if position is None:
            continue
        column, row, labels = position
        label = labels["en"] if language == "en" else labels["ru"]
        count = counts.get(region.code, 0)
        tiles.append(
            Tile(
                code=region.code,
                name=region.name,
                label=label,
                count=count,
                x=column * TILE,
                y=row * TILE,
                url=url_for(region.code) if url_for else "",
                current=region.code == current,
            )
        )
    return sorted(tiles, key=lambda tile: (tile.y, tile.x))


def map_size():
    return COLUMNS * TILE - GAP, ROWS * TILE - GAP


@dataclass
class Abroad:
    """A country outside Russia shown beside the grid."""

    code: str
    name: str
    count: int
    url: str = ""
    description: str = ""
    current: bool = False


def region_map(counts, *, locale, describe, url_for=None, current=None, abroad=(), map_id="region-map"):
    """Everything templates/components/region_map.html needs; one query (the regions' names).

    ``describe(count)``: the count in words («3 библиотеки»), for names, titles and the table.
    Only squares with a count get a link: a square of nothing would lead nowhere.
    """
    from libraries.models import Region

    regions = Region.objects.filter(locale=locale).only("code", "name")
    tiles = region_tiles(
        regions,
        counts,
        url_for=lambda code: url_for(code) if url_for and counts.get(code) else "",
        current=current,
        language=locale.language_code,
    )
    for tile in tiles:
        tile.description = f"{tile.name}: {describe(tile.count)}"
    for country in abroad:
        country.description = f"{country.name}: {describe(country.count)}"
    width, height = map_size()
    return {
        "id": map_id,
        "tiles": tiles,
        "rows": sorted((tile for tile in tiles if tile.count), key=lambda tile: (-tile.count, tile.name)),
        "abroad": list(abroad),
        "width": width,
        "height": height,
        "tile_size": TILE - GAP,
        "total": sum(counts.values()) + sum(country.count for country in abroad),
        "bands": [
            {"band": 1, "label": "1"},
            {"band": 2, "label": "2–4"},
            {"band": 3, "label": "5–9"},
            {"band": 4, "label": "10+"},
        ],
    }
