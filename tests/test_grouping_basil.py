"""Quality gate: story grouping on BASIL (triplet-uuid is the truth), pairwise precision/recall/F1.

Measured (docs/batch.md): text only P 1.000 R 0.960 F1 0.980; with the engine's verdict in the grey
zone P 1.000 R 0.987 F1 0.993; publication dates blanked, with the engine, the same. A naive TF-IDF
threshold (best threshold chosen on this data) reaches F1 0.909. Minimums sit a little below; move
one only on purpose, with the reason.
"""
from __future__ import annotations

import dataclasses
import itertools
import json

import pytest

from compare.batch.grouping import group_stories
from compare.evaldata import eval_dir
from compare.ingest import article_from_bytes

MINIMUMS = {  # (precision, recall, f1)
    "text": (0.98, 0.94, 0.96),
    "engine": (0.98, 0.96, 0.975),
    "engine, no dates": (0.98, 0.96, 0.975),
}


@pytest.fixture(scope="module")
def basil():
    folder = eval_dir()
    if folder is None or not (folder / "basil" / "articles.jsonl").is_file():
        pytest.skip("BASIL calibration data not found (set NEWSCOMPARE_EVAL_DIR or put it at ../shared/eval)")
    lines = (folder / "basil" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    articles = [article_from_bytes(line.encode(), source=f"basil:{n}") for n, line in enumerate(lines)]
    truth = [json.loads(line)["triplet-uuid"] for line in lines]
    return articles, truth


def pairs(groups):
    return {(min(a, b), max(a, b)) for g in groups for a, b in itertools.combinations(g, 2)}


@pytest.mark.parametrize("mode", list(MINIMUMS))
def test_grouping_quality_on_basil(basil, mode):
    articles, truth = basil
    if "no dates" in mode:
        articles = [dataclasses.replace(a, date=None) for a in articles]
    same_event = None
    if "engine" in mode:
        from compare.event import same_event
    grouping = group_stories(articles, same_event=same_event)
    predicted = pairs(s.members for s in grouping.stories)
    true = pairs([i for i, t in enumerate(truth) if t == key] for key in set(truth))
    tp = len(predicted & true)
    precision, recall = tp / max(len(predicted), 1), tp / len(true)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    low_p, low_r, low_f = MINIMUMS[mode]
    assert precision >= low_p and recall >= low_r and f1 >= low_f, (precision, recall, f1)
