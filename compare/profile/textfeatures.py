"""Word tokens and the feature dictionaries the shipped linear models read (shared by training and run time)."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Callable

from compare.nlp.embeddings import PieceTable, load_piece_table

WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]|\d[\d,.]*%?")
NEGATIONS = frozenset(
    "not no never none nobody nothing neither nor cannot without hardly barely n't don't doesn't didn't "
    "isn't wasn't aren't weren't won't wouldn't can't couldn't shouldn't hasn't haven't hadn't".split()
)
NEAR = 4  # tokens either side of a target that count as its window
VECTOR_NEAR = 3  # tokens either side of a target averaged into its left / right context vectors
VECTOR_BLOCKS = ("target", "left", "right", "sentence")  # order of the blocks in target_vector()
PIECE_TABLE = "profile/wordpiece_vectors"
FUNCTION_WORDS = frozenset("""
a about above after again against all am an and any are as at be because been before being below between both but by
can could did do does doing down during each few for from further had has have having he her here hers herself him
himself his how i if in into is it its itself just me might more most must my myself no nor not now of off on once
only or other ought our ours ourselves out over own same shall she should so some such than that the their theirs them
themselves then there these they this those through to too under until up upon very was we were what when where which
while who whom whose why will with would you your yours yourself yourselves also however yet although though whether
per via among amongst within without across along around behind beyond toward towards onto since unless whereas
's n't 'll 're 've 'd
""".split())


@lru_cache(maxsize=8192)
def tokens(text: str) -> tuple[tuple[str, int, int], ...]:
    """(lowercased word, start, end) for each word of text; curly apostrophes folded to straight."""
    return tuple([(m.group().lower().replace("’", "'"), *m.span()) for m in WORD_RE.finditer(text)])


@lru_cache(maxsize=1)
def analyzer():
    """VADER (vaderSentiment, MIT), built once: the one analyser of the profiles."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=1)
def vader_lexicon() -> dict[str, float]:
    """VADER's word valences (-4..4), from the analyser's own lexicon."""
    return dict(analyzer().lexicon)


DOUBLE_QUOTED = re.compile(r"[\"“]([^\"“”]{2,})[\"”]")
SINGLE_QUOTED = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))‘(.{2,}?)’(?=$|[\s,.;:!?)\]—–-])")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of text inside double quotes (straight or curly), or inside ‘…’ used as quotes."""
    spans = [m.span() for m in DOUBLE_QUOTED.finditer(text)]
    if "‘" in text:  # (the pattern opens with a look-behind: the regex engine would try it at every character)
        spans.extend(m.span() for m in SINGLE_QUOTED.finditer(text))
    return spans


SENTENCE_OPENERS = ".!?\"“‘'(:—–-"


def name_words(text: str, common: Callable[[str], bool] | None = None) -> list[bool]:
    """For each of tokens(text): is it part of a proper name or a first name? Never evidence of tone or bias
    ("Supreme" in Supreme Court, "Security" in Social Security, "Brian"). A capitalised word counts as a name inside a
    sentence, at its start when the next word is capitalised too ("Defense Department said") or ``common`` does not
    know it ("Rutte is …"), and always when it is a listed first name; in a Title Case line (a headline) only first
    names and words ``common`` does not know."""
    from compare.lexicon import lexicon

    firsts = lexicon().first_name_gender
    toks = tokens(text)
    caps = [text[s].isupper() for _, s, _ in toks]
    title = len(toks) >= 3 and sum(caps) >= 0.8 * len(toks)
    out = []
    for i, (w, s, e) in enumerate(toks):
        surface = text[s:e]
        if not caps[i]:
            out.append(False)
        elif surface in firsts or surface.rstrip("'’s") in firsts:
            out.append(True)
        elif title:
            out.append(common is not None and not common(w))
        else:
            opener = i == 0 or text[:s].rstrip()[-1:] in SENTENCE_OPENERS
            out.append(not opener or (i + 1 < len(toks) and caps[i + 1] and toks[i + 1][1] - e <= 2)
                       or (common is not None and not common(w)))  # "Rutte is …": an opener no model knows
    return out


