"""`gongkai deadline` and item deadlines count Chinese working days: holidays, 调休, unknown years."""

from __future__ import annotations

import datetime as dt
import json

from checks.deadlines import item_timing
from tracker.config import load_config
from tracker.records import PublicationItem
from tracker.workspace import calendar_for
from tui.cli import main

D = dt.date


def deadline_json(config_path, *args: str, capsys) -> dict:
    code = main(["--config", str(config_path), "deadline", *args, "--json"])
    assert code == 0
    return json.loads(capsys.readouterr().out)


def test_formed_before_national_day_skips_the_holiday_and_counts_the_makeup_saturday(
    config_path, capsys
) -> None:
    # 2026: Oct 1-7 off, Sat Oct 10 is a 调休 working day. After Tue Sep 29: Sep 30 (1),
    # Oct 8 (2), Oct 9 (3), Sat Oct 10 (4), Oct 12-16 (5-9), Mon Oct 19 (10).
    assert deadline_json(config_path, "2026-09-29", "--workdays", "10", capsys=capsys) == {
        "formed": "2026-09-29",
        "workdays": 10,
        "due": "2026-10-19",
        "provisional": False,
    }
    # ... then Oct 20-23 (11-14), Oct 26-30 (15-19), Mon Nov 2 (20).
    out = deadline_json(config_path, "2026-09-29", capsys=capsys)
    assert (out["workdays"], out["due"], out["provisional"]) == (20, "2026-11-02", False)


def test_social_assistance_category_uses_ten_days(config_path, capsys) -> None:
    out = deadline_json(config_path, "2026-09-29", "--category", "社会救助", capsys=capsys)
    assert (out["workdays"], out["due"]) == (10, "2026-10-19")
    out = deadline_json(config_path, "2026-09-29", "--category", "低保", capsys=capsys)
    assert out["workdays"] == 10


def test_makeup_sunday_before_mid_autumn_counts(config_path, capsys) -> None:
    # Sun Sep 20 2026 is a working day; Fri Sep 25 (中秋) is off.
    out = deadline_json(config_path, "2026-09-19", "--workdays", "1", capsys=capsys)
    assert out["due"] == "2026-09-20"
    out = deadline_json(config_path, "2026-09-24", "--workdays", "1", capsys=capsys)
    assert out["due"] == "2026-09-28"


def test_year_the_calendar_does_not_know_is_provisional(config_path, capsys) -> None:
    out = deadline_json(config_path, "2026-12-20", capsys=capsys)
    assert out["provisional"] is True
    # Counted Mon-Fri across New Year 2027 (the minimal config adds no holidays): from Sun
    # Dec 20, Dec 21-25 (5), Dec 28-31 (9), Fri Jan 1 (10), Jan 4-8 (15), Jan 11-15 (20).
    assert out["due"] == "2027-01-15"
    out = deadline_json(config_path, "2026-11-02", capsys=capsys)
    assert out == {
        "formed": "2026-11-02",
        "workdays": 20,
        "due": "2026-11-30",
        "provisional": False,
    }


def test_config_holiday_override_moves_a_provisional_deadline(write_config, capsys) -> None:
    path = write_config(extra="\n[calendar]\nholidays = [2027-01-01]\n")
    out = deadline_json(path, "2026-12-20", capsys=capsys)
    # Jan 1 off: one working day later, Mon Jan 18.
    assert (out["due"], out["provisional"]) == ("2027-01-18", True)


def test_plain_text_output_names_the_rule_and_warns_when_provisional(config_path, capsys) -> None:
    assert main(["--config", str(config_path), "deadline", "2026-12-20"]) == 0
    text = capsys.readouterr().out
    assert "2027-01-15" in text and "第二十六条" in text and "周一至周五推算" in text


def test_bad_date_exits_2(config_path, capsys) -> None:
    assert main(["--config", str(config_path), "deadline", "2026-02-30"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_published_item_records_lateness_in_working_days(config_path) -> None:
    config = load_config(config_path)
    cal = calendar_for(config)
    item = PublicationItem(title="征地补偿方案", formed=D(2026, 9, 29), category="征地补偿")
    on_time = item.replace(status="published", published=D(2026, 11, 2))
    late = item.replace(status="published", published=D(2026, 11, 4))
    timing = item_timing(on_time, cal, config.rules, D(2026, 11, 24))
    assert (timing.state, timing.late_by, timing.due) == ("on_time", 0, D(2026, 11, 2))
    timing = item_timing(late, cal, config.rules, D(2026, 11, 24))
    assert (timing.state, timing.late_by) == ("late", 2)


def test_open_item_shows_working_days_left_or_overdue(config_path) -> None:
    config = load_config(config_path)
    cal = calendar_for(config)
    item = PublicationItem.from_input(
        {"title": "低保名单", "formed": "2026-11-16", "category": "社会救助"}
    )
    assert item.category == "social_assistance"
    timing = item_timing(item, cal, config.rules, D(2026, 11, 24))
    # Nov 17-20 (4), Nov 23-27 (9), Nov 30 (10); from Tue Nov 24: 25, 26, 27, 30 = 4 left.
    assert (timing.state, timing.due, timing.workdays_left) == ("open", D(2026, 11, 30), 4)
    timing = item_timing(item, cal, config.rules, D(2026, 12, 2))
    assert (timing.state, timing.workdays_left) == ("overdue", -2)
