"""`gongkai status` on 5 years of data ÷ an empty Python interpreter start (both as subprocesses).

Prints the medians and the ratio; the foundation issue asks for the figure to be recorded.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.dataset import cleanup, temp_dataset

REPO = Path(__file__).resolve().parent.parent
ROUNDS = 7


def median_run(argv: list[str]) -> float:
    samples = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        subprocess.run(argv, cwd=REPO, capture_output=True, check=False)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    folder, config = temp_dataset(60)
    try:
        status = median_run(
            [
                sys.executable,
                "-m",
                "tui",
                "--config",
                str(config),
                "status",
                "--today",
                "2026-10-15",
            ]
        )
        empty = median_run([sys.executable, "-c", "pass"])
    finally:
        cleanup(folder)
    print(f"gongkai status (5 years): {status * 1000:.0f} ms; empty python: {empty * 1000:.0f} ms")
    print(f"ratio status / empty interpreter = {status / empty:.1f}x")


if __name__ == "__main__":
    main()
