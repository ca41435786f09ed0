"""The calendar feeds: the deadlines for every server at /calendar.ics, each server's own at its secret address
(and nowhere else), caching headers with conditional GET, a feed that follows every move and cancellation,
and the deadlines as JSON; /healthz."""

from __future__ import annotations

import datetime as dt
import os
import zoneinfo

import icalendar
from aiohttp.test_utils import TestClient

from bot.core import commands
from bot.core.desk import Desk
from bot.core.feeds import ensure_feed, feed_for, guild_for_token
from bot.core.health import check_health
from bot.core.permissions import Actor
from bot.core.registry import Context, Reply
from bot.core.timeutil import utcnow
from bot.web.middleware import Probe
from tests.web.conftest import serve

A, B = "1001", "2002"
AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")


def operator() -> Context:
    return Context(Actor(id="op", name="Operator", operator=True), None, "cli")


def moderator(guild: str) -> Context:
    return Context(Actor(id=f"mod-{guild}", name=f"Mod {guild}", guild_id=guild, manage_server=True), guild, "c")


def run(desk: Desk, ctx: Context, name: str, **args: object) -> Reply:
    reply = commands.run(desk, ctx, name, args)
    assert reply.ok, reply.text
    return reply


def when(days: int, hour: int = 10) -> str:
    day = (utcnow() + dt.timedelta(days=days)).astimezone(AMS).date()
    return f"{day.isoformat()} {hour:02d}:00"


def add(desk: Desk, ctx: Context, deadline_id: str, days: int, **more: object) -> None:
    run(desk, ctx, "deadline add", id=deadline_id, title=f"Title of {deadline_id}", start=when(days),
        zone="Europe/Amsterdam", link="https://example.org/call", **more)


def reminded(desk: Desk, guild: str) -> None:
    """The server gets reminders, those for every server included: there are reminder rows to report on."""
    run(desk, moderator(guild), "reminders channel", channel_id="<#555>")
    run(desk, moderator(guild), "reminders network", state="on")


def events(body: bytes) -> dict[str, icalendar.Event]:
    cal = icalendar.Calendar.from_ical(body)
    return {str(e["uid"]).split("@")[0]: e for e in cal.walk("VEVENT")}


async def test_the_network_feed_holds_every_servers_deadlines_and_no_servers_own(web: TestClient,
                                                                               desk: Desk) -> None:
    add(desk, operator(), "network-call", 10)
    add(desk, moderator(A), "a-private", 12, server_only="yes")
    response = await web.get("/calendar.ics")
    assert response.status == 200 and response.content_type == "text/calendar"
    assert response.headers["Cache-Control"].startswith("public")
    found = events(await response.read())
    assert "network-call" in found and "a-private" not in found
    alarms = found["network-call"].walk("VALARM")
    assert len(alarms) == 4, "the default offsets 14d, 7d, 1d, 2h"
    api = await (await web.get("/api/deadlines")).json()
    assert [d["id"] for d in api["deadlines"]] == ["network-call"]
    assert api["deadlines"][0]["zone"] == "Europe/Amsterdam"
    assert (await web.get("/api/deadlines", params={"days": "zero"})).status == 400


async def test_each_server_reads_its_own_deadlines_only_through_its_secret_address(web: TestClient,
                                                                                desk: Desk) -> None:
    add(desk, operator(), "network-call", 10)
    add(desk, moderator(A), "a-private", 12, server_only="yes")
    add(desk, moderator(B), "b-private", 14, server_only="yes")
    run(desk, moderator(B), "reminders offsets", offsets="3d")
    feed_a, feed_b = ensure_feed(desk.db, A), ensure_feed(desk.db, B)
    assert feed_a.token != feed_b.token and len(feed_a.token) == 32
    response = await web.get(feed_a.path)
    assert response.status == 200 and response.headers["Cache-Control"].startswith("private")
    assert set(events(await response.read())) == {"network-call", "a-private"}
    b_events = events(await (await web.get(feed_b.path)).read())
    assert set(b_events) == {"network-call", "b-private"}
    assert len(b_events["network-call"].walk("VALARM")) == 1, "alarms follow the server's own offsets"
    b_etag = (await web.get(feed_b.path)).headers["ETag"]
    run(desk, moderator(B), "reminders offsets", offsets="3d,1d")
    changed = await web.get(feed_b.path, headers={"If-None-Match": b_etag})
    assert changed.status == 200 and len(events(await changed.read())["network-call"].walk("VALARM")) == 2
    for path in ("/calendar/" + "x" * 32 + ".ics", "/calendar/short.ics", feed_a.path.replace(".ics", "")):
        assert (await web.get(path)).status == 404, path

    old = feed_a.path
    rotated = ensure_feed(desk.db, A, rotate=True)
    assert rotated.token != feed_a.token and feed_for(desk.db, A) == rotated
    assert (await web.get(old)).status == 404, "the old address ends at once"
    assert (await web.get(rotated.path)).status == 200
    assert guild_for_token(desk.db, rotated.token) == A and guild_for_token(desk.db, feed_a.token) is None


