"""Fetching an article page over HTTP(S): a timeout, a size cap and a clear user agent."""
from __future__ import annotations

import socket
import urllib.error
import urllib.request

import compare
from compare.errors import InputError
from compare.ingest.decode import check_size

USER_AGENT = f"newscompare/{compare.__version__} (article comparison; +https://pypi.org/project/newscompare/)"
_ACCEPTED = ("text/html", "application/xhtml+xml", "text/plain", "application/json", "text/xml", "application/xml")


def fetch_url(url: str, *, timeout: float, max_bytes: int) -> tuple[bytes, str | None, str, str]:
    """Return (body, declared charset, content type, final URL), or raise InputError saying what failed."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"})
    hint = "check the address and the network, or save the page and pass the file"
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (http/https only)
            ctype = response.headers.get_content_type() or ""
            if ctype not in _ACCEPTED:
                raise InputError(url, f"not an article page (Content-Type: {ctype})",
                                 "pass the address of the article's HTML page")
            body = response.read(max_bytes + 1)
            check_size(url, len(body), max_bytes)
            return body, response.headers.get_content_charset(), ctype, response.geturl()
    except urllib.error.HTTPError as exc:
        raise InputError(url, f"the server answered {exc.code} {exc.reason}", hint) from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise InputError(url, f"timed out after {timeout:g} s", hint) from None
        if isinstance(reason, socket.gaierror):
            raise InputError(url, "the host name could not be resolved (DNS)", hint) from None
        if isinstance(reason, ConnectionRefusedError):
            raise InputError(url, "the connection was refused", hint) from None
        raise InputError(url, f"could not fetch it ({reason})", hint) from None
    except (socket.timeout, TimeoutError):
        raise InputError(url, f"timed out after {timeout:g} s", hint) from None
    except (ConnectionError, OSError) as exc:
        raise InputError(url, f"could not fetch it ({exc})", hint) from None
