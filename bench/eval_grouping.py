"""Story grouping on BASIL (triplet-uuid is the truth): pairwise precision, recall, F1 against a naive TF-IDF baseline.

Run: python bench/eval_grouping.py [--engine] [--no-dates]
  --engine    confirm candidate pairs with compare.comparison.same_event (slower)
  --no-dates  blank every publication date (all articles look simultaneous): the text-only test
The naive baseline is the usual one: TF-IDF of lower-cased words (min length 2, smoothed idf, l2),
cosine over all pairs, a pair is one story when the cosine is over a threshold; the threshold is the
best one on this very data (which flatters the baseline).
"""
from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import re
import sys
import time
from collections import Counter

import numpy as np

from compare.batch.grouping import GroupingSettings, group_stories
from compare.evaldata import eval_dir
from compare.ingest import article_from_bytes


def load_basil(no_dates: bool = False):
    """BASIL articles (read by the JSON reader) and their triplet ids."""
    folder = eval_dir()
    if folder is None:
        sys.exit("no calibration data: set NEWSCOMPARE_EVAL_DIR or put it at ../shared/eval")
    articles, truth = [], []
    for n, line in enumerate((folder / "basil" / "articles.jsonl").read_text(encoding="utf-8").splitlines()):
        row = json.loads(line)
        article = article_from_bytes(line.encode(), source=f"basil:{n}")
        if no_dates:
            article = dataclasses.replace(article, date=None)
        articles.append(article)
        truth.append(row["triplet-uuid"])
    return articles, truth


def pair_set(groups) -> set[tuple[int, int]]:
    return {(min(a, b), max(a, b)) for g in groups for a, b in itertools.combinations(g, 2)}


def scores(predicted: set, truth: set) -> dict[str, float]:
    tp = len(predicted & truth)
    p = tp / len(predicted) if predicted else 0.0
    r = tp / len(truth) if truth else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "pairs": len(predicted)}


def naive_similarities(articles) -> np.ndarray:
    """All-pairs cosine of plain TF-IDF vectors (the baseline the issue quotes)."""
    docs = [Counter(re.findall(r"\b\w\w+\b", a.text.lower())) for a in articles]
    vocab = {t: i for i, t in enumerate(sorted(set().union(*docs)))}
    tf = np.zeros((len(docs), len(vocab)))
    for d, counts in enumerate(docs):
        for t, c in counts.items():
            tf[d, vocab[t]] = c
    df = (tf > 0).sum(axis=0)
    x = tf * (np.log((1 + len(docs)) / (1 + df)) + 1)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    return x @ x.T


def naive_best(sim: np.ndarray, truth_pairs: set, *, components: bool = False) -> tuple[float, dict]:
    """The best threshold on this data, and its scores; components=True joins pairs transitively."""
    n = len(sim)
    best = (0.0, {"f1": -1})
    for t in np.arange(0.05, 0.95, 0.01):
        pred = {(i, j) for i in range(n) for j in range(i + 1, n) if sim[i, j] >= t}
        if components:
            pred = pair_set(_components(n, pred))
        s = scores(pred, truth_pairs)
        if s["f1"] > best[1]["f1"]:
            best = (round(float(t), 2), s)
    return best


def _components(n: int, edges: set) -> list[list[int]]:
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        parent[find(a)] = find(b)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engine", action="store_true", help="confirm pairs with the engine's same-event verdict")
    parser.add_argument("--no-dates", action="store_true", help="blank publication dates")
    args = parser.parse_args()
    articles, truth = load_basil(args.no_dates)
    truth_pairs = pair_set([[i for i, t in enumerate(truth) if t == key] for key in set(truth)])
    sim = naive_similarities(articles)
    threshold, naive = naive_best(sim, truth_pairs)
    cc_threshold, naive_cc = naive_best(sim, truth_pairs, components=True)
    same_event = None
    if args.engine:
        from compare.comparison import same_event
    start = time.perf_counter()
    grouping = group_stories(articles, same_event=same_event, settings=GroupingSettings())
    seconds = time.perf_counter() - start
    ours = scores(pair_set(s.members for s in grouping.stories), truth_pairs)
    n = len(articles)
    print(f"BASIL: {n} articles, {len(truth_pairs)} true pairs, dates {'blanked' if args.no_dates else 'kept'}")
    print(f"naive TF-IDF (best threshold {threshold}): P {naive['precision']:.3f}  R {naive['recall']:.3f}  "
          f"F1 {naive['f1']:.3f}")
    print(f"naive TF-IDF + connected components (best threshold {cc_threshold}): P {naive_cc['precision']:.3f}  "
          f"R {naive_cc['recall']:.3f}  F1 {naive_cc['f1']:.3f}")
    print(f"group_stories{' + engine' if args.engine else ''}: P {ours['precision']:.3f}  R {ours['recall']:.3f}  "
          f"F1 {ours['f1']:.3f}  ({len(grouping.stories)} stories, {len(grouping.singles)} singles, "
          f"{grouping.candidates} candidate pairs of {n * (n - 1) // 2}, {seconds:.2f} s)")


if __name__ == "__main__":
    main()
