"""Looking back over deadlines (what has passed, and what was cancelled, in the last days), and changing one
occurrence of a repeating deadline: cancelling it or moving it, the rest of the series unchanged."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from bot.core.commands.deadlines import _days, _derive, _require_manager, _visible
from bot.core.deadlines.dates import check_future, parse_when
from bot.core.deadlines.model import KIND_LABELS, Deadline
from bot.core.deadlines.recurrence import occurrence_keys, occurrence_of
from bot.core.models import InputError
from bot.core.registry import Context, Param, Reply, command
from bot.core.reminders.notices import queue_occurrence_cancel_notices, queue_occurrence_moved_notices
from bot.core.timeutil import discord_timestamp, utcnow

if TYPE_CHECKING:
    from bot.core.desk import Desk

SHOWN = 25


def past_deadlines(desk: Desk, ctx: Context, days: int, now: dt.datetime) -> list[Deadline]:
    """Deadlines seen from here that ended within the last `days` days (cancelled ones included), latest first."""
    since = now - dt.timedelta(days=days)
    found = _visible(desk.deadlines.list(include_cancelled=True, seen_from=ctx.guild_id), ctx)
    return sorted((d for d in found if since <= d.ends_at <= now), key=lambda d: d.ends_at, reverse=True)


def _past_line(d: Deadline) -> str:
    where = " (this server only)" if d.guild_id else ""
    status = " — cancelled" if d.status == "cancelled" else ""
    return (f"• **{d.title}** — {KIND_LABELS.get(d.kind, d.kind)}, {discord_timestamp(d.start_utc, 'F')} "
            f"({discord_timestamp(d.start_utc, 'R')}){status} `{d.id}`{where}")


@command("deadlines past", "What has passed, most recent first",
         Param("days", "How many days back to look (default 30)"))
def deadlines_past(desk: Desk, ctx: Context, days: str | None = None) -> Reply:
    window = _days(days)
    found = past_deadlines(desk, ctx, window, utcnow())
    if not found:
        return Reply(f"Nothing passed in the last {window} days.", data=[])
    lines = [f"Passed in the last {window} days:"] + [_past_line(d) for d in found[:SHOWN]]
    if len(found) > SHOWN:
        lines.append(f"…and {len(found) - SHOWN} more; ask for fewer days to see them.")
    return Reply("\n".join(lines), data=found)


# --- one occurrence of a repeating deadline ------------------------------------------------------------------------
OCCURRENCE_DATE = Param("date", "The occurrence's date, YYYY-MM-DD", required=True)

def _occurrence(desk: Desk, ctx: Context, deadline_id: str, date: str) -> tuple[Deadline, str]:
    """The repeating deadline (checked as the caller's to change) and the key of the occurrence on `date`."""
    d = desk.deadlines.require(deadline_id, ctx.guild_id)
    _require_manager(desk, ctx, d)
    if not d.repeat:
        raise InputError(f"`{d.id}` does not repeat; /deadline edit or /deadline cancel change it")
    key = parse_when(date, d.zone, name="date").date.isoformat()
    keys = [k for k in occurrence_keys(d) if k not in d.skip]
    if key not in keys:
        upcoming = [k for k in keys if (o := occurrence_of(d, k)) is not None and o.ends_at > utcnow()][:4]
        raise InputError(f"`{d.id}` has no occurrence on {key}" + (f"; the next are {', '.join(upcoming)}"
                                                                    if upcoming else ""))
    return d, key


def _changed(desk: Desk, ctx: Context, d: Deadline, changes: dict[str, object], reason: str) -> Deadline:
    d = desk.deadlines.edit(d.id, changes, ctx.actor, reason, seen_from=ctx.guild_id)
    _derive(desk, [d.id])
    return d


@command("deadline skip", "Cancel one occurrence of a repeating deadline",
         Param("id", "The deadline id", required=True), OCCURRENCE_DATE,
         Param("reason", "Why (kept in the history)", required=True), moderator=True, operators=True)
def deadline_skip(desk: Desk, ctx: Context, id: str, date: str, reason: str) -> Reply:
    with desk.db.transaction():
        d, key = _occurrence(desk, ctx, id, date)
        d = _changed(desk, ctx, d, {"skip": [*d.skip, key]}, reason)
        told = queue_occurrence_cancel_notices(desk.db, d, key)
    desk.deadlines.notify()
    notice = f" A cancellation notice goes to {told} channel(s) that were reminded." if told else ""
    return Reply(f"The {key} occurrence of **{d.title}** is cancelled; its reminders will not be sent. The other "
                 f"occurrences stay.{notice}", data=d,
                 change=f"{ctx.actor.name} cancelled the {key} occurrence of deadline `{d.id}`: {reason}")


@command("deadline move", "Move one occurrence of a repeating deadline",
         Param("id", "The deadline id", required=True), OCCURRENCE_DATE,
         Param("to", "Its new start, written like a deadline's start", required=True),
         Param("reason", "Why (kept in the history)", required=True), moderator=True, operators=True)
def deadline_move(desk: Desk, ctx: Context, id: str, date: str, to: str, reason: str) -> Reply:
    with desk.db.transaction():
        d, key = _occurrence(desk, ctx, id, date)
        new = parse_when(to, d.zone, name="to")
        check_future(new, utcnow(), "to")
        d = _changed(desk, ctx, d, {"moved": {**d.moved, key: new.record_text()}}, reason)
        told = queue_occurrence_moved_notices(desk.db, d, key)
    desk.deadlines.notify()
    moved = occurrence_of(d, key)
    when = discord_timestamp(moved.start_utc, "F") if moved else new.reading()
    notice = f" A rescheduled notice goes to {told} channel(s) that were reminded." if told else ""
    return Reply(f"The {key} occurrence of **{d.title}** now starts {when}; its reminders follow it.{notice}", data=d,
                 change=f"{ctx.actor.name} moved the {key} occurrence of deadline `{d.id}` to {new.reading()}: "
                        f"{reason}")
