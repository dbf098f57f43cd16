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


def render_index_html(data: dict) -> str:
    """The index as one self-contained HTML page."""
    e = html.escape
    s = data["summary"]
    rows = []
    for g in data["groups"]:
        if g["status"] == "failed":
            detail = f'<td class="failed">failed: {e(g["reason"])}</td><td></td>'
        else:
            diffs = "".join(f"<li>{e(d['text'])}</li>" for d in g.get("differences", []))
            detail = f"<td>{e(g.get('verdict') or 'none')}</td><td><ul>{diffs}</ul></td>"
        files = " ".join(f'<a href="{e(name)}">{e(fmt)}</a>' for fmt, name in g.get("files", {}).items())
        rows.append(f"<tr><td>{e(g['name'])}</td><td>{e(', '.join(g.get('outlets', [])))}</td>{detail}"
                    f"<td>{files}</td></tr>")
    blind = "".join(f"<li>{e(b['outlet'])}: {e(b['headline'])} ({e(b['date'] or 'undated')})</li>"
                    for b in data["blindspots"]) or "<li>None.</li>"
    bad = "".join(f"<li>{e(f['source'])}: {e(f['reason'])}</li>" for f in data["unreadable_inputs"])
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>newscompare run {e(data['run_id'])}</title>
<style>body{{font-family:sans-serif;margin:2em;max-width:75em}}table{{border-collapse:collapse}}
td,th{{border:1px solid #ccc;padding:.4em;vertical-align:top;text-align:left}}.failed{{color:#a00}}</style></head>
<body><h1>newscompare run {e(data['run_id'])}</h1>
<p>{s['done']} groups compared, {s['cached']} reused from the cache, {s['failed']} failed,
{s['unreadable_inputs']} inputs unreadable, {s['single_outlet_stories']} stories covered by one outlet.</p>
<h2>Groups</h2>
<table><tr><th>Group</th><th>Outlets</th><th>Verdict</th><th>Headline differences</th><th>Files</th></tr>
{''.join(rows)}</table>
<h2>Covered by one outlet only (blindspots)</h2><ul>{blind}</ul>
{f'<h2>Unreadable inputs</h2><ul>{bad}</ul>' if bad else ''}
</body></html>
"""
