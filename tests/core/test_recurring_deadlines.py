"""A moderator schedules the monthly coalition call once: it repeats (an iCalendar RRULE expanded with
python-dateutil), each occurrence gets its reminders on its own wall clock, one occurrence can be cancelled or
moved, and the calendar file carries the rule. Real SQLite, the real dispatcher, time-machine for time."""

from __future__ import annotations

import datetime as dt
from typing import Any

import icalendar
import pytest
import time_machine

from bot.core import commands
from bot.core.datafiles import load_yaml
from bot.core.deadlines.model import deadline_from_record
from bot.core.deadlines.recurrence import occurrences
from bot.core.deadlines.rules import parse_repeat
from bot.core.desk import Desk
from bot.core.models import InputError
from bot.core.reminders.senders import RecordingSender

from .test_reminders import at, mod, rows, run, service_for


def monthly_call(desk: Desk, **more: object) -> None:
    run(desk, "reminders channel", channel_id="c111")
    run(desk, "deadline add", id="coalition-call", title="Monthly coalition call", start="2026-03-05 15:00",
        sources="src-a", offsets="1d", repeat="monthly x6", server_only="yes", **more)


@pytest.mark.parametrize(("typed", "rule"), [
    ("monthly x12", "FREQ=MONTHLY;COUNT=12"), ("weekly until 2026-06-30", "FREQ=WEEKLY;UNTIL=20260630"),
    ("yearly 5 times", "FREQ=YEARLY;COUNT=5"),
    ("every 2 weeks until 2026-12-31", "FREQ=WEEKLY;INTERVAL=2;UNTIL=20261231"),
    ("RRULE:FREQ=MONTHLY;COUNT=3", "FREQ=MONTHLY;COUNT=3"), ("none", None),
])
def test_repeat_is_read_into_an_rrule(typed: str, rule: str | None) -> None:
    assert parse_repeat(typed, dt.date(2026, 3, 5)) == rule


@pytest.mark.parametrize(("typed", "says"), [
    ("monthly", "an end date or a number of times"), ("daily x5", "not a rule like"),
    ("FREQ=DAILY;COUNT=3", "yearly, monthly or weekly"), ("monthly x1", "from 2 to 200"),
    ("weekly until 2026-03-01", "not after the first occurrence"), ("FREQ=MONTHLY;BYDAY=MO;COUNT=3", "BYDAY"),
])
def test_a_rule_without_an_end_or_beyond_what_is_supported_is_refused(typed: str, says: str) -> None:
    with pytest.raises(InputError, match=says):
        parse_repeat(typed, dt.date(2026, 3, 5))


def test_occurrences_keep_the_wall_clock_across_daylight_saving() -> None:
    d = deadline_from_record({"id": "call", "title": "Call", "start": "2026-03-05 15:00", "repeat": "monthly x3",
                              "zone": "Europe/Amsterdam"})
    assert [o.start_utc.hour for o in occurrences(d)] == [14, 13, 13]  # 15:00 CET, then 15:00 CEST
    assert [o.occurrence for o in occurrences(d)] == ["2026-03-05", "2026-04-05", "2026-05-05"]


async def test_each_occurrence_is_reminded_and_one_can_be_cancelled_or_moved(desk: Desk,
                                                                             clock: time_machine.Coordinates) -> None:
    monthly_call(desk)
    assert {r["offset"] for r in rows(desk)} == {f"1d@2026-{m:02d}-05" for m in range(3, 9)}
    listed = run(desk, "deadlines", days="10")
    assert "Monthly coalition call" in listed and f"<t:{int(at(2026, 3, 5, 14).timestamp())}:F>" in listed

    sender = RecordingSender()
    service = service_for(desk, sender, [])
    await service.start()
    clock.move_to(at(2026, 3, 4, 14, 1))
    await service.dispatch_due()
    assert len(sender.posts) == 1 and f"<t:{int(at(2026, 3, 5, 14).timestamp())}:F>" in sender.posts[0].text
    assert "Reminder 1 of 1" in sender.posts[0].text

    clock.move_to(at(2026, 3, 10))
    text = run(desk, "deadline skip", id="coalition-call", date="2026-04-05", reason="Easter")
    assert "2026-04-05 occurrence" in text and "cancelled" in text
    assert "cancellation notice" not in text, "nobody was reminded of the April call yet"
    run(desk, "deadline move", id="coalition-call", date="2026-05-05", to="2026-05-07 16:00", reason="holiday")
    assert "Cancelled: 2026-04-05" in run(desk, "deadline show", id="coalition-call")
    assert "Moved: 2026-05-05 → 2026-05-07 16:00" in run(desk, "deadline show", id="coalition-call")
    states = {r["offset"]: r["state"] for r in rows(desk)}
    assert states["1d@2026-04-05"] == "cancelled" and states["1d@2026-06-05"] == "pending"
    moved = next(r for r in rows(desk) if r["offset"] == "1d@2026-05-05")
    assert moved["due_utc"].startswith("2026-05-06T14:00")  # 16:00 CEST the day before the new time

    clock.move_to(at(2026, 4, 4, 13, 1))
    await service.dispatch_due()
    assert len(sender.posts) == 1, "the cancelled occurrence is not reminded"
    clock.move_to(at(2026, 5, 6, 14, 1))
    await service.dispatch_due()
    assert len(sender.posts) == 2 and f"<t:{int(at(2026, 5, 7, 14).timestamp())}:F>" in sender.posts[1].text

    refused = commands.run(desk, mod(), "deadline skip", {"id": "coalition-call", "date": "2026-04-06",
                                                          "reason": "x"})
    assert not refused.ok and "no occurrence on 2026-04-06" in refused.text and "2026-06-05" in refused.text


