"""The dispatcher lease: one process per database may post reminders.

It exists because the `reminders` table is shared by every process that opens the database (a bot restarted
while the old one still runs, a second copy on the same file), and two dispatchers would post everything twice.
The lease is a row in `leases`; the holder heartbeats it, and another process takes it over only when the holder
stops heartbeating or, on the same host, its process is gone.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import uuid
from typing import Any

from bot.core.db import Database
from bot.core.timeutil import from_iso, to_iso, utcnow

log = logging.getLogger(__name__)

LEASE_NAME = "dispatcher"
LEASE_TTL = dt.timedelta(seconds=90)


class LeaseHeld(RuntimeError):
    """Another live process holds the dispatcher lease; this one must not post."""


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


class Lease:
    """A row in `leases` naming the one process allowed to dispatch. It is taken over when its holder stops
    heartbeating for `ttl`, or at once when the holder ran on this host and its process no longer exists (a
    crash or SIGKILL), so a restart does not wait. Two processes on one database therefore never both post."""

    def __init__(self, db: Database, name: str = LEASE_NAME, ttl: dt.timedelta = LEASE_TTL,
                 owner: str | None = None) -> None:
        self.db = db
        self.name = name
        self.ttl = ttl
        self.owner = owner or uuid.uuid4().hex
        self.pid = os.getpid()
        self.host = socket.gethostname()

    def holder(self) -> dict[str, Any] | None:
        row = self.db.query_one("SELECT * FROM leases WHERE name = ?", (self.name,))
        return dict(row) if row else None

    def describe(self, holder: dict[str, Any], now: dt.datetime) -> str:
        seen = int((now - from_iso(holder["heartbeat_at"])).total_seconds())
        return (f"process {holder['pid']} on host {holder['host']}, holding it since {holder['acquired_at']}, "
                f"last heartbeat {max(seen, 0)} s ago")

    def acquire(self, now: dt.datetime | None = None) -> None:
        now = now or utcnow()
        with self.db.transaction() as conn:
            holder = self.holder()
            if holder and holder["owner"] != self.owner:
                stale = from_iso(holder["heartbeat_at"]) < now - self.ttl
                dead = holder["host"] == self.host and holder["pid"] != self.pid and not _pid_alive(holder["pid"])
                if not (stale or dead):
                    raise LeaseHeld(
                        f"Another Coalition Desk process is already sending reminders from this database "
                        f"({self.describe(holder, now)}). This process will not send reminders, digests or backups, "
                        f"so nothing is posted twice. Stop the other process; this one takes over within "
                        f"{int(self.ttl.total_seconds())} s of it stopping.")
                log.warning("taking over the dispatcher lease from %s (%s)", self.describe(holder, now),
                            "no heartbeat" if stale else "process gone")
            conn.execute(
                "INSERT INTO leases (name, owner, pid, host, acquired_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(name) DO UPDATE SET owner = excluded.owner, pid = excluded.pid, host = excluded.host, "
                "acquired_at = CASE WHEN leases.owner = excluded.owner THEN leases.acquired_at "
                "ELSE excluded.acquired_at END, heartbeat_at = excluded.heartbeat_at",
                (self.name, self.owner, self.pid, self.host, to_iso(now), to_iso(now)))

    def renew(self, now: dt.datetime | None = None) -> bool:
        """Heartbeat; False if the lease was taken over (then stop dispatching)."""
        now = now or utcnow()
        with self.db.transaction() as conn:
            cur = conn.execute("UPDATE leases SET heartbeat_at = ? WHERE name = ? AND owner = ?",
                               (to_iso(now), self.name, self.owner))
            return cur.rowcount == 1

    def release(self) -> None:
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM leases WHERE name = ? AND owner = ?", (self.name, self.owner))
