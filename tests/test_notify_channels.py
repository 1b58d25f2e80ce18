"""Channels against a local 127.0.0.1 server standing in for the robots; never the internet."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import smtplib
import urllib.parse
from typing import Any

import pytest

from checks.flags import Deadline
from checks.notify import Message, send_all
from checks.reminders import Reminder
from tests.reminders_support import TEST_RULE, Robot
from tracker.config import Section

TODAY = dt.date(2026, 4, 7)


def channel(**values: Any) -> Section:
    base = {
        "id": "c",
        "kind": "webhook",
        "url": "",
        "secret": "",
        "enabled": True,
        "smtp_host": "",
        "smtp_port": 465,
        "smtp_ssl": True,
        "smtp_user": "",
        "smtp_password": "",
        "sender": "",
        "to": [],
    }
    return Section({**base, **values})


def message() -> Message:
    late = Deadline(
        "actions", "4", "整改: 政策文件栏目 [/x] 补发", dt.date(2026, 4, 3), TEST_RULE, "张三"
    )
    soon = Deadline("study", "2026-Q2", "二季度学习培训", dt.date(2026, 4, 10), TEST_RULE)
    return Message(
        "镇罗镇党政办公室",
        TODAY,
        [Reminder(late, "overdue:2026-04-07", "overdue", -1), Reminder(soon, "3", "due_soon", 3)],
    )


def no_wait(seconds: float) -> None:
    pass


def test_wecom_robot_gets_a_text_message() -> None:
    with Robot() as robot:
        results = send_all(
            [channel(id="wx", kind="wecom", url=f"{robot.base}/cgi-bin/webhook/send?key=abc")],
            message(),
            sleep=no_wait,
        )
    assert [(r.channel, r.ok) for r in results] == [("wx", True)]
    (request,) = robot.requests
    assert request["query"] == "key=abc"
    body = request["body"]
    assert body["msgtype"] == "text"
    content = body["text"]["content"]
    assert content.startswith("镇罗镇党政办公室 政务公开提醒 2026-04-07 (2 项)")
    assert "整改: 政策文件栏目 [/x] 补发: 已逾期" in content and "责任人 张三" in content
    assert "二季度学习培训: 还剩 3 个工作日 (截止 2026-04-10)" in content


def test_dingtalk_robot_is_signed_when_a_secret_is_set() -> None:
    secret = "SECtest0123456789"
    with Robot() as robot:
        send_all(
            [
                channel(id="dd", kind="dingtalk", url=f"{robot.base}/robot/send?access_token=t1"),
                channel(
                    id="dd2",
                    kind="dingtalk",
                    url=f"{robot.base}/robot/send?access_token=t2",
                    secret=secret,
                ),
            ],
            message(),
            sleep=no_wait,
        )
    plain, signed = robot.requests
    assert plain["query"] == "access_token=t1"
    assert (
        plain["body"]["msgtype"] == "text" and "二季度学习培训" in plain["body"]["text"]["content"]
    )
    query = urllib.parse.parse_qs(signed["query"])
    assert query["access_token"] == ["t2"]
    timestamp = query["timestamp"][0]
    expected = base64.b64encode(
        hmac.new(secret.encode(), f"{timestamp}\n{secret}".encode(), hashlib.sha256).digest()
    ).decode()
    assert query["sign"] == [expected]


def test_webhook_posts_office_date_and_reminders() -> None:
    with Robot() as robot:
        send_all([channel(id="hook", url=f"{robot.base}/hook")], message(), sleep=no_wait)
    (request,) = robot.requests
    assert request["body"] == {
        "office": "镇罗镇党政办公室",
        "date": "2026-04-07",
        "reminders": [
            {
                "id": "4",
                "subject": "actions",
                "title": "整改: 政策文件栏目 [/x] 补发",
                "due": "2026-04-03",
                "threshold": "overdue",
                "kind": "overdue",
            },
            {
                "id": "2026-Q2",
                "subject": "study",
                "title": "二季度学习培训",
                "due": "2026-04-10",
                "threshold": 3,
                "kind": "due_soon",
            },
        ],
    }


def test_a_failing_channel_is_retried_then_logged_and_the_rest_still_go(caplog) -> None:
    waits: list[float] = []
    with Robot() as robot:
        robot.answers["/down"] = [(500, {"error": "busy"})]
        robot.answers["/refuses"] = [
            (200, {"errcode": 310000, "errmsg": "keywords not in content"})
        ]
        robot.answers["/flaky"] = [(503, {}), (200, {"errcode": 0})]
        results = send_all(
            [
                channel(id="down", url=f"{robot.base}/down"),
                channel(id="refuses", kind="dingtalk", url=f"{robot.base}/refuses"),
                channel(id="flaky", kind="wecom", url=f"{robot.base}/flaky"),
                channel(id="ok", url=f"{robot.base}/ok"),
            ],
            message(),
            sleep=waits.append,
        )
    by_id = {r.channel: r for r in results}
    assert (by_id["down"].ok, by_id["down"].attempts) == (False, 3)
    assert "HTTP 500" in by_id["down"].error
    assert not by_id["refuses"].ok and "keywords not in content" in by_id["refuses"].error
    assert (by_id["flaky"].ok, by_id["flaky"].attempts) == (True, 2)
    assert by_id["ok"].ok
    assert len(robot.to("/down")) == 3 and len(robot.to("/ok")) == 1
    assert waits[:2] == [2.0, 5.0]  # growing pauses between attempts
    assert "down gave up after 3 attempts" in caplog.text


def test_an_unreachable_robot_is_a_failed_result_not_a_crash() -> None:
    with Robot() as robot:
        dead = robot.base
    results = send_all([channel(id="gone", url=f"{dead}/x")], message(), sleep=no_wait)
    assert not results[0].ok and results[0].attempts == 3


class FakeSMTP:
    sent: list[Any] = []
    logins: list[tuple[str, str]] = []

    def __init__(self, host: str, port: int, timeout: float) -> None:
        self.host, self.port = host, port

    def __enter__(self) -> FakeSMTP:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def has_extn(self, name: str) -> bool:
        return False

    def login(self, user: str, password: str) -> None:
        FakeSMTP.logins.append((user, password))

    def send_message(self, mail: Any) -> None:
        FakeSMTP.sent.append((self.host, self.port, mail))


def test_email_goes_through_the_configured_smtp_account(monkeypatch: pytest.MonkeyPatch) -> None:
    FakeSMTP.sent, FakeSMTP.logins = [], []
    monkeypatch.setattr(smtplib, "SMTP_SSL", FakeSMTP)
    results = send_all(
        [
            channel(
                id="mail",
                kind="email",
                smtp_host="smtp.example.test",
                smtp_user="office@example.test",
                smtp_password="code",
                to=["a@example.test", "b@example.test"],
            )
        ],
        message(),
        sleep=no_wait,
    )
    assert results[0].ok
    ((host, port, mail),) = FakeSMTP.sent
    assert (host, port) == ("smtp.example.test", 465)
    assert FakeSMTP.logins == [("office@example.test", "code")]
    assert mail["To"] == "a@example.test, b@example.test"
    assert mail["From"] == "office@example.test"
    assert "政务公开提醒 2026-04-07" in mail["Subject"]
    assert "二季度学习培训" in mail.get_content()


def test_email_without_a_server_says_what_to_fill_in() -> None:
    results = send_all([channel(id="mail", kind="email")], message(), sleep=no_wait)
    assert not results[0].ok and "smtp_host" in results[0].error