def test_the_calendar_file_carries_the_rule_the_cancelled_dates_and_the_moved_occurrence(
        desk: Desk, clock: time_machine.Coordinates) -> None:
    monthly_call(desk)
    run(desk, "deadline skip", id="coalition-call", date="2026-04-05", reason="Easter")
    run(desk, "deadline move", id="coalition-call", date="2026-05-05", to="2026-05-07 16:00", reason="holiday")
    reply = commands.run(desk, mod(), "deadline calendar", {})
    cal = icalendar.Calendar.from_ical(reply.files[0][1])
    events = [e for e in cal.walk("VEVENT") if str(e["uid"]).startswith("coalition-call@")]
    series = next(e for e in events if "rrule" in e)
    assert series["rrule"]["FREQ"] == ["MONTHLY"] and series["rrule"]["COUNT"] == [6]
    assert series["dtstart"].dt == dt.datetime(2026, 3, 5, 15, 0, tzinfo=series["dtstart"].dt.tzinfo)
    assert [d.dt.date() for d in series["exdate"].dts] == [dt.date(2026, 4, 5)]
    moved = next(e for e in events if "recurrence-id" in e)
    assert moved["recurrence-id"].dt.date() == dt.date(2026, 5, 5) and moved["dtstart"].dt.day == 7
    assert len(events) == 2


def test_the_data_file_round_trip_keeps_the_rule(desk: Desk, clock: time_machine.Coordinates) -> None:
    monthly_call(desk)
    run(desk, "deadline skip", id="coalition-call", date="2026-04-05", reason="Easter")
    exported = load_yaml(desk.export_files()["deadlines.yaml"], "deadlines.yaml")
    record = next(r for r in exported if r["id"] == "coalition-call")
    assert record["repeat"] == "FREQ=MONTHLY;COUNT=6" and record["skip"] == ["2026-04-05"]
    assert deadline_from_record(dict(record)).record() == desk.deadlines.require("coalition-call").record()
    with pytest.raises(InputError, match="not one of the dates"):
        deadline_from_record({**record, "skip": ["2026-04-06"]})


def test_past_and_upcoming_listings_show_the_occurrence_not_the_first_date(desk: Desk,
                                                                          clock: time_machine.Coordinates) -> None:
    monthly_call(desk)
    clock.move_to(at(2026, 4, 20))
    upcoming = run(desk, "deadlines", days="30")
    assert f"<t:{int(at(2026, 5, 5, 13).timestamp())}:F>" in upcoming
    assert "next" in run(desk, "deadline show", id="coalition-call")


async def reminded_of_the_march_call(desk: Desk, clock: time_machine.Coordinates) -> tuple[RecordingSender, Any]:
    """The monthly call, its 5 March occurrence reminded on 4 March in channel c111."""
    monthly_call(desk)
    sender = RecordingSender()
    service = service_for(desk, sender, [])
    await service.start()
    clock.move_to(at(2026, 3, 4, 14, 1))
    await service.dispatch_due()
    assert len(sender.posts) == 1, "the 5 March call was reminded the day before"
    return sender, service


async def test_moving_an_occurrence_already_reminded_tells_the_channel_its_new_time(
        desk: Desk, clock: time_machine.Coordinates) -> None:
    sender, service = await reminded_of_the_march_call(desk, clock)

    text = run(desk, "deadline move", id="coalition-call", date="2026-03-05", to="2026-03-06 16:00",
               reason="speaker ill")
    assert "A rescheduled notice goes to 1 channel(s)" in text
    assert "rescheduled notice" not in run(desk, "deadline move", id="coalition-call", date="2026-06-05",
                                           to="2026-06-06 15:00", reason="holiday"), "nobody was reminded of it yet"
    await service.dispatch_due()
    notice = sender.posts[1]
    assert notice.channel_id == "c111" and "has been rescheduled" in notice.text
    assert f"<t:{int(at(2026, 3, 6, 15).timestamp())}:F>" in notice.text, "the occurrence's new time, 16:00 CET"
    await service.dispatch_due()
    assert len(sender.posts) == 2, "once"

    run(desk, "config language", language="fr")  # a French server gets the notice in French
    run(desk, "deadline move", id="coalition-call", date="2026-03-05", to="2026-03-06 17:00", reason="again")
    await service.dispatch_due()
    assert "a été reporté : c'est désormais" in sender.posts[2].text, sender.posts[2].text


async def test_skipping_an_occurrence_already_reminded_tells_the_channel_once(
        desk: Desk, clock: time_machine.Coordinates) -> None:
    sender, service = await reminded_of_the_march_call(desk, clock)

    text = run(desk, "deadline skip", id="coalition-call", date="2026-03-05", reason="speaker ill")
    assert "A cancellation notice goes to 1 channel(s)" in text
    await service.dispatch_due()
    notice = sender.posts[1]
    assert notice.channel_id == "c111" and "has been cancelled" in notice.text and "speaker ill" in notice.text
    assert f"<t:{int(at(2026, 3, 5, 14).timestamp())}:F>" in notice.text, "the skipped occurrence's time"
    await service.dispatch_due()
    assert len(sender.posts) == 2, "once"

