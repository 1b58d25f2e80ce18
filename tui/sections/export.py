"""导出 (Export): the year-end summary and the annual report draft, and the 依申请公开 register.

Choose a year (or a range), a format and a report; the consistency check of the annual tables is
shown before anything is written; files go to ``<data folder>/exports/``. Below: the register of
disclosure applications (a add, e edit) and, with f, the annual figures only a person knows.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, Checkbox, DataTable, Input, Select, Static

from checks.annual import TEMPLATES, applicant_label, outcome_label
from checks.export import (
    ANNUAL_FORMATS,
    SUMMARY_FORMATS,
    check_annual,
    export_annual,
    export_summary,
    report_year,
)
from checks.rules.applications import answer_due
from checks.status import context_for
from checks.summary import Period
from tracker.errors import GongkaiError, ValidationError
from tracker.i18n import tr
from tracker.records import AnnualFigures, Application, DisclosureCase
from tracker.records.applications import (
    APPLICANT_TYPES,
    APPLICATION_CHANNELS,
    CASE_KINDS,
    CASE_RESULTS,
    OUTCOMES,
)
from tracker.records.base import parse_date
from tui.confirm import ConfirmScreen, delete_question
from tui.forms import FormField, RecordForm
from tui.safe import literal
from tui.sections.base import Section

CHANNEL_LABELS = {
    "in_person": ("当面", "in person"),
    "letter": ("信函", "letter"),
    "online": ("网络", "online"),
    "email": ("电子邮件", "e-mail"),
    "fax": ("传真", "fax"),
    "other": ("其他", "other"),
}


def report_choices() -> list[tuple[str, str]]:
    return [
        (tr("年终汇总", "Year-end summary"), "summary"),
        *[
            (tr(f"年度报告 ({t} 格式)", f"Annual report ({t} format)"), f"annual-{t}")
            for t in TEMPLATES
        ],
    ]


def application_fields() -> list[FormField]:
    return [
        FormField("received", tr("收到日期", "Received"), "date"),
        FormField("number", tr("编号", "Number")),
        FormField("applicant_type", tr("申请人类型", "Applicant"), "choice",
                  [(c, applicant_label(c)) for c in APPLICANT_TYPES]),
        FormField("channel", tr("申请渠道", "Channel"), "choice",
                  [(c, tr(*CHANNEL_LABELS[c])) for c in APPLICATION_CHANNELS]),
        FormField("request", tr("申请内容", "Request"), "textarea"),
        FormField("correction_requested", tr("要求补正日期", "Correction requested"), "date"),
        FormField("correction_received", tr("收到补正日期", "Correction received"), "date"),
        FormField("extended", tr("延期答复", "Extended"), "choice",
                  [("false", tr("否", "no")), ("true", tr("是", "yes"))]),
        FormField("third_party_days", tr("征求第三方意见天数 (工作日, 不计入期限)",
                                         "Third-party consultation (working days, not counted)"), "count"),
        FormField("outcome", tr("办理结果", "Outcome"), "choice",
                  [(c, outcome_label(c)) for c in OUTCOMES]),
        FormField("answered", tr("答复日期", "Answered"), "date"),
        FormField("note", tr("备注", "Note")),
    ]  # fmt: skip


CASE_KIND_LABELS = {
    "review": ("行政复议", "administrative review"),
    "lawsuit_direct": ("行政诉讼 (未经复议直接起诉)", "lawsuit (direct)"),
    "lawsuit_after_review": ("行政诉讼 (复议后起诉)", "lawsuit (after review)"),
}
CASE_RESULT_LABELS = {
    "upheld": ("结果维持", "upheld"),
    "corrected": ("结果纠正", "corrected"),
    "other": ("其他结果", "other result"),
}


def case_fields() -> list[FormField]:
    return [
        FormField("kind", tr("类型", "Kind"), "choice",
                  [(k, tr(*CASE_KIND_LABELS[k])) for k in CASE_KINDS]),
        FormField("filed", tr("立案/起诉日期", "Filed"), "date"),
        FormField("subject", tr("涉及的申请或事项", "About")),
        FormField("result", tr("结果 (未审结留空)", "Result (empty = pending)"), "choice",
                  [(r, tr(*CASE_RESULT_LABELS[r])) for r in CASE_RESULTS]),
        FormField("decided", tr("审结日期", "Decided"), "date"),
        FormField("note", tr("备注", "Note")),
    ]  # fmt: skip


def figures_fields() -> list[FormField]:
    count = [
        (
            "website_count",
            "主动公开: 政府网站条数 (留空则按数据统计)",
            "website items (empty = counted)",
        ),
        (
            "weibo_count",
            "主动公开: 政务微博条数 (留空则按数据统计)",
            "Weibo items (empty = counted)",
        ),
        (
            "wechat_count",
            "主动公开: 政务微信条数 (留空则按数据统计)",
            "WeChat items (empty = counted)",
        ),
        ("regs_made", "2019 规章 本年新制作", "2019 rules made"),
        ("regs_published", "2019 规章 本年新公开", "2019 rules published"),
        ("regs_total", "2019 规章 对外公开总数量", "2019 rules total"),
        ("norms_made", "2019 规范性文件 本年新制作", "2019 normative documents made"),
        ("norms_published", "2019 规范性文件 本年新公开", "2019 normative documents published"),
        ("norms_total", "2019 规范性文件 对外公开总数量", "2019 normative documents total"),
        ("regs_issued", "2021 规章 本年制发", "2021 rules issued"),
        ("regs_repealed", "2021 规章 本年废止", "2021 rules repealed"),
        ("regs_in_force", "2021 规章 现行有效", "2021 rules in force"),
        ("norms_issued", "2021 规范性文件 本年制发", "2021 normative documents issued"),
        ("norms_repealed", "2021 规范性文件 本年废止", "2021 normative documents repealed"),
        ("norms_in_force", "2021 规范性文件 现行有效", "2021 normative documents in force"),
        ("permits_prev", "行政许可 上一年项目数量", "permits: items last year"),
        ("permits_decisions", "行政许可 处理决定数量", "permits: decisions"),
        (
            "services_prev",
            "其他对外管理服务事项 上一年项目数量 (2019)",
            "other services: items last year",
        ),
        (
            "services_decisions",
            "其他对外管理服务事项 处理决定数量 (2019)",
            "other services: decisions",
        ),
        ("penalties_prev", "行政处罚 上一年项目数量", "penalties: items last year"),
        ("penalties_decisions", "行政处罚 处理决定数量", "penalties: decisions"),
        ("coercion_prev", "行政强制 上一年项目数量", "coercive measures: items last year"),
        ("coercion_decisions", "行政强制 处理决定数量", "coercive measures: decisions"),
        ("fees_prev", "行政事业性收费 上一年项目数量 (2019)", "fees: items last year (2019)"),
        ("procurement_projects", "政府集中采购 项目数量 (2019)", "procurement: projects (2019)"),
    ]
    empty = tr("留空 = 按数据统计", "empty = counted from the data")
    fields = [
        FormField(name, tr(zh, en), "count", placeholder=empty if name.endswith("_count") else "")
        for name, zh, en in count
    ]
    changes = [
        ("permits_change", "行政许可 本年增/减", "permits: change"),
        ("services_change", "其他对外管理服务事项 本年增/减", "other services: change"),
        ("penalties_change", "行政处罚 本年增/减", "penalties: change"),
        ("coercion_change", "行政强制 本年增/减", "coercive measures: change"),
        ("fees_change", "行政事业性收费 本年增/减 (2019)", "fees: change (2019)"),
    ]
    fields += [FormField(name, tr(zh, en), placeholder="0") for name, zh, en in changes]
    fields += [
        FormField("fees_amount_wan", tr("行政事业性收费 金额 (万元, 2021)", "fees (10,000 yuan, 2021)"), "number"),
        FormField("procurement_amount", tr("政府集中采购 总金额 (元, 2019)", "procurement total (yuan, 2019)"), "number"),
        FormField("boards", tr("公开栏/公开墙 按类别 (类别: 次数, 逗号分隔)", "boards by category (category: count, ...)"),
                  placeholder="扶贫: 32, 镇村财务: 58"),
        FormField("published_carry_forward", tr("本年报告公布的结转下年度 (7 个数, 逗号分隔)",
                                                "carried forward as published (7 numbers)"),
                  placeholder="0, 0, 0, 0, 0, 0, 0"),
        FormField("report_published", tr("本年年度报告公布日期", "This year's report published on"), "date"),
        FormField("overview", tr("一、总体情况 (留空则自动起草)", "Section 一 (empty = drafted)"), "textarea"),
        FormField("other_matters", tr("六、其他需要报告的事项", "Section 六"), "textarea"),
    ]  # fmt: skip
    return fields


class ExportSection(Section):
    SECTION_ID = "export"
    BINDINGS = [
        Binding("x", "export", tr("导出", "Export"), id="export.export"),
        Binding("a", "add", tr("添加申请", "Add application"), id="export.add"),
        Binding("e", "edit", tr("编辑申请", "Edit application"), id="export.edit"),
        Binding("d", "delete", tr("删除申请", "Delete application"), id="export.delete"),
        Binding("f", "figures", tr("年度数字", "Annual figures"), id="export.figures"),
        Binding("r", "case", tr("复议诉讼", "Review/lawsuit"), id="export.case"),
    ]
    DEFAULT_CSS = """
    ExportSection .export-row { height: 3; }
    ExportSection .export-row > Input { width: 1fr; }
    ExportSection #export-year { width: 12; }
    ExportSection #export-format { width: 12; }
    ExportSection #export-report { width: 1fr; }
    ExportSection .export-row > Checkbox, ExportSection .export-row > Button { width: auto; }
    ExportSection #check-result { height: auto; max-height: 5; }
    ExportSection #export-result { height: auto; }
    ExportSection #applications { height: 1fr; min-height: 4; }
    """

    @classmethod
    def title(cls) -> str:
        return tr("导出", "Export")

    @classmethod
    def help_text(cls) -> str:
        return tr(
            "选择年份 (或起止日期)、格式和报告, 按 x 导出到数据文件夹下的 exports/。年度报告导出前先做表格一致性检查, "
            "有问题时不导出, 除非勾选“强制”(问题列在首页)。下方是依申请公开登记: a 添加, e 编辑; f 填写本年度"
            "只有人知道的数字 (规范性文件、行政许可、收费、采购、各渠道条数); r 记录行政复议或行政诉讼 (表四)。",
            "Choose a year (or dates), a format and a report; x exports to exports/ beside the "
            "data. The annual report is checked for consistency first and not written while a "
            "rule is broken unless 'force' is ticked (problems go on the first page). Below: the "
            "register of disclosure applications: a add, e edit; f the year's hand-entered figures; "
            "r records an administrative review or lawsuit (table 四).",
        )

    def compose(self) -> ComposeResult:
        year = report_year(self.ws.clock.today())
        yield Static(self.title(), classes="section-title")
        with Horizontal(classes="export-row"):
            yield Input(str(year), id="export-year", placeholder="YYYY")
            yield Input("", id="export-from", placeholder=tr("起 YYYY-MM-DD", "from"))
            yield Input("", id="export-to", placeholder=tr("止 YYYY-MM-DD", "to"))
            yield Button(tr("导出 x", "Export x"), id="export-go", variant="primary")
        with Horizontal(classes="export-row"):
            yield Select(
                [(f, f) for f in SUMMARY_FORMATS],
                value="xlsx",
                allow_blank=False,
                id="export-format",
            )
            yield Select(report_choices(), value="summary", allow_blank=False, id="export-report")
            yield Checkbox(tr("强制", "force"), id="export-force")
        yield Static("", id="check-result")
        yield Static("", id="export-result")
        yield Static(
            tr(
                "依申请公开登记  a 添加  e 编辑  f 年度数字",
                "Applications  a add  e edit  f annual figures",
            ),
            classes="section-title",
        )
        table: DataTable[object] = DataTable(
            id="applications", cursor_type="row", zebra_stripes=True
        )
        yield table

    def on_mount(self) -> None:
        table = self.query_one("#applications", DataTable)
        for key, zh, en in (
            ("received", "收到", "Received"),
            ("number", "编号", "No."),
            ("applicant", "申请人", "Applicant"),
            ("request", "内容", "Request"),
            ("outcome", "结果", "Outcome"),
            ("due", "答复期限/答复", "Due / answered"),
        ):
            table.add_column(tr(zh, en), key=key)
        self.reload()

    # ------------------------------------------------------------ what is chosen

    def chosen(self) -> tuple[str, str | None, Period | None, int | None]:
        """(report, template, period, year); raises ValidationError naming the bad input."""
        report = str(self.query_one("#export-report", Select).value)
        template = report.split("-", 1)[1] if report.startswith("annual-") else None
        start = self.query_one("#export-from", Input).value.strip()
        end = self.query_one("#export-to", Input).value.strip()
        if template is None and (start or end):
            first, last = (
                parse_date(start, tr("起始日", "from")),
                parse_date(end, tr("截止日", "to")),
            )
            if last < first:
                raise ValidationError(
                    tr("截止日", "to"), tr("早于起始日", "is before the first day")
                )
            return "summary", None, Period(first, last), None
        text = self.query_one("#export-year", Input).value.strip()
        if not (text.isdigit() and len(text) == 4):
            raise ValidationError(tr("年份", "year"), tr("应写成 YYYY", "write YYYY"))
        year = int(text)
        return ("annual" if template else "summary"), template, Period.year(year), year

    # ------------------------------------------------------------ reading

    def reload(self) -> None:
        self._fill_applications()
        self._check()

    def _fill_applications(self) -> None:
        try:
            apps = sorted(self.ws.store.all(Application), key=lambda a: a.received, reverse=True)
            ctx = context_for(self.ws)
        except GongkaiError as error:
            self.query_one("#export-result", Static).update(literal(str(error), "bold red"))
            return
        self._apps = {str(a.id): a for a in apps}
        table = self.query_one("#applications", DataTable)
        with self.app.batch_update():
            table.clear()
            for a in apps:
                if a.answered:
                    due_text = tr(f"已答复 {a.answered}", f"answered {a.answered}")
                else:
                    due = answer_due(ctx, a)
                    due_text = str(due) if due else tr("等待补正", "awaiting correction")
                table.add_row(
                    literal(a.received.isoformat()),
                    literal(a.number),
                    literal(applicant_label(a.applicant_type)),
                    literal(a.request[:14]),
                    literal(outcome_label(a.outcome)),
                    literal(due_text),
                    key=str(a.id),
                )

    @on(Select.Changed)
    @on(Input.Changed)
    def _choice_changed(self) -> None:
        report = str(self.query_one("#export-report", Select).value)
        fmt = self.query_one("#export-format", Select)
        allowed = ANNUAL_FORMATS if report.startswith("annual-") else SUMMARY_FORMATS
        if fmt.value not in allowed:
            fmt.set_options([(f, f) for f in allowed])
            fmt.value = allowed[0]
        self._check()

    def _check(self) -> None:
        result = self.query_one("#check-result", Static)
        try:
            report, template, _period, year = self.chosen()
        except ValidationError as error:
            result.update(literal(f"{error.field}: {error.message}", "red"))
            return
        if report != "annual" or year is None:
            result.update(
                tr(
                    "年终汇总: 各项数字均注明计算依据。",
                    "Year-end summary: every figure states its rule.",
                )
            )
            return
        result.update(tr("正在检查表格一致性…", "Checking the tables..."))
        self._run_check(year, template)

    @work(thread=True, exclusive=True, exit_on_error=False, group="export-check")
    def _run_check(self, year: int, template: str | None) -> None:
        try:
            draft = check_annual(self.ws, year, template)
        except GongkaiError as error:
            self.app.call_from_thread(self._show_check, [str(error)], True)
            return
        lines = [str(p) for p in draft.problems]
        self.app.call_from_thread(self._show_check, lines, False)

    def _show_check(self, problems: list[str], failed: bool) -> None:
        result = self.query_one("#check-result", Static)
        if failed:
            result.update(literal(problems[0], "bold red"))
        elif problems:
            text = tr(
                f"一致性检查: {len(problems)} 处不一致", f"Consistency: {len(problems)} problem(s)"
            )
            result.update(literal("\n".join([text, *problems]), "red"))
        else:
            result.update(literal(tr("一致性检查通过", "Consistency check passed"), "green"))

    # ------------------------------------------------------------ exporting

    def action_export(self) -> None:
        try:
            report, template, period, year = self.chosen()
        except ValidationError as error:
            self.query_one("#export-result", Static).update(
                literal(f"{error.field}: {error.message}", "bold red")
            )
            return
        fmt = str(self.query_one("#export-format", Select).value)
        force = self.query_one("#export-force", Checkbox).value
        self.query_one("#export-result", Static).update(tr("正在导出…", "Exporting..."))
        self._run_export(report, template, period, year, fmt, force)

    @on(Button.Pressed, "#export-go")
    def _go(self) -> None:
        self.action_export()

    @work(thread=True, exclusive=True, exit_on_error=False, group="export")
    def _run_export(
        self,
        report: str,
        template: str | None,
        period: Period | None,
        year: int | None,
        fmt: str,
        force: bool,
    ) -> None:
        try:
            if report == "annual" and year is not None:
                result = export_annual(self.ws, year, fmt, template, None, force)
            else:
                assert period is not None
                result = export_summary(self.ws, period, fmt)
        except GongkaiError as error:
            self.app.call_from_thread(self._show_export, None, str(error))
            return
        if not result.written:
            message = tr(
                f"未导出: 表格有 {len(result.problems)} 处不一致 (见上)。更正后重试, 或勾选“强制”。",
                f"Not written: {len(result.problems)} inconsistencies (above). Fix them or tick 'force'.",
            )
            self.app.call_from_thread(self._show_export, None, message)
            return
        self.app.call_from_thread(self._show_export, result.path, "")

    def _show_export(self, path: Path | None, error: str) -> None:
        shown = self.query_one("#export-result", Static)
        if path is None:
            shown.update(literal(error, "bold red"))
            return
        self.last_export = path
        shown.update(literal(tr(f"已导出到: {path}", f"Written to: {path}"), "bold green"))
        self.notify(tr(f"已导出到 {path}", f"written to {path}"), markup=False)

    # ------------------------------------------------------------ the register and the figures

    def _selected(self) -> Application | None:
        table = self.query_one("#applications", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return getattr(self, "_apps", {}).get(str(key))

    def action_add(self) -> None:
        today = self.ws.clock.today().isoformat()
        form: RecordForm[Application] = RecordForm(
            tr("添加政府信息公开申请", "Add a disclosure application"),
            Application,
            application_fields(),
            {"received": today, "extended": "false"},
        )
        self.app.push_screen(form, self._saved_application)

    def action_delete(self) -> None:
        """Remove an application entered by mistake (after a yes)."""
        app = self._selected()
        if app is None or app.id is None:
            return
        record_id = app.id

        def answered(yes: bool | None) -> None:
            if yes:
                self.ws.store.delete(Application, record_id)
                self.gongkai.data_changed()

        what = tr(f"申请 {app.number or app.received}", f"application {app.number or app.received}")
        self.app.push_screen(ConfirmScreen(delete_question(what)), answered)

    def action_edit(self) -> None:
        app = self._selected()
        if app is None:
            self.query_one("#export-result", Static).update(
                tr("没有可编辑的申请; 按 a 添加", "No application to edit; press a to add one")
            )
            return
        values: dict[str, Any] = app.to_doc()
        values["extended"] = "true" if app.extended else "false"
        form: RecordForm[Application] = RecordForm(
            tr(
                f"编辑申请 {app.number or app.received}",
                f"Edit application {app.number or app.received}",
            ),
            Application,
            application_fields(),
            values,
            record_id=app.id,
        )
        self.app.push_screen(form, self._saved_application)

    def _saved_application(self, record: Application | None) -> None:
        if record is None:
            return
        try:
            if record.id is None:
                self.ws.store.insert(record)
            else:
                self.ws.store.update(record)
        except GongkaiError as error:
            self.query_one("#export-result", Static).update(literal(str(error), "bold red"))
            return
        self.gongkai.data_changed()

    def action_figures(self) -> None:
        text = self.query_one("#export-year", Input).value.strip()
        year = (
            int(text) if text.isdigit() and len(text) == 4 else report_year(self.ws.clock.today())
        )
        existing = next((f for f in self.ws.store.all(AnnualFigures) if f.year == year), None)
        values = existing.to_doc() if existing else {}
        form: RecordForm[AnnualFigures] = RecordForm(
            tr(f"{year} 年度报告数字", f"Annual report figures {year}"),
            AnnualFigures,
            figures_fields(),
            values,
            fixed={"year": year},
            side=tr(
                "只有人知道的数字: 填一次, 年度报告草稿直接使用。渠道条数留空则按登记、网站监测和月度清查统计。",
                "Numbers only a person knows: entered once, used by the annual draft. Leave channel "
                "counts empty to count them from the data.",
            ),
            record_id=existing.id if existing else None,
        )
        self.app.push_screen(form, self._saved_figures)

    def action_case(self) -> None:
        form: RecordForm[DisclosureCase] = RecordForm(
            tr("记录行政复议或行政诉讼 (年度报告表四)", "Record a review or lawsuit (table 四)"),
            DisclosureCase,
            case_fields(),
            {"filed": self.ws.clock.today().isoformat()},
        )
        self.app.push_screen(form, self._saved_case)

    def _saved_case(self, record: DisclosureCase | None) -> None:
        if record is None:
            return
        try:
            self.ws.store.insert(record)
        except GongkaiError as error:
            self.query_one("#export-result", Static).update(literal(str(error), "bold red"))
            return
        self.query_one("#export-result", Static).update(
            tr("已记录复议/诉讼, 计入年度报告表四", "Recorded; it counts in table 四")
        )
        self.gongkai.data_changed()

    def _saved_figures(self, record: AnnualFigures | None) -> None:
        if record is None:
            return
        try:
            if record.id is None:
                self.ws.store.upsert(record, "year")
            else:
                self.ws.store.update(record)
        except GongkaiError as error:
            self.query_one("#export-result", Static).update(literal(str(error), "bold red"))
            return
        self.gongkai.data_changed()
