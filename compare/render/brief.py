"""What a brief says: the sections of a Comparison as the typed content of compare.render.content, which the PDF
writer lays out.

Everything here is deterministic (no clock, no randomness): the same comparison and template give the same brief.
Text stays plain text; a ``marks`` field asks the writer to highlight spans of its ``text``. Rendering reads the
Comparison only: the engine has already grouped the actors across articles (Comparison.actor_groups).
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

from compare import model
from compare.facts import article_letter
from compare.model import Comparison, Fact, PairComparison
from compare.nlp.actors import PLACE
from compare.profile.build import reporting_words
from compare.profile.sourcing import UNATTRIBUTED
from compare.profile.types import Evidence
from compare.profile.wording import TONE_CATEGORIES
from compare.render.content import (
    READABILITY_ROWS,
    ActorLabelList,
    ArticleCard,
    ArticleSources,
    ArticleTone,
    Brief,
    ConflictItem,
    ConflictRow,
    ConflictsSection,
    ConflictValue,
    DifferenceLine,
    EvidenceEntry,
    FactEntry,
    FrameEntry,
    Framing,
    LoadedSentence,
    LoadedWord,
    Marked,
    MatrixFact,
    MethodInput,
    MethodNote,
    MethodSection,
    NameVariant,
    OmissionsSection,
    OmittedFacts,
    Overlap,
    PairVerdict,
    QuotedSpeaker,
    Readability,
    ReasonLine,
    Section,
    Sentiment,
    SharedLink,
    SharedMatrixSection,
    SharedPair,
    SharedPairsSection,
    SourcesSection,
    SourcingFigures,
    Speaker,
    SummarySection,
    TargetScore,
    ToneActors,
    ToneFrames,
    ToneSection,
    Wording,
)
from compare.render.templates import Template, load_template
from compare.render.text import find_values

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


def brief_content(comparison: Comparison, template: Template | str | Path = "default") -> Brief:
    """The brief of ``comparison`` under ``template``: title, the articles, and the chosen sections in order."""
    if not isinstance(template, Template):
        template = load_template(template)
    view = _View(comparison, template)
    return Brief(
        title=template.title,
        subtitle=template.subtitle,
        template=template.name,
        articles=view.article_cards(),
        sections=tuple(view.section(name) for name in template.sections),
        # beyond Latin Extended: the PDF checks these against its font and says which it cannot show
        rare_characters="".join(sorted({c for a in comparison.articles for c in a.text if ord(c) > 0x24F})),
    )


def label(index: int) -> str:
    """A, B, ... Z, then AA, AB, ... (the letters of the fact ids)."""
    return article_letter(index)


class _View:
    """One comparison seen through one template; each section method returns that section's content."""

    def __init__(self, comparison: Comparison, template: Template):
        self.c, self.t = comparison, template
        self.labels = [label(i) for i in range(len(comparison.articles))]
        self.facts = [{f.id: f for f in facts} for facts in comparison.facts] + [{}] * (
            len(comparison.articles) - len(comparison.facts))
        self.profiles = {p.article: p for p in comparison.profiles}

    def section(self, name: str) -> Section:
        return getattr(self, name)()

    # ------------------------------------------------------------------ helpers

    def outlet(self, i: int) -> str:
        name = (self.c.articles[i].outlet or "").strip()
        return name if name and name != "unknown" else "unknown outlet"

    def pair_name(self, pair: PairComparison) -> str:
        return f"{self.labels[pair.a]}–{self.labels[pair.b]}"

    def fact_text(self, article: int, fact_id: str) -> str:
        fact = self.facts[article].get(fact_id)
        return fact.text if fact else f"(fact {fact_id} not found)"

    def fact_entry(self, article: int, fact_id: str, needles=()) -> FactEntry:
        fact = self.facts[article].get(fact_id)
        text = marked(fact.text if fact else f"(fact {fact_id} not found)", needles, self.t.quote_chars)
        return FactEntry(id=fact_id, sentence=fact.sentence if fact else None, role=fact.role if fact else None,
                         text=text.text, marks=text.marks)

    def shorten(self, text: str) -> str:
        return shorten(text, self.t.quote_chars)

    def limit(self, rows: list) -> tuple[tuple, int]:
        """Rows kept under tables.max_rows, and how many were left out."""
        if self.t.max_rows and len(rows) > self.t.max_rows:
            return tuple(rows[: self.t.max_rows]), len(rows) - self.t.max_rows
        return tuple(rows), 0

    def article_cards(self) -> tuple[ArticleCard, ...]:
        return tuple(ArticleCard(
            label=self.labels[i],
            outlet=self.outlet(i),
            outlet_rule=a.outlet_rule,
            headline=a.headline,
            date=a.date,
            authors=tuple(a.authors),
            words=reporting_words(a),  # = OutletProfile.words (same function): one word count per article
            sentences=len(a.reporting_sentences),  # = OutletProfile.sentences
            counted="headline and body",
            paragraphs=sum(1 for p in a.paragraphs if p.role == model.BODY),  # body paragraphs
            facts=len(self.c.facts[i]) if i < len(self.c.facts) else 0,
            source=a.source,
            url=a.url,
            sha256=a.content_hash,
            colour=self.t.outlet_colours[i % len(self.t.outlet_colours)],
        ) for i, a in enumerate(self.c.articles))

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

    def overlap(self) -> dict[str, Overlap]:
        """Per article: how many of its facts another article shares, partly shares, contradicts, or lacks."""
        result = {}
        for i in range(len(self.c.articles)):
            facts = self.c.facts[i] if i < len(self.c.facts) else ()
            counts = [sum(1 for r in self.carried[i].values() if r == k) for k in range(len(LINK_ORDER))]
            unsure = sum(1 for f in facts if f.id not in self.carried[i] and f.id in self.unsure[i])
            result[self.labels[i]] = Overlap(*counts, only=max(len(facts) - sum(counts), 0), unsure=unsure,
                                             total=len(facts))
        return result

    def conflict_rows(self) -> list[ConflictRow]:
        rows = []
        for pair in self.c.pairs:
            for link in pair.links:
                if link.kind != model.CONFLICTING:
                    continue
                for conflict in link.conflicts or (model.Conflict("other", "", "", link.reason),):
                    rows.append(ConflictRow(
                        pair=self.pair_name(pair), a=self.labels[pair.a], b=self.labels[pair.b],
                        kind=conflict.kind, a_value=conflict.a, b_value=conflict.b,
                        detail=conflict.detail, score=round(link.score, 3),
                    ))
        order = {k: n for n, k in enumerate(CONFLICT_ORDER)}
        return sorted(rows, key=lambda r: order.get(r.kind, len(order)))  # stable: reading order within a kind

    # ------------------------------------------------------------------ sections

    def summary(self) -> SummarySection:
        pairs = []
        for pair in self.c.pairs:
            reasons = sorted(pair.verdict.reasons, key=lambda r: -abs(r.weight))[: self.t.max_reasons]
            pairs.append(PairVerdict(
                pair=self.pair_name(pair), a=self.labels[pair.a], b=self.labels[pair.b],
                verdict=pair.verdict.label,
                verdict_text=VERDICT_TEXT.get(pair.verdict.label, pair.verdict.label),
                score=round(pair.verdict.score, 3),
                reasons=tuple(ReasonLine(r.text, round(r.weight, 3), tuple(r.evidence)) for r in reasons),
                shared_actors=tuple(pair.shared_actors),
            ))
        differences = tuple(DifferenceLine(d.kind, d.text, tuple(d.evidence))
                            for d in self.c.differences[: self.t.max_differences])  # already in reading order
        return SummarySection(pairs=tuple(pairs), overlap=self.overlap(), differences=differences,
                              conflicts=tuple(self.conflict_rows()[: self.t.max_conflicts]))

    def shared(self) -> SharedMatrixSection | SharedPairsSection:
        n = len(self.c.articles)
        if n > 2 and self.c.matrix:
            rows = []
            for row in self.c.matrix:
                carried = [fid for fid in row.facts if fid]
                if len(carried) >= 2:
                    rows.append(MatrixFact(row.text, tuple(
                        self.shorten(self.fact_text(i, fid)) if fid else None for i, fid in enumerate(row.facts))))
            rows, more = self.limit(rows)
            return SharedMatrixSection(columns=tuple(self.labels[:n]), rows=rows, more=more,
                                       variants=self.variants())
        pairs = []
        for pair in self.c.pairs:
            rows = []
            for link in pair.links:
                if link.kind not in (model.SHARED, model.PARTIAL):
                    continue
                rows.append(SharedLink(
                    kind=link.kind, score=round(link.score, 3), reason=link.reason,
                    a=tuple(self.fact_entry(pair.a, fid) for fid in link.a),
                    b=tuple(self.fact_entry(pair.b, fid) for fid in link.b),
                ))
            rows, more = self.limit(rows)
            pairs.append(SharedPair(pair=self.pair_name(pair), a=self.labels[pair.a], b=self.labels[pair.b],
                                    rows=rows, more=more))
        return SharedPairsSection(pairs=tuple(pairs), variants=self.variants())

    def variants(self) -> tuple[NameVariant, ...]:
        return tuple(NameVariant(self.pair_name(p), v.actor, v.a_form, v.b_form, v.note)
                     for p in self.c.pairs for v in p.actor_variants)

    @functools.cached_property
    def unsure(self) -> list[set[str]]:
        """Per article: facts the engine marked "possibly covered" by some other article (never a confident
        omission)."""
        out: list[set[str]] = [set() for _ in self.c.articles]
        for pair in self.c.pairs:
            for link in pair.links:
                if link.signals.get("possibly"):
                    out[pair.a if link.kind == model.ONLY_A else pair.b].update(link.a or link.b)
        return out

    def omissions(self) -> OmissionsSection:
        """Per article, in reading order, the facts no other article carries (confidently: facts the engine is
        unsure of are counted apart, not listed as omissions)."""
        columns = []
        for i, facts in enumerate(self.c.facts):
            only = [f for f in sorted(facts, key=lambda f: (f.sentence, f.start))
                    if f.id not in self.carried[i] and f.id not in self.unsure[i]]
            rows, more = self.limit([self.fact_entry(i, f.id) for f in only])
            unsure = sum(1 for f in facts if f.id not in self.carried[i] and f.id in self.unsure[i])
            columns.append(OmittedFacts(label=self.labels[i], outlet=self.outlet(i), facts=rows, more=more,
                                        total=len(facts), unsure=unsure))
        return OmissionsSection(articles=tuple(columns))

    def conflicts(self) -> ConflictsSection:
        items = []
        for pair in self.c.pairs:
            for link in pair.links:
                if link.kind != model.CONFLICTING:
                    continue
                values_a = [c.a for c in link.conflicts if c.a]
                values_b = [c.b for c in link.conflicts if c.b]
                items.append(ConflictItem(
                    pair=self.pair_name(pair), a=self.labels[pair.a], b=self.labels[pair.b],
                    score=round(link.score, 3), reason=link.reason,
                    values=tuple(ConflictValue(c.kind, c.a, c.b, c.detail) for c in link.conflicts),
                    a_facts=tuple(self.fact_entry(pair.a, fid, values_a) for fid in link.a),
                    b_facts=tuple(self.fact_entry(pair.b, fid, values_b) for fid in link.b),
                ))
        items, more = self.limit(items)
        return ConflictsSection(items=items, more=more)

    def sources(self) -> SourcesSection:
        outlets = []
        for i, facts in enumerate(self.c.facts):
            speakers = self.speakers_in_facts(i, facts)
            outlets.append(ArticleSources(label=self.labels[i], outlet=self.outlet(i), speakers=speakers,
                                          named=sum(1 for r in speakers if r.kind in ("named", "outlet")),
                                          anonymous=sum(1 for r in speakers if r.anonymous),
                                          profile=self.sourcing_from_profile(i)))
        return SourcesSection(articles=tuple(outlets))

    def speakers_in_facts(self, i: int, facts: tuple[Fact, ...]) -> tuple[Speaker, ...]:
        """Who speaks and who is cited, from the quotes and attributions of the facts."""
        speakers: dict[tuple[str, bool], dict] = {}
        for fact in facts:
            for q in fact.quotes:
                if q.speaker:
                    s = speakers.setdefault((q.speaker, q.anonymous), _speaker(q.speaker, q.anonymous))
                else:  # no speaker found: a row of its own, never counted as a named source
                    s = speakers.setdefault((UNATTRIBUTED, False), _speaker(UNATTRIBUTED, False, "unattributed"))
                s["quotes"] += 1
                s["examples"].append(shorten(q.text, EXAMPLE_CHARS))
            for a in fact.attributions:
                anonymous = a.kind == "anonymous"
                s = speakers.setdefault((a.source, anonymous), _speaker(a.source, anonymous, a.kind))
                s["attributions"] += 1
                s["examples"].append(shorten(self.sentence_text(i, fact), EXAMPLE_CHARS))
        rows = sorted(speakers.values(), key=lambda s: (-(s["quotes"] + s["attributions"]), s["name"]))
        return tuple(Speaker(**{**row, "examples": tuple(distinct_examples(row["examples"])[:2])}) for row in rows)

    def sourcing_from_profile(self, i: int) -> SourcingFigures | None:
        profile = self.profiles.get(i)
        sourcing = profile.sourcing if profile else None
        if sourcing is None:
            return None
        return SourcingFigures(
            quotes=sourcing.quotes,
            quoted_word_share=_round(sourcing.quoted_word_share),
            attributed_share=_round(sourcing.attributed_share),
            named=sourcing.named,
            anonymous=sourcing.anonymous,
            outlets_cited=tuple(sourcing.outlets),
            speakers=tuple(QuotedSpeaker(s.speaker, s.quotes, s.words, _round(s.share), s.anonymous)
                           for s in sourcing.speakers),
            anonymous_evidence=tuple(self.evidence(e) for e in sourcing.anonymous_evidence[:3]),
            note=sourcing.note,
        )

    def sentence_text(self, i: int, fact: Fact) -> str:
        sentences = self.c.articles[i].sentences
        return sentences[fact.sentence].text if 0 <= fact.sentence < len(sentences) else fact.text

    def evidence(self, e: Evidence) -> EvidenceEntry:
        """An evidence sentence with its trigger words marked (a whole-clause "word" is not marked)."""
        text = marked(e.text, [w for w in e.words if len(w) <= MARK_CHARS], self.t.quote_chars)
        return EvidenceEntry(sentence=e.sentence, quoted=e.quoted, text=text.text, marks=text.marks)

    def tone(self) -> ToneSection:
        outlets = []
        for i in range(len(self.c.articles)):
            p = self.profiles.get(i)
            outlets.append(ArticleTone(
                label=self.labels[i], outlet=self.outlet(i),
                notes=tuple(p.notes) if p else ("no outlet profile was computed",),
                sentiment=self.sentiment(p.sentiment) if p else None,
                framing=self.framing(p.framing) if p else None,
                wording=self.wording(p.wording) if p else None,
                readability=self.readability(p.readability) if p else None,
            ))
        return ToneSection(articles=tuple(outlets), actors=self.tone_actors(outlets), frames=self.tone_frames(outlets))

    def sentiment(self, s) -> Sentiment | None:
        if s is None:
            return None
        return Sentiment(
            mean=_round(s.mean), quoted_mean=_round(s.quoted_mean), sentences=s.sentences,
            distribution={k: _round(v) for k, v in s.distribution.items()},
            by_section={k: _round(v) for k, v in s.by_section.items()},
            negative=tuple(self.evidence(e) for e in s.negative[:2]),
            positive=tuple(self.evidence(e) for e in s.positive[:2]),
            targets=tuple(TargetScore(t.actor, _round(t.score), t.label, t.sentences, _round(t.quoted_score))
                          for t in s.targets),
            note=s.note,
        )

    def framing(self, f) -> Framing | None:
        if f is None:
            return None
        return Framing(
            distribution={k: _round(v) for k, v in sorted(f.distribution.items(), key=lambda kv: (-kv[1], kv[0]))},
            headline_frame=f.headline_frame, lead_frame=f.lead_frame,
            frames=tuple(FrameEntry(fs.frame, _round(fs.share), tuple(fs.cues[:5]),
                                    tuple(self.evidence(e) for e in fs.evidence[:1])) for fs in f.frames[:3]),
            note=f.note,
        )

    def wording(self, w) -> Wording | None:
        if w is None:
            return None
        # the lexicon's loaded and sensational words, as the difference lines count them; intensifiers ("very",
        # "routinely") charge no word of their own and count in the rates only
        uses = [u for u in w.uses if u.category in TONE_CATEGORIES][:10]
        sentences: dict[int, tuple[str, set[str]]] = {}
        for u in uses:  # each sentence once, with all its loaded words marked
            for e in u.evidence[:2]:
                sentences.setdefault(e.sentence, (e.text, set()))[1].update((u.word, *e.words))
        loaded_sentences = []
        for k in sorted(sentences)[:6]:
            text = marked(sentences[k][0], sorted(sentences[k][1]), self.t.quote_chars)
            loaded_sentences.append(LoadedSentence(sentence=k, text=text.text, marks=text.marks))
        return Wording(
            rates={k: _round(v) for k, v in w.rates.items()},
            loaded=tuple(LoadedWord(u.word, u.category, u.count, u.quoted) for u in uses),
            loaded_sentences=tuple(loaded_sentences),
            biased_share=_round(w.biased_share),
            biased=tuple(self.evidence(e) for e in w.biased[:3]),
            labels=tuple(ActorLabelList(lab.actor, tuple(lab.labels)) for lab in w.labels),
            note=w.note,
        )

    def readability(self, r) -> Readability | None:
        if r is None:
            return None
        return Readability(**{key: _round(getattr(r, key), digits) for key, _, digits in READABILITY_ROWS},
                           note=r.note)

    def tone_actors(self, outlets: list[ArticleTone]) -> ToneActors:
        """Sentiment toward the actors most outlets talk about: actors x outlets, None where not scored."""
        places = {(i, a.name) for i, actors in enumerate(self.c.actors) for a in actors if a.kind == PLACE}
        scored = {(i, t.actor): t for i, o in enumerate(outlets)  # people, organisations and groups: a place
                  for t in (o.sentiment.targets if o.sentiment else ())  # ("Washington") is not written of as one
                  if t.score is not None and (i, t.actor) not in places}
        rows = []
        for group in self.actor_groups(scored):  # "Zelensky" in A and "Zelenskyy" in B: one row
            name = max(group.values(), key=lambda n: len(n.split()))  # the fullest form, else the first outlet's
            rows.append((name, sum(scored[i, n].sentences for i, n in group.items()),
                         tuple(scored[i, group[i]].score if i in group else None for i in range(len(outlets)))))
        rows = sorted(rows, key=lambda r: (-r[1], r[0]))[:6]
        return ToneActors(actors=tuple(name for name, _, _ in rows), scores=tuple(scores for _, _, scores in rows))

    def actor_groups(self, scored) -> list[dict[int, str]]:
        """The scored (article, name) pairs as the engine grouped them (Comparison.actor_groups). A comparison saved
        before the engine recorded its groups has none: there one name in several articles is one group."""
        groups = [g for g in (grp.by_article() for grp in self.c.actor_groups) if all(k in scored for k in g.items())]
        grouped = {k for g in groups for k in g.items()}
        by_name: dict[str, list[dict[int, str]]] = {}
        for i, name in scored:
            if (i, name) in grouped:
                continue
            group = next((g for g in by_name.setdefault(name, []) if i not in g), None)
            if group is None:
                group = {}
                by_name[name].append(group)
                groups.append(group)
            group[i] = name
        return groups

    def tone_frames(self, outlets: list[ArticleTone]) -> ToneFrames:
        """Frame shares per outlet over the frames that matter most across them (the rest as "other")."""
        dists = [(o.framing.distribution if o.framing else None) or {} for o in outlets]
        weight: dict[str, float] = {}
        for dist in dists:
            for frame, share in dist.items():
                weight[frame] = weight.get(frame, 0.0) + (share or 0.0)
        frames = sorted(weight, key=lambda f: (-weight[f], f))[:6]
        shares = []
        for dist in dists:
            row = [dist.get(f) or 0.0 for f in frames]
            if dist:
                row.append(_round(max(0.0, sum(v or 0.0 for v in dist.values()) - sum(row))))
            shares.append(tuple(row) if dist else None)
        if shares and all(row is None or not row[-1] for row in shares):  # nothing outside the top frames
            return ToneFrames(frames=tuple(frames), shares=tuple(row[:-1] if row else row for row in shares))
        return ToneFrames(frames=tuple(frames + ([OTHER_FRAMES] if frames else [])), shares=tuple(shares))

    def method(self) -> MethodSection:
        m = self.c.method
        return MethodSection(
            tool_version=m.tool_version if m else None,
            settings=dict(sorted(m.settings.items())) if m else {},  # sorted: a saved JSON keeps no other order
            notes=tuple(MethodNote(k, v) for k, v in sorted(m.notes.items() if m else ())),
            inputs=tuple(MethodInput(label=self.labels[i], outlet=self.outlet(i), source=a.source,
                                     sha256=a.content_hash, reader=a.reader, outlet_rule=a.outlet_rule)
                         for i, a in enumerate(self.c.articles)),
            schema_version=self.c.schema_version,
            template=template_label(self.t),
        )


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


def marked(text: str, needles, limit: int = 0) -> Marked:
    """``text`` (shortened around the first needle when over ``limit``) with the spans where each needle occurs as
    a whole word."""
    needles = [n for n in needles if n and n.strip()]
    if limit and len(text) > limit:
        first = min((s for s, _ in find_values(text, needles)), default=0)
        start = max(0, min(first - limit // 3, len(text) - limit))
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < start + 40 else start
        piece = text[start:start + limit - 2]
        text = ("…" if start else "") + piece + ("…" if start + len(piece) < len(text) else "")
    return Marked(text=text, marks=tuple((s, e) for s, e in find_values(text, needles)))
