"""Brief templates: TOML files a user copies and edits; loaded, validated and resolved here.

A template names only what it changes; every other key comes from the packaged ``default.toml``.
A bad key or value raises :class:`compare.errors.ConfigError` naming the key.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from compare.errors import ConfigError
from compare.paths import resource
from compare.textsafe import strip_unsafe

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib

PACKAGED_DIR = resource("templates")
SECTIONS = ("summary", "shared", "omissions", "conflicts", "sources", "tone", "method")
PAGE_SIZES = ("A4", "Letter")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class Template:
    name: str
    source: str  # the file it was read from ("packaged:default" for built-ins)
    page_size: str
    landscape: bool
    margins_mm: tuple[float, float, float, float]  # top, right, bottom, left
    fit_one_page: bool
    font_regular: str  # "" = bundled Noto Sans, else a path to a .ttf
    font_bold: str
    font_italic: str
    font_size: float
    heading_size: float
    colour_text: str
    colour_muted: str
    colour_accent: str
    colour_highlight: str
    colour_rule: str
    outlet_colours: tuple[str, ...]
    title: str
    subtitle: str
    logo: str  # absolute path, or "" for none
    logo_width_mm: float
    header: bool
    footer: bool
    sections: tuple[str, ...]
    max_differences: int
    max_conflicts: int
    max_reasons: int
    max_rows: int  # per table, 0 = no limit
    quote_chars: int  # longest sentence shown before it is shortened, 0 = never shorten


# key -> (Template field, check). A check returns the converted value or raises ValueError(why).
def _str(v):
    if not isinstance(v, str):
        raise ValueError("must be text in quotes")
    return v


def _bool(v):
    if not isinstance(v, bool):
        raise ValueError("must be true or false")
    return v


def _number(low, high):
    def check(v):
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not low <= v <= high:
            raise ValueError(f"must be a number from {low} to {high}")
        return float(v)
    return check


def _int(low, high):
    def check(v):
        if isinstance(v, bool) or not isinstance(v, int) or not low <= v <= high:
            raise ValueError(f"must be a whole number from {low} to {high}")
        return v
    return check


def _choice(*options):
    def check(v):
        if v not in options:
            raise ValueError("must be one of " + ", ".join(f'"{o}"' for o in options))
        return v
    return check


def _colour(v):
    if not isinstance(v, str) or not _COLOUR.match(v):
        raise ValueError('must be a colour like "#1f4e79"')
    return v.lower()


def _colours(v):
    if not isinstance(v, list) or not v:
        raise ValueError('must be a list of colours like ["#1f4e79", "#d9822b"]')
    return tuple(_colour(c) for c in v)


def _sections(v):
    if not isinstance(v, list) or not v:
        raise ValueError("must be a list of section names: " + ", ".join(SECTIONS))
    for s in v:
        if s not in SECTIONS:
            raise ValueError(f'has unknown section "{s}"; sections are ' + ", ".join(SECTIONS))
    if len(set(v)) != len(v):
        raise ValueError("names a section twice")
    return tuple(v)


def _margins(v):
    if not isinstance(v, list) or len(v) != 4:
        raise ValueError("must be four numbers in millimetres: [top, right, bottom, left]")
    return tuple(_number(0, 80)(x) for x in v)


SPEC = {
    "page.size": ("page_size", _choice(*PAGE_SIZES)),
    "page.orientation": ("landscape", lambda v: _choice("portrait", "landscape")(v) == "landscape"),
    "page.margins_mm": ("margins_mm", _margins),
    "page.fit_one_page": ("fit_one_page", _bool),
    "fonts.regular": ("font_regular", _str),
    "fonts.bold": ("font_bold", _str),
    "fonts.italic": ("font_italic", _str),
    "fonts.size": ("font_size", _number(6, 16)),
    "fonts.heading_size": ("heading_size", _number(8, 32)),
    "colours.text": ("colour_text", _colour),
    "colours.muted": ("colour_muted", _colour),
    "colours.accent": ("colour_accent", _colour),
    "colours.highlight": ("colour_highlight", _colour),
    "colours.rule": ("colour_rule", _colour),
    "colours.outlets": ("outlet_colours", _colours),
    "title.text": ("title", lambda v: strip_unsafe(_str(v)).replace("\t", " ").replace("\n", " ")),
    "title.subtitle": ("subtitle", lambda v: strip_unsafe(_str(v)).replace("\t", " ").replace("\n", " ")),
    "title.logo": ("logo", _str),
    "title.logo_width_mm": ("logo_width_mm", _number(5, 120)),
    "page.header": ("header", _bool),
    "page.footer": ("footer", _bool),
    "sections.order": ("sections", _sections),
    "summary.differences": ("max_differences", _int(0, 10)),
    "summary.conflicts": ("max_conflicts", _int(0, 10)),
    "summary.reasons": ("max_reasons", _int(0, 10)),
    "tables.max_rows": ("max_rows", _int(0, 10000)),
    "tables.sentence_chars": ("quote_chars", _int(0, 100000)),
}


def packaged_names() -> tuple[str, ...]:
    """Names of the templates shipped inside the package."""
    return tuple(sorted(p.stem for p in PACKAGED_DIR.glob("*.toml")))


def find_template(spec: str, *, cwd: Path | None = None) -> Path:
    """The file for ``--template NAME|PATH``: a path as given, else ./templates/NAME.toml, else the packaged one."""
    given = Path(spec)
    if spec.endswith(".toml") or given.parent != Path("."):
        if given.is_file():
            return given
        raise ConfigError(f"template {spec}: no such file")
    local = (cwd or Path.cwd()) / "templates" / f"{spec}.toml"
    if local.is_file():
        return local
    packaged = PACKAGED_DIR / f"{spec}.toml"
    if packaged.is_file():
        return packaged
    raise ConfigError(
        f"template {spec}: not found in ./templates/ or the packaged templates "
        f"({', '.join(packaged_names())}); give a name or a path to a .toml file"
    )


def load_template(spec: str | Path = "default", *, cwd: Path | None = None) -> Template:
    """The template named or pointed to by ``spec``, layered over the packaged default."""
    path = spec if isinstance(spec, Path) else find_template(spec, cwd=cwd)
    return _load_path(path.resolve())


def _load_path(path: Path) -> Template:
    return _load_cached(path, path.stat().st_mtime_ns)  # an edited file is read again


@functools.lru_cache(maxsize=32)
def _load_cached(path: Path, mtime: int) -> Template:
    base = _flatten(_read_toml(PACKAGED_DIR / "default.toml"), "")
    own = _flatten(_read_toml(path), "", where=path)
    values = {**base, **own}
    fields = {}
    for key, (name, check) in SPEC.items():
        if key not in values:
            raise ConfigError(f"template {path}: key {key} is missing from the packaged default")
        try:
            fields[name] = check(values[key])
        except ValueError as why:
            raise ConfigError(f"template {path}: key {key} {why} (got {values[key]!r})") from None
    if fields["logo"]:
        logo = Path(fields["logo"]).expanduser()
        logo = logo if logo.is_absolute() else path.parent / logo
        if not logo.is_file():
            raise ConfigError(f"template {path}: key title.logo names {fields['logo']!r}, which is not a file")
        fields["_logo_size"] = _check_image(logo, path)
        fields["logo"] = str(logo)
    for key in ("fonts.regular", "fonts.bold", "fonts.italic"):
        name = SPEC[key][0]
        if fields[name]:
            font = Path(fields[name]).expanduser()
            font = font if font.is_absolute() else path.parent / font
            if not font.is_file() or font.suffix.lower() != ".ttf":
                raise ConfigError(f"template {path}: key {key} must be a .ttf file (got {fields[name]!r})")
            fields[name] = str(font)
    _check_room(fields, path)
    packaged = path.parent == PACKAGED_DIR
    return Template(name=path.stem, source=f"packaged:{path.stem}" if packaged else str(path), **fields)


PAGE_MM = {"A4": (210.0, 297.0), "Letter": (215.9, 279.4)}  # portrait width, height
MIN_TEXT_MM = (60.0, 80.0)  # the narrowest and shortest text area the brief's tables and charts fit in
MAX_LOGO_PIXELS = 16_000_000  # 4000 × 4000; a bigger logo only costs memory (a 120-Mpx PNG took 446 MB)
TITLE_ROOM_MM = 40.0  # the width the title keeps beside the logo


def _check_room(fields: dict, path: Path) -> None:
    """Raise ConfigError naming the key when margins, or the logo, leave the page no room for the brief's text."""
    width, height = PAGE_MM[fields["page_size"]]
    if fields["landscape"]:
        width, height = height, width
    top, right, bottom, left = fields["margins_mm"]
    text_w, text_h = width - left - right, height - top - bottom
    if text_w < MIN_TEXT_MM[0] or text_h < MIN_TEXT_MM[1]:
        raise ConfigError(f"template {path}: key page.margins_mm leaves a text area of {text_w:g} × {text_h:g} mm on "
                          f"a {fields['page_size']} page; the brief needs at least {MIN_TEXT_MM[0]:g} × "
                          f"{MIN_TEXT_MM[1]:g} mm: make the margins smaller")
    if fields["logo"]:
        if fields["logo_width_mm"] > text_w - TITLE_ROOM_MM:
            raise ConfigError(f"template {path}: key title.logo_width_mm is {fields['logo_width_mm']:g} mm, but the "
                              f"text area is {text_w:g} mm wide and the title needs {TITLE_ROOM_MM:g}; make it at most "
                              f"{max(text_w - TITLE_ROOM_MM, 0):g}")
        pixels_w, pixels_h = fields.pop("_logo_size")
        logo_h = fields["logo_width_mm"] * pixels_h / pixels_w
        if logo_h > text_h / 3:
            raise ConfigError(f"template {path}: key title.logo is {pixels_w} × {pixels_h} px, {logo_h:.0f} mm high at "
                              f"title.logo_width_mm = {fields['logo_width_mm']:g}; it may take at most a third of the "
                              f"text area's {text_h:g} mm: use a wider logo or a smaller width")
    fields.pop("_logo_size", None)


