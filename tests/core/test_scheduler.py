"""The real AsyncIOScheduler driven through time with time-machine: reminders on the wall clock across both
2026 daylight-saving changes, the weekly digest once on change days, the daily backup, the lease."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import sqlite3
import zoneinfo
from pathlib import Path

import pytest
import time_machine

from bot.core import commands
from bot.core.desk import Desk
from bot.core.permissions import Actor
from bot.core.registry import Context
from bot.core.reminders.dispatch import ReminderService
from bot.core.reminders.senders import RecordingSender, Report
from bot.core.scheduler import DeskScheduler, next_digest_time
from tests.conftest import write_court_data

UTC = dt.UTC
AMS = "Europe/Amsterdam"
AMS_TZ = zoneinfo.ZoneInfo(AMS)


@pytest.fixture
def desk(tmp_path: Path):
    desk = Desk.open(tmp_path / "desk.db", data_root=write_court_data(tmp_path / "data", review_by="2026-01-01"))
    yield desk
    desk.close()


def at(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


def run(desk: Desk, name: str, **args: object) -> str:
    """As a moderator of the server who is also an operator (so may publish deadlines for every server)."""
    actor = Actor(id="m", name="Mod", guild_id="111", manage_server=True, operator=True)
    reply = commands.run(desk, Context(actor, "111", "c"), name, args)
    assert reply.ok, reply.text
    return reply.text


def local(iso: str) -> str:
    return dt.datetime.fromisoformat(iso).astimezone(AMS_TZ).strftime("%Y-%m-%d %H:%M %Z")


async def started(desk: Desk, tmp_path: Path, sender: RecordingSender, reports: list[Report]) -> DeskScheduler:
    sched = DeskScheduler(desk, ReminderService(desk, sender, on_report=reports.append),
                          backup_dir=tmp_path / "backups")
    assert await sched.start()
    return sched


async def test_time_travel_through_reminders_across_both_dst_changes(desk: Desk, tmp_path: Path) -> None:
    with time_machine.travel(at(2026, 3, 1, 12), tick=False) as clock:
        run(desk, "reminders channel", channel_id="c111")
        run(desk, "reminders network", state="on")
        run(desk, "deadline add", id="spring", title="Spring", start="2026-03-29 10:00", sources="src-a",
            offsets="7d,1d,2h")
        run(desk, "deadline add", id="autumn", title="Autumn", start="2026-10-25 10:00", sources="src-a",
            offsets="7d,1d,2h")
        sender, reports = RecordingSender(), []
        sched = await started(desk, tmp_path, sender, reports)
        fired = []
        while (job := sched.scheduler.get_job("wake")) is not None:
            due = job.next_run_time
            clock.move_to(due - dt.timedelta(seconds=1))
            await sched.poke()
            assert len(sender.posts) == len(fired), "nothing fires early"
            clock.move_to(due)
            await sched.poke()
            assert len(sender.posts) == len(fired) + 1, "each wake sends the one reminder due"
            fired.append(local(sender.posts[-1].at))
            clock.move_to(due + dt.timedelta(hours=1))
            await sched.poke()  # the tick runs too: still exactly once
        await sched.stop()
    assert fired == [
        "2026-03-22 10:00 CET", "2026-03-28 10:00 CET", "2026-03-29 08:00 CEST",  # 1d: 23 real hours before
        "2026-10-18 10:00 CEST", "2026-10-24 10:00 CEST", "2026-10-25 08:00 CET",  # 1d: 25 real hours before
    ]
    assert [p.text.splitlines()[-1].split(" ·")[0] for p in sender.posts] == [
        "Reminder 1 of 3", "Reminder 2 of 3", "Reminder 3 of 3"] * 2
    assert reports == []


async def test_a_deadline_added_while_running_rearms_the_wake(desk: Desk, tmp_path: Path) -> None:
    with time_machine.travel(at(2026, 3, 1, 12), tick=False) as clock:
        run(desk, "reminders channel", channel_id="c111")
        run(desk, "reminders network", state="on")
        sender = RecordingSender()
        sched = await started(desk, tmp_path, sender, [])
        assert sched.scheduler.get_job("wake") is None
        run(desk, "deadline add", id="soon", title="Soon", start="2026-03-02 10:00", sources="src-a", offsets="2h")
        await sched.settle()
        assert sched.scheduler.get_job("wake").next_run_time == at(2026, 3, 2, 7)
        clock.move_to(at(2026, 3, 2, 7))
        await sched.poke()
        assert len(sender.posts) == 1 and sched.scheduler.get_job("wake") is None
        await sched.stop()


def test_next_digest_time_on_change_days() -> None:
    # Sunday 02:00 does not exist on 29 March: it is the moment the clocks jump (03:00 CEST, 01:00 UTC)
    assert next_digest_time(at(2026, 3, 28, 12), AMS, 6, 2) == (at(2026, 3, 29, 1), dt.date(2026, 3, 29))
    # Sunday 02:00 happens twice on 25 October: the first (02:00 CEST, 00:00 UTC)
    assert next_digest_time(at(2026, 10, 24, 12), AMS, 6, 2) == (at(2026, 10, 25, 0), dt.date(2026, 10, 25))
    # after it, the next one is a week later, not the repeated hour
    assert next_digest_time(at(2026, 10, 25, 0, 30), AMS, 6, 2)[1] == dt.date(2026, 11, 1)
    # a digest missed by a short outage is still due (catch-up), a long-missed one is not
    late = next_digest_time(at(2026, 10, 25, 3), AMS, 6, 2, dt.timedelta(hours=6))
    assert late == (at(2026, 10, 25, 0), dt.date(2026, 10, 25))
    assert next_digest_time(at(2026, 10, 25, 9), AMS, 6, 2, dt.timedelta(hours=6))[1] == dt.date(2026, 11, 1)


@pytest.mark.parametrize(("saturday", "first", "repeat"), [
    (at(2026, 3, 28, 12), at(2026, 3, 29, 1), at(2026, 3, 29, 2)),  # 02:00 missing: posted at 03:00 CEST
    (at(2026, 10, 24, 12), at(2026, 10, 25, 0), at(2026, 10, 25, 1)),  # 02:00 twice: the first only
])
async def test_digest_on_a_dst_change_day_posts_once(desk: Desk, tmp_path: Path, saturday: dt.datetime,
                                                     first: dt.datetime, repeat: dt.datetime) -> None:
    desk.settings.update("111", reminder_channel_id="c111", modlog_channel_id="m111", digest_day=6, digest_hour=2,
                         zone=AMS, network_reminders=True)
    desk.feedback.record_unanswered("When is the budget vote?", guild_id="111")
    desk.feedback.record_unanswered("when is the budget vote", guild_id="111")
    with time_machine.travel(saturday, tick=False) as clock:
        desk.deadlines.seed([{"id": "next-week", "title": "Statements due", "kind": "submission",
                              "start": (saturday + dt.timedelta(days=3)).date().isoformat(), "zone": AMS,
                              "sources": ["src-a"]}], Actor.importer())
        sender, reports = RecordingSender(), []
        sched = await started(desk, tmp_path, sender, reports)
        assert sched.scheduler.get_job("digest:111").next_run_time == first
        clock.move_to(first - dt.timedelta(seconds=1))
        await sched.poke()
        assert sender.posts == []
        for moment in (first, first + dt.timedelta(minutes=30), repeat, repeat + dt.timedelta(minutes=30)):
            clock.move_to(moment)
            await sched.poke()
        await sched.stop()
        # a restart during the repeated hour does not post it again either
        clock.move_to(repeat + dt.timedelta(minutes=10))
        again = await started(desk, tmp_path, sender, reports)
        await again.poke()
        following = again.scheduler.get_job("digest:111").next_run_time.astimezone(AMS_TZ)
        assert (following.date(), following.hour) == (first.date() + dt.timedelta(days=7), 2)  # next Sunday 02:00
        await again.stop()
    [post] = sender.posts
    assert post.channel_id == "c111" and "Coming up this week" in post.text and "Statements due" in post.text
    digests = [r for r in reports if r.kind == "digest"]
    assert len(digests) == 1 and digests[0].channel_id == "m111"
    assert "`seat`" in digests[0].text and "review by 2026-01-01" in digests[0].text
    assert "budget vote" in digests[0].text.lower() and "×2" in digests[0].text


async def test_daily_backup_keeps_the_last_seven(desk: Desk, tmp_path: Path) -> None:
    with time_machine.travel(at(2026, 3, 1, 0), tick=False) as clock:
        sched = await started(desk, tmp_path, RecordingSender(), [])
        for day in range(1, 10):
            clock.move_to(at(2026, 3, day, 3, 17))
            await sched.poke()
        await sched.stop()
    names = sorted(p.name for p in (tmp_path / "backups").iterdir())
    assert names == [f"desk-2026-03-{d:02d}.db" for d in range(3, 10)]
    with sqlite3.connect(tmp_path / "backups" / names[-1]) as copy:
        assert copy.execute("SELECT count(*) FROM facts").fetchone()[0] == 1


async def test_second_scheduler_refuses_then_takes_over(desk: Desk, tmp_path: Path) -> None:
    with time_machine.travel(at(2026, 3, 1, 12), tick=False) as clock:
        run(desk, "reminders channel", channel_id="c111")
        run(desk, "reminders network", state="on")
        run(desk, "deadline add", id="soon", title="Soon", start="2026-03-02 10:00", sources="src-a", offsets="2h")
        first_sender, second_sender, second_reports = RecordingSender(), RecordingSender(), []
        first = await started(desk, tmp_path, first_sender, [])
        other = Desk.open(tmp_path / "desk.db")
        second = DeskScheduler(other, ReminderService(other, second_sender, on_report=second_reports.append),
                               backup_dir=tmp_path / "backups2")
        assert not await second.start()
        assert "already sending reminders" in (second.service.refusal or "")
        await first.stop()
        clock.move_to(at(2026, 3, 2, 7))
        await second.poke()  # its tick retries the lease, takes over, and dispatches
        assert second.service.leader and len(second_sender.posts) == 1 and first_sender.posts == []
        assert [r.kind for r in second_reports] == ["lease"]
        await second.stop()
        other.close()


async def test_a_job_stopped_with_the_bot_logs_one_line_not_a_traceback(desk: Desk, tmp_path: Path, caplog) -> None:
    sched = DeskScheduler(desk, ReminderService(desk, RecordingSender()), backup_dir=tmp_path / "backups")
    started_sending = asyncio.Event()

    async def sending() -> None:  # a delivery the stop catches halfway
        started_sending.set()
        await asyncio.sleep(3600)

    task = asyncio.create_task(sched._job(sending)())
    await started_sending.wait()
    with caplog.at_level(logging.INFO, logger="bot.core.scheduler"):
        task.cancel()
        await asyncio.sleep(0)
        await asyncio.sleep(0)
    assert task.done() and not task.cancelled() and sched._inflight == 0
    lines = [r for r in caplog.records if "stopped with the bot" in r.getMessage()]
    assert len(lines) == 1 and lines[0].exc_info is None
