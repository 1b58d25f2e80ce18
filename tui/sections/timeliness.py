"""公开时效: the publication register. What is late and whose it is, on one screen.

Opens sorted by lateness (most overdue first) with the liaison and the unit beside each item.
Recurring items from config ``[[publications]]`` are added when the register is opened.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from checks.deadlines import ItemTiming, item_timing, timeliness_totals
from checks.recurring import sync_recurring
from tracker.errors import GongkaiError
from tracker.i18n import tr
from tracker.records import PublicationItem
from tracker.records.publications import ITEM_CATEGORIES, ITEM_STATUSES
from tui.change_log import change_lines
from tui.forms import FormField, RecordForm
from tui.sections.detail import DetailScreen
from tui.sections.record_table import Column, RecordTable, Row
from tui.sections.work_section import WorkSection, title_with_hint
from tui.work_labels import item_category, item_status, nobody

STATE_ORDER = {"overdue": 0, "open": 1, "late": 2, "on_time": 3, "withdrawn": 4}


def timing_text(t: ItemTiming) -> str:
    """Short, in working days: 逾期 3 / 剩 4 / 迟 2 / 按时."""
    if t.state == "overdue":
        return tr(f"逾期 {-(t.workdays_left or 0)}", f"overdue {-(t.workdays_left or 0)}")
    if t.state == "open":
        return tr(f"剩 {t.workdays_left}", f"{t.workdays_left} left")
    if t.state == "late":
        return tr(f"迟 {t.late_by}", f"late by {t.late_by}")
    if t.state == "on_time":
        return tr("按时", "on time")
    return tr("撤回", "withdrawn")


def timing_sort(t: ItemTiming) -> tuple[int, int]:
    """Most overdue first, then fewest days left, then late publications, on time, withdrawn."""
    if t.state in ("overdue", "open"):
        return STATE_ORDER[t.state], t.workdays_left or 0
    return STATE_ORDER[t.state], -t.late_by


def item_fields(editing: bool = False, category: str = "other") -> list[FormField]:
    # A category another tool wrote as free text stays editable as text, never blanked.
    category_field = (
        FormField(
            "category",
            tr("类别", "Category"),
            "choice",
            [(c, item_category(c)) for c in ITEM_CATEGORIES],
        )
        if category in ITEM_CATEGORIES
        else FormField("category", tr("类别", "Category"))
    )
    fields = [
        FormField("title", tr("信息名称", "Title")),
        category_field,
        FormField("unit", tr("责任单位", "Unit")),
        FormField("liaison", tr("信息联络员", "Liaison")),
        FormField("formed", tr("形成或变更日期", "Formed on"), "date"),
        FormField(
            "workdays",
            tr(
                "时限 (工作日; 留空按类别: 一般 20, 社会救助 10)",
                "Limit in working days (blank: by category)",
            ),
            "count",
        ),
        FormField("channels", tr("发布渠道 (逗号分隔)", "Channels (comma separated)")),
        FormField("note", tr("备注", "Note"), "textarea"),
    ]
    if editing:
        fields[5:5] = [
            FormField(
                "status",
                tr("状态", "Status"),
                "choice",
                [(s, item_status(s)) for s in ITEM_STATUSES],
            ),
            FormField("reviewed", tr("审核日期", "Reviewed on"), "date"),
            FormField("published", tr("发布日期", "Published on"), "date"),
            FormField("url", tr("网址", "URL")),
        ]
    return fields


class TimelinessSection(WorkSection):
    SECTION_ID = "timeliness"
    BINDINGS = [
        Binding("p", "publish", tr("已发布", "Published")),
        Binding("r", "review", tr("已审核", "Reviewed")),
        Binding("a", "add", tr("新增", "Add")),
        Binding("e", "edit", tr("修改", "Edit")),
        Binding("s", "sort", tr("排序", "Sort")),
    ]

    @classmethod
    def title(cls) -> str:
        return tr("公开时效", "Timeliness")

    @classmethod
    def help_text(cls) -> str:
        return tr(
            "公开事项登记: 每条信息自形成 (或变更) 之日起, 一般 20 个工作日内公开 (条例 第二十六条), "
            "社会救助信息 10 个工作日 (民办函〔2019〕52号)。表格按逾期程度排序, 列出信息联络员和责任单位; "
            "“时效”一列以工作日计: 逾期 N / 剩 N / 迟 N (发布晚了 N 个工作日) / 按时。"
            "config.toml 中 [[publications]] 的按期事项 (每月低保名单、季度村务财务、年度报告) 打开本页时自动登记。"
            "p 标记已发布 (询问发布日期, 默认今天), r 标记已审核, a 新增, e 修改, 回车 查看详情。",
            "The register of items to publish: within 20 working days of being formed (条例 art. 26), "
            "10 for social assistance. Sorted by lateness, with the liaison and unit. The timing "
            "column counts working days: overdue N / N left / (published) late by N / on time. Recurring "
            "items from [[publications]] are added when this page opens. p published (asks the "
            "date), r reviewed, a add, e edit, Enter details.",
        )

    def compose(self) -> ComposeResult:
        yield title_with_hint(self.title())
        yield Static("", id="timeliness-summary")
        yield self.message_line()
        yield RecordTable(
            [
                Column("timing", tr("时效(工作日)", "Timing (workdays)")),
                Column("liaison", tr("联络员", "Liaison")),
                Column("unit", tr("单位", "Unit")),
                Column("due", tr("截止", "Due")),
                Column("title", tr("信息", "Item")),
                Column("status", tr("状态", "Status")),
                Column("category", tr("类别", "Category")),
            ],
            [(s, item_status(s)) for s in ITEM_STATUSES],
            sort="timing",
            empty=tr(
                "还没有公开事项。按 a 登记一条 (形成日期决定公开期限)。",
                "No items yet. Press a to register one.",
            ),
            id="timeliness-table",
        )

    @property
    def records(self) -> RecordTable:
        return self.query_one("#timeliness-table", RecordTable)

    def reload(self) -> None:
        today = self.ws.clock.today()
        try:
            added = sync_recurring(self.ws.store, self.ws.config, today, self.ws.calendar)
        except GongkaiError as error:
            self.say(str(error), error=True)
            added = []
        if added:
            self.say(
                tr(
                    f"已按 config.toml 登记 {len(added)} 项按期公开事项",
                    f"{len(added)} recurring item(s) added from config.toml",
                )
            )
        self._items = {str(i.id): i for i in self.ws.store.all(PublicationItem)}
        self._timing = {
            key: item_timing(i, self.ws.calendar, self.ws.config.rules, today)
            for key, i in self._items.items()
        }
        rows = []
        for key, item in self._items.items():
            t = self._timing[key]
            due = t.due.isoformat() + (tr(" 暂定", " prov.") if t.provisional else "")
            bad = t.state in ("overdue", "late")
            rows.append(
                Row(
                    key=key,
                    cells={
                        "timing": timing_text(t),
                        "liaison": item.liaison or nobody(),
                        "unit": item.unit,
                        "due": due,
                        "title": item.title,
                        "status": item_status(item.status),
                        "category": item_category(item.category),
                    },
                    sort={"timing": timing_sort(t), "due": t.due},
                    status=item.status,
                    search=" ".join(
                        (item.title, item.liaison, item.unit, item_category(item.category))
                    ),
                    overdue=t.state == "overdue",
                    style="bold red" if t.state == "overdue" else ("red" if bad else ""),
                )
            )
        self.records.set_rows(rows)
        self._summarise()
        self.focus_table(self.records)

    def _summarise(self) -> None:
        year = self.ws.clock.today().year
        totals = timeliness_totals(
            list(self._timing.values()), year, int(self.ws.config.rules.due_soon_workdays)
        )
        pct = totals.on_time_pct
        rate = f"{pct:.0f}%" if pct is not None else "-"
        overdue, soon, published = totals.overdue, totals.due_soon, totals.published
        self.query_one("#timeliness-summary", Static).update(
            tr(
                f"逾期未发布 {overdue}  即将到期 {soon}  {year}年已发布 {published} 按时率 {rate}",
                f"{overdue} overdue, {soon} due soon; {year}: {published} published, {rate} on time",
            )
        )

    # ------------------------------------------------------------ moves

    def selected(self) -> PublicationItem | None:
        key = self.records.current_key
        item = self._items.get(key) if key else None
        if item is None:
            self.say(tr("先在表中选中一项", "select an item first"), error=True)
        return item

    def action_sort(self) -> None:
        self.records.cycle_sort()

    def _save(self, insert: bool) -> Any:
        def save(record: PublicationItem | None) -> None:
            if record is None:
                return
            store = self.ws.store
            change = (lambda: store.insert(record)) if insert else (lambda: store.update(record))
            if self.write(change, tr(f"已保存: {record.title}", f"saved: {record.title}")):
                self.records.select(str(record.id))  # the next p / r acts on this one

        return save

    def action_add(self) -> None:
        self.app.push_screen(
            RecordForm(
                tr("登记公开事项", "New item"),
                PublicationItem,
                item_fields(),
                {"formed": self.ws.clock.today().isoformat(), "category": "other"},
            ),
            self._save(insert=True),
        )

    def action_edit(self) -> None:
        item = self.selected()
        if item is None:
            return
        self.app.push_screen(
            RecordForm(
                tr(f"修改公开事项 #{item.id}", f"Edit item #{item.id}"),
                PublicationItem,
                item_fields(editing=True, category=item.category),
                item.to_doc(),
                record_id=item.id,
            ),
            self._save(insert=False),
        )

    def action_publish(self) -> None:
        item = self.selected()
        if item is None:
            return
        if item.status in ("published", "withdrawn"):
            self.say(
                tr(
                    f"该事项已是“{item_status(item.status)}”", f"already {item_status(item.status)}"
                ),
                error=True,
            )
            return
        t = self._timing[str(item.id)]
        self.app.push_screen(
            RecordForm(
                tr(f"标记已发布: {item.title}", f"Published: {item.title}"),
                PublicationItem,
                [
                    FormField("published", tr("发布日期", "Published on"), "date"),
                    FormField("url", tr("网址 (可选)", "URL (optional)")),
                    FormField("channels", tr("发布渠道 (逗号分隔)", "Channels")),
                ],
                {**item.to_doc(), "published": self.ws.clock.today().isoformat()},
                fixed={"status": "published"},
                side=tr(f"截止 {t.due}", f"due {t.due}"),
                record_id=item.id,
            ),
            self._save(insert=False),
        )

    def action_review(self) -> None:
        item = self.selected()
        if item is None:
            return
        if item.status != "pending":
            self.say(
                tr(
                    f"只有待审核的事项可以标记已审核 (现为“{item_status(item.status)}”)",
                    f"only an item to review can be marked reviewed (is {item_status(item.status)})",
                ),
                error=True,
            )
            return
        reviewed = item.replace(status="reviewed", reviewed=self.ws.clock.today())
        self.write(
            lambda: self.ws.store.update(reviewed),
            tr(f"已审核: {item.title}", f"reviewed: {item.title}"),
        )

    # ------------------------------------------------------------ details

    @on(DataTable.RowSelected)
    def _details(self, event: DataTable.RowSelected) -> None:
        key = str(event.row_key.value)
        item = self._items.get(key)
        if item is None:
            return
        t = self._timing[key]
        limit = (
            tr(f"{t.workdays} 个工作日", f"{t.workdays} working days")
            if t.workdays is not None
            else tr("按期事项, 固定截止日", "recurring: fixed due day")
        )
        lines = [
            (tr("时效", "Timing"), timing_text(t)),
            (tr("状态", "Status"), item_status(item.status)),
            (tr("类别", "Category"), item_category(item.category)),
            (tr("责任单位", "Unit"), item.unit),
            (tr("信息联络员", "Liaison"), item.liaison or nobody()),
            (tr("形成日期", "Formed"), str(item.formed)),
            (tr("时限", "Limit"), limit),
            (
                tr("截止", "Due"),
                str(t.due) + (tr(" (暂定)", " (provisional)") if t.provisional else ""),
            ),
            (tr("审核日期", "Reviewed"), str(item.reviewed or "")),
            (tr("发布日期", "Published"), str(item.published or "")),
            (tr("发布渠道", "Channels"), ", ".join(item.channels)),
            (tr("网址", "URL"), item.url),
            (tr("按期规则", "Recurring rule"), f"{item.rule} {item.period}".strip()),
            (tr("依据", "Rule"), str(t.rule)),
            (tr("备注", "Note"), item.note),
        ]
        history = self.ws.store.history(PublicationItem, item.id or 0)
        footer = ""
        if history:
            labels = {f.name: f.label for f in item_fields(editing=True)} | {
                "status": tr("状态", "Status"),
                "reviewed": tr("审核日期", "Reviewed"),
                "published": tr("发布日期", "Published"),
                "url": tr("网址", "URL"),
            }
            words = {"status": item_status, "category": item_category}
            footer = tr("修改记录:\n", "Changes:\n") + "\n".join(
                change_lines(history[-8:], labels, words)
            )
        self.app.push_screen(DetailScreen(item.title, lines, footer))
