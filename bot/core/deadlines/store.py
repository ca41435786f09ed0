"""Deadlines in SQLite: `DeadlineStore`, with a revision written for every change.

Kept apart from the model and from date reading so that those stay usable without a database (the data-file
checks, the calendar export, the CLI). Every write is validated first through `deadline_from_record`, then written
together with its revision row in one transaction; seeding from data/ is all or nothing.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from bot.core.db import Database
from bot.core.deadlines.dates import _zone
from bot.core.deadlines.model import Deadline, deadline_from_record
from bot.core.deadlines.recurrence import next_occurrence
from bot.core.models import MAX_REASON, InputError, NotFound, Revision
from bot.core.permissions import Actor
from bot.core.timeutil import from_iso, to_iso, utcnow


def _row_to_deadline(row: Any) -> Deadline:
    zone = row["zone"]
    tz = _zone(zone)
    return Deadline(
        id=row["id"], title=row["title"], kind=row["kind"], zone=zone, all_day=bool(row["all_day"]),
        start=from_iso(row["start_utc"]).astimezone(tz),
        end=from_iso(row["end_utc"]).astimezone(tz) if row["end_utc"] else None,
        description=row["description"], link=row["link"], sources=json.loads(row["sources"]),
        guild_id=row["guild_id"], offsets=json.loads(row["offsets"]) if row["offsets"] else None,
        status=row["status"], rev=row["rev"], created_at=row["created_at"], updated_at=row["updated_at"],
        repeat=row["repeat"], skip=json.loads(row["skip"]), moved=json.loads(row["moved"]),
    )


class _Anywhere:
    """The viewpoint of the engine itself (derivation, seeding, export, the CLI): every deadline is there."""

    def __repr__(self) -> str:
        return "ANYWHERE"


ANYWHERE = _Anywhere()
SeenFrom = str | None | _Anywhere  # a server id; None for a direct message; ANYWHERE for the engine


def visible_from(deadline: Deadline, seen_from: SeenFrom) -> bool:
    """Whether a deadline exists as seen from a server (or a DM): its own and those for every server. Another
    server's own deadline does not exist there, and nothing about it may show (not even its id)."""
    if isinstance(seen_from, _Anywhere) or deadline.guild_id is None:
        return True
    return seen_from is not None and deadline.guild_id == str(seen_from)


def _scope_sql(seen_from: SeenFrom) -> tuple[str, tuple[str, ...]]:
    if isinstance(seen_from, _Anywhere):
        return "1 = 1", ()
    if seen_from is None:
        return "guild_id IS NULL", ()
    return "(guild_id IS NULL OR guild_id = ?)", (str(seen_from),)


def _check_reason(reason: str | None) -> str:
    reason = " ".join((reason or "").split())
    if len(reason) > MAX_REASON:
        raise InputError(f"the reason is {len(reason)} characters; the limit is {MAX_REASON}")
    return reason


