"""The public sentence scores (compare.target_sentiment, compare.sentence_bias): what the README shows runs, the
profiles use them, and evidence words are never names."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

import compare
from compare.profile import scores

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_python_example_runs(capsys):
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Using newscompare from Python") :]
    block = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    exec(compile(block, "README", "exec"), {})
    label_line, bias_line = capsys.readouterr().out.splitlines()
    assert label_line.split()[0] in {"negative", "neutral", "positive"}
    assert 0.0 <= float(bias_line.split()[0]) <= 1.0


def test_docstring_examples():
    assert doctest.testmod(scores).failed == 0


def test_target_sentiment_gives_a_label_and_a_score():
    label, score = compare.target_sentiment("Critics blasted Smith for the disastrous rollout.", 16, 21)
    assert label == "negative" and -1.0 <= score < 0
    label, score = compare.target_sentiment("Voters praised Smith for her brilliant, generous work.", 15, 20)
    assert label == "positive" and score > 0


@pytest.mark.parametrize(
    "sentence,not_evidence",
    [
        (
            "The Supreme Court struck down the Defense of Marriage Act in a stunning, radical ruling.",
            {"supreme", "defense", "court"},
        ),
        ("Critics say the scheme would gut Social Security, a disastrous and reckless idea.", {"social", "security"}),
        ("Brian Kemp's shameful, outrageous attack on voters is a disgrace.", {"brian"}),
        (
            "Brian and his wife jointly filed the spousal claim, and the vote went smoothly.",
            {"brian", "jointly", "spousal", "smoothly"},
        ),
        ("Rutte is very focused on keeping the alliance together despite the pressure.", {"rutte"}),
    ],
)
def test_evidence_words_are_never_names_or_plain_words(sentence, not_evidence):
    _, words = compare.sentence_bias(sentence)
    assert not set(words) & not_evidence, words


def test_profiles_score_targets_through_the_public_api(monkeypatch):
    from compare.ingest import article_from_text
    from compare.model import Actor
    from compare.profile import sentiment
    from compare.profile.build import build_profile

    calls = []
    real = sentiment.target_probabilities
    monkeypatch.setattr(
        sentiment,
        "target_probabilities",
        lambda targets, model=None, features=None: calls.append(targets) or real(targets, model, features),
    )
    article = article_from_text(
        "Mayor Jane Roe under fire\n\nCritics blasted Jane Roe for the rollout. Jane Roe said little."
    )
    build_profile(article, 0, (), (Actor("Jane Roe", "person", ("Roe",)),))
    assert calls and all(isinstance(t[0], str) for t in calls[0])


def test_a_sentence_not_flagged_names_no_evidence_words():
    """Evidence is named for a flagged sentence only: "radical" alone does not make a report biased, and a word the
    sentence does not flag is not shown as if it did."""
    p, words = compare.sentence_bias("He said the bill was a radical step.")
    assert p < 0.5 and words == ()


def test_evidence_words_are_read_in_their_sentence():
    p, words = compare.sentence_bias("The senator's outrageous, shameful tirade stunned the chamber.")
    assert p >= 0.5 and {"outrageous", "shameful"} <= set(words)
