"""Run a manifest: read inputs, group folders into stories, compare each group (cached, parallel), write the run.

The engine's functions arrive in an :class:`Engine` (the real one from :func:`default_engine`), so a run
can be tested with stand-ins. Workers (local processes or a Dask cluster) only compute and return bytes;
this process writes every file, atomically, and the cache, one group at a time.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, fields
from pathlib import Path

from compare.batch.cache import ResultCache, cache_key
from compare.batch.grouping import group_stories
from compare.batch.manifest import ARTICLE_SUFFIXES, Manifest
from compare.batch.storage import OutputLock, held_lock_fds, remove_stale_temp_files
from compare.errors import EXIT_DIFFERENT, EXIT_OK, ConfigError, NewscompareError
from compare.model import RELATED_EVENTS, Article, Comparison, Verdict
from compare.nlp.times import parse_date
from compare.paths import RESOURCES
from compare.render.output import write_bytes, write_text

SUFFIX = {"json": ".json", "markdown": ".md", "pdf": ".pdf"}
HEADLINE_DIFFERENCES = 3  # differences quoted per group in the index


@dataclass(frozen=True)
class Engine:
    """The functions a run calls; module-level functions, so they travel to worker processes."""

    compare: Callable[..., Comparison]  # compare_articles(articles, **options)
    renderers: Mapping[str, Callable]  # "json"/"markdown": comparison -> str; "pdf": (comparison, *, template) -> bytes
    same_event: Callable[[Article, Article], Verdict] | None = None
    version: str = ""


def default_engine() -> Engine:
    """The real engine and renderers (imported here, not at start-up); its version includes the engine's thresholds."""
    import hashlib

    import compare
    from compare.comparison import compare_articles, same_event, settings
    from compare.render.jsonout import render_json
    from compare.render.markdown import render_markdown
    from compare.render.pdf import render_brief

    thresholds = hashlib.sha256(json.dumps(settings(), sort_keys=True).encode()).hexdigest()[:12]
    return Engine(compare_articles, {"json": render_json, "markdown": render_markdown, "pdf": render_brief},
                  same_event, f"{compare.__version__}+{thresholds}+{resources_digest()}")


def resources_digest(root: Path = RESOURCES) -> str:
    """A hash of every shipped lexicon, model and table (compare/resources/): a changed word list or model file
    must not be served from the cache."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


@dataclass(frozen=True)
class GroupTask:
    """One comparison to run: everything a worker needs, nothing it must read from disk."""

    name: str
    key: str
    articles: tuple[Article, ...]
    options: Mapping
    formats: tuple[str, ...]
    template: str
    engine: Engine


@dataclass(frozen=True)
class GroupOutcome:
    name: str
    key: str
    summary: dict  # what the index shows: outlets, verdict, headline differences
    artifacts: Mapping[str, bytes]  # format -> file content
    error: str | None = None  # why it failed, for the summary


@dataclass(frozen=True)
class InputFailure:
    source: str
    reason: str


@dataclass
class RunSummary:
    run_id: str
    folder: Path
    done: list[str] = field(default_factory=list)
    cached: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (group, reason)
    input_failures: list[InputFailure] = field(default_factory=list)
    blindspots: int = 0
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        return EXIT_DIFFERENT if self.failed or self.input_failures else EXIT_OK

    def lines(self) -> list[str]:
        """The end-of-run summary, one fact a line."""
        out = [(f"run {self.run_id}: {len(self.done)} groups done, {len(self.cached)} skipped (cached), "
                f"{len(self.failed)} failed, {len(self.input_failures)} inputs unreadable, "
                f"{self.blindspots} single-outlet stories; {self.seconds:.1f} s; output {self.folder}")]
        out += [f"  failed group {name}: {reason}" for name, reason in self.failed]
        out += [f"  unreadable input {f.source}: {f.reason}" for f in self.input_failures]
        return out


Progress = Callable[[int, int, str], None]  # (finished, total, what just finished)


def run_batch(manifest: Manifest, *, engine: Engine | None = None, jobs: int = 1, cluster=None,
              force: bool = False, wait: float = 0.0, run_id: str | None = None, progress: Progress | None = None,
              log: Callable[[str], None] | None = None,
              now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.timezone.utc)) -> RunSummary:
    """Run every job of a manifest under the output folder's lock; cluster is a Dask address or Client."""
    engine = engine or default_engine()
    log = log or (lambda line: None)
    started = time.monotonic()
    with OutputLock(manifest.output, wait=wait), ResultCache(manifest.cache) as cache, \
            Workers(jobs, cluster) as workers:
        run_id = run_id or _unfinished_run(manifest) or now().strftime("%Y%m%dT%H%M%SZ")
        summary = RunSummary(run_id, manifest.output / run_id)
        tasks, unreadable, blindspots = _plan(manifest, engine, summary, cache, workers, now().date(), log)
        summary.blindspots = len(blindspots)
        remove_stale_temp_files(summary.folder)
        _write_run_state(summary.folder, manifest, run_id, "running")
        entries = unreadable + _run_tasks(tasks, cache, summary.folder, summary, workers, force=force,
                                          progress=progress)
        for damaged in cache.damaged:
            log(f"cache entry {damaged} could not be read; the group was compared again")
        from compare.batch.index import write_index

        summary.seconds = time.monotonic() - started
        write_index(summary.folder, run_id=run_id, manifest=manifest, groups=entries, blindspots=blindspots,
                    summary=summary)
        _write_run_state(summary.folder, manifest, run_id, "done")
    return summary


