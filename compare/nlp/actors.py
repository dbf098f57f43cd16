"""People, organisations and places named in an article, each resolved to one canonical actor.

Rule-based (no model): capitalised word runs, a gazetteer of places and organisations
(compare/resources/engine/gazetteer.json) and news outlets (compare/resources/lexicon/outlets.tsv), title words peeled off as labels ("NATO Secretary General"),
surnames and definite descriptions ("the former Dutch Prime Minister") resolved to a full name seen in
the same article. Across articles, :func:`match_actors` pairs actors despite partial names, titles,
accents and transliteration ("Vladimir Zelensky" / "Volodymyr Zelenskyy"); first names alone never match.
"""
from __future__ import annotations

import bisect
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from compare.lexicon import lexicon
from compare.model import Actor, Mention
from compare.nlp.similarity import STOPWORDS, is_title_case
from compare.nlp.times import MONTH_NUMBER
from compare.paths import resource

PERSON, ORGANISATION, PLACE, GROUP = "person", "organisation", "place", "group"
RESOURCES = resource("engine")

MONTHS = [name.title() for name in MONTH_NUMBER]
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
ABBREVIATIONS = {"Sen", "Sens", "Rep", "Reps", "Gov", "Govs", "Dr", "Mr", "Mrs", "Ms", "Lt", "Gen", "Col", "Adm", "Maj", "Capt", "Sgt",
                 "Rev", "Prof", "St", "Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "Mt", "Ft"}
# the last word of a name of a day, law, prize or meeting, not of an actor: "Same-Sex Kiss Day", "Affordable Care Act"
EVENT_WORDS = frozenset({"Day", "Week", "Month", "Act", "Bill", "Amendment", "Award", "Awards", "Prize", "Festival",
                         "Summit", "Conference", "Games", "Cup", "Olympics", "Marathon", "Parade", "Treaty", "Accord"})
_LOWER_PIECE = re.compile(r"-[a-z]{2,}-")
# the words that make a name of several words a place: "Staten Island", "Upper East Side", "Fort Myers", "South Florida"
PLACE_TAILS = frozenset({"Island", "Islands", "Bay", "Side", "County", "Valley", "Beach", "Springs", "Heights", "Avenue",
                         "Street", "Boulevard", "Square", "Turnpike", "Bridge", "Harbor", "River", "Coast", "Canyon",
                         "Park", "Peninsula", "District"})
EVENT_HEADS = frozenset({"Hurricane", "Tropical", "Operation", "Super"})  # "Hurricane Sandy", "Super Bowl"
PLACE_HEADS = frozenset({"Fort", "Mount", "Port", "Lake", "Upper", "Lower", "North", "South", "East", "West"})
# title words that only qualify a role ("Democratic Sen.", "First Lady", "National Security Adviser"): alone before one
# word they do not make it a person ("Democratic National Convention", "Homeland Security")
TITLE_QUALIFIERS = frozenset({"Acting", "Affairs", "Agriculture", "Associate", "Commerce", "Crown", "Defence", "Defense",
                              "Democrat", "Democratic", "Deputy", "Economy", "Education", "Energy", "Executive", "Finance",
                              "First", "Foreign", "Former", "Grand", "Health", "Homeland", "House", "Independent",
                              "Intelligence", "Interior", "Labor", "Majority", "Minority", "National", "Press", "Prime",
                              "Republican", "Security", "Senate", "Special", "Staff", "State", "Supreme", "Trade",
                              "Transportation", "Treasury", "Veterans"})
_PRONOUN_CONTRACTION = re.compile(r"(?:I|We|They|You|He|She|It|That|There|Here|What|Who)['’](?:m|ve|d|ll|re|s)")
CONNECTORS = {"of", "for", "de", "da", "van", "von", "der", "den", "al", "bin", "ibn", "la", "le", "du", "di", "del", "y"}

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[\w\u00C0-\u024F][\w\u00C0-\u024F\-]*(?:['’](?=[\w\u00C0-\u024F])[\w\u00C0-\u024F\-]*)*")
_POSSESSIVE = re.compile(r"['’]s?$")
# a US party and state or home-town tag after a name: "(R-S.C.)", "(D-Calif.)", "(I-Vt.)", ", D-Waco"
_PARTY_TAG = re.compile(r"(?:(?<=\()|(?<=, ))[RDI]-[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)*(?=[),;])")  # linear: a space
# begins each further word, so a run of capitals splits one way only


@dataclass(frozen=True)
class Gazetteer:
    """Lookup tables for actor recognition, loaded once from the shipped JSON."""
    kinds: dict[str, tuple[str, str]]  # surface form -> (kind, canonical name)
    longest: int  # most tokens in a gazetteer entry
    titles: frozenset[str]
    demonyms: dict[str, str]
    org_suffixes: frozenset[str]
    stop: frozenset[str]
    not_actors: frozenset[str]
    first_name_groups: dict[str, frozenset[int]]  # normalised first name -> its variant groups ("Michael": Micheál, Mike)
    outlets: frozenset[str]  # canonical outlet names
    prefixes: frozenset[str] = frozenset()  # every entry's leading words before each of its spaces ("European")
    states: frozenset[str] = frozenset()  # AP state abbreviations ("Fla."), read as the state after a comma


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shipped gazetteer (places, organisations, outlets, titles, name variants)."""
    raw = json.loads((RESOURCES / "gazetteer.json").read_text("utf-8"))
    kinds: dict[str, tuple[str, str]] = {}
    for name in raw["places"]:
        kinds[name] = (PLACE, name)
    outlets = list(lexicon().outlet_actors)  # the shared vocabulary (compare/resources/lexicon/outlets.tsv)
    for name in raw["organisations"] + outlets:
        kinds[name] = (ORGANISATION, name)
    for name in raw["groups"]:
        kinds[name] = (GROUP, name)
    for alias, canonical in raw["aliases"].items():
        kind = kinds.get(canonical, kinds.get(alias, (ORGANISATION, canonical)))[0]
        kinds[alias] = (kind, canonical)
    for abbreviation, state in raw["state_abbreviations"].items():  # "Aventura, Fla.": only after a comma (_tokens)
        kinds[abbreviation] = (PLACE, state)
    groups: dict[str, frozenset[int]] = {}
    for gid, names in enumerate(raw["first_name_variants"]):
        for name in names:  # a name in two lists is a variant of both ("Michael" of "Micheál" and of "Mike")
            groups[fold(name)] = groups.get(fold(name), frozenset()) | {gid}
    titles = raw["titles"]
    return Gazetteer(
        kinds=kinds,
        longest=max(len(k.split()) for k in kinds),
        titles=frozenset(t for t in titles if " " not in t),
        demonyms=dict(raw["demonyms"]),
        org_suffixes=frozenset(raw["org_suffixes"]),
        stop=frozenset(raw["sentence_initial_stop"]) | frozenset(MONTHS) | frozenset(WEEKDAYS),
        not_actors=frozenset(raw["not_actors"]),
        first_name_groups=groups,
        outlets=frozenset(outlets),
        prefixes=frozenset(name[:k] for name in kinds for k, c in enumerate(name) if c == " "),
        states=frozenset(raw["state_abbreviations"]),
    )


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Lower case without accents or punctuation: 'Micheál' -> 'micheal' (cached: names repeat)."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9 ]+", "", plain.lower().replace("-", " ")).strip()


# --------------------------------------------------------------------------- recognition

@dataclass(slots=True)
class _Token:
    text: str
    start: int
    end: int


@dataclass
class _Candidate:
    start: int
    end: int
    text: str
    kind: str
    name: str  # canonical for gazetteer hits, the surface name for people
    labels: tuple[str, ...] = ()
    sentence: int = 0
    certain: bool = True  # False: a lone capitalised word that is a person only if its surname is known


def _tokens(text: str, start: int, end: int, states: frozenset[str] = frozenset()) -> list[_Token]:
    """The capitalised words and connectors of text[start:end], the only tokens a run (_runs) is made of: any other
    word only ends a run, and the text it leaves between two tokens ends it just the same."""
    out = []
    tags = [m.span() for m in _PARTY_TAG.finditer(text, start, end)]
    for m in _TOKEN.finditer(text, start, end):
        word, (s, e) = m.group(), m.span()
        if not word[:1].isupper() and word not in CONNECTORS or _PRONOUN_CONTRACTION.fullmatch(word):
            continue
        if tags and any(a <= s < b for a, b in tags):
            continue  # a party and state tag ("(R-S.C.)", ", D-Waco"): not an actor of its own
        if (word in ABBREVIATIONS or (len(word) == 1 and word.isupper())) and e < end and text[e] == ".":
            word, e = word + ".", e + 1  # titles and initials keep their full stop: "Sen.", "Robert F. Bauer"
        elif e < end and text[e] == "." and word + "." in states and text[s - 2:s] == ", ":
            word, e = word + ".", e + 1  # a state after a place: "Austin, Tex." (not the name Tex)
        out.append(_Token(word, s, e))
    return out


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _runs(text: str, tokens: list[_Token]) -> list[list[_Token]]:
    """Maximal runs of capitalised tokens separated only by single spaces (connectors allowed inside)."""
    runs: list[list[_Token]] = []
    current: list[_Token] = []
    for i, tok in enumerate(tokens):
        joined = current and text[current[-1].end:tok.start] == " "
        if _capitalised(tok.text):
            if not joined and current:
                runs.append(current)
                current = []
            current.append(tok)
        elif (tok.text in CONNECTORS and joined and i + 1 < len(tokens)
              and _capitalised(tokens[i + 1].text) and text[tok.end:tokens[i + 1].start] == " "):
            current.append(tok)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _strip_possessive(tok: _Token) -> _Token:
    if tok.text[-1] not in "'’s":
        return tok
    m = _POSSESSIVE.search(tok.text)
    if m and len(tok.text) > 2:
        return _Token(tok.text[:m.start()], tok.start, tok.end - len(m.group()))
    return tok


def _span_text(text: str, toks: list[_Token]) -> str:
    return text[toks[0].start:toks[-1].end]


def _gazetteer_hit(text: str, toks: list[_Token], i: int, gz: Gazetteer) -> tuple[int, tuple[str, str]] | None:
    """Longest gazetteer entry starting at token i: (end index, (kind, canonical))."""
    tok = toks[i]
    start = tok.start
    if text.startswith(" ", tok.end) and text[start:tok.end] not in gz.prefixes:  # the common case, in short:
        surface = text[start:tok.end]  # no entry runs on past the space after token i, so only it alone can be one
        hit = gz.kinds.get(surface)
        if hit is None and tok.text != "The" and surface[-1] in "'’s":
            hit = gz.kinds.get(_POSSESSIVE.sub("", surface))
        return None if hit is None else (i + 1, hit)
    top = min(len(toks), i + gz.longest)
    if top > i + 1:
        limit = toks[top - 1].end
        space = text.find(" ", start, limit)
        while space != -1 and text[start:space] in gz.prefixes:  # an entry can only run on past a space
            space = text.find(" ", space + 1, limit)  # if its words up to that space start some entry
        if space != -1:
            while top > i + 1 and toks[top - 1].end > space:
                top -= 1
    for j in range(top, i, -1):
        surface = text[start:toks[j - 1].end]
        hit = gz.kinds.get(surface)
        if hit is None:
            if toks[i].text == "The" or surface[-1] not in "'’s":  # no possessive ending to take off
                continue
            hit = gz.kinds.get(_POSSESSIVE.sub("", surface))
        if hit is not None:
            return j, hit
    return None


def _surname_hit(text: str, run: list[_Token], i: int, j: int, gz: Gazetteer) -> bool:
    """Whether the one-word gazetteer entry ending a run is the surname of the name begun at i ("Vicente Fox",
    "Jim Jordan"), not an organisation or place."""
    hit = _gazetteer_hit(text, run, j, gz)
    return j == len(run) - 1 and j == i + 1 and run[i].text not in CONNECTORS and hit is not None and hit[0] == j + 1 and hit[1][0] != GROUP


def _is_label(word: str, gz: Gazetteer) -> bool:
    return word in gz.titles or word in gz.demonyms or word.lower() == "former"


def _candidates(text: str, span: tuple[int, int], sentence: int, gz: Gazetteer) -> list[_Candidate]:
    """Actor candidates of one sentence."""
    tokens = _tokens(text, *span, gz.states)
    out: list[_Candidate] = []
    pending_label: tuple[str, int] | None = None  # an all-title run waiting for an appositive name
    for run in _runs(text, tokens):
        run = [_strip_possessive(t) for t in run]
        while run and (run[0].text in gz.stop or run[0].text in gz.not_actors) and not _gazetteer_hit(text, run, 0, gz) \
                and not _first_name_at(run, 0, gz):
            run = run[1:]
        while run and run[-1].text in CONNECTORS:
            run = run[:-1]
        if not run:
            continue
        # a whole run ending in an organisation word is one organisation ("Senate Armed Services Committee")
        head = _gazetteer_hit(text, run, 0, gz)
        if len(run) > 1 and run[-1].text in gz.org_suffixes and (head is None or head[0] < len(run)):
            first = next((k for k, t in enumerate(run) if t.text not in gz.demonyms), 0)
            body = run[first:] if len(run) - first > 1 else run  # "American Airlines" keeps its adjective
            surface = _span_text(text, body)
            hit = gz.kinds.get(surface)
            out.append(_Candidate(body[0].start, body[-1].end, surface, ORGANISATION,
                                  hit[1] if hit else surface, sentence=sentence))
            continue
        # "Office of Professional Responsibility", "Center for American Progress": an organisation word + of / for
        of_org = next((k for k in range(1, len(run) - 1) if run[k].text in ("of", "for") and run[k - 1].text in gz.org_suffixes
                       and not _gazetteer_hit(text, run, k - 1, gz)), None)
        if of_org is not None:
            body = run[of_org - 1:]
            surface = _span_text(text, body)
            hit = gz.kinds.get(surface)
            out.append(_Candidate(body[0].start, body[-1].end, surface, ORGANISATION, hit[1] if hit else surface,
                                  sentence=sentence))
            run = run[:of_org - 1]
        i = 0
        labels: list[_Token] = []
        while i < len(run):
            hit = _gazetteer_hit(text, run, i, gz)
            if hit:
                j, (kind, canonical) = hit
                out.append(_Candidate(run[i].start, run[j - 1].end, _span_text(text, run[i:j]), kind, canonical,
                                      sentence=sentence))
                labels.extend(run[i:j])
                i = j
                continue
            word = run[i].text
            first_name = _first_name_at(run, i, gz)
            if (word in gz.stop or word in gz.not_actors) and not first_name:
                labels = []
                i += 1
                continue
            if _is_label(word, gz) or (word in CONNECTORS and labels):
                labels.append(run[i])
                i += 1
                continue
            j = i + 1 if first_name else i
            while j < len(run) and not (run[j].text in gz.stop or run[j].text in gz.not_actors
                                        or (_gazetteer_hit(text, run, j, gz) and not _surname_hit(text, run, i, j, gz))
                                        or _is_label(run[j].text, gz)):
                j += 1
            while j > i + 1 and run[j - 1].text in CONNECTORS:
                j -= 1
            if j == i + 1 == len(run) - 1 and run[j].text in MONTHS and run[i].text in lexicon().first_name_gender \
                    and not re.match(r"\s*\d", text[run[j].end:]):
                j += 1  # a month closing a run after a first name is its surname: "Theresa May", "Brian May"
            if j < len(run) and _is_label(run[j].text, gz) and run[i].text in lexicon().first_name_gender \
                    and (j + 1 == len(run) or run[j + 1].text in CONNECTORS):
                j += 1  # a title word closing a name after a first name is its surname: "Angus King of Maine"
            name_toks = run[i:j]
            label = _span_text(text, labels) if labels else ""
            if not label and pending_label and pending_label[1] == name_toks[0].start:
                label = pending_label[0]
            if not (len(name_toks) == 1 and name_toks[0].text in gz.org_suffixes) \
                    and not (len(name_toks) > 1 and name_toks[-1].text in EVENT_WORDS
                             and name_toks[0].text not in lexicon().first_name_gender) \
                    and not (j < len(run) and run[j].text in EVENT_WORDS):  # "Affordable Care" of "… Care Act"
                # a possessive inside the run ends the owner's name: "Examiner's Phillip Klein" names Phillip Klein,
                # "McCain's Medicare" McCain and no one after him (a lone word is kept only where it resolves)
                owner = next((k for k, t in enumerate(name_toks[:-1]) if text[t.end:t.end + 1] in "'’"), None)
                parts = [name_toks] if owner is None else [name_toks[:owner + 1], name_toks[owner + 1:]]
                for n, part in enumerate(parts):
                    candidate = _person_or_other(text, part, label if n == 0 else "", sentence, span, gz)
                    if candidate is not None:
                        out.append(candidate)
            labels = []
            i = j
        pending_label = None
        if labels and labels[-1] is run[-1] and text[run[-1].end:run[-1].end + 2] == ", ":
            pending_label = (_span_text(text, labels), run[-1].end + 2)
    return out


def _first_name_at(run: list[_Token], i: int, gz: Gazetteer) -> bool:
    """Whether run[i] is a listed first name that is also a word never taken for an actor ("Bill" of Bill Clinton)
    followed by a capitalised word that could be a surname: then it starts a name; alone it is the word. Months and
    the other sentence-initial words stay words ("In June Obama signed it" names no June Obama)."""
    nxt = run[i + 1].text if i + 1 < len(run) else ""
    return (run[i].text in lexicon().first_name_gender and run[i].text not in gz.stop and nxt[:1].isupper()
            and not (nxt in gz.stop or nxt in gz.not_actors or _is_label(nxt, gz) or nxt in EVENT_WORDS))


def _person_or_other(text: str, toks: list[_Token], label: str, sentence: int, span: tuple[int, int],
                     gz: Gazetteer) -> _Candidate | None:
    if toks[0].text in EVENT_HEADS:
        return None  # "Hurricane Sandy", "Operation Desert Storm"
    cut = max((k for k, t in enumerate(toks) if t.text == "of"), default=-1)
    if cut >= 2 and toks[0].text in lexicon().first_name_gender and "of" not in (t.text for t in toks[:cut]):
        toks = toks[:cut]  # "Adam Hayward of Deuel County": the person, not the place after "of"
    else:
        toks = toks[cut + 1:] or toks
    surface = _span_text(text, toks)
    labels = (label,) if label else ()
    if len(toks) == 1 and (surface.isupper() and len(surface) > 1 or _LOWER_PIECE.search(surface)):
        # "NAACP"; a one-word name with a lower-case piece between hyphens is a brand, not a person: "Chick-fil-A"
        return _Candidate(toks[0].start, toks[0].end, surface, ORGANISATION, surface, sentence=sentence)
    if len(toks) >= 2 and toks[-1].text in gz.org_suffixes:  # "Claremont Institute" after "…’s" in one run
        return _Candidate(toks[0].start, toks[-1].end, surface, ORGANISATION, surface, sentence=sentence)
    if len(toks) >= 2 and (toks[-1].text in PLACE_TAILS or toks[0].text in PLACE_HEADS):
        return _Candidate(toks[0].start, toks[-1].end, surface, PLACE, surface, sentence=sentence)  # "Staten Island"
    after = text[toks[-1].end:span[1]].lstrip(" ,")
    followed_by_verb = after.split(" ", 1)[0].strip(".,;:") in lexicon().quote_verbs if after else False
    # one word is a person when a title names it ("Senator Smith"), not when a place or an adjective comes before it:
    # "Boston Herald", "Catholic Bishops", "Democratic National Convention"
    titled = any(w in gz.titles and w not in TITLE_QUALIFIERS for w in label.split())
    certain = len(toks) >= 2 or titled or followed_by_verb
    return _Candidate(toks[0].start, toks[-1].end, surface, PERSON, surface, labels, sentence, certain)


# --------------------------------------------------------------------------- coreference within an article

_DESCRIPTION = re.compile(
    r"\b[Tt]he\s+((?:(?:former|then|then-|outgoing|incoming|new|current|late|embattled|(?-i:[A-Z][\w\-]+))\s+){0,3})"
    r"(president|prime minister|secretary[- ]general|chancellor|secretary of state|foreign minister|"
    r"defen[cs]e secretary|governor|senator|mayor|speaker|premier|taoiseach|king|queen|pope)\b(?!,?\s+(?-i:[A-Z]))",
    re.IGNORECASE)


@dataclass
class _Person:
    names: list[str]
    labels: list[str]
    first: int


def _surname(name: str) -> str:
    parts = [p for p in name.split() if p not in ("Jr.", "Sr.", "II", "III")]
    return parts[-1] if parts else name


MAX_NAME_WORDS = 6  # the longest person name looked for inside a Title Case run ("Juan Carlos de la Cruz Ruiz")


def _known_in_title(text: str, span: tuple[int, int], k: int, names: set[str], gz: Gazetteer,
                    firsts: set[str], sizes: set[int]) -> list[_Candidate]:
    """In a Title Case sentence, only gazetteer entries and person names already seen elsewhere count (firsts and
    sizes: the first words and word counts of those names, so a window that cannot be one is not joined up)."""
    out = []
    for c in _candidates(text, span, k, gz):
        if c.kind != PERSON:
            out.append(c)
            continue
        words = c.text.split()
        for size in range(min(len(words), MAX_NAME_WORDS), 0, -1):  # no name is longer: keeps a long run linear
            found = False
            if size not in sizes:
                continue
            for i in range(len(words) - size + 1):
                if words[i] not in firsts:
                    continue
                name = " ".join(words[i:i + size])
                if name in names:
                    start = c.start + len(" ".join(words[:i])) + (1 if i else 0)
                    out.append(_Candidate(start, start + len(name), name, PERSON, name, (), k, True))
                    found = True
                    break
            if found:
                break
    return out


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]{3,}")


def _title_line(sentence: str) -> bool:
    """Whether a sentence is set in Title Case, so that its capitals say nothing of names (a headline). A sentence that
    ends as a sentence does and has a lower-case content word is prose full of names, not a headline: "Senators Ron
    Wyden of Oregon and Rand Paul of Kentucky objected." (85% of its long words capitalised) names two people."""
    if not is_title_case(sentence):
        return False
    ended = sentence.rstrip().rstrip("\"'”’)").endswith((".", "!", "?"))
    return not (ended and any(w not in STOPWORDS for w in _LOWER_WORD.findall(sentence)))


def find_actors(text: str, sentence_spans: Sequence[tuple[int, int]]) -> tuple[tuple[Actor, ...], tuple[Mention, ...]]:
    """Actors and their mentions in ``text``, sentence by sentence, resolved within the text."""
    gz = gazetteer()
    titled = {k for k, span in enumerate(sentence_spans) if _title_line(text[span[0]:span[1]])}
    plain = {k: _candidates(text, span, k, gz) for k, span in enumerate(sentence_spans) if k not in titled}
    # the people a Title Case headline may name: those the prose names for sure (a lone capitalised word that nothing
    # marks as a person, "… to Marijuana", does not make "Over Marijuana Legalization" name someone)
    seen = {c.name for cs in plain.values() for c in cs if c.kind == PERSON and (c.certain or " " in c.name)}
    seen |= {c.name.split()[-1] for cs in plain.values() for c in cs if c.kind == PERSON and " " in c.name}
    firsts, sizes = {n.split(" ")[0] for n in seen}, {len(n.split(" ")) for n in seen}
    cands = [c for k, span in enumerate(sentence_spans)
             for c in (plain[k] if k in plain else _known_in_title(text, span, k, seen, gz, firsts, sizes))]
    persons: dict[str, _Person] = {}
    by_fold: dict[str, str] = {}  # fold(name) -> the first person key with it (_same_full_name compares folds)
    for c in cands:
        if c.kind == PERSON and len(c.name.split()) >= 2:
            key = by_fold.get(fold(c.name))
            person = persons[key] if key is not None else None
            if person is None:
                persons[c.name] = _Person([c.name], list(c.labels), c.start)
                by_fold[fold(c.name)] = c.name
            else:
                person.names.append(c.name)
                person.labels.extend(c.labels)
    by_surname: dict[str, list[str]] = {}
    by_first: dict[str, list[str]] = {}
    for key in sorted(persons, key=lambda n: persons[n].first):
        by_surname.setdefault(_surname(key), []).append(key)
        by_first.setdefault(key.split()[0], []).append(key)
    canonical = {key: max(p.names, key=lambda n: (len(n.split()), -p.names.index(n))) for key, p in persons.items()}
    certain_singles = {c.name for c in cands if c.kind == PERSON and c.certain and " " not in c.name}
    cands += _stop_word_surnames(text, sentence_spans, by_surname, cands, gz)

    resolved: list[tuple[_Candidate, str, str]] = []  # (candidate, canonical, kind)
    for c in cands:
        if c.kind != PERSON:
            # a one-word gazetteer hit that is the surname of a person named in full is that person ("Fox" after
            # "Vicente Fox"; not Fox News)
            person = by_surname.get(c.text) if c.kind != GROUP and " " not in c.text else None
            resolved.append((c, canonical[person[0]], PERSON) if person else (c, c.name, c.kind))
            continue
        key = by_fold.get(fold(c.name)) if len(c.name.split()) >= 2 else None
        if key is None and len(c.name.split()) == 1:
            options = by_surname.get(c.name) or ([] if c.name in by_surname else by_first.get(c.name, []))
            key = options[0] if options else None  # the first introduced: later forms are often nicknames
        if key is not None:
            persons[key].labels.extend(c.labels)
            resolved.append((c, canonical[key], PERSON))
        elif c.certain or c.name in certain_singles:
            resolved.append((c, c.name, PERSON))
    resolved += _descriptions(text, sentence_spans, resolved, persons, canonical)
    return _assemble(resolved, persons, canonical)


def _stop_word_surnames(text: str, sentence_spans: Sequence[tuple[int, int]], by_surname: dict[str, list[str]],
                        cands: Sequence[_Candidate], gz: Gazetteer) -> list[_Candidate]:
    """The surname of a person named in full that is also a stop word ("May" of Theresa May, a month), where the text
    writes it alone as a speaker or after a title ("May told parliament", "Mrs. May", "Prime Minister May"): candidates
    the sentence pass dropped as a month or a weekday."""
    names = [n for n in by_surname if n in gz.stop]
    if not names:
        return []
    taken = {(c.start, c.end) for c in cands}
    starts = [a for a, _ in sentence_spans]
    verbs = lexicon().verb_pattern()
    out = []
    for name in names:
        pattern = (r"(?:(?<=\bMrs\. )|(?<=\bMr\. )|(?<=\bMs\. )|(?<=Minister )|(?<=President )|(?<=Sen\. )|(?<=Rep\. ))"
                   + re.escape(name) + r"\b|\b" + re.escape(name) + r"(?=,? (?:" + verbs + r")\b)")
        for m in re.finditer(pattern, text):
            if (m.start(), m.end()) not in taken:
                sentence = max(0, bisect.bisect_right(starts, m.start()) - 1)
                out.append(_Candidate(m.start(), m.end(), name, PERSON, name, sentence=sentence))
    return out


def _same_full_name(a: str, b: str) -> bool:
    return a == b or fold(a) == fold(b)


def _descriptions(text, sentence_spans, resolved, persons, canonical) -> list[tuple[_Candidate, str, str]]:
    """Definite descriptions ("the former Dutch Prime Minister") resolved to a person named before.

    Each description looks back at the people resolved so far through two indexes (not a scan of all of them): by
    sentence, and per title word the latest person (in resolved order) whose mention ends by a given offset."""
    out = []
    label_of = {canonical[k]: " ".join(p.labels).lower().replace("-", " ") for k, p in persons.items()}
    people = [(n, c, name) for n, (c, name, kind) in enumerate(resolved) if kind == PERSON]
    by_sentence: dict[int, list[tuple[int, _Candidate, str]]] = {}
    for person in people:
        by_sentence.setdefault(person[1].sentence, []).append(person)
    by_end = sorted(people, key=lambda person: person[1].end)
    ends = [c.end for _, c, _ in by_end]
    latest: dict[str, list[int]] = {}  # head -> over by_end, the largest resolved position so far with that label
    for k, (s, e) in enumerate(sentence_spans):
        for m in _DESCRIPTION.finditer(text, s, e):
            head = m.group(2).lower().replace("-", " ")
            if head not in latest:
                best, latest[head] = -1, []
                for n, _, name in by_end:
                    if head in label_of.get(name, ""):
                        best = max(best, n)
                    latest[head].append(best)
            before = bisect.bisect_right(ends, m.start())  # people whose mention ends before the description
            last = latest[head][before - 1] if before else -1
            target = resolved[last][1] if last >= 0 else None
            if target is None and m.start() == s and k > 0 and not re.match(r"[’']s?\b", text[m.end():m.end() + 2]):
                # a sentence opening with the description names the person of the sentence before, unless it only owns
                # what the sentence is about ("The Kentucky secretary of state's office began filing his orders")
                in_sentence = {name for _, _, name in by_sentence.get(k, ())}
                target = next((name for _, c, name in by_sentence.get(k - 1, ())
                               if c.end <= m.start() and name not in in_sentence), None)
            if target is not None:
                cand = _Candidate(m.start(), m.end(), m.group(), PERSON, target, (m.group()[4:],), k)
                out.append((cand, target, PERSON))
    return out


def _assemble(resolved, persons, canonical) -> tuple[tuple[Actor, ...], tuple[Mention, ...]]:
    order: dict[str, int] = {}
    kinds: dict[str, str] = {}
    aliases: dict[str, list[str]] = {}
    labels: dict[str, list[str]] = {}
    mentions = []
    for c, name, kind in sorted(resolved, key=lambda r: (r[0].start, r[0].end)):
        order.setdefault(name, c.start)
        kinds.setdefault(name, kind)
        if c.text.lower().startswith("the ") and kind == PERSON and c.labels and c.text[4:] == c.labels[0]:
            labels.setdefault(name, []).append(c.labels[0])
        else:
            aliases.setdefault(name, []).append(c.text)
            labels.setdefault(name, []).extend(c.labels)
        mentions.append(Mention(c.text, c.start, c.end, name))
    for key, p in persons.items():
        labels.setdefault(canonical[key], []).extend(p.labels)
    actors = tuple(
        Actor(name, kinds[name], tuple(dict.fromkeys(aliases.get(name, ()))),
              tuple(dict.fromkeys(l for l in labels.get(name, ()) if l)))
        for name in sorted(order, key=order.get))
    unique = tuple(dict.fromkeys(mentions))
    nested = _nested(unique)
    return actors, tuple(m for k, m in enumerate(unique) if k not in nested)


def _nested(mentions: tuple[Mention, ...]) -> set[int]:
    """Positions of mentions lying inside a longer mention of the same actor (one sweep per actor, not all pairs)."""
    by_actor: dict[str, list[int]] = {}
    for k, m in enumerate(mentions):
        by_actor.setdefault(m.actor, []).append(k)
    nested = set()
    for ks in by_actor.values():
        reach, reach_before, last = -1, -1, None  # reach_before: the furthest end among strictly earlier spans
        for k in sorted(ks, key=lambda k: (mentions[k].start, -mentions[k].end)):
            span = (mentions[k].start, mentions[k].end)
            if span != last:
                reach_before, last = reach, span
            if reach_before >= span[1]:
                nested.add(k)
            reach = max(reach, span[1])
    return nested


def article_actors(article) -> tuple[tuple[Actor, ...], tuple[Mention, ...]]:
    """Actors of every sentence of an Article (captions included; facts keep only their own mentions)."""
    return find_actors(article.text, [(s.start, s.end) for s in article.sentences])


def text_actors(text: str) -> tuple[tuple[Actor, ...], tuple[Mention, ...]]:
    """Actors of a free-standing text, split into sentences first."""
    from compare.nlp.sentences import split_sentences
    return find_actors(text, split_sentences(text))


# --------------------------------------------------------------------------- across articles

def _surname_match(a: str, b: str) -> bool:
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    if fa[0] != fb[0] or min(len(fa), len(fb)) < 4:
        return False
    from rapidfuzz.distance import Levenshtein
    return Levenshtein.distance(fa, fb) <= (1 if min(len(fa), len(fb)) < 6 else 2)


def _first_match(a: str, b: str, gz: Gazetteer) -> bool:
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    if gz.first_name_groups.get(fa, frozenset()) & gz.first_name_groups.get(fb, frozenset()):
        return True
    return (len(fa) == 1 or len(fb) == 1) and fa[:1] == fb[:1]  # an initial


def same_actor(a: Actor, b: Actor) -> bool:
    """Whether two actors from different articles are the same: places/organisations by name, people by
    surname (spelling variants allowed) plus compatible first names when both give one."""
    if a.kind != b.kind and PERSON in (a.kind, b.kind):
        return False
    if a.kind != PERSON:
        return fold(a.name) == fold(b.name)
    pa, pb = a.name.split(), b.name.split()
    if not _surname_match(_surname(a.name), _surname(b.name)):
        return False
    if len(pa) >= 2 and len(pb) >= 2:
        return _first_match(pa[0], pb[0], gazetteer())
    return True


def spelling_differs(a: Actor, b: Actor) -> str:
    """How two matched actors' full names differ in spelling ('' when one is just shorter or longer)."""
    ta, tb = a.name.split(), b.name.split()
    if len(ta) < 2 or len(tb) < 2 or a.name == b.name:
        return ""
    if fold(a.name) == fold(b.name):
        return "accents differ"
    parts = []
    if fold(ta[0]) != fold(tb[0]):
        parts.append("first name in another form" if len(fold(ta[0])) > 1 and len(fold(tb[0])) > 1 else "")
    if fold(_surname(a.name)) != fold(_surname(b.name)):
        parts.append("surname spelled differently")
    return " and ".join(p for p in parts if p)


def match_actors(a: Sequence[Actor], b: Sequence[Actor]) -> list[tuple[Actor, Actor]]:
    """Pairs (actor of A, actor of B) naming the same actor; each actor pairs at most once, fullest names first."""
    pairs = []
    used_b: set[int] = set()
    for x in sorted(a, key=lambda t: -len(t.name.split())):
        for k, y in enumerate(b):
            if k not in used_b and same_actor(x, y):
                pairs.append((x, y))
                used_b.add(k)
                break
    return pairs


def pair_name(x: Actor, y: Actor) -> str:
    """One name for an actor matched across two articles: the fuller form, else A's."""
    return y.name if len(y.name.split()) > len(x.name.split()) else x.name
