"""Notification channels (``[[channels]]`` in config.toml): WeCom and DingTalk robots, e-mail,
a generic JSON webhook.

Each send is retried a few times with a growing pause, then logged; one failing channel never
stops the others. Callers run this in a worker thread (the app) or the daemon's loop, so the
UI never waits on the network.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import httpx

from checks.notify.mail import send_email
from checks.notify.message import Message
from checks.notify.robots import SendError, send_dingtalk, send_webhook, send_wecom
from tracker.config import Config, Section

log = logging.getLogger("gongkai.notify")

ATTEMPTS = 3
BACKOFF_SECONDS = (2.0, 5.0)
TIMEOUT_SECONDS = 10.0


@dataclass(frozen=True)
class SendResult:
    channel: str
    ok: bool
    attempts: int
    error: str = ""


def enabled_channels(config: Config) -> list[Section]:
    return [c for c in config.channels if c.enabled]


def _send_once(channel: Section, message: Message, client: httpx.Client) -> None:
    if channel.kind == "email":
        send_email(channel, message)
    elif channel.kind == "wecom":
        send_wecom(channel, message, client)
    elif channel.kind == "dingtalk":
        send_dingtalk(channel, message, client)
    elif channel.kind == "webhook":
        send_webhook(channel, message, client)
    else:  # config validation keeps this out; kept as a message, not a crash
        raise SendError(f"unknown channel kind {channel.kind!r}")


def _send_with_retries(
    channel: Section,
    message: Message,
    client: httpx.Client,
    attempts: int,
    sleep: Callable[[float], None],
) -> SendResult:
    error = ""
    for attempt in range(1, attempts + 1):
        try:
            _send_once(channel, message, client)
            return SendResult(channel.id, True, attempt)
        except SendError as e:
            error = str(e)
        except Exception as e:  # a bug in one channel must not stop the others
            log.exception("channel %s failed", channel.id)
            return SendResult(channel.id, False, attempt, f"{type(e).__name__}: {e}")
        log.warning("channel %s attempt %d failed: %s", channel.id, attempt, error)
        if attempt < attempts:
            sleep(BACKOFF_SECONDS[min(attempt - 1, len(BACKOFF_SECONDS) - 1)])
    log.error("channel %s gave up after %d attempts: %s", channel.id, attempts, error)
    return SendResult(channel.id, False, attempts, error)


def send_all(
    channels: Sequence[Section],
    message: Message,
    *,
    attempts: int = ATTEMPTS,
    sleep: Callable[[float], None] = time.sleep,
    client: httpx.Client | None = None,
) -> list[SendResult]:
    """Send one message through every channel; each retried, failures logged, none blocking."""
    http = client or httpx.Client(timeout=TIMEOUT_SECONDS, follow_redirects=True)
    try:
        return [_send_with_retries(c, message, http, attempts, sleep) for c in channels]
    finally:
        if client is None:
            http.close()


__all__ = ["Message", "SendError", "SendResult", "enabled_channels", "send_all"]
