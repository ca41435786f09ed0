"""Members' own reminders: "/remind me deadline:asp25 before:1d" sends that member a direct message, once.

A request is kept (`personal_reminders`: member, deadline, offset, the server it was asked in) and derived into
ordinary reminder rows whose server is `user:<member id>`, so a personal reminder is claimed, sent with a nonce,
retried, recovered after a crash and moved with its deadline exactly like a server's reminder; the adapter's
sender turns the `user:` channel into the member's DM channel. A server's own deadline reaches only members who
asked in that server.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from bot.core.deadlines.model import Deadline
from bot.core.deadlines.recurrence import reminder_occurrences
from bot.core.reminders.texts import due_time
from bot.core.timeutil import to_iso

PERSONAL_PREFIX = "user:"  # the guild_id (and channel) of a member's own reminder rows
MAX_PER_MEMBER = 25


def member_key(user_id: str) -> str:
    return PERSONAL_PREFIX + str(user_id)


def is_personal(guild_id: str | None) -> bool:
    return bool(guild_id) and str(guild_id).startswith(PERSONAL_PREFIX)


def personal_desired(conn: Any, deadlines: Iterable[Deadline], now: dt.datetime) -> dict[tuple[str, str, str], str]:
    """The reminder rows members' requests want for these deadlines: (deadline, user:<id>, offset) -> due (UTC)."""
    active = {d.id: d for d in deadlines if d.status == "active"}
    desired: dict[tuple[str, str, str], str] = {}
    if not active:
        return desired
    marks = ",".join("?" * len(active))
    rows = conn.execute(f"SELECT user_id, deadline_id, offset, asked_in FROM personal_reminders "
                        f"WHERE deadline_id IN ({marks})", list(active)).fetchall()
    for user_id, deadline_id, offset, asked_in in rows:
        deadline = active[deadline_id]
        if deadline.guild_id is not None and deadline.guild_id != asked_in:
            continue  # a server's own deadline, for members who asked in that server only
        for suffix, occurrence in reminder_occurrences(deadline, now):
            desired[(deadline_id, member_key(user_id), offset + suffix)] = to_iso(due_time(occurrence, offset))
    return desired