# --------------------------------------------------------------------------- planning

def _plan(manifest: Manifest, engine: Engine, summary: RunSummary, cache: ResultCache, workers: Workers,
          today: dt.date, log: Callable[[str], None]):
    """Read every input, group the folders, and turn each group into a task (with its cache key)."""
    settings = {"options": manifest.compare_options, "formats": sorted(manifest.formats),
                "template": _template_fingerprint(manifest) if "pdf" in manifest.formats else None}
    explicit = [(g.name, [(i.source, i.outlet) for i in g.inputs]) for g in manifest.groups]
    folder_inputs = [(str(p), f.outlet) for f in manifest.folders
                     for p in folder_articles(f.path, f.pattern, f.recursive, summary.input_failures)]
    sources = [s for _, inputs in explicit for s in inputs] + folder_inputs
    articles = read_all(sources, summary.input_failures)
    log(f"read {len(articles)} inputs ({len(summary.input_failures)} unreadable)")
    groups: list[tuple[str, tuple[Article, ...]]] = []
    unreadable = []
    for name, inputs in explicit:
        readable = tuple(articles[s] for s in inputs if s in articles)
        if len(readable) < 2:
            reason = f"only {len(readable)} of {len(inputs)} inputs could be read"
            summary.failed.append((name, reason))
            unreadable.append({"name": name, "status": "failed", "reason": reason,
                               "sources": [s for s, _ in inputs]})
        else:
            groups.append((name, readable))
    pool = [articles[s] for s in dict.fromkeys(folder_inputs) if s in articles]
    pool = [a for a in pool if in_window(a, manifest, today)]
    blindspots: list[Article] = []
    if pool:
        tables = manifest.compare_options.get("settings")  # [compare.<stage>]: the grouping check uses them too
        check = engine.same_event
        if tables:
            from compare.settings import EngineSettings

            check = functools.partial(engine.same_event, settings=EngineSettings.from_mapping(tables))
        grouping = group_stories(pool, same_event=check, settings=manifest.grouping,
                                 map_pairs=_cached_verdicts(engine, cache, workers, tables or {}))
        groups += [(story_name(tuple(pool[i] for i in s.members)), tuple(pool[i] for i in s.members))
                   for s in grouping.stories]
        blindspots = [pool[i] for i in grouping.singles]
        log(f"grouped {len(pool)} folder articles into {len(grouping.stories)} stories "
            f"({grouping.candidates} candidate pairs, {len(blindspots)} single-outlet)")
    tasks = [GroupTask(name, cache_key([article_identity(a) for a in arts], tool_version=engine.version,
                                       settings=settings),
                       arts, manifest.compare_options, manifest.formats, _template_spec(manifest), engine)
             for name, arts in groups]
    return tasks, unreadable, blindspots


_DERIVED_FROM_TEXT = frozenset({"text", "headline", "paragraphs", "sentences"})  # content_hash stands for these


def article_identity(article: Article) -> str:
    """sha256 over the content hash and every other field the engine and renderers may read (outlet, date, ...)."""
    import hashlib

    metadata = {f.name: getattr(article, f.name) for f in fields(article) if f.name not in _DERIVED_FROM_TEXT}
    return hashlib.sha256(json.dumps(metadata, sort_keys=True, default=str).encode("utf-8")).hexdigest()


