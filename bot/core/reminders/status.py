"""Read-only summaries of the `reminders` table for moderators (`/reminders status`) and for checks.

It exists apart from the dispatcher so that the commands can report counts, the next reminder due and who holds
the dispatcher lease without constructing a service or touching a sender.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from bot.core.db import Database
from bot.core.reminders.lease import LEASE_NAME
from bot.core.timeutil import from_iso


@dataclass
class ReminderStatus:
    counts: dict[str, int]
    next_due: dt.datetime | None
    next_title: str | None
    lease: dict[str, Any] | None


def reminder_status(db: Database, guild_id: str | None = None) -> ReminderStatus:
    where, params = ("WHERE guild_id = ?", (str(guild_id),)) if guild_id else ("", ())
    counts = {r["state"]: r["n"] for r in db.query(
        f"SELECT state, count(*) AS n FROM reminders {where} GROUP BY state", params)}
    row = db.query_one(
        "SELECT r.due_utc, r.next_attempt_utc, d.title FROM reminders r JOIN deadlines d ON d.id = r.deadline_id "
        f"WHERE r.state = 'pending' {'AND r.guild_id = ?' if guild_id else ''} "
        "ORDER BY coalesce(r.next_attempt_utc, r.due_utc) LIMIT 1", params)
    lease = db.query_one("SELECT * FROM leases WHERE name = ?", (LEASE_NAME,))
    return ReminderStatus(
        counts=counts,
        next_due=from_iso(row["next_attempt_utc"] or row["due_utc"]) if row else None,
        next_title=row["title"] if row else None,
        lease=dict(lease) if lease else None,
    )


def state_counts(db: Database, deadline_id: str) -> Counter[str]:
    return Counter({r["state"]: r["n"] for r in db.query(
        "SELECT state, count(*) AS n FROM reminders WHERE deadline_id = ? GROUP BY state", (deadline_id,))})
