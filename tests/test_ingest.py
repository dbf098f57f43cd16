"""Reading articles: roles, encodings, readers, outlet rules, and every kind of bad input."""
from __future__ import annotations

import http.server
import io
import json
import threading
import time

import pytest
from hypothesis import given, settings, strategies as st

from compare.errors import InputError
from compare.ingest import article_from_bytes, article_from_text, read_article
from compare.model import Article, from_dict, to_dict
from conftest import DATA, SEED_B

# --------------------------------------------------------------------------- the seeds

def roles(article):
    return [(p.role, p.text[:40]) for p in article.paragraphs]


def test_seed_a_roles_and_outlet(seed_articles):
    a, _ = seed_articles
    assert a.headline == "Trump to meet Rutte at the White House to discuss NATO membership"
    by_role = {}
    for p in a.paragraphs:
        by_role.setdefault(p.role, []).append(p.text)
    assert by_role["caption"] == ["Trump and Rutte at the Oval Office on March 13th. Photo: Getty."]
    assert by_role["subheading"] == ["Donald Trump meets Mark Rutte to talk about NATO membership",
                                     "Why is this meeting at the White House pivotal?"]
    assert "credit" not in by_role
    assert (a.outlet, a.outlet_rule) == ("rutte-white-house-nato-dues", "filename")


def test_seed_b_credits_and_trailer_outlet(seed_articles):
    _, b = seed_articles
    credits = [p.text for p in b.paragraphs if p.role == "credit"]
    assert credits == ["Fox News’ Gillian Turner and The Associated Press contributed to this report.",
                       "This post appeared first on FOX NEWS"]
    assert (b.outlet, b.outlet_rule) == ("Fox News", "trailer")
    assert all(p.role in ("headline", "body", "credit") for p in b.paragraphs)


def test_offsets_point_into_text(seed_articles):
    for article in seed_articles:
        for p in article.paragraphs:
            assert article.text[p.start:p.end] == p.text
        for s in article.sentences:
            assert article.text[s.start:s.end] == s.text
        assert [s.index for s in article.sentences] == list(range(len(article.sentences)))
        assert len(article.content_hash) == 64


def test_reporting_sentences_leave_out_captions_and_credits(seed_articles):
    a, b = seed_articles
    texts = " ".join(s.text for s in a.reporting_sentences)
    assert "Photo: Getty" not in texts and "pivotal?" not in texts
    assert "contributed to this report" not in " ".join(s.text for s in b.reporting_sentences)


def test_article_round_trips_through_json(seed_articles):
    for article in seed_articles:
        assert from_dict(Article, json.loads(json.dumps(to_dict(article)))) == article


def test_soft_wrapped_lines_join_and_hard_lines_split():
    text = ("Headline here\n\nThis paragraph was wrapped by an editor at a narrow width so its\n"
            "lines continue without punctuation.\nA new paragraph starts on its own line.")
    article = article_from_text(text)
    assert [p.text for p in article.paragraphs[1:]] == [
        "This paragraph was wrapped by an editor at a narrow width so its lines continue without punctuation.",
        "A new paragraph starts on its own line."]


# --------------------------------------------------------------------------- encodings

TEXT = "Micheál Martin met “Zelenskyy” — in Kyiv — for €26 billion talks.\n\nHe said it went well."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_encodings_read_correctly(encoding):
    if encoding == "cp1252":
        data = TEXT.replace("Zelenskyy", "Zelenskyy").encode("cp1252")
    else:
        data = TEXT.encode(encoding)
    article = article_from_bytes(data, source="x.txt")
    assert article.headline == TEXT.split("\n")[0]
    assert "“" in article.text and "—" in article.text and "€" in article.text


def test_latin1_bytes_undefined_in_cp1252_still_read():
    data = "Caf\u00e9 owner speaks\n\nShe said: \u00abnon\u00bb.".encode("latin-1") + b"\x81"
    assert article_from_bytes(data, source="x.txt").headline == "Café owner speaks"


def test_text_is_nfc_normalised():
    decomposed = "Michea\u0301l Martin visits\n\nHe arrived."
    assert article_from_text(decomposed).headline == "Micheál Martin visits"


# --------------------------------------------------------------------------- readers

def test_html_reader_takes_text_and_metadata():
    article = read_article(str(DATA / "ingest" / "article.html"))
    assert article.reader == "html"
    assert article.headline == "Rutte visits Washington as talks resume"
    assert (article.outlet, article.outlet_rule) == ("Example Times", "metadata")
    assert article.date == "2025-10-22"
    assert "Jane Doe" in article.authors
    assert any("Budapest" in s.text for s in article.sentences)
    assert "All rights reserved" not in article.text and "Home" not in article.text


