"""What a brief says: the sections of a Comparison as plain, JSON-ready data that the PDF writer lays out.

Everything here is deterministic (no clock, no randomness): the same comparison and template give the same dict.
Text stays plain text; ``{"text": ..., "marks": [[start, end], ...]}`` asks the writer to highlight spans.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

from compare import model
from compare.facts import article_letter
from compare.model import Comparison, Fact, PairComparison
from compare.profile.build import reporting_words
from compare.profile.types import Evidence
from compare.render.templates import Template, load_template
from compare.render.text import find_values

SECTION_TITLES = {
    "summary": "Summary",
    "shared": "Shared facts, side by side",
    "omissions": "Only in one article",
    "conflicts": "Conflicts",
    "sources": "Sources and quotes",
    "tone": "Tone and framing",
    "method": "Method and limits",
}
VERDICT_TEXT = {
    model.SAME_EVENT: "The articles report the same event.",
    model.RELATED_EVENTS: "The articles report related but different events.",
    model.DIFFERENT_EVENTS: "The articles report different events.",
}
LINK_ORDER = (model.SHARED, model.PARTIAL, model.CONFLICTING)  # the best link a fact takes part in wins
CONFLICT_ORDER = ("number", "date", "actor", "quote", "attribution")
MARK_CHARS = 60  # evidence "words" longer than this are clauses: highlighting them tells the reader nothing
EXAMPLE_CHARS = 240  # an example sentence in the sources table is shortened past this
OTHER_FRAMES = "all other frames"
TONE_WORD_CATEGORIES = ("loaded", "sensational", "intensifier")
READABILITY_ROWS = (  # the article's words and sentences are on its card (one count per article)
    ("words_per_sentence", "Words per sentence", 1),
    ("flesch_reading_ease", "Flesch reading ease (higher = easier)", 1),
    ("flesch_kincaid_grade", "Flesch–Kincaid grade", 1), ("gunning_fog", "Gunning fog", 1),
    ("smog", "SMOG", 1), ("dale_chall", "Dale–Chall", 1), ("lexical_density", "Lexical density", 2),
)


def brief_content(comparison: Comparison, template: Template | str | Path = "default") -> dict:
    """The brief of ``comparison`` under ``template``: title, the articles, and the chosen sections in order."""
    if not isinstance(template, Template):
        template = load_template(template)
    view = _View(comparison, template)
    return {
        "title": template.title,
        "subtitle": template.subtitle,
        "template": template.name,
        "articles": view.article_entries(),
        "sections": [{"id": name, "title": SECTION_TITLES[name], **getattr(view, name)()}
                     for name in template.sections],
        # beyond Latin Extended: the PDF checks these against its font and says which it cannot show
        "rare_characters": "".join(sorted({c for a in comparison.articles for c in a.text if ord(c) > 0x24F})),
    }


def label(index: int) -> str:
    """A, B, ... Z, then AA, AB, ... (the letters of the fact ids)."""
    return article_letter(index)


class _View:
    """One comparison seen through one template; each section method returns that section's data."""

    def __init__(self, comparison: Comparison, template: Template):
        self.c, self.t = comparison, template
        self.labels = [label(i) for i in range(len(comparison.articles))]
        self.facts = [{f.id: f for f in facts} for facts in comparison.facts] + [{}] * (
            len(comparison.articles) - len(comparison.facts))
        self.profiles = {p.article: p for p in comparison.profiles}

    # ------------------------------------------------------------------ helpers

    def outlet(self, i: int) -> str:
        name = (self.c.articles[i].outlet or "").strip()
        return name if name and name != "unknown" else "unknown outlet"

    def pair_name(self, pair: PairComparison) -> str:
        return f"{self.labels[pair.a]}–{self.labels[pair.b]}"

    def fact_text(self, article: int, fact_id: str) -> str:
        fact = self.facts[article].get(fact_id)
        return fact.text if fact else f"(fact {fact_id} not found)"

    def fact_entry(self, article: int, fact_id: str, needles=()) -> dict:
        fact = self.facts[article].get(fact_id)
        text = fact.text if fact else f"(fact {fact_id} not found)"
        entry = {"id": fact_id, "sentence": fact.sentence if fact else None, "role": fact.role if fact else None}
        entry.update(marked(text, needles, self.t.quote_chars))
        return entry

    def shorten(self, text: str) -> str:
        return shorten(text, self.t.quote_chars)

    def limit(self, rows: list) -> tuple[list, int]:
        """Rows kept under tables.max_rows, and how many were left out."""
        if self.t.max_rows and len(rows) > self.t.max_rows:
            return rows[: self.t.max_rows], len(rows) - self.t.max_rows
        return rows, 0

    def article_entries(self) -> list[dict]:
        entries = []
        for i, a in enumerate(self.c.articles):
            entries.append({
                "label": self.labels[i],
                "outlet": self.outlet(i),
                "outlet_rule": a.outlet_rule,
                "headline": a.headline,
                "date": a.date,
                "authors": list(a.authors),
                "words": reporting_words(a),  # = OutletProfile.words (same function): one word count per article
                "sentences": len(a.reporting_sentences),  # = OutletProfile.sentences
                "counted": "headline and body",
                "paragraphs": sum(1 for p in a.paragraphs if p.role == model.BODY),  # body paragraphs
                "facts": len(self.c.facts[i]) if i < len(self.c.facts) else 0,
                "source": a.source,
                "url": a.url,
                "sha256": a.content_hash,
                "colour": self.t.outlet_colours[i % len(self.t.outlet_colours)],
            })
        return entries

    @functools.cached_property
    def carried(self) -> list[dict[str, int]]:
        """Per article: fact id -> the best link another article has it in (index in LINK_ORDER); absent = only here."""
        best: list[dict[str, int]] = [{} for _ in self.c.articles]
        for pair in self.c.pairs:
            for link in pair.links:
                if link.kind not in LINK_ORDER:
                    continue
                rank = LINK_ORDER.index(link.kind)
                for article, ids in ((pair.a, link.a), (pair.b, link.b)):
                    for fid in ids:
                        best[article][fid] = min(rank, best[article].get(fid, rank))
        return best

    def overlap(self) -> dict:
        """Per article: how many of its facts another article shares, partly shares, contradicts, or lacks."""
        result = {}
        for i in range(len(self.c.articles)):
            total = len(self.c.facts[i]) if i < len(self.c.facts) else 0
            counts = {kind: sum(1 for r in self.carried[i].values() if r == k) for k, kind in enumerate(LINK_ORDER)}
            counts["only"] = max(total - sum(counts.values()), 0)
            counts["unsure"] = sum(1 for f in self.c.facts[i] if f.id not in self.carried[i] and f.id in self.unsure[i]) \
                if i < len(self.c.facts) else 0
            counts["total"] = total
            result[self.labels[i]] = counts
        return result

    def conflict_rows(self) -> list[dict]:
        rows = []
        for pair in self.c.pairs:
            for link in pair.links:
                if link.kind != model.CONFLICTING:
                    continue
                for conflict in link.conflicts or (model.Conflict("other", "", "", link.reason),):
                    rows.append({
                        "pair": self.pair_name(pair), "a": self.labels[pair.a], "b": self.labels[pair.b],
                        "kind": conflict.kind, "a_value": conflict.a, "b_value": conflict.b,
                        "detail": conflict.detail, "score": round(link.score, 3),
                    })
        order = {k: n for n, k in enumerate(CONFLICT_ORDER)}
        return sorted(rows, key=lambda r: order.get(r["kind"], len(order)))  # stable: reading order within a kind

    # ------------------------------------------------------------------ sections

    def summary(self) -> dict:
        pairs = []
        for pair in self.c.pairs:
            reasons = sorted(pair.verdict.reasons, key=lambda r: -abs(r.weight))[: self.t.max_reasons]
            pairs.append({
                "pair": self.pair_name(pair), "a": self.labels[pair.a], "b": self.labels[pair.b],
                "verdict": pair.verdict.label,
                "verdict_text": VERDICT_TEXT.get(pair.verdict.label, pair.verdict.label),
                "score": round(pair.verdict.score, 3),
                "reasons": [{"text": r.text, "weight": round(r.weight, 3), "evidence": list(r.evidence)}
                            for r in reasons],
                "shared_actors": list(pair.shared_actors),
            })
        differences = [{"kind": d.kind, "text": d.text, "evidence": list(d.evidence)}
                       for d in self.c.differences[: self.t.max_differences]]  # already in reading order
        return {"pairs": pairs, "overlap": self.overlap(), "differences": differences,
                "conflicts": self.conflict_rows()[: self.t.max_conflicts]}

    def shared(self) -> dict:
        n = len(self.c.articles)
        if n > 2 and self.c.matrix:
            rows = []
            for row in self.c.matrix:
                carried = [fid for fid in row.facts if fid]
                if len(carried) >= 2:
                    rows.append({"text": row.text, "cells": [
                        self.shorten(self.fact_text(i, fid)) if fid else None for i, fid in enumerate(row.facts)]})
            rows, more = self.limit(rows)
            return {"mode": "matrix", "columns": self.labels[:n], "rows": rows, "more": more,
                    "variants": self.variants()}
        pairs = []
        for pair in self.c.pairs:
            rows = []
            for link in pair.links:
                if link.kind not in (model.SHARED, model.PARTIAL):
                    continue
                rows.append({
                    "kind": link.kind, "score": round(link.score, 3), "reason": link.reason,
                    "a": [self.fact_entry(pair.a, fid) for fid in link.a],
                    "b": [self.fact_entry(pair.b, fid) for fid in link.b],
                })
            rows, more = self.limit(rows)
            pairs.append({"pair": self.pair_name(pair), "a": self.labels[pair.a], "b": self.labels[pair.b],
                          "rows": rows, "more": more})
        return {"mode": "pairs", "pairs": pairs, "variants": self.variants()}

    def variants(self) -> list[dict]:
        return [{"pair": self.pair_name(p), "actor": v.actor, "a_form": v.a_form, "b_form": v.b_form, "note": v.note}
                for p in self.c.pairs for v in p.actor_variants]

    @functools.cached_property
    def unsure(self) -> list[set[str]]:
        """Per article: facts the engine marked "possibly covered" by some other article (never a confident omission)."""
        out: list[set[str]] = [set() for _ in self.c.articles]
        for pair in self.c.pairs:
            for link in pair.links:
                if link.signals.get("possibly"):
                    out[pair.a if link.kind == model.ONLY_A else pair.b].update(link.a or link.b)
        return out

    def omissions(self) -> dict:
        """Per article, in reading order, the facts no other article carries (confidently: facts the engine is
        unsure of are counted apart, not listed as omissions)."""
        columns = []
        for i, facts in enumerate(self.c.facts):
            only = [f for f in sorted(facts, key=lambda f: (f.sentence, f.start))
                    if f.id not in self.carried[i] and f.id not in self.unsure[i]]
            rows, more = self.limit([self.fact_entry(i, f.id) for f in only])
            unsure = sum(1 for f in facts if f.id not in self.carried[i] and f.id in self.unsure[i])
            columns.append({"label": self.labels[i], "outlet": self.outlet(i), "facts": rows, "more": more,
                            "total": len(facts), "unsure": unsure})
        return {"articles": columns}

    def conflicts(self) -> dict:
        items = []
        for pair in self.c.pairs:
            for link in pair.links:
                if link.kind != model.CONFLICTING:
                    continue
                values_a = [c.a for c in link.conflicts if c.a]
                values_b = [c.b for c in link.conflicts if c.b]
                items.append({
                    "pair": self.pair_name(pair), "a": self.labels[pair.a], "b": self.labels[pair.b],
                    "score": round(link.score, 3), "reason": link.reason,
                    "values": [{"kind": c.kind, "a": c.a, "b": c.b, "detail": c.detail} for c in link.conflicts],
                    "a_facts": [self.fact_entry(pair.a, fid, values_a) for fid in link.a],
                    "b_facts": [self.fact_entry(pair.b, fid, values_b) for fid in link.b],
                })
        items, more = self.limit(items)
        return {"items": items, "more": more}

    def sources(self) -> dict:
        outlets = []
        for i, facts in enumerate(self.c.facts):
            outlets.append({"label": self.labels[i], "outlet": self.outlet(i),
                            **self.sourcing_from_facts(i, facts), **self.sourcing_from_profile(i)})
        return {"articles": outlets}

    def sourcing_from_facts(self, i: int, facts: tuple[Fact, ...]) -> dict:
        """Who speaks and who is cited, from the quotes and attributions of the facts."""
        speakers: dict[tuple[str, bool], dict] = {}
        for fact in facts:
            for q in fact.quotes:
                name = q.speaker or "unidentified speaker"
                s = speakers.setdefault((name, q.anonymous), _speaker(name, q.anonymous))
                s["quotes"] += 1
                s["examples"].append(shorten(q.text, EXAMPLE_CHARS))
            for a in fact.attributions:
                anonymous = a.kind == "anonymous"
                s = speakers.setdefault((a.source, anonymous), _speaker(a.source, anonymous, a.kind))
                s["attributions"] += 1
                s["examples"].append(shorten(self.sentence_text(i, fact), EXAMPLE_CHARS))
        rows = sorted(speakers.values(), key=lambda s: (-(s["quotes"] + s["attributions"]), s["name"]))
        for row in rows:
            row["examples"] = distinct_examples(row["examples"])[:2]
        return {
            "speakers": rows,
            "named": sum(1 for r in rows if not r["anonymous"]),
            "anonymous": sum(1 for r in rows if r["anonymous"]),
        }

    def sourcing_from_profile(self, i: int) -> dict:
        profile = self.profiles.get(i)
        sourcing = profile.sourcing if profile else None
        if sourcing is None:
            return {"profile": None}
        return {"profile": {
            "quotes": sourcing.quotes,
            "quoted_word_share": _round(sourcing.quoted_word_share),
            "attributed_share": _round(sourcing.attributed_share),
            "named": sourcing.named,
            "anonymous": sourcing.anonymous,
            "outlets_cited": list(sourcing.outlets),
            "speakers": [{"speaker": s.speaker, "quotes": s.quotes, "words": s.words, "share": _round(s.share),
                          "anonymous": s.anonymous} for s in sourcing.speakers],
            "anonymous_evidence": [self.evidence(e) for e in sourcing.anonymous_evidence[:3]],
            "note": sourcing.note,
        }}

    def sentence_text(self, i: int, fact: Fact) -> str:
        sentences = self.c.articles[i].sentences
        return sentences[fact.sentence].text if 0 <= fact.sentence < len(sentences) else fact.text

    def evidence(self, e: Evidence) -> dict:
        """An evidence sentence with its trigger words marked (a whole-clause "word" is not marked)."""
        words = [w for w in e.words if len(w) <= MARK_CHARS]
        return {"sentence": e.sentence, "quoted": e.quoted, **marked(e.text, words, self.t.quote_chars)}

    def tone(self) -> dict:
        outlets = []
        for i in range(len(self.c.articles)):
            p = self.profiles.get(i)
            outlets.append({
                "label": self.labels[i], "outlet": self.outlet(i),
                "notes": list(p.notes) if p else ["no outlet profile was computed"],
                "sentiment": self.sentiment(p.sentiment) if p else None,
                "framing": self.framing(p.framing) if p else None,
                "wording": self.wording(p.wording) if p else None,
                "readability": self.readability(p.readability) if p else None,
            })
        return {"articles": outlets, "actors": self.tone_actors(outlets), "frames": self.tone_frames(outlets)}

    def sentiment(self, s) -> dict | None:
        if s is None:
            return None
        return {
            "mean": _round(s.mean), "quoted_mean": _round(s.quoted_mean), "sentences": s.sentences,
            "distribution": {k: _round(v) for k, v in s.distribution.items()},
            "by_section": {k: _round(v) for k, v in s.by_section.items()},
            "negative": [self.evidence(e) for e in s.negative[:2]],
            "positive": [self.evidence(e) for e in s.positive[:2]],
            "targets": [{"actor": t.actor, "score": _round(t.score), "label": t.label, "sentences": t.sentences,
                         "quoted_score": _round(t.quoted_score)} for t in s.targets],
            "note": s.note,
        }

    def framing(self, f) -> dict | None:
        if f is None:
            return None
        return {
            "distribution": {k: _round(v) for k, v in sorted(f.distribution.items(), key=lambda kv: (-kv[1], kv[0]))},
            "headline_frame": f.headline_frame, "lead_frame": f.lead_frame,
            "frames": [{"frame": fs.frame, "share": _round(fs.share), "cues": list(fs.cues[:5]),
                        "evidence": [self.evidence(e) for e in fs.evidence[:1]]} for fs in f.frames[:3]],
            "note": f.note,
        }

    def wording(self, w) -> dict | None:
        if w is None:
            return None
        uses = [u for u in w.uses if u.category in TONE_WORD_CATEGORIES][:10]
        sentences: dict[int, tuple[str, set[str]]] = {}
        for u in uses:  # each sentence once, with all its loaded words marked
            for e in u.evidence[:2]:
                sentences.setdefault(e.sentence, (e.text, set()))[1].update((u.word, *e.words))
        return {
            "rates": {k: _round(v) for k, v in w.rates.items()},
            "loaded": [{"word": u.word, "category": u.category, "count": u.count, "quoted": u.quoted} for u in uses],
            "loaded_sentences": [{"sentence": k, **marked(sentences[k][0], sorted(sentences[k][1]), self.t.quote_chars)}
                                 for k in sorted(sentences)[:6]],
            "biased_share": _round(w.biased_share),
            "biased": [self.evidence(e) for e in w.biased[:3]],
            "labels": [{"actor": lab.actor, "labels": list(lab.labels)} for lab in w.labels],
            "note": w.note,
        }

    def readability(self, r) -> dict | None:
        if r is None:
            return None
        return {key: _round(getattr(r, key), digits) for key, _, digits in READABILITY_ROWS} | {"note": r.note}

    def tone_actors(self, outlets: list[dict]) -> dict:
        """Sentiment toward the actors most outlets talk about: actors x outlets, None where not scored."""
        scored = {(i, t["actor"]): t for i, o in enumerate(outlets)
                  for t in (o["sentiment"] or {}).get("targets", []) if t["score"] is not None}
        rows = []
        for group in self.actor_groups(scored):  # "Zelensky" in A and "Zelenskyy" in B: one row
            name = max(group.values(), key=lambda n: len(n.split()))  # the fullest form, else the first outlet's
            rows.append((name, sum(scored[i, n]["sentences"] for i, n in group.items()),
                         [scored[i, group[i]]["score"] if i in group else None for i in range(len(outlets))]))
        rows = sorted(rows, key=lambda r: (-r[1], r[0]))[:6]
        return {"actors": [name for name, _, _ in rows], "scores": [scores for _, _, scores in rows]}

    def actor_groups(self, scored) -> list[dict[int, str]]:
        """The scored (article, name) pairs as the engine grouped them (Comparison.actor_groups); a name it did not
        group (a comparison saved before the groups were) stands alone."""
        groups = [g for g in (grp.by_article() for grp in self.c.actor_groups) if all(k in scored for k in g.items())]
        grouped = {k for g in groups for k in g.items()}
        return groups + [{i: name} for i, name in scored if (i, name) not in grouped]

    def tone_frames(self, outlets: list[dict]) -> dict:
        """Frame shares per outlet over the frames that matter most across them (the rest as "other")."""
        weight: dict[str, float] = {}
        for o in outlets:
            for frame, share in ((o["framing"] or {}).get("distribution") or {}).items():
                weight[frame] = weight.get(frame, 0.0) + (share or 0.0)
        frames = sorted(weight, key=lambda f: (-weight[f], f))[:6]
        shares = []
        for o in outlets:
            dist = (o["framing"] or {}).get("distribution") or {}
            row = [dist.get(f) or 0.0 for f in frames]
            if dist:
                row.append(_round(max(0.0, sum(v or 0.0 for v in dist.values()) - sum(row))))
            shares.append(row if dist else None)
        if shares and all(row is None or not row[-1] for row in shares):  # nothing outside the top frames
            shares = [row[:-1] if row else row for row in shares]
            return {"frames": frames, "shares": shares}
        return {"frames": frames + ([OTHER_FRAMES] if frames else []), "shares": shares}

    def method(self) -> dict:
        m = self.c.method
        return {
            "tool_version": m.tool_version if m else None,
            "settings": dict(sorted(m.settings.items())) if m else {},  # sorted: a saved JSON keeps no other order
            "notes": [{"score": k, "text": v} for k, v in sorted(m.notes.items() if m else ())],
            "inputs": [{"label": self.labels[i], "outlet": self.outlet(i), "source": a.source,
                        "sha256": a.content_hash, "reader": a.reader, "outlet_rule": a.outlet_rule}
                       for i, a in enumerate(self.c.articles)],
            "schema_version": self.c.schema_version,
            "template": template_label(self.t),
        }


