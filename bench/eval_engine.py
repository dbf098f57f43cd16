"""Quality of the comparison engine on the public calibration data (prints figures; never shipped data).

    python bench/eval_engine.py msrp [--fit]   # "same fact" decision on MSRP paraphrase pairs
    python bench/eval_engine.py extraction     # actors/numbers/dates/quotes P/R on tests/data/engine
    python bench/eval_engine.py event          # same-event verdict on BASIL triplets + hard negatives
    python bench/eval_engine.py all

--fit refits the logistic "same fact" model on all MSRP pairs and writes
compare/resources/engine/paraphrase.json (scikit-learn is needed for fitting only, never at run time).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare.evaldata import eval_dir  # noqa: E402


def _load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _acc_f1(gold: list[int], pred: list[int]) -> tuple[float, float]:
    tp = sum(1 for g, p in zip(gold, pred) if g and p)
    fp = sum(1 for g, p in zip(gold, pred) if not g and p)
    fn = sum(1 for g, p in zip(gold, pred) if g and not p)
    acc = sum(1 for g, p in zip(gold, pred) if g == p) / len(gold)
    return acc, _prf(tp, fp, fn)[2]


# --------------------------------------------------------------------------- MSRP

def _word_overlap(a: str, b: str) -> float:
    wa, wb = set(re.findall(r"\w+", a.lower())), set(re.findall(r"\w+", b.lower()))
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


def _best_threshold(scores: list[float], gold: list[int]) -> float:
    best = (0.0, 0.5)
    for t in sorted(set(round(s, 3) for s in scores)):
        acc = sum(1 for s, g in zip(scores, gold) if (s >= t) == bool(g)) / len(gold)
        best = max(best, (acc, t))
    return best[1]


def msrp(fit: bool = False) -> dict:
    """5-fold cross-validated accuracy/F1 of the same-fact model vs majority and word-overlap baselines."""
    from compare.nlp.similarity import FEATURES, same_fact_probability, signals
    rows = _load_jsonl(eval_dir() / "msrp" / "train.jsonl")
    gold = [int(r["label"]) for r in rows]
    feats = [signals(r["sentence1"], r["sentence2"]) for r in rows]
    X = [[f[k] for k in FEATURES] for f in feats]
    overlap = [_word_overlap(r["sentence1"], r["sentence2"]) for r in rows]
    from sklearn.linear_model import LogisticRegression
    folds = 5
    pred_model, pred_overlap = [0] * len(rows), [0] * len(rows)
    for k in range(folds):
        train = [i for i in range(len(rows)) if i % folds != k]
        test = [i for i in range(len(rows)) if i % folds == k]
        clf = LogisticRegression(C=1.0, max_iter=1000).fit([X[i] for i in train], [gold[i] for i in train])
        model = {"features": list(FEATURES), "weights": clf.coef_[0].tolist(), "bias": float(clf.intercept_[0])}
        probs = [same_fact_probability(feats[i], model) for i in train]
        t = _best_threshold(probs, [gold[i] for i in train])
        for i in test:
            pred_model[i] = int(same_fact_probability(feats[i], model) >= t)
        t_o = _best_threshold([overlap[i] for i in train], [gold[i] for i in train])
        for i in test:
            pred_overlap[i] = int(overlap[i] >= t_o)
    out = {
        "pairs": len(rows),
        "majority": _acc_f1(gold, [1] * len(rows)),
        "word_overlap_threshold": _acc_f1(gold, pred_overlap),
        "engine_cv5": _acc_f1(gold, pred_model),
    }
    if fit:
        clf = LogisticRegression(C=1.0, max_iter=1000).fit(X, gold)
        model = {"features": list(FEATURES), "weights": [round(w, 5) for w in clf.coef_[0].tolist()],
                 "bias": round(float(clf.intercept_[0]), 5)}
        model["threshold"] = _best_threshold([same_fact_probability(f, model) for f in feats], gold)
        model["fitted_on"] = f"MSRP train ({len(rows)} pairs), logistic regression C=1; threshold = best accuracy"
        model["cv5_accuracy_f1"] = [round(x, 4) for x in out["engine_cv5"]]
        path = ROOT / "compare" / "resources" / "engine" / "paraphrase.json"
        path.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        out["written"] = str(path)
    return out




# --------------------------------------------------------------------------- BASIL same-event

def basil_rows() -> list[dict]:
    return _load_jsonl(eval_dir() / "basil" / "articles.jsonl")


def basil_article(row: dict, *, with_date: bool = True):
    """A BASIL article as the tool reads plain text: title, blank line, paragraphs (sentences joined by spaces)."""
    from compare.ingest import article_from_text
    paragraphs = [" ".join(s.strip() for s in p) for p in row["body-paragraphs"]]
    text = row["title"] + "\n\n" + "\n\n".join(p for p in paragraphs if p)
    return article_from_text(text, source=row["uuid"], outlet=row["source"],
                             date=row["date"] if with_date else None)


def basil_pairs(rows: list[dict]) -> list[tuple[int, int, int]]:
    """(i, j, same) for every within-triplet pair and every cross-triplet pair sharing a main entity."""
    pairs = []
    for i in range(len(rows)):
        for j in range(i + 1, len(rows)):
            same = rows[i]["triplet-uuid"] == rows[j]["triplet-uuid"]
            shares = set(rows[i]["main-entities"]) & set(rows[j]["main-entities"])
            if same or shares:
                pairs.append((i, j, int(same)))
    return pairs


def event(fit: bool = False) -> dict:
    """Same-event accuracy on BASIL: within-triplet pairs (same) and hard negatives (different events sharing
    a main entity), with and without publication dates; weights cross-validated by triplet (5 folds)."""
    from compare.align import actor_map
    from compare.comparison import compare_pair
    from compare.event import FEATURES, event_features, event_model
    from compare.facts import extract_facts
    rows = basil_rows()
    pairs = basil_pairs(rows)
    results = {}
    for with_date in (True, False):
        arts = [basil_article(r, with_date=with_date) for r in rows]
        ext = [extract_facts(a, 0) for a in arts]
        feats, labels = [], []
        for i, j, same in pairs:
            (xa, fa), (xb, fb) = ext[i], ext[j]
            pc = compare_pair(arts[i], arts[j], 0, 1, xa, fa, xb, fb)
            to_a, to_b, _, _ = actor_map(xa, xb)
            f, _ = event_features(arts[i], arts[j], fa, fb, pc.links, to_a, to_b)
            feats.append(f)
            labels.append(same)
        results[with_date] = (feats, labels)
    triplets = sorted({r["triplet-uuid"] for r in rows})
    fold_of = {t: k % 5 for k, t in enumerate(triplets)}
    from sklearn.linear_model import LogisticRegression
    out = {"pairs_same": sum(l for _, _, l in pairs), "pairs_hard_negative": sum(1 for *_, l in pairs if not l)}
    shipped = event_model()
    for with_date, (feats, labels) in results.items():
        X = [[f[k] for k in FEATURES] for f in feats]
        pred_cv = [0] * len(X)
        clash = [f["time_clash"] for f in feats]
        for k in range(5):
            train = [n for n, (i, j, _) in enumerate(pairs) if fold_of[rows[i]["triplet-uuid"]] != k
                     and fold_of[rows[j]["triplet-uuid"]] != k]
            test = [n for n, (i, j, _) in enumerate(pairs) if fold_of[rows[i]["triplet-uuid"]] == k
                    or fold_of[rows[j]["triplet-uuid"]] == k]
            clf = LogisticRegression(C=1.0, max_iter=1000, class_weight="balanced").fit(
                [X[n] for n in train], [labels[n] for n in train])
            import math
            logits = clf.decision_function([X[n] for n in test])
            for n, z in zip(test, logits):
                from compare.settings import DEFAULT
                pred_cv[n] = int(1 / (1 + math.exp(-(z - DEFAULT.event.clash_penalty * clash[n]))) >= shipped["same_at"])
        from compare.event import verdict_from_features
        verdicts = [verdict_from_features(f)[0] for f in feats]
        pred_shipped = [int(v == "same event") for v in verdicts]
        label_counts: dict = {}
        for v, f, l in zip(verdicts, feats, labels):
            group = label_counts.setdefault("within" if l else "hard_negative", {})
            group[v] = group.get(v, 0) + 1
            group["time_clash"] = group.get("time_clash", 0) + int(f["time_clash"])
        key = "with_dates" if with_date else "without_dates"
        out[key] = {
            "shipped_within_acc": _acc_on(labels, pred_shipped, 1), "shipped_hardneg_acc": _acc_on(labels, pred_shipped, 0),
            "cv5_within_acc": _acc_on(labels, pred_cv, 1), "cv5_hardneg_acc": _acc_on(labels, pred_cv, 0),
            "shipped_verdicts": label_counts,
            "baseline_actor_overlap>=0.3": (_acc_on(labels, [int(f["actor_overlap"] >= 0.3) for f in feats], 1),
                                            _acc_on(labels, [int(f["actor_overlap"] >= 0.3) for f in feats], 0)),
        }
    if fit:
        feats = results[True][0] + results[False][0]
        labels = results[True][1] + results[False][1]
        X = [[f[k] for k in FEATURES] for f in feats]
        clf = LogisticRegression(C=1.0, max_iter=1000, class_weight="balanced").fit(X, labels)
        model = {"features": list(FEATURES), "weights": [round(w, 4) for w in clf.coef_[0].tolist()],
                 "bias": round(float(clf.intercept_[0]), 4), "same_at": shipped["same_at"],
                 "means": [round(sum(x[k] for x in X) / len(X), 4) for k in range(len(FEATURES))],
                 "related_at": shipped["related_at"],
                 "fitted_on": f"BASIL: {out['pairs_same']} within-triplet pairs and {out['pairs_hard_negative']} "
                              "cross-triplet pairs sharing a main entity, each with and without publication dates; "
                              "logistic regression C=1, balanced classes"}
        path = ROOT / "compare" / "resources" / "engine" / "event.json"
        path.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        out["written"] = str(path)
    return out


def _acc_on(labels: list[int], pred: list[int], cls: int) -> float:
    idx = [n for n, l in enumerate(labels) if l == cls]
    return round(sum(1 for n in idx if pred[n] == cls) / len(idx), 4) if idx else 0.0


# --------------------------------------------------------------------------- extraction

LABELS = ROOT / "tests" / "data" / "engine" / "extraction.jsonl"  # development set (rules were tuned on it)
HOLDOUT = ROOT / "tests" / "data" / "engine" / "extraction_holdout.jsonl"  # labelled after tuning, never tuned on
_MONTH_RE = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December)")


def labelled_sentences(path: Path = LABELS) -> list[tuple[dict, object, tuple[int, int], str]]:
    """(label, Article, sentence span) for every labelled sentence whose text is available."""
    from compare.ingest import read_article
    basil = {r["uuid"]: r for r in basil_rows()} if eval_dir() else {}
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        label = json.loads(line)
        ref = label["ref"]
        if "seed" in ref:
            article = read_article(str(ROOT / "seeds" / ref["seed"]))
            sentence = [x for x in article.sentences if x.paragraph == ref["paragraph"]][ref["sentence"]]
            out.append((label, article, (sentence.start, sentence.end), sentence.text))
            continue
        row = basil.get(ref["basil"])
        if row is None:
            continue
        article = basil_article(row)
        raw = row["body-paragraphs"][ref["paragraph"]][ref["sentence"]]
        needle = " ".join(raw.split())
        start = article.text.find(needle)
        if start < 0:
            raise ValueError(f"labelled sentence not found in {ref}")
        out.append((label, article, (start, start + len(needle)), raw))
    return out


def _same_name(expected: str, predicted: str) -> bool:
    from compare.model import Actor
    from compare.nlp.actors import fold, same_actor
    if fold(expected) == fold(predicted):
        return True
    return same_actor(Actor(expected, "person"), Actor(predicted, "person")) and " " not in expected + predicted \
        or same_actor(Actor(expected, "person"), Actor(predicted, "person"))


def _match(expected: list, predicted: list, same) -> tuple[int, int, int]:
    used: set[int] = set()
    tp = 0
    for e in expected:
        k = next((k for k, p in enumerate(predicted) if k not in used and same(e, p)), None)
        if k is not None:
            used.add(k)
            tp += 1
    return tp, len(predicted) - tp, len(expected) - tp


def engine_extract(article, span: tuple[int, int]) -> dict:
    """What the engine finds in one sentence span of an article."""
    from compare.nlp.actors import GROUP, article_actors
    from compare.nlp.quantities import find_quantities
    from compare.nlp.quotes import find_quotes
    from compare.nlp.times import find_times
    s, e = span
    actors, mentions = article_actors(article)
    kinds = {a.name: a.kind for a in actors}
    spans = [(x.start, x.end) for x in article.sentences]
    names = list(dict.fromkeys(m.actor for m in mentions if s <= m.start < e and kinds.get(m.actor) != GROUP))
    return {
        "actors": names,
        "numbers": [(q.value, q.unit) for q in find_quantities(article.text, s, e)],
        "times": [t.text for t in find_times(article.text, s, e, published=article.date)],
        "quotes": [(q.start - s, q.end - s, q.speaker, q.anonymous) for q in find_quotes(article.text, spans, mentions)
                   if q.start < e and s < q.end],
    }


def baseline_extract(article, span: tuple[int, int]) -> dict:
    """A naive extractor: capitalised word runs, digit runs, month/weekday/year words, double-quote pairs."""
    s, e = span
    text = article.text[s:e]
    runs = [m.group() for m in re.finditer(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*", text)]
    numbers = [(float(m.group().replace(",", "")), None) for m in re.finditer(r"\d[\d,]*(?:\.\d+)?", text)
               if not re.fullmatch(r"(?:19|20)\d\d", m.group())]
    times = [m.group() for m in re.finditer(_MONTH_RE + r"(?:\s+\d{1,2})?|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|"
                                            r"\b(?:19|20)\d\d\b", text)]
    quotes = [(m.start() + 1, m.end() - 1, None, False) for m in re.finditer(r"[“\"][^”\"]+[”\"]", text)]
    return {"actors": runs, "numbers": numbers, "times": times, "quotes": quotes}


def extraction(path: Path = LABELS) -> dict:
    """Micro precision/recall/F1 per kind on the labelled sentences, engine vs naive baseline."""
    data = labelled_sentences(path)
    result = {"sentences": len(data)}
    for name, fn in (("engine", engine_extract), ("baseline", baseline_extract)):
        totals = {k: [0, 0, 0] for k in ("actors", "numbers", "numbers_value_only", "times", "quotes",
                                          "quote_speakers")}
        for label, article, span, _raw in data:
            got = fn(article, span)
            parts = {
                "actors": _match([a["name"] for a in label["actors"]], got["actors"], _same_name),
                "numbers": _match([(n["value"], n["unit"]) for n in label["numbers"]], got["numbers"],
                                  lambda x, y: abs(x[0] - y[0]) < 1e-6 * max(1, abs(x[0])) and x[1] == y[1]),
                "numbers_value_only": _match([n["value"] for n in label["numbers"]], [v for v, _ in got["numbers"]],
                                             lambda x, y: abs(x - y) < 1e-6 * max(1, abs(x))),
                "times": _match(label["times"], got["times"],
                                lambda x, y: x.lower() in y.lower() or y.lower() in x.lower()),
                "quotes": _match([q["offset"] for q in label["quotes"]], got["quotes"],
                                 lambda off, q: q[0] - 2 <= off < q[1]),
                "quote_speakers": _match(label["quotes"], got["quotes"],
                                         lambda x, q: q[0] - 2 <= x["offset"] < q[1] and _speaker_ok(x, q)),
            }
            for k, (tp, fp, fn_) in parts.items():
                totals[k][0] += tp
                totals[k][1] += fp
                totals[k][2] += fn_
        result[name] = {k: dict(zip(("precision", "recall", "f1"), (round(x, 3) for x in _prf(*v))))
                        for k, v in totals.items()}
    return result


def _speaker_ok(expected: dict, quote) -> bool:
    speaker, anonymous = quote[2], quote[3]
    if expected["speaker"] is None:
        return speaker is None
    if speaker is None:
        return False
    if expected["anonymous"]:
        return anonymous and expected["speaker"].lower() in speaker.lower()
    return _same_name(expected["speaker"], speaker)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["msrp", "extraction", "event", "all"])
    parser.add_argument("--fit", action="store_true", help="refit the shipped models (msrp, event)")
    parser.add_argument("--record", action="store_true",
                        help="with 'all': write the figures to compare/resources/engine/quality.json")
    args = parser.parse_args(argv)
    if eval_dir() is None:
        print("no calibration data (set NEWSCOMPARE_EVAL_DIR)")
        return 1
    figures = {}
    if args.what in ("msrp", "all"):
        figures["msrp"] = msrp(args.fit)
        print("msrp", json.dumps(figures["msrp"], indent=1))
    if args.what in ("extraction", "all"):
        figures["extraction_dev"] = extraction(LABELS)
        figures["extraction_holdout"] = extraction(HOLDOUT)
        print("extraction (development set)", json.dumps(figures["extraction_dev"], indent=1))
        print("extraction (held-out set)", json.dumps(figures["extraction_holdout"], indent=1))
    if args.what in ("event", "all"):
        figures["event"] = event(args.fit)
        print("event", json.dumps(figures["event"], indent=1))
    if args.record and args.what == "all":
        path = ROOT / "compare" / "resources" / "engine" / "quality.json"
        path.write_text(json.dumps({"summary": summarise(figures), "figures": figures}, indent=1) + "\n", "utf-8")
        print("written", path)
    return 0


def summarise(figures: dict) -> dict[str, str]:
    """One sentence of measured quality per engine score, for Comparison.method.notes."""
    dev, held = figures["extraction_dev"], figures["extraction_holdout"]

    def f1(kind: str) -> str:
        return (f"F1 {dev['engine'][kind]['f1']:.2f} on {dev['sentences']} labelled news sentences "
                f"({held['engine'][kind]['f1']:.2f} on {held['sentences']} held-out), naive baseline "
                f"{dev['baseline'][kind]['f1']:.2f}.")
    m = figures["msrp"]
    e = figures["event"]
    return {
        "actors": "Measured: " + f1("actors"),
        "numbers": "Measured (value and unit): " + f1("numbers"),
        "times": "Measured: " + f1("times"),
        "quotes": "Measured, quote spans: " + f1("quotes") + " Speakers: " + f1("quote_speakers"),
        "msrp": (f"Measured on MSRP ({m['pairs']} pairs, 5-fold): accuracy {m['engine_cv5'][0]:.3f}, F1 "
                 f"{m['engine_cv5'][1]:.3f}; word-overlap threshold {m['word_overlap_threshold'][0]:.3f} / "
                 f"{m['word_overlap_threshold'][1]:.3f}; majority {m['majority'][0]:.3f} / {m['majority'][1]:.3f}."),
        "event": (f"Measured on BASIL (5-fold by triplet): same-event pairs recognised "
                  f"{e['with_dates']['cv5_within_acc']:.0%} with publication dates, "
                  f"{e['without_dates']['cv5_within_acc']:.0%} without; {e['pairs_hard_negative']} different-event "
                  f"pairs sharing a main entity kept apart {e['with_dates']['cv5_hardneg_acc']:.0%} / "
                  f"{e['without_dates']['cv5_hardneg_acc']:.0%}."),
    }



if __name__ == "__main__":
    raise SystemExit(main())
