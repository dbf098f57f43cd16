"""Framing: the 15 Media Frames Corpus dimensions from our cue lexicon, headline and lead frames, placement and room."""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

from compare.model import Fact
from compare.profile.sections import SentenceView
from compare.profile.sentiment import Mentions
from compare.profile.textfeatures import tokens
from compare.profile.types import NOT_ENOUGH_TEXT, Evidence, FrameScore, FramingProfile, Placement
from compare.paths import resource

FRAMES = (
    "Economic", "Capacity and resources", "Morality", "Fairness and equality",
    "Legality, constitutionality and jurisprudence", "Policy prescription and evaluation", "Crime and punishment",
    "Security and defense", "Health and safety", "Quality of life", "Cultural identity", "Public opinion", "Political",
    "External regulation and reputation", "Other",
)
OTHER = "Other"
MIN_WORDS = 15  # fewer reporting words: no distribution
EVIDENCE_PER_FRAME = 3
MIN_PREFIX = 3
MIN_SECTION_CUES = 2  # cue words a headline or lead frame needs


@lru_cache(maxsize=1)
def frame_cues() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Our cue lexicon (compare/resources/profile/frames.tsv): (exact word -> frames, prefix -> frames); a weak cue
    ('~x' in the file) is kept under its key with a leading '~'."""
    text = resource("profile", "frames.tsv").read_text(encoding="utf-8")
    exact: dict[str, tuple[str, ...]] = {}
    prefix: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            cue, frame = line.split("\t")
            weak = cue.startswith("~")
            cue = cue.lstrip("~")
            if weak:
                frame = "~" + frame
            table, key = (prefix, cue[:-1]) if cue.endswith("*") else (exact, cue)
            if frame not in table.get(key, ()):
                table[key] = table.get(key, ()) + (frame,)
    return exact, prefix


def cue_frames(word: str) -> tuple[str, ...]:
    """The frames a (lowercased) word cues: exact entry, else the longest matching prefix entry."""
    exact, prefix = frame_cues()
    if word.endswith("'s"):
        word = word[:-2]
    if word in exact:
        return exact[word]
    if word[:MIN_PREFIX] not in _prefix_starts():  # most words start no prefix entry: no need to try each length
        return ()
    for k in range(len(word), MIN_PREFIX - 1, -1):
        if word[:k] in prefix:
            return prefix[word[:k]]
    return ()


@lru_cache(maxsize=1)
def _prefix_starts() -> frozenset[str]:
    """The first MIN_PREFIX letters of the prefix entries (each is at least that long)."""
    return frozenset(key[:MIN_PREFIX] for key in frame_cues()[1])


# a cue followed by one of these words is in a sense that is not its frame's: health insurance and benefits are money
# (a staff dispute over "health insurance" is no Health and safety framing), a safety net is welfare
OTHER_SENSE = (("health", frozenset({"insurance", "insurer", "insurers", "benefits", "benefit", "plan", "plans", "coverage",
                                     "premiums", "premium", "costs", "savings", "account", "accounts"}), ("Economic",)),
               ("safety", frozenset({"net", "nets"}), ("Economic",)),
               # "law enforcement" is the police (Crime), not the law; "national" in a title or a body's name is no
               # identity ("national press secretary", "National Guard"), "national security" is Security
               ("law", frozenset({"enforcement"}), ("Crime and punishment",)),
               ("national", frozenset({"security"}), ("Security and defense",)),
               ("national", frozenset({"press", "guard", "committee", "chairman", "chairwoman", "chair", "director",
                                       "correspondent", "spokesman", "spokeswoman", "spokesperson", "secretary",
                                       "archives", "institutes", "park", "weather", "review", "public"}), ()))


_SENSE_STARTS = frozenset(w for start, _, _ in OTHER_SENSE for w in (start, start + "care"))


def _sense(words: list[str], k: int) -> tuple[str, ...] | None:
    """The frames of words[k] in the sense the next word (after "care") gives it (none: no frame), or None for its usual
    frames."""
    if words[k] not in _SENSE_STARTS:  # most words start no other sense
        return None
    after = words[k + 1:k + 3]
    after = after[1:] if after[:1] == ["care"] else after
    for start, next_words, frames in OTHER_SENSE:
        if words[k] in (start, start + "care") and after[:1] and after[0] in next_words:
            return frames
    return None


@lru_cache(maxsize=4096)
def sentence_frames(text: str) -> tuple[dict[str, float], dict[str, list[str]]]:
    """Frame weights of one sentence (cue counts, normalised to sum 1; no cue -> Other) and the cues per frame. A weak
    cue ("defends", "investigators", "business", "deal") counts only beside a plain cue of the same frame. Worked out
    once per text (the profile and the frame lines of profile_differences read the same sentences): the result is
    shared, read it, never write it."""
    words = [w for w, _, _ in tokens(text)]
    found = [(w, sense if (sense := _sense(words, k)) is not None else cue_frames(w)) for k, w in enumerate(words)]
    plain = {f for _, frames in found for f in frames if not f.startswith("~")}
    weights: Counter[str] = Counter()
    cues: dict[str, list[str]] = {}
    for w, frames in found:
        frames = tuple(f.lstrip("~") for f in frames if not f.startswith("~") or f[1:] in plain)
        for f in frames:
            weights[f] += 1.0 / len(frames)
            cues.setdefault(f, []).append(w)
    total = sum(weights.values())
    if not total:
        return {OTHER: 1.0}, {}
    return {f: v / total for f, v in weights.items()}, cues


def _main_frame(weights: dict[str, float]) -> str:
    return max(sorted(weights), key=lambda f: weights[f])


def framing_profile(views: tuple[SentenceView, ...], facts: tuple[Fact, ...], mentions: Mentions) -> FramingProfile:
    """Frame distribution (word-weighted sentence frames), headline / lead frames, and what each outlet puts up front
    (``mentions`` from :func:`compare.profile.sentiment.actor_mentions`)."""
    placement = placement_of(views, facts, mentions)
    total_words = sum(len(tokens(v.sentence.text)) for v in views)
    if total_words < MIN_WORDS:
        headline = [v for v in views if v.section == "headline"]
        weights, found = sentence_frames(" ".join(v.sentence.text for v in headline)) if headline else ({}, {})
        hf = _section_frame(Counter(weights), Counter({f: len(c) for f, c in found.items()}))
        return FramingProfile(headline_frame=hf, placement=placement, note=f"{NOT_ENOUGH_TEXT}: {total_words} words")
    mass: Counter[str] = Counter()
    room: Counter[str] = Counter()
    cues: dict[str, Counter[str]] = {}
    evidence: dict[str, list[tuple[float, Evidence]]] = {}
    section_weights: dict[str, Counter[str]] = {"headline": Counter(), "lead": Counter()}
    section_cues: dict[str, Counter[str]] = {"headline": Counter(), "lead": Counter()}
    for v in views:
        n = len(tokens(v.sentence.text))
        weights, found = sentence_frames(v.sentence.text)
        for f, w in weights.items():
            mass[f] += w * n
            if v.section in section_weights:
                section_weights[v.section][f] += w * n
                section_cues[v.section][f] += len(found.get(f, ()))
        room[_main_frame(weights)] += n
        for f, words in found.items():
            cues.setdefault(f, Counter()).update(words)
            evidence.setdefault(f, []).append((weights[f], Evidence(v.sentence.index, v.sentence.text, tuple(dict.fromkeys(words)), round(weights[f], 3), v.section)))
    total = sum(mass.values())
    distribution = {f: round(mass[f] / total, 3) for f in FRAMES if mass[f]}
    frames = tuple(
        FrameScore(
            frame=f,
            share=distribution[f],
            words=int(room[f]),
            cues=tuple(sorted(cues.get(f, {}), key=lambda w: -cues[f][w])[:8]),
            evidence=tuple(e for _, e in sorted(evidence.get(f, []), key=lambda x: -x[0])[:EVIDENCE_PER_FRAME]),
        )
        for f in sorted(distribution, key=lambda f: -distribution[f])
    )
    return FramingProfile(
        distribution=distribution,
        frames=frames,
        headline_frame=_section_frame(section_weights["headline"], section_cues["headline"]),
        lead_frame=_section_frame(section_weights["lead"], section_cues["lead"]),
        placement=placement,
    )


def _section_frame(weights: Counter[str], cues: Counter[str]) -> str | None:
    """The headline's or lead's main frame, only when more than one cue word carries it (else None: one word is not a frame)."""
    if not weights:
        return None
    frame = _main_frame(weights)
    return frame if frame == OTHER or cues[frame] >= MIN_SECTION_CUES else None


def placement_of(views: tuple[SentenceView, ...], facts: tuple[Fact, ...], mentions: Mentions) -> Placement:
    """Actors and facts in headline and lead, the words of the sentences naming each actor, and where each first appears."""
    section = {v.sentence.index: v.section for v in views}
    length = {v.sentence.index: len(tokens(v.sentence.text)) for v in views}
    order = sorted(mentions, key=lambda a: min(mentions[a]))
    return Placement(
        headline_actors=tuple(a for a in order if any(section[i] == "headline" for i in mentions[a])),
        lead_actors=tuple(a for a in order if any(section[i] == "lead" for i in mentions[a])),
        headline_facts=tuple(f.id for f in facts if section.get(f.sentence) == "headline"),
        lead_facts=tuple(f.id for f in facts if section.get(f.sentence) == "lead"),
        actor_words={a: float(sum(length[i] for i in mentions[a])) for a in order},
        actor_first_sentence={a: float(min(mentions[a])) for a in order},
    )
