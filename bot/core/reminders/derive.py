"""Derivation: bringing the `reminders` table in line with deadlines and server settings.

It exists as its own step because the table, not the scheduler, is the record of what is due: every change to a
deadline or to a server's reminder settings re-derives the rows it touches (the commands do so in the same
transaction), and the dispatcher only ever reads rows. `fingerprint` is the cheap test the dispatcher runs on each
tick to notice changes made outside the commands. Derivation runs over every deadline × server × offset (about
100,000 rows in the bench), so it works on plain tuples and bulk statements.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from bot.core.db import Database
from bot.core.deadlines.recurrence import reminder_occurrences
from bot.core.deadlines.store import DeadlineStore
from bot.core.reminders.notices import CANCEL_PREFIX, is_notice
from bot.core.reminders.personal import personal_desired
from bot.core.reminders.texts import due_time
from bot.core.settings import SettingsStore
from bot.core.storage import StorageError
from bot.core.timeutil import to_iso, utcnow

log = logging.getLogger(__name__)

NOTICE_PREFIX = CANCEL_PREFIX  # offset of a cancellation-notice row: "cancel:<channel id>"


@dataclass
class DeriveResult:
    created: int = 0
    skipped: int = 0  # moved by a deadline edit to a time already past
    passed: int = 0  # not created because their time had already passed (not a change)
    rescheduled: int = 0
    reopened: int = 0
    cancelled: int = 0
    notices: int = 0

    @property
    def changed(self) -> int:
        return self.created + self.skipped + self.rescheduled + self.reopened + self.cancelled + self.notices


def _in(column: str, values: list[str]) -> tuple[str, list[str]]:
    return f"{column} IN ({','.join('?' * len(values))})", list(values)


def derive_reminders(db: Database, *, deadline_ids: Iterable[str] | None = None,
                     guild_ids: Iterable[str] | None = None, now: dt.datetime | None = None) -> DeriveResult:
    """Bring the reminder rows in line with deadlines and server settings (all, or some deadlines or servers).

    A server gets reminders once it has a reminder channel; a deadline is for one server, or for every server
    that opted in to those (`network_reminders`: deadlines the operators publish for all). Sent, claimed
    and missed rows are history and are never rewritten. A pending row whose deadline or server no longer wants
    it becomes cancelled; one whose time moved is rescheduled (or skipped if the new time is already past);
    a reminder whose time has already passed when it is first derived is not created (a deadline added three
    days ahead gets its 1d and 2h reminders, not a late 14d one). When a deadline is cancelled, each channel that was
    already reminded of it gets one cancellation notice row.
    """
    now = now or utcnow()
    now_iso = to_iso(now)
    dl_filter = sorted(set(deadline_ids)) if deadline_ids is not None else None
    g_filter = sorted({str(g) for g in guild_ids}) if guild_ids is not None else None
    result = DeriveResult()
    settings = SettingsStore(db)
    store = DeadlineStore(db)
    with db.transaction() as conn:
        every = settings.all()
        guilds = {g.guild_id: g for g in every if g.reminder_channel_id}
        network = {g.guild_id for g in every if g.network_reminders}
        if g_filter is not None:
            guilds = {k: v for k, v in guilds.items() if k in g_filter}
        if dl_filter is not None:
            deadlines = [d for d in (store.get(i) for i in dl_filter) if d is not None]
        else:
            deadlines = store.list(include_cancelled=True)

        sql, params = "SELECT id, deadline_id, guild_id, offset, due_utc, state FROM reminders WHERE 1 = 1", []
        if dl_filter is not None:
            clause, values = _in("deadline_id", dl_filter)
            sql, params = f"{sql} AND {clause}", params + values
        if g_filter is not None:
            clause, values = _in("guild_id", g_filter)
            sql, params = f"{sql} AND {clause}", params + values
        # (id, due_utc, state) per key as plain tuples: at 100,000 rows, sqlite3.Row objects cost twice the memory
        existing: dict[tuple[str, str, str], tuple[int, str, str]] = {}
        notices: set[tuple[str, str, str]] = set()
        reminded: dict[tuple[str, str], set[str]] = {}
        plain = conn.cursor()
        plain.row_factory = None
        for rid, deadline_id, guild_id, offset, due_utc, state in plain.execute(sql, params):
            key = (deadline_id, guild_id, offset)
            if is_notice(offset):  # cancellation and rescheduled notices are not derived from offsets
                notices.add(key)
                continue
            existing[key] = (rid, due_utc, state)
        for row in conn.execute(
            "SELECT DISTINCT deadline_id, guild_id, channel_id FROM reminders WHERE state = 'sent' AND channel_id "
            "IS NOT NULL AND offset NOT LIKE 'cancel:%'" + (f" AND {_in('deadline_id', dl_filter)[0]}"
                                                           if dl_filter is not None else ""),
            dl_filter or [],
        ):
            reminded.setdefault((row["deadline_id"], row["guild_id"]), set()).add(row["channel_id"])

        desired: dict[tuple[str, str, str], str] = {}
        for deadline in deadlines:
            if deadline.status != "active":
                continue
            targets = [deadline.guild_id] if deadline.guild_id else [g for g in guilds if g in network]
            due_cache: dict[str, str] = {}
            each = reminder_occurrences(deadline, now)  # the deadline, or each upcoming occurrence of a repeating one
            for guild_id in targets:
                guild = guilds.get(guild_id) if guild_id else None
                if guild is None:
                    continue
                for offset in deadline.offsets or guild.reminder_offsets:
                    for suffix, occurrence in each:
                        if offset + suffix not in due_cache:
                            due_cache[offset + suffix] = to_iso(due_time(occurrence, offset))
                        desired[(deadline.id, guild_id, offset + suffix)] = due_cache[offset + suffix]
        if g_filter is None:  # members' own reminders (/remind me): not a server's, so not under a server filter
            desired.update(personal_desired(conn, deadlines, now))

        inserts, updates, states = [], [], []
        for key, due in desired.items():
            row = existing.get(key)
            if row is None:
                if due > now_iso:  # a reminder whose time has already passed is not created at all
                    inserts.append((*key, due, "pending"))
                    result.created += 1
                else:
                    result.passed += 1
                continue
            rid, old_due, state = row
            if state == "pending" and old_due != due:
                if due > now_iso:
                    updates.append((due, "pending", rid))
                    result.rescheduled += 1
                else:
                    updates.append((due, "skipped", rid))
                    result.skipped += 1
            elif state in ("cancelled", "skipped", "missed", "failed") and due > now_iso:
                updates.append((due, "pending", rid))
                result.reopened += 1
        for key, (rid, _, state) in existing.items():
            if key not in desired and state == "pending":
                states.append(("cancelled", "no longer wanted (deadline or server settings changed)", rid))
                result.cancelled += 1
        # raw SQL and executemany: a full derive writes up to 100,000 rows, one statement per kind of change
        conn.executemany(
            "INSERT INTO reminders (deadline_id, guild_id, offset, due_utc, state) VALUES (?, ?, ?, ?, ?)", inserts)
        conn.executemany(
            "UPDATE reminders SET due_utc = ?, state = ?, attempts = 0, next_attempt_utc = NULL, late = 0, "
            "error = NULL WHERE id = ?", updates)
        conn.executemany("UPDATE reminders SET state = ?, error = ? WHERE id = ?", states)

        for deadline in deadlines:
            if deadline.status != "cancelled":
                continue
            for (deadline_id, guild_id), channels in reminded.items():
                if deadline_id != deadline.id or (g_filter is not None and guild_id not in g_filter):
                    continue
                if deadline.guild_id is None and guild_id not in network:  # it opted out since: no more posts
                    continue
                for channel_id in sorted(channels):
                    key = (deadline.id, guild_id, NOTICE_PREFIX + channel_id)
                    if key in notices:
                        continue
                    conn.execute(
                        "INSERT INTO reminders (deadline_id, guild_id, offset, due_utc, state, channel_id) "
                        "VALUES (?, ?, ?, ?, 'pending', ?)", (*key, now_iso, channel_id))
                    result.notices += 1
    return result


def fingerprint(db: Database) -> str:
    """Changes whenever a deadline is written or a server's reminder settings change: a cheap test, on each
    tick, for changes made outside the commands (another tool writing the same database)."""
    d = db.query_one("SELECT count(*), coalesce(sum(rev), 0), coalesce(max(updated_at), ''), count(repeat) "
                     "FROM deadlines")
    g = db.query("SELECT guild_id, reminder_channel_id, offsets, network_reminders FROM guild_settings "
                 "ORDER BY guild_id")
    # repeating deadlines have reminders for the occurrences ahead: a new day may bring the next one into reach
    day = utcnow().date().isoformat() if d and d[3] else ""
    raw = json.dumps([list(d) if d else [], [list(r) for r in g], day])
    return hashlib.blake2b(raw.encode(), digest_size=8).hexdigest()


DERIVED_META = "reminders.derived"  # the fingerprint the rows were last brought in line with


def stored_mark(db: Database) -> str | None:
    return db.get_meta(DERIVED_META)


def keep_mark(db: Database) -> str:
    """Record that the rows are in line with deadlines and settings as they are now, in the database, so a
    restart (of this or another process) derives only if something changed since: with 100,000 deadlines a
    plain restart reads nothing but what is due. A full disk only means the next start derives again."""
    mark = fingerprint(db)
    if db.writable and stored_mark(db) != mark:
        try:
            db.set_meta(DERIVED_META, mark)
        except StorageError as exc:
            log.warning("could not record the derived reminders: %s", exc)
    return mark
