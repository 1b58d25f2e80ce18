"""Month arithmetic clamps to the month's length; stored dates are read leniently."""

from __future__ import annotations

import datetime as dt

from tracker.dates import add_months, clamped_date, maybe_date, maybe_datetime

D = dt.date


def test_add_months_clamps_and_crosses_years() -> None:
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert add_months(D(2028, 1, 31), 1) == D(2028, 2, 29)
    assert add_months(D(2026, 12, 15), 1) == D(2027, 1, 15)
    assert add_months(D(2026, 3, 31), -1) == D(2026, 2, 28)
    assert clamped_date(2026, 4, 31) == D(2026, 4, 30)


def test_lenient_reading() -> None:
    assert maybe_date("2026-11-02T08:30:00+08:00") == D(2026, 11, 2)
    assert maybe_date(dt.datetime(2026, 11, 2, 8)) == D(2026, 11, 2)
    assert (
        maybe_date("11-02") is None
        and maybe_date(None) is None
        and maybe_date("2026-13-01") is None
    )
    assert maybe_datetime("bad") is None
    assert maybe_datetime("2026-11-02T08:30:00") == dt.datetime(2026, 11, 2, 8, 30)