def test_html_without_article_is_a_clear_error():
    with pytest.raises(InputError, match="no article text found in the HTML"):
        read_article(str(DATA / "ingest" / "no-article.html"))


def test_html_sniffed_by_content_not_extension(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes((DATA / "ingest" / "article.html").read_bytes())
    assert read_article(str(path)).reader == "html"


def test_json_reader_accepts_newsplease_names():
    article = read_article(str(DATA / "ingest" / "newsplease.json"))
    assert article.headline == "Trump and Rutte meet at the White House"
    assert (article.outlet, article.outlet_rule) == ("Fox News", "metadata")
    assert article.date == "2025-03-13"
    assert article.authors == ("Jane Doe", "John Roe")
    assert article.url == "https://www.foxnews.com/politics/trump-rutte"
    assert len([p for p in article.paragraphs if p.role == "body"]) == 2


def test_json_reader_documented_shape_with_paragraph_lists(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"title": "T", "paragraphs": ["One. Two.", ["Three.", "Four."]],
                                "outlet": "Example Times", "date": "2025-01-02", "authors": "A. Writer"}))
    article = read_article(str(path))
    assert [p.text for p in article.paragraphs] == ["T", "One. Two.", "Three. Four."]
    assert article.outlet == "Example Times" and article.authors == ("A. Writer",)


@pytest.mark.parametrize("content, message", [
    ("{not json", "invalid JSON at line 1"),
    ("[1, 2]", "not an object"),
    ('{"title": "x"}', "no 'text' or 'paragraphs'"),
])
def test_bad_json_is_a_clear_error(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(InputError, match=message):
        read_article(str(path))


def test_stdin_is_read():
    article = read_article("-", stdin=io.BytesIO(SEED_B.read_bytes()))
    assert article.source == "-" and article.outlet == "Fox News"


def test_outlet_option_wins_and_url_domain_is_used():
    article = article_from_text(SEED_B.read_text(), outlet="My Label")
    assert (article.outlet, article.outlet_rule) == ("My Label", "option")
    article = article_from_text("Head\n\nBody text here.", url="https://www.nytimes.com/2025/x.html")
    assert (article.outlet, article.outlet_rule) == ("The New York Times", "url")


# --------------------------------------------------------------------------- bad input

@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"   \n\t\n  ", "only whitespace"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
    (b"abc\x00\x01\x02def", "binary content"),
    (bytes(range(1, 32)) * 20, "undecodable or binary"),
])
def test_bad_bytes_are_clear_errors(tmp_path, content, message):
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_article(str(path))


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_article(str(tmp_path / "missing.txt"))
    with pytest.raises(InputError, match="is a directory"):
        read_article(str(tmp_path))


def test_size_limit_refuses_then_flag_raises_it(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("Headline\n\n" + "word " * 300_000)
    with pytest.raises(InputError, match="over the 1 MB limit"):
        read_article(str(path), max_bytes=2**20)
    assert read_article(str(path), max_bytes=4 * 2**20).headline == "Headline"


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_any_text_gives_an_article_or_a_documented_error(text):
    try:
        article = article_from_bytes(text.encode("utf-8"), source="fuzz")
    except InputError:
        return
    for s in article.sentences:
        assert article.text[s.start:s.end] == s.text


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_give_an_article_or_a_documented_error(data):
    try:
        article_from_bytes(data, source="fuzz")
    except InputError:
        pass


# --------------------------------------------------------------------------- URLs, on a local server

class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's naming)
        page = (DATA / "ingest" / "article.html").read_bytes()
        routes = {
            "/article": (200, "text/html; charset=utf-8", page),
            "/missing": (404, "text/html", b"<html><body>Not found</body></html>"),
            "/image": (200, "image/png", b"\x89PNG\r\n"),
            "/huge": (200, "text/html", b"<html><body><p>" + b"x" * 3_000_000 + b"</p></body></html>"),
        }
        if self.path == "/slow":
            time.sleep(2)
        status, ctype, body = routes.get(self.path, (200, "text/html", page))
        self.server.agents.append(self.headers.get("User-Agent"))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.agents = []
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd
    httpd.shutdown()


def url(server, path):
    return f"http://127.0.0.1:{server.server_address[1]}{path}"


def test_url_is_fetched_and_read(server):
    article = read_article(url(server, "/article"))
    assert article.reader == "url" and article.headline == "Rutte visits Washington as talks resume"
    assert article.outlet == "Example Times"
    assert server.agents[-1].startswith("newscompare/")


@pytest.mark.parametrize("path, message, kwargs", [
    ("/missing", "answered 404", {}),
    ("/image", "not an article page", {}),
    ("/huge", "over the 1 MB limit", {"max_bytes": 2**20}),
    ("/slow", "timed out", {"timeout": 0.5}),
])
def test_url_failures_are_clear(server, path, message, kwargs):
    with pytest.raises(InputError, match=message):
        read_article(url(server, path), **kwargs)


def test_refused_connection_is_clear():
    import socket

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there now
    with pytest.raises(InputError, match="refused"):
        read_article(f"http://127.0.0.1:{port}/x", timeout=2)


def test_unresolvable_host_is_clear():
    with pytest.raises(InputError, match="could not|resolved"):
        read_article("http://no-such-host.invalid/story", timeout=2)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["<html><body><article><p>", '{"title": "t", "text": ', "<p>", "{"]), st.text(max_size=300))
