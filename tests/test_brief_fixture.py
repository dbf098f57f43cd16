"""Hand-built Comparison fixtures for the brief tests (every section filled), and checks of the fixtures."""
from __future__ import annotations

import hashlib
import re

from compare import model
from compare.model import (
    Actor,
    ActorVariant,
    Article,
    Attribution,
    Comparison,
    Conflict,
    Difference,
    Fact,
    Link,
    MatrixRow,
    Method,
    PairComparison,
    Paragraph,
    Quantity,
    Quote,
    Reason,
    Sentence,
    TimeAnchor,
    Verdict,
)
from compare.profile.differences import tone_actor_groups
from compare.profile.types import (
    ActorLabels,
    Evidence,
    FrameScore,
    FramingProfile,
    OutletProfile,
    Placement,
    ReadabilityProfile,
    SentimentProfile,
    SourcingProfile,
    SpeakerShare,
    TargetSentiment,
    WordingProfile,
    WordUse,
)

LEDGER = """Rutte presses allies on €2 billion fund as Trump hosts talks

NATO Secretary General Mark Rutte met President Donald Trump at the White House on Thursday. The two leaders discussed defence spending for two hours.

“Europe must pay its fair share,” Trump said after the meeting. Allies agreed to a €2 billion fund for Ukraine, according to officials.

Irish Prime Minister Micheál Martin also visited Washington this week. Turkish President Recep Tayyip Erdoğan was not invited.

Polish minister Łukasz Kowalski said the fund would reach Київ by April. Details are at https://example.org/news/2026/03/13/nato-fund-rutte-trump-white-house-meeting-defence-spending-ukraine.html today."""

COURIER = """Trump and Rutte agree €3 billion Ukraine fund

President Trump met NATO chief Mark Rutte at the White House on Wednesday. The leaders talked about defence spending.

Allies will put €3 billion into a fund for Ukraine, a senior official said, speaking on condition of anonymity. “We are in this together,” Rutte told reporters.

Critics called the plan a reckless gamble with taxpayers’ money."""

GAZETTE = """Zelenskyy welcomes NATO fund after White House talks

Mark Rutte and Donald Trump met at the White House on Thursday to discuss defence spending.

Ukrainian President Volodymyr Zelenskyy said the €2 billion fund was “a lifeline”. The money will arrive in Kyiv by May, his office said."""

HOSTILE = (
    'Breaking: <font color="red">size</font> & <a href="javascript:alert(1)">click</a> ]]>\n\n'
    'An <img src="x" onerror="alert(1)"> tag & a < b > c in ]]> text. '
    + "W" * 10000
    + " ends here.\n\nA second paragraph with <b>bold</b> markup &amp; entities &#169; stays literal. "
    "Emoji 😀, 中文, a\ttab, a \x0b vertical tab and a \x00 null are no trouble."
)


def make_article(text: str, outlet: str, *, date: str | None = None, source: str = "-") -> Article:
    """An Article from text in the seeds' layout, split with simple rules (the real reader is compare.ingest)."""
    paragraphs, sentences, start = [], [], 0
    for index, block in enumerate(text.split("\n\n")):
        end = start + len(block)
        paragraphs.append(Paragraph(index, model.HEADLINE if index == 0 else model.BODY, start, end, block))
        spans = [(start, end)] if index == 0 else [
            (start + m.start(), start + m.end()) for m in re.finditer(r"\S.*?(?:[.!?](?=\s|$)|$)", block)
        ]
        for s, e in spans:
            sentences.append(Sentence(len(sentences), index, s, e, text[s:e]))
        start = end + 2
    return Article(
        text=text, headline=paragraphs[0].text, paragraphs=tuple(paragraphs), sentences=tuple(sentences),
        outlet=outlet, outlet_rule="option", source=source,
        content_hash=hashlib.sha256(text.encode()).hexdigest(), date=date,
    )


def _span(article: Article, needle: str) -> tuple[int, int]:
    start = article.text.index(needle)
    return start, start + len(needle)


