"""Shared pieces of the reminder/scheduler/notify tests: deadlines from actions, a fake clock,
a local HTTP server standing in for the robots."""

from __future__ import annotations

import datetime as dt
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import checks.rules
from checks.context import RuleContext
from checks.flags import Deadline, Rule
from tracker.records import Action
from tracker.workspace import Workspace

TZ = ZoneInfo("Asia/Shanghai")
TEST_RULE = Rule("整改期限", "测试")


def action_deadlines(ctx: RuleContext) -> list[Deadline]:
    """Open actions with a due date, as the actions rule module reports them."""
    return [
        Deadline("actions", str(a.id), a.title, a.due, TEST_RULE, a.owner)
        for a in ctx.records.actions
        if a.is_open and a.due is not None
    ]


def only_action_deadlines(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the tests independent of the other rule modules' deadlines (monthly checks,
    study, annual report…), whatever they contain by the time these tests run."""
    monkeypatch.setattr(checks.rules, "all_deadline_fns", lambda: [action_deadlines])


def add_action(ws: Workspace, title: str, due: str, **extra: Any) -> Action:
    return ws.store.insert(Action.from_input({"title": title, "due": due, **extra}))


def at(text: str) -> dt.datetime:
    """'2026-04-03 08:00' in the office's time zone."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=TZ)


class FakeClock:
    """Time that moves only when the code under test waits."""

    def __init__(self, start: dt.datetime) -> None:
        self.current = start

    def now(self) -> dt.datetime:
        return self.current

    def wait(self, seconds: float) -> bool:
        self.current += dt.timedelta(seconds=max(seconds, 0.001))
        return False

    def set(self, moment: dt.datetime) -> None:
        self.current = moment


class Robot:
    """A 127.0.0.1 HTTP server recording every POST; ``answers`` scripts the replies."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.answers: dict[str, list[tuple[int, Any]]] = {}
        robot = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"null")
                path, _, query = self.path.partition("?")
                robot.requests.append({"path": path, "query": query, "body": body})
                queue = robot.answers.get(path) or [(200, {"errcode": 0, "errmsg": "ok"})]
                status, reply = queue.pop(0) if len(queue) > 1 else queue[0]
                data = json.dumps(reply).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def to(self, path: str) -> list[dict[str, Any]]:
        return [r for r in self.requests if r["path"] == path]

    def __enter__(self) -> Robot:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


REPO_ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent
