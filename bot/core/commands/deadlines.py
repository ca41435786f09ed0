"""Deadline and reminder commands. Each is a thin function over the stores: parse what was typed, write in one
transaction with the reminder rows re-derived, tell the scheduler, and reply in words and Discord timestamps.
"""

from __future__ import annotations

import calendar
from typing import TYPE_CHECKING, Any

from bot.core.deadlines.dates import DEFAULT_ZONE, check_zone
from bot.core.deadlines.model import CALENDAR_FILE, KIND_LABELS, KINDS, Deadline, parse_offsets
from bot.core.deadlines.recurrence import repeat_lines
from bot.core.deadlines.store import visible_from
from bot.core.feeds import calendar_note
from bot.core.models import InputError
from bot.core.permissions import require_moderator, require_operator
from bot.core.refs import NONE_WORDS, channel_ref, parse_ref, role_ref, server_of
from bot.core.registry import Context, Param, Reply, command
from bot.core.reminders.derive import derive_reminders
from bot.core.reminders.dispatch import clear_channel_problems
from bot.core.reminders.notices import queue_moved_notices
from bot.core.reminders.status import reminder_status
from bot.core.reminders.texts import due_time
from bot.core.settings import DEFAULT_OFFSETS
from bot.core.timeutil import discord_timestamp, utcnow

if TYPE_CHECKING:
    from bot.core.desk import Desk

MAX_DAYS = 3660
NETWORK_ADD_REFUSAL = ("Only the bot's operators can publish a deadline to every server; add it for this server "
                       "only (server_only: yes).")
NETWORK_CHANGE_REFUSAL = "Only the bot's operators can change or cancel a deadline for every server."
_DAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)} | {
    name.lower(): i for i, name in enumerate(calendar.day_abbr)}


def _days(value: Any, default: int = 30) -> int:
    if value in (None, ""):
        return default
    try:
        days = int(str(value).strip())
    except ValueError:
        raise InputError(f"days {str(value)[:20]!r} must be a whole number, like 30") from None
    if not 1 <= days <= MAX_DAYS:
        raise InputError(f"days must be between 1 and {MAX_DAYS}")
    return days


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value or "").strip().lower()
    if text in ("", "no", "false", "0", "off", "n"):
        return False
    if text in ("yes", "true", "1", "on", "y"):
        return True
    raise InputError(f"{text[:20]!r} must be yes or no")


def _visible(found: list[Deadline], ctx: Context) -> list[Deadline]:
    """A server sees its own deadlines and those for every server; a direct message only the latter."""
    return [d for d in found if visible_from(d, ctx.guild_id)]


def _require_manager(desk: Desk, ctx: Context, d: Deadline) -> None:
    """Who may change a deadline the caller can see: operators those for every server, the server's own
    moderators its own (an operator gets past the registry's moderator check, so it is made here again)."""
    if d.guild_id is None:
        require_operator(ctx.actor, NETWORK_CHANGE_REFUSAL)
    else:
        require_moderator(ctx.actor, desk.settings.get(d.guild_id).mod_role_id)


def _line(d: Deadline) -> str:
    where = " (this server only)" if d.guild_id else ""
    return (f"• **{d.title}** — {KIND_LABELS.get(d.kind, d.kind)}, {discord_timestamp(d.start_utc, 'F')} "
            f"({discord_timestamp(d.start_utc, 'R')}) `{d.id}`{where}")


def _derive(desk: Desk, deadline_ids: list[str] | None = None, guild_ids: list[str] | None = None) -> None:
    derive_reminders(desk.db, deadline_ids=deadline_ids, guild_ids=guild_ids)


def _offsets_for(desk: Desk, d: Deadline, guild_id: str | None) -> list[str]:
    if d.offsets:
        return d.offsets
    return desk.settings.get(guild_id).reminder_offsets if guild_id else list(DEFAULT_OFFSETS)


