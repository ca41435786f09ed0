"""An .ics calendar of upcoming deadlines, with alarms at their reminder offsets, for any calendar app.

Timed events carry their own zone (TZID plus a generated VTIMEZONE), so an app shows 10:00 Amsterdam as the
reader's own local time; all-day events are DATE values (DTEND is the day after the last day, as RFC 5545 says).
UIDs are stable per deadline and SEQUENCE is its revision, so re-importing updates an event instead of adding a
copy. A repeating deadline is one event with its RRULE and EXDATEs (cancelled occurrences), plus an event with the
same UID and a RECURRENCE-ID for each moved occurrence, so a calendar app shows the series as the bot reminds it.
Alarms mirror the bot: day offsets are nominal days (-P1D keeps the wall-clock time across a change), hour offsets
exact time; all-day alarms count back from 09:00 on the first day, as the bot's reminders do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import icalendar

from bot.core.deadlines.model import ALL_DAY_ANCHOR, KIND_LABELS, Deadline, Offset
from bot.core.deadlines.recurrence import ical_rule, occurrence_of, original_start, series
from bot.core.timeutil import UTC, from_iso, utcnow

PRODID = "-//Coalition Desk//Deadlines//EN"
UID_DOMAIN = "coalition-desk"


def uid_for(deadline_id: str) -> str:
    return f"{deadline_id}@{UID_DOMAIN}"


def _trigger(deadline: Deadline, offset: str) -> dt.timedelta:
    off = Offset.parse(offset)
    anchor = dt.timedelta(hours=ALL_DAY_ANCHOR.hour, minutes=ALL_DAY_ANCHOR.minute) if deadline.all_day else \
        dt.timedelta(0)
    days = off.calendar_days
    if days is not None:
        return anchor - dt.timedelta(days=days)
    return anchor - dt.timedelta(minutes=off.approx_minutes)


def build_calendar(deadlines: Iterable[Deadline], *, default_offsets: list[str], name: str = "Coalition Desk",
                   now: dt.datetime | None = None) -> bytes:
    """The calendar as bytes. Each deadline's alarms use its own offsets, else `default_offsets`."""
    now = now or utcnow()
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"{name} deadlines")
    for deadline in deadlines:
        if deadline.repeat:  # the series with its rule, cancelled dates and one event per moved occurrence
            whole = series(deadline)
            cal.add_component(_event(whole, default_offsets, now))
            for key in whole.moved:
                moved = occurrence_of(whole, key)
                if moved is not None and key not in whole.skip:
                    cal.add_component(_event(moved, default_offsets, now))
            continue
        cal.add_component(_event(deadline, default_offsets, now))
    cal.add_missing_timezones()
    return cal.to_ical()


def _event(deadline: Deadline, default_offsets: list[str], now: dt.datetime) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", uid_for(deadline.id))
    # DTSTAMP is when this version of the event was made: the last change, so an unchanged event stays identical
    event.add("dtstamp", from_iso(deadline.updated_at) if deadline.updated_at else now.astimezone(UTC))
    event.add("sequence", max(deadline.rev - 1, 0))
    event.add("summary", deadline.title)
    if deadline.occurrence is not None:  # a moved occurrence: the same UID, the rule's date as RECURRENCE-ID
        original = original_start(deadline, deadline.occurrence)
        event.add("recurrence-id", original.date() if deadline.all_day else original)
    elif deadline.repeat:
        event.add("rrule", ical_rule(deadline))
        for key in deadline.skip:
            skipped = original_start(deadline, key)
            event.add("exdate", skipped.date() if deadline.all_day else skipped)
    if deadline.all_day:
        event.add("dtstart", deadline.start.date())
        last = (deadline.end or deadline.start).date()
        event.add("dtend", last + dt.timedelta(days=1))
    else:
        event.add("dtstart", deadline.start)
        if deadline.end is not None:
            event.add("dtend", deadline.end)
    description = deadline.description
    if deadline.sources:
        description = (description + "\n\n" if description else "") + "Sources: " + ", ".join(deadline.sources)
    if description:
        event.add("description", description)
    if deadline.link:
        event.add("url", deadline.link)
    event.add("categories", [KIND_LABELS.get(deadline.kind, deadline.kind)])
    event.add("status", "CANCELLED" if deadline.status == "cancelled" else "CONFIRMED")
    if deadline.status == "active":
        for offset in deadline.offsets or default_offsets:
            alarm = icalendar.Alarm()
            alarm.add("uid", f"{deadline.id}-{offset}@{UID_DOMAIN}")
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"{deadline.title} ({offset} before)")
            alarm.add("trigger", _trigger(deadline, offset))
            event.add_component(alarm)
    return event
