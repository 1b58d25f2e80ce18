"""Deadlines: answering applications (补正 resets, extension, third party) and the annual report."""

from __future__ import annotations

import datetime as dt

from checks.context import RuleContext, Snapshot
from checks.rules import evaluate
from checks.rules.annual import annual_report_deadline
from checks.rules.applications import application_deadlines
from tracker.records import AnnualFigures, Application, PublicationItem

D = dt.date
TODAY = D(2026, 11, 24)


def ctx(ws, today: dt.date, **records) -> RuleContext:
    return RuleContext(today, ws.config, ws.calendar, Snapshot(**records))


def due_of(ws, app: Application, today: dt.date = TODAY) -> dt.date | None:
    app.id = 1
    found = application_deadlines(ctx(ws, today, applications=[app]))
    return found[0].due if found else None


def test_answer_within_20_working_days_of_receipt(ws) -> None:
    # received Monday 2026-11-02: the 20th working day after is Monday 2026-11-30
    assert due_of(ws, Application(request="申请公开征地补偿方案", received=D(2026, 11, 2))) == D(
        2026, 11, 30
    )


def test_extension_adds_20_working_days(ws) -> None:
    assert due_of(
        ws, Application(request="申请公开征地补偿方案", received=D(2026, 11, 2), extended=True)
    ) == D(2026, 12, 28)


def test_correction_resets_the_clock_from_the_day_it_is_received(ws) -> None:
    waiting = Application(
        request="申请公开征地补偿方案", received=D(2026, 11, 2), correction_requested=D(2026, 11, 4)
    )
    assert due_of(ws, waiting) is None  # the applicant holds the clock
    fixed = waiting.replace(correction_received=D(2026, 11, 9))
    assert due_of(ws, fixed) == D(2026, 12, 7)


def test_third_party_days_are_not_counted(ws) -> None:
    assert due_of(
        ws, Application(request="申请公开征地补偿方案", received=D(2026, 11, 2), third_party_days=5)
    ) == D(2026, 12, 7)


def test_answered_applications_have_no_deadline(ws) -> None:
    done = Application(
        request="申请公开征地补偿方案",
        received=D(2026, 11, 2),
        outcome="granted",
        answered=D(2026, 11, 10),
    )
    assert due_of(ws, done) is None


def test_overdue_application_is_a_flag_citing_article_33(ws) -> None:
    app = Application(request="申请公开征地补偿方案", received=D(2026, 9, 1), number="2026-01")
    app.id = 7
    flags = [
        f
        for f in evaluate(ctx(ws, D(2026, 11, 24), applications=[app]))
        if f.subject == "applications"
    ]
    assert len(flags) == 1 and flags[0].kind == "overdue" and flags[0].id == "7"
    assert "第三十三条" in str(flags[0].rule) and "2026-01" in flags[0].title


def test_annual_report_due_january_31_until_recorded_published(ws) -> None:
    found = annual_report_deadline(ctx(ws, D(2026, 1, 5)))
    assert [(d.subject, d.id, d.due) for d in found] == [("annual_report", "2025", D(2026, 1, 31))]
    published = PublicationItem(title="2025年度报告", formed=D(2026, 1, 20), rule="annual-report",
                                period="2025", status="published", published=D(2026, 1, 25))  # fmt: skip
    assert annual_report_deadline(ctx(ws, D(2026, 1, 5), items=[published])) == []
    figures = AnnualFigures(year=2025, report_published=D(2026, 1, 28))
    assert annual_report_deadline(ctx(ws, D(2026, 2, 5), annual_figures=[figures])) == []


def test_annual_report_overdue_only_for_a_year_gongkai_knows(ws) -> None:
    assert annual_report_deadline(ctx(ws, D(2026, 3, 1))) == []  # fresh install, nothing of 2025
    known = [AnnualFigures(year=2025)]
    found = annual_report_deadline(ctx(ws, D(2026, 3, 1), annual_figures=known))
    assert found and found[0].due == D(2026, 1, 31)


def test_application_record_refuses_inconsistent_dates() -> None:
    import pytest

    from tracker.errors import ValidationError

    with pytest.raises(ValidationError) as e:
        Application.from_input(
            {
                "request": "x",
                "received": "2026-11-02",
                "answered": "2026-11-01",
                "outcome": "granted",
            }
        )
    assert e.value.field == "answered"
    with pytest.raises(ValidationError) as e:
        Application.from_input({"request": "x", "received": "2026-11-02", "answered": "2026-11-05"})
    assert e.value.field == "outcome"
    with pytest.raises(ValidationError) as e:
        AnnualFigures.from_input({"year": 2025, "boards": "扶贫 三十"})
    assert e.value.field == "boards"
    assert AnnualFigures.from_input({"year": 2025, "permits_change": "-2"}).permits_change == "-2"


def test_correction_request_after_7_working_days_is_a_warning(ws) -> None:
    from checks.rules.applications import late_correction_requests
    from checks.status import context_for

    ws.store.insert(
        Application(
            request="申请公开征地补偿方案",
            received=D(2026, 11, 2),
            correction_requested=D(2026, 11, 11),  # 7 working days after: fine
        )
    )
    assert late_correction_requests(context_for(ws, D(2026, 11, 24))) == []
    ws.store.insert(
        Application(
            request="申请公开拆迁安置方案",
            received=D(2026, 11, 2),
            correction_requested=D(2026, 11, 12),  # 8 working days after
        )
    )
    [flag] = late_correction_requests(context_for(ws, D(2026, 11, 24)))
    assert flag.kind == "warning" and "8 个工作日" in flag.title


def test_third_party_days_are_capped_by_the_setting(ws) -> None:
    long_wait = Application(request="x", received=D(2026, 11, 2), third_party_days=40)
    capped = Application(request="x", received=D(2026, 11, 2), third_party_days=15)
    assert due_of(ws, long_wait) == due_of(ws, capped)
