"""WeCom and DingTalk group robots and the generic JSON webhook: one JSON POST each.

The config ``url`` is the robot's full webhook address, so the office pastes what the robot
settings show, and tests point it at a local server.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
import urllib.parse
from typing import Any

import httpx

from checks.notify.message import Message
from tracker.config import Section
from tracker.i18n import tr


class SendError(Exception):
    """A channel refused or could not take the message; the text says why in plain words."""


def _post(client: httpx.Client, url: str, body: dict[str, Any]) -> httpx.Response:
    try:
        response = client.post(url, json=body)
    except httpx.HTTPError as e:
        raise SendError(tr(f"连接失败: {e}", f"connection failed: {e}")) from None
    if response.status_code >= 400:
        raise SendError(tr(f"HTTP {response.status_code}", f"HTTP {response.status_code}"))
    return response


def _robot_answer(response: httpx.Response) -> None:
    """Both robots answer ``{"errcode": 0, "errmsg": "ok"}``; anything else is a refusal."""
    try:
        data = response.json()
    except ValueError:
        raise SendError(tr("机器人的回答不是 JSON", "the robot did not answer JSON")) from None
    if not isinstance(data, dict) or data.get("errcode", 0) != 0:
        errmsg = data.get("errmsg") if isinstance(data, dict) else data
        raise SendError(tr(f"机器人拒绝: {errmsg}", f"the robot refused: {errmsg}"))


def send_wecom(channel: Section, message: Message, client: httpx.Client) -> None:
    """企业微信群机器人: ``{"msgtype": "text", "text": {"content": ...}}``."""
    body = {"msgtype": "text", "text": {"content": message.text()}}
    _robot_answer(_post(client, channel.url, body))


def dingtalk_signed_url(url: str, secret: str, now_ms: int | None = None) -> str:
    """Add DingTalk's ``timestamp`` and HMAC-SHA256 ``sign`` to the robot address."""
    timestamp = str(now_ms if now_ms is not None else int(time.time() * 1000))
    digest = hmac.new(
        secret.encode("utf-8"), f"{timestamp}\n{secret}".encode(), hashlib.sha256
    ).digest()
    sign = urllib.parse.quote_plus(base64.b64encode(digest).decode("ascii"))
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}timestamp={timestamp}&sign={sign}"


def send_dingtalk(channel: Section, message: Message, client: httpx.Client) -> None:
    """钉钉群机器人: text message; signed when the robot has a ``secret`` (加签)."""
    url = dingtalk_signed_url(channel.url, channel.secret) if channel.secret else channel.url
    body = {"msgtype": "text", "text": {"content": message.text()}}
    _robot_answer(_post(client, url, body))


def send_webhook(channel: Section, message: Message, client: httpx.Client) -> None:
    """Generic JSON webhook: ``{"office", "date", "reminders": [...]}``; any 2xx is success."""
    _post(client, channel.url, message.payload())
