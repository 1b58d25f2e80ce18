"""A second process for the store tests and bench/crash_loop.py: writes and reports each write.

usage: python -m tests.store_worker DATA_FILE MODE COUNT
  MODE "count": COUNT read-modify-write increments of one counter record, printing each value.
  MODE "insert": COUNT inserts, printing each new id.
Waits for a line on stdin before starting, so two workers can be started together.
"""

from __future__ import annotations

import sys

from tracker.records import Action, MonthlyCheck
from tracker.store import Store


def counter(store: Store) -> MonthlyCheck:
    found = store.find(MonthlyCheck, platform="counter")
    if found:
        return found[0]
    return store.insert(MonthlyCheck(platform="counter", month="2026-01", volume=0))


def main() -> None:
    path, mode, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    store = Store(path)
    print("ready", flush=True)
    sys.stdin.readline()
    for _ in range(count):
        if mode == "count":
            with store.transaction():
                record = counter(store)
                value = (record.volume or 0) + 1
                store.update(record.replace(volume=value))
            print(value, flush=True)
        else:
            record = store.insert(Action(title=f"by {sys.argv[4] if len(sys.argv) > 4 else 'x'}"))
            print(record.id, flush=True)


if __name__ == "__main__":
    main()