def template_label(template: Template) -> str:
    """The template as a reader names it: "default (packaged)" or the file name, never a full path."""
    if template.source.startswith("packaged:"):
        return f"{template.name} (packaged)"
    return Path(template.source).name


def _speaker(name: str, anonymous: bool, kind: str = "") -> dict:
    return {"name": name, "anonymous": anonymous, "kind": kind or ("anonymous" if anonymous else "named"),
            "quotes": 0, "attributions": 0, "examples": []}


def distinct_examples(examples: list[str]) -> list[str]:
    """Examples in order, dropping any contained in another (a quote and the sentence that carries it)."""
    def core(text: str) -> str:
        return " " + re.sub(r"\W+", " ", text.lower()).strip() + " "  # whole words only
    cores = [core(x) for x in examples]
    kept = []
    for i, x in enumerate(examples):
        inside = any(j != i and cores[i] in cores[j] and (cores[i] != cores[j] or j < i) for j in range(len(examples)))
        if not inside:
            kept.append(x)
    return kept


def _round(value, digits: int = 3):
    return None if value is None else round(float(value), digits)


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters with an ellipsis (0 = never)."""
    if not limit or len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip() + "…"


def marked(text: str, needles, limit: int = 0) -> dict:
    """``text`` (shortened around the first needle when over ``limit``) with the spans where each needle occurs as a whole word."""
    needles = [n for n in needles if n and n.strip()]
    if limit and len(text) > limit:
        first = min((s for s, _ in find_values(text, needles)), default=0)
        start = max(0, min(first - limit // 3, len(text) - limit))
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < start + 40 else start
        piece = text[start:start + limit - 2]
        text = ("…" if start else "") + piece + ("…" if start + len(piece) < len(text) else "")
    return {"text": text, "marks": [[s, e] for s, e in find_values(text, needles)]}