async def test_the_feed_follows_moves_and_cancellations_and_answers_conditional_requests(web: TestClient,
                                                                                       desk: Desk) -> None:
    add(desk, operator(), "network-call", 10)
    add(desk, operator(), "network-vote", 20)
    first = await web.get("/calendar.ics")
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    before = events(await first.read())
    assert (await web.get("/calendar.ics", headers={"If-None-Match": etag})).status == 304
    assert (await web.get("/calendar.ics", headers={"If-Modified-Since": modified})).status == 304
    same = await web.get("/calendar.ics", headers={"If-None-Match": '"something-else"'})
    assert same.status == 200 and same.headers["ETag"] == etag, "an unchanged feed keeps its ETag"

    run(desk, operator(), "deadline edit", id="network-call", start=when(11, 15), reason="moved a day")
    moved = await web.get("/calendar.ics", headers={"If-None-Match": etag})
    assert moved.status == 200 and moved.headers["ETag"] != etag
    after = events(await moved.read())
    assert after["network-call"]["dtstart"].dt != before["network-call"]["dtstart"].dt
    assert after["network-call"]["dtstart"].dt.hour == 15 and int(after["network-call"]["sequence"]) == 1

    run(desk, operator(), "deadline cancel", id="network-vote", reason="called off")
    cancelled = await web.get("/calendar.ics", headers={"If-None-Match": moved.headers["ETag"]})
    assert cancelled.status == 200 and set(events(await cancelled.read())) == {"network-call"}


async def test_healthz_says_what_is_wrong(desk: Desk) -> None:
    up = {"gateway": True, "leading": True}
    web = await serve(desk, Probe(gateway=lambda: up["gateway"], leading=lambda: up["leading"]))
    try:
        add(desk, operator(), "network-call", 10)
        reminded(desk, A)
        response = await web.get("/healthz")
        body = await response.json()
        assert response.status == 200 and body["ok"] is True, body
        assert (body["database"], body["gateway"], body["dispatcher"]) == ("ok", "connected", "leading")
        assert body["next_reminder_due"] is not None and body["last_reminder_sent"] is None
        assert response.headers["Cache-Control"] == "no-store"

        up["gateway"] = False
        body = await (await web.get("/healthz")).json()
        assert body["gateway"] == "disconnected" and "gateway" in body["problems"][0]
        up["gateway"], up["leading"] = True, False
        down = await web.get("/healthz")
        assert down.status == 503 and (await down.json())["dispatcher"] == "not leading"

        up["leading"] = True
        os.rename(desk.db.path, f"{desk.db.path}.moved")  # the file is gone from under the running process
        gone = await web.get("/healthz")
        body = await gone.json()
        assert gone.status == 503 and body["database"] == "failing", body
        assert str(desk.db.path) not in str(body), "no paths on a public page"
        os.rename(f"{desk.db.path}.moved", desk.db.path)
        assert (await web.get("/healthz")).status == 200
    finally:
        await web.close()


def test_a_reminder_left_overdue_by_the_dispatcher_is_a_problem(desk: Desk) -> None:
    add(desk, operator(), "network-call", 10)
    reminded(desk, A)
    due = desk.deadlines.next_reminder_due()
    assert due is not None
    assert check_health(desk, leading=True, now=due + dt.timedelta(minutes=9)).ok
    late = check_health(desk, leading=True, now=due + dt.timedelta(minutes=11))
    assert not late.ok and "has not been sent" in late.problems[0]


async def test_healthz_of_the_site_alone_checks_the_database_only(web: TestClient) -> None:
    body = await (await web.get("/healthz")).json()
    assert body["ok"] and body["gateway"] is None and body["dispatcher"] is None