def make_facts(article: Article, index: int, letter: str, extras: dict[int, dict]) -> tuple[Fact, ...]:
    """One fact per reporting sentence, id LETTER+sentence index, with the given extra fields per sentence."""
    facts = []
    for s in article.reporting_sentences:
        extra = extras.get(s.index, {})
        role = "headline" if s.paragraph == 0 else ("lead" if s.paragraph == 1 else "body")
        facts.append(Fact(f"{letter}{s.index}", index, s.index, s.start, s.end, s.text, role, **extra))
    return tuple(facts)


def _quote(article: Article, text: str, speaker: str | None, anonymous: bool = False, verb: str = "said") -> Quote:
    return Quote(text, *_span(article, text), speaker=speaker, anonymous=anonymous, verb=verb)


def _attr(article: Article, kind: str, source: str, cue: str) -> Attribution:
    return Attribution(kind, source, cue, *_span(article, cue))


def build_comparison(n: int = 2) -> Comparison:
    """Two (or three) short articles on one meeting, with every part of a Comparison filled in."""
    a = make_article(LEDGER, "Daily Ledger", date="2026-03-13", source="ledger.txt")
    b = make_article(COURIER, "Evening Courier", date="2026-03-14", source="courier.txt")
    articles = [a, b]
    fa = make_facts(a, 0, "A", {
        1: {"actors": ("Mark Rutte", "Donald Trump"),
            "times": (TimeAnchor("Thursday", *_span(a, "Thursday"), "weekday", "2026-03-12"),)},
        3: {"actors": ("Donald Trump",), "quotes": (_quote(a, "“Europe must pay its fair share,”", "Donald Trump"),)},
        4: {"quantities": (Quantity("€2 billion", *_span_after(a, "€2 billion", 80),
                                    2e9, "EUR", "fund"),),
            "attributions": (_attr(a, "anonymous", "officials", "according to officials"),)},
        7: {"actors": ("Łukasz Kowalski",), "attributions": (_attr(a, "named", "Łukasz Kowalski", "Łukasz Kowalski said"),)},
    })
    fb = make_facts(b, 1, "B", {
        1: {"actors": ("Donald Trump", "Mark Rutte"),
            "times": (TimeAnchor("Wednesday", *_span(b, "Wednesday"), "weekday", "2026-03-11"),)},
        3: {"quantities": (Quantity("€3 billion", *_span_after(b, "€3 billion", 50), 3e9, "EUR", "fund"),),
            "quotes": (),
            "attributions": (_attr(b, "anonymous", "a senior official", "a senior official said, speaking on condition of anonymity"),)},
        4: {"actors": ("Mark Rutte",), "quotes": (_quote(b, "“We are in this together,”", "Mark Rutte", verb="told"),)},
    })
    facts = [fa, fb]
    ab = PairComparison(
        0, 1,
        links=(
            Link(model.PARTIAL, ("A0",), ("B0",), 0.58, "Both headlines name Trump, Rutte and a Ukraine fund; the sums differ.",
                 {"lexical": 0.41, "semantic": 0.66, "actors": 1.0}),
            Link(model.CONFLICTING, ("A1",), ("B1",), 0.81, "Same meeting sentence, but the weekday differs.",
                 {"lexical": 0.62, "semantic": 0.85, "actors": 1.0},
                 (Conflict("date", "Thursday", "Wednesday", "A says Thursday, B says Wednesday"),)),
            Link(model.SHARED, ("A2",), ("B2",), 0.77, "Both say the leaders discussed defence spending.",
                 {"lexical": 0.45, "semantic": 0.83, "actors": 0.5}),
            Link(model.CONFLICTING, ("A4",), ("B3",), 0.74, "Both report the allies' Ukraine fund, with different sums.",
                 {"lexical": 0.52, "semantic": 0.79, "quantities": 0.0},
                 (Conflict("number", "€2 billion", "€3 billion", "2e9 EUR vs 3e9 EUR"),
                  Conflict("attribution", "according to officials", "a senior official said", "plural vs single source"))),
            Link(model.ONLY_A, ("A3",), (), 0.0, "No sentence in B carries Trump's quote."),
            Link(model.ONLY_A, ("A5",), (), 0.0, "B does not mention Micheál Martin."),
            Link(model.ONLY_A, ("A6",), (), 0.0, "B does not mention Erdoğan."),
            Link(model.ONLY_A, ("A7",), (), 0.0, "B does not say when the money arrives."),
            Link(model.ONLY_A, ("A8",), (), 0.0, "B gives no link."),
            Link(model.ONLY_B, (), ("B4",), 0.0, "A has no quote from Rutte."),
            Link(model.ONLY_B, (), ("B5",), 0.0, "A does not report criticism of the plan."),
        ),
        verdict=Verdict(model.SAME_EVENT, 0.86, (
            Reason("Both describe a Trump–Rutte meeting at the White House.", 0.9, ("A1", "B1")),
            Reason("Both report an allied fund for Ukraine.", 0.6, ("A4", "B3")),
            Reason("The weekday of the meeting differs (Thursday vs Wednesday).", -0.3, ("A1", "B1")),
            Reason("Published one day apart.", 0.2),
        )),
        shared_actors=("Donald Trump", "Mark Rutte"),
        actor_variants=(ActorVariant("Mark Rutte", "NATO Secretary General Mark Rutte", "NATO chief Mark Rutte",
                                     "B uses the informal title"),),
        counts={"shared": 2, "partial": 2, "conflicting": 4, "only_a": 5, "only_b": 2},
    )
    pairs = [ab]
    actors = [
        (Actor("Donald Trump", "person", ("Donald Trump", "Trump"), ("President",)),
         Actor("Mark Rutte", "person", ("Mark Rutte", "Rutte"), ("NATO Secretary General",)),
         Actor("Micheál Martin", "person", ("Micheál Martin",), ("Irish Prime Minister",)),
         Actor("Łukasz Kowalski", "person", ("Łukasz Kowalski",), ("Polish minister",))),
        (Actor("Donald Trump", "person", ("Trump",), ("President",)),
         Actor("Mark Rutte", "person", ("Mark Rutte", "Rutte"), ("NATO chief",))),
    ]
    matrix = ()
    if n == 3:
        c = make_article(GAZETTE, "Kyiv Gazette", date="2026-03-13", source="gazette.json")
        articles.append(c)
        facts.append(make_facts(c, 2, "C", {
            2: {"actors": ("Volodymyr Zelenskyy",),
                "quotes": (_quote(c, "“a lifeline”", "Volodymyr Zelenskyy"),)},
            3: {"attributions": (_attr(c, "named", "Zelenskyy's office", "his office said"),)},
        }))
        actors.append((Actor("Volodymyr Zelenskyy", "person", ("Volodymyr Zelenskyy",), ("Ukrainian President",)),))
        pairs.append(PairComparison(0, 2, (
            Link(model.SHARED, ("A1",), ("C1",), 0.83, "Both place the meeting at the White House on Thursday."),
            Link(model.SHARED, ("A4",), ("C2",), 0.62, "Both give the fund as €2 billion."),
            Link(model.CONFLICTING, ("A7",), ("C3",), 0.7, "Both say when the money arrives; the month differs.",
                 conflicts=(Conflict("date", "April", "May"), Conflict("actor", "Київ", "Kyiv", "spelling only"))),
            Link(model.ONLY_A, ("A3",), (), 0.0, "C has no Trump quote."),
            Link(model.ONLY_B, (), ("C0",), 0.0, "A's headline does not mention Zelenskyy."),
        ), Verdict(model.SAME_EVENT, 0.8, (Reason("Same meeting, same day.", 0.8, ("A1", "C1")),)),
            ("Donald Trump", "Mark Rutte")))
        pairs.append(PairComparison(1, 2, (
            Link(model.CONFLICTING, ("B1",), ("C1",), 0.78, "Same meeting, different weekday.",
                 conflicts=(Conflict("date", "Wednesday", "Thursday"),)),
            Link(model.CONFLICTING, ("B3",), ("C2",), 0.6, "Different sums.", conflicts=(Conflict("number", "€3 billion", "€2 billion"),)),
            Link(model.ONLY_A, ("B5",), (), 0.0, "C reports no criticism."),
        ), Verdict(model.RELATED_EVENTS, 0.55, (Reason("Dates differ by a day.", -0.4),)), ("Mark Rutte",)))
        matrix = (
            MatrixRow("The leaders met at the White House.", ("A1", "B1", "C1")),
            MatrixRow("They discussed defence spending.", ("A2", "B2", None)),
            MatrixRow("Allies set up a fund for Ukraine.", ("A4", "B3", "C2")),
            MatrixRow("Critics called the plan a gamble.", (None, "B5", None)),
        )
    differences = (
        Difference("conflict", "The outlets give different sums for the fund: €2 billion (A) vs €3 billion (B).", 0.95,
                   {"conflicts": 1}, ("A4", "B3")),
        Difference("conflict", "They disagree on the day of the meeting: Thursday (A) vs Wednesday (B).", 0.9, {}, ("A1", "B1")),
        Difference("omission", "Only Daily Ledger mentions Micheál Martin and Erdoğan.", 0.7, {"only_a": 5}, ("A5", "A6")),
        Difference("sourcing", "Evening Courier relies on an anonymous official; Daily Ledger quotes Trump by name.", 0.6,
                   {"anonymous_b": 1}, ("B3",)),
        Difference("tone", "Evening Courier includes criticism (“reckless gamble”) that Daily Ledger leaves out.", 0.5, {}, ("B5",)),
        Difference("wording", "Daily Ledger calls Rutte “NATO Secretary General”, Evening Courier “NATO chief”.", 0.3),
    )
    method = Method(
        tool_version="0.1.0",
        settings={"threshold.shared": "0.70", "threshold.partial": "0.45"},
        notes={
            "same-event verdict": "Weighted reasons over shared actors, dates and places; accuracy 0.82 on BASIL triplets vs 0.61 for word overlap.",
            "fact alignment": "Lexical + embedding similarity with actor and number checks; F1 0.71 on MSRP pairs.",
        },
    )
    profiles = [make_profile(0, a, 0.12, {"Donald Trump": 0.2, "Mark Rutte": 0.35},
                             {"economic": 0.5, "political": 0.3, "security and defense": 0.2}),
                make_profile(1, b, -0.31, {"Donald Trump": -0.1, "Mark Rutte": 0.05, "Critics": -0.6},
                             {"economic": 0.4, "political": 0.2, "morality": 0.4}, loaded=("reckless", "gamble"))]
    if n == 3:
        profiles.append(OutletProfile(2, articles[2].outlet, notes=("not enough text: three sentences",)))
    return Comparison(tuple(articles), tuple(actors), tuple(facts), tuple(pairs), matrix, tuple(profiles), differences,
                      method, actor_groups=tone_actor_groups(profiles, actors))  # as the engine groups them


