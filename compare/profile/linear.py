"""A multinomial / binary logistic model exported by bench/train_*.py (sparse named features, optionally plus a dense
vector), scored with numpy only."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, repeat
from typing import TYPE_CHECKING
from compare.paths import resource

if TYPE_CHECKING:
    import numpy as np


@dataclass(frozen=True)
class LinearModel:
    index: dict[str, int]  # feature name -> column
    weights: np.ndarray  # (classes or 1, features), float32
    intercept: np.ndarray
    classes: tuple[str, ...]
    meta: dict
    dense: np.ndarray | None = None  # (classes or 1, vector length) weights of the dense vector, if the model has one

    def probabilities_many(self, rows: list[dict[str, float]], vectors=None) -> list[dict[str, float]]:
        """Class probabilities for many feature dictionaries (and their dense vectors, if the model has some) at once."""
        return [dict(zip(self.classes, ps)) for ps in zip(*self._columns(rows, vectors))]

    def class_probabilities(self, rows: list[dict[str, float]], cls: str, vectors=None) -> list[float]:
        """The probability of class cls for each row: ``[p[cls] for p in probabilities_many(rows, vectors)]``, without
        a dictionary per row."""
        return self._columns(rows, vectors)[self.classes.index(cls)]

    def _columns(self, rows: list[dict[str, float]], vectors=None) -> list[list[float]]:
        """The rows' probabilities of each class (self.classes order), one list per class."""
        import numpy as np

        if not rows:
            return [[] for _ in self.classes]
        if (self.dense is None) != (vectors is None):
            raise ValueError("dense vectors must be given exactly when the model has dense weights")
        get = self.index.get
        cols = np.fromiter(chain.from_iterable(map(get, f, repeat(-1)) for f in rows), dtype=np.int64)
        vals = np.fromiter(chain.from_iterable(f.values() for f in rows), dtype=np.float32, count=len(cols))
        r = np.repeat(np.arange(len(rows)), [len(f) for f in rows])
        known = cols >= 0
        r, cols, vals = r[known], cols[known], vals[known]
        z = np.tile(self.intercept, (len(rows), 1))
        contrib = self.weights[:, cols] * vals
        for c in range(z.shape[1]):
            z[:, c] += np.bincount(r, weights=contrib[c], minlength=len(rows))
        if self.dense is not None:
            z += np.asarray(vectors, dtype=np.float32).reshape(len(rows), -1) @ self.dense.T
        if len(self.classes) == 2 and z.shape[1] == 1:
            p = (1.0 / (1.0 + np.exp(-z[:, 0]))).tolist()  # float32 -> the same Python floats as float() of each
            return [[1.0 - x for x in p], p]
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return (e / e.sum(axis=1, keepdims=True)).T.tolist()

    def contributions(self, features: dict[str, float], cls: str) -> dict[str, float]:
        """Each known feature's contribution to the decision value of class cls (for evidence)."""
        row = self.weights[min(self.classes.index(cls), self.weights.shape[0] - 1)]
        sign = -1.0 if len(self.classes) == 2 and self.weights.shape[0] == 1 and cls == self.classes[0] else 1.0
        return {n: sign * float(row[self.index[n]]) * v for n, v in features.items() if n in self.index}


@lru_cache(maxsize=None)
def load_model(name: str) -> LinearModel:
    """The model file compare/resources/profile/<name>.npz, loaded once."""
    ref = resource("profile", f"{name}.npz")
    with ref.open("rb") as fh:
        return read_model(fh)


def read_model(file) -> LinearModel:
    """A model from an .npz written by bench/train_*.py (path or binary file object)."""
    import numpy as np

    with np.load(file, allow_pickle=False) as data:
        names = stored_text(data["names"]).split("\n")
        return LinearModel(
            index=dict(zip(names, range(len(names)))),
            weights=data["weights"].astype(np.float32),
            intercept=data["intercept"].astype(np.float32),
            classes=tuple(str(data["classes"]).split("\n")),
            meta=json.loads(str(data["meta"])),
            dense=data["dense"].astype(np.float32) if "dense" in data.files else None,
        )


def text_array(text: str):
    """A text as an npz array of its UTF-8 bytes (a quarter of numpy's 4-bytes-a-character string array: the target
    model's 63,000 feature names load in a third of the time)."""
    import numpy as np

    return np.frombuffer(text.encode("utf-8"), dtype=np.uint8)


def stored_text(array) -> str:
    """A text stored by :func:`text_array`, or as a numpy string (the older form)."""
    return array.tobytes().decode("utf-8") if array.dtype.kind == "u" else str(array)
