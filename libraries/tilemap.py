"""A tile-grid map of Russia's federal subjects: one square per subject, placed roughly where it lies.

Drawn by the server as SVG (no map tiles, no scripts): ``region_map_context`` turns counts by
region code into squares with a link, a name and a count; templates/components/region_map.html
draws them and a table, the accessible alternative.
"""

from dataclasses import dataclass

# Rows from north to south; each row is a list of (column, region code, Cyrillic label, Latin label).
# Columns run from west (0) to east (16). The labels, shown in the square, are short: the Latin one
# is the ISO 3166-2:RU subdivision code where there is one. The full name in the reader's language is
# the square's accessible name and title.
GRID = [
    [(2, "51", "МУР", "MUR"), (16, "87", "ЧУК", "CHU")],
    [
        (2, "10", "КАР", "KR"),
        (3, "29", "АРХ", "ARK"),
        (4, "83", "НАО", "NEN"),
        (6, "89", "ЯН", "YAN"),
        (9, "24", "КЯ", "KYA"),
        (11, "14", "ЯК", "SA"),
        (14, "49", "МАГ", "MAG"),
        (16, "41", "КАМ", "KAM"),
    ],
    [
        (1, "78", "СПБ", "SPE"),
        (2, "47", "ЛЕН", "LEN"),
        (3, "35", "ВЛГ", "VLG"),
        (4, "11", "КОМ", "KO"),
        (6, "86", "ХМ", "KHM"),
        (8, "70", "ТОМ", "TOM"),
        (10, "38", "ИРК", "IRK"),
        (12, "75", "ЗАБ", "ZAB"),
        (13, "28", "АМУ", "AMU"),
        (14, "27", "ХАБ", "KHA"),
        (16, "65", "САХ", "SAK"),
    ],
    [
        (1, "60", "ПСК", "PSK"),
        (2, "53", "НГР", "NGR"),
        (3, "76", "ЯР", "YAR"),
        (4, "43", "КИР", "KIR"),
        (5, "59", "ПЕР", "PER"),
        (6, "72", "ТЮМ", "TYU"),
        (8, "54", "НСК", "NVS"),
        (9, "42", "КЕМ", "KEM"),
        (10, "19", "ХАК", "KK"),
        (11, "03", "БУР", "BU"),
        (13, "79", "ЕАО", "YEV"),
        (14, "25", "ПРИ", "PRI"),
    ],
    [
        (0, "39", "КЛГ", "KGD"),
        (1, "67", "СМО", "SMO"),
        (2, "69", "ТВЕ", "TVE"),
        (3, "77", "МСК", "MOW"),
        (4, "37", "ИВА", "IVA"),
        (5, "44", "КОС", "KOS"),
        (6, "12", "МЭ", "ME"),
        (7, "18", "УД", "UD"),
        (8, "66", "СВЕ", "SVE"),
        (9, "45", "КУР", "KGN"),
        (10, "55", "ОМС", "OMS"),
        (11, "22", "АЛТ", "ALT"),
        (12, "04", "АЛ", "AL"),
        (13, "17", "ТЫВ", "TY"),
    ],
    [
        (1, "32", "БРЯ", "BRY"),
        (2, "40", "КЛЖ", "KLU"),
        (3, "50", "МО", "MOS"),
        (4, "33", "ВЛА", "VLA"),
        (5, "52", "НН", "NIZ"),
        (6, "21", "ЧУ", "CU"),
        (7, "16", "ТА", "TA"),
        (8, "02", "БА", "BA"),
        (9, "74", "ЧЕЛ", "CHE"),
    ],
    [
        (1, "46", "КРС", "KRS"),
        (2, "57", "ОРЛ", "ORL"),
        (3, "71", "ТУЛ", "TUL"),
        (4, "62", "РЯЗ", "RYA"),
        (5, "13", "МОР", "MO"),
        (6, "73", "УЛЬ", "ULY"),
        (7, "63", "САМ", "SAM"),
        (8, "56", "ОРБ", "ORE"),
    ],
    [
        (1, "31", "БЕЛ", "BEL"),
        (2, "48", "ЛИП", "LIP"),
        (3, "68", "ТАМ", "TAM"),
        (4, "58", "ПНЗ", "PNZ"),
        (5, "64", "САР", "SAR"),
    ],
    [
        (0, "94", "ЛНР", "LUG"),
        (1, "36", "ВРН", "VOR"),
        (2, "61", "РОС", "ROS"),
        (3, "34", "ВГГ", "VGG"),
        (4, "08", "КАЛ", "KL"),
        (5, "30", "АСТ", "AST"),
    ],
    [
        (0, "93", "ДНР", "DON"),
        (1, "90", "ЗАП", "ZAP"),
        (2, "23", "КДА", "KDA"),
        (3, "26", "СТА", "STA"),
        (4, "05", "ДАГ", "DA"),
    ],
    [
        (0, "95", "ХЕР", "KHE"),
        (1, "01", "АД", "AD"),
        (2, "09", "КЧ", "KC"),
        (3, "07", "КБ", "KB"),
        (4, "15", "СО", "SE"),
        (5, "06", "ИН", "IN"),
        (6, "20", "ЧЕ", "CE"),
    ],
    [(0, "91", "КРЫ", "CR"), (1, "92", "СЕВ", "SEV")],
]
POSITIONS = {
    code: (column, row, {"ru": cyrillic, "en": latin})
    for row, cells in enumerate(GRID)
    for column, code, cyrillic, latin in cells
}
COLUMNS = max(column for column, _row, _labels in POSITIONS.values()) + 1
ROWS = len(GRID)

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
