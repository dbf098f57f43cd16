"""The shipped encoder behind the sentiment toward a target (compare/nlp/encoder.py): word pieces carry their word's
place in the sentence, each target reads its own states, and no input breaks it."""

from __future__ import annotations

import numpy as np

from compare.nlp import encoder


def test_pieces_carry_the_span_of_their_word():
    text = "Zelenskyy's café reopened."
    got = encoder.pieces(text)
    vocab = {i: p for p, i in encoder.vocabulary().items()}
    words = {(a, z) for _, a, z in got}
    assert {text[a:z] for a, z in words} == {"Zelenskyy", "'", "s", "café", "reopened", "."}
    cafe = [vocab[i] for i, a, z in got if text[a:z] == "café"]
    assert cafe == ["cafe"]  # lower-cased, accent stripped, as the encoder was trained
    assert "".join(vocab[i].removeprefix("##") for i, a, z in got if text[a:z] == "Zelenskyy") == "zelenskyy"


def test_a_word_no_piece_covers_is_one_unknown_piece():
    unknown = encoder.vocabulary()["[UNK]"]
    assert [i for i, _, _ in encoder.pieces("☃☃☃ hello")][0] == unknown
    assert encoder.pieces("x" * 101)[0][0] == unknown  # longer than BERT's word limit


def test_targets_of_one_sentence_share_its_states_but_not_their_own():
    sentence = "Pence deftly ignored Kaine's immature invective."
    pence, kaine = (sentence, 0, 5), (sentence, 21, 26)
    vectors = encoder.context_vectors([pence, kaine, pence])
    dims = encoder.DIMS
    assert vectors.shape == (3, encoder.CONTEXT_DIMS) and vectors.dtype == np.float32
    assert np.array_equal(vectors[0], vectors[2])  # the same target in one call: the same figures
    assert np.array_equal(vectors[0, 2 * dims:3 * dims], vectors[1, 2 * dims:3 * dims])  # the sentence block
    assert not np.allclose(vectors[0, :dims], vectors[1, :dims])  # each target its own pieces
    alone = encoder.context_vectors([kaine])
    assert np.array_equal(alone[0], vectors[1])


def test_a_sentence_gets_the_same_figures_whatever_else_is_encoded():
    """The int8 encoder quantises a call's activations with one scale: sentences encoded together would change each
    other's figures, so each is encoded alone."""
    target = ("Critics blasted Smith for the disastrous rollout.", 16, 21)
    long = ("Officials said on Tuesday that the long-delayed budget, which had been debated for months by "
            "committees in both chambers, would finally be voted on next week.", 0, 9)
    alone = encoder.context_vectors([target])
    assert np.array_equal(encoder.context_vectors([long, target])[1], alone[0])


def test_odd_input_gives_figures_not_errors():
    long = "word " * 400 + "Smith failed."
    cases = [("", 0, 0), ("...", 0, 3), (long, len(long) - 13, len(long) - 8), ("Smith", 0, 5)]
    vectors = encoder.context_vectors(cases)
    assert vectors.shape == (4, encoder.CONTEXT_DIMS) and np.isfinite(vectors).all()
    assert encoder.context_vectors([]).shape == (0, encoder.CONTEXT_DIMS)


def test_tone_reads_at_most_the_first_sentences_naming_an_actor(monkeypatch):
    from compare.ingest import article_from_text
    from compare.model import Actor
    from compare.profile import build_profile, sentiment

    text = "Roe wins praise.\n\n" + " ".join(f"Jane Roe spoke at event {k}." for k in range(1, 9))
    article = article_from_text(text)
    actor = (Actor("Jane Roe", "person", ("Roe",)),)
    (everything,) = build_profile(article, 0, (), actor).sentiment.targets
    monkeypatch.setattr(sentiment, "MAX_TONE_SENTENCES", 3)
    (capped,) = build_profile(article, 0, (), actor).sentiment.targets
    assert everything.sentences == 9 and capped.sentences == 3


def test_the_text_diff_never_loads_the_encoder():
    """The text diff shows neither tone toward actors nor evidence words: it runs without onnxruntime (faster start)."""
    import subprocess
    import sys

    from conftest import SEED_A, SEED_B

    code = ("import sys; from compare.cli import main; sys.argv = ['newscompare', 'diff', sys.argv[1], sys.argv[2]]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('encoder loaded' if 'onnxruntime' in sys.modules else 'no encoder', file=sys.stderr)")
    run = subprocess.run([sys.executable, "-c", code, str(SEED_A), str(SEED_B)], capture_output=True, text=True,
                         timeout=120)
    assert "no encoder" in run.stderr and "Main differences" in run.stdout, run.stderr[-500:]
