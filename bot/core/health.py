"""Whether the bot is working, as facts a monitor can alert on: the database answers (through a connection of
its own, so a file that was removed, replaced or made unreadable shows at once), the gateway is connected, this
process is the one dispatching reminders, when the next reminder is due and when the last one went out.

The adapter running the Discord client says what it knows of the gateway and the dispatcher; a process without
them (the web site alone) passes None and those checks are left out rather than failed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bot.core.schema import MIGRATIONS
from bot.core.storage import connect_read_only
from bot.core.timeutil import from_iso, to_iso, utcnow

if TYPE_CHECKING:
    from bot.core.desk import Desk

OVERDUE = dt.timedelta(minutes=10)  # a pending reminder this far past due means the dispatcher is stuck


@dataclass
class Health:
    ok: bool
    problems: list[str] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "problems": self.problems, **self.facts}


def _database(desk: Desk) -> str | None:
    """None when the file opens on its own and holds the current schema; else what is wrong, in one sentence."""
    try:
        conn = connect_read_only(desk.db.path, timeout=2.0)
    except Exception as exc:
        return f"the database cannot be opened ({type(exc).__name__})"
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        conn.execute("SELECT count(*) FROM facts").fetchone()
    except Exception as exc:
        return f"the database cannot be read ({type(exc).__name__})"
    finally:
        conn.close()
    if version != len(MIGRATIONS):
        return f"the database is at schema {version}, not {len(MIGRATIONS)}"
    return None


def check_health(desk: Desk, *, gateway: bool | None = None, leading: bool | None = None,
                 now: dt.datetime | None = None) -> Health:
    """gateway: the Discord connection is up (None: no client in this process); leading: this process holds the
    dispatcher lease (None: no dispatcher here). Problems are said without paths or hosts: the page is public."""
    now = now or utcnow()
    problems: list[str] = []
    db_problem = _database(desk)
    facts: dict[str, Any] = {"database": "ok" if db_problem is None else "failing", "gateway": None,
                             "dispatcher": None, "next_reminder_due": None, "last_reminder_sent": None}
    if db_problem:
        problems.append(db_problem)
    else:
        try:
            due = desk.deadlines.next_reminder_due()
            row = desk.db.query_one("SELECT max(sent_at) FROM reminders WHERE state = 'sent'")
        except Exception as exc:
            problems.append(f"the reminders cannot be read ({type(exc).__name__})")
        else:
            facts["next_reminder_due"] = to_iso(due) if due else None
            facts["last_reminder_sent"] = to_iso(from_iso(row[0])) if row and row[0] else None
            if leading and due is not None and now - due > OVERDUE:
                problems.append(f"a reminder due at {to_iso(due)} has not been sent")
    if gateway is not None:
        facts["gateway"] = "connected" if gateway else "disconnected"
        if not gateway:
            problems.append("the Discord gateway is not connected")
    if leading is not None:
        facts["dispatcher"] = "leading" if leading else "not leading"
        if not leading:
            problems.append("this process is not sending reminders")
    return Health(not problems, problems, facts)
