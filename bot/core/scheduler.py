"""Waking things up on time: APScheduler 3.11's AsyncIOScheduler with in-memory jobs only.

APScheduler is deliberately not the record of anything. Its job store deletes a job before running it, drops jobs
whose function was renamed, skips runs later than `misfire_grace_time` with only a warning, and two processes
sharing one store would both post. So the reminders table is the truth and the jobs here only wake the
dispatcher: a short periodic tick (heartbeat, changes made elsewhere, retries) plus a one-off wake at the next
due row, re-armed after every pass and every change; the weekly digest per server, whose once-per-week record is
kept in the database; and a daily online backup keeping the last seven.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import re
import zoneinfo
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.core.deadlines.dates import check_zone, resolve_local
from bot.core.deadlines.model import KIND_LABELS
from bot.core.refs import channel_ref
from bot.core.reminders.dispatch import ReminderService
from bot.core.reminders.senders import Report, SendError
from bot.core.reminders.texts import KIND_LABELS_FR, make_nonce, neutralize
from bot.core.storage import StorageError
from bot.core.timeutil import UTC, discord_timestamp, to_iso

if TYPE_CHECKING:
    from bot.core.db import Database
    from bot.core.desk import Desk

log = logging.getLogger(__name__)

TICK_SECONDS = 30.0
KEEP_BACKUPS = 7
BACKUP_TIME_UTC = dt.time(3, 17)  # an hour with no daylight-saving change anywhere near it: the trigger is in UTC
DIGEST_CATCH_UP = dt.timedelta(hours=6)  # a digest missed while the bot was down is still posted within this
_BACKUP_NAME = re.compile(r"^desk-\d{4}-\d{2}-\d{2}\.db$")


def next_digest_time(now: dt.datetime, zone: str, day: int, hour: int,
                     catch_up: dt.timedelta = dt.timedelta(0)) -> tuple[dt.datetime, dt.date]:
    """The next weekly digest moment (UTC) and its local date, for weekday `day` (0 = Monday) at `hour` local time.

    On a change day an hour that does not exist (02:00 when clocks jump to 03:00) becomes the moment the clocks
    jump to, and an hour that happens twice is the first occurrence; either way there is exactly one moment per
    week, and the record in the database (one per server and local date) makes sure it posts once. A moment up
    to `catch_up` in the past is returned as is, so a digest missed during a short outage still goes out.
    """
    tz = check_zone(zone)
    local_today = now.astimezone(zoneinfo.ZoneInfo(tz)).date()
    for step in range(-1, 15):
        date = local_today + dt.timedelta(days=step)
        if date.weekday() != day:
            continue
        at = resolve_local(dt.datetime.combine(date, dt.time(hour)), tz).astimezone(UTC)
        if at > now - catch_up and at > now - dt.timedelta(days=6):
            return at, date
    raise AssertionError("a weekday always occurs within two weeks")


def digest_key(guild_id: str, date: dt.date) -> str:
    return f"digest:{guild_id}:{date.isoformat()}"


class DeskScheduler:
    """Owns the AsyncIOScheduler and the jobs. `await start()` inside the running loop, `await stop()` at exit.

    If another process holds the dispatcher lease, the reminder service refuses (and reports why); the tick keeps
    trying, so this process takes over once the other stops. Digests and backups run only in the leading process.
    """

    def __init__(self, desk: Desk, service: ReminderService, *, tick_seconds: float = TICK_SECONDS,
                 backup_dir: Path | None = None, keep_backups: int = KEEP_BACKUPS,
                 backup_time: dt.time = BACKUP_TIME_UTC) -> None:
        self.desk = desk
        self.service = service
        self.tick_seconds = tick_seconds
        self.backup_dir = Path(backup_dir) if backup_dir else Path(desk.db.path).parent / "backups"
        self.keep_backups = keep_backups
        self.backup_time = backup_time
        self.scheduler = AsyncIOScheduler(
            timezone=UTC, job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None})
        self._loop: asyncio.AbstractEventLoop | None = None
        self._inflight = 0

    @property
    def clock(self) -> Callable[[], dt.datetime]:
        """The service's clock, so tests and the bench drive both with one."""
        return self.service.clock

    # --- lifecycle -------------------------------------------------------------------------------------------
    async def start(self) -> bool:
        """Start the jobs and the reminder service; True if this process leads (dispatches)."""
        self._loop = asyncio.get_running_loop()
        self.scheduler.start()
        self.desk.deadlines.listeners.append(self.changed)
        self.scheduler.add_job(self._job(self.tick), IntervalTrigger(seconds=self.tick_seconds, timezone=UTC),
                               id="tick", replace_existing=True)
        self.scheduler.add_job(self._job(self.backup),
                               CronTrigger(hour=self.backup_time.hour, minute=self.backup_time.minute, timezone=UTC),
                               id="backup", replace_existing=True)
        leading = await self.service.start()
        if leading:
            await self._dispatch()
            self.schedule_digests()
        return leading

    async def stop(self) -> None:
        if self.changed in self.desk.deadlines.listeners:
            self.desk.deadlines.listeners.remove(self.changed)
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
            await asyncio.sleep(0)
        self.service.stop()

    def changed(self) -> None:
        """Called (from any thread) after a command changed deadlines or reminder settings and derived the rows
        it affected; this only re-arms the wake-up and the digests. The new state is marked as derived here, on
        the caller's thread (the command's), so the event loop does not write it."""
        if self._loop is None or self._loop.is_closed():
            return
        if self.service.leader:
            self.service.mark_derived()
        self._loop.call_soon_threadsafe(self._after_change)

    def _after_change(self) -> None:
        if not self.service.leader or not self.scheduler.running:
            return
        self.rearm()
        self.schedule_digests()

    def _job(self, func: Callable[..., Awaitable[object]]) -> Callable[..., Awaitable[None]]:
        """Wrap a job so `settle()` can tell when it has finished, and so a failure is logged, not lost."""

        async def run(*args: object) -> None:
            self._inflight += 1
            try:
                await func(*args)
            except StorageError as exc:  # a full disk or a read-only database: one line, the next run tries again
                log.error("scheduled job %s could not write: %s", getattr(func, "__name__", func), exc)
            except asyncio.CancelledError:  # the bot is stopping: a reminder caught mid-send stays claimed, and
                # start-up recovery sends it once (same nonce) or marks it sent; one line, not a traceback
                log.info("scheduled job %s stopped with the bot", getattr(func, "__name__", func))
            except Exception:
                log.exception("scheduled job %s failed", getattr(func, "__name__", func))
            finally:
                self._inflight -= 1

        run.__name__ = getattr(func, "__name__", "job")
        return run

    async def settle(self, max_rounds: int = 10_000) -> None:
        """Let woken jobs run to the end (tests: after moving the clock and calling `poke`). No timing involved:
        it yields to the loop until no job is running for a few turns in a row."""
        quiet = 0
        for _ in range(max_rounds):
            # a job may be waiting on a thread (the backup): give it a moment instead of spinning
            await asyncio.sleep(0.005 if self._inflight else 0)
            quiet = quiet + 1 if self._inflight == 0 else 0
            if quiet >= 5:
                return
        raise RuntimeError("scheduled jobs did not finish")

    async def poke(self) -> None:
        """Make APScheduler look at its jobs now (after the wall clock moved) and wait for what it started."""
        self.scheduler.wakeup()
        await self.settle()

    # --- reminders -------------------------------------------------------------------------------------------
    async def tick(self) -> None:
        if not self.service.leader:
            if await self.service.try_lead():
                await self._dispatch()
                self.schedule_digests()
            return
        if await asyncio.to_thread(self.service.refresh) is not None:
            self.schedule_digests()
        await self._dispatch()

    async def wake(self) -> None:
        await self._dispatch()

    async def _dispatch(self) -> None:
        await self.service.dispatch_due()
        self.rearm()

    def rearm(self) -> None:
        """One wake-up at the next due (or retry) time; replaced whenever that time may have changed."""
        if not self.scheduler.running or not self.service.leader:
            return
        nxt = self.service.next_wake()
        if nxt is None:
            if self.scheduler.get_job("wake"):
                self.scheduler.remove_job("wake")
            return
        run_at = max(nxt, self.clock())
        self.scheduler.add_job(self._job(self.wake), DateTrigger(run_date=run_at, timezone=UTC), id="wake",
                               replace_existing=True, max_instances=3)

    # --- weekly digest ---------------------------------------------------------------------------------------
    def schedule_digests(self) -> None:
        if not self.scheduler.running or not self.service.leader:
            return
        now = self.clock()
        wanted = set()
        for guild in self.desk.settings.all():
            if guild.digest_day is None or guild.digest_hour is None:
                continue
            job_id = f"digest:{guild.guild_id}"
            wanted.add(job_id)
            at, date = next_digest_time(now, guild.zone, guild.digest_day, guild.digest_hour, DIGEST_CATCH_UP)
            while self.desk.db.get_meta(digest_key(guild.guild_id, date)) is not None:
                at, date = next_digest_time(at + dt.timedelta(seconds=1), guild.zone, guild.digest_day,
                                            guild.digest_hour)
            self.scheduler.add_job(self._job(self.post_digest), DateTrigger(run_date=max(at, now), timezone=UTC),
                                   args=[guild.guild_id, date], id=job_id, replace_existing=True)
        for job in self.scheduler.get_jobs():
            if job.id.startswith("digest:") and job.id not in wanted:
                job.remove()

    async def post_digest(self, guild_id: str, date: dt.date) -> bool:
        """Post one server's weekly digest for `date` (its local date) unless it was already posted."""
        if not self.service.leader:
            return False
        db = self.desk.db
        key = digest_key(guild_id, date)
        settings = self.desk.settings.get(guild_id)
        if settings.digest_day is None or settings.digest_hour is None:
            return False
        planned = resolve_local(dt.datetime.combine(date, dt.time(settings.digest_hour)), settings.zone)
        if self.clock() - planned > DIGEST_CATCH_UP:  # woken long after (the machine slept): wait for next week
            log.warning("weekly digest for %s on %s is too late to post; skipping it", guild_id, date)
            self.schedule_digests()
            return False
        if not await asyncio.to_thread(claim_once, db, key, "claimed " + to_iso(self.clock())):
            self.schedule_digests()
            return False
        now = self.clock()
        message_id = ""
        if settings.reminder_channel_id:
            text = digest_text(self.desk, guild_id, now)
            nonce = make_nonce("cdd", date.strftime("%y%m%d"), guild_id)
            try:
                message_id = await self.service.sender.send(settings.reminder_channel_id, text, nonce, None)
            except SendError as exc:
                await self.service._report(Report(guild_id, settings.modlog_channel_id, "digest",
                                                  f"The weekly digest could not be posted in "
                                                  f"{channel_ref(settings.reminder_channel_id)}: {exc}"))
        await self.service._report(Report(guild_id, settings.modlog_channel_id, "digest",
                                          moderator_digest_text(self.desk, guild_id, now)))
        await asyncio.to_thread(db.set_meta, key, f"sent {to_iso(self.clock())} {message_id}".strip())
        self.schedule_digests()
        return True

    # --- backups ---------------------------------------------------------------------------------------------
    async def backup(self) -> Path | None:
        """A consistent online copy, one per UTC day, keeping the newest `keep_backups`."""
        if not self.service.leader:
            return None
        try:  # the daily sweep of unanswered questions past retention, before the copy so backups hold none
            await asyncio.to_thread(self.desk.feedback.prune_unanswered, self.clock())
        except Exception as exc:  # never at the cost of the backup
            log.warning("could not drop expired unanswered questions: %s", exc)
        target = self.backup_dir / f"desk-{self.clock().date().isoformat()}.db"
        await asyncio.to_thread(self.desk.db.backup, target)
        copies = sorted(p for p in self.backup_dir.iterdir() if _BACKUP_NAME.match(p.name))
        for old in copies[: max(len(copies) - self.keep_backups, 0)]:
            old.unlink(missing_ok=True)
        for stale in self.backup_dir.glob(".desk-*.tmp*"):  # left by a process killed mid-backup
            stale.unlink(missing_ok=True)
        log.info("database backed up to %s", target)
        return target


