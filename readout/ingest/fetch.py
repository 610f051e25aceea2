"""Fetch one web page for import: bounded in time and size, HTML only.

``fetch_page`` either returns the page or raises ``FetchError`` whose message says, in words a
journalist can act on, why the address could not be used: unreachable, an error status, too
slow, too big, not a web page (a PDF, an image ...). By default it refuses addresses on the
local machine or a private network, so that a shared app cannot be used to probe the network
it runs in (``allow_private=True`` lifts that, for local use and tests).
"""

from __future__ import annotations

import ipaddress
import socket
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlsplit

USER_AGENT = "Mozilla/5.0 (compatible; Readout/0.1; +https://github.com/readout)"
HTML_TYPES = {"text/html", "application/xhtml+xml"}
MAX_BYTES = 5_000_000
TIMEOUT = 20.0
CHUNK = 64 * 1024


class FetchError(RuntimeError):
    """The address could not be used as an article; the message says why."""


@dataclass
class Page:
    url: str  # as asked for
    final_url: str  # after redirects
    body: bytes
    content_type: str
    charset: str | None


def is_url(text: str) -> bool:
    return urlsplit(str(text).strip()).scheme.lower() in {"http", "https"}


def _check_host(url: str, allow_private: bool) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        raise FetchError("not a web address (it must start with http:// or https://)")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 80, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"the server {parts.hostname} was not found ({exc})") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global:
            raise FetchError(
                f"{parts.hostname} is on this machine or a private network ({address}); "
                "only public web pages can be imported"
            )


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Every redirect target passes the same address check as the first URL."""

    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        _check_host(newurl, self.allow_private)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _content_type(headers: Message) -> tuple[str, str | None]:
    return headers.get_content_type().lower(), headers.get_content_charset()


def _describe(kind: str) -> str:
    names = {"application/pdf": "a PDF document", "application/json": "JSON data"}
    if kind in names:
        return names[kind]
    if kind.startswith(("image/", "video/", "audio/")):
        return f"{kind.split('/')[0]} ({kind})"
    return f"a {kind} file"


def _read_limited(response, max_bytes: int, deadline: float, timeout: float) -> bytes:
    """The body, at most ``max_bytes`` and before ``deadline``: a slow trickle fails too."""
    body = bytearray()
    while True:
        if time.monotonic() > deadline:
            raise FetchError(f"the page took longer than {timeout:g} seconds to download")
        chunk = response.read(CHUNK)
        if not chunk:
            return bytes(body)
        body += chunk
        if len(body) > max_bytes:
            raise FetchError(f"the page is over the {max_bytes / 1e6:g} MB limit")


def _decompress(body: bytes, encoding: str, max_bytes: int) -> bytes:
    if encoding in {"", "identity"}:
        return body
    if encoding not in {"gzip", "x-gzip", "deflate"}:
        raise FetchError(f"the server sent the page compressed as {encoding!r}")
    inflater = zlib.decompressobj(wbits=47 if "gzip" in encoding else 15)
    data = inflater.decompress(body, max_bytes + 1)
    if len(data) > max_bytes:
        raise FetchError(f"the page is over the {max_bytes / 1e6:g} MB limit")
    return data


def _open(url: str, timeout: float, allow_private: bool):
    opener = urllib.request.build_opener(_CheckedRedirects(allow_private))
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
            "Accept-Encoding": "gzip, identity",
        },
    )
    try:
        return opener.open(request, timeout=timeout)
    except urllib.error.HTTPError as exc:
        exc.close()
        raise FetchError(f"the server answered {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise FetchError(f"no answer within {timeout:g} seconds") from None
        raise FetchError(f"the server could not be reached ({reason})") from None
    except TimeoutError:
        raise FetchError(f"no answer within {timeout:g} seconds") from None
    except (OSError, ValueError) as exc:  # connection reset, malformed address ...
        raise FetchError(f"the server could not be reached ({exc})") from None


def fetch_page(
    url: str,
    *,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
    allow_private: bool = False,
) -> Page:
    """Download one HTML page; raises ``FetchError`` with the reason otherwise."""
    url = url.strip()
    _check_host(url, allow_private)
    deadline = time.monotonic() + timeout
    with _open(url, timeout, allow_private) as response:
        kind, charset = _content_type(response.headers)
        if kind not in HTML_TYPES:
            raise FetchError(f"not a web page but {_describe(kind)}: save its text as a .txt")
        length = response.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > max_bytes:
            raise FetchError(f"the page is over the {max_bytes / 1e6:g} MB limit")
        try:
            body = _read_limited(response, max_bytes, deadline, timeout)
        except TimeoutError:
            raise FetchError(f"the page took longer than {timeout:g} seconds to download") from None
        except OSError as exc:
            raise FetchError(f"the download broke off ({exc})") from None
        encoding = (response.headers.get("Content-Encoding") or "").strip().lower()
        body = _decompress(body, encoding, max_bytes)
        return Page(url, response.geturl(), body, kind, charset)