def folder_articles(folder: Path, pattern: str = "*", recursive: bool = False,
                    failures: list[InputFailure] | None = None) -> list[Path]:
    """Article files in a folder (known suffixes, no hidden files), sorted; a missing folder is an error.

    A dangling symbolic link is returned (its reading fails with a reason); a subfolder that cannot be
    listed is added to failures.
    """
    if not folder.is_dir():
        raise ConfigError(f"{folder}: the manifest names this folder, but it does not exist, or is not a folder")
    found = []
    for root, subfolders, files in os.walk(folder, onerror=lambda exc: failures is not None and failures.append(
            InputFailure(exc.filename, f"cannot list this folder ({exc.strerror})"))):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith(".")) if recursive else []
        found += [Path(root, name) for name in files if not name.startswith(".")]
    relative = {p: p.relative_to(folder) for p in found}
    return sorted(p for p in found if p.suffix.lower() in ARTICLE_SUFFIXES and relative[p].match(pattern)
                  and (recursive or len(relative[p].parts) == 1) and (p.is_file() or not p.exists()))


def read_all(sources: Iterable[tuple[str, str | None]], failures: list[InputFailure], *,
             threads: int = 8) -> dict[tuple[str, str | None], Article]:
    """Read each (source, outlet) once, in threads (URLs wait on the network); failures recorded with reasons."""
    from compare.ingest import read_article

    unique = list(dict.fromkeys(sources))

    def read(item):
        try:
            return item, read_article(item[0], outlet=item[1]), None
        except NewscompareError as exc:
            return item, None, str(exc)
        except Exception as exc:  # noqa: BLE001 - one bad input must not stop the run
            return item, None, f"{type(exc).__name__}: {exc}"

    articles = {}
    with ThreadPoolExecutor(max_workers=threads) as pool:
        for item, article, error in pool.map(read, unique):
            if article is not None:
                articles[item] = article
            elif item[0] not in {f.source for f in failures}:  # one line per source, however often it is named
                failures.append(InputFailure(item[0], error.removeprefix(f"{item[0]}: ")))
    return articles


def in_window(article: Article, manifest: Manifest, today: dt.date) -> bool:
    """Whether a folder article's date falls inside the manifest's [window]."""
    win = manifest.window
    date = parse_date(article.date)
    if date is None:
        return win.undated == "keep"
    if win.since and date < win.since or win.until and date > win.until:
        return False
    return not (win.last_days and (today - date).days >= win.last_days)


def story_name(articles: tuple[Article, ...]) -> str:
    """A deterministic file name for an automatic group: date, headline words, a short hash of its members."""
    import hashlib

    first = min(articles, key=lambda a: (a.date or "9999", a.content_hash))
    words = re.findall(r"[a-z0-9]+", first.headline.lower())[:7]
    digest = hashlib.sha256("".join(sorted(a.content_hash for a in articles)).encode()).hexdigest()[:6]
    return "-".join(([first.date[:10]] if first.date else []) + words + [digest])


def _cached_verdicts(engine: Engine, cache: ResultCache, workers: Workers, tables: Mapping | None = None):
    """A map over article pairs for the engine's same-event check: cached labels reused, the rest run on the
    workers; ``tables`` (the manifest's engine settings) are part of each cached label's key."""
    def map_pairs(same_event, lefts: list[Article], rights: list[Article]) -> list[Verdict]:
        keys = [cache_key([article_identity(a), article_identity(b)], tool_version=engine.version,
                          settings={"check": "same_event", "settings": dict(tables or {})})
                for a, b in zip(lefts, rights)]
        labels = {key: cache.verdict(key) for key in keys}
        todo = [n for n, key in enumerate(keys) if labels[key] is None]
        fresh = workers.map(functools.partial(same_event_label, same_event),
                            [lefts[n] for n in todo], [rights[n] for n in todo])
        computed = {keys[n]: label for n, label in zip(todo, fresh)}
        cache.put_verdicts({key: label for key, label in computed.items() if label is not None})
        labels.update(computed)
        return [Verdict(labels[key] or RELATED_EVENTS, 0.0) for key in keys]

    return map_pairs


def same_event_label(same_event: Callable[[Article, Article], Verdict], a: Article, b: Article) -> str | None:
    """The engine's same-event label for a pair, or None when the check itself fails (then: no link, not cached)."""
    try:
        return same_event(a, b).label
    except Exception:  # noqa: BLE001 - one odd pair must not stop the run
        return None


def _template_spec(manifest: Manifest) -> str:
    candidate = manifest.path.resolve().parent / manifest.template
    return str(candidate) if candidate.is_file() else manifest.template


