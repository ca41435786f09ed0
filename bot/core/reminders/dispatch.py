"""The dispatcher: claims due reminder rows, sends each through a Sender exactly once, retries, and reports.

It exists as the one place that changes a row's state after derivation: pending -> claimed (an atomic
compare-and-set) -> sent, or pending -> missed | failed | cancelled, or back to pending with a retry time. Rate
limits wait without counting as attempts, transient errors back off exponentially up to MAX_ATTEMPTS, and a
channel the bot cannot post in is failed at once and reported to the mod-log once. It runs only while holding
the lease (bot.core.reminders.lease) and settles rows a crash left claimed at start (bot.core.reminders.recovery).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import inspect
import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bot.core.db import Database
from bot.core.deadlines.model import Deadline
from bot.core.deadlines.recurrence import for_offset, split_offset
from bot.core.deadlines.store import DeadlineStore
from bot.core.refs import channel_ref
from bot.core.reminders.derive import DeriveResult, derive_reminders, fingerprint, keep_mark, stored_mark
from bot.core.reminders.lease import Lease, LeaseHeld
from bot.core.reminders.notices import MOVED_PREFIX, is_notice, moved_text, notice_kind, queue_cancel_notice
from bot.core.reminders.personal import is_personal
from bot.core.reminders.recovery import already_posted, resend_claimed
from bot.core.reminders.senders import (
    ChannelGone,
    PermanentSendError,
    RateLimited,
    Report,
    ReportHandler,
    Sender,
    TransientSendError,
)
from bot.core.reminders.texts import cancellation_text, duration_text, neutralize, reminder_nonce, reminder_text
from bot.core.settings import SettingsStore
from bot.core.storage import StorageError
from bot.core.timeutil import UTC, discord_timestamp, from_iso, to_iso, utcnow

if TYPE_CHECKING:
    from bot.core.desk import Desk

log = logging.getLogger(__name__)

DEFAULT_GRACE = dt.timedelta(hours=6)
LATE_AFTER = dt.timedelta(minutes=5)  # sent later than this after its due time, a reminder says it is late
MAX_ATTEMPTS = 6  # transient failures before a reminder is given up as failed (rate limits do not count)
BACKOFF_BASE = 5.0  # seconds; doubled per attempt
BACKOFF_MAX = 300.0
BATCH = 200
CHANNEL_PROBLEM = "reminders.channel_problem:"  # meta key prefix, then "<guild id>:<channel id>": reported once


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
            await asyncio.to_thread(self.lease.acquire, now)
        except StorageError as exc:  # a read-only database or a full disk: answering goes on without reminders
            if self.refusal is None:
                log.warning("reminders are not sent: %s", exc)
            self.refusal = (f"the database {self.db.path} is read-only; restart the bot once it is writable"
                            if exc.kind == "readonly" else f"{exc} Tried again on every tick.")
            return False
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
        await asyncio.to_thread(self.refresh, start=True)
        return True

    def stop(self) -> None:
        if self.leader:
            try:
                self.lease.release()
            except StorageError as exc:  # the lease then lapses on its own
                log.warning("could not release the dispatcher lease: %s", exc)
        self.leader = False

    def refresh(self, *, force: bool = False, start: bool = False) -> DeriveResult | None:
        """Re-derive all if deadlines or settings changed since the last derive (at start: derive.keep_mark's)."""
        self._fingerprint = stored_mark(self.db) if start else self._fingerprint
        mark = fingerprint(self.db)
        if not force and mark == self._fingerprint:
            return None
        result = derive_reminders(self.db, now=self.clock())
        self.mark_derived()
        return result

    def mark_derived(self) -> None:
        """The caller derived the rows for what it changed (the commands do, in the same transaction): remember
        the state so the next tick (or start) does not derive everything again."""
        self._fingerprint = keep_mark(self.db)

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
        if not await asyncio.to_thread(self.heartbeat):  # renewing the lease is a write: not on the loop
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
        """Settle the rows a crash left claimed (bot.core.reminders.recovery); report those given up as missed."""
        result = PassResult()
        missed: list[tuple[Any, Deadline | None]] = []

        async def deliver(row: Any) -> None:
            await self._deliver(row, now, result, missed, {}, recovering=True)

        await resend_claimed(self.db, deliver)
        await self._report_missed(missed)

    async def _deliver(self, row: Any, now: dt.datetime, result: PassResult,
                       missed: list[tuple[Any, Deadline | None]], blocked: dict[str, dt.datetime], *,
                       recovering: bool) -> None:
        off = asyncio.to_thread  # every write waits for the writer off the event loop
        rid = row["id"]
        notice = is_notice(row["offset"])
        deadline = for_offset(self.deadlines.get(row["deadline_id"]), row["offset"], skipped_too=notice)
        # claimed before a crash for a deadline cancelled since: looked for first (below), to send its notice if posted
        cancelled = deadline is not None and deadline.status != "active" and not notice
        if deadline is None or (cancelled and not recovering) or (
                deadline.status != "active" and row["offset"].startswith(MOVED_PREFIX)):
            await off(self._set, rid, "cancelled", "deadline cancelled or removed")
            result.cancelled += 1
            return
        settings = self.settings.get(row["guild_id"])
        personal = is_personal(row["guild_id"])  # a member's own reminder, by DM (derived from their request)
        if not personal and (deadline.guild_id not in (None, row["guild_id"]) or (
                deadline.guild_id is None and not notice and not settings.network_reminders)):
            await off(self._set, rid, "cancelled", "the server does not receive this deadline")  # an older row
            result.cancelled += 1
            return
        channel = row["guild_id"] if personal else row["channel_id"] if (notice or recovering) else \
            settings.reminder_channel_id
        if not channel:
            await off(self._set, rid, "cancelled", "the server has no reminder channel")
            result.cancelled += 1
            return
        if channel in blocked:  # the channel is rate limited: wait with the row that hit the limit
            await off(self._retry, rid, blocked[channel], "waiting: the channel is rate limited")
            result.retrying += 1
            return
        due = from_iso(row["due_utc"])
        role = settings.reminder_role_id or None

        def compose(late: bool) -> tuple[str, str | None]:
            if row["offset"].startswith(MOVED_PREFIX):
                return moved_text(deadline, settings.language), None
            if notice:
                return cancellation_text(deadline, self.deadlines.cancel_reason(deadline), settings.language), None
            number, total = self._position(row)
            return reminder_text(deadline, number=number, total=total, role_id=role,
                                 late_due=due if late else None, lang=settings.language), role

        if recovering and await already_posted(self.db, self.sender, self.clock, row, channel,
                                                compose(bool(row["late"]))[0]):
            if cancelled:
                await off(queue_cancel_notice, self.db, row, channel)
            result.sent += 1
            return
        if cancelled:  # not found in the channel; a sender that cannot look may have posted it: tell the channel
            unsure = getattr(self.sender, "find_posted", None) is None
            await off(self._set, rid, "cancelled", "the deadline was cancelled while the bot was down"
                      + ("; the reminder may have been posted" if unsure else "; the reminder had not been posted"))
            if unsure:
                await off(queue_cancel_notice, self.db, row, channel)
            result.cancelled += 1
            return
        lateness = now - due
        over = not notice and deadline.anchor.astimezone(UTC) <= now
        if lateness > self.grace or over:
            why = ("interrupted while sending; it may or may not have been posted" if recovering else
                   f"{duration_text(lateness)} late" + (" and the deadline had already passed" if over else ""))
            await off(self._set, rid, "missed", why)
            missed.append((row, deadline))
            result.missed += 1
            return
        late = bool(row["late"]) if recovering else lateness > LATE_AFTER
        if not recovering and not await off(self._claim, rid, now, channel, late):
            return  # someone else has it (cannot happen under the lease; harmless if it does)
        nonce = reminder_nonce(rid, row["deadline_id"], row["guild_id"], row["offset"])
        text, role = compose(late)
        try:
            message_id = await self.sender.send(str(channel), text, nonce, role)
        except RateLimited as exc:
            retry = self.clock() + dt.timedelta(seconds=max(exc.retry_after, 0.5))
            await off(self._retry, rid, retry, f"rate limited; retrying after {exc.retry_after:.1f} s")
            blocked[channel] = retry
            result.retrying += 1
        except PermanentSendError as exc:
            await off(self._set, rid, "failed", f"{type(exc).__name__}: {exc}")
            result.failed += 1
            await self._channel_problem(row["guild_id"], channel, exc)
        except Exception as exc:  # transient, or an adapter bug: retry with backoff, then give up and say so
            attempts = int(row["attempts"]) + (0 if recovering else 1)
            if not isinstance(exc, TransientSendError):
                log.exception("sender raised an unexpected error for reminder %s", rid)
            if attempts >= MAX_ATTEMPTS:
                await off(self._set, rid, "failed", f"gave up after {attempts} attempts: {exc}")
                result.failed += 1
                await self._report(Report(row["guild_id"], settings.modlog_channel_id, "failed",
                                          f"A reminder for **{neutralize(deadline.title)}** could not be posted in "
                                          f"{channel_ref(channel)} after {attempts} attempts ({exc}). "
                                          "It will not be retried."))
            else:
                delay = min(BACKOFF_BASE * 2 ** max(attempts - 1, 0), BACKOFF_MAX)
                await off(self._retry, rid, self.clock() + dt.timedelta(seconds=delay), f"{type(exc).__name__}: {exc}")
                result.retrying += 1
        else:
            sent_at = self.clock()
            await off(self._sent, rid, sent_at, str(message_id), row["guild_id"], channel)
            result.sent += 1
            result.late += late
            result.lags.append((sent_at - due).total_seconds())

    def _sent(self, rid: int, sent_at: dt.datetime, message_id: str, guild_id: str, channel: str) -> None:
        with self.db.transaction() as conn:
            conn.execute("UPDATE reminders SET state = 'sent', sent_at = ?, message_id = ?, error = NULL "
                         "WHERE id = ? AND state = 'claimed'", (to_iso(sent_at), message_id, rid))
        self._clear_channel_problem(guild_id, channel)

    def _claim(self, rid: int, now: dt.datetime, channel: str, late: bool) -> bool:
        with self.db.transaction() as conn:
            # the claim: a compare-and-set on state, so of two callers only the one that moved it from pending sends
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
        occurrence = split_offset(row["offset"])[1]  # of a repeating deadline: among that occurrence's reminders
        ids = [r["id"] for r in self.db.query(
            "SELECT id, offset FROM reminders WHERE deadline_id = ? AND guild_id = ? AND offset NOT LIKE 'cancel:%' "
            "AND offset NOT LIKE 'moved:%' AND "
            "state NOT IN ('skipped', 'cancelled') ORDER BY due_utc, id", (row["deadline_id"], row["guild_id"]))
            if split_offset(r["offset"])[1] == occurrence]
        if row["id"] not in ids:
            return 1, 1
        return ids.index(row["id"]) + 1, len(ids)

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
            what = notice_kind(row["offset"]) if is_notice(row["offset"]) else f"{row['offset']} reminder"
            due = discord_timestamp(from_iso(row["due_utc"]), "F")
            by_guild.setdefault(row["guild_id"], []).append(f"• **{title}** — {what}, due {due}")
        for guild_id, lines in by_guild.items():
            modlog = self.settings.get(guild_id).modlog_channel_id
            head = (f"{len(lines)} reminder(s) were not posted: they came due while the bot could not send them "
                    f"and were more than {duration_text(self.grace)} late, or the date had passed. "
                    "Nothing was sent for them:")
            await self._report(Report(guild_id, modlog, "missed", "\n".join([head, *lines[:30]]) +
                                      (f"\n…and {len(lines) - 30} more" if len(lines) > 30 else "")))

    async def _channel_problem(self, guild_id: str, channel: str, exc: Exception) -> None:
        key = f"{CHANNEL_PROBLEM}{guild_id}:{channel}"
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
        key = f"{CHANNEL_PROBLEM}{guild_id}:{channel}"
        if self.db.get_meta(key) is not None:
            with self.db.transaction() as conn:
                conn.execute("DELETE FROM meta WHERE key = ?", (key,))


def clear_channel_problems(db: Database, guild_id: str) -> None:
    """Forget reported channel problems for a server (a moderator just picked a channel), so a new one is
    reported again."""
    with db.transaction() as conn:
        conn.execute("DELETE FROM meta WHERE key LIKE ?", (f"{CHANNEL_PROBLEM}{guild_id}:%",))