def _details(desk: Desk, d: Deadline, guild_id: str | None) -> str:
    lines = [f"**{d.title}** `{d.id}`" + (" — CANCELLED" if d.status == "cancelled" else ""),
             f"{KIND_LABELS.get(d.kind, d.kind)} · {d.when_text()}",
             f"Given as {d.start_when().reading()}"
             + (f" to {d.end_when().reading()}" if d.end_when() else "")]
    if d.description:
        lines.append(d.description)
    if d.link:
        lines.append(f"Link: <{d.link}>")
    if d.sources:
        lines.append("Sources: " + ", ".join(f"`{s}`" for s in d.sources))
    if d.status == "active":
        offsets = _offsets_for(desk, d, guild_id)
        now = utcnow()
        times = [f"{o} ({discord_timestamp(t, 'R')})" if t > now else f"{o} (passed)"
                 for o, t in ((o, due_time(d, o)) for o in offsets)]
        lines.append("Reminders: " + ", ".join(times) + ("" if d.offsets else " (server default)"))
    lines += repeat_lines(d, utcnow())
    lines.append(f"For {'this server only' if d.guild_id else 'every server'} · revision {d.rev}")
    return "\n".join(lines)


# --- members -----------------------------------------------------------------------------------------------------
@command("deadlines", "What is coming up, soonest first",
         Param("days", "How many days ahead to look (default 30)"))
def deadlines(desk: Desk, ctx: Context, days: str | None = None) -> Reply:
    window = _days(days)
    found = _visible(desk.deadlines.upcoming(utcnow(), window, ctx.guild_id), ctx)
    if not found:
        later = _visible(desk.deadlines.upcoming(utcnow(), None, ctx.guild_id), ctx)
        more = f" The next one is **{later[0].title}** {discord_timestamp(later[0].start_utc, 'R')}." if later else ""
        return Reply(f"Nothing in the next {window} days.{more}", data=[])
    lines = [f"Coming up in the next {window} days:"] + [_line(d) for d in found[:25]]
    if len(found) > 25:
        lines.append(f"…and {len(found) - 25} more; /deadline calendar has them all.")
    return Reply("\n".join(lines), data=found)


@command("deadline show", "One deadline in full", Param("id", "The deadline id", required=True))
def deadline_show(desk: Desk, ctx: Context, id: str) -> Reply:
    d = desk.deadlines.require(id, ctx.guild_id)
    return Reply(_details(desk, d, ctx.guild_id), data=d)


@command("deadline calendar", "A calendar file (.ics) with every upcoming deadline and its alarms",
         Param("days", "How many days ahead (default: everything upcoming)"),
         Param("new_link", "Moderators: replace this server's calendar address (the old one stops working)"))
def deadlines_calendar(desk: Desk, ctx: Context, days: str | None = None, new_link: str | bool | None = None) -> Reply:
    window = _days(days, default=MAX_DAYS)
    found = _visible(desk.deadlines.upcoming(utcnow(), window, ctx.guild_id), ctx)
    offsets = desk.settings.get(ctx.guild_id).reminder_offsets if ctx.guild_id else list(DEFAULT_OFFSETS)
    from bot.core import ics  # icalendar is loaded only when a calendar is made

    data = ics.build_calendar(found, default_offsets=offsets)
    text = f"{len(found)} upcoming deadline(s), with alarms. Open the file to add them to your calendar."
    note = calendar_note(desk, ctx, _flag(new_link))  # the addresses to subscribe to
    return Reply(text + ("\n" + note if note else ""), files=[(CALENDAR_FILE, data)], data=found)


# --- moderators: deadlines -----------------------------------------------------------------------------------------
def add_scope(desk: Desk, ctx: Context, server_only: str | bool | None) -> str | None:
    """Who may add which deadline: the server's id for one of its moderators' own deadlines, None for one for every
    server, which only operators publish. Raises otherwise (adapters ask before they open a form)."""
    if _flag(server_only):
        guild = server_of(ctx)
        require_moderator(ctx.actor, desk.settings.get(guild).mod_role_id)
        return guild
    require_operator(ctx.actor, NETWORK_ADD_REFUSAL)
    return None


