"""The annual report draft (年度报告): sections 一…六 and the national tables, filled from data.

Two formats: 2019 (国办公开办函〔2019〕60号, the seed's) and 2021 (国办公开办函〔2021〕30号:
table 二 gives 制发/废止/现行有效 for 规范性文件, drops 其他对外管理服务事项 and the 项目数量
columns, reports fees in 万元 and removes 集中采购; table 三 splits (六) 其他处理 into three rows).

- 主动公开 per channel: numbers entered by hand win; otherwise counted from the monthly checks'
  volumes, the poller's items (website) and the register of published items.
- Table 二 from the year's AnnualFigures; table 三 from the applications register; table 四 from
  the recorded reviews and lawsuits.
- ``validate`` checks the consistency rules of DESIGN.md and names the cells of each broken one.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from checks.context import Snapshot, load_snapshot
from checks.summary import ACTION_CATEGORY_LABELS, PROBLEM_LABELS, label
from tracker.config import Config
from tracker.formats.document import Cell, Document, Paragraph, Part, Table, format_number
from tracker.i18n import tr
from tracker.records import AnnualFigures, Application, DisclosureCase
from tracker.records.applications import APPLICANT_TYPES, CASE_KINDS
from tracker.workspace import Workspace

TEMPLATES = ("2019", "2021")


def default_template(year: int) -> str:
    """The 2021 format applies from the reports on 2021; earlier years used the 2019 one."""
    return "2019" if year <= 2020 else "2021"


# ---------------------------------------------------------------- table 三 and 四 layouts

COLUMNS_3 = [
    ("natural_person", "自然人"),
    ("business", "商业企业"),
    ("research", "科研机构"),
    ("nonprofit", "社会公益组织"),
    ("legal_service", "法律服务机构"),
    ("other", "其他"),
    ("total", "总计"),
]
assert tuple(c for c, _ in COLUMNS_3[:6]) == APPLICANT_TYPES

_ROWS_3_HEAD = [
    ("new", "一、本年新收政府信息公开申请数量"),
    ("carried_over", "二、上年结转政府信息公开申请数量"),
    ("granted", "三、本年度办理结果 （一）予以公开"),
    ("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("withheld_state_secret", "（三）不予公开 1.属于国家秘密"),
    ("withheld_law", "（三）不予公开 2.其他法律行政法规禁止公开"),
    ("withheld_security", "（三）不予公开 3.危及“三安全一稳定”"),
    ("withheld_third_party", "（三）不予公开 4.保护第三方合法权益"),
    ("withheld_internal", "（三）不予公开 5.属于三类内部事务信息"),
    ("withheld_process", "（三）不予公开 6.属于四类过程性信息"),
    ("withheld_enforcement", "（三）不予公开 7.属于行政执法案卷"),
    ("withheld_inquiry", "（三）不予公开 8.属于行政查询事项"),
    ("unavailable_not_held", "（四）无法提供 1.本机关不掌握相关政府信息"),
    ("unavailable_needs_creation", "（四）无法提供 2.没有现成信息需要另行制作"),
    ("unavailable_unclear", "（四）无法提供 3.补正后申请内容仍不明确"),
    ("rejected_petition", "（五）不予处理 1.信访举报投诉类申请"),
    ("rejected_repeat", "（五）不予处理 2.重复申请"),
    ("rejected_publication", "（五）不予处理 3.要求提供公开出版物"),
    ("rejected_excessive", "（五）不予处理 4.无正当理由大量反复申请"),
    ("rejected_confirm", "（五）不予处理 5.要求行政机关确认或重新出具已获取信息"),
]
_ROWS_3_OTHER = {
    "2019": [("other", "（六）其他处理")],
    "2021": [
        (
            "other_no_correction",
            "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        ),
        (
            "other_no_fee",
            "（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        ),
        ("other", "（六）其他处理 3.其他"),
    ],
}
_ROWS_3_TAIL = [("total", "（七）总计"), ("carry_forward", "四、结转下年度继续办理")]
LEAF_EXCLUDED = {"new", "carried_over", "total", "carry_forward"}
SHORT_ROWS = {"new": "一", "carried_over": "二", "total": "三(七)总计", "carry_forward": "四"}


def rows_3(template: str) -> list[tuple[str, str]]:
    return [*_ROWS_3_HEAD, *_ROWS_3_OTHER[template], *_ROWS_3_TAIL]


def outcome_row(outcome: str, template: str) -> str:
    """The table 三 row an outcome counts in (2019 folds the three 其他处理 rows into one)."""
    if template == "2019" and outcome.startswith("other"):
        return "other"
    return outcome


CASE_LABELS = {
    "review": "行政复议",
    "lawsuit_direct": "行政诉讼 未经复议直接起诉",
    "lawsuit_after_review": "行政诉讼 复议后起诉",
}
RESULT_COLUMNS = [
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
    ("total", "总计"),
]
COLUMNS_4 = [
    (f"{kind}.{result}", f"{CASE_LABELS[kind]} {text}")
    for kind in CASE_KINDS
    for result, text in RESULT_COLUMNS
]


@dataclass
class Grid:
    """A table whose cells are addressed by (row key, column key), for the validator."""

    name: str
    rows: list[tuple[str, str]]
    columns: list[tuple[str, str]]
    values: dict[tuple[str, str], int] = field(default_factory=dict)

    def get(self, row: str, col: str) -> int:
        return self.values.get((row, col), 0)

    def set(self, row: str, col: str, value: int) -> None:
        self.values[(row, col)] = value

    def row_label(self, row: str) -> str:
        return dict(self.rows)[row]

    def col_label(self, col: str) -> str:
        return dict(self.columns)[col]

    def cell(self, row: str, col: str) -> str:
        """How a person finds the cell: 表三 "一、本年新收…" 行 "自然人" 列."""
        return tr(
            f"表{self.name} {SHORT_ROWS.get(row, self.row_label(row))} 行 {self.col_label(col)} 列",
            f"table {self.name} row {SHORT_ROWS.get(row, self.row_label(row))}, column "
            f"{self.col_label(col)}",
        )


def applications_grid(apps: list[Application], year: int, template: str) -> Grid:
    """Table 三 for ``year`` from the register: received, carried over, answered, still open."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    grid = Grid("三", rows_3(template), COLUMNS_3)
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for app in apps:
        col = app.applicant_type
        if start <= app.received <= end:
            counts[("new", col)] += 1
        if app.pending_on(start - dt.timedelta(days=1)):
            counts[("carried_over", col)] += 1
        if app.answered and start <= app.answered <= end:
            counts[(outcome_row(app.outcome, template), col)] += 1
            counts[("total", col)] += 1
        if app.pending_on(end):
            counts[("carry_forward", col)] += 1
    for row, _ in grid.rows:
        for col, _ in COLUMNS_3[:6]:
            grid.set(row, col, counts[(row, col)])
        grid.set(row, "total", sum(counts[(row, c)] for c, _ in COLUMNS_3[:6]))
    return grid


