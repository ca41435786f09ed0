"""Reminders: rows in the database derived from deadlines × servers × offsets, and the dispatcher that sends each
one exactly once.

The `reminders` table is the record of what is due and what was sent; the scheduler only wakes the dispatcher.
A due row is claimed in a transaction, sent with a nonce derived from its id (Discord drops a repeat of a nonce
sent shortly before), then marked sent with the message id. After a crash between claim and mark, start-up sends
the claimed row again with the same nonce. Rows that came due while the bot was down are posted once, marked
late, if they are within the grace period and the deadline is still ahead; otherwise they are marked missed,
never posted, and reported to the mod-log, so a long outage does not end in a flood.

States: pending -> claimed -> sent; pending -> missed | failed | cancelled | skipped (its deadline moved so that
its new time had already passed).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import inspect
import json
import logging
import os
import re
import socket
import uuid
from collections import Counter, deque
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from bot.core.db import Database
from bot.core.deadlines import KIND_LABELS, Deadline, DeadlineStore, Offset, resolve_local
from bot.core.refs import channel_ref, role_ref
from bot.core.settings import SettingsStore
from bot.core.timeutil import UTC, discord_timestamp, from_iso, to_iso, utcnow

if TYPE_CHECKING:
    from bot.core.desk import Desk

log = logging.getLogger(__name__)

DEFAULT_GRACE = dt.timedelta(hours=6)
LATE_AFTER = dt.timedelta(minutes=5)  # sent later than this after its due time, a reminder says it is late
MAX_ATTEMPTS = 6  # transient failures before a reminder is given up as failed (rate limits do not count)
BACKOFF_BASE = 5.0  # seconds; doubled per attempt
BACKOFF_MAX = 300.0
LEASE_NAME = "dispatcher"
LEASE_TTL = dt.timedelta(seconds=90)
NOTICE_PREFIX = "cancel:"  # offset of a cancellation-notice row: "cancel:<channel id>"
BATCH = 200


# --- the Sender the adapters implement ---------------------------------------------------------------------------
class SendError(Exception):
    """A post that did not go out."""


class PermanentSendError(SendError):
    """The channel is gone or the bot may not post there: not retried, reported to the mod-log once."""


class ChannelGone(PermanentSendError):
    pass


class NoPermission(PermanentSendError):
    pass


class RateLimited(SendError):
    def __init__(self, retry_after: float, message: str = "rate limited") -> None:
        super().__init__(message)
        self.retry_after = max(0.0, float(retry_after))


class TransientSendError(SendError):
    """A failure worth retrying with backoff (a 5xx, a timeout, a dropped connection)."""


class Sender(Protocol):
    """Posts a message. The Discord adapter implements it with `channel.send(text, nonce=nonce,
    allowed_mentions=AllowedMentions(everyone=False, users=False, roles=[Object(ping_role_id)] if ping_role_id
    else False))`, so only the configured role can ever be pinged, and maps errors: NotFound -> ChannelGone,
    Forbidden -> NoPermission, HTTPException 429 -> RateLimited(retry_after), 5xx or network -> TransientSendError.
    Returns the message id.

    A sender may also offer `async find_posted(channel_id, text, since) -> message id | None`, which recovery
    uses after a crash to find a post the interrupted send made, once Discord has forgotten the nonce."""

    async def send(self, channel_id: str, text: str, nonce: str, ping_role_id: str | None) -> str: ...


@dataclass
class Post:
    channel_id: str
    text: str
    nonce: str
    ping_role_id: str | None
    message_id: str
    at: str


class RecordingSender:
    """A fake for tests and the bench: records posts (in memory, or in a SQLite file that survives a killed
    process) and, like Discord, returns the first message again for a nonce it has already seen.

    `fail(channel_id, *errors)` queues exceptions to raise for that channel ("*" for any) before succeeding.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *, nonce_window: float | None = None) -> None:
        self.path = Path(path) if path else None
        self.nonce_window = nonce_window  # seconds a repeated nonce is dropped (Discord: minutes); None: forever
        self._posts: list[Post] = []
        self._by_nonce: dict[str, Post] = {}
        self.calls = 0
        self.failures: dict[str, deque[BaseException]] = {}
        self.on_send: Callable[[Post], None] | None = None
        if self.path:
            import sqlite3

            self._conn = sqlite3.connect(str(self.path), isolation_level=None, timeout=10)
            self._conn.execute(
                "CREATE TABLE IF NOT EXISTS posts (id INTEGER PRIMARY KEY, channel_id TEXT, text TEXT, "
                "nonce TEXT UNIQUE, ping_role_id TEXT, at TEXT)")

    def fail(self, channel_id: str, *errors: BaseException) -> None:
        self.failures.setdefault(channel_id, deque()).extend(errors)

    def _remembers(self, at: str) -> bool:
        return self.nonce_window is None or (utcnow() - from_iso(at)).total_seconds() <= self.nonce_window

    async def find_posted(self, channel_id: str, text: str, since: dt.datetime) -> str | None:
        for post in reversed(self.posts):
            if post.channel_id == channel_id and post.text == text and from_iso(post.at) >= since:
                return post.message_id
        return None

    @property
    def posts(self) -> list[Post]:
        if not self.path:
            return list(self._posts)
        rows = self._conn.execute("SELECT id, channel_id, text, nonce, ping_role_id, at FROM posts ORDER BY id")
        return [Post(r[1], r[2], r[3], r[4], str(r[0]), r[5]) for r in rows]

    async def send(self, channel_id: str, text: str, nonce: str, ping_role_id: str | None) -> str:
        self.calls += 1
        for key in (channel_id, "*"):
            queue = self.failures.get(key)
            if queue:
                raise queue.popleft()
        if len(nonce) > 25:
            raise ValueError(f"nonce {nonce!r} is longer than Discord's 25 characters")
        now = to_iso(utcnow())
        if self.path:
            found = self._conn.execute("SELECT id, at FROM posts WHERE nonce = ? ORDER BY id DESC",
                                       (nonce,)).fetchone()
            if found and self._remembers(found[1]):
                return str(found[0])
            cur = self._conn.execute(
                "INSERT INTO posts (channel_id, text, nonce, ping_role_id, at) VALUES (?, ?, ?, ?, ?)",
                (channel_id, text, nonce, ping_role_id, now))
            post = Post(channel_id, text, nonce, ping_role_id, str(cur.lastrowid), now)
        else:
            if nonce in self._by_nonce and self._remembers(self._by_nonce[nonce].at):
                return self._by_nonce[nonce].message_id
            post = Post(channel_id, text, nonce, ping_role_id, str(len(self._posts) + 1), now)
            self._posts.append(post)
            self._by_nonce[nonce] = post
        if self.on_send:
            self.on_send(post)
        return post.message_id