def make_profile(i: int, article: Article, mean: float, targets: dict[str, float], frames: dict[str, float],
                 loaded: tuple[str, ...] = ()) -> OutletProfile:
    """A full outlet profile with made-up figures (the layout is under test, not the scores)."""
    sent = article.reporting_sentences
    ev = lambda k, words=(): Evidence(sent[k].index, sent[k].text, words)  # noqa: E731
    last = len(sent) - 1
    return OutletProfile(
        i, article.outlet, words=len(article.text.split()), sentences=len(sent),
        sentiment=SentimentProfile(
            len(sent), mean, {"negative": 0.3, "neutral": 0.5, "positive": 0.2},
            {"headline": mean / 2, "lead": mean, "body": mean * 1.5}, quoted_mean=0.1,
            negative=(ev(last, ("reckless",)),), positive=(ev(1),),
            targets=tuple(TargetSentiment(actor, 2, score, "negative" if score < 0 else "positive",
                                          evidence=(ev(1),)) for actor, score in targets.items()),
        ),
        framing=FramingProfile(
            frames, tuple(FrameScore(f, share, 12, ("fund", "spending"), (ev(1, ("spending",)),))
                          for f, share in frames.items()),
            headline_frame=next(iter(frames)), lead_frame=next(iter(frames)),
            placement=Placement(headline_actors=("Donald Trump",)),
        ),
        wording=WordingProfile(
            len(article.text.split()), {"loaded": 12.5 if loaded else 0.0, "hedge": 3.1},
            tuple(WordUse(w, "loaded", 1, 0, (ev(last, (w,)),)) for w in loaded),
            {"said": 2.0, "told": 1.0}, biased_share=0.25 if loaded else 0.0,
            biased=(ev(last, loaded),) if loaded else (),
            labels=(ActorLabels("Mark Rutte", ("NATO chief",)),),
        ),
        sourcing=SourcingProfile(
            1, 0.08, (SpeakerShare("Donald Trump" if i == 0 else "Mark Rutte", 1, 6, 1.0),),
            named=1, anonymous=1, outlets=("The Associated Press",) if i == 0 else (), attributed_share=0.4,
            anonymous_evidence=(ev(3 if i == 0 else 2),),
        ),
        readability=ReadabilityProfile(len(article.text.split()), len(sent), 55.2 + i, 9.1, 11.0, 10.2, 8.3,
                                       17.5, 0.56),
    )


