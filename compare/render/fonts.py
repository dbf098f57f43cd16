"""The brief's embedded fonts: Noto Sans from the fontpkg-noto-sans package, or a template's own TTFs."""
from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path

from compare.errors import ConfigError
from compare.paths import resource

BUNDLED_BOLD = resource("fonts", "NotoSans-Bold.ttf")
# Characters the brief must show: Latin Extended, Cyrillic, currency, typographic quotes.
REQUIRED_CHARS = "MicheálZelenskyyErdoğanŁukaszКиїв€‘’“”—…"


@dataclass(frozen=True)
class FontFamily:
    regular: str  # ReportLab font names, registered
    bold: str
    italic: str
    bold_italic: str


def bundled_paths() -> dict[str, Path]:
    """The bundled Noto Sans files: regular and italic from fontpkg-noto-sans, a static bold instance from resources."""
    import fontpkg_noto_sans

    files = fontpkg_noto_sans.ROOT / "files"
    return {
        "regular": files / "NotoSans[wdth,wght].ttf",
        "italic": files / "NotoSans-Italic[wdth,wght].ttf",
        "bold": BUNDLED_BOLD,
    }


@functools.lru_cache(maxsize=8)
def register_family(regular: str = "", bold: str = "", italic: str = "") -> FontFamily:
    """Register the fonts with ReportLab once ("" = bundled Noto Sans) and return their names."""
    from reportlab.lib.fonts import addMapping

    bundled = bundled_paths()
    paths = {
        "regular": Path(regular) if regular else bundled["regular"],
        "bold": Path(bold) if bold else bundled["bold"],
        "italic": Path(italic) if italic else bundled["italic"],
    }
    names = {style: _register(path, style) for style, path in paths.items()}
    family = FontFamily(names["regular"], names["bold"], names["italic"], names["bold"])
    addMapping(family.regular, 0, 0, family.regular)
    addMapping(family.regular, 1, 0, family.bold)
    addMapping(family.regular, 0, 1, family.italic)
    addMapping(family.regular, 1, 1, family.bold_italic)
    return family


def _register(path: Path, style: str) -> str:
    """Register one TTF under a name derived from its path; a bad file is a ConfigError."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    name = f"NC-{style}-{hashlib.sha1(str(path).encode()).hexdigest()[:8]}"
    if name in pdfmetrics.getRegisteredFontNames():
        return name
    try:
        pdfmetrics.registerFont(TTFont(name, str(path)))
    except (TTFError, OSError) as e:
        raise ConfigError(f"font {path}: cannot be used as a TrueType font ({e})") from None
    return name


def missing_chars(font_name: str, text: str = REQUIRED_CHARS) -> str:
    """The characters of ``text`` that the registered font has no glyph for."""
    from reportlab.pdfbase import pdfmetrics

    cmap = pdfmetrics.getFont(font_name).face.charToGlyph
    return "".join(sorted({c for c in text if not c.isspace() and ord(c) not in cmap}))
