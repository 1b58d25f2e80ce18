"""Change history reads as words: field labels and coded values translated."""

from __future__ import annotations

from tui.change_log import change_lines
from tui.work_labels import item_status


def test_codes_become_words() -> None:
    entries = [
        {
            "at": "2026-11-25T04:54:00+08:00",
            "who": "党政办",
            "changes": {"status": ["pending", "published"], "published": [None, "2026-10-16"]},
        }
    ]
    lines = change_lines(
        entries, {"status": "状态", "published": "发布日期"}, {"status": item_status}
    )
    assert lines[0] == "2026-11-25 04:54  党政办"
    assert lines[1] == f"  状态: {item_status('pending')} -> {item_status('published')}"
    assert "status" not in lines[1] and "pending" not in lines[1]
    assert lines[2] == "  发布日期: (空) -> 2026-10-16"
