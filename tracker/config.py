"""config.toml: load, validate every section, and report every problem at once.

Each problem names the file, the key, the line where known, what is wrong and how to fix it.
Unknown keys are errors with a "did you mean" hint, because a misspelt rule silently falling
back to its default is worse than a refusal.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir

from tracker.config_schema import (
    Field,
    FieldProblem,
    a_date,
    boolean,
    choice,
    clock_time,
    identifier,
    integer,
    list_of,
    month_day,
    number,
    text,
    timezone,
    url,
)
from tracker.errors import ConfigError, Problem
from tracker.i18n import tr

PLATFORM_KINDS = (
    "website",
    "wechat",
    "weibo",
    "village_platform",
    "board",
    "reading_point",
    "qq",
    "other",
)
SOURCE_CATEGORIES = ("news", "notice", "policy", "other")
PERIODS = ("month", "quarter", "year")
CHANNEL_KINDS = ("wecom", "dingtalk", "email", "webhook")

# ---------------------------------------------------------------- section layouts

OFFICE = {
    "name": Field(text(), doc="office name shown in the header"),
    "unit": Field(text(), doc="the government the office belongs to"),
    "locale": Field(choice("zh", "en"), "zh"),
    "timezone": Field(timezone(), "Asia/Shanghai"),
    "user": Field(text(), "", doc="who records changes (change history)"),
}
STORAGE = {
    "path": Field(text(), "data/gongkai.json"),
    "backups": Field(integer(1, 365), 7, doc="daily backups kept"),
}
SCHEDULE = {
    "enabled": Field(boolean(), True),
    "poll_time": Field(clock_time(), dt.time(8, 30)),
    "poll_workdays_only": Field(boolean(), True),
    "sweep_time": Field(clock_time(), dt.time(8, 0)),
    "sweep_every_minutes": Field(integer(5, 1440), 60),
    "reminder_thresholds": Field(list_of(integer(0, 60), nonempty=True), [7, 3, 1]),
    "remind_overdue_daily": Field(boolean(), True),
    "misfire_grace_minutes": Field(integer(1, 10080), 720),
    "lease_seconds": Field(integer(10, 3600), 120),
}
RULES = {
    "disclosure_workdays": Field(integer(1, 365), 20),
    "social_assistance_workdays": Field(integer(1, 365), 10),
    "social_assistance_posting_workdays": Field(integer(1, 365), 7),
    "application_answer_workdays": Field(integer(1, 365), 20),
    "application_extension_workdays": Field(integer(0, 365), 20),
    "application_correction_workdays": Field(integer(1, 365), 7),
    "third_party_consultation_workdays": Field(integer(0, 365), 15),
    "annual_report_due": Field(month_day(), (1, 31)),
    "news_update_days": Field(integer(1, 3650), 14),
    "notice_policy_update_days": Field(integer(1, 3650), 183),
    "stale_columns_veto": Field(integer(1, 1000), 5),
    "blank_columns_veto": Field(integer(1, 1000), 5),
    "availability_failure_pct": Field(number(0, 100), 5.0),
    "availability_slow_seconds": Field(number(0.1, 600), 15.0),
    "availability_probes_per_day": Field(integer(1, 10000), 20),
    "new_media_update_days": Field(integer(1, 3650), 14),
    "message_answer_months": Field(integer(1, 120), 3),
    "village_general_every": Field(choice(*PERIODS), "quarter"),
    "village_finance_every": Field(choice(*PERIODS), "month"),
    "study_sessions_per_quarter": Field(integer(0, 100), 1),
    "monthly_check_day": Field(integer(1, 28), 10),
    "due_soon_workdays": Field(integer(0, 60), 3),
    "volume_drop_pct": Field(number(0, 100), 50.0),
    "followers_drop_pct": Field(number(0, 100), 20.0),
    "backdate_tolerance_days": Field(integer(0, 365), 3),
}
CALENDAR = {
    "holidays": Field(list_of(a_date()), [], doc="extra days off (法定假日)"),
    "workdays": Field(list_of(a_date()), [], doc="extra working days (调休上班)"),
}
POLL = {
    "user_agent": Field(text(), "gongkai/0.1 (+government disclosure monitor)"),
    "timeout_seconds": Field(number(1, 300), 15.0),
    "max_bytes": Field(integer(10_000, 200_000_000), 5_000_000),
    "per_host": Field(integer(1, 16), 2),
    "delay_seconds": Field(number(0, 60), 0.5),
    "retries": Field(integer(0, 10), 2),
    "failing_after": Field(integer(1, 100), 3),
}
PLATFORM = {
    "id": Field(identifier()),
    "kind": Field(choice(*PLATFORM_KINDS)),
    "name": Field(text()),
    "url": Field(url(), ""),
    "account": Field(text(), ""),
    "owner": Field(text(), ""),
    "group": Field(text(), "", doc="how the office groups boards: per village or site"),
    "count": Field(
        integer(1, 1000), 1, doc="how many physical boards/points this entry stands for"
    ),
    "note": Field(text(nonempty=False), ""),
}
SOURCE = {
    "id": Field(identifier()),
    "url": Field(url()),
    "name": Field(text(), ""),
    "category": Field(choice(*SOURCE_CATEGORIES), "other"),
    "platform": Field(identifier(), "", doc="the [[platforms]] id this column belongs to"),
    "item": Field(text(), ""),
    "title": Field(text(), ""),
    "date": Field(text(), ""),
    "max_pages": Field(integer(1, 100), 3),
    "encoding": Field(text(), "auto"),
    "detail": Field(boolean(), False),
    "note": Field(text(nonempty=False), ""),
}
PUBLICATION = {
    "id": Field(identifier()),
    "title": Field(text()),
    "match": Field(text()),
    "source": Field(identifier(), ""),
    "every": Field(choice(*PERIODS)),
    "due_day": Field(integer(1, 31)),
    "due_month": Field(integer(1, 12), 1, doc="for every = year: the month of the due day"),
    "category": Field(text(), "other"),
    "unit": Field(text(), ""),
    "liaison": Field(text(), ""),
    "note": Field(text(nonempty=False), ""),
}
CHANNEL = {
    "id": Field(identifier()),
    "kind": Field(choice(*CHANNEL_KINDS)),
    "url": Field(url(), ""),
    "secret": Field(text(), ""),
    "enabled": Field(boolean(), True),
    "smtp_host": Field(text(), ""),
    "smtp_port": Field(integer(1, 65535), 465),
    "smtp_ssl": Field(boolean(), True),
    "smtp_user": Field(text(), ""),
    "smtp_password": Field(text(), ""),
    "sender": Field(text(), ""),
    "to": Field(list_of(text()), []),
}

TABLES: dict[str, dict[str, Field]] = {
    "office": OFFICE,
    "storage": STORAGE,
    "schedule": SCHEDULE,
    "rules": RULES,
    "calendar": CALENDAR,
    "poll": POLL,
}
ARRAYS: dict[str, dict[str, Field]] = {
    "platforms": PLATFORM,
    "sources": SOURCE,
    "publications": PUBLICATION,
    "channels": CHANNEL,
}
REQUIRED_TABLES = ("office",)

# ---------------------------------------------------------------- the parsed config


@dataclass(frozen=True)
class Section:
    """A validated table: keys are attributes (``config.rules.disclosure_workdays``)."""

    values: dict[str, Any]

    def __getattr__(self, name: str) -> Any:
        try:
            return self.values[name]
        except KeyError:
            raise AttributeError(name) from None


@dataclass(frozen=True)
class Config:
    path: Path
    office: Section
    storage: Section
    schedule: Section
    rules: Section
    calendar: Section
    poll: Section
    platforms: list[Section] = field(default_factory=list)
    sources: list[Section] = field(default_factory=list)
    publications: list[Section] = field(default_factory=list)
    channels: list[Section] = field(default_factory=list)

    @property
    def folder(self) -> Path:
        return self.path.parent

    @property
    def data_path(self) -> Path:
        """Where the data lives: relative paths are relative to the config file."""
        return (self.folder / self.storage.path).resolve()

    def platform(self, platform_id: str) -> Section | None:
        return next((p for p in self.platforms if p.id == platform_id), None)

    def source(self, source_id: str) -> Section | None:
        return next((s for s in self.sources if s.id == source_id), None)


# ---------------------------------------------------------------- finding lines

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-]+)\s*\]\]?")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+|\"[^\"]+\")\s*=")


def locate_lines(source: str) -> dict[tuple[Any, ...], int]:
    """Map (table,), (table, key), (array, index) and (array, index, key) to line numbers.

    tomllib keeps no positions, so this reads the simple layout config.toml uses: headers and
    ``key = value`` lines. Anything it cannot place just has no line number.
    """
    lines: dict[tuple[Any, ...], int] = {}
    current: tuple[Any, ...] = ()
    counts: dict[str, int] = {}
    depth = 0  # inside a multi-line array value
    for number_, raw in enumerate(source.splitlines(), 1):
        stripped = raw.split("#", 1)[0] if '"' not in raw else raw
        if depth > 0:  # still inside a value such as reminder_thresholds = [\n 7,\n 3 ]
            depth += stripped.count("[") - stripped.count("]")
            continue
        header = _HEADER.match(raw)
        if header:
            name = header.group(2)
            if header.group(1) == "[[":
                index = counts.get(name, -1) + 1
                counts[name] = index
                current = (name, index)
            else:
                current = (name,)
            lines.setdefault(current, number_)
            continue
        key = _KEY.match(raw)
        if key:
            lines.setdefault((*current, key.group(1).strip('"')), number_)
            value = raw.split("=", 1)[1]
            depth = max(0, value.count("[") - value.count("]"))
    return lines


# ---------------------------------------------------------------- loading


def default_config_path() -> Path:
    """``./config.toml``, then the user config folder (DESIGN.md)."""
    here = Path.cwd() / "config.toml"
    if here.exists():
        return here
    return Path(user_config_dir("gongkai", appauthor=False)) / "config.toml"


def read_toml_text(path: Path) -> str:
    """Read as UTF-8, dropping the BOM Windows Notepad writes (tomllib rejects it)."""
    return path.read_text(encoding="utf-8-sig")


def load_config(path: Path | str | None = None) -> Config:
    """Load and validate; raise ConfigError listing every problem found."""
    path = Path(path) if path is not None else default_config_path()
    name = str(path)
    if not path.exists():
        raise ConfigError(
            [
                Problem(
                    name,
                    "",
                    tr("找不到配置文件", "config file not found"),
                    tr(
                        "用 --config 指定配置文件路径, 或在当前文件夹放一份 config.toml",
                        "pass --config PATH, or put a config.toml in the current folder",
                    ),
                )
            ]
        )
    try:
        source = read_toml_text(path)
    except UnicodeDecodeError as e:
        raise ConfigError(
            [
                Problem(
                    name,
                    "",
                    tr(
                        f"不是 UTF-8 编码 (第 {e.start} 字节)",
                        f"not UTF-8 encoded (byte {e.start})",
                    ),
                    tr("用记事本“另存为”并选择 UTF-8 编码", "save it again as UTF-8"),
                )
            ]
        ) from None
    except OSError as e:
        raise ConfigError(
            [Problem(name, "", tr(f"无法读取: {e.strerror}", f"cannot read: {e.strerror}"), "")]
        ) from None
    try:
        raw = tomllib.loads(source)
    except tomllib.TOMLDecodeError as e:
        line = getattr(e, "lineno", None)
        raise ConfigError(
            [
                Problem(
                    name,
                    "",
                    tr(f"TOML 格式错误: {e}", f"TOML syntax error: {e}"),
                    tr(
                        "检查该行的引号、等号和方括号是否成对",
                        "check quotes, '=' and brackets on that line",
                    ),
                    line,
                )
            ]
        ) from None
    return validate(raw, path, locate_lines(source))


def _unknown(key: str, known: list[str]) -> str:
    hint = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if hint:
        return tr(f"是不是想写 {hint[0]!r}?", f"did you mean {hint[0]!r}?")
    return tr(f"可用的键: {', '.join(known)}", f"known keys: {', '.join(known)}")


def _section(
    values: Any,
    spec: dict[str, Field],
    label: str,
    where: tuple[Any, ...],
    report: Callable[[str, str, str, tuple[Any, ...]], None],
) -> Section:
    parsed: dict[str, Any] = {}
    if not isinstance(values, dict):
        report(label, tr("应为一个表", "must be a table"), "", where)
        values = {}
    for key, value in values.items():
        if key not in spec:
            report(
                f"{label}.{key}",
                tr("未知的键", "unknown key"),
                _unknown(key, list(spec)),
                (*where, key),
            )
            continue
        try:
            parsed[key] = spec[key].parse(value)
        except FieldProblem as e:
            report(f"{label}.{key}", e.message, e.fix, (*where, key))
    for key, f in spec.items():
        if key in parsed:
            continue
        if f.required:
            if key not in values:
                report(
                    f"{label}.{key}",
                    tr("缺少必填项", "required key is missing"),
                    tr(f"在 {label} 下加一行 {key} = ...", f"add a line {key} = ... under {label}"),
                    where,
                )
            parsed[key] = None
        else:
            parsed[key] = list(f.default) if isinstance(f.default, list) else f.default
    return Section(parsed)


def validate(
    raw: dict[str, Any], path: Path, lines: dict[tuple[Any, ...], int] | None = None
) -> Config:
    """Turn parsed TOML into a Config, or raise ConfigError with every problem."""
    lines = lines or {}
    problems: list[Problem] = []
    name = str(path)

    def report(key: str, message: str, fix: str, where: tuple[Any, ...]) -> None:
        line = None
        probe = where
        while probe and line is None:
            line = lines.get(probe)
            probe = probe[:-1]
        problems.append(Problem(name, key, message, fix, line))

    known = list(TABLES) + list(ARRAYS)
    for key in raw:
        if key not in known:
            report(
                f"[{key}]",
                tr("未知的表", "unknown section"),
                _unknown(key, known),
                (key,),
            )
    for table in REQUIRED_TABLES:
        if table not in raw:
            report(
                f"[{table}]",
                tr("缺少必需的表", "required section is missing"),
                tr(f"加上 [{table}] 及其内容", f"add a [{table}] section"),
                (),
            )
    tables = {
        t: _section(raw.get(t, {}), spec, f"[{t}]", (t,), report) for t, spec in TABLES.items()
    }

    arrays: dict[str, list[Section]] = {}
    for array, spec in ARRAYS.items():
        items = raw.get(array, [])
        if not isinstance(items, list):
            report(
                f"[[{array}]]",
                tr("应写成 [[...]] 数组表", "must be an array of tables"),
                tr(f"每一项以 [[{array}]] 开头", f"start each entry with [[{array}]]"),
                (array,),
            )
            items = []
        sections = []
        seen: dict[str, int] = {}
        for index, item in enumerate(items):
            label = f"[[{array}]] #{index + 1}"
            section = _section(item, spec, label, (array, index), report)
            sections.append(section)
            item_id = section.values.get("id")
            if item_id is None:
                continue
            if item_id in seen:
                report(
                    f"{label}.id",
                    tr(
                        f"编号 {item_id!r} 与第 {seen[item_id] + 1} 项重复",
                        f"id {item_id!r} repeats entry #{seen[item_id] + 1}",
                    ),
                    tr("每一项用不同的 id", "give every entry its own id"),
                    (array, index, "id"),
                )
            else:
                seen[item_id] = index
        arrays[array] = sections

    platform_ids = {p.values.get("id") for p in arrays["platforms"]}
    source_ids = {s.values.get("id") for s in arrays["sources"]}
    for index, s in enumerate(arrays["sources"]):
        if s.values.get("platform") and s.values["platform"] not in platform_ids:
            report(
                f"[[sources]] #{index + 1}.platform",
                tr(
                    f"没有 id 为 {s.values['platform']!r} 的平台",
                    f"no platform has id {s.values['platform']!r}",
                ),
                tr("写 [[platforms]] 中已有的 id", "use an id from [[platforms]]"),
                ("sources", index, "platform"),
            )
        if s.values.get("encoding") not in (None, "auto"):
            import codecs

            try:
                codecs.lookup(s.values["encoding"])
            except LookupError:
                report(
                    f"[[sources]] #{index + 1}.encoding",
                    tr(
                        f"未知编码 {s.values['encoding']!r}",
                        f"unknown encoding {s.values['encoding']!r}",
                    ),
                    tr('写 "auto" 或 "utf-8"、"gb18030"', 'use "auto", "utf-8" or "gb18030"'),
                    ("sources", index, "encoding"),
                )
    for index, p in enumerate(arrays["publications"]):
        if p.values.get("source") and p.values["source"] not in source_ids:
            report(
                f"[[publications]] #{index + 1}.source",
                tr(
                    f"没有 id 为 {p.values['source']!r} 的栏目",
                    f"no source has id {p.values['source']!r}",
                ),
                tr("写 [[sources]] 中已有的 id", "use an id from [[sources]]"),
                ("publications", index, "source"),
            )
        if p.values.get("match"):
            try:
                re.compile(p.values["match"])
            except re.error as e:
                report(
                    f"[[publications]] #{index + 1}.match",
                    tr(f"正则表达式有误: {e}", f"invalid regular expression: {e}"),
                    tr("检查括号是否成对, 或只写关键词", "check brackets, or write plain keywords"),
                    ("publications", index, "match"),
                )
    for index, c in enumerate(arrays["channels"]):
        kind = c.values.get("kind")
        if kind in ("wecom", "dingtalk", "webhook") and not c.values.get("url"):
            report(
                f"[[channels]] #{index + 1}.url",
                tr(f"{kind} 渠道需要 url", f"a {kind} channel needs a url"),
                tr("填写机器人的 Webhook 地址", "paste the robot's webhook address"),
                ("channels", index),
            )
        if kind == "email" and not (c.values.get("smtp_host") and c.values.get("to")):
            report(
                f"[[channels]] #{index + 1}",
                tr("email 渠道需要 smtp_host 和 to", "an email channel needs smtp_host and to"),
                tr(
                    '填写 smtp_host = "smtp.163.com" 和 to = ["..."]',
                    'set smtp_host and to = ["..."]',
                ),
                ("channels", index),
            )

    if problems:
        raise ConfigError(problems)
    return Config(path=path.resolve(), **tables, **arrays)  # type: ignore[arg-type]


def check_data_folder(config: Config) -> list[Problem]:
    """Problems with where the data lives, for ``gongkai check``."""
    folder = config.data_path.parent
    probe = folder
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    if not os.access(probe, os.W_OK):
        return [
            Problem(
                str(config.path),
                "[storage].path",
                tr(f"数据文件夹不可写: {folder}", f"data folder is not writable: {folder}"),
                tr(
                    "给该文件夹写权限, 或把 path 改到可写的位置",
                    "make the folder writable, or point path somewhere writable",
                ),
                locate_lines(read_toml_text(config.path)).get(("storage", "path")),
            )
        ]
    return []
