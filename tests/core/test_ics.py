"""The .ics file parses back with icalendar, with zones, stable UIDs, DTSTAMP and the reminder alarms."""

from __future__ import annotations

import argparse
import datetime as dt
import zoneinfo
from pathlib import Path

import icalendar
import pytest
import time_machine

from bot.cli import deadlines as deadline_cli
from bot.core import commands
from bot.core.deadlines.model import deadline_from_record
from bot.core.desk import Desk
from bot.core.ics import build_calendar, uid_for
from bot.core.permissions import Actor
from bot.core.registry import Context
from tests.conftest import write_court_data

UTC = dt.UTC
AMS = "Europe/Amsterdam"
NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


DEADLINES = (
        "- id: asp25\n  title: 25th session of the Assembly\n  kind: session\n  start: '2026-12-07'\n"
        "  end: '2026-12-12'\n  zone: Europe/Amsterdam\n  sources: [src-a]\n"
        "- id: statements\n  title: Written statements due\n  kind: submission\n  start: '2026-11-02 17:00'\n"
        "  zone: America/New_York\n  link: https://example.org/statements\n  sources: [src-a]\n"
        "  offsets: [7d, 1d, 3h]\n"
        "- id: long-ago\n  title: Over\n  start: '2025-01-01'\n  sources: [src-a]\n"
)


@pytest.fixture
def desk(tmp_path: Path):
    desk = Desk.open(tmp_path / "desk.db", data_root=write_court_data(tmp_path / "data", deadlines=DEADLINES))
    yield desk
    desk.close()


def events(data: bytes) -> dict[str, icalendar.Event]:
    cal = icalendar.Calendar.from_ical(data)
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_calendar_parses_back_with_zones_and_alarms(desk: Desk) -> None:
    data = build_calendar(desk.deadlines.upcoming(NOW, None), default_offsets=["14d", "1d"], now=NOW)
    cal = icalendar.Calendar.from_ical(data)
    assert str(cal["VERSION"]) == "2.0" and "Coalition Desk" in str(cal["PRODID"])
    assert {str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")} == {"America/New_York"}
    found = events(data)
    assert set(found) == {uid_for("asp25"), uid_for("statements")}  # what is over is left out

    session = found[uid_for("asp25")]
    assert session.decoded("DTSTART") == dt.date(2026, 12, 7)
    assert session.decoded("DTEND") == dt.date(2026, 12, 13)  # exclusive: the day after the last day
    assert session.decoded("DTSTAMP").tzinfo is not None
    triggers = sorted(a.decoded("TRIGGER") for a in session.walk("VALARM"))
    # all-day alarms count back from 09:00 on the first day, as the bot's reminders do
    assert triggers == [dt.timedelta(days=-14, hours=9), dt.timedelta(days=-1, hours=9)]

    statements = found[uid_for("statements")]
    start = statements.decoded("DTSTART")
    assert start == dt.datetime(2026, 11, 2, 17, 0, tzinfo=zoneinfo.ZoneInfo("America/New_York"))
    assert statements["DTSTART"].params["TZID"] == "America/New_York"
    assert str(statements["URL"]) == "https://example.org/statements"
    alarms = statements.walk("VALARM")
    assert sorted(a.decoded("TRIGGER") for a in alarms) == [
        dt.timedelta(days=-7), dt.timedelta(days=-1), dt.timedelta(hours=-3)]  # its own offsets win
    assert all(str(a["ACTION"]) == "DISPLAY" and str(a["DESCRIPTION"]) for a in alarms)


def test_uid_and_stamp_are_stable_and_an_edit_bumps_the_sequence(desk: Desk) -> None:
    first = build_calendar(desk.deadlines.upcoming(NOW, None), default_offsets=["1d"], now=NOW)
    again = build_calendar(desk.deadlines.upcoming(NOW, None), default_offsets=["1d"],
                           now=NOW + dt.timedelta(hours=1))
    assert first == again  # same deadlines, same bytes: calendars see no change
    with time_machine.travel(NOW, tick=False):
        desk.deadlines.edit("statements", {"title": "Statements due (extended)"}, Actor.local())
    edited = events(build_calendar(desk.deadlines.upcoming(NOW, None), default_offsets=["1d"], now=NOW))
    before = events(first)
    assert int(edited[uid_for("statements")]["SEQUENCE"]) == int(before[uid_for("statements")]["SEQUENCE"]) + 1
    assert edited[uid_for("statements")].decoded("DTSTAMP") == dt.datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def test_timed_event_with_end_and_a_dst_start_survives(desk: Desk) -> None:
    deadline = deadline_from_record({"id": "x", "title": "X", "start": "2026-03-29 10:00", "end": "2026-03-29 12:30",
                                     "zone": AMS, "link": "https://example.org"})
    event = events(build_calendar([deadline], default_offsets=["1d"], now=NOW))[uid_for("x")]
    assert event.decoded("DTSTART").astimezone(UTC) == dt.datetime(2026, 3, 29, 8, 0, tzinfo=UTC)
    assert event.decoded("DTEND").astimezone(UTC) == dt.datetime(2026, 3, 29, 10, 30, tzinfo=UTC)


def test_calendar_command_and_cli_write_the_same_file(desk: Desk, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    with time_machine.travel(NOW, tick=False):
        reply = commands.run(desk, Context(Actor(id="m", name="Member"), None, None), "deadline calendar", {})
        assert reply.ok and reply.files[0][0] == "coalition-desk.ics"
        parser = argparse.ArgumentParser()
        deadline_cli.add_parser(parser.add_subparsers(dest="command"))
        args = parser.parse_args(["deadlines", "ics", str(tmp_path / "out" / "cal.ics")])
        assert args.func(args, desk) == 0
        args = parser.parse_args(["deadlines", "list", "--days", "300"])
        assert args.func(args, desk) == 0
    assert set(events(reply.files[0][1])) == set(events((tmp_path / "out" / "cal.ics").read_bytes()))
    out = capsys.readouterr().out
    assert "wrote" in out and "statements" in out and out.index("statements") < out.index("asp25")
