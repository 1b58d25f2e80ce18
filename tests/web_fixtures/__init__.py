"""A small threaded HTTP server on 127.0.0.1 serving pages a test builds (never the internet).

    with LocalSite() as site:
        site.add("/col/", list_page([...]))
        site.url("/col/")

Each route answers with a status, headers and a body; it can honour ETags (304), wait before
answering (a slow page), or stream without Content-Length (a huge page). Requests are recorded
with their headers so a test can see what the poller sent.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html"})
    etag: str | None = None
    delay: float = 0.0
    length: bool = True
    """False: no Content-Length, body streamed in chunks until the connection closes."""


@dataclass
class Request:
    path: str
    headers: dict[str, str]


class LocalSite:
    def __init__(self) -> None:
        self.routes: dict[str, Route | Callable[[Request], Route]] = {}
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body go out as two writes

            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

            def do_GET(self) -> None:
                request = Request(self.path, {k.lower(): v for k, v in self.headers.items()})
                with site._lock:
                    site.requests.append(request)
                    route = site.routes.get(self.path.split("?")[0])
                if callable(route):
                    route = route(request)
                if route is None:
                    route = Route(b"<html><body>not found</body></html>", 404)
                if route.delay:
                    threading.Event().wait(route.delay)
                if route.etag and request.headers.get("if-none-match") == route.etag:
                    self.send_response(304)
                    self.send_header("ETag", route.etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(route.status)
                for key, value in route.headers.items():
                    self.send_header(key, value)
                if route.etag:
                    self.send_header("ETag", route.etag)
                if route.length:
                    self.send_header("Content-Length", str(len(route.body)))
                    self.end_headers()
                    self.wfile.write(route.body)
                    return
                self.send_header("Connection", "close")
                self.end_headers()
                self.close_connection = True
                try:
                    for start in range(0, len(route.body), 16384):
                        self.wfile.write(route.body[start : start + 16384])
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading: that is what a size cap does

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, route: Route | Callable[[Request], Route] | str, **kw: Any) -> None:
        if isinstance(route, str):
            route = Route(route.encode("utf-8"), **kw)
        self.routes[path] = route

    def hits(self, path: str) -> list[Request]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    def __enter__(self) -> LocalSite:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.shutdown()
        self.server.server_close()


def list_page(
    rows: list[tuple[str, str, str]],
    *,
    pages: int | None = None,
    current: int = 0,
    charset_meta: str = "utf-8",
) -> str:
    """A list page of the district CMS: ``rows`` are (href, title, shown date text)."""
    items = "\n".join(
        f'<li><a href="{href}" target="_blank">{title}</a><span class="date">{date}</span></li>'
        for href, title, date in rows
    )
    script = (
        f'<script>createPageHTML({pages}, {current}, "index", "html");</script>' if pages else ""
    )
    return (
        "<!DOCTYPE html><html><head>"
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset_meta}">'
        "<title>镇罗镇 工作动态</title></head><body>"
        '<div class="nav"><a href="/">首页</a><a href="/xxgk/">信息公开</a></div>'
        f'<div class="list"><ul>{items}</ul></div>{script}'
        '<div class="footer"><a href="/about.html">关于我们</a> 版权所有 2019</div>'
        "</body></html>"
    )