_FIELDS = (  # required ones (for add) first: Discord lists required options before optional ones
    Param("title", "What it is, as members should read it"),
    Param("start", "When: 2026-12-07 10:00, 7 Dec 2026 10:00, or 2026-12-07 for all day"),
    Param("kind", f"One of: {', '.join(KINDS)}"),
    Param("end", "Optional end, written the same way"),
    Param("zone", "Time zone the dates are given in (IANA, like Europe/Amsterdam)"),
    Param("description", "A few lines of context", long=True),
    Param("link", "https:// address with the details"),
    Param("sources", "Source ids, comma-separated"),
    Param("offsets", "Reminders before it, like 14d,7d,1d,2h (default: the server's)"),
    Param("repeat", "Repeats yearly, monthly or weekly, with an end: monthly x12, weekly until 2027-06-30"),
)


def _record(values: dict[str, Any]) -> dict[str, Any]:
    record = {k: v for k, v in values.items() if v not in (None, "")}
    if "offsets" in record and str(record["offsets"]).strip().lower() in NONE_WORDS:
        record["offsets"] = ""
    return record


@command("deadline add", "Add a deadline (dates are read strictly; anything ambiguous or past is refused)",
         Param("id", "Short id, like asp25-statements", required=True),
         *(Param(p.name, p.help, required=p.name in ("title", "start"), long=p.long) for p in _FIELDS),
         Param("server_only", "yes: only this server gets it (default: every server; only the bot's operators)"),
         moderator=True, operators=True)
def deadline_add(desk: Desk, ctx: Context, id: str, title: str, start: str, kind: str | None = None,
                 end: str | None = None, zone: str | None = None, description: str | None = None,
                 link: str | None = None, sources: str | None = None, offsets: str | None = None,
                 repeat: str | None = None, server_only: str | bool | None = None) -> Reply:
    guild = add_scope(desk, ctx, server_only)
    record = _record({"id": id, "title": title, "kind": kind or "other", "start": start, "end": end,
                                 "description": description, "link": link, "sources": sources,
                                 "offsets": offsets, "repeat": repeat})
    record["zone"] = check_zone(zone) if zone else desk.settings.get(ctx.guild_id).zone or DEFAULT_ZONE
    if guild:
        record["guild"] = guild
    with desk.db.transaction():
        d = desk.deadlines.add(record, ctx.actor, seen_from=ctx.guild_id)
        _derive(desk, [d.id])
    desk.deadlines.notify()
    return Reply(f"Added. {_details(desk, d, ctx.guild_id)}", data=d,
                 change=f"{ctx.actor.name} added deadline `{d.id}`: {d.title} ({d.start_when().reading()})")


@command("deadline edit", "Change a deadline; only the fields given change ('none' clears end, link or offsets)",
         Param("id", "The deadline id", required=True),
         *_FIELDS,
         Param("reason", "Why (kept in the history)"),
         moderator=True, operators=True)
def deadline_edit(desk: Desk, ctx: Context, id: str, reason: str = "", **fields: Any) -> Reply:
    changes = {}
    for name, value in fields.items():
        if value in (None, ""):
            continue
        text = str(value).strip()
        changes[name] = "" if name in ("end", "link", "offsets", "repeat") and text.lower() in NONE_WORDS else value
    if not changes:
        raise InputError("give at least one field to change")
    with desk.db.transaction():
        before = desk.deadlines.require(id, ctx.guild_id)
        _require_manager(desk, ctx, before)
        d = desk.deadlines.edit(id, changes, ctx.actor, reason, seen_from=ctx.guild_id)
        _derive(desk, [d.id])
        moved = queue_moved_notices(desk.db, before, d)
    desk.deadlines.notify()
    changed = desk.deadlines.history(d.id)[-1].changed
    note = f" A rescheduled notice goes to {moved} channel(s) that were reminded." if moved else ""
    return Reply(f"Updated ({', '.join(changed)}).{note} {_details(desk, d, ctx.guild_id)}", data=d,
                 change=f"{ctx.actor.name} edited deadline `{d.id}` ({', '.join(changed)})"
                        + (f": {reason}" if reason else ""))


@command("deadline cancel", "Cancel a deadline: no more reminders; reminded channels get a short notice",
         Param("id", "The deadline id", required=True),
         Param("reason", "Why it is cancelled (shown in the notice)", required=True),
         moderator=True, operators=True)
