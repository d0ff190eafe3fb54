"""Make the page's Hangul fonts: subsets of NanumGothic, as koreanize-matplotlib ships it.

The full file is 4.3 MB; the page needs two small pieces of it (WOFF, zlib-compressed):

- ``nanumgothic-ko.woff`` (about 210 kB): the 2,350 syllables of KS X 1001 (the set every
  Korean text encoding covered; ordinary modern text stays inside it), the compatibility jamo,
  and every Hangul character of the message catalogue (so no text nablab writes can miss).
  The page's ``@font-face`` limits it to the Hangul blocks by ``unicode-range``: a browser
  fetches it only when Hangul is shown, i.e. in Korean.
- ``nanumgothic-label.woff`` (a few kB): the glyphs of the language button ("한국어"), which the
  English page shows from its first paint; ``label.css`` carries it as a ``data:`` URL, so it
  is there at the first layout (a face still loading then can leave □ behind in Chromium).

Chromium's font sanitiser rejects the original file for its empty VTT source tables
(``TSI*``); they are dropped. Timestamps are kept, so the same input gives the same bytes.

Run from the repository root after changing the catalogue's Korean text:

    PYTHONPATH=src python tools/subset_hangul.py
"""

from __future__ import annotations

import base64
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "nablab" / "web" / "static" / "vendor" / "hangul"
#: The Hangul blocks: jamo, compatibility jamo, syllables (the page's unicode-range).
HANGUL = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7AF))


def is_hangul(char: str) -> bool:
    return any(lo <= ord(char) <= hi for lo, hi in HANGUL)


def ks_x_1001_syllables() -> set[str]:
    """The 2,350 precomposed syllables of KS X 1001 (EUC-KR rows 0xB0-0xC8)."""
    out = set()
    for lead in range(0xB0, 0xC9):
        for trail in range(0xA1, 0xFF):
            try:
                out.add(bytes([lead, trail]).decode("euc-kr"))
            except UnicodeDecodeError:
                pass
    return out


def catalogue_hangul() -> set[str]:
    """Every Hangul character of every catalogue entry (both languages, to be safe)."""
    from nablab.i18n.messages import CATALOGUE

    return {c for entry in CATALOGUE.values() for text in entry.values() for c in text
            if is_hangul(c)}


def label_text() -> str:
    from nablab.i18n import translate

    return translate("web.language_name", "ko")


def write_subset(source: Path, text: str, target: Path) -> int:
    """``source`` cut down to the glyphs of ``text``, as WOFF; its size in bytes."""
    font = TTFont(str(source), recalcTimestamp=False)
    for tag in [t for t in font.keys() if t.startswith("TSI")]:
        del font[tag]
    options = subset.Options()
    options.flavor = "woff"
    options.hinting = False        # screens render Hangul unhinted well; a third of the size
    options.layout_features = ["*"]
    options.name_IDs = ["*"]       # keep the copyright and licence names
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(text)))
    subsetter.subset(font)
    font.flavor = "woff"
    font.save(str(target))
    return target.stat().st_size


def main() -> int:
    from nablab.plot.fonts import hangul_font_path

    source = hangul_font_path()
    if source is None:
        print("koreanize-matplotlib is not installed", file=sys.stderr)
        return 1
    compat = {chr(c) for c in range(0x3131, 0x318F)}
    OUT.mkdir(parents=True, exist_ok=True)
    for name, text in [("nanumgothic-ko.woff", ks_x_1001_syllables() | compat | catalogue_hangul()),
                       ("nanumgothic-label.woff", set(label_text()))]:
        size = write_subset(Path(source), "".join(text), OUT / name)
        print(f"{name}: {len(text)} characters, {size} bytes")
    data = base64.b64encode((OUT / "nanumgothic-label.woff").read_bytes()).decode()
    (OUT / "label.css").write_text(
        "/* The language button's Hangul, inline (made by tools/subset_hangul.py; OFL.txt). */\n"
        '@font-face { font-family: "NablabHangulLabel"; font-display: block;\n'
        "  unicode-range: U+1100-11FF, U+3130-318F, U+AC00-D7AF;\n"
        f'  src: url(data:font/woff;base64,{data}) format("woff"); }}\n', "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
