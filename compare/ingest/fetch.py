"""Fetching an article page over HTTP(S): a total deadline, a size cap, http(s) only, and a clear user agent."""
from __future__ import annotations

import http.client
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request

import compare
from compare.errors import InputError
from compare.ingest.decode import check_size

USER_AGENT = f"newscompare/{compare.__version__} (article comparison; +https://pypi.org/project/newscompare/)"
_ACCEPTED = ("text/html", "application/xhtml+xml", "text/plain", "application/json", "text/xml", "application/xml")
_SCHEMES = ("http", "https")
_CHUNK = 65536


def fetch_url(url: str, *, timeout: float, max_bytes: int) -> tuple[bytes, str | None, str, str]:
    """Return (body, declared charset, content type, final URL), or raise InputError saying what failed.

    timeout bounds the whole fetch (connect, redirects, headers and body): when it passes, the open
    sockets are shut down, so a server that trickles bytes cannot keep it going.
    """
    hint = "check the address and the network, or save the page and pass the file"
    _check_scheme(url, url)
    sockets: list[socket.socket] = []
    expired = threading.Event()
    timer = threading.Timer(timeout, _expire, (sockets, expired))
    timer.daemon = True
    opener = urllib.request.build_opener(_Redirects(url), _HTTP(sockets), _HTTPS(sockets))
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"})
    timer.start()
    try:
        with opener.open(request, timeout=timeout) as response:
            ctype = response.headers.get_content_type() or ""
            if ctype not in _ACCEPTED:
                raise InputError(url, f"not an article page (Content-Type: {ctype})",
                                 "pass the address of the article's HTML page")
            chunks, size = [], 0
            while size <= max_bytes and (chunk := response.read1(_CHUNK)):
                chunks.append(chunk)
                size += len(chunk)
            body = b"".join(chunks)
            if expired.is_set():
                raise TimeoutError
            check_size(url, len(body), max_bytes)
            return body, response.headers.get_content_charset(), ctype, response.geturl()
    except InputError:
        raise
    except urllib.error.HTTPError as exc:
        raise InputError(url, f"the server answered {exc.code} {exc.reason}", hint) from None
    except Exception as exc:  # noqa: BLE001 - every way a fetch fails becomes one line naming the reason
        reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
        if expired.is_set() or isinstance(reason, (socket.timeout, TimeoutError)):
            raise InputError(url, f"timed out after {timeout:g} s", hint) from None
        if isinstance(reason, socket.gaierror):
            raise InputError(url, "the host name could not be resolved (DNS)", hint) from None
        if isinstance(reason, ConnectionRefusedError):
            raise InputError(url, "the connection was refused", hint) from None
        if isinstance(exc, (OSError, http.client.HTTPException, ValueError)):
            raise InputError(url, f"could not fetch it ({reason or type(reason).__name__})", hint) from None
        raise
    finally:
        timer.cancel()


def _check_scheme(url: str, target: str) -> None:
    scheme = urllib.parse.urlsplit(target).scheme.lower()
    if scheme not in _SCHEMES:
        problem = f"is not an http(s) address (scheme {scheme!r})" if target == url else \
            f"redirects to {target}, not an http(s) address (scheme {scheme!r}); only http and https are followed"
        raise InputError(url, problem, "pass an http(s) URL, or save the page and pass the file")


def _expire(sockets: list[socket.socket], expired: threading.Event) -> None:
    expired.set()
    for sock in list(sockets):
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def _tracked(base: type, sockets: list[socket.socket]) -> type:
    """An HTTP(S)Connection class that records its socket, so the deadline can shut it down."""
    class Connection(base):
        def connect(self):
            super().connect()
            sockets.append(self.sock)
    return Connection


class _HTTP(urllib.request.HTTPHandler):
    def __init__(self, sockets):
        super().__init__()
        self._connection = _tracked(http.client.HTTPConnection, sockets)

    def http_open(self, req):
        return self.do_open(self._connection, req)


class _HTTPS(urllib.request.HTTPSHandler):
    def __init__(self, sockets):
        super().__init__()
        self._connection = _tracked(http.client.HTTPSConnection, sockets)

    def https_open(self, req):
        return self.do_open(self._connection, req, context=self._context, check_hostname=self._check_hostname)


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) addresses only (never ftp:, file:, data:), checked at every hop."""

    def __init__(self, url: str):
        self.url = url

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        _check_scheme(self.url, urllib.parse.urljoin(req.full_url, newurl))
        return super().redirect_request(req, fp, code, msg, headers, newurl)
