"""整改事项: an improvement action with an owner, a due date and a trail of progress notes.

The moves on an action (note, close, verify, cancel, the next occurrence of a recurring one)
are methods returning new validated records, so the screen and the command line share them and
the store only ever sees whole, checked records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from tracker.dates import add_months
from tracker.errors import ValidationError
from tracker.i18n import tr
from tracker.records.base import Record

if TYPE_CHECKING:
    from tracker.store import Store

ACTION_CATEGORY_LABELS: dict[str, tuple[str, str]] = {
    "timeliness": ("及时性", "timeliness"),
    "study": ("学习培训", "study"),
    "supervision": ("监督考核", "supervision"),
    "standardisation": ("标准化规范化", "standardisation"),
    "other": ("其他", "other"),
}
"""The categories the 2019 report's three problems and promises map to: (中文, English)."""
ACTION_CATEGORIES = tuple(ACTION_CATEGORY_LABELS)
ACTION_STATUSES = ("not_started", "in_progress", "done", "verified", "cancelled")
"""未开始 / 进行中 / 已完成 / 已核实 / 已取消."""
OPEN_STATUSES = ("not_started", "in_progress")
RECURRENCES = ("none", "monthly", "quarterly", "yearly", "")
"""How often the action comes back; "" is read as none (older records)."""
ACTION_SOURCES = ("report", "monthly_check", "supervisor", "other")
"""Known kinds of source: a problem the annual report names, a monthly-check finding, a
supervisor's notice. The field stays free text so other tools may record their own."""

_MONTHS = {"monthly": 1, "quarterly": 3, "yearly": 12}


@dataclass(kw_only=True)
class ProgressNote(Record):
    """A dated progress note, asked for in a form and appended to an action's ``notes``."""

    TABLE: ClassVar[str] = ""

    date: dt.date
    text: str

    def check(self) -> None:
        super().check()
        if not self.text:
            raise ValidationError("text", tr("进展说明不能为空", "the note must not be empty"))


@dataclass(kw_only=True)
class Verification(Record):
    """Who checked that a closed action really fixed the problem, and when."""

    TABLE: ClassVar[str] = ""

    by: str
    date: dt.date

    def check(self) -> None:
        super().check()
        if not self.by:
            raise ValidationError("by", tr("需要填写核实人", "say who verified it"))


@dataclass(kw_only=True)
class Action(Record):
    TABLE: ClassVar[str] = "actions"
    CHOICES: ClassVar[dict[str, tuple[str, ...]]] = {
        "category": ACTION_CATEGORIES,
        "status": ACTION_STATUSES,
        "recurrence": RECURRENCES,
    }

    title: str
    category: str = "other"
    source: str = ""
    origin: str = ""
    owner: str = ""
    unit: str = ""
    due: dt.date | None = None
    status: str = "not_started"
    notes: list[dict[str, Any]] = field(default_factory=list)
    evidence: str = ""
    recurrence: str = "none"
    created_on: dt.date | None = None
    closed_on: dt.date | None = None
    close_note: str = ""
    verified_on: dt.date | None = None
    verified_by: str = ""

    def check(self) -> None:
        super().check()
        if not self.title:
            raise ValidationError("title", tr("标题不能为空", "title must not be empty"))
        if self.status in ("done", "verified") and not self.close_note:
            raise ValidationError(
                "close_note", tr("完成事项需要填写完成说明", "closing needs a note")
            )
        if self.status in ("done", "verified") and not self.closed_on:
            raise ValidationError("closed_on", tr("完成需要日期", "closing needs a date"))
        if self.status == "verified" and not self.verified_on:
            raise ValidationError("verified_on", tr("核实需要日期", "verifying needs a date"))
        if self.status == "verified" and not self.verified_by:
            raise ValidationError(
                "verified_by", tr("核实需要填写核实人", "verifying needs who verified it")
            )
        if self.closed_on and self.verified_on and self.verified_on < self.closed_on:
            raise ValidationError(
                "verified_on", tr("核实日期早于完成日期", "verified before it was closed")
            )

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def days_overdue(self, today: dt.date) -> int:
        """Calendar days past due while open; 0 when not late or not open."""
        if not self.is_open or self.due is None or today <= self.due:
            return 0
        return (today - self.due).days

    # ------------------------------------------------------------ moves

    def with_note(self, note: ProgressNote) -> Action:
        """A progress note appended; a not-started action becomes in progress."""
        notes = [*self.notes, {"date": note.date.isoformat(), "text": note.text}]
        status = "in_progress" if self.status == "not_started" else self.status
        return self.replace(notes=notes, status=status)

    def closed(self, note: str, on: dt.date, evidence: str | None = None) -> Action:
        """Done, with the closing note (required) and the day."""
        if not self.is_open:
            raise ValidationError(
                "status", tr("只有未完成的事项可以关闭", "only an open action can be closed")
            )
        changes: dict[str, Any] = {"status": "done", "close_note": note, "closed_on": on}
        if evidence is not None:
            changes["evidence"] = evidence
        return self.replace(**changes)

    def verified(self, by: str, on: dt.date) -> Action:
        """Verified is a separate step after closing, by someone, on a day."""
        if self.status != "done":
            raise ValidationError(
                "status",
                tr("只有已完成的事项可以核实", "only a done action can be verified"),
            )
        return self.replace(status="verified", verified_by=by, verified_on=on)

    def cancelled(self, reason: str, on: dt.date) -> Action:
        if not self.is_open:
            raise ValidationError(
                "status", tr("只有未完成的事项可以取消", "only an open action can be cancelled")
            )
        if not reason.strip():
            raise ValidationError("close_note", tr("取消需要说明原因", "cancelling needs a reason"))
        notes = [*self.notes, {"date": on.isoformat(), "text": reason.strip()}]
        return self.replace(status="cancelled", notes=notes, closed_on=on, close_note=reason)

    def next_occurrence(self, on: dt.date) -> Action | None:
        """The next round of a recurring action (None when it does not recur)."""
        months = _MONTHS.get(self.recurrence)
        if not months:
            return None
        base = self.due or self.closed_on or on
        return Action(
            title=self.title,
            category=self.category,
            source=self.source,
            origin=self.origin,
            owner=self.owner,
            unit=self.unit,
            due=add_months(base, months),
            recurrence=self.recurrence,
            created_on=on,
        )


def close_action(
    store: Store, action: Action, note: str, on: dt.date, evidence: str | None = None
) -> tuple[Action, Action | None]:
    """Close an action and, if it recurs, create its next round, in one write."""
    closed = action.closed(note, on, evidence)
    following = closed.next_occurrence(on)
    with store.transaction():
        store.update(closed)
        if following is not None:
            store.insert(following)
    return closed, following
