"""Alignment quality measured on what the product emits: the links of `compare_articles` (as `compare`/`diff`
show them) against the labelled cross-outlet pairs of tests/data/align, and MSRP through two small articles.

    python bench/eval_align.py basil [--split dev|holdout|all] [--show]   # link recall/precision, only-in, conflicts
    python bench/eval_align.py omissions [--split …] [--show]            # first-page "Only B reports" lines
    python bench/eval_align.py msrp                                      # MSRP train through the real path

The BASIL texts are read from the calibration folder; tests/data/align keeps only references and labels.
A labelled pair lists every (A sentence, B sentence) that state the same fact; the product's links are mapped
to those sentences by character overlap. Link recall = labelled links the product links (any kind but only-in);
link precision = product links (sentence pairs) that are labelled; only-in precision = sentences the product
calls "only in" (confidently, not "possibly covered") that have no labelled link.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare.evaldata import eval_dir  # noqa: E402

DATA = ROOT / "tests" / "data" / "align"
LINKED = ("shared", "partial", "conflicting")


def load_pairs() -> list[dict]:
    """The labelled pairs: pairs.json joined with every labels-*.jsonl line."""
    pairs = {p["id"]: p for p in json.loads((DATA / "pairs.json").read_text())}
    for path in sorted(DATA.glob("labels-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                label = json.loads(line)
                pairs[label["id"]]["labels"] = label
    return [p for p in pairs.values() if "labels" in p]


def basil_rows() -> dict[str, dict]:
    lines = (eval_dir() / "basil" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return {r["uuid"]: r for r in map(json.loads, lines)}


def basil_article(row: dict):
    """A BASIL article as the tool reads plain text (title, blank line, paragraphs), with its date."""
    from compare.ingest import article_from_text
    paragraphs = [" ".join(s.strip() for s in p) for p in row["body-paragraphs"]]
    text = row["title"] + "\n\n" + "\n\n".join(p for p in paragraphs if p)
    return article_from_text(text, source=row["uuid"], outlet=row["source"], date=row["date"])


def labelled_articles(split: str):
    """(pair, BASIL row A, row B, article A, article B) for every labelled pair of the split ("all": every one)."""
    rows = basil_rows()
    for pair in load_pairs():
        if split == "all" or pair["split"] == split:
            row_a, row_b = rows[pair["a"]], rows[pair["b"]]
            yield pair, row_a, row_b, basil_article(row_a), basil_article(row_b)


def ref_spans(row: dict, text: str) -> dict[str, tuple[int, int]]:
    """Reference ("T", "P.S") -> character span of that BASIL sentence in the article's text."""
    spans: dict[str, tuple[int, int]] = {}
    title = row["title"].strip()
    at = text.find(title)
    spans["T"] = (at, at + len(title))
    pos = spans["T"][1]
    for p, para in enumerate(row["body-paragraphs"]):
        for s, sentence in enumerate(para):
            sentence = sentence.strip()
            if not sentence:
                continue
            at = text.find(sentence, pos)
            if at < 0:
                continue
            spans[f"{p}.{s}"] = (at, at + len(sentence))
            pos = at + len(sentence)
    return spans


def fact_refs(fact, spans: dict[str, tuple[int, int]]) -> list[str]:
    """The references a fact covers: those whose span overlaps it by half of the shorter of the two."""
    out = []
    for ref, (s, e) in spans.items():
        overlap = min(e, fact.end) - max(s, fact.start)
        if overlap > 0 and overlap >= 0.5 * min(e - s, fact.end - fact.start):
            out.append(ref)
    return out