def cases_grid(cases: list[DisclosureCase], year: int) -> Grid:
    """Table 四: cases decided in the year by result, plus cases still pending at year end."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    grid = Grid("四", [("count", "")], COLUMNS_4)
    counts: dict[str, int] = defaultdict(int)
    for case in cases:
        if case.decided and start <= case.decided <= end:
            counts[f"{case.kind}.{case.result}"] += 1
        elif case.filed <= end and (case.decided is None or case.decided > end):
            counts[f"{case.kind}.pending"] += 1
    for kind in CASE_KINDS:
        for result, _ in RESULT_COLUMNS[:4]:
            grid.set("count", f"{kind}.{result}", counts[f"{kind}.{result}"])
        grid.set(
            "count",
            f"{kind}.total",
            sum(counts[f"{kind}.{r}"] for r, _ in RESULT_COLUMNS[:4]),
        )
    return grid


# ---------------------------------------------------------------- the consistency rules


@dataclass(frozen=True)
class ConsistencyProblem:
    rule: str
    cells: tuple[str, ...]
    message: str

    def __str__(self) -> str:
        return f"{self.rule}: {self.message} ({'; '.join(self.cells)})"


def validate(
    three: Grid, four: Grid, previous_carry_forward: dict[str, int] | None = None
) -> list[ConsistencyProblem]:
    """Every broken rule of DESIGN.md's validator, each naming the cells involved."""
    problems: list[ConsistencyProblem] = []
    leaves = [r for r, _ in three.rows if r not in LEAF_EXCLUDED]
    for col, col_label in three.columns:
        left = three.get("new", col) + three.get("carried_over", col)
        right = three.get("total", col) + three.get("carry_forward", col)
        if left != right:
            problems.append(
                ConsistencyProblem(
                    tr("表三 一+二 = 三(七)+四", "table 三: 一 + 二 = 三(七) + 四"),
                    tuple(
                        three.cell(r, col)
                        for r in ("new", "carried_over", "total", "carry_forward")
                    ),
                    tr(
                        f"{col_label}列: {three.get('new', col)} + {three.get('carried_over', col)} = {left}, "
                        f"而 {three.get('total', col)} + {three.get('carry_forward', col)} = {right}",
                        f"column {col_label}: {three.get('new', col)} + "
                        f"{three.get('carried_over', col)} = {left}, but "
                        f"{three.get('total', col)} + {three.get('carry_forward', col)} = {right}",
                    ),
                )
            )
        leaf_sum = sum(three.get(r, col) for r in leaves)
        if leaf_sum != three.get("total", col):
            problems.append(
                ConsistencyProblem(
                    tr("表三 (七)总计 = (一)…(六)之和", "table 三: (七) = sum of (一)…(六)"),
                    (three.cell("total", col),),
                    tr(
                        f"{col_label}列: (七)总计为 {three.get('total', col)}, (一)至(六)各项之和为 {leaf_sum}",
                        f"column {col_label}: (七) is {three.get('total', col)}, the rows (一)…(六) "
                        f"add up to {leaf_sum}",
                    ),
                )
            )
    for row, row_label in three.rows:
        parts = sum(three.get(row, c) for c, _ in COLUMNS_3[:6])
        if parts != three.get(row, "total"):
            problems.append(
                ConsistencyProblem(
                    tr(
                        "表三 总计列 = 自然人 + 五类法人或其他组织",
                        "table 三: 总计 = the six columns",
                    ),
                    (three.cell(row, "total"),),
                    tr(
                        f"{row_label}: 总计列为 {three.get(row, 'total')}, 各列之和为 {parts}",
                        f"{row_label}: 总计 is {three.get(row, 'total')}, the columns add up to {parts}",
                    ),
                )
            )
    for kind in CASE_KINDS:
        total = four.get("count", f"{kind}.total")
        parts = sum(four.get("count", f"{kind}.{r}") for r, _ in RESULT_COLUMNS[:4])
        if total != parts:
            problems.append(
                ConsistencyProblem(
                    tr("表四 总计 = 维持+纠正+其他+尚未审结", "table 四: 总计 = the four results"),
                    (four.cell("count", f"{kind}.total"),),
                    tr(
                        f"{CASE_LABELS[kind]}: 总计为 {total}, 四项之和为 {parts}",
                        f"{CASE_LABELS[kind]}: 总计 is {total}, the four results add up to {parts}",
                    ),
                )
            )
    if previous_carry_forward is not None:
        for col, col_label in three.columns:
            last = previous_carry_forward.get(col, 0)
            if three.get("carried_over", col) != last:
                problems.append(
                    ConsistencyProblem(
                        tr("本年上年结转 = 上年结转下年度", "上年结转 = last year's 结转下年度"),
                        (three.cell("carried_over", col),),
                        tr(
                            f"{col_label}列: 本年上年结转为 {three.get('carried_over', col)}, "
                            f"上年报告的结转下年度为 {last}",
                            f"column {col_label}: carried over is {three.get('carried_over', col)}, "
                            f"last year's report carried forward {last}",
                        ),
                    )
                )
    return problems


