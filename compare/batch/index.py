"""The run index: index.json for programs, index.md and index.html for people (all text escaped, never markup)."""
from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Sequence
from pathlib import Path

from compare.model import Article
from compare.render.markdown import escape
from compare.render.output import write_text


def index_data(*, run_id: str, manifest, groups: Sequence[dict], blindspots: Sequence[Article], summary) -> dict:
    """Everything the index pages show, as plain JSON-ready data."""
    return {
        "run_id": run_id,
        "manifest": str(manifest.path),
        "finished": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "summary": {"done": len(summary.done), "cached": len(summary.cached), "failed": len(summary.failed),
                    "unreadable_inputs": len(summary.input_failures), "single_outlet_stories": len(blindspots),
                    "seconds": round(summary.seconds, 2)},
        "groups": list(groups),
        "blindspots": [{"outlet": a.outlet, "headline": a.headline, "date": a.date, "source": a.source}
                       for a in blindspots],
        "unreadable_inputs": [{"source": f.source, "reason": f.reason} for f in summary.input_failures],
    }


def write_index(folder: Path, **parts) -> dict:
    """Write index.json, index.md and index.html into a run folder; returns the index data."""
    data = index_data(**parts)
    write_text(folder / "index.json", json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    write_text(folder / "index.md", render_index_markdown(data))
    write_text(folder / "index.html", render_index_html(data))
    return data


def _md(text) -> str:
    return escape(" ".join(str(text or "").split()))


def render_index_markdown(data: dict) -> str:
    """The index as a Markdown page."""
    s = data["summary"]
    out = [f"# newscompare run {_md(data['run_id'])}", "",
           (f"{s['done']} groups compared, {s['cached']} reused from the cache, {s['failed']} failed, "
            f"{s['unreadable_inputs']} inputs unreadable, {s['single_outlet_stories']} stories covered by one outlet."),
           "", "## Groups", ""]
    for g in data["groups"]:
        files = ", ".join(f"[{fmt}]({name})" for fmt, name in g.get("files", {}).items())
        out.append(f"### {_md(g['name'])}")
        out.append("")
        if g.get("outlets"):
            out.append(f"- Outlets: {_md(', '.join(g['outlets']))}")
        if g["status"] == "failed":
            out.append(f"- **Failed:** {_md(g['reason'])}")
        else:
            out.append(f"- Verdict: {_md(g.get('verdict') or 'none')}")
            out += [f"- {_md(d['kind'])}: {_md(d['text'])}" for d in g.get("differences", [])]
            out.append(f"- Files: {files}")
        out.append("")
    out += ["## Covered by one outlet only (blindspots)", ""]
    out += [f"- {_md(b['outlet'])}: {_md(b['headline'])} ({_md(b['date'] or 'undated')})" for b in data["blindspots"]]
    out += ["" if data["blindspots"] else "None.", ""]
    if data["unreadable_inputs"]:
        out += ["## Unreadable inputs", ""]
        out += [f"- {_md(f['source'])}: {_md(f['reason'])}" for f in data["unreadable_inputs"]]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


VERDICT_CLASS = {"same event": "same", "related events": "related", "different events": "different"}
STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;padding:1em;max-width:75em;
line-height:1.45;color:#1a1a1a;overflow-wrap:anywhere}
h1{font-size:1.5em;margin:.2em 0}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #ccc;padding:.5em;vertical-align:top;text-align:left}
th{background:#eee}
ul{margin:0;padding-left:1.1em}
.story{font-weight:600}
.muted{color:#555;font-size:.9em}
.verdict{display:inline-block;padding:.1em .5em;border-radius:.8em;background:#eee;white-space:nowrap}
.same{background:#d7f0d7}.related{background:#fdf0c4}.different{background:#f5d5d5}
.failed{color:#a00}
a{color:#0645ad}
@media (max-width:40em){
 table,tbody,tr,td{display:block;width:auto}
 tr.head{display:none}
 tr{border:1px solid #ccc;border-radius:.4em;margin:0 0 1em;padding:.5em}
 td{border:0;padding:.2em 0}
 td[data-label]::before{content:attr(data-label);display:block;font-size:.75em;color:#555;text-transform:uppercase}
}
"""


def _dates(dates) -> str:
    known = sorted(d for d in dates or () if d)
    if not known:
        return "undated"
    return known[0] if known[0] == known[-1] else f"{known[0]} – {known[-1]}"


def render_index_html(data: dict) -> str:
    """The index as one self-contained HTML page: a row per group (headline, outlets, date, verdict, main
    differences, files), read as cards on a phone."""
    e = html.escape
    s = data["summary"]
    rows = []
    for g in data["groups"]:
        headline = (g.get("headlines") or [""])[0]
        story = (f'<div class="story">{e(headline)}</div><div class="muted">{e(g["name"])}</div>' if headline
                 else f'<div class="story">{e(g["name"])}</div>')
        if g["status"] == "failed":
            verdict = '<span class="verdict failed">failed</span>'
            detail = f'<td data-label="Differences" class="failed">{e(g["reason"])}</td>'
        else:
            label = g.get("verdict") or "none"
            verdict = f'<span class="verdict {VERDICT_CLASS.get(label, "other")}">{e(label)}</span>'
            diffs = "".join(f"<li>{e(d['text'])}</li>" for d in g.get("differences", []))
            detail = f'<td data-label="Differences"><ul>{diffs}</ul></td>'
        files = " ".join(f'<a href="{e(name)}">{e(fmt)}</a>' for fmt, name in g.get("files", {}).items())
        rows.append(f'<tr><td data-label="Story">{story}</td>'
                    f'<td data-label="Outlets">{e(", ".join(g.get("outlets", [])))}</td>'
                    f'<td data-label="Date">{e(_dates(g.get("dates")))}</td>'
                    f'<td data-label="Verdict">{verdict}</td>{detail}<td data-label="Files">{files}</td></tr>')
    blind = "".join(f"<li>{e(b['outlet'])}: {e(b['headline'])} ({e(b['date'] or 'undated')})</li>"
                    for b in data["blindspots"]) or "<li>None.</li>"
    bad = "".join(f"<li>{e(f['source'])}: {e(f['reason'])}</li>" for f in data["unreadable_inputs"])
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>newscompare run {e(data['run_id'])}</title>
<style>{STYLE}</style></head>
<body><h1>newscompare run {e(data['run_id'])}</h1>
<p>{s['done']} groups compared, {s['cached']} reused from the cache, {s['failed']} failed,
{s['unreadable_inputs']} inputs unreadable, {s['single_outlet_stories']} stories covered by one outlet.</p>
<h2>Groups</h2>
<table>
<tr class="head"><th>Story</th><th>Outlets</th><th>Date</th><th>Verdict</th><th>Main differences</th><th>Files</th></tr>
{''.join(rows)}</table>
<h2>Covered by one outlet only (blindspots)</h2><ul>{blind}</ul>
{f'<h2>Unreadable inputs</h2><ul>{bad}</ul>' if bad else ''}
</body></html>
"""
