"""Each consistency rule of the annual tables fires, naming the cells; the export then stops."""

from __future__ import annotations

import datetime as dt

from checks.annual import applications_grid, cases_grid, validate
from tracker.records import Application, DisclosureCase
from tui.cli import main

D = dt.date


def register() -> list[Application]:
    return [
        Application(
            request="申请公开征地补偿方案", received=D(2024, 12, 20), applicant_type="business"
        ),  # 2024 → carried over
        Application(
            request="申请公开征地补偿方案",
            received=D(2025, 3, 2),
            outcome="granted",
            answered=D(2025, 3, 20),
        ),
        Application(
            request="申请公开征地补偿方案",
            received=D(2025, 5, 2),
            applicant_type="legal_service",
            outcome="other_no_fee",
            answered=D(2025, 6, 1),
        ),
        Application(
            request="申请公开征地补偿方案", received=D(2025, 12, 25)
        ),  # still open at the end of 2025
    ]


def grids(template: str = "2021"):
    three = applications_grid(register(), 2025, template)
    four = cases_grid(
        [
            DisclosureCase(
                kind="review", filed=D(2025, 2, 1), result="upheld", decided=D(2025, 4, 1)
            ),
            DisclosureCase(kind="lawsuit_direct", filed=D(2025, 11, 1)),
        ],
        2025,
    )
    return three, four


def test_the_register_gives_consistent_tables() -> None:
    three, four = grids()
    assert validate(three, four) == []
    assert three.get("new", "total") == 3 and three.get("carried_over", "business") == 1
    assert three.get("carry_forward", "business") == 1  # received 2024, still unanswered
    assert three.get("carry_forward", "natural_person") == 1
    assert three.get("other_no_fee", "legal_service") == 1
    assert four.get("count", "review.upheld") == 1 and four.get("count", "review.total") == 1
    assert four.get("count", "lawsuit_direct.pending") == 1


def test_2019_folds_the_three_other_rows_into_one() -> None:
    three, four = grids("2019")
    assert three.get("other", "legal_service") == 1
    assert validate(three, four) == []


def test_one_plus_two_must_equal_seven_plus_four() -> None:
    three, four = grids()
    three.set("new", "natural_person", three.get("new", "natural_person") + 1)
    three.set("new", "total", three.get("new", "total") + 1)
    problems = validate(three, four)
    assert len(problems) == 2  # the 自然人 column and the 总计 column
    text = str(problems[0])
    assert "一+二" in text and "自然人" in text
    assert "表三 一 行 自然人 列" in problems[0].cells
    assert "表三 三(七)总计 行 自然人 列" in problems[0].cells


def test_seven_must_be_the_sum_of_the_leaf_rows() -> None:
    three, four = grids()
    three.set("withheld_law", "research", 1)
    three.set("withheld_law", "total", 1)
    problems = validate(three, four)
    assert {p.rule for p in problems} == {"表三 (七)总计 = (一)…(六)之和"}
    assert [p.cells for p in problems] == [
        ("表三 三(七)总计 行 科研机构 列",),
        ("表三 三(七)总计 行 总计 列",),
    ]


def test_total_column_must_be_the_six_columns() -> None:
    three, four = grids()
    three.set("granted", "total", 5)
    rules = {p.rule for p in validate(three, four)}
    assert "表三 总计列 = 自然人 + 五类法人或其他组织" in rules
    cells = [c for p in validate(three, four) for c in p.cells]
    assert "表三 三、本年度办理结果 （一）予以公开 行 总计 列" in cells


def test_table_four_total_must_be_the_four_results() -> None:
    three, four = grids()
    four.set("count", "lawsuit_after_review.total", 2)
    problems = validate(three, four)
    assert len(problems) == 1 and "表四" in problems[0].rule
    assert "复议后起诉" in problems[0].cells[0] and "总计" in problems[0].cells[0]


def test_carried_over_must_equal_last_years_carry_forward() -> None:
    three, four = grids()
    problems = validate(three, four, {"business": 0, "total": 0})
    cells = sorted(c for p in problems for c in p.cells)
    assert cells == ["表三 二 行 商业企业 列", "表三 二 行 总计 列"]


def test_export_stops_and_names_the_cells_unless_forced(config_path, tmp_path, capsys) -> None:
    from tracker.clock import Clock
    from tracker.records import AnnualFigures
    from tracker.workspace import open_workspace

    ws = open_workspace(config_path, Clock.on(D(2026, 1, 10)))
    for app in register():
        ws.store.insert(app)
    # last year's report said 2 applications were carried forward; the register says 1
    ws.store.insert(AnnualFigures(year=2024, published_carry_forward=[1, 1, 0, 0, 0, 0, 2]))
    out = tmp_path / "r.md"
    args = ["--config", str(config_path), "export", "--report", "annual", "--year", "2025",
            "--format", "md", "--out", str(out), "--today", "2026-01-10"]  # fmt: skip
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "表三 二 行 自然人 列" in err and "--force" in err
    assert not out.exists()
    assert main([*args, "--force"]) == 0
    text = out.read_text(encoding="utf-8")
    first_page = text.split("## 一、总体情况")[0]
    assert "不一致" in first_page and "表三 二 行 自然人 列" in first_page