class ConsoleSender:
    """Prints reminders in the local chat as they fire, so running without a token shows the whole loop."""

    def __init__(self, write: Callable[[str], Any] = print, render: Callable[[str], str] | None = None) -> None:
        if render is None:
            from bot.core.render import for_terminal  # as the chat shows them; render imports the answer path

            render = for_terminal
        self.write = write
        self.render = render
        self._seen: dict[str, str] = {}

    async def send(self, channel_id: str, text: str, nonce: str, ping_role_id: str | None) -> str:
        if nonce in self._seen:
            return self._seen[nonce]
        message_id = f"console-{len(self._seen) + 1}"
        self._seen[nonce] = message_id
        self.write(f"\n── posted in channel {channel_id} ──\n{self.render(text)}\n")
        return message_id


# --- what goes to the mod-log ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Report:
    """A message for a server's moderators. `channel_id` is the mod-log channel, or None when none is set (the
    Discord adapter then messages the server owner). kind: missed | channel | failed | lease | digest."""

    guild_id: str | None
    channel_id: str | None
    kind: str
    text: str


ReportHandler = Callable[[Report], Awaitable[None] | None]


# --- timing ----------------------------------------------------------------------------------------------------
def due_time(deadline: Deadline, offset: str) -> dt.datetime:
    """When the reminder `offset` before `deadline` is due, in UTC. Days and weeks step back on the deadline's
    wall clock (1d before 10:00 Amsterdam is 10:00 Amsterdam the day before, 23 or 25 real hours across a change);
    a wall time in a gap moves forward, one that happens twice is the first. Hours and minutes are real time."""
    off = _offset(offset)
    anchor = deadline.anchor
    days = off.calendar_days
    if days is not None:
        wall = anchor.replace(tzinfo=None) - dt.timedelta(days=days)
        return resolve_local(wall, deadline.zone).astimezone(UTC)
    return anchor.astimezone(UTC) - dt.timedelta(minutes=off.approx_minutes)


