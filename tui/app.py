"""The Textual app: header with the office and today's date, navigation on the left, footer keys.

Business rules do not live here: sections ask checks/ for flags and tracker/ for records.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from textual import on
from textual.app import App, ComposeResult, SystemCommand
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.command import CommandPalette, Hit, Hits, Provider
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import ContentSwitcher, DataTable, Footer, Header, OptionList
from textual.widgets.option_list import Option

from tracker.i18n import tr
from tracker.workspace import Workspace
from tui.help import HelpScreen
from tui.scheduling import AppReminders
from tui.sections import SECTIONS, section_info
from tui.sections.base import Section

WEEKDAYS_ZH = "一二三四五六日"


class SectionCommands(Provider):
    """Command palette: go to any section by (part of) its name."""

    async def search(self, query: str) -> Hits:
        app = self.app
        assert isinstance(app, GongkaiApp)
        matcher = self.matcher(query)
        for section in SECTIONS:
            label = tr(f"转到: {section.title}", f"Go to: {section.title}")
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), partial(app.show_section, section.id))


class GongkaiApp(App[int]):
    TITLE = "gongkai"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {SectionCommands}
    BINDINGS = [
        Binding("f1", "help", tr("帮助", "Help"), id="help"),
        Binding("ctrl+r", "reload", tr("刷新", "Reload"), id="reload"),
        Binding("q", "quit", tr("退出", "Quit"), id="quit"),
        Binding(
            "ctrl+p",
            "command_palette",
            tr("命令", "Commands"),
            show=False,
            priority=True,
            id="palette",
        ),
        *[
            Binding(str(n), f"section({n - 1})", show=False, id=f"section-{n}")
            for n in range(1, len(SECTIONS) + 1)
        ],
    ]

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.reminders = AppReminders(self)

    # ------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Horizontal(id="body"):
            yield OptionList(
                *[Option(f"{n}  {s.title}", id=s.id) for n, s in enumerate(SECTIONS, 1)],
                id="nav",
            )
            with ContentSwitcher(initial=SECTIONS[0].id, id="main"):
                yield SECTIONS[0].load()(id=SECTIONS[0].id)
        yield Footer()

    def on_mount(self) -> None:
        self._set_titles()
        self.query_one("#nav", OptionList).highlighted = 0
        # after the first paint; only if this window gets the scheduler lease does it run jobs
        self.call_after_refresh(self.reminders.start)

    def on_unmount(self) -> None:
        self.reminders.stop()

    def _set_titles(self) -> None:
        office = self.workspace.config.office
        today = self.workspace.clock.today()
        weekday = tr(f"星期{WEEKDAYS_ZH[today.weekday()]}", today.strftime("%A"))
        self.title = office.name
        self.sub_title = f"{today.isoformat()} {weekday}  {office.unit}"

    # ------------------------------------------------------------ navigation

    @property
    def main_screen(self) -> Screen[object]:
        return self.screen_stack[0]

    @property
    def current_section(self) -> Section:
        switcher = self.main_screen.query_one("#main", ContentSwitcher)
        assert switcher.current is not None
        return self.main_screen.query_one(f"#{switcher.current}", Section)

    def show_section(self, section_id: str) -> AwaitComplete | None:
        """Switch the main area to a section (mounting it on first visit) and reload its data.

        Returns the pending mount on a first visit, so async callers can wait for it.
        """
        while len(self.screen_stack) > 1:
            self.pop_screen()
        switcher = self.main_screen.query_one("#main", ContentSwitcher)
        nav = self.main_screen.query_one("#nav", OptionList)
        index = nav.get_option_index(section_id)
        if nav.highlighted != index:
            # Moving the highlight here must not come back as a "go to" request: with two
            # number keys queued, the echoes would bounce between sections for ever.
            with nav.prevent(OptionList.OptionHighlighted):
                nav.highlighted = index
        if switcher.current == section_id:
            return None
        existing = switcher.query(f"#{section_id}")
        if existing:
            switcher.current = section_id
            existing.first(Section).reload()
            return None
        section = section_info(section_id).load()(id=section_id)
        return AwaitComplete(self._first_show(switcher, section))

    async def _first_show(self, switcher: ContentSwitcher, section: Section) -> None:
        """Mount a section on its first visit, then load its data (as every later visit does)."""
        await switcher.add_content(section, set_current=True)
        section.reload()

    def focus_section(self) -> None:
        """Put the keyboard in the visible section: its first table, else its first input."""
        section = self.current_section
        candidates = [*section.query(DataTable), *section.query("*")]
        for widget in candidates:
            if widget.focusable and widget.display and widget.visible:
                widget.focus()
                return

    @on(OptionList.OptionHighlighted, "#nav")
    def _nav_moved(self, event: OptionList.OptionHighlighted) -> None:
        switcher = self.main_screen.query_one("#main", ContentSwitcher)
        if event.option.id and event.option.id != switcher.current:
            self.show_section(event.option.id)

    def data_changed(self) -> None:
        """Call after any write: the visible section and the dashboard read the data again."""
        current = self.current_section
        current.reload()
        self.reminders.data_changed()  # the scheduler sweeps soon for new or moved deadlines
        dashboard = self.main_screen.query_one(f"#{SECTIONS[0].id}", Section)
        if dashboard is not current:
            dashboard.reload()

    async def action_section(self, index: int) -> None:
        """Number keys: open the section and put the keyboard in it, ready for its keys."""
        if 0 <= index < len(SECTIONS):
            pending = self.show_section(SECTIONS[index].id)
            if pending is not None:
                await pending
            self.focus_section()

    def action_reload(self) -> None:
        self._set_titles()
        self.current_section.reload()

    def action_help(self) -> None:
        section = self.current_section
        keys = [
            (self.get_key_display(b), b.description)
            for b in [*self.BINDINGS, *section.BINDINGS]
            if isinstance(b, Binding) and b.description
        ]
        keys.insert(0, ("1-8", tr("转到左侧各部分", "go to a section")))
        keys.append(("Ctrl+P", tr("命令面板", "command palette")))
        self.push_screen(HelpScreen(section.title(), section.help_text(), keys))

    # ------------------------------------------------------------ language

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            placeholder = tr("输入要做的事, 例如 月度清查", "Search for commands")
            self.push_screen(CommandPalette(id="--command-palette", placeholder=placeholder))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own commands, in the UI's language, plus switching the language."""
        yield SystemCommand(
            tr("帮助", "Help"), tr("本部分的说明和按键", "this section's keys"), self.action_help
        )
        yield SystemCommand(
            tr("配色主题", "Theme"),
            tr("换一种界面配色", "change the colours"),
            self.action_change_theme,
        )
        yield SystemCommand(
            tr("退出", "Quit"), tr("关闭 gongkai", "close gongkai"), self.action_quit
        )
