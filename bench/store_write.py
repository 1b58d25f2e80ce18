"""Recording one monthly check: write time with 5 years of data ÷ with 1 month of data.

Target ≤ 2× and < 50 ms at 5 years (issue: foundation). Prints the medians and the ratio.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.dataset import PLATFORMS, cleanup, temp_dataset
from tracker.records import MonthlyCheck
from tracker.workspace import open_workspace

ROUNDS = 40


def time_writes(config: Path) -> float:
    ws = open_workspace(config)
    samples = []
    for n in range(ROUNDS):
        record = MonthlyCheck(
            platform=PLATFORMS[n % 12], month="2026-11", volume=n, checker="bench"
        )
        start = time.perf_counter()
        ws.store.upsert(record, "platform", "month")
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    small_dir, small = temp_dataset(n_months=1)
    big_dir, big = temp_dataset(n_months=60)
    try:
        size = (big.parent / "data" / "gongkai.json").stat().st_size
        one = time_writes(small)
        five = time_writes(big)
    finally:
        cleanup(small_dir)
        cleanup(big_dir)
    print(f"data file at 5 years: {size / 1e6:.2f} MB")
    print(f"one monthly-check write: 1 month {one * 1000:.1f} ms, 5 years {five * 1000:.1f} ms")
    print(f"ratio 5 years / 1 month = {five / one:.2f}x (target <= 2x; 5-year write < 50 ms)")


if __name__ == "__main__":
    main()
