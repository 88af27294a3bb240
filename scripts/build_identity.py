"""Draw the network's emblem and wordmarks, and the raster images made from them.

The emblem: on one shelf, two books lean on a third that stands between them: libraries hold
each other up. The geometry below is the single source; this script
writes static/img/emblem.svg, favicon.svg, wordmark-{ru,en,be}.svg (the name as outlines of Noto
Serif Bold, so no font is needed to show them), logo.png (512 px, schema.org Organization) and
og-default.png (1200×630, shared links). The header inlines the same emblem as an SVG symbol
(templates/components/emblem_symbol.html). Run again after changing anything here.

Needs fonttools (requirements-dev.txt), Pillow and `apt-get install fonts-noto-core`.
"""

import math
from pathlib import Path

from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
IMG = ROOT / "static" / "img"
FONTS = Path("/usr/share/fonts/truetype/noto")
SERIF_BOLD = FONTS / "NotoSerif-Bold.ttf"
SANS = FONTS / "NotoSans-Regular.ttf"

BLUE = "#1d4f91"
DARK = "#123463"
AMBER = "#f0b429"
WHITE = "#ffffff"
NAMES = {"ru": "Вместе сильнее", "en": "Together Stronger", "be": "Разам мацней"}
TAGLINE_RU = "Сеть сотрудничества библиотек России"

SIZE = 48  # the emblem's design grid


def book(bottom_x, bottom_y, width, height, angle):
    """Corners of a book standing on (bottom_x, bottom_y), tilted by ``angle`` degrees."""
    a = math.radians(angle)
    ux, uy = math.sin(a), -math.cos(a)  # up along the spine
    px, py = math.cos(a), math.sin(a)  # across the spine
    h = width / 2
    bl = (bottom_x - px * h, bottom_y - py * h)
    br = (bottom_x + px * h, bottom_y + py * h)
    tr = (br[0] + ux * height, br[1] + uy * height)
    tl = (bl[0] + ux * height, bl[1] + uy * height)
    return [bl, br, tr, tl]


LEAN = 20
SPINE = 6
TALL = 25
SHELF_Y = 37.5
CENTRE = (20.5, 27.5, 10)  # left, right, top of the standing book


def leaning(side):
    """A book that leans on the standing one, its upper corner touching that book's side."""
    a = math.radians(LEAN)
    reach = SPINE / 2 * math.cos(a) + TALL * math.sin(a)
    if side < 0:
        return book(CENTRE[0] - reach, SHELF_Y, SPINE, TALL, LEAN)
    return book(CENTRE[1] + reach, SHELF_Y, SPINE, TALL, -LEAN)


SHAPES = [
    # (fill, polygon), painted in this order
    (AMBER, [(CENTRE[0], SHELF_Y), (CENTRE[1], SHELF_Y), (CENTRE[1], CENTRE[2]), (CENTRE[0], CENTRE[2])]),
    (WHITE, leaning(-1)),
    (WHITE, leaning(1)),
    (WHITE, [(5, SHELF_Y), (43, SHELF_Y), (43, SHELF_Y + 3.5), (5, SHELF_Y + 3.5)]),
]
RADIUS = 10


def fmt(value):
    return f"{value:.2f}".rstrip("0").rstrip(".")


def emblem_shapes_svg():
    parts = [f'<rect width="{SIZE}" height="{SIZE}" rx="{RADIUS}" fill="{BLUE}"/>']
    for fill, points in SHAPES:
        coords = " ".join(f"{fmt(x)},{fmt(y)}" for x, y in points)
        parts.append(f'<polygon points="{coords}" fill="{fill}"/>')
    return "".join(parts)


def text_path(text, font_path, size, x, y):
    """The text as one SVG path (outlines), and its advance width."""
    font = TTFont(font_path)
    glyphs = font.getGlyphSet()
    cmap = font.getBestCmap()
    scale = size / font["head"].unitsPerEm
    pen = SVGPathPen(glyphs)
    cursor = 0
    for char in text:
        name = cmap.get(ord(char))
        if name is None:
            continue
        glyph = glyphs[name]
        glyph.draw(TransformPen(pen, (scale, 0, 0, -scale, x + cursor * scale, y)))
        cursor += glyph.width
    return pen.getCommands(), cursor * scale


def write(path, content):
    path.write_text(content, encoding="utf-8")
    print(path.relative_to(ROOT), len(content.encode()), "bytes")


def svg_files():
    svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}"{extra}>{body}</svg>\n'
    write(IMG / "emblem.svg", svg.format(w=SIZE, h=SIZE, extra="", body=emblem_shapes_svg()))
    write(IMG / "favicon.svg", svg.format(w=SIZE, h=SIZE, extra="", body=emblem_shapes_svg()))
    symbol = "".join(
        f'<polygon points="{" ".join(f"{fmt(x)},{fmt(y)}" for x, y in points)}" fill="{fill}"/>'
        for fill, points in SHAPES
    )
    print("symbol polygons for templates/components/emblem_symbol.html:\n" + symbol)
    for code, name in NAMES.items():
        path, width = text_path(name, SERIF_BOLD, 26, 60, 33)
        total = math.ceil(60 + width + 4)
        body = f'<title>{name}</title>{emblem_shapes_svg()}<path d="{path}" fill="{DARK}"/>'
        write(IMG / f"wordmark-{code}.svg", svg.format(w=total, h=SIZE, extra=' role="img"', body=body))


def draw_emblem(draw, left, top, scale):
    draw.rounded_rectangle(
        [left, top, left + SIZE * scale, top + SIZE * scale], radius=RADIUS * scale, fill=BLUE
    )
    for fill, points in SHAPES:
        draw.polygon([(left + x * scale, top + y * scale) for x, y in points], fill=fill)


def supersampled(size, background, paint, factor=4):
    big = Image.new("RGB", (size[0] * factor, size[1] * factor), background)
    paint(ImageDraw.Draw(big), factor)
    return big.resize(size, Image.LANCZOS)


def raster_files():
    logo = supersampled((512, 512), WHITE, lambda d, f: draw_emblem(d, 0, 0, 512 * f / SIZE))
    logo.save(IMG / "logo.png", optimize=True)

    def og(draw, f):
        draw.rectangle([0, 560 * f, 1200 * f, 630 * f], fill=AMBER)
        draw_emblem(draw, 80 * f, 150 * f, 200 * f / SIZE)
        title = ImageFont.truetype(str(SERIF_BOLD), 84 * f)
        tagline = ImageFont.truetype(str(SANS), 38 * f)
        draw.text((320 * f, 170 * f), NAMES["ru"], font=title, fill=WHITE)
        draw.text((324 * f, 300 * f), TAGLINE_RU, font=tagline, fill=WHITE)

    supersampled((1200, 630), DARK, og).save(IMG / "og-default.png", optimize=True)
    for name in ("logo.png", "og-default.png"):
        print(f"static/img/{name}", (IMG / name).stat().st_size, "bytes")


if __name__ == "__main__":
    svg_files()
    raster_files()