def test_html_and_json_readers_never_crash(prefix, text):
    try:
        article_from_bytes((prefix + text).encode("utf-8"), source="fuzz")
    except InputError:
        pass


@pytest.mark.parametrize("text, role", [
    ("Related charges were filed against two other men on Tuesday, prosecutors said.", "body"),
    ("Related charges were filed Tuesday.", "body"),
    ("Copyright lawyers said the ruling would reshape the music industry for years.", "body"),
    ("Related: Trump and Rutte meet again", "credit"),
    ("Copyright 2025 The Associated Press. All rights reserved.", "credit"),
    ("Sign up for our morning newsletter", "credit"),
])
def test_credit_rules_leave_reporting_alone(text, role):
    from compare.ingest.roles import paragraph_role

    assert paragraph_role(text)[0] == role


def test_prose_mentioning_tags_in_a_txt_file_stays_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Browsers and the web\n\n<p> and <div> are the most used tags, the survey said.\n")
    article = read_article(str(path))
    assert article.reader == "text" and "<div>" in article.text


def test_controls_from_json_escapes_never_reach_the_article(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"title": "Talks \u001b[2J end\u202e", "text": "Body \u0000 text.\u0007"}))
    article = read_article(str(path))
    assert article.headline == "Talks [2J end" and "\x00" not in article.text and "\x07" not in article.text


def test_deeply_nested_json_is_a_clear_error(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text('{"title": ' + "[" * 100_000 + "]" * 100_000 + "}")
    with pytest.raises(InputError, match="nested too deeply"):
        read_article(str(path))


def test_impossible_dates_are_dropped():
    from compare.ingest.build import normalise_date

    assert normalise_date("2025-13-45") is None and normalise_date("2025-03-13T10:00:00Z") == "2025-03-13"


def test_lone_surrogates_from_json_do_not_crash(tmp_path):
    path = tmp_path / "a.json"
    path.write_text('{"title": "Head \\ud800 line", "text": "Body text here."}')
    assert read_article(str(path)).headline == "Head ? line"


# --------------------------------------------------------------------------- hostile servers (issue 16, items 3 and 12)

@pytest.fixture()
def trickle_server():
    """A server whose pages trickle (one byte every 0.3 s, 40 bytes) or redirect to ftp://."""
    class Trickle(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            if self.path == "/ftp":
                self.send_response(302)
                self.send_header("Location", "ftp://127.0.0.1/story.html")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(40):
                try:
                    self.wfile.write(b"x")
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.3)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Trickle)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_timeout_bounds_the_whole_fetch_of_a_trickling_page(trickle_server):
    with pytest.raises(InputError, match="timed out after 1 s"):
        read_article(trickle_server + "/slow", timeout=1)


def test_a_redirect_to_ftp_is_refused(trickle_server):
    with pytest.raises(InputError, match="redirects to ftp://.*only http and https"):
        read_article(trickle_server + "/ftp", timeout=5)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_the_size_cap_holds_for_special_files(device):
    with pytest.raises(InputError, match="over the .* limit"):
        read_article(device, max_bytes=1000)


def test_a_path_object_is_read():
    from pathlib import Path

    from conftest import SEED_A

    assert read_article(Path(SEED_A)).headline == read_article(str(SEED_A)).headline
