"""The subcommands of ``gongkai``: a table of names and help, one module each.

A command"s module (add_arguments, run) is imported only when that command runs, so
``gongkai status`` does not pay for openpyxl, python-docx, httpx or APScheduler.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType

from tracker.i18n import tr


@dataclass(frozen=True)
class Command:
    name: str
    module: str
    zh: str
    en: str

    @property
    def help(self) -> str:
        return tr(self.zh, self.en)

    def load(self) -> ModuleType:
        return importlib.import_module(f"tui.commands.{self.module}")


COMMANDS: tuple[Command, ...] = (
    Command(
        "check",
        "check",
        "检查配置文件和数据文件",
        "validate the config and the data file",
    ),
    Command(
        "status",
        "status",
        "列出某天的逾期、即将到期和违规事项 (有否决或逾期时退出码为 1)",
        "list the day's flags (exit 1 when any veto or overdue flag is found)",
    ),
    Command(
        "deadline",
        "deadline",
        "计算信息形成之日起的公开期限 (工作日)",
        "the due date of information formed on a day",
    ),
    Command(
        "checks",
        "checks_list",
        "月度清查: gongkai checks list [--month YYYY-MM] [--json]",
        "monthly checks: gongkai checks list [--month YYYY-MM] [--json]",
    ),
    Command(
        "import",
        "import_checks",
        "从 Excel/CSV 导入月度清查记录: gongkai import checks FILE.xlsx|FILE.csv",
        "import monthly checks from Excel/CSV: gongkai import checks FILE.xlsx|FILE.csv",
    ),
    Command(
        "template",
        "template",
        "生成月度清查导入模板: gongkai template checks FILE.xlsx",
        "write the monthly-check import template: gongkai template checks FILE.xlsx",
    ),
    Command(
        "actions",
        "actions",
        "整改事项: 列出 (list) 或新增 (add)",
        "improvement actions: list or add",
    ),
    Command(
        "poll",
        "poll",
        "抓取区政府网站各栏目一次, 记录新条目; 有栏目抓取失败时退出码为 1",
        "poll every watched column of the district site once and record new items; exit 1 when some source failed",
    ),
    Command(
        "remind",
        "remind",
        "列出当天到期的提醒; --send 通过配置的渠道发送 (每条只发一次; 有渠道发送失败时退出码为 1)",
        "list the day's reminders; --send sends them through the channels, once each (exit 1 when a channel failed)",
    ),
    Command(
        "daemon",
        "daemon",
        "在后台运行定时任务 (无界面), 直到 Ctrl-C 或 SIGTERM",
        "run the scheduler headless until Ctrl-C or SIGTERM",
    ),
    Command(
        "export",
        "export",
        "导出年终汇总 (xlsx|md|json|docx) 或年度报告草稿 (--report annual, docx|md)",
        "export the year-end summary (xlsx|md|json|docx) or the annual report draft (--report annual)",
    ),
    Command(
        "rollup",
        "rollup",
        "汇总多个镇的 json 导出, 生成对比表 (xlsx 或 md)",
        "combine several towns' json exports into one comparison (xlsx or md)",
    ),
    Command(
        "restore",
        "restore",
        "从备份恢复数据文件",
        "restore the data file from a backup",
    ),
)