def _valence(words: list[str], lexicon: dict[str, float]) -> list[float]:
    """Per-word VADER valence, flipped (×-0.74, as VADER does) after a negation within three words."""
    out = []
    for i, w in enumerate(words):
        v = lexicon.get(w, 0.0)
        if v and any(x in NEGATIONS for x in words[max(0, i - 3):i]):
            v *= -0.74
        out.append(v)
    return out


def target_features(sentence: str, start: int, end: int, *, other_targets: tuple[tuple[int, int], ...] = ()) -> dict[str, float]:
    """Features for the sentiment toward the target at sentence[start:end]: words by side and distance, valence, quotes."""
    toks, val, quotes, quote_share, negated, starts, ends, names = _sentence_context(sentence)
    n = len(toks)
    lo, hi = bisect_right(ends, start), bisect_left(starts, end)  # the target's words (overlapping it) are [lo, hi)
    first = lo if lo < hi else hi  # the target's first word, else the first word after it
    last = hi - 1
    others = {i for os, oe in other_targets for i in range(bisect_right(ends, os), bisect_left(starts, oe))}
    feats: dict[str, float] = {"bias": 1.0}
    near_val = left_val = right_val = all_val = 0.0
    near_neg = near_pos = 0.0
    prev, before = "<s>", -1  # the word read before this one, and its index when it was read as itself (else -1)
    for i in (*range(first), *range(hi, n)):  # every word but the target's, in order
        if i == hi and lo < hi:
            prev, before = "<T>", -1
        tok = "<O>" if i in others else toks[i][0]
        word, prefix, bigram, left, right, near_left, near_right = _OTHER_NAMES if tok == "<O>" else names[i]
        if before != i - 1 or tok == "<O>":  # not the bigram of the sentence's words (i-1, i): one with <T> or <O>
            bigram = "b:" + prev + "_" + tok
        feats[word] = feats.get(word, 0.0) + 1.0
        feats[prefix] = 1.0
        feats[bigram] = 1.0
        prev, before = tok, (-1 if tok == "<O>" else i)
        v = val[i]
        if i < first:
            dist, side, side_name, near_name = first - i, "L", left, near_left
        else:
            dist, side, side_name, near_name = i - last, "R", right, near_right
        feats[side_name] = 1.0
        if dist <= NEAR:
            feats[near_name] = 1.0
            near_val += v
            near_neg += v < 0
            near_pos += v > 0
        if i < first:
            left_val += v
        else:
            right_val += v
        all_val += v / (1.0 + 0.25 * dist)
        if v:
            key = ("v:pos:" if v > 0 else "v:neg:") + side
            feats[key] = feats.get(key, 0.0) + 1.0
    if lo < hi and hi == n:  # the target ends the sentence
        prev = "<T>"
    feats["b:" + prev + "_</s>"] = 1.0
    feats["val:near"] = near_val / 4.0
    feats["val:left"] = left_val / 4.0
    feats["val:right"] = right_val / 4.0
    feats["val:weighted"] = all_val / 4.0
    feats["val:near_neg"] = near_neg
    feats["val:near_pos"] = near_pos
    if first == 0:
        feats["pos:first"] = 1.0
    feats["pos:rel"] = first / max(1, n)
    in_quote = any(qs <= start < qe for qs, qe in quotes)
    if in_quote:
        feats["quote:target_inside"] = 1.0
    if quotes:
        feats["quote:share"] = quote_share
    if negated:
        feats["neg:any"] = 1.0
    return feats


def _feature_names(tok: str, prev: str) -> tuple[str, ...]:
    """The names of the features target_features gives a word read as tok after the word prev: word, 5-letter prefix,
    bigram, left and right side, near left and near right."""
    return ("w:" + tok, "p:" + tok[:5], "b:" + prev + "_" + tok, "L:" + tok, "R:" + tok, "nL:" + tok, "nR:" + tok)


_OTHER_NAMES = _feature_names("<O>", "")  # another target's word (its bigram depends on the word before it)