def _template_fingerprint(manifest: Manifest) -> str:
    """The template's name and content hash, so editing a template redoes the briefs."""
    import hashlib

    from compare.render.templates import find_template

    path = find_template(_template_spec(manifest), cwd=manifest.path.resolve().parent)
    return f"{manifest.template}:{hashlib.sha256(path.read_bytes()).hexdigest()[:16]}"


# --------------------------------------------------------------------------- running

def _run_tasks(tasks: list[GroupTask], cache: ResultCache, folder: Path, summary: RunSummary, workers: Workers, *,
               force: bool, progress: Progress | None) -> list[dict]:
    """Write cached groups straight away, compute the rest, and return one index entry per group."""
    entries: dict[str, dict] = {}
    total, finished = len(tasks), 0
    pending = []
    for task in tasks:
        hit = None if force else cache.get(task.key)
        if hit is not None:  # the formats are part of the key
            entries[task.name] = _write_group(folder, task.name, *hit)
            summary.cached.append(task.name)
            finished += 1
            if progress:
                progress(finished, total, f"{task.name} (cached)")
        else:
            pending.append(task)
    for task, outcome in workers.as_completed(run_group, pending):
        if isinstance(outcome, BaseException):  # the worker died or the cluster lost the task
            outcome = GroupOutcome(task.name, task.key, {}, {}, f"worker failed: {type(outcome).__name__}: {outcome}")
        finished += 1
        if outcome.error:
            summary.failed.append((outcome.name, outcome.error))
            entries[outcome.name] = {"name": outcome.name, "status": "failed", "reason": outcome.error,
                                     **outcome.summary}
        else:
            cache.put(outcome.key, outcome.name, outcome.summary, outcome.artifacts)
            entries[outcome.name] = _write_group(folder, outcome.name, outcome.summary, outcome.artifacts)
            summary.done.append(outcome.name)
        if progress:
            progress(finished, total, outcome.name + (" (failed)" if outcome.error else ""))
    return [entries[t.name] for t in tasks if t.name in entries]


def _write_group(folder: Path, name: str, summary: dict, artifacts: Mapping[str, bytes]) -> dict:
    files = {}
    for fmt, data in sorted(artifacts.items()):
        files[fmt] = write_bytes(folder / f"{name}{SUFFIX[fmt]}", data).name
    return {"name": name, "status": "done", **summary, "files": files}


