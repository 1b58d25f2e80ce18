"""The store never loses data: atomic writes, two processes, corruption, schema versions, backups."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tracker.backups import list_backups, restore
from tracker.errors import DataError
from tracker.migrations import SCHEMA_VERSION
from tracker.records import Action, MonthlyCheck
from tracker.storage import CorruptDataError
from tracker.store import Store, verify_data_file
from tui.cli import main

REPO = Path(__file__).resolve().parent.parent


def worker(path: Path, mode: str, count: int, tag: str = "") -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.store_worker", str(path), mode, str(count), tag],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def test_file_is_readable_utf8_with_chinese_kept(tmp_path) -> None:
    store = Store(tmp_path / "g.json")
    store.insert(Action(title="按季度组织干部学习"))
    text = (tmp_path / "g.json").read_text(encoding="utf-8")
    assert "按季度组织干部学习" in text
    assert json.loads(text)["_meta"]["1"]["schema"] == SCHEMA_VERSION


def test_write_keeps_old_file_when_replace_fails(tmp_path, monkeypatch) -> None:
    store = Store(tmp_path / "g.json")
    store.insert(Action(title="旧"))
    before = (tmp_path / "g.json").read_bytes()

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(DataError) as info:
        store.insert(Action(title="新"))
    assert "原文件未改动" in str(info.value)
    monkeypatch.undo()
    assert (tmp_path / "g.json").read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert [a.title for a in Store(tmp_path / "g.json").all(Action)] == ["旧"]


def test_kill_during_writes_leaves_old_or_new_state(tmp_path) -> None:
    path = tmp_path / "g.json"
    for _ in range(10):
        proc = worker(path, "count", 10_000)
        assert proc.stdout and proc.stdin
        assert proc.stdout.readline().strip() == "ready"
        proc.stdin.write("go\n")
        proc.stdin.flush()
        last = 0
        for _ in range(random.randint(1, 25)):
            last = int(proc.stdout.readline())
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        (record,) = Store(path).find(MonthlyCheck, platform="counter")
        # the write that was reported is there; at most the ones in flight after it
        assert record.volume is not None and record.volume >= last


def test_two_processes_lose_no_update(tmp_path) -> None:
    path = tmp_path / "g.json"
    Store(path)
    procs = [worker(path, "count", 40), worker(path, "count", 40)]
    inserters = [worker(path, "insert", 30, "a"), worker(path, "insert", 30, "b")]
    everyone = procs + inserters
    for p in everyone:
        assert p.stdout and p.stdout.readline().strip() == "ready"
    for p in everyone:
        assert p.stdin
        p.stdin.write("go\n")
        p.stdin.flush()
    outputs = [p.communicate()[0].split() for p in everyone]
    assert all(p.returncode == 0 for p in everyone)
    store = Store(path)
    (record,) = store.find(MonthlyCheck, platform="counter")
    assert record.volume == 80
    seen = sorted(int(v) for v in outputs[0] + outputs[1])
    assert seen == list(range(1, 81))  # every increment saw the other's previous one
    actions = store.all(Action)
    assert len(actions) == 60 and len({a.id for a in actions}) == 60
    assert sorted(a.title for a in actions) == ["by a"] * 30 + ["by b"] * 30


def test_other_process_change_is_seen_and_ids_not_reused(tmp_path) -> None:
    path = tmp_path / "g.json"
    app, daemon = Store(path), Store(path)
    first = app.insert(Action(title="app"))
    second = daemon.insert(Action(title="daemon"))
    third = app.insert(Action(title="app again"))
    assert len({first.id, second.id, third.id}) == 3
    assert [a.title for a in app.all(Action)] == ["app", "daemon", "app again"]


@pytest.mark.parametrize("content", [b"", b'{"_meta": {"1": {"schema": 1}}, "actions": {"1": {"ti'])
def test_truncated_file_is_refused_and_never_overwritten(tmp_path, content) -> None:
    path = tmp_path / "g.json"
    store = Store(path, today=lambda: dt.date(2026, 11, 23))
    store.insert(Action(title="昨天的"))
    store2 = Store(path, today=lambda: dt.date(2026, 11, 24))
    store2.insert(Action(title="今天的"))  # the first change on the 24th backs up the 23rd's state
    path.write_bytes(content)
    with pytest.raises(CorruptDataError) as info:
        Store(path)
    message = str(info.value)
    assert "gongkai restore" in message and "g-2026-11-24.json" in message
    with pytest.raises(CorruptDataError):
        store2.insert(Action(title="丢失?"))
    assert path.read_bytes() == content


def test_restore_puts_newest_backup_back_and_keeps_broken_file(
    tmp_path, capsys, write_config
) -> None:
    config = write_config()
    data = tmp_path / "data" / "gongkai.json"
    Store(data, today=lambda: dt.date(2026, 11, 23)).insert(Action(title="周一"))
    Store(data, today=lambda: dt.date(2026, 11, 24)).insert(Action(title="周二"))
    data.write_text("{broken", encoding="utf-8")
    assert main(["--config", str(config), "status"]) == 2
    assert "gongkai restore" in capsys.readouterr().err
    assert main(["--config", str(config), "restore"]) == 0
    assert [a.title for a in Store(data).all(Action)] == ["周一"]
    kept = [p for p in data.parent.iterdir() if ".before-restore-" in p.name]
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "{broken"


def test_backups_rotate_one_per_day(tmp_path) -> None:
    path = tmp_path / "g.json"
    day = [dt.date(2026, 11, 1)]
    store = Store(path, backups=3, today=lambda: day[0])
    for n in range(6):
        day[0] = dt.date(2026, 11, 1 + n)
        store.insert(Action(title=f"day {n}"))
        store.insert(Action(title=f"day {n} again"))
    names = [p.name for p in list_backups(path)]
    assert names == ["g-2026-11-06.json", "g-2026-11-05.json", "g-2026-11-04.json"]
    # the backup of a day holds the state before that day's first change
    titles = [a["title"] for a in json.loads(list_backups(path)[0].read_text())["actions"].values()]
    assert titles[-1] == "day 4 again"


def test_newer_schema_is_refused_and_left_alone(tmp_path, capsys, write_config) -> None:
    config = write_config()
    data = tmp_path / "data" / "gongkai.json"
    data.parent.mkdir()
    content = json.dumps({"_meta": {"1": {"schema": SCHEMA_VERSION + 1}}, "actions": {}})
    data.write_text(content, encoding="utf-8")
    with pytest.raises(DataError) as info:
        Store(data)
    assert "更新版本" in str(info.value) and "升级" in str(info.value)
    assert main(["--config", str(config), "check"]) == 2
    assert "升级" in capsys.readouterr().err
    assert data.read_text(encoding="utf-8") == content


def test_old_file_without_version_is_migrated_after_a_backup(tmp_path) -> None:
    path = tmp_path / "g.json"
    path.write_text(json.dumps({"actions": {"1": {"title": "旧版本的事项"}}}), encoding="utf-8")
    store = Store(path, today=lambda: dt.date(2026, 11, 24))
    assert store.schema == SCHEMA_VERSION
    assert [a.title for a in store.all(Action)] == ["旧版本的事项"]
    assert list_backups(path), "a backup is taken before migrating"


def test_read_only_folder_gives_a_clear_message(tmp_path, monkeypatch) -> None:
    store = Store(tmp_path / "g.json")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(DataError) as info:
        store.insert(Action(title="x"))
    assert "不可写" in str(info.value) and "[storage]" in str(info.value)


def test_change_history_records_who_when_old_new(tmp_path) -> None:
    store = Store(tmp_path / "g.json", now=lambda: dt.datetime(2026, 11, 24, 9, 30), user="党政办")
    check = store.insert(MonthlyCheck(platform="wechat", month="2026-10", volume=10))
    store.update(check.replace(volume=12), who="李四")
    [entry] = store.history(MonthlyCheck, check.id or 0)
    assert entry["who"] == "李四" and entry["at"] == "2026-11-24T09:30:00"
    assert entry["changes"] == {"volume": [10, 12]}


def test_upsert_does_not_duplicate(tmp_path) -> None:
    store = Store(tmp_path / "g.json")
    store.upsert(MonthlyCheck(platform="wechat", month="2026-10", volume=1), "platform", "month")
    _, created = store.upsert(
        MonthlyCheck(platform="wechat", month="2026-10", volume=2), "platform", "month"
    )
    assert not created
    assert [c.volume for c in store.all(MonthlyCheck)] == [2]


def test_verify_does_not_create_or_change_anything(tmp_path) -> None:
    verify_data_file(tmp_path / "none.json")
    assert not (tmp_path / "none.json").exists()


def test_restore_without_backups_says_so(tmp_path) -> None:
    with pytest.raises(DataError) as info:
        restore(tmp_path / "g.json")
    assert "没有可用的备份" in str(info.value)


def test_an_edit_on_an_older_copy_keeps_what_another_window_changed(tmp_path) -> None:
    from tracker.records import PublicationItem

    app, daemon = Store(tmp_path / "g.json"), Store(tmp_path / "g.json")
    item = app.insert(PublicationItem(title="低保名单", formed=dt.date(2026, 11, 2)))
    screen_copy = app.get(PublicationItem, item.id or 0)
    assert screen_copy is not None
    # the daemon's poller marks it published meanwhile
    polled = daemon.get(PublicationItem, item.id or 0)
    assert polled is not None
    daemon.update(
        polled.replace(status="published", published=dt.date(2026, 11, 9), url="http://x/1")
    )
    # the screen, still holding its copy, adds a note
    app.update(screen_copy.replace(note="已核对"))
    final = app.get(PublicationItem, item.id or 0)
    assert final is not None
    assert (final.status, final.url, final.note) == ("published", "http://x/1", "已核对")


def test_check_names_a_stored_record_that_no_longer_validates(
    write_config, tmp_path, capsys
) -> None:
    config = write_config()
    data = tmp_path / "data" / "gongkai.json"
    Store(data).insert(MonthlyCheck(platform="wechat", month="2026-10"))
    data.write_text(
        data.read_text(encoding="utf-8").replace('"2026-10"', '"2026-13"'), encoding="utf-8"
    )
    assert main(["--config", str(config), "check"]) == 2
    err = capsys.readouterr().err
    assert "monthly_checks #1.month" in err and "2026-13" in err