# ---------------------------------------------------------------- 主动公开 per channel


@dataclass(frozen=True)
class ChannelCount:
    key: str
    label: str
    count: int
    basis: str


HAND = ("人工填报", "entered by hand")


def _kind_of(config: Config, channel: str) -> str:
    platform = config.platform(channel)
    return platform.kind if platform else channel


def channel_counts(
    config: Config, snap: Snapshot, figures: AnnualFigures | None, year: int
) -> list[ChannelCount]:
    """Website, Weibo, WeChat and boards by category: by hand first, then counted from data."""
    months = {f"{year}-{m:02d}" for m in range(1, 13)}
    volume: dict[str, int] = defaultdict(int)
    checked: set[str] = set()
    for c in snap.checks:
        if c.month in months and c.volume is not None:
            kind = _kind_of(config, c.platform)
            volume[kind] += c.volume
            checked.add(kind)
    register: dict[str, int] = defaultdict(int)
    boards_by_category: dict[str, int] = defaultdict(int)
    for item in snap.items:
        if not item.published or item.published.year != year:
            continue
        kinds = {_kind_of(config, ch) for ch in item.channels}
        for kind in kinds:
            register[kind] += 1
        if "board" in kinds:
            boards_by_category[item.category] += 1
    web_urls = {
        str(w.get("url"))
        for w in snap.web_items
        if str(w.get("date") or "")[:4] == str(year) and w.get("url")
    }

    def pick(key: str, zh: str, en: str, hand: int | None) -> ChannelCount:
        if hand is not None:
            return ChannelCount(key, tr(zh, en), hand, tr(*HAND))
        if key == "website" and web_urls:
            return ChannelCount(
                key, tr(zh, en), len(web_urls), tr("网站监测发现的条目", "items seen on the site")
            )
        if key in checked:
            return ChannelCount(
                key, tr(zh, en), volume[key], tr("月度清查发布量之和", "monthly checks' volumes")
            )
        return ChannelCount(
            key, tr(zh, en), register[key], tr("公开登记中已发布的条目", "published items register")
        )

    found = [
        pick(
            "website", "政府网站", "government website", figures.website_count if figures else None
        ),
        pick("weibo", "政务微博", "Weibo", figures.weibo_count if figures else None),
        pick("wechat", "政务微信", "WeChat", figures.wechat_count if figures else None),
    ]
    hand_boards = figures.board_counts if figures else {}
    if hand_boards:
        found += [ChannelCount(f"board:{cat}", cat, n, tr(*HAND)) for cat, n in hand_boards.items()]
    elif boards_by_category:
        found += [
            ChannelCount(
                f"board:{cat}", cat, n, tr("公开登记中发布到公开栏的条目", "register, boards")
            )
            for cat, n in sorted(boards_by_category.items())
        ]
    elif "board" in checked:
        found.append(
            ChannelCount(
                "board", tr("公开栏", "boards"), volume["board"],
                tr("月度清查发布量之和", "monthly checks' volumes"),
            )
        )  # fmt: skip
    return found


