"""New web items mark register items published; anything uncertain waits for a person."""

from __future__ import annotations

import datetime as dt

import pytest

from checks.poller import poll_sources_sync
from checks.poller.match import confirm_match, pending_matches
from tests.poll_helpers import sources_config, workspace_at
from tests.web_fixtures import LocalSite, list_page
from tracker.records import PublicationItem
from tracker.records.web import open_web_store

DAY = dt.date(2026, 11, 5)
PUBLICATIONS = """
[[publications]]
id = "dibao"
title = "每月低保名单公示"
match = "低保"
source = "zl"
every = "month"
due_day = 10
"""


@pytest.fixture
def site():
    with LocalSite() as running:
        yield running


def setup(write_config, site):
    config = write_config(
        extra=sources_config(
            [{"id": "zl", "url": site.url("/msjz/"), "category": "other"}], extra=PUBLICATIONS
        )
    )
    site.add("/msjz/", list_page([("old.html", "九月低保名单公示", "2026-09-08")]))
    poll_sources_sync(workspace_at(config, DAY - dt.timedelta(days=1)))  # watching begins
    return config


def register(ws, period: str, title: str = "11月低保名单") -> PublicationItem:
    return ws.store.insert(
        PublicationItem(title=title, formed=dt.date(2026, 11, 1), rule="dibao", period=period)
    )


def test_one_to_one_match_marks_the_item_published(write_config, site) -> None:
    config = setup(write_config, site)
    ws = workspace_at(config, DAY)
    item = register(ws, "2026-11")
    site.add("/msjz/", list_page([("new.html", "镇罗镇2026年11月低保名单公示", "2026-11-04")]))
    poll_sources_sync(ws)
    done = ws.store.get(PublicationItem, item.id)
    assert done.status == "published" and done.published == dt.date(2026, 11, 4)
    assert done.url == site.url("/msjz/new.html")


def test_two_candidates_are_listed_not_guessed_then_confirmed(write_config, site) -> None:
    config = setup(write_config, site)
    ws = workspace_at(config, DAY)
    first, second = register(ws, "2026-11", "甲村低保"), register(ws, "2026-11", "乙村低保")
    site.add("/msjz/", list_page([("new.html", "11月低保名单公示", "2026-11-04")]))
    poll_sources_sync(ws)
    assert {i.status for i in ws.store.all(PublicationItem)} == {"pending"}
    web = open_web_store(ws.store)
    [pending] = pending_matches(web)
    assert {c["id"] for c in pending["candidates"]} == {first.id, second.id}
    confirm_match(ws.store, web, pending["url"], second.id)
    assert ws.store.get(PublicationItem, second.id).status == "published"
    assert ws.store.get(PublicationItem, first.id).status == "pending"
    assert pending_matches(web) == []


def test_previous_period_is_only_a_suggestion(write_config, site) -> None:
    config = setup(write_config, site)
    ws = workspace_at(config, DAY)
    october = register(ws, "2026-10", "10月低保名单")
    site.add("/msjz/", list_page([("new.html", "10月低保名单公示", "2026-11-03")]))
    poll_sources_sync(ws)
    assert ws.store.get(PublicationItem, october.id).status == "pending"
    [pending] = pending_matches(open_web_store(ws.store))
    assert [c["id"] for c in pending["candidates"]] == [october.id]
