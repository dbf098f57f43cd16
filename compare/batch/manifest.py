"""The batch manifest: a TOML file naming groups, folders, outputs and options, read and checked here.

Every schema error raises :class:`compare.errors.ConfigError` naming the file, the line and the key;
syntax errors carry the line and column from the TOML parser. Relative paths are relative to the manifest.
The format is documented in docs/batch.md.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from compare.batch.grouping import GroupingSettings
from compare.errors import ConfigError

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib

FORMATS = ("pdf", "json", "markdown")
ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".json", ".html", ".htm")


@dataclass(frozen=True)
class InputSpec:
    source: str  # a path (resolved against the manifest's folder) or an http(s) URL
    outlet: str | None = None


@dataclass(frozen=True)
class GroupSpec:
    name: str
    inputs: tuple[InputSpec, ...]


@dataclass(frozen=True)
class FolderSpec:
    path: Path
    outlet: str | None  # None: a mixed folder, each article's outlet read from the article itself
    pattern: str = "*"
    recursive: bool = False


@dataclass(frozen=True)
class Window:
    """Which folder articles take part, by publication date (explicit groups are always compared)."""

    since: dt.date | None = None
    until: dt.date | None = None
    last_days: int | None = None  # only articles dated within this many days before the run
    undated: str = "keep"  # keep | skip


@dataclass(frozen=True)
class Manifest:
    path: Path
    output: Path
    cache: Path
    formats: tuple[str, ...] = ("pdf", "json")
    template: str = "default"
    window: Window = Window()
    grouping: GroupingSettings = GroupingSettings()
    compare_options: dict = field(default_factory=dict)
    groups: tuple[GroupSpec, ...] = ()
    folders: tuple[FolderSpec, ...] = ()
    text_hash: str = ""  # sha256 of the manifest's text, recorded with each run


_TOP = {"output", "window", "grouping", "compare", "group", "folder"}
_OUTPUT = {"folder", "formats", "template", "cache"}
_WINDOW = {"since", "until", "last_days", "undated"}
_GROUP = {"name", "inputs"}
_FOLDER = {"path", "outlet", "pattern", "recursive"}
RESERVED_NAMES = frozenset({"index", "run"})  # index.json/.md/.html and run.json of every run folder
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$")


ENGINE_STAGES = ("facts", "align", "event", "differences")  # [compare.<stage>] tables: EngineSettings fields


def load_manifest(path: str | Path, *, option_names: Collection[str] | None = None) -> Manifest:
    """Read and check a manifest; option_names, when given, are the keys [compare] may set (a mapping: with
    defaults)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")  # a byte-order mark (Windows editors) is fine
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such manifest file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read ({exc})") from None
    return parse_manifest(text, path=path, option_names=option_names)