@lru_cache(maxsize=256)
def _offset(text: str) -> Offset:
    return Offset.parse(text)


def make_nonce(kind: str, number: int | str, *parts: str) -> str:
    """A deterministic Discord nonce (at most 25 characters): kind, the row id and a short hash of what the row is
    about, so the same row always gets the same nonce and different databases do not collide by id alone."""
    digest = hashlib.blake2b("|".join(parts).encode(), digest_size=4).hexdigest()
    nonce = f"{kind}{number}-{digest}"
    if len(nonce) > 25:
        raise ValueError(f"nonce {nonce!r} would exceed 25 characters")
    return nonce


def reminder_nonce(reminder_id: int, deadline_id: str, guild_id: str, offset: str) -> str:
    return make_nonce("cdr", reminder_id, deadline_id, guild_id, offset)


# --- text ------------------------------------------------------------------------------------------------------
def neutralize(text: str) -> str:
    """Mentions typed into titles must not ping anyone: break @everyone, @here and <@...> with a zero-width space
    (the adapter's AllowedMentions is the real guard; this keeps every other output honest too)."""
    text = re.sub(r"@(everyone|here)", "@\u200b\\1", text)
    return text.replace("<@", "<\u200b@")


def reminder_text(deadline: Deadline, *, number: int, total: int, role_id: str | None = None,
                  late_due: dt.datetime | None = None) -> str:
    lines = []
    if role_id:
        lines.append(role_ref(role_id))
    lines.append(f"⏰ **{neutralize(deadline.title)}** — {KIND_LABELS.get(deadline.kind, deadline.kind)}")
    lines.append(f"When: {deadline.when_text()}")
    if deadline.link:
        lines.append(f"Link: <{deadline.link}>")
    if late_due is not None:
        lines.append(f"Late: this reminder was due {discord_timestamp(late_due, 'F')} and could not be sent then.")
    lines.append(f"Reminder {number} of {total} · `{deadline.id}`")
    return "\n".join(lines)


def cancellation_text(deadline: Deadline, reason: str) -> str:
    text = (f"❌ **{neutralize(deadline.title)}** ({discord_timestamp(deadline.start_utc, 'F')}) has been cancelled; "
            f"no more reminders will be sent for it.")
    if reason:
        text += f"\nReason: {neutralize(reason)}"
    return text + f"\n`{deadline.id}`"


# --- derivation ----------------------------------------------------------------------------------------------
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

    A server gets reminders once it has a reminder channel; a deadline is for one server or all. Sent, claimed
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
        guilds = {g.guild_id: g for g in settings.all() if g.reminder_channel_id}
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
            if offset.startswith(NOTICE_PREFIX):
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
            targets = [deadline.guild_id] if deadline.guild_id else list(guilds)
            due_cache: dict[str, str] = {}
            for guild_id in targets:
                guild = guilds.get(guild_id) if guild_id else None
                if guild is None:
                    continue
                for offset in deadline.offsets or guild.reminder_offsets:
                    if offset not in due_cache:
                        due_cache[offset] = to_iso(due_time(deadline, offset))
                    desired[(deadline.id, guild_id, offset)] = due_cache[offset]

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
    d = db.query_one("SELECT count(*), coalesce(sum(rev), 0), coalesce(max(updated_at), '') FROM deadlines")
    g = db.query("SELECT guild_id, reminder_channel_id, offsets FROM guild_settings ORDER BY guild_id")
    raw = json.dumps([list(d) if d else [], [list(r) for r in g]])
    return hashlib.blake2b(raw.encode(), digest_size=8).hexdigest()