def product_claims(pair_cmp, facts_a, facts_b, spans_a, spans_b):
    """(linked sentence pairs with kinds, sentences confidently only-in per side, conflict pairs)."""
    refs_a = {f.id: fact_refs(f, spans_a) for f in facts_a}
    refs_b = {f.id: fact_refs(f, spans_b) for f in facts_b}
    linked: dict[tuple[str, str], str] = {}
    conflicts = set()
    only_a, only_b = set(), set()
    unsure_a, unsure_b = set(), set()
    for link in pair_cmp.links:
        if link.kind in LINKED:
            for fa in link.a:
                for fb in link.b:
                    for ra in refs_a[fa]:
                        for rb in refs_b[fb]:
                            linked.setdefault((ra, rb), link.kind)
                            if link.kind == "conflicting":
                                conflicts.add((ra, rb))
        elif link.kind == "only_a":
            (unsure_a if link.signals.get("possibly") else only_a).update(r for f in link.a for r in refs_a[f])
        elif link.kind == "only_b":
            (unsure_b if link.signals.get("possibly") else only_b).update(r for f in link.b for r in refs_b[f])
    linked_a = {a for a, _ in linked}
    linked_b = {b for _, b in linked}
    return linked, only_a - linked_a, only_b - linked_b, conflicts, unsure_a - linked_a, unsure_b - linked_b


def score_basil(split: str = "all", show: bool = False) -> dict:
    from compare import compare_articles
    totals = dict(gold=0, found=0, claimed=0, right=0, only=0, only_right=0, unsure=0, unsure_absent=0,
                  conflicts=0, false_conflicts=0, gold_conflicts=0, gold_conflicts_found=0, pairs=0,
                  kind_right=0)
    per_pair = {}
    for pair, row_a, row_b, art_a, art_b in labelled_articles(split):
        comparison = compare_articles([art_a, art_b], profiles=False)
        facts_a, facts_b = comparison.facts
        spans_a, spans_b = ref_spans(row_a, art_a.text), ref_spans(row_b, art_b.text)
        linked, only_a, only_b, conflicts, unsure_a, unsure_b = product_claims(
            comparison.pairs[0], facts_a, facts_b, spans_a, spans_b)
        labels = pair["labels"]
        gold = {(l["a"], l["b"]): l["kind"] for l in labels["links"]}
        gold_a, gold_b = {a for a, _ in gold}, {b for _, b in gold}
        found = [g for g in gold if g in linked]
        right = [c for c in linked if c in gold]
        only_right = [r for r in only_a if r not in gold_a] + [r for r in only_b if r not in gold_b]
        false_conf = [c for c in conflicts if gold.get(c) != "conflict"]
        gold_conf = [g for g, k in gold.items() if k == "conflict"]
        kind_right = sum(1 for g in found if (gold[g] == "conflict") == (linked[g] == "conflicting")
                         and (gold[g] != "shared" or linked[g] == "shared")
                         and (gold[g] != "partial" or linked[g] == "partial"))
        t = dict(gold=len(gold), found=len(found), claimed=len(linked), right=len(right),
                 only=len(only_a) + len(only_b), only_right=len(only_right),
                 unsure=len(unsure_a) + len(unsure_b),
                 unsure_absent=sum(r not in gold_a for r in unsure_a) + sum(r not in gold_b for r in unsure_b),
                 conflicts=len(conflicts), false_conflicts=len(false_conf), gold_conflicts=len(gold_conf),
                 gold_conflicts_found=sum(g in conflicts for g in gold_conf), pairs=1, kind_right=kind_right)
        for k, v in t.items():
            totals[k] += v
        per_pair[pair["id"]] = f"recall {t['found']}/{t['gold']}  precision {t['right']}/{t['claimed']}  " \
                               f"only-in {t['only_right']}/{t['only']}  conflicts {t['conflicts']} (false {t['false_conflicts']})"
        if show:
            text = {("a", r): " ".join(row_a["title"].split()) if r == "T" else None for r in spans_a}
            print(f"== {pair['id']} {per_pair[pair['id']]}")
            sent_a = {r: art_a.text[s:e] for r, (s, e) in spans_a.items()}
            sent_b = {r: art_b.text[s:e] for r, (s, e) in spans_b.items()}
            for g, kind in sorted(gold.items()):
                if g not in linked:
                    print(f"  MISS {kind:8} A{g[0]} {sent_a.get(g[0], '?')[:110]}\n{'':16}B{g[1]} {sent_b.get(g[1], '?')[:110]}")
            for c, kind in sorted(linked.items()):
                if c not in gold:
                    print(f"  FALSE {kind:8} A{c[0]} {sent_a.get(c[0], '?')[:110]}\n{'':17}B{c[1]} {sent_b.get(c[1], '?')[:110]}")
            for r in sorted(only_a):
                if r in gold_a:
                    print(f"  FALSE-ONLY A{r} {sent_a[r][:110]}")
            for r in sorted(only_b):
                if r in gold_b:
                    print(f"  FALSE-ONLY B{r} {sent_b[r][:110]}")
            del text
    t = totals
    return {
        "split": split, "pairs": t["pairs"],
        "link_recall": round(t["found"] / t["gold"], 3) if t["gold"] else None,
        "link_precision": round(t["right"] / t["claimed"], 3) if t["claimed"] else None,
        "only_in_precision": round(t["only_right"] / t["only"], 3) if t["only"] else None,
        "possibly_covered": t["unsure"], "possibly_covered_truly_absent": t["unsure_absent"],
        "kind_accuracy_of_found": round(t["kind_right"] / t["found"], 3) if t["found"] else None,
        "conflicts_reported": t["conflicts"], "false_conflicts": t["false_conflicts"],
        "false_conflicts_per_10_pairs": round(10 * t["false_conflicts"] / t["pairs"], 2) if t["pairs"] else None,
        "real_conflicts": t["gold_conflicts"], "real_conflicts_found": t["gold_conflicts_found"],
        "counts": {k: t[k] for k in ("gold", "found", "claimed", "right", "only", "only_right")},
        "per_pair": per_pair,
    }


