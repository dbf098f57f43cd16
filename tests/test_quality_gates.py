"""The quality gate: the language parts scored on fixed labelled sets, each figure against its pin.

The pins (floors, the figure measured when pinned, when and why) are data: tests/data/quality_pins.json. A floor
moves only on purpose, upwards, in its own commit with the reason; test_no_pin_is_lowered refuses a pins file
that lowers a floor (or raises a ceiling) against the one committed in git HEAD. The measurements on the public
calibration data (BASIL, MSRP, NewsMTSC, BABE) skip, saying why, without ../shared/eval or $NEWSCOMPARE_EVAL_DIR;
the sentence cases need none. Scorers are the bench scripts (bench/eval_*.py), so the gate and the bench agree.
"""
from __future__ import annotations

import dataclasses
import importlib
import itertools
import json
import shutil
import subprocess
import sys

import pytest

from compare.evaldata import eval_dir
from conftest import DATA, REPO

PINS_FILE = DATA / "quality_pins.json"
PINS_PATH = PINS_FILE.relative_to(REPO).as_posix()
PINS = json.loads(PINS_FILE.read_text(encoding="utf-8"))["pins"]


def _bench(name: str):
    """A bench script (bench/NAME.py) as a module; they import each other by plain name."""
    bench = str(REPO / "bench")
    if bench not in sys.path:
        sys.path.insert(0, bench)
    return importlib.import_module(name)


def _calibration(*parts: str):
    folder = eval_dir()
    if folder is None or (parts and not folder.joinpath(*parts).exists()):
        pytest.skip("calibration data not found (../shared/eval or NEWSCOMPARE_EVAL_DIR)")
    return folder


# --------------------------------------------------------------------------- measurements, one per pin group

def _alignment(split):
    _calibration()
    bench = _bench("eval_align")
    result = bench.score_basil(split)
    figures = {name: result[name] for name in ("link_recall", "link_precision", "only_in_precision",
                                               "false_conflicts_per_10_pairs")}
    return figures | {"omission_line_precision": bench.score_omission_lines(split)["precision"]}


def _same_event(with_dates):
    _calibration()
    from compare.comparison import same_event
    from compare.model import SAME_EVENT

    module = _bench("eval_engine")
    rows = module.basil_rows()
    triplets = sorted({r["triplet-uuid"] for r in rows})[::3]  # every third triplet, for speed
    rows = [r for r in rows if r["triplet-uuid"] in triplets]
    articles = [module.basil_article(r, with_date=with_dates) for r in rows]
    right = {1: [0, 0], 0: [0, 0]}
    for i, j, same in module.basil_pairs(rows):
        label = same_event(articles[i], articles[j]).label
        right[same][0] += (label == SAME_EVENT) == bool(same)
        right[same][1] += 1
    return {"within_triplet_accuracy": right[1][0] / right[1][1], "hard_negative_accuracy": right[0][0] / right[0][1]}


def _extraction(split):
    _calibration()
    module = _bench("eval_engine")
    result = module.extraction(module.LABELS if split == "dev" else module.HOLDOUT)
    kinds = ("actors", "numbers", "times", "quotes", "quote_speakers")
    for kind in kinds:  # not a pin: the rules must beat the naive baseline
        assert result["engine"][kind]["f1"] >= result["baseline"][kind]["f1"], (kind, result)
    return {f"{kind}_f1": result["engine"][kind]["f1"] for kind in kinds}