def parse_manifest(text: str, *, path: Path, option_names: Collection[str] | None = None) -> Manifest:
    """Check a manifest's text; paths resolve against path's folder."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        problem = str(exc)[:where.start()].strip() if where else str(exc)
        place = f", line {where.group(1)}, column {where.group(2)}" if where else ""
        raise ConfigError(f"{path}{place}: not valid TOML: {problem}") from None
    check = _Checker(path, text)
    base = path.resolve().parent
    check.keys(data, _TOP, "")

    output = check.table(data, "output")
    check.keys(output, _OUTPUT, "output")
    folder = base / check.string(output, "output", "folder", "out")
    formats = check.string_list(output, "output", "formats", ["pdf", "json"])
    for fmt in formats:
        if fmt not in FORMATS:
            check.fail("output", "formats", f"unknown format {fmt!r}; use any of {', '.join(FORMATS)}")
    if not formats:
        check.fail("output", "formats", "name at least one format")
    cache = output.get("cache")
    cache_path = base / check.string(output, "output", "cache") if cache is not None else folder / "cache.sqlite"

    window = check.table(data, "window")
    check.keys(window, _WINDOW, "window")
    last_days = check.integer(window, "window", "last_days", None, low=1)
    undated = check.string(window, "window", "undated", "keep")
    if undated not in ("keep", "skip"):
        check.fail("window", "undated", f"must be \"keep\" or \"skip\", not {undated!r}")
    win = Window(check.date(window, "window", "since"), check.date(window, "window", "until"), last_days, undated)
    if win.since and win.until and win.since > win.until:
        check.fail("window", "until", f"is before since ({win.since})")

    grouping_table = check.table(data, "grouping")
    grouping = _grouping_settings(check, grouping_table)

    options = dict(check.table(data, "compare"))
    stages = {k: options.pop(k) for k in ENGINE_STAGES if k in options}  # [compare.align] link_at = 0.7, ...
    if stages:
        from compare.settings import EngineSettings

        try:
            EngineSettings.from_mapping(stages, "compare")
        except ConfigError as e:  # "compare.align.link_at: must be …" -> [compare] key 'align.link_at' must be …
            where, _, problem = str(e).partition(": ")
            check.fail("compare", where.partition(".")[2] or next(iter(stages)), problem)
        options["settings"] = stages
    if option_names is not None:
        check.keys(options, set(option_names), "compare")
        for key, value in options.items():
            default = option_names[key] if isinstance(option_names, Mapping) else None
            if isinstance(default, bool) and not isinstance(value, bool):
                check.fail("compare", key, f"must be true or false, not {value!r}")

    groups = tuple(_group(check, g, n, base) for n, g in enumerate(check.array(data, "group"), start=1))
    names = [g.name for g in groups]
    for n, name in enumerate(names, start=1):
        if name in names[:n - 1]:
            check.fail(f"group#{n}", "name", f"{name!r} names two groups; names must be unique")
    folders = tuple(_folder(check, f, n, base) for n, f in enumerate(check.array(data, "folder"), start=1))
    if not groups and not folders:
        check.fail("", "group", "the manifest names no [[group]] and no [[folder]]: nothing to compare")
    return Manifest(
        path=path, output=folder, cache=cache_path, formats=tuple(dict.fromkeys(formats)),
        template=check.string(output, "output", "template", "default"), window=win, grouping=grouping,
        compare_options=dict(options), groups=groups, folders=folders,
        text_hash=hashlib.sha256(text.encode("utf-8")).hexdigest())


def _grouping_settings(check: _Checker, table: dict) -> GroupingSettings:
    fields = {f.name: f for f in dataclasses.fields(GroupingSettings)}
    check.keys(table, set(fields), "grouping")
    values = {}
    for key, value in table.items():
        default = getattr(GroupingSettings(), key)
        if isinstance(default, bool):
            if not isinstance(value, bool):
                check.fail("grouping", key, f"must be true or false, not {value!r}")
        elif isinstance(default, int):
            value = check.integer(table, "grouping", key, default, low=0)
        elif not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 <= value <= 1:
            check.fail("grouping", key, f"must be a number from 0 to 1, not {value!r}")
        values[key] = type(default)(value)
    return GroupingSettings(**values)


def _group(check: _Checker, table: dict, n: int, base: Path) -> GroupSpec:
    where = f"group#{n}"
    check.keys(table, _GROUP, where)
    name = check.string(table, where, "name", f"group-{n:02d}")
    if not _NAME.match(name):
        check.fail(where, "name", f"{name!r} is not a usable file name (letters, digits, '.', '_', '-'; up to 80)")
    if name.lower() in RESERVED_NAMES:
        check.fail(where, "name", f"{name!r} is reserved for the run's own files (index, run); choose another name")
    raw = table.get("inputs")
    if not isinstance(raw, list):
        check.fail(where, "inputs", "is missing; give a list of two or more files or URLs")
    inputs = []
    for item in raw:
        if isinstance(item, str):
            inputs.append(InputSpec(_resolve(item, base)))
        elif isinstance(item, dict) and set(item) <= {"source", "outlet"} and isinstance(item.get("source"), str):
            outlet = item.get("outlet")
            if outlet is not None and not isinstance(outlet, str):
                check.fail(where, "inputs", f"outlet must be a string, not {outlet!r}")
            inputs.append(InputSpec(_resolve(item["source"], base), outlet))
        else:
            check.fail(where, "inputs", "each input is a path or URL string, or "
                                        f"{{source = \"...\", outlet = \"...\"}}; not {item!r}")
    if len(inputs) < 2:
        check.fail(where, "inputs", f"needs two or more inputs to compare, got {len(inputs)}")
    return GroupSpec(name, tuple(inputs))


def _folder(check: _Checker, table: dict, n: int, base: Path) -> FolderSpec:
    where = f"folder#{n}"
    check.keys(table, _FOLDER, where)
    if "path" not in table:
        check.fail(where, "path", "is missing; name the folder of articles")
    path = base / check.string(table, where, "path")
    outlet = table.get("outlet")
    if outlet is not None and not (isinstance(outlet, str) and outlet.strip()):
        check.fail(where, "outlet", f"must be a non-empty string, not {outlet!r}")
    recursive = table.get("recursive", False)
    if not isinstance(recursive, bool):
        check.fail(where, "recursive", f"must be true or false, not {recursive!r}")
    pattern = check.string(table, where, "pattern", "*")
    if Path(pattern).is_absolute() or ".." in Path(pattern).parts:
        check.fail(where, "pattern", f"{pattern!r} must match file names inside the folder (like \"*.json\"), "
                                     "not a path; put the folder in 'path'")
    return FolderSpec(path, outlet, pattern, recursive)


def _resolve(source: str, base: Path) -> str:
    if source.lower().startswith(("http://", "https://")) or source == "-":
        return source
    return str(base / source)


class _Checker:
    """Type checks that fail with the file, line and key of the offending value."""

    def __init__(self, path: Path, text: str):
        self.path, self.lines = path, text.splitlines()

    def fail(self, where: str, key: str, problem: str):
        line = self.line_of(where, key)
        place = f"line {line}: " if line else ""
        table, _, n = where.partition("#")
        label = f"[[{table}]] #{n} key '{key}'" if n else f"[{table}] key '{key}'" if table else f"key '{key}'"
        raise ConfigError(f"{self.path}, {place}{label} {problem}")

    def line_of(self, where: str, key: str) -> int | None:
        """The line where key is set inside the table (or the n-th array table) named by where."""
        table, _, n = where.partition("#")
        current, count, header_line = "", 0, None
        key_re = re.compile(rf"^\s*{re.escape(key)}\s*=")
        dotted = re.compile(rf"^\s*{re.escape(table)}\.{re.escape(key)}\s*=") if table else None
        for number, line in enumerate(self.lines, start=1):
            header = re.match(r"^\s*\[(\[?)\s*([A-Za-z0-9_.-]+)\s*\]", line)
            if header:
                current = header.group(2)
                if not table and current == key:
                    return number
                if current == table:
                    count += 1
                    if not n or count == int(n):
                        header_line = number
                continue
            in_table = current == table and (not n or count == int(n))
            if (in_table and key_re.match(line)) or (current == "" and dotted and dotted.match(line)):
                return number
        return header_line

    def keys(self, table: dict, allowed: set[str], where: str) -> None:
        for key in table:
            if key not in allowed:
                known = ", ".join(sorted(allowed)) or "none"
                self.fail(where, key, f"is not a known key here (known: {known})")

    def table(self, data: dict, key: str) -> dict:
        value = data.get(key, {})
        if not isinstance(value, dict):
            self.fail("", key, f"must be a table ([{key}]), not {type(value).__name__}")
        return value

    def array(self, data: dict, key: str) -> list[dict]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.fail("", key, f"must be written as [[{key}]] tables")
        return value

    def string(self, table: dict, where: str, key: str, default: str | None = None) -> str:
        value = table.get(key, default)
        if not isinstance(value, str) or not value.strip():
            self.fail(where, key, f"must be a non-empty string, not {value!r}")
        return value

    def string_list(self, table: dict, where: str, key: str, default: list[str]) -> list[str]:
        value = table.get(key, default)
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(where, key, f"must be a list of strings, not {value!r}")
        return value

    def integer(self, table: dict, where: str, key: str, default: int | None, *, low: int) -> int | None:
        value = table.get(key, default)
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or value < low:
            self.fail(where, key, f"must be a whole number of at least {low}, not {value!r}")
        return value

    def date(self, table: dict, where: str, key: str) -> dt.date | None:
        value = table.get(key)
        if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
            return value
        if isinstance(value, dt.datetime):
            return value.date()
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.fail(where, key, f"must be a date like 2026-01-31, not {value!r}")
