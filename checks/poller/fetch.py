"""Polite HTTP for a government server: one shared client, few connections per host, a pause
between pages, retries with backoff, conditional GET and a cap on body size.

httpx gives none of conditional GET, size caps or retries of timeouts/5xx (its transport
``retries`` covers connection errors only), so they are here. The client is made with
``trust_env`` so the system proxy is honoured, and follows redirects (http → https is common).
"""

from __future__ import annotations

import asyncio
import hashlib
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx

from checks.poller import errors
from checks.poller.errors import PollError

MAX_REDIRECTS = 10
BACKOFF_SECONDS = 0.5
"""First retry waits this long, then twice as long each time."""


@dataclass(frozen=True)
class Page:
    """One answer: the body (capped), or ``not_modified`` for a 304."""

    url: str
    status: int
    body: bytes
    content_type: str
    etag: str | None
    last_modified: str | None
    not_modified: bool = False

    @property
    def size(self) -> int:
        return len(self.body)

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.body).hexdigest()

    def validators(self) -> dict[str, Any]:
        """What the next poll sends back (If-None-Match / If-Modified-Since) and the hash."""
        return {"etag": self.etag, "last_modified": self.last_modified, "hash": self.digest}


def make_client(user_agent: str, timeout: float, per_host: int) -> httpx.AsyncClient:
    """The one client a poll shares across sources and pages."""
    return httpx.AsyncClient(
        headers={"User-Agent": user_agent, "Accept": "text/html,application/xhtml+xml,*/*;q=0.8"},
        timeout=httpx.Timeout(timeout),
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        limits=httpx.Limits(max_connections=max(4, per_host * 4), max_keepalive_connections=8),
        trust_env=True,
    )


class Fetcher:
    """GETs through a shared client, at most ``per_host`` at a time per host."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        *,
        user_agent: str,
        timeout: float,
        max_bytes: int,
        per_host: int,
        delay: float,
        retries: int,
        backoff: float = BACKOFF_SECONDS,
    ) -> None:
        self.client = client
        self.user_agent = user_agent
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.per_host = per_host
        self.delay = delay
        self.retries = retries
        self.backoff = backoff
        self._slots: dict[str, asyncio.Semaphore] = {}
        self.requests = 0

    def _slot(self, url: str) -> asyncio.Semaphore:
        host = urlsplit(url).netloc.lower()
        if host not in self._slots:
            self._slots[host] = asyncio.Semaphore(self.per_host)
        return self._slots[host]

    async def get(self, url: str, validators: dict[str, Any] | None = None) -> Page:
        """Fetch ``url``; a 304 (or unchanged content) is a Page with ``not_modified``.

        Raises PollError, after retrying connection errors, timeouts and 5xx with backoff.
        """
        headers = {"User-Agent": self.user_agent}
        if validators:
            if validators.get("etag"):
                headers["If-None-Match"] = str(validators["etag"])
            if validators.get("last_modified"):
                headers["If-Modified-Since"] = str(validators["last_modified"])
        attempt = 0
        while True:
            try:
                async with self._slot(url):
                    try:
                        page = await self._once(url, headers)
                    finally:
                        if self.delay:
                            await asyncio.sleep(self.delay)  # polite pause, holding the slot
            except PollError as error:
                if error.kind in errors.RETRYABLE and attempt < self.retries:
                    await asyncio.sleep(self.backoff * 2**attempt)
                    attempt += 1
                    continue
                raise
            if (
                not page.not_modified
                and validators
                and validators.get("hash")
                and validators["hash"] == page.digest
            ):
                return Page(
                    page.url,
                    page.status,
                    page.body,
                    page.content_type,
                    page.etag,
                    page.last_modified,
                    not_modified=True,
                )
            return page

    async def _once(self, url: str, headers: dict[str, str]) -> Page:
        self.requests += 1
        try:
            async with asyncio.timeout(self.timeout):  # a whole-page deadline, not per chunk
                async with self.client.stream(
                    "GET", url, headers=headers, follow_redirects=True, timeout=self.timeout
                ) as response:
                    return await self._read(url, response)
        except PollError:
            raise
        except Exception as error:  # every transport failure becomes a classified result
            raise errors.classify(error, url) from error

    async def _read(self, url: str, response: httpx.Response) -> Page:
        final = str(response.url)
        content_type = response.headers.get("content-type", "")
        etag = response.headers.get("etag")
        modified = response.headers.get("last-modified")
        if response.status_code == 304:
            return Page(final, 304, b"", content_type, etag, modified, not_modified=True)
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise errors.too_large(url, self.max_bytes)
        body = bytearray()
        async for chunk in response.aiter_bytes():
            body += chunk
            if len(body) > self.max_bytes:
                raise errors.too_large(url, self.max_bytes)
        if response.status_code >= 400:
            text = bytes(body[:20000]).decode("utf-8", "replace")
            raise errors.http_status(response.status_code, url, text)
        return Page(final, response.status_code, bytes(body), content_type, etag, modified)