def claim_once(db: Database, key: str, value: str) -> bool:
    """Set a meta key unless it is set already (in one transaction): False when someone had it."""
    with db.transaction():
        if db.get_meta(key) is not None:
            return False
        db.set_meta(key, value)
    return True


def digest_text(desk: Desk, guild_id: str, now: dt.datetime) -> str:
    """The public weekly post: what is coming up in the next seven days, soonest first."""
    settings = desk.settings.get(guild_id)
    network = settings.network_reminders  # deadlines for every server only if it opted in
    fr = settings.language == "fr"  # `/config language fr`
    week = desk.deadlines.upcoming(now, 7, guild_id, network=network)
    until = discord_timestamp(now + dt.timedelta(days=7), "D")
    lines = [f"📅 **À venir cette semaine** (jusqu'au {until})" if fr
             else f"📅 **Coming up this week** (until {until})"]
    kinds = KIND_LABELS_FR if fr else KIND_LABELS
    for d in week[:20]:
        lines.append(f"• **{neutralize(d.title)}** — {kinds.get(d.kind, d.kind)}, "
                     f"{discord_timestamp(d.start_utc, 'F')} ({discord_timestamp(d.start_utc, 'R')}) `{d.id}`")
    if len(week) > 20:
        lines.append(f"…{'et' if fr else 'and'} {len(week) - 20} {'de plus' if fr else 'more'}: /deadlines days:7")
    if not week:
        lines.append("Rien au calendrier pour les sept prochains jours." if fr
                     else "Nothing on the calendar for the next seven days.")
        later = desk.deadlines.upcoming(now, None, guild_id, network=network)
        if later:
            lines.append(f"{'Ensuite :' if fr else 'Next:'} **{neutralize(later[0].title)}** "
                         f"{discord_timestamp(later[0].start_utc, 'R')}.")
    return "\n".join(lines)


def moderator_digest_text(desk: Desk, guild_id: str, now: dt.datetime) -> str:
    """The same week's note for the mod-log: facts past their review-by date and the most asked unanswered
    questions, the two things only moderators can fix."""
    stale = desk.facts.stale(now.date().isoformat())
    gaps = desk.feedback.gaps(limit=5, guild_id=guild_id)
    lines = ["🗒️ **Weekly check for moderators**"]
    if stale:
        lines.append(f"Facts past their review-by date ({len(stale)}):")
        lines += [f"• `{f.id}` — {neutralize(f.title)} (review by {f.review_by})" for f in stale[:15]]
        if len(stale) > 15:
            lines.append(f"…and {len(stale) - 15} more")
    else:
        lines.append("No facts are past their review-by date.")
    if gaps:
        lines.append("Most asked questions nobody could answer:")
        lines += [f"• “{neutralize(g.question)}” ×{g.times}" for g in gaps]
    else:
        lines.append("No unanswered questions.")
    return "\n".join(lines)
