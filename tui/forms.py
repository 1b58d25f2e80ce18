"""One form for every record: fields described once, validated by the record class itself.

Wrong input is marked on the field (red border and a message naming it) and never saved; the
record class (tracker/records) decides what is valid, so the form and an import agree.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, SelectionList, Static, TextArea

from tracker.errors import ValidationError
from tracker.i18n import tr
from tracker.records.base import Record, parse_count, parse_date, parse_month, parse_number
from tui.safe import literal

R = TypeVar("R", bound=Record)

KINDS = ("text", "date", "month", "count", "number", "choice", "multi", "textarea")


@dataclass(frozen=True)
class FormField:
    """One input: the record field it fills, its label and what kind of input it is."""

    name: str
    label: str
    kind: str = "text"
    choices: Sequence[tuple[str, str]] = field(default=())
    """(stored value, label shown) for ``choice`` and ``multi``."""
    placeholder: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown form field kind {self.kind!r}")


LIVE_CHECKS: dict[str, Callable[[Any, str], Any]] = {
    "date": parse_date,
    "month": parse_month,
    "count": parse_count,
    "number": parse_number,
}
PLACEHOLDERS = {"date": "YYYY-MM-DD", "month": "YYYY-MM", "count": "0", "number": "0"}


def _to_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class RecordForm(ModalScreen[R | None], Generic[R]):
    """Edit or create one record. Dismisses with the validated record, or None if cancelled.

    ``values`` fills the inputs (an existing record's fields); ``fixed`` are fields set by the
    caller and not shown (e.g. the platform of a monthly check); ``side`` is read-only text
    shown beside the form (e.g. last month's figures).
    """

    BINDINGS = [
        Binding("ctrl+s", "save", tr("保存", "Save")),
        Binding("escape", "cancel", tr("取消", "Cancel")),
    ]
    DEFAULT_CSS = """
    RecordForm { align: center middle; }
    RecordForm > #form-box {
        width: 96%; max-width: 110; height: 94%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    RecordForm #form-title { text-style: bold; color: $accent; }
    RecordForm #form-body { height: 1fr; }
    RecordForm #form-fields { width: 2fr; height: 100%; scrollbar-size-vertical: 1; }
    RecordForm #form-side { width: 1fr; min-width: 20; height: 100%; padding: 0 1; color: $text-muted; }
    RecordForm .form-label { margin-top: 1; }
    RecordForm Input { height: 1; border: none; padding: 0 1; background: $boost; }
    RecordForm Input:focus { border: none; background: $primary 40%; }
    RecordForm Input.-invalid, RecordForm Input.-invalid:focus { border: none; background: $error 40%; }
    RecordForm TextArea.-invalid { border: tall $error; }
    RecordForm #form-error { color: $error; height: auto; }
    RecordForm TextArea { height: 4; }
    RecordForm SelectionList { height: auto; max-height: 6; }
    RecordForm #form-buttons { height: 3; align-horizontal: right; }
    """

    def __init__(
        self,
        title: str,
        record_cls: type[R],
        fields: Sequence[FormField],
        values: dict[str, Any] | None = None,
        *,
        fixed: dict[str, Any] | None = None,
        side: str = "",
        record_id: int | None = None,
    ) -> None:
        super().__init__()
        self.form_title = title
        self.record_cls = record_cls
        self.fields = list(fields)
        self.values = dict(values or {})
        self.fixed = dict(fixed or {})
        self.side = side
        self.record_id = record_id

    def compose(self) -> ComposeResult:
        with Vertical(id="form-box"):
            yield Static(literal(self.form_title), id="form-title")
            with Horizontal(id="form-body"):
                with VerticalScroll(id="form-fields"):
                    for f in self.fields:
                        yield Label(literal(f.label), classes="form-label")
                        yield self._input_for(f)
                if self.side:
                    yield Static(literal(self.side), id="form-side")
            yield Static("", id="form-error")
            with Horizontal(id="form-buttons"):
                yield Button(tr("保存 Ctrl+S", "Save Ctrl+S"), id="form-save", variant="primary")
                yield Button(tr("取消 Esc", "Cancel Esc"), id="form-cancel")

    def on_mount(self) -> None:
        """The cursor starts in the first field, ready for typing."""
        self._as_opened = self.collect()
        if self.fields:
            self.query_one(f"#field-{self.fields[0].name}").focus()

    def _input_for(self, f: FormField) -> Widget:
        value = self.values.get(f.name)
        widget_id = f"field-{f.name}"
        if f.kind == "choice":
            options = [(label, stored) for stored, label in f.choices]
            select: Select[str] = Select(
                options, id=widget_id, allow_blank=True, prompt=tr("请选择", "Choose")
            )
            if value in {stored for stored, _ in f.choices}:
                select.value = value
            return select
        if f.kind == "multi":
            chosen = set(value or [])
            return SelectionList[str](
                *[(label, stored, stored in chosen) for stored, label in f.choices], id=widget_id
            )
        if f.kind == "textarea":
            return TextArea(_to_text(value), id=widget_id)
        return Input(
            _to_text(value),
            id=widget_id,
            placeholder=f.placeholder or PLACEHOLDERS.get(f.kind, ""),
        )

    # ------------------------------------------------------------ reading the inputs

    def _raw_value(self, f: FormField) -> Any:
        widget = self.query_one(f"#field-{f.name}")
        if isinstance(widget, Select):
            return "" if widget.value in (Select.NULL, None) else widget.value
        if isinstance(widget, SelectionList):
            return list(widget.selected)
        if isinstance(widget, TextArea):
            return widget.text
        assert isinstance(widget, Input)
        return widget.value

    def collect(self) -> dict[str, Any]:
        data = {k: v for k, v in self.values.items() if k != "id"}
        for f in self.fields:
            data[f.name] = self._raw_value(f)
        data.update(self.fixed)
        return data

    def _mark(self, name: str | None, message: str) -> None:
        for f in self.fields:
            widget = self.query_one(f"#field-{f.name}")
            widget.set_class(f.name == name, "-invalid")
        label = next((f.label for f in self.fields if f.name == name), name or "")
        text = f"{label}: {message}" if message else ""
        self.query_one("#form-error", Static).update(literal(text))
        if name and any(f.name == name for f in self.fields):
            self.query_one(f"#field-{name}").focus()

    @on(Input.Changed)
    def _live_check(self, event: Input.Changed) -> None:
        """Mark a date or count as wrong while typing; the message waits for save."""
        name = (event.input.id or "").removeprefix("field-")
        f = next((f for f in self.fields if f.name == name), None)
        if f is None or f.kind not in LIVE_CHECKS:
            return
        try:
            if event.value.strip():
                LIVE_CHECKS[f.kind](event.value, f.name)
            event.input.remove_class("-invalid")
        except ValidationError:
            event.input.add_class("-invalid")

    # ------------------------------------------------------------ actions

    def action_save(self) -> None:
        try:
            record = self.record_cls.from_input(self.collect())
        except ValidationError as error:
            self._mark(error.field, error.message)
            return
        record.id = self.record_id
        self._mark(None, "")
        self.dismiss(record)

    def action_cancel(self) -> None:
        """Esc: close; if something was typed, ask first (Esc by reflex must not lose work)."""
        if self.collect() == getattr(self, "_as_opened", None):
            self.dismiss(None)
            return
        from tui.confirm import ConfirmScreen

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen(tr("放弃已填写的内容?", "Discard what you typed?")), answered
        )

    @on(Button.Pressed, "#form-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#form-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
