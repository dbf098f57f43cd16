"""Speed of the comparison engine (prints figures; asserts nothing).

    python bench/bench_engine.py [--runs 20]

Cold: a fresh process importing compare.comparison and comparing the two seeds once (resources load).
Warm: the same process again, with the per-article fact cache cleared before every run, so each run
extracts, aligns and judges from scratch. Also: each stage alone, and same_event() throughput on BASIL
pairs when the calibration data is present.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SEEDS = [str(ROOT / "seeds" / "rutte-white-house-nato-dues.txt"), str(ROOT / "seeds" / "foxnews-rutte-ukraine-talks.txt")]

COLD = f"""
import time
t0 = time.perf_counter()
from compare.comparison import compare_articles
from compare.ingest import read_article
t1 = time.perf_counter()
articles = [read_article(p) for p in {SEEDS!r}]
t2 = time.perf_counter()
compare_articles(articles, profiles=False)
t3 = time.perf_counter()
print(f"{{(t1 - t0) * 1000:.0f}} {{(t2 - t1) * 1000:.0f}} {{(t3 - t2) * 1000:.0f}}")
"""


def _ms(fn, runs: int, before=None) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        if before:
            before()
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), max(times)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args(argv)

    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", COLD], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    whole = (time.perf_counter() - start) * 1000
    imp, read, first = out.split()
    print(f"cold process: import {imp} ms, read seeds {read} ms, first comparison {first} ms, whole process {whole:.0f} ms")

    from compare import event
    from compare.comparison import compare_articles, compare_pair, same_event
    from compare.facts import extract_facts
    from compare.ingest import read_article
    from compare.nlp.similarity import sentence_profile, terms
    from compare.nlp.times import find_times
    articles = [read_article(p) for p in SEEDS]
    compare_articles(articles, profiles=False)

    def clear():
        for cached in (extract_facts, sentence_profile, terms, find_times, event._word_counts,
                       event._term_counts):
            cached.cache_clear()

    med, worst = _ms(lambda: compare_articles(articles, profiles=False), args.runs, clear)
    print(f"warm compare_articles(seeds, profiles=False), caches cleared: median {med:.1f} ms, max {worst:.1f} ms")
    med, worst = _ms(lambda: compare_articles(articles, profiles=False), args.runs)
    print(f"warm compare_articles(seeds), facts cached: median {med:.1f} ms, max {worst:.1f} ms")
    med, _ = _ms(lambda: [extract_facts(a, i) for i, a in enumerate(articles)], args.runs, clear)
    print(f"  extract_facts, both seeds: median {med:.1f} ms")
    ex = [extract_facts(a, i) for i, a in enumerate(articles)]
    med, _ = _ms(lambda: compare_pair(articles[0], articles[1], 0, 1, *ex[0], *ex[1]), args.runs)
    print(f"  compare_pair (links + verdict), seeds: median {med:.1f} ms "
          f"({len(ex[0][1])} x {len(ex[1][1])} facts)")

    from compare.evaldata import eval_dir
    if eval_dir() is not None:
        sys.path.insert(0, str(ROOT / "bench"))
        import eval_engine
        rows = eval_engine.basil_rows()[:30]
        basil = [eval_engine.basil_article(r) for r in rows]
        t = time.perf_counter()
        for a in basil:
            extract_facts(a, 0)
            extract_facts(a, 1)
        per_article = (time.perf_counter() - t) * 1000 / len(basil)
        pairs = [(i, j) for i in range(len(basil)) for j in range(i + 1, len(basil))]
        t = time.perf_counter()
        for i, j in pairs:
            same_event(basil[i], basil[j])
        per_pair = (time.perf_counter() - t) * 1000 / len(pairs)
        print(f"same_event on BASIL: facts {per_article:.1f} ms per article (once), then {per_pair:.1f} ms per pair "
              f"({len(pairs)} pairs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