def deadline_cancel(desk: Desk, ctx: Context, id: str, reason: str) -> Reply:
    with desk.db.transaction():
        _require_manager(desk, ctx, desk.deadlines.require(id, ctx.guild_id))
        d = desk.deadlines.cancel(id, ctx.actor, reason, seen_from=ctx.guild_id)
        _derive(desk, [d.id])
    desk.deadlines.notify()
    notices = desk.db.query_one(
        "SELECT count(*) FROM reminders WHERE deadline_id = ? AND offset LIKE 'cancel:%'", (d.id,))[0]
    note = f" A cancellation notice goes to {notices} channel(s) that were reminded." if notices else ""
    return Reply(f"Cancelled `{d.id}` ({d.title}); its pending reminders will not be sent.{note}", data=d,
                 change=f"{ctx.actor.name} cancelled deadline `{d.id}`: {reason}")


@command("deadline history", "A deadline's revisions", Param("id", "The deadline id", required=True))
def deadline_history(desk: Desk, ctx: Context, id: str) -> Reply:
    revisions = desk.deadlines.history(id, ctx.guild_id)
    lines = [f"`{id}` revisions:"] + [
        f"{r.rev}. {r.action} by {r.actor_name} at {r.at}" + (f" ({', '.join(r.changed)})" if r.changed else "")
        + (f" — {r.reason}" if r.reason else "") for r in revisions]
    return Reply("\n".join(lines), data=revisions, ephemeral=True)


# --- moderators: reminder settings ----------------------------------------------------------------------------
def _settings_changed(desk: Desk, guild_id: str) -> None:
    _derive(desk, guild_ids=[guild_id])


@command("reminders channel", "Where reminders are posted ('none' stops them)",
         Param("channel_id", "The channel (id or #mention), or none", required=True), moderator=True)
def reminders_channel(desk: Desk, ctx: Context, channel_id: str) -> Reply:
    guild = server_of(ctx)
    channel = parse_ref(channel_id, "channel")
    with desk.db.transaction():
        desk.settings.update(guild, reminder_channel_id=channel)
        clear_channel_problems(desk.db, guild)
        _settings_changed(desk, guild)
    desk.deadlines.notify()
    text = f"Reminders will be posted in {channel_ref(channel)}." if channel else "Reminders are off for this server."
    return Reply(text, ephemeral=True, change=f"{ctx.actor.name} set the reminder channel to {channel_ref(channel)}")


@command("reminders role", "A role reminders may ping (opt-in; 'none' pings nobody)",
         Param("role_id", "The role (id or @mention), or none", required=True), moderator=True)
def reminders_role(desk: Desk, ctx: Context, role_id: str) -> Reply:
    guild = server_of(ctx)
    role = parse_ref(role_id, "role")
    desk.settings.update(guild, reminder_role_id=role)
    text = f"Reminders will ping {role_ref(role)} (and nobody else)." if role else "Reminders will not ping anyone."
    return Reply(text, ephemeral=True, change=f"{ctx.actor.name} set the reminder role to {role_ref(role)}")


@command("reminders network", "Reminders of the deadlines the bot's operators publish for every server (off at first)",
         Param("state", "on or off", required=True), moderator=True)
def reminders_network(desk: Desk, ctx: Context, state: str) -> Reply:
    guild = server_of(ctx)
    text = str(state).strip().lower()
    if text not in ("on", "off", "yes", "no"):
        raise InputError(f"state {text[:20]!r} must be on or off")
    on = text in ("on", "yes")
    with desk.db.transaction():
        channel = desk.settings.update(guild, network_reminders=on).reminder_channel_id
        _settings_changed(desk, guild)
    desk.deadlines.notify()
    if not on:
        text = ("This server no longer receives reminders of the deadlines for every server; its own deadlines are "
                "still reminded.")
    else:
        where = f"in {channel_ref(channel)}" if channel else "once a reminder channel is set (/reminders channel)"
        text = f"This server now receives reminders of the deadlines for every server {where}."
    return Reply(text, ephemeral=True, change=f"{ctx.actor.name} turned reminders of the deadlines for every server "
                                              f"{'on' if on else 'off'}")


@command("reminders offsets", "How long before each deadline reminders go out",
         Param("offsets", "Like 14d,7d,1d,2h (d = days on the clock, h = hours), or default", required=True),
         moderator=True)
