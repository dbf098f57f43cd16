"""6. Tone and framing: sentiment of each outlet's own voice and toward the actors, framing, loaded words in their
sentences, readability, and the limits of these figures. With more than CHART_SERIES articles the charts become
tables."""
from __future__ import annotations

from reportlab.platypus import KeepTogether

from compare.render.charts import grouped_bars, horizontal_grouped_bars, sentiment_bars
from compare.render.content import READABILITY_ROWS, ArticleTone, ToneSection
from compare.render.pdf.layout import CHART_SERIES, WIDE, Layout, clip, esc

FRAME_NOTE = "Share of each outlet’s framing cues per frame (Media Frames Corpus dimensions)."


def section(lay: Layout, s: ToneSection) -> list:
    arts = s.articles
    flow = sentiment(lay, arts) + actors(lay, s) + frames(lay, s) + loaded_words(lay, arts)
    flow += readability_table(lay, arts)
    notes = [(a.label, n) for a in arts for n in a.notes]
    if notes:
        flow.append(lay.p("Limits: " + "; ".join(f"{esc(lab)}: {esc(n)}" for lab, n in notes) + ".", "muted"))
    return flow


def sentiment(lay: Layout, arts: tuple[ArticleTone, ...]) -> list:
    """The mean sentiment of each outlet's own voice (a chart, or a line per article), with an example each way."""
    heading = lay.p("Sentiment of each outlet’s own voice", "h2")
    scored = [a for a in arts if a.sentiment and a.sentiment.mean is not None]
    if not scored:
        return [heading, lay.none("Sentiment was not measured for these articles.")]
    values = [a.sentiment.mean if a.sentiment else None for a in arts]
    names = [f"{a.label} · {clip(a.outlet, 20)}" for a in arts]
    explain = lay.p("Mean sentiment of the sentences in the outlet’s own words (quotes apart), "
                    "from −1 (negative) to +1 (positive).", "muted")
    if len(arts) > CHART_SERIES:
        flow = [heading, explain]  # a line per article below says it
    else:
        colours = [lay.colours[a.label] for a in arts]
        chart = sentiment_bars(names, values, colours, min(lay.width, 360), lay.chart_style, height=120)
        flow = [KeepTogether([heading, chart, explain])]
    for a in scored:
        sent = a.sentiment
        quoted = f"; quotes {sent.quoted_mean:+.2f}" if sent.quoted_mean is not None else ""
        dist = ", ".join(f"{k} {v:.0%}" for k, v in sent.distribution.items() if v is not None)
        flow.append(lay.p(f"{lay.tag(a.label)}: own voice {sent.mean:+.2f}{esc(quoted)}"
                          + (f" ({esc(dist)} of sentences)" if dist else ""), "small"))
        for sign, examples in (("−", sent.negative[:1]), ("+", sent.positive[:1])):
            flow += [lay.bullet(lay.marked(e), sign) for e in examples]
    return flow


def actors(lay: Layout, s: ToneSection) -> list:
    """Sentiment toward the actors most outlets talk about: grouped bars, or a table for many articles."""
    arts, chart = s.articles, s.actors
    heading = lay.p("Sentiment toward each actor", "h2")
    if not chart.actors:
        return [heading, lay.none("No actor had enough sentences to score.")]
    if len(arts) > CHART_SERIES:
        rows = [(a.label, ["—" if row[k] is None else f"{row[k]:+.2f}" for row in chart.scores])
                for k, a in enumerate(arts)]
        return [heading, *lay.value_table(list(chart.actors), rows, "Article"), lay.p(
            "Mean sentiment of the outlet’s own sentences that mention the actor (people, organisations and "
            "groups; places are left out); — = not measured.", "muted")]
    series = [[row[k] for row in chart.scores] for k in range(len(arts))]
    labels = [a.label for a in arts]
    bars = grouped_bars([x[:22] for x in chart.actors], series, [lay.colours[lab] for lab in labels], lay.width,
                        lay.chart_style, height=150)
    return [KeepTogether([heading, bars, lay.legend(labels), lay.p(
        "Mean sentiment of the outlet’s own sentences that mention the actor (people, organisations and "
        "groups; places are left out); no bar = not measured.", "muted")])]


