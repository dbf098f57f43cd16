"""Contextual word-piece states from a small shipped encoder, for the sentiment toward a target.

The encoder is the first three layers of all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0), exported once to ONNX
with the states of its 1st and 3rd layers as outputs and quantised to int8
(compare/resources/profile/minilm_l3_int8.onnx, 17 MB; how to rebuild it: resources/profile/README.md). Layers 4-6 are
cut: the target-sentiment model reads layers 3 and 1 as well as it read layers 6 and 4 (grouped-CV macro-F1 0.723 vs
0.721; evidence words P / R 0.472 / 0.482 vs 0.472 / 0.489), at half the time a sentence. It runs with onnxruntime on
one thread, loaded on first use only (the profiles ask for it; `diff --no-profiles` never does). Each sentence is
encoded once; every target in it reads the same states, and the evidence model reads them again when the sentence is
flagged.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

from compare.nlp.embeddings import MAX_WORD_CHARS, word_pieces
from compare.paths import resource

if TYPE_CHECKING:
    import numpy as np

MODEL = ("profile", "minilm_l3_int8.onnx")
VOCAB = ("profile", "minilm_vocab.txt")
MAX_PIECES = 128  # pieces per sentence, [CLS] and [SEP] included; a longer sentence is cut (its later targets read
#                   only the pieces before the cut)
STATES_KEPT = 64  # sentences whose states are kept (about 100 KB each)
WINDOW = 4  # pieces each side of the target read as its near context
DIMS = 384
CONTEXT_DIMS = 4 * DIMS  # the target (layers 3 and 1), the sentence (layer 3), the near context (layer 3)
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
        word = m.group().lower()
        if not word.isascii():  # ASCII has no accents to strip: NFD leaves it as it is
            word = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
            if not word:
                continue
        whole = vocab.get(word)  # most words are one piece: what the greedy match finds first
        found = [whole] if whole is not None else word_pieces(word, vocab) if len(word) <= MAX_WORD_CHARS else None
        start, end = m.span()
        out.extend((i, start, end) for i in (found or [unknown]))
    return out


@lru_cache(maxsize=1)
def _session():
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.log_severity_level = 3
    # one thread: a sentence is a few dozen pieces, too little work to share; a second thread waits on the first and,
    # on a busy machine, on every other process (measured: the same states, 1.4-2.4x faster on a shared 2-core machine)
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    return ort.InferenceSession(resource(*MODEL).read_bytes(), options, providers=["CPUExecutionProvider"])


def context_vectors(targets: Sequence[tuple]) -> np.ndarray:
    """(targets × CONTEXT_DIMS) float32 for (sentence, start, end, ...) targets: the mean layer-3 and layer-1 states of
    the pieces overlapping sentence[start:end], the mean layer-3 state of the whole sentence, and of the WINDOW pieces
    each side of the target (the target's own pieces when there are none). Each sentence is encoded on its own: the
    int8 model quantises each call's activations with one scale, so a sentence batched with others would get other
    figures (up to 0.46 apart) depending on its neighbours; alone, it gets the same figures in any article."""
    import numpy as np

    out = np.zeros((len(targets), CONTEXT_DIMS), dtype=np.float32)
    rows: dict[str, list[int]] = {}
    for k, target in enumerate(targets):
        rows.setdefault(target[0], []).append(k)
    for sentence, ks in rows.items():
        spans, layer3, layer1 = sentence_states(sentence)
        body = _mean(layer3[1:-1] if spans else layer3)  # the sentence block: the same for all its targets
        for k in ks:
            out[k] = _pool(layer1, layer3, body, spans, targets[k][1], targets[k][2])
    return out


@lru_cache(maxsize=STATES_KEPT)
def sentence_states(sentence: str):
    """(the spans of its pieces, layer-3 states, layer-1 states) of a sentence, [CLS] and [SEP] included in the states.
    The last STATES_KEPT sentences are kept: a sentence the target model reads and the evidence model reads again (an
    own-voice sentence that is flagged) is encoded once. The arrays are shared: read them, never write them."""
    import numpy as np

    vocab = vocabulary()
    found = pieces(sentence)[: MAX_PIECES - 2]
    ids = np.array([[vocab["[CLS]"], *(p[0] for p in found), vocab["[SEP]"]]], dtype=np.int64)
    layer3, layer1 = _session().run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})
    return [(a, z) for _, a, z in found], layer3[0], layer1[0]


def _pool(low, high, body, spans: list[tuple[int, int]], start: int, end: int):
    """The target's mean high and low states, the sentence's (body, given) and the near context's mean high state
    (high: layer 3, low: layer 1)."""
    import numpy as np

    # the pieces overlapping [start, end) are a run (spans are in text order); states are 1 place on ([CLS] first)
    first = bisect_right([z for _, z in spans], start)
    after = max(first, bisect_left([a for a, _ in spans], end))
    a, b = (first + 1, after + 1) if after > first else ((1, 2) if spans else (0, 1))
    lo, hi = max(1, a - WINDOW), min(len(spans) + 1, b - 1 + WINDOW + 1)
    near = [j for j in range(lo, hi) if j < a or j >= b] or list(range(a, b))
    return np.concatenate([_mean(high[a:b]), _mean(low[a:b]), body, _mean(high[near])])


def _mean(rows):
    """rows.mean(0) of float32 rows, the same figures without mean's checks: the float32 sum divided by the count."""
    import numpy as np

    total = np.add.reduce(rows, axis=0)
    return np.true_divide(total, np.intp(rows.shape[0]), out=total, casting="unsafe")
