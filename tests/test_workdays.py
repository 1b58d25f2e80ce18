"""Chinese working days: holidays off, 调休 make-up days on, provisional beyond the package."""

from __future__ import annotations

import datetime as dt

from tracker.workdays import WorkCalendar

D = dt.date


def test_design_example_formed_monday_due_monday() -> None:
    result = WorkCalendar().add_workdays(D(2026, 11, 2), 20)
    assert result.date == D(2026, 11, 30) and not result.provisional


def test_national_day_holiday_and_makeup_saturday() -> None:
    cal = WorkCalendar()
    assert not cal.is_workday(D(2026, 10, 1)) and not cal.is_workday(D(2026, 10, 7))
    assert cal.is_workday(D(2026, 10, 10))  # Saturday, 调休上班
    # formed Tue 29 Sep: 30 Sep, then 8, 9, 10 (Sat), 12..16, 19 Oct
    assert cal.add_workdays(D(2026, 9, 29), 10).date == D(2026, 10, 19)


def test_day_of_the_event_is_not_counted() -> None:
    cal = WorkCalendar()
    assert cal.add_workdays(D(2026, 11, 23), 1).date == D(2026, 11, 24)
    assert cal.add_workdays(D(2026, 11, 27), 1).date == D(2026, 11, 30)  # Friday → Monday
    assert cal.add_workdays(D(2026, 11, 27), 0).date == D(2026, 11, 27)


def test_between_is_the_inverse_of_add() -> None:
    cal = WorkCalendar()
    start = D(2026, 9, 25)
    for n in (0, 1, 5, 10, 20, 45):
        assert cal.workdays_between(start, cal.add_workdays(start, n).date) == n
    assert cal.workdays_between(D(2026, 11, 30), D(2026, 11, 2)) == -20


def test_counting_backwards_for_reminder_thresholds() -> None:
    cal = WorkCalendar()
    assert cal.add_workdays(D(2026, 10, 12), -3).date == D(2026, 10, 8)


def test_year_not_covered_falls_back_to_weekdays_and_is_provisional() -> None:
    cal = WorkCalendar()
    assert not cal.covers(2027)
    result = cal.add_workdays(D(2026, 12, 24), 10)
    assert result.provisional
    # Mon–Fri guess: 25, 28, 29, 30, 31 Dec, then 1 Jan 2027 (a Friday) counts unless overridden
    assert result.date == D(2027, 1, 7)
    assert not cal.add_workdays(D(2026, 12, 1), 5).provisional


def test_config_overrides_win() -> None:
    cal = WorkCalendar(holidays=[D(2027, 1, 1)], workdays=[D(2026, 11, 28)])
    assert not cal.is_workday(D(2027, 1, 1))
    assert cal.is_workday(D(2026, 11, 28))  # a Saturday declared a working day
    assert cal.add_workdays(D(2026, 12, 24), 10).date == D(2027, 1, 8)
