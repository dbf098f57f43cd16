"""Sentence splitting: the labelled news cases and span invariants (accuracy is gated in test_quality_gates.py)."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings, strategies as st

from compare.nlp.sentences import split_sentences
from conftest import DATA

CASES = json.loads((DATA / "sentences" / "cases.json").read_text(encoding="utf-8"))


def sentences_of(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def case_param(case):
    marks = [pytest.mark.xfail(reason=case["known_failure"], strict=True)] if "known_failure" in case else []
    return pytest.param(case, id=case["id"], marks=marks)


def test_case_file_is_well_formed():
    ids = [case["id"] for case in CASES]
    assert len(CASES) >= 60 and len(ids) == len(set(ids))
    for case in CASES:
        assert case["sentences"] and all(s == s.strip() and s for s in case["sentences"]), case["id"]
        assert all(s in case["text"] for s in case["sentences"]), case["id"]
        assert "".join(case["text"].split()) == "".join("".join(case["sentences"]).split()), case["id"]


@pytest.mark.parametrize("case", [case_param(c) for c in CASES])
def test_case(case):
    assert sentences_of(case["text"]) == case["sentences"]


@pytest.mark.parametrize("text", ["", " ", "\n\n", ".", "...", "“”", "U.S.", "a.m. p.m.", "(D-Mass.)", "1."])
def test_degenerate_input_does_not_crash(text):
    spans = split_sentences(text)
    assert all(text[s:e].strip() for s, e in spans)


_NEWSY = st.text(
    alphabet=st.sampled_from(list("aAbBsSuUkKmMnN .....,,?!;:—-–…\"'“”‘’()\n\t 0123456789")) | st.characters(),
    max_size=300,
)


@settings(max_examples=300, deadline=None)
@given(_NEWSY)
def test_spans_are_ordered_trimmed_and_cover_all_text(text):
    spans = split_sentences(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        assert not text[previous_end:start].strip()
        previous_end = end
    assert not text[previous_end:].strip()
