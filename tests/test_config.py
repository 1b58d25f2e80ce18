"""config.toml: every problem reported at once, with file, key, line and fix."""

from __future__ import annotations

import pytest

from tracker.config import load_config
from tracker.errors import ConfigError
from tui.cli import main

from .conftest import BUNDLED_CONFIG, MINIMAL_CONFIG


def problems(path) -> list[str]:
    with pytest.raises(ConfigError) as info:
        load_config(path)
    return [str(p) for p in info.value.problems]


def test_bundled_config_is_valid_and_names_every_platform_of_the_report() -> None:
    config = load_config(BUNDLED_CONFIG)
    kinds = [p.kind for p in config.platforms]
    names = " ".join(p.name for p in config.platforms)
    assert "中卫市沙坡头区镇罗镇" in names and "沙坡头区镇罗镇公众微博" in names
    assert kinds.count("village_platform") == 12
    assert "qq" in kinds and "website" in kinds
    boards = [p for p in config.platforms if p.kind == "board"]
    # 27 公开栏 + 14 公开牌, grouped per village or site
    assert sum(p.count for p in boards) == 27 + 14
    assert sum(p.count for p in config.platforms if p.kind == "reading_point") == 14
    assert config.rules.disclosure_workdays == 20
    assert config.rules.social_assistance_workdays == 10
    assert {p.every for p in config.publications} >= {"month", "quarter", "year"}
    assert config.sources and all(
        s.url.startswith("http://www.spt.gov.cn/") for s in config.sources
    )


def test_missing_file_says_how_to_fix(tmp_path) -> None:
    [message] = problems(tmp_path / "nope.toml")
    assert "找不到配置文件" in message and "--config" in message


def test_bom_from_notepad_is_accepted(tmp_path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL_CONFIG.encode("utf-8"))
    assert load_config(path).office.name == "测试镇党政办公室"


def test_every_problem_at_once_with_lines_and_hints(write_config) -> None:
    path = write_config(
        extra="""
[rules]
disclosure_workday = 20
due_soon_workdays = -1
news_update_days = "14"

[[platforms]]
id = "wechat"
kind = "wechats"
name = "重复的微信"

[[sources]]
id = "news"
url = "www.spt.gov.cn/news"
"""
    )
    found = problems(path)
    text = "\n".join(found)
    lines = path.read_text(encoding="utf-8").splitlines()

    def line_of(fragment: str) -> int:
        return next(i for i, line in enumerate(lines, 1) if line.startswith(fragment))

    assert f":{line_of('disclosure_workday')}: [rules].disclosure_workday" in text
    assert "disclosure_workdays" in text  # did you mean
    assert f":{line_of('due_soon_workdays')}: [rules].due_soon_workdays" in text
    assert "不能小于 0" in text
    assert "[rules].news_update_days" in text and "整数" in text
    assert "'wechats'" in text and "website | wechat" in text
    assert "编号 'wechat' 与第 2 项重复" in text
    assert "不是有效的网址" in text and "http://" in text
    assert len(found) == 6


def test_unknown_section_and_syntax_error(write_config) -> None:
    text = "\n".join(problems(write_config(extra="\n[rule]\nx = 1\n")))
    assert "[rule]" in text and "'rules'" in text
    broken = write_config(extra="\n[rules\ndisclosure_workdays = 20\n", name="broken.toml")
    [message] = problems(broken)
    assert "TOML" in message and ":" in message


def test_missing_office_section(write_config) -> None:
    text = "\n".join(problems(write_config('[storage]\npath = "x.json"\n')))
    assert "[office]" in text and "缺少" in text


def test_english_messages_when_locale_is_en(write_config) -> None:
    path = write_config(extra="\n[rules]\nstudy_sessions_per_quarterr = 1\n")
    path.write_text(
        path.read_text(encoding="utf-8").replace("[office]\n", '[office]\nlocale = "en"\n'),
        encoding="utf-8",
    )
    # The locale is only known once the file is read; messages of a broken file stay Chinese
    # by default, so the key and the hint are what matter here.
    text = "\n".join(problems(path))
    assert "study_sessions_per_quarter" in text


def test_check_command_and_app_refuse_a_broken_config_without_traceback(
    write_config, capsys
) -> None:
    path = write_config(extra="\n[rules]\ndisclosure_workdays = -3\n")
    assert main(["--config", str(path), "check"]) == 2
    err = capsys.readouterr().err
    assert "[rules].disclosure_workdays" in err and "Traceback" not in err
    assert main(["--config", str(path)]) == 2  # opening the app: same message, no screen
    assert "[rules].disclosure_workdays" in capsys.readouterr().err


def test_check_ok_is_one_line(config_path, capsys) -> None:
    assert main(["--config", str(config_path), "check"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and out[0].startswith("OK")


def test_paths_are_relative_to_the_config_file(config_path, tmp_path) -> None:
    config = load_config(config_path)
    assert config.data_path == (tmp_path / "data" / "gongkai.json").resolve()