# ---------------------------------------------------------------- table 二


def _change(text: str) -> int:
    return int(text or "0")


def table_two(figures: AnnualFigures, template: str) -> list[Table]:
    f = figures
    if template == "2019":
        return [
            Table(
                [["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"]],
                [
                    ["规章", f.regs_made, f.regs_published, f.regs_total],
                    ["规范性文件", f.norms_made, f.norms_published, f.norms_total],
                ],
                "第二十条第（一）项",
            ),
            Table(
                [["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]],
                [
                    ["行政许可", f.permits_prev, _change(f.permits_change), f.permits_decisions],
                    [
                        "其他对外管理服务事项",
                        f.services_prev,
                        _change(f.services_change),
                        f.services_decisions,
                    ],
                ],
                "第二十条第（五）项",
            ),
            Table(
                [["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]],
                [
                    [
                        "行政处罚",
                        f.penalties_prev,
                        _change(f.penalties_change),
                        f.penalties_decisions,
                    ],
                    ["行政强制", f.coercion_prev, _change(f.coercion_change), f.coercion_decisions],
                ],
                "第二十条第（六）项",
            ),
            Table(
                [["信息内容", "上一年项目数量", "本年增/减"]],
                [["行政事业性收费", f.fees_prev, _change(f.fees_change)]],
                "第二十条第（八）项",
            ),
            Table(
                [["信息内容", "采购项目数量", "采购总金额"]],
                [["政府集中采购", f.procurement_projects, format_number(f.procurement_amount)]],
                "第二十条第（九）项",
            ),
        ]
    return [
        Table(
            [["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]],
            [
                ["规章", f.regs_issued, f.regs_repealed, f.regs_in_force],
                ["行政规范性文件", f.norms_issued, f.norms_repealed, f.norms_in_force],
            ],
            "第二十条第（一）项",
        ),
        Table(
            [["信息内容", "本年处理决定数量"]],
            [["行政许可", f.permits_decisions]],
            "第二十条第（五）项",
        ),
        Table(
            [["信息内容", "本年处理决定数量"]],
            [["行政处罚", f.penalties_decisions], ["行政强制", f.coercion_decisions]],
            "第二十条第（六）项",
        ),
        Table(
            [["信息内容", "本年收费金额（单位：万元）"]],
            [["行政事业性收费", format_number(round(f.fees_amount_wan, 4))]],
            "第二十条第（八）项",
        ),
    ]


# ---------------------------------------------------------------- the whole draft


@dataclass
class AnnualReport:
    year: int
    template: str
    unit: str
    channels: list[ChannelCount]
    table_two: list[Table]
    three: Grid
    four: Grid
    previous_carry_forward: dict[str, int] | None
    previous_basis: str
    overview: list[str]
    improvements: list[str]
    other_matters: list[str]
    problems: list[ConsistencyProblem] = field(default_factory=list)

    @property
    def total_published(self) -> int:
        return sum(c.count for c in self.channels)


def figures_for(snap: Snapshot, year: int) -> AnnualFigures | None:
    return next((f for f in snap.annual_figures if f.year == year), None)


def _overview(
    config: Config, snap: Snapshot, figures: AnnualFigures | None, year: int
) -> list[str]:
    if figures and figures.overview:
        return [p for p in figures.overview.split("\n") if p.strip()]
    kinds: dict[str, int] = defaultdict(int)
    for p in config.platforms:
        kinds[p.kind] += int(p.count)
    months = {f"{year}-{m:02d}" for m in range(1, 13)}
    checks = sum(1 for c in snap.checks if c.month in months)
    sessions = [s for s in snap.study_sessions if s.date.year == year]
    return [
        tr(
            f"（草稿，请核改）{year} 年，本单位通过区政府网站栏目、政务微信 {kinds['wechat']} 个、"
            f"政务微博 {kinds['weibo']} 个、村廉通平台 {kinds['village_platform']} 个、公开栏和公开牌 "
            f"{kinds['board']} 个、政府信息查阅点 {kinds['reading_point']} 个开展政务公开工作。"
            f"全年完成平台月度清查 {checks} 次，组织政务公开业务学习 {len(sessions)} 次、"
            f"参加 {sum(s.headcount for s in sessions)} 人次。",
            f"(Draft, please edit) In {year} the office published through the district website, "
            f"{kinds['wechat']} WeChat, {kinds['weibo']} Weibo, {kinds['village_platform']} village "
            f"platforms, {kinds['board']} boards and {kinds['reading_point']} reading points; "
            f"{checks} monthly platform checks; {len(sessions)} study sessions "
            f"({sum(s.headcount for s in sessions)} attendances).",
        )
    ]


def _improvements(snap: Snapshot, year: int) -> list[str]:
    """Section 五 drafted from the year's findings (monthly checks) and improvement actions."""
    months = {f"{year}-{m:02d}" for m in range(1, 13)}
    problems: dict[str, int] = defaultdict(int)
    for c in snap.checks:
        if c.month in months:
            for p in c.problems:
                problems[p] += 1
    actions = [
        a
        for a in snap.actions
        if a.status != "cancelled" and (a.created_on or a.due or dt.date.min).year == year
    ]
    by_category: dict[str, list[str]] = defaultdict(list)
    for a in actions:
        by_category[a.category].append(a.title)
    open_next = [a for a in snap.actions if a.is_open]
    numerals = "一二三四五六七八九十"
    lines = []
    if problems:
        found = "，".join(f"{label(PROBLEM_LABELS, k)} {n} 次" for k, n in sorted(problems.items()))
        lines.append(
            tr(
                f"（草稿，请核改）{year} 年月度清查发现的问题：{found}。",
                f"(Draft, please edit) Problems found by the {year} monthly checks: {found}.",
            )
        )
    for i, (category, titles) in enumerate(sorted(by_category.items())):
        n = numerals[i] if i < len(numerals) else str(i + 1)
        done = sum(1 for a in actions if a.category == category and not a.is_open)
        shown = "；".join(titles[:3]) + ("等" if len(titles) > 3 else "")
        lines.append(
            tr(
                f"{n}是{label(ACTION_CATEGORY_LABELS, category)}方面：{shown}（整改事项 {len(titles)} 项，"
                f"已完成 {done} 项）。",
                f"{n}: {label(ACTION_CATEGORY_LABELS, category)}: {shown} ({len(titles)} actions, "
                f"{done} closed).",
            )
        )
    if open_next:
        shown = "；".join(
            f"{a.title}（{a.due.isoformat() if a.due else tr('未定期限', 'no due date')}）"
            for a in sorted(open_next, key=lambda a: a.due or dt.date.max)[:5]
        )
        lines.append(tr(f"下一步改进：{shown}。", f"Next steps: {shown}."))
    if not lines:
        lines.append(
            tr(
                "（草稿，请填写）本年度未记录清查问题和整改事项。",
                "(Draft, please fill in) no findings or actions were recorded this year.",
            )
        )
    return lines


def build_annual(
    config: Config, snap: Snapshot, year: int, template: str | None = None
) -> AnnualReport:
    template = template or default_template(year)
    if template not in TEMPLATES:
        raise ValueError(template)
    figures = figures_for(snap, year)
    three = applications_grid(snap.applications, year, template)
    four = cases_grid(snap.cases, year)
    last = figures_for(snap, year - 1)
    if last and last.published_carry_forward:
        previous = dict(zip([c for c, _ in COLUMNS_3], last.published_carry_forward, strict=True))
        basis = tr(f"{year - 1} 年报告公布的数", f"as published in the {year - 1} report")
    else:
        before = applications_grid(snap.applications, year - 1, template)
        previous = {c: before.get("carry_forward", c) for c, _ in COLUMNS_3}
        basis = tr(f"依申请登记计算的 {year - 1} 年数", f"{year - 1} counted from the register")
    report = AnnualReport(
        year=year,
        template=template,
        unit=config.office.unit,
        channels=channel_counts(config, snap, figures, year),
        table_two=table_two(figures or AnnualFigures(year=year), template),
        three=three,
        four=four,
        previous_carry_forward=previous,
        previous_basis=basis,
        overview=_overview(config, snap, figures, year),
        improvements=_improvements(snap, year),
        other_matters=(
            [p for p in figures.other_matters.split("\n") if p.strip()]
            if figures and figures.other_matters
            else [tr("本年度无其他需要报告的事项。", "Nothing else to report this year.")]
        ),
    )
    report.problems = validate(three, four, previous)
    return report


def annual_for(ws: Workspace, year: int, template: str | None = None) -> AnnualReport:
    return build_annual(ws.config, load_snapshot(ws, ws.clock.today()), year, template)


# ---------------------------------------------------------------- laid out as a document


def grid_table(grid: Grid, header: list[list[str]], label_column: bool = True) -> Table:
    rows: list[list[Cell]] = []
    for row, row_label in grid.rows:
        values: list[Cell] = [grid.get(row, col) for col, _ in grid.columns]
        rows.append([row_label, *values] if label_column else values)
    return Table(header, rows)


def channels_paragraph(report: AnnualReport) -> str:
    by_key = {c.key: c.count for c in report.channels}
    boards = [c for c in report.channels if c.key.startswith("board")]
    text = (
        f"{report.year} 年，{report.unit}主动公开政府信息共 {report.total_published} 条。"
        f"通过政府网站发布政府信息共 {by_key.get('website', 0)} 条，通过政务微博发布政府信息 "
        f"{by_key.get('weibo', 0)} 条，通过政务微信发布政府信息 {by_key.get('wechat', 0)} 条。"
    )
    if boards:
        text += (
            "通过公示栏、公开墙发布"
            + "、".join(f"{c.label}信息 {c.count} 次" for c in boards)
            + "。"
        )
    return text


def annual_document(report: AnnualReport) -> Document:
    fmt = "国办公开办函〔2019〕60号" if report.template == "2019" else "国办公开办函〔2021〕30号"
    preface = [
        Paragraph(
            f"本年度报告根据《中华人民共和国政府信息公开条例》和{fmt}的格式要求编制。"
            f"报告中所列数据的统计期限自 {report.year} 年 1 月 1 日起至 12 月 31 日止。"
        )
    ]
    if report.problems:
        preface.insert(
            0,
            Paragraph(
                tr(
                    f"注意: 表格数据有 {len(report.problems)} 处不一致, 发布前必须更正:",
                    f"Warning: {len(report.problems)} inconsistencies in the tables; fix before publishing:",
                ),
                warning=True,
            ),
        )
        for i, p in enumerate(report.problems, 1):
            preface.insert(i, Paragraph(f"{i}. {p}", warning=True))
    channel_rows: list[list[Cell]] = [[c.label, c.count, c.basis] for c in report.channels]
    channel_rows.append(["合计", report.total_published, ""])
    channels = Table([["渠道", "数量", "统计依据"]], channel_rows, "主动公开政府信息情况")
    header_3 = [
        ["", *["申请人情况"] * 6, ""],
        ["", "", "法人或其他组织", "法人或其他组织", "法人或其他组织", "法人或其他组织", "法人或其他组织", ""],
        ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", *[c for _, c in COLUMNS_3]],
    ]  # fmt: skip
    header_4 = [
        ["行政复议"] * 5 + ["行政诉讼"] * 10,
        [""] * 5 + ["未经复议直接起诉"] * 5 + ["复议后起诉"] * 5,
        [text for _, text in RESULT_COLUMNS] * 3,
    ]
    three = grid_table(report.three, header_3)
    four = grid_table(report.four, header_4, label_column=False)
    return Document(
        f"{report.unit} {report.year} 年政府信息公开工作年度报告",
        [
            Part("一、总体情况", [Paragraph(p) for p in report.overview]),
            Part(
                "二、主动公开政府信息情况",
                [Paragraph(channels_paragraph(report)), channels, *report.table_two],
            ),
            Part("三、收到和处理政府信息公开申请情况", [three]),
            Part("四、政府信息公开行政复议、行政诉讼情况", [four]),
            Part(
                "五、政府信息公开工作存在的主要问题及改进情况",
                [Paragraph(p) for p in report.improvements],
            ),
            Part("六、其他需要报告的事项", [Paragraph(p) for p in report.other_matters]),
        ],
        preface,
    )


def outcome_label(code: str) -> str:
    """The national category an outcome code stands for (the 2021 format's wording)."""
    if not code:
        return tr("未答复", "not answered")
    rows = dict([*_ROWS_3_HEAD, *_ROWS_3_OTHER["2021"]])
    return rows.get(code, code).removeprefix("三、本年度办理结果 ")


def applicant_label(code: str) -> str:
    return dict(COLUMNS_3).get(code, code)