class DeadlineStore:
    """Deadlines in SQLite. Writes are validated first, then written with a revision in one transaction.

    Reminder rows are derived from deadlines by bot.core.reminders; callers that change deadlines re-derive them (the
    commands do it in the same transaction) and `notify()` so a running scheduler re-arms its wake-up.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self.listeners: list[Callable[[], None]] = []

    def notify(self) -> None:
        """Tell whoever schedules reminders (the running scheduler, if any) that deadlines or settings changed."""
        for listener in list(self.listeners):
            listener()

    # --- reading ---------------------------------------------------------------------------------------------
    def get(self, deadline_id: str, seen_from: SeenFrom = ANYWHERE) -> Deadline | None:
        row = self.db.query_one("SELECT * FROM deadlines WHERE id = ?", ((deadline_id or "").strip(),))
        deadline = None if row is None else _row_to_deadline(row)
        return deadline if deadline is not None and visible_from(deadline, seen_from) else None

    def require(self, deadline_id: str, seen_from: SeenFrom = ANYWHERE) -> Deadline:
        """The deadline as seen from a server or a DM; another server's own one is "not found" in the very words
        used for an id nobody ever used, and "did you mean" names only deadlines visible from there."""
        deadline = self.get(deadline_id, seen_from)
        if deadline is None:
            scope, params = _scope_sql(seen_from)
            ids = [r["id"] for r in self.db.query(f"SELECT id FROM deadlines WHERE {scope}", params)]
            close = difflib.get_close_matches((deadline_id or "").strip(), ids, n=3, cutoff=0.5)
            more = f" Did you mean {', '.join(f'`{c}`' for c in close)}?" if close else ""
            raise NotFound(f"No deadline with id `{deadline_id}`.{more}")
        return deadline

    def list(self, *, include_cancelled: bool = False, seen_from: SeenFrom = ANYWHERE) -> list[Deadline]:
        scope, params = _scope_sql(seen_from)
        where = f"WHERE {scope}" + ("" if include_cancelled else " AND status = 'active'")
        return [_row_to_deadline(r) for r in self.db.query(f"SELECT * FROM deadlines {where} ORDER BY start_utc, id",
                                                           params)]

    def count(self, seen_from: SeenFrom = ANYWHERE) -> int:
        scope, params = _scope_sql(seen_from)
        row = self.db.query_one(f"SELECT count(*) FROM deadlines WHERE status = 'active' AND {scope}", params)
        return int(row[0]) if row else 0

    def upcoming(self, now: dt.datetime | None = None, days: int | None = 30,
                 guild_id: str | None = None, *, network: bool = True) -> list[Deadline]:
        """Active deadlines not yet over that start within `days` (None: any time), soonest first; for a server,
        its own and (unless `network` is False) the all-server ones (guild_id None: every deadline). A repeating
        deadline is given as its next occurrence."""
        now = now or utcnow()
        # a cheap prefilter in SQL (all-day dates run to the next midnight in their zone), the exact test below
        floor = to_iso(now - dt.timedelta(days=2))
        sql = "SELECT * FROM deadlines WHERE status = 'active' AND (repeat IS NOT NULL OR (coalesce(end_utc, " \
              "start_utc) >= ?"
        params: list[Any] = [floor]
        if days is not None:
            sql += " AND start_utc < ?"
            params.append(to_iso(now + dt.timedelta(days=days)))
        sql += "))"
        if guild_id is not None:
            sql += " AND (guild_id IS NULL OR guild_id = ?)" if network else " AND guild_id = ?"
            params.append(str(guild_id))
        rows = self.db.query(sql + " ORDER BY start_utc, id", tuple(params))
        found = [next_occurrence(d, now) if d.repeat else d for d in map(_row_to_deadline, rows)]
        until = now + dt.timedelta(days=days) if days is not None else None
        found = [d for d in found if d is not None and d.ends_at > now and (until is None or d.start_utc < until)]
        return sorted(found, key=lambda d: (d.start_utc, d.id))

    def history(self, deadline_id: str, seen_from: SeenFrom = ANYWHERE) -> list[Revision]:
        deadline_id = self.require(deadline_id, seen_from).id
        rows = self.db.query("SELECT * FROM deadline_revisions WHERE deadline_id = ? ORDER BY rev", (deadline_id,))
        return [Revision(r["deadline_id"], r["rev"], r["action"], r["actor_id"], r["actor_name"], r["at"],
                                 r["reason"], json.loads(r["changed"]), json.loads(r["snapshot"])) for r in rows]

    def cancel_reason(self, deadline: Deadline) -> str:
        """Why the deadline was cancelled, or, for one occurrence of a repeating deadline, why it was skipped: the
        reason given in the revision that did it, for the cancellation notice."""
        if deadline.occurrence:
            sql, params = "changed LIKE '%\"skip\"%' AND snapshot LIKE ?", (f'%"{deadline.occurrence}"%',)
        else:
            sql, params = "action = 'cancel'", ()
        row = self.db.query_one(f"SELECT reason FROM deadline_revisions WHERE deadline_id = ? AND {sql} "
                                "ORDER BY rev DESC LIMIT 1", (deadline.id, *params))
        return row["reason"] if row else ""

    def source_ids(self) -> set[str]:
        return {r["id"] for r in self.db.query("SELECT id FROM sources")}

    def next_reminder_due(self, guild_id: str | None = None) -> dt.datetime | None:
        """When the next pending reminder (for one server, or any) is due (UTC), for status lines."""
        where, params = ("AND guild_id = ?", (str(guild_id),)) if guild_id else ("", ())
        row = self.db.query_one(
            f"SELECT min(coalesce(next_attempt_utc, due_utc)) FROM reminders WHERE state = 'pending' {where}", params)
        return from_iso(row[0]) if row and row[0] else None

    # --- writing ---------------------------------------------------------------------------------------------
    def validate(self, data: dict[str, Any], *, now: dt.datetime | None = None) -> Deadline:
        deadline = deadline_from_record(data, sources=self.source_ids(), now=now)
        if not deadline.sources and not deadline.link:
            raise InputError("give a source id or a link, so members can check where the date comes from")
        return deadline

    def add(self, data: dict[str, Any], actor: Actor, reason: str = "", *, now: dt.datetime | None = None,
            seen_from: SeenFrom = ANYWHERE) -> Deadline:
        """A new deadline typed by a moderator: must be in the future (relative to `now`, default the clock)."""
        now = now or utcnow()
        reason = _check_reason(reason)
        deadline = self.validate({k: v for k, v in data.items() if v not in (None, "")}, now=now)
        with self.db.transaction():
            if self.get(deadline.id, seen_from) is not None:
                raise InputError(f"a deadline with id `{deadline.id}` already exists; edit it or pick another id")
            if self.get(deadline.id) is not None:  # ids are shared by all servers; say nothing of another's
                raise InputError(f"the id `{deadline.id}` cannot be used; pick another id")
            self._write(deadline, None, "add", actor, reason)
        return self.require(deadline.id)

    def edit(self, deadline_id: str, changes: dict[str, Any], actor: Actor, reason: str = "", *,
             now: dt.datetime | None = None, seen_from: SeenFrom = ANYWHERE) -> Deadline:
        """Change some fields; the rest keep their values. A changed start, end or zone must be in the future.
        Giving a new zone without a new start keeps the wall-clock time and reads it in the new zone."""
        now = now or utcnow()
        reason = _check_reason(reason)
        changes = {k: v for k, v in changes.items() if v is not None}
        with self.db.transaction():
            current = self.require(deadline_id, seen_from)
            if current.status != "active":
                raise InputError(f"`{deadline_id}` is cancelled; add a new deadline instead of editing it")
            if "id" in changes and changes["id"] != current.id:
                raise InputError("a deadline's id cannot change; cancel it and add a new one")
            merged = {**current.record(), **changes, "id": current.id}
            for key in ("end", "link", "guild", "offsets", "description", "repeat"):
                if merged.get(key) == "":
                    merged.pop(key)
            timing = any(k in changes for k in ("start", "end", "zone"))
            deadline = self.validate(merged, now=now if timing else None)
            if deadline.record() == current.record():
                raise InputError("nothing changed: the new values are the same as the current ones")
            self._write(deadline, current, "edit", actor, reason)
        return self.require(deadline_id)

    def cancel(self, deadline_id: str, actor: Actor, reason: str, *, seen_from: SeenFrom = ANYWHERE) -> Deadline:
        reason = _check_reason(reason)
        if not reason:
            raise InputError("say why the deadline is cancelled (a reason is required)")
        with self.db.transaction():
            current = self.require(deadline_id, seen_from)
            if current.status == "cancelled":
                raise InputError(f"`{deadline_id}` is already cancelled")
            self._write(replace(current, status="cancelled"), current, "cancel", actor, reason)
        return self.require(deadline_id)

    def _write(self, deadline: Deadline, current: Deadline | None, action: str, actor: Actor, reason: str) -> None:
        now = to_iso(utcnow())
        rev = (current.rev if current else 0) + 1
        created = current.created_at if current else now
        before = current.record() if current else {}
        after = deadline.record()
        changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
        row = {
            "id": deadline.id, "title": deadline.title, "kind": deadline.kind,
            "start_utc": to_iso(deadline.start), "end_utc": to_iso(deadline.end) if deadline.end else None,
            "zone": deadline.zone, "all_day": int(deadline.all_day), "description": deadline.description,
            "link": deadline.link, "sources": json.dumps(deadline.sources, ensure_ascii=False),
            "guild_id": deadline.guild_id, "offsets": json.dumps(deadline.offsets) if deadline.offsets else None,
            "status": deadline.status, "rev": rev, "created_at": created, "updated_at": now,
            "repeat": deadline.repeat, "skip": json.dumps(deadline.skip), "moved": json.dumps(deadline.moved),
        }
        cols = list(row)
        conn = self.db.conn
        conn.execute(
            f"INSERT INTO deadlines ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))}) "
            f"ON CONFLICT(id) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in cols if c != 'id')}",
            [row[c] for c in cols],
        )
        conn.execute(
            "INSERT INTO deadline_revisions (deadline_id, rev, action, actor_id, actor_name, at, reason, changed,"
            " snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (deadline.id, rev, action, actor.id, actor.name, now, reason, json.dumps(changed),
             json.dumps({**after, "status": deadline.status}, ensure_ascii=False)),
        )

    # --- bulk: seeding and export ----------------------------------------------------------------------------
    def seed(self, records: Iterable[dict[str, Any]], actor: Actor, reason: str = "seeded from data/") -> list[str]:
        """Load file records (already checked by `facts check`; checked again here) all or nothing.

        Past dates are accepted: the file also records what has happened. A record whose content matches the
        stored deadline is left alone, so seeding twice writes nothing the second time.
        """
        known = self.source_ids()
        deadlines = []
        seen: set[str] = set()
        for number, record in enumerate(records, start=1):
            where = getattr(record, "where", None) or f"deadline {number}"
            try:
                deadline = deadline_from_record(dict(record), sources=known)
            except InputError as exc:
                raise InputError(f"{where}: {exc}") from None
            if deadline.id in seen:
                raise InputError(f"{where}: deadline id `{deadline.id}` appears twice")
            seen.add(deadline.id)
            deadlines.append(deadline)
        written = []
        with self.db.transaction():
            for deadline in deadlines:
                current = self.get(deadline.id)
                if current is not None and current.record() == deadline.record():
                    continue
                self._write(deadline, current, "import" if current else "seed", actor, _check_reason(reason))
                written.append(deadline.id)
        return written

    def export_records(self) -> list[dict[str, Any]]:
        """Every deadline (cancelled ones marked `status: cancelled`) in the data/deadlines.yaml format."""
        return [d.record() for d in self.list(include_cancelled=True)]