def _check_image(logo: Path, path: Path) -> tuple[int, int]:
    """The logo's size in pixels; ConfigError naming title.logo unless it is a PNG/JPEG/GIF of sane size that decodes."""
    from PIL import Image as PILImage
    from reportlab.lib.utils import ImageReader

    try:
        with PILImage.open(logo) as image:  # reads the header only: the size before any decoding
            size = image.size
    except (OSError, ValueError, SyntaxError, PILImage.DecompressionBombError) as why:
        raise ConfigError(f"template {path}: key title.logo names {logo}, which is not an image that can be read "
                          f"({type(why).__name__}); use a PNG or JPEG file of at most {MAX_LOGO_PIXELS:,} pixels") from None
    if size[0] * size[1] > MAX_LOGO_PIXELS:
        raise ConfigError(f"template {path}: key title.logo names {logo}, an image of {size[0]} × {size[1]} px; "
                          f"a logo may have at most {MAX_LOGO_PIXELS:,} pixels: scale it down")
    try:
        reader = ImageReader(str(logo))
        width, height = reader.getSize()
        reader.getRGBData()  # the size is in the header; a truncated file fails only when decoded
    except (OSError, ValueError, SyntaxError) as why:  # Pillow: UnidentifiedImageError (an OSError), "truncated", ...
        raise ConfigError(f"template {path}: key title.logo names {logo}, which is not an image ReportLab can read "
                          f"({type(why).__name__}); use a PNG or JPEG file") from None
    if width <= 0 or height <= 0:
        raise ConfigError(f"template {path}: key title.logo names {logo}, an image with no size")
    return width, height


def _read_toml(path: Path) -> dict:
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"template {path}: not valid TOML: {e}") from None
    except OSError as e:
        raise ConfigError(f"template {path}: cannot read: {e.strerror}") from None


def _flatten(data: dict, prefix: str, where: Path | None = None) -> dict:
    """{"page": {"size": "A4"}} -> {"page.size": "A4"}; unknown keys are errors when ``where`` is given."""
    flat = {}
    for key, value in data.items():
        full = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, full + ".", where))
        elif full in SPEC or where is None:
            flat[full] = value
        else:
            table = full.rsplit(".", 1)[0] + "." if "." in full else ""
            near = [k for k in SPEC if table and k.startswith(table)]
            hint = f"; keys there are {', '.join(near)}" if near else f"; known keys: {', '.join(SPEC)}"
            raise ConfigError(f"template {where}: unknown key {full}{hint}")
    return flat