def reminders_offsets(desk: Desk, ctx: Context, offsets: str) -> Reply:
    guild = server_of(ctx)
    value = None if str(offsets).strip().lower() in NONE_WORDS else parse_offsets(offsets)
    with desk.db.transaction():
        desk.settings.update(guild, offsets=value)
        _settings_changed(desk, guild)
    desk.deadlines.notify()
    shown = ", ".join(value or DEFAULT_OFFSETS)
    return Reply(f"Reminders go out {shown} before each deadline (unless a deadline sets its own).",
                 ephemeral=True, change=f"{ctx.actor.name} set reminder offsets to {shown}")


@command("reminders digest", "A weekly 'coming up' post (day and hour in the server's zone; 'off' stops it)",
         Param("day", "Day of the week (monday ... sunday), or off", required=True),
         Param("hour", "Hour of the day, 0-23 (default 9)"),
         Param("zone", "The server's time zone (IANA, like Europe/Amsterdam)"),
         moderator=True)
def reminders_digest(desk: Desk, ctx: Context, day: str, hour: str | None = None, zone: str | None = None) -> Reply:
    guild = server_of(ctx)
    current = desk.settings.get(guild)
    text = str(day).strip().lower()
    if text in NONE_WORDS:
        desk.settings.update(guild, digest_day=None, digest_hour=None)
        desk.deadlines.notify()
        return Reply("The weekly digest is off.", ephemeral=True, change=f"{ctx.actor.name} turned the digest off")
    number = _DAYS.get(text.rstrip("."))
    if number is None and text.isdigit() and 0 <= int(text) <= 6:
        number = int(text)
    if number is None:
        raise InputError(f"day {text[:20]!r} must be a day of the week (monday ... sunday) or off")
    try:
        at = int(str(hour).strip().removesuffix(":00")) if hour not in (None, "") else 9
    except ValueError:
        raise InputError(f"hour {str(hour)[:20]!r} must be a whole hour from 0 to 23") from None
    if not 0 <= at <= 23:
        raise InputError("hour must be from 0 to 23")
    tz = check_zone(zone) if zone else current.zone
    desk.settings.update(guild, digest_day=number, digest_hour=at, zone=tz)
    desk.deadlines.notify()
    shown = f"{calendar.day_name[number]}s at {at:02d}:00 {tz}"
    note = " Set a reminder channel too (/reminders channel) for the public post." if not current.reminder_channel_id \
        else ""
    return Reply(f"The weekly digest goes out on {shown}; the mod-log gets the moderators' part.{note}",
                 ephemeral=True, change=f"{ctx.actor.name} set the weekly digest to {shown}")


@command("reminders status", "Reminder counts, the next one due, and who is sending", moderator=True)
def reminders_status(desk: Desk, ctx: Context) -> Reply:
    guild = server_of(ctx)
    settings = desk.settings.get(guild)
    status = reminder_status(desk.db, guild)
    counts = status.counts
    lines = [
        f"Channel: {channel_ref(settings.reminder_channel_id, 'none (reminders off)')}"
        f" · ping: {role_ref(settings.reminder_role_id, 'nobody')}"
        f" · offsets: {', '.join(settings.reminder_offsets)}",
        "Network-wide deadlines: " + ("received" if settings.network_reminders
                                      else "not received (/reminders network on)"),
        "Reminders: " + ", ".join(f"{counts.get(s, 0)} {s}" for s in ("pending", "sent", "missed", "failed"))
        + (f", {counts['cancelled']} cancelled" if counts.get("cancelled") else ""),
    ]
    if status.next_due:
        lines.append(f"Next: **{status.next_title}** {discord_timestamp(status.next_due, 'F')} "
                     f"({discord_timestamp(status.next_due, 'R')})")
    if settings.digest_day is not None and settings.digest_hour is not None:
        lines.append(f"Weekly digest: {calendar.day_name[settings.digest_day]}s at {settings.digest_hour:02d}:00 "
                     f"{settings.zone}")
    if status.lease:
        lines.append(f"Sending process: pid {status.lease['pid']} on {status.lease['host']}, last heartbeat "
                     f"{status.lease['heartbeat_at']}")
    else:
        lines.append("No process is sending reminders right now.")
    return Reply("\n".join(lines), ephemeral=True, data=status)