# --- the lease: one dispatching process per database --------------------------------------------------------------
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


# --- status ----------------------------------------------------------------------------------------------------
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


# --- the dispatcher ------------------------------------------------------------------------------------------
@dataclass
class PassResult:
    sent: int = 0
    late: int = 0
    missed: int = 0
    failed: int = 0
    retrying: int = 0
    cancelled: int = 0
    lags: list[float] = field(default_factory=list)  # seconds from due to sent, for the bench


class ReminderService:
    """Claims due reminder rows, sends them through a Sender, and reports problems to the mod-log.

    Use: `await service.start()` (takes the lease, re-sends rows a crash left claimed, derives), then
    `await service.dispatch_due()` whenever woken (bot.core.scheduler does this), and `service.stop()` at shutdown.
    Reports go to `on_report` (sync or async) and are kept in `service.reports`.
    """

    def __init__(self, desk: Desk, sender: Sender, *, grace: dt.timedelta = DEFAULT_GRACE,
                 on_report: ReportHandler | None = None, lease: Lease | None = None,
                 clock: Callable[[], dt.datetime] = utcnow) -> None:
        self.desk = desk
        self.db: Database = desk.db
        self.deadlines: DeadlineStore = desk.deadlines
        self.settings: SettingsStore = desk.settings
        self.sender = sender
        self.grace = grace
        self.on_report = on_report
        self.lease = lease or Lease(self.db)
        self.clock = clock
        self.reports: deque[Report] = deque(maxlen=200)
        self.leader = False
        self.refusal: str | None = None
        self.lock = asyncio.Lock()
        self._fingerprint: str | None = None
        self.last_pass = PassResult()

    # --- lifecycle -------------------------------------------------------------------------------------------
    async def start(self) -> bool:
        """Take the lease and recover; False (with `refusal` saying why) if another process dispatches."""
        return await self.try_lead()

    async def try_lead(self) -> bool:
        """Become the dispatching process if possible. Called at start and then on each tick while refused."""
        if self.leader:
            return True
        now = self.clock()
        try:
            self.lease.acquire(now)
        except LeaseHeld as exc:
            if self.refusal is None:
                log.error("%s", exc)
                await self._report(Report(None, None, "lease", str(exc)))
            self.refusal = str(exc)
            return False
        self.leader = True
        self.refusal = None
        async with self.lock:
            await self._recover(now)
        self.refresh(force=True)
        return True

    def stop(self) -> None:
        if self.leader:
            self.lease.release()
        self.leader = False

    def refresh(self, *, force: bool = False) -> DeriveResult | None:
        """Re-derive every reminder if deadlines or settings changed since the last derive (or when forced)."""
        mark = fingerprint(self.db)
        if not force and mark == self._fingerprint:
            return None
        result = derive_reminders(self.db, now=self.clock())
        self._fingerprint = fingerprint(self.db)
        return result

    def mark_derived(self) -> None:
        """The caller derived the rows for what it changed (the commands do, in the same transaction): remember
        the state so the next tick does not derive everything again."""
        self._fingerprint = fingerprint(self.db)

    def heartbeat(self) -> bool:
        if not self.leader:
            return False
        if not self.lease.renew(self.clock()):
            self.leader = False
            self.refusal = "the dispatcher lease was taken over by another process; this one stopped dispatching"
            log.error("%s", self.refusal)
            return False
        return True

    def next_wake(self) -> dt.datetime | None:
        """When the dispatcher next has work: the earliest pending due time or retry time."""
        return self.deadlines.next_reminder_due()

    # --- dispatching ---------------------------------------------------------------------------------------
    async def dispatch_due(self) -> PassResult:
        """Send every reminder that is due now, oldest first. Safe to call at any time and from several wake-ups:
        passes are serialised, and each row is claimed before it is sent."""
        result = PassResult()
        if not self.heartbeat():
            return result
        async with self.lock:
            missed: list[tuple[Any, Deadline | None]] = []
            blocked: dict[str, dt.datetime] = {}  # rate-limited channel -> when to try it again
            cursor: tuple[str, int] = ("", 0)  # (due_utc, id) of the last row looked at: each row once per pass
            while True:
                now_iso = to_iso(self.clock())
                rows = self.db.query(
                    "SELECT * FROM reminders WHERE state = 'pending' AND due_utc <= ? AND (next_attempt_utc IS NULL "
                    "OR next_attempt_utc <= ?) AND (due_utc, id) > (?, ?) ORDER BY due_utc, id LIMIT ?",
                    (now_iso, now_iso, *cursor, BATCH))
                if not rows:
                    break
                for row in rows:
                    cursor = (row["due_utc"], row["id"])
                    await self._deliver(row, self.clock(), result, missed, blocked, recovering=False)
            await self._report_missed(missed)
        self.last_pass = result
        return result

    async def _recover(self, now: dt.datetime) -> None:
        """Rows a crash left claimed: send again with the same nonce (Discord drops the repeat if the first got
        through) when still within grace and the deadline is ahead; otherwise missed, since it may or may not have
        been posted and a repeat long after is worse than a note to the moderators."""
        result = PassResult()
        missed: list[tuple[Any, Deadline | None]] = []
        for row in self.db.query("SELECT * FROM reminders WHERE state = 'claimed' ORDER BY due_utc, id"):
            log.warning("reminder %s was claimed but not marked sent (crash?); sending again with the same nonce",
                        row["id"])
            await self._deliver(row, now, result, missed, {}, recovering=True)
        await self._report_missed(missed)

    async def _already_posted(self, row: Any, channel: str, text: str) -> bool:
        """After a crash between send and mark: is the post already in the channel? Discord drops a repeated
        nonce only for a few minutes, so a restart later than that must look rather than trust the nonce.
        Senders that can look offer `find_posted(channel_id, text, since) -> message id | None`."""
        find = getattr(self.sender, "find_posted", None)
        if find is None or not row["claimed_at"]:
            return False
        since = from_iso(row["claimed_at"]) - dt.timedelta(minutes=1)  # allow for clock skew with Discord
        try:
            message_id = await find(str(channel), text, since)
        except Exception as exc:
            log.warning("reminder %s: could not look for an earlier post (%s); relying on the nonce", row["id"], exc)
            return False
        if not message_id:
            return False
        with self.db.transaction() as conn:
            conn.execute("UPDATE reminders SET state = 'sent', sent_at = ?, message_id = ?, error = NULL "
                         "WHERE id = ? AND state = 'claimed'", (to_iso(self.clock()), str(message_id), row["id"]))
        log.info("reminder %s: the interrupted send had posted it (message %s); not sending again",
                 row["id"], message_id)
        return True

    async def _deliver(self, row: Any, now: dt.datetime, result: PassResult,
                       missed: list[tuple[Any, Deadline | None]], blocked: dict[str, dt.datetime], *,
                       recovering: bool) -> None:
        rid = row["id"]
        notice = row["offset"].startswith(NOTICE_PREFIX)
        deadline = self.deadlines.get(row["deadline_id"])
        if deadline is None or (not notice and deadline.status != "active"):
            self._set(rid, "cancelled", "deadline cancelled or removed")
            result.cancelled += 1
            return
        settings = self.settings.get(row["guild_id"])
        channel = row["channel_id"] if (notice or recovering) else settings.reminder_channel_id
        if not channel:
            self._set(rid, "cancelled", "the server has no reminder channel")
            result.cancelled += 1
            return
        if channel in blocked:  # the channel is rate limited: wait with the row that hit the limit
            self._retry(rid, blocked[channel], "waiting: the channel is rate limited")
            result.retrying += 1
            return
        due = from_iso(row["due_utc"])
        role = settings.reminder_role_id or None

        def compose(late: bool) -> tuple[str, str | None]:
            if notice:
                return cancellation_text(deadline, self._cancel_reason(deadline.id)), None
            number, total = self._position(row)
            return reminder_text(deadline, number=number, total=total, role_id=role,
                                 late_due=due if late else None), role

        if recovering and await self._already_posted(row, channel, compose(bool(row["late"]))[0]):
            result.sent += 1
            return
        lateness = now - due
        over = not notice and deadline.anchor.astimezone(UTC) <= now
        if lateness > self.grace or over:
            why = ("interrupted while sending; it may or may not have been posted" if recovering else
                   f"{_hours(lateness)} late" + (" and the deadline had already passed" if over else ""))
            self._set(rid, "missed", why)
            missed.append((row, deadline))
            result.missed += 1
            return
        late = bool(row["late"]) if recovering else lateness > LATE_AFTER
        if not recovering and not self._claim(rid, now, channel, late):
            return  # someone else has it (cannot happen under the lease; harmless if it does)
        nonce = reminder_nonce(rid, row["deadline_id"], row["guild_id"], row["offset"])
        text, role = compose(late)
        try:
            message_id = await self.sender.send(str(channel), text, nonce, role)
        except RateLimited as exc:
            retry = self.clock() + dt.timedelta(seconds=max(exc.retry_after, 0.5))
            self._retry(rid, retry, f"rate limited; retrying after {exc.retry_after:.1f} s")
            blocked[channel] = retry
            result.retrying += 1
        except PermanentSendError as exc:
            self._set(rid, "failed", f"{type(exc).__name__}: {exc}")
            result.failed += 1
            await self._channel_problem(row["guild_id"], channel, exc)
        except Exception as exc:  # transient, or an adapter bug: retry with backoff, then give up and say so
            attempts = int(row["attempts"]) + (0 if recovering else 1)
            if not isinstance(exc, TransientSendError):
                log.exception("sender raised an unexpected error for reminder %s", rid)
            if attempts >= MAX_ATTEMPTS:
                self._set(rid, "failed", f"gave up after {attempts} attempts: {exc}")
                result.failed += 1
                await self._report(Report(row["guild_id"], settings.modlog_channel_id, "failed",
                                          f"A reminder for **{neutralize(deadline.title)}** could not be posted in "
                                          f"{channel_ref(channel)} after {attempts} attempts ({exc}). "
                                          "It will not be retried."))
            else:
                delay = min(BACKOFF_BASE * 2 ** max(attempts - 1, 0), BACKOFF_MAX)
                self._retry(rid, self.clock() + dt.timedelta(seconds=delay), f"{type(exc).__name__}: {exc}")
                result.retrying += 1
        else:
            sent_at = self.clock()
            with self.db.transaction() as conn:
                conn.execute("UPDATE reminders SET state = 'sent', sent_at = ?, message_id = ?, error = NULL "
                             "WHERE id = ? AND state = 'claimed'", (to_iso(sent_at), str(message_id), rid))
            self._clear_channel_problem(row["guild_id"], channel)
            result.sent += 1
            result.late += late
            result.lags.append((sent_at - due).total_seconds())

    def _claim(self, rid: int, now: dt.datetime, channel: str, late: bool) -> bool:
        with self.db.transaction() as conn:
            cur = conn.execute(
                "UPDATE reminders SET state = 'claimed', claimed_at = ?, channel_id = ?, late = ?, "
                "attempts = attempts + 1 WHERE id = ? AND state = 'pending'", (to_iso(now), channel, int(late), rid))
            return cur.rowcount == 1

    def _set(self, rid: int, state: str, error: str | None = None) -> None:
        with self.db.transaction() as conn:
            conn.execute("UPDATE reminders SET state = ?, error = ? WHERE id = ?", (state, error, rid))

    def _retry(self, rid: int, when: dt.datetime, error: str) -> None:
        with self.db.transaction() as conn:
            conn.execute("UPDATE reminders SET state = 'pending', next_attempt_utc = ?, error = ? WHERE id = ?",
                         (to_iso(when), error, rid))

    def _position(self, row: Any) -> tuple[int, int]:
        """'Reminder N of M' among this deadline's reminders in this server that are (or were) meant to go out."""
        ids = [r["id"] for r in self.db.query(
            "SELECT id FROM reminders WHERE deadline_id = ? AND guild_id = ? AND offset NOT LIKE 'cancel:%' AND "
            "state NOT IN ('skipped', 'cancelled') ORDER BY due_utc, id", (row["deadline_id"], row["guild_id"]))]
        if row["id"] not in ids:
            return 1, 1
        return ids.index(row["id"]) + 1, len(ids)

    def _cancel_reason(self, deadline_id: str) -> str:
        row = self.db.query_one("SELECT reason FROM deadline_revisions WHERE deadline_id = ? AND action = 'cancel' "
                                "ORDER BY rev DESC LIMIT 1", (deadline_id,))
        return row["reason"] if row else ""

    # --- reports -------------------------------------------------------------------------------------------
    async def _report(self, report: Report) -> None:
        self.reports.append(report)
        if self.on_report is None:
            log.warning("mod-log (%s): %s", report.guild_id, report.text)
            return
        try:
            outcome = self.on_report(report)
            if inspect.isawaitable(outcome):
                await outcome
        except Exception:
            log.exception("could not deliver a mod-log report")

    async def _report_missed(self, missed: list[tuple[Any, Deadline | None]]) -> None:
        by_guild: dict[str, list[str]] = {}
        for row, deadline in missed:
            title = neutralize(deadline.title) if deadline else row["deadline_id"]
            what = "cancellation notice" if row["offset"].startswith(NOTICE_PREFIX) else f"{row['offset']} reminder"
            due = discord_timestamp(from_iso(row["due_utc"]), "F")
            by_guild.setdefault(row["guild_id"], []).append(f"• **{title}** — {what}, due {due}")
        for guild_id, lines in by_guild.items():
            modlog = self.settings.get(guild_id).modlog_channel_id
            head = (f"{len(lines)} reminder(s) were not posted: they came due while the bot could not send them and "
                    f"were more than {_hours(self.grace)} late, or the date had passed. Nothing was sent for them:")
            await self._report(Report(guild_id, modlog, "missed", "\n".join([head, *lines[:30]]) +
                                      (f"\n…and {len(lines) - 30} more" if len(lines) > 30 else "")))

    async def _channel_problem(self, guild_id: str, channel: str, exc: Exception) -> None:
        key = f"reminders.channel_problem:{guild_id}:{channel}"
        with self.db.transaction():
            if self.db.get_meta(key) is not None:
                return
            self.db.set_meta(key, to_iso(self.clock()))
        what = "no longer exists" if isinstance(exc, ChannelGone) else "cannot be posted in by the bot"
        settings = self.settings.get(guild_id)
        await self._report(Report(
            guild_id, settings.modlog_channel_id, "channel",
            f"Reminders could not be posted: channel {channel_ref(channel)} {what} ({exc}). "
            "Give the bot Send Messages there, or pick another channel with /reminders channel. "
            "This is reported once; reminders for that channel are marked failed and not retried."))

    def _clear_channel_problem(self, guild_id: str, channel: str) -> None:
        key = f"reminders.channel_problem:{guild_id}:{channel}"
        if self.db.get_meta(key) is not None:
            with self.db.transaction() as conn:
                conn.execute("DELETE FROM meta WHERE key = ?", (key,))


def clear_channel_problems(db: Database, guild_id: str) -> None:
    """Forget reported channel problems for a server (a moderator just picked a channel), so a new one is
    reported again."""
    with db.transaction() as conn:
        conn.execute("DELETE FROM meta WHERE key LIKE ?", (f"reminders.channel_problem:{guild_id}:%",))


def _hours(delta: dt.timedelta) -> str:
    hours = delta.total_seconds() / 3600
    if hours < 1:
        return f"{max(int(delta.total_seconds() // 60), 0)} min"
    return f"{hours:.0f} h" if hours < 48 else f"{hours / 24:.0f} days"


def state_counts(db: Database, deadline_id: str) -> Counter[str]:
    return Counter({r["state"]: r["n"] for r in db.query(
        "SELECT state, count(*) AS n FROM reminders WHERE deadline_id = ? GROUP BY state", (deadline_id,))})
