"""Deadlines that repeat: the annual Assembly session, a monthly coalition call, a weekly drafting meeting.

The rule is kept as an iCalendar RRULE (`FREQ=MONTHLY;COUNT=12`, `FREQ=WEEKLY;INTERVAL=2;UNTIL=20270630`), the
form calendar apps read, and expanded with python-dateutil's `rrule`, not by hand. It is expanded on the
deadline's wall clock (10:00 Amsterdam stays 10:00 Amsterdam across daylight saving) and then resolved in its zone,
as single deadlines are. Every rule ends, with an end date or a count, so no expansion is unbounded.

One occurrence is known by the local date the rule gives it (its key, `2026-05-06`): `skip` lists occurrences
cancelled, `moved` maps an occurrence to its new start. An occurrence is handed around as a `Deadline` whose
start and end are the occurrence's and whose `occurrence` is its key, so reminders, listings and texts need
nothing special for it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from bot.core.deadlines.dates import parse_when, resolve_local
from bot.core.deadlines.model import Deadline
from bot.core.deadlines.rules import repeat_text, rule_walls, until_date
from bot.core.timeutil import UTC

AHEAD_DAYS = 400  # reminders are derived for occurrences starting this far ahead (offsets reach 366 days)
AHEAD_MAX = 60  # and for at most this many of them at once


def _walls(d: Deadline) -> list[dt.datetime]:
    """Every local wall-clock start the rule gives, skipped ones included (the keys of the occurrences)."""
    return rule_walls(d.repeat or "", d.start.replace(tzinfo=None))


def occurrence_keys(d: Deadline) -> list[str]:
    return [wall.date().isoformat() for wall in _walls(d)] if d.repeat else []


def _at(d: Deadline, key: str, wall: dt.datetime) -> Deadline:
    """The deadline as the occurrence `key`, starting at `wall` (or where it was moved to)."""
    if key in d.moved:
        wall = parse_when(d.moved[key], d.zone, name=f"moved {key}").local.replace(tzinfo=None)
    start = resolve_local(wall, d.zone)
    end = None
    if d.end is not None:
        end = resolve_local(wall + (d.end.replace(tzinfo=None) - d.start.replace(tzinfo=None)), d.zone)
    return replace(d, start=start, end=end, occurrence=key, series_start=d.start)


def occurrences(d: Deadline) -> list[Deadline]:
    """Every occurrence not cancelled, moved ones at their new time, in order of start."""
    if not d.repeat:
        return [d]
    found = [_at(d, wall.date().isoformat(), wall) for wall in _walls(d) if wall.date().isoformat() not in d.skip]
    return sorted(found, key=lambda o: o.start_utc)


def occurrence_of(d: Deadline, key: str) -> Deadline | None:
    return next((o for o in occurrences(d) if o.occurrence == key), None)


def upcoming_occurrences(d: Deadline, now: dt.datetime) -> list[Deadline]:
    """The occurrences not over yet that start within AHEAD_DAYS (at most AHEAD_MAX): what reminders are made for."""
    limit = now + dt.timedelta(days=AHEAD_DAYS)
    return [o for o in occurrences(d) if o.ends_at > now and o.start_utc < limit][:AHEAD_MAX]


def next_occurrence(d: Deadline, now: dt.datetime) -> Deadline | None:
    return next((o for o in occurrences(d) if o.ends_at > now), None)


def series(d: Deadline) -> Deadline:
    """The repeating deadline itself, from any of its occurrences: the rule's first start and end."""
    if d.occurrence is None or d.series_start is None:
        return d
    end = None
    if d.end is not None:
        end = resolve_local(d.series_start.replace(tzinfo=None) + (d.end.replace(tzinfo=None)
                                                                   - d.start.replace(tzinfo=None)), d.zone)
    return replace(d, start=d.series_start, end=end, occurrence=None, series_start=None)


def original_start(d: Deadline, key: str) -> dt.datetime:
    """Where the rule put occurrence `key` (aware, local), before any move: its RECURRENCE-ID in a calendar."""
    first = series(d).start
    return resolve_local(dt.datetime.combine(dt.date.fromisoformat(key), first.time().replace(tzinfo=None)), d.zone)


def ical_rule(d: Deadline) -> dict[str, Any]:
    """The rule for an .ics file: UNTIL as a DATE for all-day deadlines, else the end of that day in UTC (RFC 5545
    wants UNTIL in the same kind as DTSTART, and in UTC when DTSTART has a zone)."""
    parts = dict(part.split("=", 1) for part in (d.repeat or "").split(";"))
    rule: dict[str, Any] = {"FREQ": parts["FREQ"]}
    if "INTERVAL" in parts:
        rule["INTERVAL"] = int(parts["INTERVAL"])
    if "COUNT" in parts:
        rule["COUNT"] = int(parts["COUNT"])
    else:
        until = until_date(parts["UNTIL"])
        rule["UNTIL"] = until if d.all_day else resolve_local(
            dt.datetime.combine(until, dt.time(23, 59, 59)), d.zone).astimezone(UTC)
    return rule


OCCURRENCE_MARK = "@"  # a reminder row of one occurrence has the offset "1d@2026-05-06"


def reminder_occurrences(d: Deadline, now: dt.datetime) -> list[tuple[str, Deadline]]:
    """(offset suffix, deadline) pairs reminders are derived for: the deadline itself, or each upcoming occurrence."""
    if not d.repeat:
        return [("", d)]
    return [(OCCURRENCE_MARK + (o.occurrence or ""), o) for o in upcoming_occurrences(d, now)]


def split_offset(offset: str) -> tuple[str, str | None]:
    """'1d@2026-05-06' -> ('1d', '2026-05-06'); '1d' -> ('1d', None)."""
    plain, mark, key = offset.partition(OCCURRENCE_MARK)
    return plain, key if mark else None


def repeat_lines(d: Deadline, now: dt.datetime, shown: int = 3) -> list[str]:
    """For /deadline show: the rule in words, the next occurrences, and those cancelled or moved."""
    from bot.core.timeutil import discord_timestamp

    if not d.repeat:
        return []
    ahead = [o for o in occurrences(d) if o.ends_at > now][:shown]
    lines = [f"Repeats {repeat_text(d.repeat)}" + (": next " + ", ".join(
        discord_timestamp(o.start_utc, "F") + (" (moved)" if o.occurrence in d.moved else "") for o in ahead)
        if ahead else ": no occurrence left")]
    if d.skip:
        lines.append("Cancelled: " + ", ".join(d.skip))
    if d.moved:
        lines.append("Moved: " + ", ".join(f"{k} → {v}" for k, v in d.moved.items()))
    return lines


def for_offset(d: Deadline | None, offset: str, *, skipped_too: bool = False) -> Deadline | None:
    """The deadline a reminder row is about: itself, or the occurrence its offset names (None once cancelled,
    unless `skipped_too`: a notice of the cancellation is about the occurrence cancelled)."""
    key = split_offset(offset)[1]
    if d is None or key is None:
        return d
    if skipped_too and key in d.skip:
        d = replace(d, skip=[k for k in d.skip if k != key])
    return occurrence_of(d, key)
