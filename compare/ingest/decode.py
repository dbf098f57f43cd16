"""Bytes to text: binary sniffing, encodings (UTF-8, BOMs, cp1252/latin-1), Unicode normalisation."""
from __future__ import annotations

import codecs
import re
import unicodedata

from compare.errors import InputError
from compare.textsafe import count_controls

# Magic numbers of files people pass by mistake.
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/Excel/EPUB file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"RIFF", "a media file"),
    (b"\x7fELF", "a program"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff"))  # zero-width space, word joiner, stray BOM: "$4.\u200b2"


def decode_bytes(data: bytes, source: str, declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding name) for the bytes of one input, or raise InputError."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(source, f"this is {what}, not an article",
                             "pass the article as text, HTML, JSON or a URL")
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if encoding:
        try:
            return _clean(data.decode(encoding), source), encoding
        except UnicodeDecodeError as exc:
            raise InputError(source, f"starts with a {encoding} byte-order mark but is not valid {encoding} "
                                     f"({exc.reason})", "re-save the file as UTF-8") from None
    if b"\x00" in data[:4096]:
        raise InputError(source, "binary content (NUL bytes), not an article",
                         "pass the article as text, HTML, JSON or a URL")
    candidates = [declared] if declared else []
    candidates += ["utf-8", *filter(None, [page_charset(data)]), "cp1252", "latin-1"]
    for enc in candidates:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        return _clean(text, source), enc
    raise InputError(source, "cannot decode the bytes as text", "re-save the file as UTF-8")  # unreachable: latin-1


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""", re.IGNORECASE)


def page_charset(data: bytes) -> str | None:
    """The encoding an HTML or XML page declares in its first 4 KB (<meta charset>, http-equiv, <?xml?>),
    if Python knows it; tried after UTF-8, which pages often mislabel."""
    head = data[:4096]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def _clean(text: str, source: str) -> str:
    """NFC, Unix newlines, no invisible word breaks; refuse text that is mostly control characters (binary data)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_INVISIBLE)
    controls = count_controls(text.replace("\f", ""))
    if controls and controls > max(3, len(text) // 100):
        raise InputError(source, "undecodable or binary content (many control characters)",
                         "check that the file is text; re-save it as UTF-8")
    return unicodedata.normalize("NFC", text)


def check_size(source: str, size: int, max_bytes: int) -> None:
    """Refuse an input over the size limit, saying how to raise it."""
    if size > max_bytes:
        raise InputError(source, f"is {size / 2**20:.1f} MB, over the {max_bytes / 2**20:g} MB limit",
                         "raise the limit with --max-size MB if this really is one article")
