"""Dashboard start to first paint on 5 years of data ÷ an empty Textual app's start to first paint.

Each probe is a fresh process run headless that exits right after its first refresh (and, for
"flags shown", right after the dashboard has painted the day's flags). Target ≤ 1.5× (foundation).
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
ROUNDS = 5

EMPTY = """
from textual.app import App
from textual.widgets import Footer, Header, Static
class Empty(App):
    def compose(self):
        yield Header(); yield Static("empty"); yield Footer()
    def on_mount(self):
        self.call_after_refresh(self.exit)
Empty().run(headless=True)
"""

DASHBOARD = """
import sys
from tracker.clock import Clock
from tracker.workspace import open_workspace
from tui.app import GongkaiApp
from tui.sections.dashboard import DashboardSection
import datetime as dt
mode = sys.argv[2]
ws = open_workspace(sys.argv[1], Clock.on(dt.date(2026, 10, 15)))
mounted = GongkaiApp.on_mount
def on_mount(self):
    mounted(self)
    if mode == "paint":
        self.call_after_refresh(self.exit)
GongkaiApp.on_mount = on_mount
if mode == "flags":
    original = DashboardSection._show
    def show(self, flags):
        original(self, flags)
        self.app.call_after_refresh(self.app.exit)
    DashboardSection._show = show
GongkaiApp(ws).run(headless=True)
"""


def median_run(argv: list[str]) -> float:
    samples = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        subprocess.run(argv, cwd=REPO, capture_output=True, check=True, timeout=120)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    folder, config = temp_dataset(60)
    try:
        empty = median_run([sys.executable, "-c", EMPTY])
        paint = median_run([sys.executable, "-c", DASHBOARD, str(config), "paint"])
        flags = median_run([sys.executable, "-c", DASHBOARD, str(config), "flags"])
    finally:
        cleanup(folder)
    print(f"empty Textual app first paint: {empty * 1000:.0f} ms")
    print(
        f"dashboard (5 years) first paint: {paint * 1000:.0f} ms; flags shown: {flags * 1000:.0f} ms"
    )
    print(
        f"ratio first paint = {paint / empty:.2f}x (target <= 1.5x); flags shown = {flags / empty:.2f}x"
    )


if __name__ == "__main__":
    main()