def msrp_real_path(limit: int | None = None) -> dict:
    """MSRP train pairs through compare_articles: each sentence in a small article with unrelated sentences
    (from other pairs); the label the product gives the link between the two test sentences vs the paraphrase
    label. 'shared' is the product's "same fact" (a paraphrase); 'linked' is any link (shared/partial/conflicting)."""
    from compare import compare_articles
    from compare.ingest import article_from_text
    rows = [json.loads(l) for l in (eval_dir() / "msrp" / "train.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    rng = random.Random(7)
    pool = [r["sentence1"] for r in rows] + [r["sentence2"] for r in rows]
    if limit:
        rows = rows[:limit]
    shared_ok = linked_ok = 0
    kinds: dict[str, int] = {}
    for k, r in enumerate(rows):
        fill = rng.sample(pool, 4)
        text_a = f"News report {k}\n\n{fill[0]}\n\n{r['sentence1']}\n\n{fill[1]}"
        text_b = f"Latest update {k}\n\n{fill[2]}\n\n{r['sentence2']}\n\n{fill[3]}"
        a, b = article_from_text(text_a, source="a"), article_from_text(text_b, source="b")
        cmp = compare_articles([a, b], profiles=False)
        fa = [f.id for f in cmp.facts[0] if r["sentence1"][:30].strip() in f.text or f.text[:30] in r["sentence1"]]
        fb = [f.id for f in cmp.facts[1] if r["sentence2"][:30].strip() in f.text or f.text[:30] in r["sentence2"]]
        kind = "none"
        for link in cmp.pairs[0].links:
            if set(link.a) & set(fa) and set(link.b) & set(fb):
                kind = link.kind
                break
        kinds[f"{r['label']}:{kind}"] = kinds.get(f"{r['label']}:{kind}", 0) + 1
        shared_ok += (kind == "shared") == bool(r["label"])
        linked_ok += (kind in LINKED) == bool(r["label"])
    n = len(rows)
    majority = max(sum(r["label"] for r in rows), n - sum(r["label"] for r in rows)) / n
    return {"pairs": n, "accuracy_shared_vs_label": round(shared_ok / n, 3),
            "accuracy_linked_vs_label": round(linked_ok / n, 3), "majority": round(majority, 3),
            "label_kind_counts": dict(sorted(kinds.items()))}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["basil", "omissions", "msrp", "fit"])
    parser.add_argument("--write", action="store_true", help="with 'fit': write resources/engine/align.json")
    parser.add_argument("--split", default="dev", choices=["dev", "holdout", "all"])
    parser.add_argument("--show", action="store_true", help="print each miss and false link")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    if eval_dir() is None:
        print("no calibration data (set NEWSCOMPARE_EVAL_DIR or put it at ../shared/eval)")
        return 1
    result = (score_basil(args.split, args.show) if args.what == "basil"
              else score_omission_lines(args.split, args.show) if args.what == "omissions"
              else msrp_real_path(args.limit) if args.what == "msrp" else fit(args.write))
    print(json.dumps(result, indent=1))
    return 0



def score_omission_lines(split: str = "dev", show: bool = False) -> dict:
    """The omission lines the product puts first ("Only B reports …" differences of compare_articles): the share
    whose fact has no labelled link, i.e. is truly absent from the other article."""
    from compare import compare_articles
    lines = true = 0
    for pair, row_a, row_b, art_a, art_b in labelled_articles(split):
        comparison = compare_articles([art_a, art_b], profiles=False)
        spans = ref_spans(row_a, art_a.text), ref_spans(row_b, art_b.text)
        linked = ({l["a"] for l in pair["labels"]["links"]}, {l["b"] for l in pair["labels"]["links"]})
        facts = {f.id: (k, f) for k, fs in enumerate(comparison.facts) for f in fs}
        for d in comparison.differences:
            if d.kind != "omission" or not d.text.startswith("Only"):
                continue
            k, fact = facts[d.evidence[0].split(":")[0]]
            right = all(r not in linked[k] for r in fact_refs(fact, spans[k]))
            lines, true = lines + 1, true + right
            if show:
                print("OK " if right else "BAD", d.text[:150])
    return {"split": split, "omission_lines": lines, "true": true,
            "precision": round(true / lines, 3) if lines else None}


# --------------------------------------------------------------------------- fitting the link model

def candidate_table(split: str = "dev"):
    """Per labelled pair: (pair id, candidate features, gold label) for every first-stage candidate, and the
    share of labelled links the first stage keeps. One code path with the product (compare.align)."""
    from compare import align
    from compare.facts import extract_facts
    table, kept, total = [], 0, 0
    for pair, row_a, row_b, art_a, art_b in labelled_articles(split):
        actors_a, facts_a = extract_facts(art_a, 0)
        actors_b, facts_b = extract_facts(art_b, 1)
        _, _, _, features = align.candidate_features(actors_a, facts_a, actors_b, facts_b)
        spans_a, spans_b = ref_spans(row_a, art_a.text), ref_spans(row_b, art_b.text)
        refs_a = [fact_refs(f, spans_a) for f in facts_a]
        refs_b = [fact_refs(f, spans_b) for f in facts_b]
        gold = {(l["a"], l["b"]) for l in pair["labels"]["links"]}
        covered = set()
        for (i, j), feats in features.items():
            y = int(any((ra, rb) in gold for ra in refs_a[i] for rb in refs_b[j]))
            covered |= {(ra, rb) for ra in refs_a[i] for rb in refs_b[j] if (ra, rb) in gold}
            table.append((pair["id"], feats, y))
        kept += len(covered)
        total += len(gold)
    return table, (kept / total if total else 0.0)


def fit(write: bool = False) -> dict:
    """Fit the logistic link model on the dev pairs' candidates; report leave-pairs-out figures through the product."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from compare import align
    table, cand_recall = candidate_table("dev")
    feats = list(align.FEATURES)
    X = np.array([[f[k] for k in feats] for _, f, _ in table])
    y = np.array([t[2] for t in table])
    clf = LogisticRegression(C=1.0, max_iter=2000, class_weight=None).fit(X, y)
    model = dict(align.align_model())
    model.update(features=feats, weights=[round(float(w), 4) for w in clf.coef_[0]],
                 bias=round(float(clf.intercept_[0]), 4))
    out = {"candidates": len(table), "positives": int(y.sum()), "first_stage_recall": round(cand_recall, 3),
           "weights": dict(zip(feats, model["weights"])), "bias": model["bias"]}
    if write:
        model["fitted_on"] = (f"{len(set(t[0] for t in table))} labelled BASIL dev pairs (tests/data/align), "
                              f"{len(table)} candidate fact pairs, {int(y.sum())} linked")
        MODEL = ROOT / "compare" / "resources" / "engine" / "align.json"
        MODEL.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        out["written"] = str(MODEL)
    return out


if __name__ == "__main__":
    raise SystemExit(main())
