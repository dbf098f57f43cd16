"""Every engine threshold as one frozen, typed input: EngineSettings, grouped by stage.

Defaults are the shipped values (the link and verdict cut-offs are those fitted with the shipped models in
resources/engine/align.json and event.json). `compare_articles(..., settings=...)` passes them down; a batch
manifest sets any of them in `[compare.facts]`, `[compare.align]`, `[compare.event]` or
`[compare.differences]`; the whole set is recorded in the Comparison's method and keys the batch cache.
"""
from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Mapping

from compare.errors import ConfigError
from compare.paths import resource

_ENGINE = resource("engine")


@lru_cache(maxsize=2)
def shipped_model(name: str) -> dict:
    """A fitted model shipped in resources/engine ("align" or "event"), read once."""
    return json.loads((_ENGINE / f"{name}.json").read_text("utf-8"))


@dataclass(frozen=True)
class FactSettings:
    lead_sentences: int = 2  # the lead: first body paragraphs up to the one that brings this many sentences
    long_sentence_words: int = 28  # a sentence this long may be split into clauses
    min_clause_words: int = 8  # each side of a clause split has at least this many words


@dataclass(frozen=True)
class AlignSettings:
    candidates: int = 10  # counterparts per fact kept by the first stage, each way
    clause_min_weight: float = 4.0  # rare weight a clause needs for its containment to count
    quote_diff_words: int = 3  # words a quote must differ by (each side) to be "worded differently"
    link_at: float = field(default_factory=lambda: float(shipped_model("align")["link_at"]))
    possibly_at: float = field(default_factory=lambda: float(shipped_model("align")["possibly_at"]))
    shared_cover: float = field(default_factory=lambda: float(shipped_model("align")["shared_cover"]))


@dataclass(frozen=True)
class EventSettings:
    clash_months: int = 2  # news-time ranges this many months apart clash
    clash_min_months: int = 2  # distinct months each side needs before its range counts
    clash_penalty: float = 3.0  # taken off the logit when the news times clash
    theme_facts: int = 5  # a word either article uses in this many facts is the story's theme, not one happening's
    paraphrase_at: float = 0.5  # a link whose facts the paraphrase model reads as one statement (MSRP probability)
    same_at: float = field(default_factory=lambda: float(shipped_model("event")["same_at"]))
    related_at: float = field(default_factory=lambda: float(shipped_model("event")["related_at"]))


@dataclass(frozen=True)
class DifferenceSettings:
    exclusives_each: int = 3  # facts only one outlet carries, listed per outlet
    absent_words: int = 3  # words of a fact the other article never uses, for an omission to be claimed
    # an omission is claimed only when the fact's best link probability to any fact of the other article is
    # under this: on the labelled dev pairs, claims under 0.05 were 29 of 32 true, from 0.05 to the "possibly
    # covered" line 51 of 63 (bench/eval_align.py omissions)
    omission_below: float = 0.05
    same_kind_discount: float = 0.6  # each further difference of a kind counts this much less when ordering


@dataclass(frozen=True)
class EngineSettings:
    facts: FactSettings = field(default_factory=FactSettings)
    align: AlignSettings = field(default_factory=AlignSettings)
    event: EventSettings = field(default_factory=EventSettings)
    differences: DifferenceSettings = field(default_factory=DifferenceSettings)

    def record(self) -> dict[str, str]:
        """Every setting as "stage.name" -> value, for Comparison.method.settings."""
        return {f"{stage.name}.{f.name}": str(getattr(getattr(self, stage.name), f.name))
                for stage in dataclasses.fields(self) for f in dataclasses.fields(getattr(self, stage.name))}

    @classmethod
    def from_mapping(cls, data: Mapping, where: str = "settings") -> EngineSettings:
        """Settings from nested tables ({"align": {"link_at": 0.7}}): defaults for what is not set; an unknown
        stage or name, or a value of the wrong type, is a ConfigError naming it."""
        if isinstance(data, cls):
            return data
        if not isinstance(data, Mapping):
            raise ConfigError(f"{where}: must be a table of stages (facts, align, event, differences)")
        stages = {f.name: f for f in dataclasses.fields(cls)}
        built = {}
        for stage, values in data.items():
            if stage not in stages:
                raise ConfigError(f"{where}: unknown stage '{stage}' (known: {', '.join(stages)})")
            shipped = getattr(DEFAULT, stage)
            if not isinstance(values, Mapping):
                raise ConfigError(f"{where}.{stage}: must be a table of settings")
            names = {f.name: f for f in dataclasses.fields(shipped)}
            given = {}
            for name, value in values.items():
                if name not in names:
                    raise ConfigError(f"{where}.{stage}: unknown setting '{name}' (known: {', '.join(names)})")
                default = getattr(shipped, name)
                if isinstance(value, bool) or not isinstance(value, (int, float)) or \
                        (isinstance(default, int) and not isinstance(value, int)) or value < 0:
                    raise ConfigError(f"{where}.{stage}.{name}: must be a {type(default).__name__} of 0 or more, "
                                      f"not {value!r}")
                given[name] = type(default)(value)
            built[stage] = dataclasses.replace(shipped, **given)
        return cls(**built)


DEFAULT = EngineSettings()  # the shipped settings (each stage's defaults are DEFAULT.facts, DEFAULT.align, ...)
