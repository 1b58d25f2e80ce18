"""Kill -9 during writes, and two writers at once, 100 rounds each (foundation "done when").

Prints how many rounds kept a loadable file with no lost update; both must be 100/100.
"""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tracker.errors import DataError
from tracker.records import MonthlyCheck
from tracker.store import Store

REPO = Path(__file__).resolve().parent.parent
ROUNDS = 100


def start(path: Path, mode: str, count: int) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.store_worker", str(path), mode, str(count)],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout and proc.stdout.readline().strip() == "ready"
    return proc


def go(proc: subprocess.Popen[str]) -> None:
    assert proc.stdin
    proc.stdin.write("go\n")
    proc.stdin.flush()


def kill_round(folder: Path) -> bool:
    path = folder / "kill.json"
    proc = start(path, "count", 100_000)
    go(proc)
    assert proc.stdout
    last = 0
    for _ in range(random.randint(1, 30)):
        last = int(proc.stdout.readline())
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    try:
        (record,) = Store(path).find(MonthlyCheck, platform="counter")
    except DataError:
        return False
    return (record.volume or 0) >= last


def two_writer_round(folder: Path, n: int) -> bool:
    path = folder / f"two-{n}.json"
    Store(path)
    procs = [start(path, "count", 25), start(path, "count", 25)]
    for proc in procs:
        go(proc)
    for proc in procs:
        proc.communicate()
    (record,) = Store(path).find(MonthlyCheck, platform="counter")
    return record.volume == 50


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="gongkai-crash-"))
    try:
        killed = sum(kill_round(folder) for _ in range(ROUNDS))
        print(
            f"kill -9 during writes: {killed}/{ROUNDS} rounds left a loadable file with no lost write"
        )
        both = sum(two_writer_round(folder, n) for n in range(ROUNDS))
        print(f"two writers, 25 increments each: {both}/{ROUNDS} rounds ended at exactly 50")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
