"""A web server on 127.0.0.1 for the URL import tests: real, slow, oversized, missing, binary
and empty pages. Loopback only, one daemon thread, stopped by the context manager."""

from __future__ import annotations

import contextlib
import gzip
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLE_HTML = """<!doctype html><html><head><title>Wang Yi meets Sergei Lavrov in Moscow</title>
<meta property="og:site_name" content="Loopback News">
<meta property="article:published_time" content="2025-04-01T10:00:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<script>window.tracker = {id: 1};</script>
<article><h1>Wang Yi meets Sergei Lavrov in Moscow</h1>
<p>Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergei Lavrov in Moscow on
Tuesday, the Russian foreign ministry said.</p>
<p>"China is ready to play a constructive role," Wang told reporters after the talks.</p>
</article><footer>Copyright Loopback News</footer></body></html>"""

SCRIPTS_ONLY = (
    "<html><head><title>Loading</title><script>var app = {};</script></head><body>"
    + "<script>render(app);</script>" * 50
    + "<noscript>Enable JavaScript</noscript></body></html>"
)

CYRILLIC = (
    "<html><head><title>Встреча в Москве</title></head><body><article><h1>Встреча в Москве</h1>"
    "<p>Министр иностранных дел Китая Ван И встретился с Сергеем Лавровым в Москве во вторник, "
    "сообщили в министерстве. Стороны обсудили урегулирование кризиса на Украине.</p>"
    "</article></body></html>"
)


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def _send(self, code: int, body: bytes, kind: str, extra: dict | None = None) -> None:
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        route = ROUTES.get(self.path.split("?")[0])
        if route is None:
            self._send(404, b"<html><body>Not found</body></html>", "text/html")
            return
        with contextlib.suppress(OSError):  # the client may hang up (timeouts, size caps)
            route(self)


def _article(h: Handler) -> None:
    h._send(200, ARTICLE_HTML.encode(), "text/html; charset=utf-8")


def _slow(h: Handler) -> None:
    time.sleep(1.5)  # longer than the tests' timeout; bounded so the server stops quickly
    h._send(200, ARTICLE_HTML.encode(), "text/html")


def _trickle(h: Handler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.end_headers()
    for _ in range(30):  # every read is quick, but the whole page takes 3 s
        h.wfile.write(b"<p>" + b"x" * 70000 + b"</p>")
        h.wfile.flush()
        time.sleep(0.1)


def _big(h: Handler) -> None:
    h._send(200, b"<html><body>" + b"<p>word</p>" * 200_000 + b"</body></html>", "text/html")


def _big_unannounced(h: Handler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.end_headers()  # no Content-Length: only the streamed count can stop it
    for _ in range(40):
        h.wfile.write(b"<p>" + b"word " * 20_000 + b"</p>")


def _pdf(h: Handler) -> None:
    h._send(200, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "application/pdf")


def _scripts(h: Handler) -> None:
    h._send(200, SCRIPTS_ONLY.encode(), "text/html")


def _redirect(h: Handler) -> None:
    h.send_response(302)
    h.send_header("Location", "/article")
    h.send_header("Content-Length", "0")
    h.end_headers()


def _gzip(h: Handler) -> None:
    body = gzip.compress(ARTICLE_HTML.encode())
    h._send(200, body, "text/html; charset=utf-8", {"Content-Encoding": "gzip"})


def _cyrillic(h: Handler) -> None:
    h._send(200, CYRILLIC.encode("cp1251"), "text/html; charset=windows-1251")


ROUTES = {
    "/article": _article,
    "/slow": _slow,
    "/trickle": _trickle,
    "/big": _big,
    "/big-unannounced": _big_unannounced,
    "/report.pdf": _pdf,
    "/scripts": _scripts,
    "/redirect": _redirect,
    "/gzip": _gzip,
    "/cyrillic": _cyrillic,
}


@contextlib.contextmanager
def serve() -> Iterator[str]:
    """Base URL of a server on 127.0.0.1 (a free port), stopped on exit."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