def _span_after(article: Article, needle: str, after: int) -> tuple[int, int]:
    start = article.text.index(needle, after)
    return start, start + len(needle)


def build_hostile_comparison() -> Comparison:
    """Article text full of markup, entities and a 10,000-character word, placed in every section."""
    a = make_article(HOSTILE, 'Outlet <b>&</b> "Co"\x07', source="<script>.txt")
    b = make_article(COURIER, "Evening Courier")
    fa = make_facts(a, 0, "A", {
        1: {"quotes": (Quote('<font color="red">size</font>', 0, 10, speaker='<a href="javascript:alert(1)">x</a>'),),
            "attributions": (Attribution("anonymous", "<img src=x>", "]]> said", 0, 5),)},
    })
    fb = make_facts(b, 1, "B", {})
    pair = PairComparison(0, 1, (
        Link(model.SHARED, ("A0",), ("B0",), 0.5, "Reason with <i>markup</i> & ]]>."),
        Link(model.CONFLICTING, ("A1",), ("B1",), 0.5, "conflict",
             conflicts=(Conflict("quote", "<img src=x>", "a < b > c", "]]>"),)),
        Link(model.ONLY_A, ("A2",), (), 0.0, "only"),
        Link(model.ONLY_B, (), ("B2",), 0.0, "only"),
    ), Verdict(model.DIFFERENT_EVENTS, 0.2, (Reason('<a href="javascript:alert(1)">why</a>', -0.5),)))
    return Comparison((a, b), ((), ()), (fa, fb), (pair,),
                      differences=(Difference("wording", "Difference & <font>text</font>"),),
                      profiles=(OutletProfile(0, a.outlet), OutletProfile(1, b.outlet)),
                      method=Method("0.1.0", notes={"<score>": "made & measured"}))


def test_fixture_round_trips_through_json():
    for comparison in (build_comparison(), build_comparison(3), build_hostile_comparison()):
        assert model.from_dict(Comparison, model.to_dict(comparison)) == comparison


def test_fixture_link_ids_name_real_facts():
    comparison = build_comparison(3)
    for pair in comparison.pairs:
        ids_a = {f.id for f in comparison.facts[pair.a]}
        ids_b = {f.id for f in comparison.facts[pair.b]}
        for link in pair.links:
            assert set(link.a) <= ids_a and set(link.b) <= ids_b, link


def test_fixture_spans_match_text():
    comparison = build_comparison(3)
    for article, facts in zip(comparison.articles, comparison.facts):
        for fact in facts:
            assert article.text[fact.start:fact.end] == fact.text
            for item in fact.quotes + fact.attributions + fact.quantities + fact.times:
                assert article.text[item.start:item.end] == item.text
