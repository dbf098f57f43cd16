"""Contextual word-piece states from a small shipped encoder, for the sentiment toward a target.

The encoder is all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0), exported once to ONNX with the states of its
4th and 6th layers as outputs and quantised to int8 (compare/resources/profile/minilm_l6_int8.onnx, 23 MB; how to
rebuild it: resources/profile/README.md). It runs with onnxruntime, loaded on first use only (the profiles ask for
it; `diff --no-profiles` never does). Each sentence is encoded once; every target in it reads the same states.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

from compare.nlp.embeddings import MAX_WORD_CHARS, word_pieces
from compare.paths import resource

if TYPE_CHECKING:
    import numpy as np

MODEL = ("profile", "minilm_l6_int8.onnx")
VOCAB = ("profile", "minilm_vocab.txt")
MAX_PIECES = 128  # pieces per sentence, [CLS] and [SEP] included; a longer sentence is cut (its later targets read
#                   only the pieces before the cut)
WINDOW = 4  # pieces each side of the target read as its near context
DIMS = 384
CONTEXT_DIMS = 4 * DIMS  # the target (layers 6 and 4), the sentence (layer 6), the near context (layer 6)
_WORD = re.compile(r"[^\W_]+|[^\w\s]|_", re.UNICODE)


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, int]:
    """The encoder's WordPiece vocabulary (BERT uncased), piece -> id."""
    pieces = resource(*VOCAB).read_text("utf-8").split("\n")
    return {p: i for i, p in enumerate(pieces) if p}


def pieces(text: str) -> list[tuple[int, int, int]]:
    """(piece id, start, end) of each WordPiece of text: words split as BERT splits them (letters and digits apart from
    punctuation), lower-cased and accents stripped, then greedy longest match; each piece carries its word's span in
    text. A word no pieces cover is one [UNK]."""
    vocab = vocabulary()
    unknown = vocab["[UNK]"]
    out = []
    for m in _WORD.finditer(text):
        word = unicodedata.normalize("NFD", m.group().lower())
        word = "".join(c for c in word if not unicodedata.combining(c))
        if not word:
            continue
        found = word_pieces(word, vocab) if len(word) <= MAX_WORD_CHARS else None
        out.extend((i, m.start(), m.end()) for i in (found or [unknown]))
    return out


@lru_cache(maxsize=1)
def _session():
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.log_severity_level = 3
    return ort.InferenceSession(resource(*MODEL).read_bytes(), options, providers=["CPUExecutionProvider"])


def context_vectors(targets: Sequence[tuple]) -> np.ndarray:
    """(targets × CONTEXT_DIMS) float32 for (sentence, start, end, ...) targets: the mean layer-6 and layer-4 states of
    the pieces overlapping sentence[start:end], the mean layer-6 state of the whole sentence, and of the WINDOW pieces
    each side of the target (the target's own pieces when there are none). Each sentence is encoded once and on its
    own: the int8 model quantises each call's activations with one scale, so a sentence batched with others would get
    other figures (up to 0.46 apart) depending on its neighbours; alone, it gets the same figures in any article. The
    states are dropped once its targets are read (nothing is kept between calls)."""
    import numpy as np

    out = np.zeros((len(targets), CONTEXT_DIMS), dtype=np.float32)
    rows: dict[str, list[int]] = {}
    for k, target in enumerate(targets):
        rows.setdefault(target[0], []).append(k)
    vocab = vocabulary()
    cls, sep = vocab["[CLS]"], vocab["[SEP]"]
    for sentence, ks in rows.items():
        found = pieces(sentence)[: MAX_PIECES - 2]
        ids = np.array([[cls, *(p[0] for p in found), sep]], dtype=np.int64)
        layer4, layer6 = _session().run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})
        spans = [(a, z) for _, a, z in found]
        for k in ks:
            out[k] = _pool(layer4[0], layer6[0], spans, targets[k][1], targets[k][2])
    return out


def _pool(layer4, layer6, spans: list[tuple[int, int]], start: int, end: int):
    import numpy as np

    inside = [j + 1 for j, (a, z) in enumerate(spans) if a < end and z > start] or [1 if spans else 0]
    lo, hi = max(1, inside[0] - WINDOW), min(len(spans) + 1, inside[-1] + WINDOW + 1)
    near = [j for j in range(lo, hi) if j not in inside] or inside
    body = layer6[1:-1] if spans else layer6
    return np.concatenate([layer6[inside].mean(0), layer4[inside].mean(0), body.mean(0), layer6[near].mean(0)])
