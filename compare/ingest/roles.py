"""Which lines of an article are not reporting: captions, subheadings, credits and trailers.

Each rule is a small, named check; the first that matches gives the role and a reason a reader can see
in `newscompare inspect`.
"""
from __future__ import annotations

import re

from compare.model import BODY, CAPTION, CREDIT, SUBHEADING

_CAPTION = re.compile(
    r"(?=[pivf(gra])"  # the first characters of the phrases below: the regex engine skips to where one can start
    r"(\b(photo|photograph|image|picture|illustration|video|file photo)s?\s*(by|:|/|credit)\s*[^.]{1,80}\.?"
    r"|\((ap|afp|reuters|getty|epa|ap photo|afp via getty)[^)]{0,80}\)"
    r"|\b(getty images|reuters/[\w ]+|ap photo/[\w .]+|afp via getty images)\.?)\s*$",
    re.IGNORECASE,
)
# A video player's or an image viewer's text scraped with the page ("JUST WATCHED McCain: Leaks came from the White
# House Replay More Videos ... MUST WATCH ...", "Enlarge this image toggle caption ...")
_PLAYER = re.compile(r"^(?:JUST WATCHED|MUST WATCH)\b|\bReplay More Videos\b|^Enlarge this image\b|\btoggle caption\b")
# An image gallery scraped as one block ("Photos: Hillary Clinton's life ... Hide Caption 1 of 43 Photos: ..."): every
# caption of it, however long the block
_GALLERY = re.compile(r"\bHide Caption \d+ of \d+\b")
# Credit and trailer lines: most rules hold only at the start of the line (matched there, not searched for
# through a long paragraph); three phrases count anywhere in it.
_CREDIT_START = re.compile(
    r"(additional )?reporting by\b|(writing|editing|edited) by\b"
    r"|this (post|article|story|piece) (first )?(appeared|was (first )?published|originally appeared)"
    r"|(read more|related( stories| articles| coverage| content)?)\s*[:»›|–—-]"
    r"|(click here|sign up|follow (us|him|her)|subscribe)\b.{0,60}$"
    r"|(copyright\s*(©|\(c\)|\d{4})|©)"
    r"|(ap|reuters|afp)$"
    r"|our standards:|we want to hear what you think\b"
    r"|(sign up|subscribe) (for|to) .{0,80}\bnewsletter\b"
    r"|(if you're (on|using) .{0,40}\bapp,? )?click here\b.{0,60}$",
    re.IGNORECASE,
)
_CREDIT_ANYWHERE = re.compile(
    r"(?=[caw])(?:contributed to this (report|story|article)|all rights reserved"
    r"|\bwill soon launch\b.{0,120}\bnewsletter\b)",
    re.IGNORECASE,
)
_TRAILER_OUTLET = re.compile(
    r"^this (?:post|article|story|piece) (?:first )?(?:appeared|was (?:first )?published|originally appeared)"
    r"(?: first)? (?:on|in|at) (?P<outlet>.+?)\.?\s*$",
    re.IGNORECASE,
)
_CLOSERS = "\"'”’»)]"
_END = ".!…:;"


def paragraph_role(text: str) -> tuple[str, str]:
    """The role of one paragraph of an article body, with the rule that decided it."""
    line = text.strip()
    if _CREDIT_START.match(line) or _CREDIT_ANYWHERE.search(line):
        return CREDIT, "a credit or trailer line, not reporting"
    words = len(line.split())
    if words <= 40 and _CAPTION.search(line):  # a caption is short: a long paragraph is not searched
        return CAPTION, "ends like a photo caption (\"Photo: …\")"
    if _GALLERY.search(line):
        return CAPTION, "an image gallery's captions (\"Hide Caption 1 of 43\")"
    if words <= 80 and _PLAYER.search(line):
        return CAPTION, "a video player's or image viewer's caption (\"JUST WATCHED …\", \"Enlarge this image\")"
    bare = line.rstrip(_CLOSERS)
    opens_quote = line[:1] in "\"'“‘«"
    if not opens_quote and words <= 15 and bare and bare[-1] not in _END + "?":
        return SUBHEADING, "a short line without end punctuation"
    if not opens_quote and words <= 12 and bare.endswith("?") and bare == line:
        return SUBHEADING, "a short standalone question"
    return BODY, ""


def trailer_outlet(text: str) -> str | None:
    """The outlet a trailer names ("This post appeared first on FOX NEWS" -> "FOX NEWS"), if any."""
    match = _TRAILER_OUTLET.match(text.strip())
    return match.group("outlet").strip() if match else None


def is_soft_wrap(line: str, next_line: str) -> bool:
    """True when a line break inside a block only wraps a paragraph (no end punctuation, next line goes on)."""
    bare = line.rstrip().rstrip(_CLOSERS)
    if not bare or bare[-1] in _END + "?":
        return False
    if paragraph_role(line)[0] != BODY and len(line) < 60:
        return False
    nxt = next_line.lstrip()
    return bool(nxt) and (nxt[0].islower() or len(line) >= 60)