def target_vector(sentence: str, start: int, end: int, table: PieceTable | None = None):
    """Dense features for the target at sentence[start:end]: mean word-piece vectors (VECTOR_BLOCKS order) of the
    target's words, the VECTOR_NEAR words left and right of it and the rest of the sentence (zeros when empty)."""
    return target_vectors([(sentence, start, end)], table)[0]


def target_vectors(targets, table: PieceTable | None = None):
    """:func:`target_vector` of many (sentence, start, end, ...) targets as one (targets × length) array. Each block's
    mean comes from running sums over its sentence's words (any span's sum is two subtractions): one set of running
    sums per sentence, kept one after the other in one array, so that all the targets are read at once with the same
    element-wise float32 operations."""
    import numpy as np

    table = table or piece_table()
    if not targets:
        return np.zeros((0, len(VECTOR_BLOCKS) * table.dims), dtype=np.float32)
    words = {sentence: tokens(sentence) for sentence, *_rest in targets}
    at, rows = {}, 0  # sentence -> its row in sums and counts (zeros), followed by one row per word
    for sentence, toks in words.items():
        at[sentence], rows = rows, rows + len(toks) + 1
    sums = np.zeros((rows, table.dims), dtype=np.float32)
    counts = np.zeros(rows, dtype=np.float32)  # running count of the known words (no piece known: zero vector, not counted)
    for sentence, toks in words.items():
        vectors, known = words_matrix(tuple(sentence[s:e] for _, s, e in toks), table)
        np.cumsum(vectors, axis=0, out=sums[at[sentence] + 1:at[sentence] + 1 + len(toks)])
        np.cumsum(known, out=counts[at[sentence] + 1:at[sentence] + 1 + len(toks)])
    bounds = {sentence: ([s for _, s, _ in toks], [e for _, _, e in toks]) for sentence, toks in words.items()}
    hi, lo = [], []
    for sentence, start, end, *_rest in targets:
        starts, ends = bounds[sentence]
        n, row = len(starts), at[sentence]
        after = bisect_left(starts, end)  # the target's words are [first, after): they overlap sentence[start:end]
        first = min(bisect_right(ends, start), after)
        hi.append([row + after, row + first, row + min(n, after + VECTOR_NEAR), row + n])
        lo.append([row + first, row + max(0, first - VECTOR_NEAR), row + after, row])
    block_sums, block_counts = sums[hi] - sums[lo], counts[hi] - counts[lo]  # (targets × blocks × dims), (targets × blocks)
    block_sums[:, 3] -= block_sums[:, 0]  # the sentence without the target
    block_counts[:, 3] -= block_counts[:, 0]
    return (block_sums / np.maximum(block_counts, 1)[:, :, None]).reshape(len(targets), -1)


@lru_cache(maxsize=1)
def piece_table() -> PieceTable:
    """The shipped word-piece vectors (resources/profile/wordpiece_vectors.npz)."""
    return load_piece_table(PIECE_TABLE)


@lru_cache(maxsize=4096)
def words_matrix(words: tuple[str, ...], table: PieceTable):
    """table.words_matrix(words), worked out once for the same words (a sentence without quotes is its own voice:
    the target and the word models read the same words). The arrays are shared: read them, never write them."""
    return table.words_matrix(list(words))


@lru_cache(maxsize=4096)
def _sentence_context(sentence: str):
    """What every target in a sentence shares: tokens, valences, quoted spans, quoted share, any negation, the
    words' starts and ends, and each word's feature names (:func:`_feature_names`, after the word before it), built
    once for all the targets of the sentence."""
    toks = tokens(sentence)
    words = [t[0] for t in toks]
    quotes = tuple(quoted_spans(sentence))
    share = sum(qe - qs for qs, qe in quotes) / max(1, len(sentence))
    names = [_feature_names(w, prev) for w, prev in zip(words, ["<s>", *words])]
    return (toks, tuple(_valence(words, vader_lexicon())), quotes, share, any(w in NEGATIONS for w in words),
            [t[1] for t in toks], [t[2] for t in toks], names)
