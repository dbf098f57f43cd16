"""Batch benchmark: 1,000 articles from 5 outlets (built from BASIL at bench time), grouped and compared to JSON.

Prints: reading and grouping time and quality (pairwise P/R/F1 against the corpus's known stories), the
whole `newscompare batch --jobs N` run (wall time, peak memory of the process tree), the cached rerun,
and PDF briefs timed separately on a sample of the groups.

Run: python bench/bench_batch.py [--articles 1000] [--jobs 2] [--pdf-groups 20] [--no-profiles]
CPU seconds are those of the whole process tree: on a shared machine, CPU / jobs is the wall time the
run would take with the cores to itself.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).parent))
from make_corpus import OUTLETS, make_corpus, outlet_folder


def run_measured(cmd: list[str]) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds, peak memory (MB, PSS summed over the process and its children), exit code."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = psutil.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while proc.poll() is None:
        try:  # PSS: shared (copy-on-write) pages are split between the processes, not counted in each
            tree = [proc, *proc.children(recursive=True)]
            peak = max(peak, sum(p.memory_full_info().pss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.1)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr.read().decode(errors="replace"))
    return seconds, cpu, peak / 2**20, proc.returncode


def pair_scores(groups: list[list[str]], truth: dict[str, str]) -> tuple[float, float, float]:
    predicted = {tuple(sorted(p)) for g in groups for p in itertools.combinations(g, 2)}
    by_story: dict[str, list[str]] = {}
    for name, story in truth.items():
        by_story.setdefault(story, []).append(name)
    true = {tuple(sorted(p)) for g in by_story.values() for p in itertools.combinations(g, 2)}
    tp = len(predicted & true)
    p, r = tp / max(len(predicted), 1), tp / max(len(true), 1)
    return p, r, 2 * p * r / max(p + r, 1e-9)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--pdf-groups", type=int, default=20)
    parser.add_argument("--no-profiles", action="store_true", help="also time a run with [compare] profiles = false")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newscompare-bench-") as tmp:
        root = Path(tmp)
        truth = make_corpus(root / "corpus", articles=args.articles)
        manifest = root / "bench.toml"
        manifest.write_text('[output]\nfolder = "out"\nformats = ["json"]\n\n' + "".join(
            f'[[folder]]\npath = "corpus/{outlet_folder(o)}"\noutlet = "{o}"\n\n' for o in OUTLETS), encoding="utf-8")
        print(f"corpus: {len(truth)} articles, {len(set(truth.values()))} stories, {len(OUTLETS)} outlets")

        from compare.batch.grouping import group_stories
        from compare.batch.runner import read_all
        from compare.comparison import same_event

        start = time.perf_counter()
        articles = list(read_all([(str(root / "corpus" / name), None) for name in sorted(truth)], []).values())
        read_s = time.perf_counter() - start
        calls = []

        def counted(a, b):
            calls.append(1)
            return same_event(a, b)

        start = time.perf_counter()
        grouping = group_stories(articles, same_event=counted)
        group_s = time.perf_counter() - start
        names = [str(Path(a.source).relative_to(root / "corpus")) for a in articles]
        p, r, f = pair_scores([[names[i] for i in s.members] for s in grouping.stories], truth)
        n = len(articles)
        print(f"read {n} articles: {read_s:.1f} s; grouping: {group_s:.1f} s, {grouping.candidates} candidate pairs "
              f"(all-pairs {n * (n - 1) // 2}), {len(calls)} engine checks, {len(grouping.stories)} stories, "
              f"{len(grouping.singles)} single-outlet; pairwise P {p:.3f} R {r:.3f} F1 {f:.3f}")

        cmd = [sys.executable, "-m", "compare", "batch", str(manifest), "--jobs", str(args.jobs), "--quiet"]
        print(f"load average before the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        seconds, cpu, peak, code = run_measured(cmd)
        index = json.loads(next((root / "out").glob("*/index.json")).read_text(encoding="utf-8"))
        s = index["summary"]
        print(f"batch --jobs {args.jobs} (read + group + compare + JSON): {seconds:.1f} s wall, {cpu:.1f} s CPU, "
              f"peak memory {peak:.0f} MB (PSS, process tree), exit {code}; {s['done']} groups done, "
              f"{s['failed']} failed, {s['single_outlet_stories']} single-outlet")
        seconds, cpu, peak, code = run_measured(cmd)
        print(f"rerun, all cached: {seconds:.1f} s wall, {cpu:.1f} s CPU, peak memory {peak:.0f} MB, exit {code}")
        if args.no_profiles:
            lean = root / "lean.toml"
            lean.write_text(manifest.read_text(encoding="utf-8").replace('folder = "out"', 'folder = "out-lean"')
                            + "[compare]\nprofiles = false\n", encoding="utf-8")
            seconds, cpu, peak, code = run_measured([*cmd[:4], str(lean), *cmd[5:]])
            print(f"batch with [compare] profiles = false: {seconds:.1f} s wall, {cpu:.1f} s CPU, "
                  f"peak memory {peak:.0f} MB, exit {code}")

        sample = [g for g in index["groups"] if g["status"] == "done"][:args.pdf_groups]
        pdf_manifest = root / "pdf.toml"
        pdf_manifest.write_text('[output]\nfolder = "out-pdf"\nformats = ["pdf"]\n\n' + "".join(
            f'[[group]]\nname = "g{n}"\ninputs = {json.dumps(g["sources"])}\n\n' for n, g in enumerate(sample)),
            encoding="utf-8")
        seconds, cpu, peak, code = run_measured(
            [sys.executable, "-m", "compare", "batch", str(pdf_manifest), "--jobs", str(args.jobs), "--quiet"])
        print(f"PDF briefs (compare + PDF) for {len(sample)} groups, --jobs {args.jobs}: {seconds:.1f} s wall, "
              f"{cpu:.1f} s CPU ({cpu / max(len(sample), 1):.2f} CPU s a group), peak memory {peak:.0f} MB, "
              f"exit {code}")


if __name__ == "__main__":
    main()
