"""Notices that follow reminders: a deadline that moved, or was cancelled, after a channel was reminded of it.

A channel that was told "the session starts on 7 December" must hear when that changes. Cancellation notices are
derived with the reminder rows (bot.core.reminders.derive); a move is only known at the moment of the change, so
`queue_moved_notices` is called by whoever changes a deadline's time (the edit command, a data sync), in the same
transaction. Both are reminder rows whose offset names the notice and the channel, so the dispatcher sends them
with the same claim, nonce and retry rules as reminders.
"""

from __future__ import annotations

from typing import Any

from bot.core.db import Database
from bot.core.deadlines.model import Deadline
from bot.core.deadlines.recurrence import OCCURRENCE_MARK
from bot.core.reminders.texts import neutralize
from bot.core.timeutil import to_iso, utcnow

CANCEL_PREFIX = "cancel:"  # "cancel:<channel id>"
MOVED_PREFIX = "moved:"  # "moved:<channel id>:<revision>"


def is_notice(offset: str) -> bool:
    return offset.startswith((CANCEL_PREFIX, MOVED_PREFIX))


def notice_kind(offset: str) -> str:
    return "rescheduled notice" if offset.startswith(MOVED_PREFIX) else "cancellation notice"


def moved(before: Deadline, after: Deadline) -> bool:
    return (before.start_utc, before.all_day, before.end_utc) != (after.start_utc, after.all_day, after.end_utc)


def queue_moved_notices(db: Database, before: Deadline, after: Deadline) -> int:
    """One "rescheduled" notice for each channel already reminded of `before`, when `after` moves it; a notice
    of an earlier move not sent yet is replaced (the new one gives the latest time). Returns how many."""
    if after.status != "active" or not moved(before, after):
        return 0
    return _queue_moved(db, after, "")


def queue_occurrence_moved_notices(db: Database, after: Deadline, key: str) -> int:
    """As `queue_moved_notices`, for one occurrence (`key`, its original date) of a repeating deadline that was
    just moved: the notice row carries the occurrence in its offset, so it is written with that occurrence's
    new time."""
    return _queue_moved(db, after, OCCURRENCE_MARK + key)


def queue_occurrence_cancel_notices(db: Database, d: Deadline, key: str) -> int:
    """One cancellation notice for each channel already reminded of one occurrence (`key`, its date) of a
    repeating deadline that was just skipped; the row carries the occurrence, so the notice names its time."""
    suffix = OCCURRENCE_MARK + key
    with db.transaction() as conn:
        reminded = _reminded(conn, d.id, suffix)
        for guild_id, channel_id in reminded:
            conn.execute("INSERT OR IGNORE INTO reminders (deadline_id, guild_id, offset, due_utc, state, channel_id) "
                         "VALUES (?, ?, ?, ?, 'pending', ?)",
                         (d.id, guild_id, f"{CANCEL_PREFIX}{channel_id}{suffix}", to_iso(utcnow()), channel_id))
    return len(reminded)


def _reminded(conn: Any, deadline_id: str, suffix: str) -> list[Any]:
    """(server, channel) pairs sent a reminder of the deadline, of the occurrence `suffix` names if one."""
    ending = "substr(offset, -length(?)) = ?" if suffix else "? = ?"
    return conn.execute(
        "SELECT DISTINCT guild_id, channel_id FROM reminders WHERE deadline_id = ? AND state = 'sent' "
        f"AND channel_id IS NOT NULL AND offset NOT LIKE 'cancel:%' AND offset NOT LIKE 'moved:%' AND {ending}",
        (deadline_id, suffix, suffix)).fetchall()


def _queue_moved(db: Database, after: Deadline, suffix: str) -> int:
    """The notices of a move, for the reminder rows whose offset ends with `suffix` ("" for all of them)."""
    now = to_iso(utcnow())
    ending = "substr(offset, -length(?)) = ?" if suffix else "? = ?"
    with db.transaction() as conn:
        reminded = _reminded(conn, after.id, suffix)
        conn.execute("UPDATE reminders SET state = 'cancelled', error = 'replaced by a later rescheduled notice' "
                     f"WHERE deadline_id = ? AND state = 'pending' AND offset LIKE 'moved:%' AND {ending}",
                     (after.id, suffix, suffix))
        for guild_id, channel_id in reminded:
            conn.execute(
                "INSERT OR IGNORE INTO reminders (deadline_id, guild_id, offset, due_utc, state, channel_id) "
                "VALUES (?, ?, ?, ?, 'pending', ?)",
                (after.id, guild_id, f"{MOVED_PREFIX}{channel_id}:{after.rev}{suffix}", now, channel_id))
    return len(reminded)


def moved_text(deadline: Deadline, lang: str = "en") -> str:
    if lang == "fr":
        return (f"🔁 **{neutralize(deadline.title)}** a été reporté : c'est désormais {deadline.when_text(lang)}. "
                f"Les rappels restants suivent le nouvel horaire.\n`{deadline.id}`")
    return (f"🔁 **{neutralize(deadline.title)}** has been rescheduled: it is now {deadline.when_text()}. "
            f"The remaining reminders follow the new time.\n`{deadline.id}`")


def queue_cancel_notice(db: Database, row: Any, channel_id: str) -> None:
    """A cancellation notice for the channel a reminder row was (or may have been) posted in: for a reminder a
    crash left claimed whose deadline was cancelled while the bot was down."""
    with db.transaction() as conn:
        conn.execute("INSERT OR IGNORE INTO reminders (deadline_id, guild_id, offset, due_utc, state, channel_id) "
                     "VALUES (?, ?, ?, ?, 'pending', ?)", (row["deadline_id"], row["guild_id"],
                                                            CANCEL_PREFIX + channel_id, to_iso(utcnow()), channel_id))