class Workers:
    """Where work runs: this process (jobs=1), a local process pool, or a Dask cluster (address or Client)."""

    def __init__(self, jobs: int = 1, cluster=None):
        self.jobs, self.cluster = jobs, cluster
        self._pool = self._client = None
        self._own_client = False

    def __enter__(self) -> Workers:
        if self.cluster is not None:
            try:
                from dask.distributed import Client
            except ImportError:
                raise NewscompareError("--cluster needs Dask: pip install 'newscompare[cluster]'") from None
            self._own_client = not isinstance(self.cluster, Client)
            self._client = connect_cluster(str(self.cluster)) if self._own_client else self.cluster
        elif self.jobs > 1:
            from concurrent.futures import ProcessPoolExecutor

            self._pool = ProcessPoolExecutor(max_workers=self.jobs, initializer=die_with_parent,
                                             initargs=(os.getpid(), held_lock_fds()))
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
        if self._own_client:
            self._client.close()

    def map(self, fn: Callable, *iterables: list) -> list:
        """fn over the iterables, results in order (exceptions propagate)."""
        if not iterables or not iterables[0]:
            return []
        if self._client is not None:
            return self._client.gather(self._client.map(fn, *iterables, pure=False))
        if self._pool is not None:
            return list(self._pool.map(fn, *iterables, chunksize=max(1, len(iterables[0]) // (4 * self.jobs))))
        return list(map(fn, *iterables))

    def as_completed(self, fn: Callable, items: list) -> Iterator[tuple]:
        """(item, fn(item) or the exception it raised), in the order they finish."""
        if self._client is not None:
            from dask.distributed import as_completed

            futures = dict(zip(self._client.map(fn, items, pure=False), items))
            for future in as_completed(futures):
                yield futures[future], _result(future)
        elif self._pool is not None:
            from concurrent.futures import as_completed

            futures = {self._pool.submit(fn, item): item for item in items}
            for future in as_completed(futures):
                yield futures[future], _result(future)
        else:
            for item in items:
                yield item, fn(item)


def connect_cluster(address: str, seconds: float = 20.0):
    """A Dask Client for address, or a one-line error within about `seconds` (also when something else answers)."""
    import threading

    from dask.distributed import Client

    hint = ("start one with `dask-scheduler` and pass the address it prints, e.g. tcp://10.0.0.5:8786 "
            "(see docs/batch.md)")
    outcome: dict = {}

    def connect() -> None:  # in a thread: Dask's own timeout does not cover a server that never answers its handshake
        try:
            outcome["client"] = Client(address, timeout=f"{seconds:g}s")
        except Exception as exc:  # noqa: BLE001 - reported below, in one line
            outcome["error"] = exc

    thread = threading.Thread(target=connect, daemon=True)
    thread.start()
    thread.join(seconds + 5)
    if "client" in outcome:
        return outcome["client"]
    error = outcome.get("error")
    if isinstance(error, (ValueError, TypeError)):
        raise NewscompareError(f"--cluster {address!r} is not a Dask scheduler address ({error}); {hint}")
    why = f"{type(error).__name__}: {error}" if error else f"no Dask scheduler answered within {seconds:g} s"
    raise NewscompareError(f"cannot reach the Dask scheduler at {address} ({why}); {hint}")


def die_with_parent(parent: int, lock_fds: tuple[int, ...] = ()) -> None:
    """Worker start-up: be killed when the parent dies (Linux prctl PR_SET_PDEATHSIG), and drop the lock's descriptor.

    Without this a kill -9 of the run leaves its workers alive, holding the caller's pipes and, through the
    inherited descriptor, the output folder's lock.
    """
    import signal

    for fd in lock_fds:
        try:
            os.close(fd)  # the parent's descriptor keeps the flock; closing the copy does not release it
        except OSError:
            pass
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG = 1
    except (OSError, AttributeError):  # not Linux: the pool's own clean-up is all there is
        pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def _result(future):
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - reported as the group's failure
        return exc


def run_group(task: GroupTask) -> GroupOutcome:
    """Compare one group and render its outputs to bytes; any failure becomes the outcome's reason."""
    outlets = [a.outlet for a in task.articles]
    base = {"outlets": outlets, "sources": [a.source for a in task.articles],
            "headlines": [a.headline for a in task.articles], "dates": [a.date for a in task.articles]}
    try:
        comparison = task.engine.compare(list(task.articles), **task.options)
        artifacts = {fmt: _render(task.engine, fmt, comparison, task.template) for fmt in task.formats}
    except Exception as exc:  # noqa: BLE001 - one failing group must not stop the run
        return GroupOutcome(task.name, task.key, base, {}, f"{type(exc).__name__}: {exc}")
    return GroupOutcome(task.name, task.key, {**base, **comparison_summary(comparison)}, artifacts)


def _render(engine: Engine, fmt: str, comparison: Comparison, template: str) -> bytes:
    if fmt == "pdf":
        return engine.renderers["pdf"](comparison, template=template)
    return engine.renderers[fmt](comparison).encode("utf-8")


def comparison_summary(comparison: Comparison) -> dict:
    """The index's view of a comparison: verdict per pair, the weakest verdict, the top differences."""
    pairs = [{"a": p.a, "b": p.b, "verdict": p.verdict.label, "score": round(p.verdict.score, 3)}
             for p in comparison.pairs]
    weakest = min(comparison.pairs, key=lambda p: p.verdict.score, default=None)
    differences = comparison.differences[:HEADLINE_DIFFERENCES]  # already in reading order (see compare.comparison)
    return {"verdict": weakest.verdict.label if weakest else None, "pairs": pairs,
            "differences": [{"kind": d.kind, "text": d.text} for d in differences]}


# --------------------------------------------------------------------------- run state

def _unfinished_run(manifest: Manifest) -> str | None:
    """The newest run of this same manifest that was killed before it finished (it is resumed)."""
    if not manifest.output.is_dir():
        return None
    for state in sorted(manifest.output.glob("*/run.json"), reverse=True):
        try:
            data = json.loads(state.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if data.get("manifest_hash") == manifest.text_hash:
            return state.parent.name if data.get("status") == "running" else None
    return None


def _write_run_state(folder: Path, manifest: Manifest, run_id: str, status: str) -> None:
    state = {"run_id": run_id, "status": status, "manifest": str(manifest.path), "manifest_hash": manifest.text_hash,
             "pid": os.getpid(), "updated": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}
    write_text(folder / "run.json", json.dumps(state, indent=2) + "\n")