def frames(lay: Layout, s: ToneSection) -> list:
    """Frame shares per outlet (bars, or a table for many articles), and each outlet's headline, lead and main
    frame."""
    arts, chart = s.articles, s.frames
    heading = lay.p("Framing", "h2")
    present = [k for k, row in enumerate(chart.shares) if row]
    if not (chart.frames and present):
        return [heading, lay.none("Framing was not measured for these articles.")]
    if len(arts) > CHART_SERIES:
        rows = [(a.label, [f"{v:.0%}" for v in row] if row else ["—"] * len(chart.frames))
                for a, row in zip(arts, chart.shares)]
        return [heading, *lay.value_table(list(chart.frames), rows, "Article"), lay.p(FRAME_NOTE, "muted")]
    series = [list(row) if row else [0.0] * len(chart.frames) for row in chart.shares]
    labels = [a.label for a in arts]
    bars = horizontal_grouped_bars(list(chart.frames), series, [lay.colours[lab] for lab in labels], lay.width,
                                   lay.chart_style)
    flow = [KeepTogether([heading, bars, lay.legend(labels), lay.p(FRAME_NOTE, "muted")])]
    for a in arts:
        fr = a.framing
        if fr and fr.frames:
            top = fr.frames[0]
            cues = ", ".join(top.cues)
            flow.append(lay.p(f"{lay.tag(a.label)}: headline frame <b>{esc(fr.headline_frame or '—')}</b>, "
                              f"lead frame <b>{esc(fr.lead_frame or '—')}</b>; main frame {esc(top.frame)}"
                              + (f" (cues: {esc(cues)})" if cues else ""), "small"))
    return flow


def loaded_words(lay: Layout, arts: tuple[ArticleTone, ...]) -> list:
    """Per article the loaded words with their counts, the sentences they stand in, and biased wording."""
    flow = [lay.p("Loaded words, in their sentences", "h2")]
    any_words = False
    for a in arts:
        wd = a.wording
        if not wd:
            continue
        if wd.loaded:
            any_words = True
            flow.append(lay.p(f"{lay.tag(a.label)}: " + ", ".join(
                f"<b>{esc(u.word)}</b> ×{u.count}" + (" (in a quote)" if u.quoted else "") for u in wd.loaded),
                "small"))
            flow += [lay.bullet(lay.marked(e)) for e in wd.loaded_sentences]
        if wd.biased_share is not None and wd.biased:
            any_words = True
            flow.append(lay.p(f"{lay.tag(a.label)}: {wd.biased_share:.0%} of own-voice sentences "
                              "flagged as biased wording, e.g.", "small"))
            flow += [lay.bullet(lay.marked(e)) for e in wd.biased[:2]]
    if not any_words:
        flow.append(lay.none("No loaded words were found (or wording was not measured)."))
    return flow


def readability_table(lay: Layout, arts: tuple[ArticleTone, ...]) -> list:
    """The readability measures: a column per article, or a row per article when there are many."""
    flow = [lay.p("Readability", "h2")]
    if not any(a.readability for a in arts):
        return flow + [lay.none("Readability was not measured for these articles.")]
    digits = [d for _, _, d in READABILITY_ROWS]
    if len(arts) > WIDE:
        head = [lay.p("Article", "head")] + [lay.p(esc(name), "small") for _, name, _ in READABILITY_ROWS]
        rows = [(a.label, *[lay.p(number(v, d), "cell") for v, d in zip(values(a), digits)]) for a in arts]
        k = len(READABILITY_ROWS)
        flow.append(lay.turned(rows, [lay.width * 0.2] + [lay.width * 0.8 / k] * k, head))
        return flow
    rows = [[lay.p("Measure", "head")] + [lay.outlet_head(a.label) for a in arts]]
    columns = [values(a) for a in arts]
    for m, (_, name, d) in enumerate(READABILITY_ROWS):
        rows.append([lay.p(esc(name), "cell")] + [lay.p(number(col[m], d), "cell") for col in columns])
    first = lay.width * 0.34
    widths = [first] + [(lay.width - first) / len(arts)] * len(arts)
    flow.append(lay.table(rows, widths, header_fills=[None] + [lay.colours[a.label] for a in arts]))
    notes = [f"{a.label}: {a.readability.note}" for a in arts if a.readability and a.readability.note]
    if notes:
        flow.append(lay.p(esc("; ".join(notes)), "muted"))
    return flow


def values(a: ArticleTone) -> list[float | None]:
    """The article's readability measures in READABILITY_ROWS order (None where not measured)."""
    if a.readability is None:
        return [None] * len(READABILITY_ROWS)
    return [value for _, value, _ in a.readability.measures()]


def number(value: float | None, digits: int) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"