def _grouping(mode):
    folder = _calibration("basil", "articles.jsonl")
    from compare.batch.grouping import group_stories
    from compare.ingest import article_from_bytes

    lines = (folder / "basil" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    articles = [article_from_bytes(line.encode(), source=f"basil:{n}") for n, line in enumerate(lines)]
    truth = [json.loads(line)["triplet-uuid"] for line in lines]
    if mode == "engine_no_dates":
        articles = [dataclasses.replace(a, date=None) for a in articles]
    same_event = None
    if mode.startswith("engine"):
        from compare.comparison import same_event

    def pairs(groups):
        return {(min(a, b), max(a, b)) for g in groups for a, b in itertools.combinations(g, 2)}

    predicted = pairs(s.members for s in group_stories(articles, same_event=same_event).stories)
    true = pairs([i for i, t in enumerate(truth) if t == key] for key in set(truth))
    tp = len(predicted & true)
    precision, recall = tp / max(len(predicted), 1), tp / len(true)
    return {"precision": precision, "recall": recall, "f1": 2 * precision * recall / max(precision + recall, 1e-9)}


def _quotes(split):
    _calibration()
    module = _bench("eval_quotes")
    return {"speaker_f1": module.score(module.DEV if split == "dev" else module.HOLDOUT)["f1"]}


def _profile_target_sentiment(tmp_path):
    _calibration()
    pytest.importorskip("sklearn", reason="scikit-learn is needed to train the held-out models")
    from sklearn.metrics import f1_score
    from sklearn.model_selection import GroupKFold

    bench = _bench("eval_profile")
    examples = bench.train_target_sentiment.load_examples()
    train, test = next(GroupKFold(n_splits=5).split(examples, groups=[e[2] for e in examples]))
    gold, pred, vader, *_ = bench.target_fold(examples, train, test, tmp_path)  # (gold, product, VADER, old rule)
    model, baseline = f1_score(gold, pred, average="macro"), f1_score(gold, vader, average="macro")
    return {"macro_f1": model, "gain_over_vader": model - baseline}


def _profile_bias(tmp_path):
    _calibration()
    pytest.importorskip("sklearn", reason="scikit-learn is needed to train the held-out models")
    import numpy as np
    from sklearn.metrics import f1_score
    from sklearn.model_selection import GroupKFold

    bench = _bench("eval_profile")
    train_bias = bench.train_bias
    data = train_bias.load_babe()
    vocab = train_bias.allowed_vocabulary()
    words = train_bias.BabeWords(data, vocab)
    groups = np.array([d[3] for d in data])
    train, test = next(GroupKFold(n_splits=5).split(data, groups=groups))
    rows = bench.bias_fold(data, vocab, words, groups, train, test, tmp_path)
    precision, recall = bench.word_figures(rows)
    return {"sentence_macro_f1": f1_score([r[0] for r in rows], [r[1] >= 0.5 for r in rows], average="macro"),
            "word_precision": precision, "word_recall": recall}


def _same_fact():
    folder = _calibration("msrp", "train.jsonl")
    from compare.nlp.similarity import paraphrase_model, same_fact_probability, signals

    rows = [json.loads(line) for line in (folder / "msrp" / "train.jsonl").open(encoding="utf-8")]
    threshold = paraphrase_model()["threshold"]
    pred = [same_fact_probability(signals(r["sentence1"], r["sentence2"])) >= threshold for r in rows]
    gold = [r["label"] == 1 for r in rows]
    tp = sum(p and g for p, g in zip(pred, gold))
    return {"accuracy": sum(p == g for p, g in zip(pred, gold)) / len(rows), "f1": 2 * tp / (sum(pred) + sum(gold))}


def _sentence_cases():
    from compare.nlp.sentences import split_sentences

    cases = json.loads((DATA / "sentences" / "cases.json").read_text(encoding="utf-8"))
    correct = sum([text[s:e] for s, e in split_sentences(text)] == case["sentences"]
                  for case in cases for text in [case["text"]])
    return {"accuracy": correct / len(cases)}


def _sentences_basil():
    folder = _calibration("basil", "articles.jsonl")
    from compare.nlp.sentences import split_sentences

    exact = found = predicted = expected = total = 0
    with open(folder / "basil" / "articles.jsonl", encoding="utf-8") as lines:
        for line in lines:
            for paragraph in json.loads(line)["body-paragraphs"]:
                gold = [s.strip() for s in paragraph if s.strip()]
                if not gold:
                    continue
                text = " ".join(gold)
                spans = split_sentences(text)
                gold_starts = {sum(len(s) + 1 for s in gold[:i]) for i in range(1, len(gold))}
                starts = {start for start, _ in spans[1:]}
                found += len(gold_starts & starts)
                predicted += len(starts)
                expected += len(gold_starts)
                exact += [text[s:e] for s, e in spans] == gold
                total += 1
    precision, recall = found / predicted, found / expected
    return {"exact": exact / total, "boundary_f1": 2 * precision * recall / (precision + recall)}


GROUPS = {  # pin group (the pins' names up to the last dot) -> its measurement
    "alignment.dev": lambda tmp_path: _alignment("dev"),
    "alignment.holdout": lambda tmp_path: _alignment("holdout"),
    "event.with_dates": lambda tmp_path: _same_event(True),
    "event.without_dates": lambda tmp_path: _same_event(False),
    "extraction.dev": lambda tmp_path: _extraction("dev"),
    "extraction.holdout": lambda tmp_path: _extraction("holdout"),
    "grouping.text": lambda tmp_path: _grouping("text"),
    "grouping.engine": lambda tmp_path: _grouping("engine"),
    "grouping.engine_no_dates": lambda tmp_path: _grouping("engine_no_dates"),
    "quotes.dev": lambda tmp_path: _quotes("dev"),
    "quotes.holdout": lambda tmp_path: _quotes("holdout"),
    "profile.target_sentiment": _profile_target_sentiment,
    "profile.bias": _profile_bias,
    "same_fact.msrp": lambda tmp_path: _same_fact(),
    "sentences.cases": lambda tmp_path: _sentence_cases(),
    "sentences.basil": lambda tmp_path: _sentences_basil(),
}


def _group(name: str) -> str:
    return name.rsplit(".", 1)[0]


def misses(pins: dict, group: str, figures: dict) -> list[str]:
    """The pins of a group whose measured figure does not reach its floor (or passes its ceiling)."""
    out = []
    for name, pin in sorted(pins.items()):
        if _group(name) != group:
            continue
        value = figures[name.rsplit(".", 1)[1]]
        if value > pin["floor"] if pin.get("at_most") else value < pin["floor"]:
            out.append(f"{name}: {value:.4f} {'above the ceiling' if pin.get('at_most') else 'below the floor'} "
                       f"{pin['floor']} (measured {pin['measured']} when pinned {pin['pinned']})")
    return out


def lowered(head: dict, current: dict) -> list[str]:
    """Pins of head that current drops, or whose floor it lowers (ceiling it raises)."""
    out = []
    for name, old in sorted(head.items()):
        new = current.get(name)
        if new is None:
            out.append(f"{name}: removed")
        elif bool(new.get("at_most")) != bool(old.get("at_most")):
            out.append(f"{name}: turned between floor and ceiling")
        elif (new["floor"] > old["floor"]) if old.get("at_most") else (new["floor"] < old["floor"]):
            out.append(f"{name}: {old['floor']} -> {new['floor']}")
    return out


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_quality_holds_its_pins(group, tmp_path):
    figures = GROUPS[group](tmp_path)
    names = {name.rsplit(".", 1)[1] for name in PINS if _group(name) == group}
    assert names and names <= set(figures), (group, sorted(names), sorted(figures))
    assert not misses(PINS, group, figures), misses(PINS, group, figures)


def test_pins_file_is_well_formed():
    for name, pin in PINS.items():
        assert _group(name) in GROUPS, f"{name}: no measurement for its group"
        assert isinstance(pin["floor"], (int, float)) and pin["reason"] and pin["pinned"], name
        assert pin["measured"] is None or isinstance(pin["measured"], (int, float)), name
        assert set(pin) <= {"floor", "at_most", "measured", "pinned", "reason"}, name
    assert all(any(_group(name) == group for name in PINS) for group in GROUPS)


def test_no_pin_is_lowered():
    if shutil.which("git") is None:
        pytest.skip("git is not installed: cannot read the committed pins")
    done = subprocess.run(["git", "show", f"HEAD:{PINS_PATH}"], cwd=REPO, capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"no committed {PINS_PATH} in git HEAD (not a checkout, or the file is new)")
    head = json.loads(done.stdout)["pins"]
    assert not lowered(head, PINS), f"{PINS_PATH} lowers pins against HEAD: {lowered(head, PINS)}"


def test_lowering_check_refuses_a_lower_floor_a_higher_ceiling_and_a_removed_pin():
    head = {"a.b.f1": {"floor": 0.8}, "a.b.conflicts": {"floor": 1.0, "at_most": True}, "a.c.recall": {"floor": 0.2}}
    same = json.loads(json.dumps(head))
    assert lowered(head, same) == []
    raised = {**same, "a.b.f1": {"floor": 0.85}, "a.b.conflicts": {"floor": 0.5, "at_most": True}}
    assert lowered(head, raised) == []
    worse = {"a.b.f1": {"floor": 0.79}, "a.b.conflicts": {"floor": 1.5, "at_most": True}}
    assert lowered(head, worse) == ["a.b.conflicts: 1.0 -> 1.5", "a.b.f1: 0.8 -> 0.79", "a.c.recall: removed"]
