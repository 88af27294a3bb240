"""Subset Noto Sans and Noto Serif Bold (Debian's fonts-noto-core, SIL OFL 1.1) to Latin and
Cyrillic as woff2.

Run once when the font or the ranges change; the results are committed in static/fonts/.
Needs fonttools and brotli (requirements-dev.txt) and `apt-get install fonts-noto-core`.
"""

import sys
from pathlib import Path

from fontTools import subset

SOURCE = Path("/usr/share/fonts/truetype/noto")
TARGET = Path(__file__).resolve().parent.parent / "static" / "fonts"
FACES = {
    "NotoSans-Regular.ttf": "noto-sans-400.woff2",
    "NotoSans-Bold.ttf": "noto-sans-700.woff2",
    "NotoSerif-Bold.ttf": "noto-serif-700.woff2",
}
# Basic Latin, Latin-1, Cyrillic (Russian, Belarusian, Ukrainian), general punctuation, №, ₽.
UNICODES = ",".join(
    [
        "U+0020-007E,U+00A0-00FF,U+0131,U+0152-0153,U+02C6,U+02DA,U+02DC",
        "U+0400-045F,U+0490-0491",
        "U+2010-2027,U+2030-203A,U+2116,U+2122,U+20AC,U+20BD,U+2212",
    ]
)


def main():
    for source, target in FACES.items():
        args = [
            str(SOURCE / source),
            f"--unicodes={UNICODES}",
            "--flavor=woff2",
            "--layout-features=kern,liga,locl",
            "--no-hinting",
            "--desubroutinize",
            f"--output-file={TARGET / target}",
        ]
        subset.main(args)
        print(target, (TARGET / target).stat().st_size, "bytes")


if __name__ == "__main__":
    sys.exit(main())
