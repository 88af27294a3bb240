"""QR codes and the banner kit, drawn with qrcode and Pillow."""

import io
from dataclasses import dataclass

import font_roboto
import qrcode
import qrcode.image.svg
from PIL import Image, ImageDraw, ImageFont, ImageOps

QR_MIN_SIZE = 100
QR_MAX_SIZE = 2000
QR_DEFAULT_SIZE = 400
QR_BORDER = 4  # the quiet zone the QR specification asks for, in modules

ACCENT = (11, 79, 138)
WHITE = (255, 255, 255)
BLACK = (0, 0, 0)


def _qr(data):
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=QR_BORDER)
    code.add_data(data)
    code.make(fit=True)
    return code


def qr_svg(data):
    code = _qr(data)
    image = code.make_image(image_factory=qrcode.image.svg.SvgPathImage)
    return image.to_string(encoding="unicode").encode()


def qr_image(data, size):
    """A size×size QR code with whole-pixel modules, centred on white."""
    code = _qr(data)
    modules = code.modules_count + 2 * QR_BORDER
    box = max(1, size // modules)
    code.box_size = box
    image = code.make_image(fill_color="black", back_color="white").get_image().convert("RGB")
    if image.width > size:
        # Fewer pixels than modules: scaling down still gives a valid image, if hard to read.
        return image.resize((size, size), Image.Resampling.NEAREST)
    canvas = Image.new("RGB", (size, size), WHITE)
    offset = (size - image.width) // 2
    canvas.paste(image, (offset, offset))
    return canvas


def png_bytes(image):
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def qr_png(data, size):
    return png_bytes(qr_image(data, size))


def font(size, bold=True):
    # Roboto (shipped by the font-roboto package) has Cyrillic glyphs; Pillow's built-in font has none.
    return ImageFont.truetype(font_roboto.RobotoBold if bold else font_roboto.Roboto, size)


@dataclass(frozen=True)
class Placement:
    slug: str
    width: int
    height: int


# A square post for social networks, a website sidebar banner, an A4 poster at 150 dpi.
PLACEMENTS = {
    "social": Placement("social", 1080, 1080),
    "sidebar": Placement("sidebar", 240, 400),
    "poster": Placement("poster", 1240, 1754),
}


def _fit_text(draw, text, max_width, start_size, bold=True):
    size = start_size
    while size > 10:
        face = font(size, bold)
        if draw.textlength(text, font=face) <= max_width:
            return face
        size -= 2
    return font(size, bold)


def _draw_centered(draw, text, y, width, face, fill):
    text_width = draw.textlength(text, font=face)
    draw.text(((width - text_width) / 2, y), text, font=face, fill=fill)


def banner_kit(placement, banner, hashtag, url, caption=""):
    """Render one kit PNG: the banner on top, then the hashtag, then a QR code of url.

    ``banner`` is a Pillow image or None (a plain field of colour is drawn instead).
    """
    width, height = placement.width, placement.height
    margin = max(8, width // 30)
    canvas = Image.new("RGB", (width, height), WHITE)
    draw = ImageDraw.Draw(canvas)

    # The QR code gets at least a third of the shorter side: it must scan from a phone.
    qr_side = max(min(width, height) // 3, 150)
    qr_side = min(qr_side, width - 2 * margin)
    text_height = max(24, height // 14)
    banner_height = height - qr_side - text_height * (2 if caption else 1) - 4 * margin
    banner_box = (width - 2 * margin, max(banner_height, 1))
    if banner is not None:
        fitted = ImageOps.contain(banner.convert("RGB"), banner_box, Image.Resampling.LANCZOS)
        canvas.paste(fitted, ((width - fitted.width) // 2, margin + (banner_box[1] - fitted.height) // 2))
    else:
        draw.rectangle((margin, margin, width - margin, margin + banner_box[1]), fill=ACCENT)

    y = margin * 2 + banner_box[1]
    face = _fit_text(draw, hashtag, width - 2 * margin, text_height)
    _draw_centered(draw, hashtag, y, width, face, ACCENT)
    y += text_height + margin // 2
    if caption:
        face = _fit_text(draw, caption, width - 2 * margin, text_height * 2 // 3, bold=False)
        _draw_centered(draw, caption, y, width, face, BLACK)
        y += text_height

    qr = qr_image(url, qr_side)
    canvas.paste(qr, ((width - qr_side) // 2, height - qr_side - margin))
    return png_bytes(canvas)


def flashmob_banner(lines, size=(1080, 1080)):
    """A simple banner in the colours of the Russian flag, with the given lines of text."""
    width, height = size
    image = Image.new("RGB", size, WHITE)
    draw = ImageDraw.Draw(image)
    stripe = height // 12
    for index, colour in enumerate([(255, 255, 255), (0, 57, 166), (213, 43, 30)]):
        draw.rectangle((0, height - stripe * (3 - index), width, height - stripe * (2 - index)), fill=colour)
    draw.rectangle((0, 0, width, height - 3 * stripe), fill=ACCENT)
    y = height // 8
    for text, start_size in lines:
        face = _fit_text(draw, text, width - width // 8, start_size)
        _draw_centered(draw, text, y, width, face, WHITE)
        y += int(start_size * 1.6)
    return png_bytes(image)
