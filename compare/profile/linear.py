"""A multinomial / binary logistic model exported by bench/train_*.py, scored with numpy only."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np


@dataclass(frozen=True)
class LinearModel:
    index: dict[str, int]  # feature name -> column
    weights: np.ndarray  # (classes or 1, features), float32
    intercept: np.ndarray
    classes: tuple[str, ...]
    meta: dict

    def probabilities(self, features: dict[str, float]) -> dict[str, float]:
        """Class probabilities (softmax for several classes, logistic for two)."""
        return self.probabilities_many([features])[0]

    def probabilities_many(self, rows: list[dict[str, float]]) -> list[dict[str, float]]:
        """Class probabilities for many feature dictionaries at once (one numpy pass)."""
        import numpy as np

        if not rows:
            return []
        r, cols, vals = [], [], []
        for i, features in enumerate(rows):
            for name, value in features.items():
                col = self.index.get(name)
                if col is not None:
                    r.append(i)
                    cols.append(col)
                    vals.append(value)
        z = np.tile(self.intercept, (len(rows), 1))
        if cols:
            np.add.at(z, np.asarray(r), self.weights[:, cols].T * np.asarray(vals, dtype=np.float32)[:, None])
        if len(self.classes) == 2 and z.shape[1] == 1:
            p = 1.0 / (1.0 + np.exp(-z[:, 0]))
            return [{self.classes[0]: 1.0 - float(x), self.classes[1]: float(x)} for x in p]
        e = np.exp(z - z.max(axis=1, keepdims=True))
        p = e / e.sum(axis=1, keepdims=True)
        return [{c: float(v) for c, v in zip(self.classes, row)} for row in p]

    def contributions(self, features: dict[str, float], cls: str) -> dict[str, float]:
        """Each known feature's contribution to the decision value of class cls (for evidence)."""
        row = self.weights[min(self.classes.index(cls), self.weights.shape[0] - 1)]
        sign = -1.0 if len(self.classes) == 2 and self.weights.shape[0] == 1 and cls == self.classes[0] else 1.0
        return {n: sign * float(row[self.index[n]]) * v for n, v in features.items() if n in self.index}


@lru_cache(maxsize=None)
def load_model(name: str) -> LinearModel:
    """The model file compare/resources/profile/<name>.npz, loaded once."""
    ref = resources.files("compare") / "resources" / "profile" / f"{name}.npz"
    with ref.open("rb") as fh:
        return read_model(fh)


def read_model(file) -> LinearModel:
    """A model from an .npz written by bench/train_*.py (path or binary file object)."""
    import numpy as np

    with np.load(file, allow_pickle=False) as data:
        names = str(data["names"]).split("\n")
        return LinearModel(
            index={n: i for i, n in enumerate(names)},
            weights=data["weights"].astype(np.float32),
            intercept=data["intercept"].astype(np.float32),
            classes=tuple(str(data["classes"]).split("\n")),
            meta=json.loads(str(data["meta"])),
        )
