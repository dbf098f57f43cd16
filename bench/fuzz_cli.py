"""Random hostile inputs through the CLI: no internal error, and no run over a time bound proportional to size.

Run: python bench/fuzz_cli.py [--count 1000] [--seed 16]
Inputs: text, raw bytes, HTML, JSON (read with `inspect`), batch manifests (`batch --quiet`, real engine)
and brief templates (loaded as `brief` loads them, then a seed comparison rendered with them). Each run's
exit status must be 0, 1 or 2 without "internal error", within BASE + PER_MB × size seconds.
Prints the counts per kind, the slowest run against its bound, and exits 1 on any failure.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEEDS = [REPO / "seeds" / "rutte-white-house-nato-dues.txt", REPO / "seeds" / "foxnews-rutte-ukraine-talks.txt"]
BASE, PER_MB = 10.0, 20.0  # seconds: the time bound of one run is BASE + PER_MB × input MB

PIECES = ["Mr.", "A.", "U.S.", "said", "“", "”", '"', "$4.2", "\u200b", "\u202e", "\x1b[31m", "\x00", "€", "名前",
          "مرحبا", "😀", "March 3, 2024", "5 p.m.", "...", "\n", "\n\n", "Title Case Name", "1.5", "%", "—", "'",
          "<p>", "</p>", "<script>alert(1)</script>", "{", "}", "[", "]", ":", ",", "NaN", "null", "x" * 300]
JSON_VALUES = [None, 5, -1, 1.5, float("nan"), "", "text", [], [None], [1, "a"], {}, {"name": "X"}, True, "1" * 200]


def random_text(rng: random.Random) -> str:
    return " ".join(rng.choice(PIECES) for _ in range(rng.randint(0, 400)))


def random_json(rng: random.Random) -> str:
    keys = ["title", "headline", "text", "paragraphs", "authors", "date", "outlet", "url", "language", "other"]
    data = {k: rng.choice(JSON_VALUES + [random_text(rng)]) for k in rng.sample(keys, rng.randint(0, len(keys)))}
    text = json.dumps(data, allow_nan=True)
    return text if rng.random() < 0.8 else text[:rng.randint(0, len(text))]


def random_html(rng: random.Random) -> str:
    body = "".join(f"<{rng.choice(['p', 'div', 'h1', 'span', 'table', 'article'])}>{random_text(rng)}"
                   for _ in range(rng.randint(0, 30)))
    return f"<!doctype html><html><head><title>{random_text(rng)[:80]}</title></head><body>{body}</body></html>"


def random_manifest(rng: random.Random) -> str:
    pick = rng.choice
    lines = ["[output]", "folder = " + pick(['"out"', '"a.txt"', "5", '""']),
             "formats = " + pick(['["json"]', '["markdown"]', "[]", '"json"', '["pdf", "nope"]'])]
    if rng.random() < 0.3:
        lines.append("cache = " + pick(['"sub"', '"c.sqlite"', "3"]))
    lines += ["", "[[group]]", "name = " + pick(['"g"', '"index"', '"run"', '"../x"', '"a b"', "1"]),
              "inputs = " + pick(['["a.txt", "b.txt"]', '["a.txt"]', '["a.txt", "missing.txt"]', "5"])]
    if rng.random() < 0.4:
        lines += ["", "[[folder]]", "path = " + pick(['"."', '"a.txt"', '"nowhere"']),
                  "pattern = " + pick(['"*.txt"', '"/etc/*"', '"../*"', '"*"'])]
    if rng.random() < 0.3:
        lines += ["", "[compare]", pick(["profiles", "nope"]) + " = " + pick(["false", '"no"', "1"])]
    if rng.random() < 0.2:
        lines += ["", "[window]", "since = " + pick(["2026-01-01", '"tomorrow"', "5"])]
    text = "\n".join(lines) + "\n"
    return ("\ufeff" if rng.random() < 0.1 else "") + (text if rng.random() < 0.85 else text[:rng.randint(0, len(text))])


def random_template(rng: random.Random) -> str:
    values = {
        "page": {"size": ['"A4"', '"Letter"', '"A3"'], "orientation": ['"portrait"', '"landscape"'],
                 "margins_mm": ["[10, 10, 10, 10]", "[80, 80, 80, 80]", "[0, 0, 0, 0]", "[10, 80, 10, 80]", "[1]"]},
        "fonts": {"size": ["6", "16", "40", '"big"'], "heading_size": ["8", "32", "0"]},
        "title": {"text": ['"Brief"', '"\\u0007bell\\u001b[31m"', '"名前 😀"', "5"], "logo_width_mm": ["5", "120", "500"]},
        "tables": {"max_rows": ["0", "1", "10000"], "sentence_chars": ["0", "10", "100000"]},
    }
    out = []
    for table, keys in values.items():
        if rng.random() < 0.7:
            out.append(f"[{table}]")
            out += [f"{k} = {rng.choice(v)}" for k, v in keys.items() if rng.random() < 0.5]
    return "\n".join(out) + "\n"


def one_run(kind: str, rng: random.Random, folder: Path, comparison) -> tuple[int, float, str]:
    """(bytes of input, seconds, problem or "") for one random input of a kind."""
    from compare.cli import main

    if kind == "template":
        from compare.errors import NewscompareError
        from compare.render.pdf import render_brief
        from compare.render.templates import load_template

        path = folder / "t.toml"
        path.write_text(random_template(rng), encoding="utf-8")
        started = time.perf_counter()
        try:
            render_brief(comparison, template=load_template(str(path)))
        except NewscompareError:
            pass
        except Exception as exc:  # noqa: BLE001 - what the fuzz looks for
            return path.stat().st_size, time.perf_counter() - started, f"{type(exc).__name__}: {exc}"[:300]
        return path.stat().st_size, time.perf_counter() - started, ""
    if kind == "manifest":
        for name, seed in zip(("a.txt", "b.txt"), SEEDS):
            (folder / name).write_bytes(seed.read_bytes()[:rng.choice([0, 50, 600, 4000])])
        path = folder / f"m{rng.randint(0, 9)}.toml"
        path.write_text(random_manifest(rng), encoding="utf-8")
        argv = ["batch", str(path), "--quiet"]
    else:
        maker = {"text": random_text, "html": random_html, "json": random_json}.get(kind)
        data = maker(rng).encode("utf-8", "surrogatepass") if maker else rng.randbytes(rng.randint(0, 5000))
        path = folder / f"input.{rng.choice(['txt', 'html', 'json', 'md', 'bin'])}"
        path.write_bytes(data)
        argv = ["inspect", str(path)]
    err = io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse
            code = exc.code
    seconds = time.perf_counter() - started
    problem = "" if code in (0, 1, 2) and "internal error" not in err.getvalue() else f"exit {code}: {err.getvalue()}"
    return path.stat().st_size, seconds, problem[:300]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args(argv)
    from compare.comparison import compare_articles
    from compare.ingest import read_article

    comparison = compare_articles([read_article(str(s)) for s in SEEDS])
    rng = random.Random(args.seed)
    kinds = ["text"] * 25 + ["bytes"] * 15 + ["html"] * 15 + ["json"] * 25 + ["manifest"] * 10 + ["template"] * 10
    counts: dict[str, int] = {}
    failures, slowest = [], (0.0, "")
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(args.count):
            kind = rng.choice(kinds)
            size, seconds, problem = one_run(kind, rng, Path(tmp), comparison)
            bound = BASE + PER_MB * size / 2**20
            counts[kind] = counts.get(kind, 0) + 1
            if seconds / bound > slowest[0]:
                slowest = (seconds / bound, f"{kind} #{n}: {seconds:.2f} s for {size} bytes (bound {bound:.1f} s)")
            if problem or seconds > bound:
                failures.append(f"{kind} #{n}: {problem or f'{seconds:.1f} s over the bound {bound:.1f} s'}")
    print(f"{args.count} inputs ({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))}); "
          f"bound {BASE:g} s + {PER_MB:g} s/MB; slowest {slowest[1]}; {len(failures)} failures")
    print("\n".join(failures[:20]))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
