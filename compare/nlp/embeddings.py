"""Static word-piece embeddings: BERT-uncased WordPiece tokenisation and a per-piece vector table (numpy only)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from compare.paths import resource

if TYPE_CHECKING:
    import numpy as np

_BERT_SPLIT = re.compile(r"[^\W_]+|[^\w\s]|_", re.UNICODE)
MAX_WORD_CHARS = 100  # BERT's own max_input_chars_per_word: longer words are unknown (and would cost cubic time)


def wordpiece_ids(text: str, index: dict[str, int]) -> list[int]:
    """WordPiece ids of text (lower-cased, accents stripped, punctuation split, greedy longest match); words
    with a character no piece covers are dropped."""
    text = unicodedata.normalize("NFD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    ids = []
    for word in _BERT_SPLIT.findall(text):
        if len(word) <= MAX_WORD_CHARS:
            ids.extend(word_pieces(word, index) or ())
    return ids


def word_pieces(word: str, index: dict[str, int]) -> list[int] | None:
    """The greedy longest-match WordPiece ids of one normalised word ("##" marks a piece inside it), or None when a
    character of it no piece covers."""
    longest = _longest_piece(index)
    start, pieces = 0, []
    while start < len(word):
        end = min(len(word), start + longest)
        while end > start:
            piece = word[start:end] if start == 0 else "##" + word[start:end]
            if piece in index:
                pieces.append(index[piece])
                break
            end -= 1
        if end == start:
            return None
        start = end
    return pieces


_LONGEST: dict[int, int] = {}


def _longest_piece(index: dict[str, int]) -> int:
    """A bound on the length of a piece without "##" (the longest piece with it: no longer text can match, so the
    greedy match is the same as with the exact length), remembered per table."""
    if id(index) not in _LONGEST:
        _LONGEST[id(index)] = max(map(len, index), default=0)
    return _LONGEST[id(index)]


@dataclass(frozen=True, eq=False)
class PieceTable:
    """One vector per WordPiece; a word's vector is the mean of its pieces' vectors (hashable by identity)."""

    index: dict[str, int]
    codes: np.ndarray  # (pieces, dims), int8
    scale: np.ndarray  # (dims,), float32: a piece's vector is codes.astype(float32) * scale

    @property
    def dims(self) -> int:
        return int(self.codes.shape[1])

    def rows(self, ids: list[int]):
        """The float32 vectors of the pieces ids (only the rows asked for are converted: the same figures as converting
        the whole table, element by element)."""
        import numpy as np

        return self.codes[ids].astype(np.float32) * self.scale

    def word_ids(self, word: str) -> list[int]:
        """WordPiece ids of one word (a plain lower-case whole-word piece is looked up directly)."""
        low = word.lower()
        hit = self.index.get(low) if low.isascii() and low.isalpha() else None
        return [hit] if hit is not None else wordpiece_ids(word, self.index)

    def words_matrix(self, words: list[str]):
        """(len(words) × dims) mean piece vector of each word (zeros when no piece is known) and a known-word mask."""
        import numpy as np

        ids = [self.word_ids(w) for w in words]
        sizes = [len(x) for x in ids]
        counts = np.array(sizes, dtype=np.float32).reshape(len(words))
        if max(sizes, default=0) <= 2:
            # Words of one or two pieces: the piece vector, or the two halves added (one rounding). These are the
            # figures of the general product below, exactly: its other terms are zeros and 1.0 and 0.5 scale exactly.
            out = np.zeros((len(words), self.dims), dtype=np.float32)
            one = [i for i, n in enumerate(sizes) if n == 1]
            two = [i for i, n in enumerate(sizes) if n == 2]
            if one:
                out[one] = self.rows([ids[i][0] for i in one]) + np.float32(0.0)
            if two:
                half = np.float32(0.5)
                out[two] = self.rows([ids[i][0] for i in two]) * half + self.rows([ids[i][1] for i in two]) * half
            return out, counts > 0
        owners = np.repeat(np.arange(len(words)), sizes)
        flat = [i for x in ids for i in x]
        share = np.zeros((len(words), len(flat)), dtype=np.float32)
        share[owners, np.arange(len(flat))] = 1.0 / counts[owners]
        return share @ self.rows(flat), counts > 0


def read_piece_table(file) -> PieceTable:
    """A table from an .npz holding `pieces` (newline-joined), int8 `vectors` and per-dimension float32 `scale`."""
    import numpy as np

    with np.load(file, allow_pickle=False) as data:
        pieces = str(data["pieces"]).split("\n")
        codes, scale = data["vectors"], data["scale"].astype(np.float32)
    return PieceTable(dict(zip(pieces, range(len(pieces)))), codes, scale)


@lru_cache(maxsize=None)
def load_piece_table(name: str) -> PieceTable:
    """The table compare/resources/<name>.npz (e.g. "profile/wordpiece_vectors"), loaded once."""

    area, _, stem = name.rpartition("/")
    ref = resource(area, f"{stem}.npz")
    with ref.open("rb") as fh:
        return read_piece_table(fh)
