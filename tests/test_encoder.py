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


def test_prefetched_states_are_the_states_encoded_alone():
    """The background thread encodes each sentence alone: the figures are those of an encoding on the spot."""
    sentences = ["Critics blasted Smith for the disastrous rollout.", "Jones praised the plan."]
    sentences.append(sentences[1])  # asked twice: encoded once
    encoder.sentence_states.cache_clear()
    alone = [encoder.sentence_states(s) for s in sentences[:2]]
    encoder.sentence_states.cache_clear()
    encoder.prefetch(sentences)
    for s, (spans, layer3, layer1) in zip(sentences, alone):
        got = encoder.sentence_states(s)
        assert got[0] == spans and np.array_equal(got[1], layer3) and np.array_equal(got[2], layer1)
    assert not encoder._PENDING  # each prefetched sentence was handed over once


def test_a_new_prefetch_drops_the_sentences_an_earlier_one_left():
    encoder.sentence_states.cache_clear()
    encoder.prefetch([f"Sentence number {k} is here." for k in range(40)])
    encoder.prefetch(["Only this one."])
    assert list(encoder._PENDING) == ["Only this one."]
    late = encoder.sentence_states("Sentence number 39 is here.")  # no longer prefetched: encoded on the spot
    assert late[1].shape[1] == encoder.DIMS
    encoder.sentence_states("Only this one.")


def test_an_encoder_failure_in_the_thread_reaches_the_caller(monkeypatch):
    import pytest

    def broken(sentence):
        raise RuntimeError("encoder broke")

    encoder.sentence_states.cache_clear()
    monkeypatch.setattr(encoder, "_encode", broken)
    encoder.prefetch(["A sentence."])
    with pytest.raises(RuntimeError, match="encoder broke"):
        encoder.sentence_states("A sentence.")
    encoder.sentence_states.cache_clear()


def test_profiles_built_together_are_the_profiles_built_one_by_one():
    """build_profiles hands every article's tone sentences to the encoder's thread first and builds the parts that need
    no encoder first: the profiles are the same."""
    from compare.facts import extract_facts
    from compare.ingest import read_article
    from compare.profile import build_profile, build_profiles
    from conftest import SEED_A, SEED_B

    articles = [read_article(str(SEED_A)), read_article(str(SEED_B))]
    extracted = [extract_facts(a, i) for i, a in enumerate(articles)]
    together = list(build_profiles(articles, extracted))
    encoder.sentence_states.cache_clear()
    one_by_one = [build_profile(a, i, facts, actors) for i, (a, (actors, facts)) in enumerate(zip(articles, extracted))]
    assert together == one_by_one
    assert not encoder._PENDING  # a prefetched sentence no profile asked for is not kept
    assert [p.article for p in together] == [0, 1] and together[0].sentiment.targets


def test_no_encoder_thread_runs_after_the_profiles_are_built():
    """A process forked while the thread runs onnxruntime could hang in it: once the profiles are built, none runs."""
    import threading

    from compare.ingest import article_from_text
    from compare.model import Actor
    from compare.profile import build_profile

    article = article_from_text("Roe wins praise.\n\n" + " ".join(f"Jane Roe spoke at event {k}." for k in range(30)))
    build_profile(article, 0, (), (Actor("Jane Roe", "person", ("Roe",)),))
    assert not any(t.name == "encoder-prefetch" for t in threading.enumerate()) and not encoder._PENDING


def test_a_forked_worker_starts_with_no_prefetch_of_its_parent():
    import os

    encoder.prefetch(["A sentence the parent asked for."])
    encoder._THREAD.join()  # (a fork during onnxruntime's run is what the test above rules out)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: no pending promise, a free lock, and it can encode
        ok = not encoder._PENDING and encoder._LOCK.acquire(timeout=5)
        encoder._LOCK.release()
        ok = ok and encoder.sentence_states.__wrapped__("Another one.")[1].shape[1] == encoder.DIMS
        os.write(write, b"1" if ok else b"0")
        os._exit(0)
    os.close(write)  # a child that dies without writing gives b"", not a hang
    assert os.read(read, 1) == b"1"
    os.waitpid(pid, 0)
    encoder.sentence_states("A sentence the parent asked for.")
