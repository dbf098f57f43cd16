"""The batch index in a real browser: headless Chromium at a phone's width shows every group as a card with
its headline, outlets, date and verdict, and nothing runs off the side of the screen."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from compare.batch.index import render_index_html

BROWSER = next((shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome") if shutil.which(name)),
               None)
PROBE = """<script>
const row = document.querySelectorAll("tr")[1];
document.body.insertAdjacentHTML("beforeend", "<pre id=probe>" + JSON.stringify({
  scroll: document.documentElement.scrollWidth, inner: window.innerWidth,
  display: getComputedStyle(row).display, text: row.innerText}) + "</pre>");
</script></body>"""


def index_page() -> str:
    long_outlet = "The Extraordinarily Long-Named Regional Evening Chronicle and Advertiser"
    data = {"run_id": "20260314T093000Z", "summary": {"done": 2, "cached": 0, "failed": 1, "unreadable_inputs": 0,
                                                      "single_outlet_stories": 1},
            "groups": [{"name": "bridge-vote", "status": "done", "outlets": ["Daily Ledger", long_outlet],
                        "headlines": ["Council approves $4.2 million for the Elm Street bridge",
                                      "Bridge repairs approved"], "dates": ["2026-03-13", "2026-03-14"],
                        "verdict": "same event",
                        "differences": [{"kind": "conflict", "text": "A says $4.2 million; B says $4.8 million."},
                                        {"kind": "omission", "text": "x" * 300}],
                        "files": {"pdf": "bridge-vote.pdf", "json": "bridge-vote.json"}},
                       {"name": "broken", "status": "failed", "reason": "ValueError: bad input",
                        "outlets": ["A", "B"]}],
            "blindspots": [{"outlet": "Daily Ledger", "headline": "Park reopens", "date": None}],
            "unreadable_inputs": []}
    return render_index_html(data)


def render_in_chromium(page: str, tmp_path, width: int) -> dict:
    import json

    path = tmp_path / f"index-{width}.html"
    path.write_text(page.replace("</body>", PROBE), encoding="utf-8")
    run = subprocess.run([BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                          "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}", f"--window-size={width},900",
                          "--dump-dom", path.as_uri()], capture_output=True, text=True, timeout=120)
    found = re.search(r"<pre id=\"probe\">(.*?)</pre>", run.stdout, re.S)
    assert found, f"Chromium printed no result (exit {run.returncode}): {run.stderr[-500:]}"
    import html

    return json.loads(html.unescape(found.group(1)))


def test_index_has_what_a_reader_needs_per_group():
    page = index_page()
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    for needle in ("Council approves $4.2 million for the Elm Street bridge", "Daily Ledger",
                   "2026-03-13 – 2026-03-14", "same event", "failed"):
        assert needle in page


@pytest.mark.skipif(BROWSER is None, reason="no Chromium on this machine (apt-get install chromium to run it)")
def test_index_reads_on_a_phone_in_headless_chromium(tmp_path):
    phone = render_in_chromium(index_page(), tmp_path, 390)
    assert phone["scroll"] <= phone["inner"], phone  # nothing runs off the side
    assert phone["display"] == "block"  # a card per group
    for needle in ("Council approves", "Daily Ledger", "2026-03-13", "same event"):
        assert needle in phone["text"], needle
    desk = render_in_chromium(index_page(), tmp_path, 1280)
    assert desk["display"] == "table-row" and desk["scroll"] <= desk["inner"]
