"""Time the outlet profiles of the two seed articles (cold and warm) and print a short summary of each.

Usage: python bench/bench_profile.py [--repeat N] [--no-facts]
Facts come from compare.facts.extract_facts when it imports; with --no-facts (or when it fails) profiles use
name matching and quotation marks only. Timings cover build_profile + profile_differences, not ingest or facts.
Cold is the first run in the process (imports numpy and textstat, loads the models, VADER and the hyphenation
patterns); each warm run first empties the caches keyed by text or words (TEXT_CACHES, and textstat's caches keyed by
the whole text), so it times the work a new article pair needs with everything loaded.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from compare.ingest import read_article  # noqa: E402
from compare.nlp import encoder  # noqa: E402
from compare.profile import (  # noqa: E402
    build_profile,
    differences,
    framing,
    profile_differences,
    textfeatures,  # noqa: E402
)
from compare.profile.textfeatures import tokens  # noqa: E402

# Caches keyed by a text or its words: emptied before each warm run (the models, lexicons and VADER stay loaded).
TEXT_CACHES = (tokens, textfeatures._sentence_context, textfeatures.words_matrix,
               framing.sentence_frames, encoder.sentence_states, differences._without_capital_stops,
               differences._folded)
SEEDS = ("seeds/rutte-white-house-nato-dues.txt", "seeds/foxnews-rutte-ukraine-talks.txt")


def facts_for(articles, use_facts: bool):
    """(actors, facts) per article from the engine, or empty when it is unavailable."""
    if use_facts:
        try:
            from compare.facts import extract_facts

            return [extract_facts(a, i) for i, a in enumerate(articles)]
        except Exception as exc:  # the engine is another stage; the bench still runs without it
            print(f"facts unavailable ({exc!r}); profiling without them")
    return [((), ()) for _ in articles]


def text_caches() -> list:
    """TEXT_CACHES and textstat's own caches, which are keyed by the whole text (a new article pair fills them anew)."""
    caches = list(TEXT_CACHES)
    for name, module in list(sys.modules.items()):
        if name.startswith("textstat."):
            caches += [f for f in vars(module).values() if callable(getattr(f, "cache_clear", None))]
    return caches


def run(articles, extracted):
    profiles = [build_profile(a, i, facts, actors) for i, (a, (actors, facts)) in enumerate(zip(articles, extracted))]
    return profiles, profile_differences(articles, profiles)


def summary(profile) -> str:
    s, f, w, so, r = profile.sentiment, profile.framing, profile.wording, profile.sourcing, profile.readability
    targets = ", ".join(f"{t.actor} {t.score:+.2f} ({sum(t.counts.values()):.0f})" for t in s.targets[:5] if t.score is not None)
    frames = ", ".join(f"{x.frame} {x.share:.0%}" for x in f.frames[:3])
    speakers = ", ".join(f"{x.speaker} {x.share:.0%}" for x in so.speakers[:3])
    return "\n".join([
        f"[{profile.article}] {profile.outlet}: {profile.sentences} sentences, {profile.words} words; notes: {list(profile.notes)}",
        f"  tone: mean {s.mean}, quoted {s.quoted_mean}, by section {s.by_section}, clearly neg {s.distribution.get('clearly_negative')}",
        f"  toward: {targets}",
        f"  frames: {frames}; headline {f.headline_frame}, lead {f.lead_frame}; headline actors {list(f.placement.headline_actors)}",
        f"  wording: per 1,000 {{loaded {w.rates.get('loaded')}, sensational {w.rates.get('sensational')}, hedge {w.rates.get('hedge')}}}, "
        f"biased share {w.biased_share}, flagged words {[list(e.words) for e in w.biased[:3]]}, report verbs {dict(list(w.report_verbs.items())[:5])}",
        f"  sourcing: {so.quotes} quotes, quoted share {so.quoted_word_share}, named {so.named}, anonymous {so.anonymous}, "
        f"outlets {list(so.outlets)}, attributed share {so.attributed_share}; speakers {speakers}",
        f"  readability: FRE {r.flesch_reading_ease}, FK {r.flesch_kincaid_grade}, fog {r.gunning_fog}, SMOG {r.smog}, "
        f"Dale-Chall {r.dale_chall}, words/sentence {r.words_per_sentence}, lexical density {r.lexical_density}",
    ])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--no-facts", action="store_true")
    args = ap.parse_args()
    articles = [read_article(str(ROOT / p)) for p in SEEDS]
    extracted = facts_for(articles, not args.no_facts)
    t0 = time.perf_counter()
    profiles, differences = run(articles, extracted)
    cold = time.perf_counter() - t0
    warm = []
    for _ in range(args.repeat):
        for cache in text_caches():  # time real work, not the text caches filled by the previous run
            cache.cache_clear()
        t0 = time.perf_counter()
        run(articles, extracted)
        warm.append(time.perf_counter() - t0)
    print(f"profiles + differences for the two seeds: cold {cold * 1000:.0f} ms (loads models, VADER, textstat), "
          f"warm median {statistics.median(warm) * 1000:.1f} ms, min {min(warm) * 1000:.1f} ms over {args.repeat} runs")
    for p in profiles:
        print(summary(p))
    print("differences:")
    for d in differences:
        print(f"  {d.rank:.2f} {d.kind}: {d.text}")


if __name__ == "__main__":
    main()
