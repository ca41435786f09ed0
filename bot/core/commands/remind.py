"""Members' own reminders: `/remind me deadline:id before:1d` (a direct message, exactly once, delivered like the
server's reminders; see bot.core.reminders.personal), and `/remind list` and `/remind cancel` to manage them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.core.deadlines.model import parse_offsets
from bot.core.deadlines.recurrence import split_offset
from bot.core.models import InputError
from bot.core.registry import Context, Param, Reply, command
from bot.core.reminders.derive import derive_reminders
from bot.core.reminders.personal import MAX_PER_MEMBER, member_key
from bot.core.timeutil import discord_timestamp, from_iso, to_iso, utcnow

if TYPE_CHECKING:
    from bot.core.desk import Desk


def _pending(desk: Desk, user_id: str, deadline_id: str | None = None) -> list[tuple[str, str, str]]:
    """(deadline id, offset, due) of this member's reminders still to come, soonest first."""
    sql = "SELECT deadline_id, offset, coalesce(next_attempt_utc, due_utc) AS due FROM reminders " \
          "WHERE guild_id = ? AND state = 'pending'"
    params: tuple[str, ...] = (member_key(user_id),)
    if deadline_id:
        sql, params = sql + " AND deadline_id = ?", (*params, deadline_id)
    return [(r["deadline_id"], r["offset"], r["due"]) for r in desk.db.query(sql + " ORDER BY due", params)]


@command("remind me", "A direct message before a deadline, just for you",
         Param("deadline", "The deadline id (see /deadlines)", required=True),
         Param("before", "How long before it, like 1d, 2h or 30m (default 1d)"))
def remind_me(desk: Desk, ctx: Context, deadline: str, before: str | None = None) -> Reply:
    d = desk.deadlines.require(deadline, ctx.guild_id)  # a server's own deadline only from that server
    if d.status != "active":
        raise InputError(f"`{d.id}` is cancelled; there is nothing to remind you of")
    offsets = parse_offsets(before or "1d")
    if len(offsets) != 1:
        raise InputError("one reminder at a time: give one duration, like 1d")
    offset = offsets[0]
    with desk.db.transaction() as conn:
        count = conn.execute("SELECT count(*) FROM personal_reminders WHERE user_id = ?", (ctx.actor.id,)).fetchone()
        if count[0] >= MAX_PER_MEMBER:
            raise InputError(f"you have {MAX_PER_MEMBER} reminders already; /remind cancel one first")
        conn.execute("INSERT OR IGNORE INTO personal_reminders (user_id, deadline_id, offset, asked_in, created_at) "
                     "VALUES (?, ?, ?, ?, ?)", (ctx.actor.id, d.id, offset, ctx.guild_id, to_iso(utcnow())))
        derive_reminders(desk.db, deadline_ids=[d.id])
    desk.deadlines.notify()
    due = [when for _, off, when in _pending(desk, ctx.actor.id, d.id) if split_offset(off)[0] == offset]
    if not due:
        return Reply(f"{offset} before **{d.title}** has already passed, so no reminder will come.", ephemeral=True)
    return Reply(f"I'll send you a direct message {discord_timestamp(from_iso(due[0]), 'F')}, {offset} before "
                 f"**{d.title}**. (Direct messages from server members must be allowed.)", ephemeral=True)


@command("remind list", "Your own reminders still to come")
def remind_list(desk: Desk, ctx: Context) -> Reply:
    found = _pending(desk, ctx.actor.id)
    if not found:
        return Reply("You have no reminders to come. /remind me adds one.", ephemeral=True, data=[])
    titles = {d_id: (d.title if (d := desk.deadlines.get(d_id)) else d_id) for d_id, _, _ in found}
    lines = ["Your reminders:"] + [f"• {discord_timestamp(from_iso(due), 'F')}: {split_offset(off)[0]} before "
                                   f"**{titles[d_id]}** `{d_id}`" for d_id, off, due in found[:25]]
    return Reply("\n".join(lines), ephemeral=True, data=found)


@command("remind cancel", "Stop your own reminders of a deadline",
         Param("deadline", "The deadline id", required=True), Param("before", "Only this one, like 1d"))
def remind_cancel(desk: Desk, ctx: Context, deadline: str, before: str | None = None) -> Reply:
    deadline = deadline.strip()
    sql, params = "DELETE FROM personal_reminders WHERE user_id = ? AND deadline_id = ?", [ctx.actor.id, deadline]
    if before:
        sql, params = sql + " AND offset = ?", [*params, parse_offsets(before)[0]]
    with desk.db.transaction() as conn:
        gone = conn.execute(sql, params).rowcount
        if gone:
            derive_reminders(desk.db, deadline_ids=[deadline])
    if not gone:
        raise InputError(f"you have no reminder of `{deadline}`{' ' + before + ' before' if before else ''}; "
                         "/remind list shows yours")
    desk.deadlines.notify()
    return Reply(f"Cancelled {gone} reminder(s) of `{deadline}`.", ephemeral=True)
