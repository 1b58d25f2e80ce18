"""Poll 200 listing pages from a loopback server: the poller's total time ÷ a bare
httpx.AsyncClient fetching the same URLs with the same concurrency (target ≤ 1.3×), and parse
throughput in pages/s. Prints ratios measured in this run.

    python bench/poll.py
"""

from __future__ import annotations

import asyncio
import datetime as dt
import multiprocessing
import sys
import tempfile
import time
from multiprocessing.connection import Connection
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checks.poller import poll_sources
from checks.poller.parse import parse_list
from tests.web_fixtures import LocalSite, Route, list_page
from tracker.clock import Clock
from tracker.workspace import open_workspace

SOURCES, PAGES, ROWS, PER_HOST = 20, 10, 30, 4
DAY = dt.date(2026, 11, 24)
PADDING = "<p>" + "沙坡头区镇罗镇人民政府 政务公开 " * 300 + "</p>"  # pages of a realistic ~20 KB


def build(site: LocalSite, latency: float = 0.0) -> list[str]:
    urls = []
    for s in range(SOURCES):
        for p in range(PAGES):
            rows = []
            for r in range(ROWS):
                n = (p * ROWS + r) % 28 + 1
                rows.append(
                    (
                        f"./202611/t202611{n:02d}_{s}{p}{r}.html",
                        f"栏目{s} 第{p}页 第{r}条 通知公告",
                        f"2026-11-{n:02d}",
                    )
                )
            path = f"/c{s}/" if p == 0 else f"/c{s}/index_{p}.html"
            body = (list_page(rows, pages=PAGES, current=p) + PADDING).encode()
            site.add(path, Route(body, delay=latency))
            urls.append(site.url(path))
    return urls


class Remote:
    """The server process's addresses, as build() made them."""

    def __init__(self, base: str) -> None:
        self.base = base

    def url(self, path: str) -> str:
        return self.base + path


def config(folder: Path, site: Remote) -> Path:
    text = (
        '[office]\nname = "bench"\nunit = "bench"\n[storage]\npath = "data/gongkai.json"\n'
        f"[poll]\ndelay_seconds = 0\nretries = 0\nper_host = {PER_HOST}\n"
    )
    for s in range(SOURCES):
        text += (
            f'\n[[sources]]\nid = "c{s}"\nurl = "{site.url(f"/c{s}/")}"\ncategory = "news"\n'
            f"max_pages = {PAGES}\n"
        )
    path = folder / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


async def bare(urls: list[str]) -> tuple[float, list[bytes]]:
    slots = asyncio.Semaphore(PER_HOST)
    async with httpx.AsyncClient() as client:

        async def one(url: str) -> bytes:
            async with slots:
                return (await client.get(url)).content

        start = time.perf_counter()
        bodies = await asyncio.gather(*(one(u) for u in urls))
        return time.perf_counter() - start, list(bodies)


async def poller(cfg: Path) -> float:
    ws = open_workspace(cfg, Clock.on(DAY))
    start = time.perf_counter()
    results = await poll_sources(ws)
    elapsed = time.perf_counter() - start
    assert all(r.ok and r.pages == PAGES for r in results), [r.message for r in results]
    return elapsed


def serve(ready: Connection, latency: float) -> None:
    """The loopback server runs in its own process, as a real server would not share our GIL."""
    with LocalSite() as site:
        ready.send((site.base, build(site, latency)))
        ready.recv()  # until the parent is done


def measure(latency: float) -> None:
    parent, child = multiprocessing.Pipe()
    server = multiprocessing.Process(target=serve, args=(child, latency), daemon=True)
    server.start()
    base, urls = parent.recv()
    site = Remote(base)
    with tempfile.TemporaryDirectory() as tmp:
        asyncio.run(bare(urls[:10]))  # warm up the server and imports
        bare_times, poll_times = [], []
        for round_ in range(3):
            seconds, bodies = asyncio.run(bare(urls))
            bare_times.append(seconds)
            folder = Path(tmp) / str(round_)
            folder.mkdir()
            poll_times.append(asyncio.run(poller(config(folder, site))))
        texts = [b.decode("utf-8") for b in bodies]
        start = time.perf_counter()
        items = sum(len(parse_list(t, urls[0], DAY)) for t in texts)
        parse_seconds = time.perf_counter() - start
    parent.send("done")
    server.join(timeout=5)
    best_bare, best_poll = min(bare_times), min(poll_times)
    print(
        f"server answers after {latency * 1000:.0f} ms; pages: {len(urls)} ({SOURCES} sources x {PAGES} pages, {len(texts[0]) // 1000} KB each), "
        f"concurrency {PER_HOST}"
    )
    print(f"poller ÷ bare httpx: {best_poll / best_bare:.2f}x  (target <= 1.3x)")
    print(
        f"parse: {len(texts) / parse_seconds:.0f} pages/s, {items} items "
        f"({parse_seconds / len(texts) / (best_bare / len(urls)):.2f}x of one bare fetch per page)"
    )


def main() -> None:
    for latency in (0.0, 0.02):  # bare loopback; then a CMS that takes 20 ms to answer
        measure(latency)


if __name__ == "__main__":
    main()
