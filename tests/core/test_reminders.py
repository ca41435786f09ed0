"""Reminder rows and the dispatcher: derivation, exactly-once sending, downtime, retries, the lease, pings."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
import time_machine

from bot.core import commands
from bot.core.deadlines.model import deadline_from_record
from bot.core.desk import Desk
from bot.core.permissions import Actor
from bot.core.registry import Context
from bot.core.reminders.derive import derive_reminders
from bot.core.reminders.dispatch import LATE_AFTER, MAX_ATTEMPTS, ReminderService
from bot.core.reminders.lease import Lease
from bot.core.reminders.senders import (
    ChannelGone,
    ConsoleSender,
    NoPermission,
    RateLimited,
    RecordingSender,
    Report,
    TransientSendError,
)
from bot.core.reminders.texts import due_time, reminder_nonce

UTC = dt.UTC
AMS = "Europe/Amsterdam"
T0 = dt.datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
MOD = Actor(id="u-mod", name="Mod", guild_id="111", manage_server=True)


def mod(guild: str = "111") -> Context:
    """A moderator of the server who is also one of the bot's operators, so may publish for every server."""
    return Context(Actor(id="u-mod", name="Mod", guild_id=guild, manage_server=True, operator=True), guild, "c")


def run(desk: Desk, name: str, guild: str = "111", **args: object) -> str:
    reply = commands.run(desk, mod(guild), name, args)
    assert reply.ok, reply.text
    return reply.text


def receives_reminders(desk: Desk, guild: str = "111") -> None:
    """The server posts reminders in channel c<guild>, network-wide deadlines included."""
    run(desk, "reminders channel", guild=guild, channel_id=f"c{guild}")
    run(desk, "reminders network", guild=guild, state="on")


def add(desk: Desk, id: str = "asp25", start: str = "2026-03-20 10:00", **more: object) -> None:
    run(desk, "deadline add", guild=str(more.pop("guild", "111")), id=id, title=more.pop("title", f"Deadline {id}"),
        start=start, sources="src-a", **more)


def rows(desk: Desk, deadline_id: str | None = None) -> list[dict]:
    where, params = ("WHERE deadline_id = ?", (deadline_id,)) if deadline_id else ("", ())
    return [dict(r) for r in desk.db.query(f"SELECT * FROM reminders {where} ORDER BY guild_id, due_utc", params)]


def at(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


def service_for(desk: Desk, sender: RecordingSender, reports: list[Report]) -> ReminderService:
    return ReminderService(desk, sender, on_report=reports.append)


# --- when reminders are due ------------------------------------------------------------------------------------
def test_days_count_on_the_wall_clock_and_hours_in_real_time_across_dst() -> None:
    spring = deadline_from_record({"id": "s", "title": "S", "start": "2026-03-29 10:00", "zone": AMS})
    assert due_time(spring, "1d") == at(2026, 3, 28, 9)  # 10:00 CET the day before: 23 real hours earlier
    assert spring.start_utc - due_time(spring, "1d") == dt.timedelta(hours=23)
    assert due_time(spring, "24h") == at(2026, 3, 28, 8)  # 09:00 CET: exactly 24 hours
    autumn = deadline_from_record({"id": "a", "title": "A", "start": "2026-10-25 10:00", "zone": AMS})
    assert due_time(autumn, "1d") == at(2026, 10, 24, 8)  # 10:00 CEST: 25 real hours earlier
    assert due_time(autumn, "24h") == at(2026, 10, 24, 9)
    assert due_time(autumn, "1w") == due_time(autumn, "7d") == at(2026, 10, 18, 8)
    # the day before lands in the gap (02:30 never happens on 29 March): the clocks' jump moves it to 03:30 CEST
    gap = deadline_from_record({"id": "g", "title": "G", "start": "2026-03-30 02:30", "zone": AMS})
    assert due_time(gap, "1d") == at(2026, 3, 29, 1, 30)
    # the day before happens twice (25 October): the first, earlier one
    fold = deadline_from_record({"id": "f", "title": "F", "start": "2026-10-26 02:30", "zone": AMS})
    assert due_time(fold, "1d") == at(2026, 10, 25, 0, 30)
    # all-day dates count back from 09:00 local on the first day
    allday = deadline_from_record({"id": "d", "title": "D", "start": "2026-12-07", "zone": AMS})
    assert due_time(allday, "1d") == at(2026, 12, 6, 8) and due_time(allday, "2h") == at(2026, 12, 7, 6)


def test_nonce_is_deterministic_and_fits_discord() -> None:
    assert reminder_nonce(7, "asp25", "111", "1d") == reminder_nonce(7, "asp25", "111", "1d")
    assert reminder_nonce(7, "asp25", "111", "1d") != reminder_nonce(8, "asp25", "111", "1d")
    assert len(reminder_nonce(10**12, "x" * 64, "9" * 20, "366d")) <= 25


# --- derivation ------------------------------------------------------------------------------------------------
def test_rows_follow_deadlines_and_server_settings(desk: Desk, clock: time_machine.Coordinates) -> None:
    run(desk, "reminders channel", channel_id="<#c111>")
    run(desk, "reminders network", state="on")
    receives_reminders(desk, "222")
    desk.settings.update("333", modlog_channel_id="m333")  # no reminder channel: no reminders
    add(desk)
    add(desk, "local-only", "2026-03-25 10:00", server_only="yes", offsets="1d")
    assert {(r["guild_id"], r["offset"]) for r in rows(desk, "asp25")} == {
        (g, o) for g in ("111", "222") for o in ("14d", "7d", "1d", "2h")}
    assert [(r["guild_id"], r["offset"]) for r in rows(desk, "local-only")] == [("111", "1d")]

    # a sent row is history: nothing below may touch it
    desk.db.conn.execute("UPDATE reminders SET state = 'sent', channel_id = 'c111', message_id = 'm1' "
                         "WHERE deadline_id = 'asp25' AND guild_id = '111' AND offset = '14d'")
    run(desk, "reminders offsets", offsets="14d, 1d")
    by_key = {(r["guild_id"], r["offset"]): r for r in rows(desk, "asp25")}
    assert by_key[("111", "14d")]["state"] == "sent"
    assert by_key[("111", "7d")]["state"] == by_key[("111", "2h")]["state"] == "cancelled"
    assert by_key[("222", "7d")]["state"] == "pending"  # another server's settings are its own
    assert rows(desk, "local-only")[0]["state"] == "pending"  # the deadline's own offsets win

    sent_before = by_key[("111", "14d")]
    run(desk, "deadline edit", id="asp25", start="2026-03-27 10:00", reason="moved")
    by_key = {(r["guild_id"], r["offset"]): r for r in rows(desk, "asp25")}
    assert by_key[("111", "14d")] == sent_before
    assert by_key[("111", "1d")]["due_utc"] == "2026-03-26T09:00:00+00:00"

    run(desk, "reminders channel", guild="222", channel_id="none")
    assert {r["state"] for r in rows(desk, "asp25") if r["guild_id"] == "222"} == {"cancelled"}
    run(desk, "reminders channel", guild="222", channel_id="c222")
    assert {r["state"] for r in rows(desk, "asp25") if r["guild_id"] == "222"} == {"pending"}

    # a server added later gets only the reminders still ahead
    clock.move_to(at(2026, 3, 20, 12))
    run(desk, "reminders channel", guild="444", channel_id="c444")
    run(desk, "reminders network", guild="444", state="on")
    assert [r["offset"] for r in rows(desk, "asp25") if r["guild_id"] == "444"] == ["1d", "2h"]
    assert derive_reminders(desk.db).changed == 0  # derived state is stable


async def test_due_reminder_is_sent_once_with_text_and_timestamps(desk: Desk, clock: time_machine.Coordinates
                                                                   ) -> None:
    receives_reminders(desk)
    add(desk, offsets="1d,2h", link="https://example.org/asp25", kind="session")
    sender, reports = RecordingSender(), []
    service = service_for(desk, sender, reports)
    assert await service.start()
    clock.move_to(at(2026, 3, 19, 8, 59, 59))
    assert (await service.dispatch_due()).sent == 0
    clock.move_to(at(2026, 3, 19, 9))
    assert (await service.dispatch_due()).sent == 1
    assert (await service.dispatch_due()).sent == 0
    [post] = sender.posts
    assert post.channel_id == "c111" and post.ping_role_id is None and len(post.nonce) <= 25
    start = int(at(2026, 3, 20, 9).timestamp())
    for part in ("**Deadline asp25**", "Session", f"<t:{start}:F>", f"<t:{start}:R>", "<https://example.org/asp25>",
                 "Reminder 1 of 2"):
        assert part in post.text
    assert "Late" not in post.text and "<@" not in post.text
    [row] = [r for r in rows(desk) if r["state"] == "sent"]
    assert row["message_id"] == post.message_id and row["sent_at"] == "2026-03-19T09:00:00+00:00"
    assert service.next_wake() == at(2026, 3, 20, 7)
    assert reports == []


async def test_only_the_configured_role_is_pingable(desk: Desk, clock: time_machine.Coordinates) -> None:
    receives_reminders(desk)
    receives_reminders(desk, "222")
    run(desk, "reminders role", guild="222", role_id="<@&999>")
    add(desk, title="Statements due @everyone <@123> <@&456>", offsets="1d")
    sender = RecordingSender()
    service = service_for(desk, sender, [])
    await service.start()
    clock.move_to(at(2026, 3, 19, 9))
    await service.dispatch_due()
    posts = {p.channel_id: p for p in sender.posts}
    assert posts["c111"].ping_role_id is None and "<@&" not in posts["c111"].text
    assert posts["c222"].ping_role_id == "999" and posts["c222"].text.startswith("<@&999>")
    for post in posts.values():
        assert "@everyone" not in post.text and "<@123>" not in post.text and "<@&456>" not in post.text
    run(desk, "reminders role", guild="222", role_id="none")
    assert desk.settings.get("222").reminder_role_id is None


# --- downtime ----------------------------------------------------------------------------------------------------
async def test_down_three_hours_the_late_reminder_posts_once(desk: Desk, tmp_path: Path,
                                                            clock: time_machine.Coordinates) -> None:
    receives_reminders(desk)
    add(desk, offsets="1d,2h")
    sender, reports = RecordingSender(), []
    first = service_for(desk, sender, reports)
    await first.start()
    clock.move_to(at(2026, 3, 19, 8))
    await first.dispatch_due()
    first.stop()  # the bot goes down an hour before the 1d reminder ...
    desk.close()

    clock.move_to(at(2026, 3, 19, 12))  # ... and comes back three hours after it
    desk2 = Desk.open(tmp_path / "desk.db")
    second = service_for(desk2, sender, reports)
    await second.start()
    result = await second.dispatch_due()
    assert (result.sent, result.late, result.missed) == (1, 1, 0)
    assert (await second.dispatch_due()).sent == 0
    [post] = sender.posts
    assert "Late: this reminder was due <t:" in post.text and "Reminder 1 of 2" in post.text
    assert [r["late"] for r in rows(desk2) if r["state"] == "sent"] == [1]
    assert reports == []
    desk2.close()


async def test_down_three_days_nothing_posts_and_all_are_reported_missed_once(
        desk: Desk, clock: time_machine.Coordinates) -> None:
    receives_reminders(desk)
    desk.settings.update("111", modlog_channel_id="modlog")
    add(desk, offsets="1d,2h")
    sender, reports = RecordingSender(), []
    first = service_for(desk, sender, reports)
    await first.start()
    first.stop()
    clock.move_to(at(2026, 3, 21, 12))  # three days later; the deadline itself has passed
    second = service_for(desk, sender, reports)
    await second.start()
    await second.dispatch_due()
    await second.dispatch_due()
    assert sender.posts == []
    assert {r["state"] for r in rows(desk)} == {"missed"}
    [report] = reports
    assert (report.kind, report.guild_id, report.channel_id) == ("missed", "111", "modlog")
    assert "2 reminder(s) were not posted" in report.text
    assert "1d reminder" in report.text and "2h reminder" in report.text


async def test_within_grace_but_the_deadline_has_passed_is_missed(desk: Desk,
                                                                  clock: time_machine.Coordinates) -> None:
    receives_reminders(desk)
    add(desk, offsets="2h")
    sender, reports = RecordingSender(), []
    clock.move_to(at(2026, 3, 20, 9, 30))  # the 2h reminder is 2.5 h late (inside grace), the deadline 30 min gone
    service = service_for(desk, sender, reports)
    await service.start()
    assert (await service.dispatch_due()).missed == 1
    assert sender.posts == [] and len(reports) == 1


# --- cancellation --------------------------------------------------------------------------------------------------
async def test_a_cancelled_deadline_never_fires_and_reminded_channels_get_one_notice(
        desk: Desk, clock: time_machine.Coordinates) -> None:
    receives_reminders(desk)
    receives_reminders(desk, "222")
    add(desk, offsets="7d,1d")
    sender = RecordingSender()
    service = service_for(desk, sender, [])
    await service.start()
    clock.move_to(at(2026, 3, 13, 9))
    await service.dispatch_due()
    assert sorted(p.channel_id for p in sender.posts) == ["c111", "c222"]
    run(desk, "reminders channel", guild="222", channel_id="c222-new")  # later posts would go elsewhere
    text = run(desk, "deadline cancel", id="asp25", reason="postponed to June")
    assert "2 channel(s)" in text
    assert (await service.dispatch_due()).sent == 2
    notices = sender.posts[2:]
    assert sorted(p.channel_id for p in notices) == ["c111", "c222"]  # where members were reminded
    assert all("has been cancelled" in p.text and "postponed to June" in p.text for p in notices)
    clock.move_to(at(2026, 3, 25))
    await service.dispatch_due()
    assert len(sender.posts) == 4
    assert {r["state"] for r in rows(desk) if r["offset"] == "1d"} == {"cancelled"}


async def test_cancelled_in_the_database_without_rederiving_still_never_fires(
        desk: Desk, clock: time_machine.Coordinates) -> None:
    receives_reminders(desk)
    add(desk, offsets="1d")
    desk.db.conn.execute("UPDATE deadlines SET status = 'cancelled' WHERE id = 'asp25'")
    sender = RecordingSender()
    service = service_for(desk, sender, [])
    await service.start()
    service.refresh(force=False)
    clock.move_to(at(2026, 3, 19, 9))
    await service.dispatch_due()
    assert sender.posts == [] and rows(desk)[0]["state"] == "cancelled"


# --- failures ------------------------------------------------------------------------------------------------------
async def test_rate_limits_are_retried_after_the_wait(desk: Desk, clock: time_machine.Coordinates) -> None:
    receives_reminders(desk)
    add(desk, offsets="1d")
    add(desk, "second", "2026-03-20 10:00", offsets="1d")
    sender = RecordingSender()
    sender.fail("c111", RateLimited(30))
    service = service_for(desk, sender, [])
    await service.start()
    clock.move_to(at(2026, 3, 19, 9))
    result = await service.dispatch_due()
    assert (result.sent, result.retrying, sender.calls) == (0, 2, 1)  # the second waits, unsent, for the channel
    assert service.next_wake() == at(2026, 3, 19, 9, 0, 30)
    clock.move_to(at(2026, 3, 19, 9, 0, 10))
    assert (await service.dispatch_due()).sent == 0
    clock.move_to(at(2026, 3, 19, 9, 0, 30))
    assert (await service.dispatch_due()).sent == 2
    assert len(sender.posts) == 2 and sender.calls == 3 and {r["state"] for r in rows(desk)} == {"sent"}


async def test_transient_errors_back_off_then_give_up_once(desk: Desk, clock: time_machine.Coordinates) -> None:
    receives_reminders(desk)
    add(desk, offsets="1d")
    sender, reports = RecordingSender(), []
    sender.fail("c111", TransientSendError("502"), TransientSendError("timeout"))
    service = service_for(desk, sender, reports)
    await service.start()
    clock.move_to(at(2026, 3, 19, 9))
    await service.dispatch_due()
    assert rows(desk)[0]["next_attempt_utc"] == "2026-03-19T09:00:05+00:00"
    clock.move_to(at(2026, 3, 19, 9, 0, 5))
    await service.dispatch_due()
    assert rows(desk)[0]["next_attempt_utc"] == "2026-03-19T09:00:15+00:00"  # doubled
    clock.move_to(at(2026, 3, 19, 9, 0, 15))
    await service.dispatch_due()
    assert len(sender.posts) == 1 and rows(desk)[0]["attempts"] == 3 and reports == []

    add(desk, "flaky", "2026-03-21 10:00", offsets="1d")
    sender.fail("c111", *[TransientSendError("down")] * MAX_ATTEMPTS)
    clock.move_to(at(2026, 3, 20, 9))
    for _ in range(MAX_ATTEMPTS + 2):
        await service.dispatch_due()
        clock.shift(dt.timedelta(minutes=10))
    assert rows(desk, "flaky")[0]["state"] == "failed"
    [report] = reports
    assert report.kind == "failed" and f"after {MAX_ATTEMPTS} attempts" in report.text


async def test_a_lost_channel_is_reported_once_and_not_retried(desk: Desk, clock: time_machine.Coordinates) -> None:
    receives_reminders(desk)
    add(desk, offsets="1d,2h")
    sender, reports = RecordingSender(), []
    sender.fail("c111", ChannelGone("Unknown Channel"), NoPermission("Missing Access"))
    service = service_for(desk, sender, reports)
    await service.start()
    for moment in (at(2026, 3, 19, 9), at(2026, 3, 20, 7)):
        clock.move_to(moment)
        await service.dispatch_due()
        await service.dispatch_due()
    assert sender.calls == 2 and sender.posts == []
    assert [r["state"] for r in rows(desk)] == ["failed", "failed"]
    [report] = reports
    assert report.kind == "channel" and "<#c111> no longer exists" in report.text
    # picking a channel again clears the mark, so a new problem is reported again
    run(desk, "reminders channel", channel_id="c111")
    add(desk, "later", "2026-03-28 10:00", offsets="1d")
    sender.fail("c111", NoPermission("Missing Access"))
    clock.move_to(at(2026, 3, 27, 9))
    await service.dispatch_due()
    assert len(reports) == 2 and "cannot be posted in" in reports[1].text


# --- crash recovery and the lease ---------------------------------------------------------------------------------
async def test_a_claimed_row_is_resent_with_the_same_nonce_after_a_crash(
        desk: Desk, clock: time_machine.Coordinates) -> None:
    receives_reminders(desk)
    add(desk, offsets="1d,2h")
    sender = RecordingSender()
    crashed = service_for(desk, sender, [])
    await crashed.start()
    clock.move_to(at(2026, 3, 19, 9))
    row = rows(desk)[0]
    assert crashed._claim(row["id"], at(2026, 3, 19, 9), "c111", late=False)
    nonce = reminder_nonce(row["id"], "asp25", "111", "1d")
    await sender.send("c111", "first attempt", nonce, None)  # it got through, then the process died
    crashed.leader = False  # the dead process never releases its lease; a restart must still take over

    clock.move_to(at(2026, 3, 19, 9, 1))
    restarted = service_for(desk, sender, [])
    restarted.lease = Lease(desk.db, ttl=dt.timedelta(seconds=30))
    clock.move_to(at(2026, 3, 19, 9, 2))  # the old lease's heartbeat is stale by now
    assert await restarted.start()
    assert len(sender.posts) == 1 and sender.calls == 2  # sent again, dropped by the nonce
    assert rows(desk)[0]["state"] == "sent" and rows(desk)[0]["message_id"] == sender.posts[0].message_id


class ProcessDied(BaseException):
    """Stands for the process dying mid-send: not an Exception, so nothing in the dispatcher catches it."""


async def test_a_restart_after_the_nonce_expired_finds_the_post_instead_of_posting_twice(
        desk: Desk, clock: time_machine.Coordinates) -> None:
    receives_reminders(desk)
    add(desk, offsets="1d")
    sender = RecordingSender(nonce_window=300)  # Discord forgets a nonce after a few minutes

    def die(post: object) -> None:
        raise ProcessDied

    sender.on_send = die  # the post reaches the channel, then the process dies before marking it sent
    crashed = service_for(desk, sender, [])
    await crashed.start()
    clock.move_to(at(2026, 3, 19, 9, 0, 5))
    with pytest.raises(ProcessDied):
        await crashed.dispatch_due()
    assert rows(desk)[0]["state"] == "claimed" and len(sender.posts) == 1
    crashed.leader = False

    sender.on_send = None
    clock.move_to(at(2026, 3, 19, 11))  # two hours later: within grace, long after the nonce window
    restarted = service_for(desk, sender, [])
    restarted.lease = Lease(desk.db, ttl=dt.timedelta(seconds=30))
    assert await restarted.start()
    assert len(sender.posts) == 1 and sender.calls == 1  # found in the channel, not sent again
    assert rows(desk)[0]["state"] == "sent" and rows(desk)[0]["message_id"] == sender.posts[0].message_id


async def test_a_claim_older_than_grace_is_reported_not_resent(desk: Desk, clock: time_machine.Coordinates) -> None:
    receives_reminders(desk)
    add(desk, offsets="1d")
    sender, reports = RecordingSender(), []
    crashed = service_for(desk, sender, [])
    await crashed.start()
    clock.move_to(at(2026, 3, 19, 9))
    crashed._claim(rows(desk)[0]["id"], at(2026, 3, 19, 9), "c111", late=False)
    crashed.stop()
    clock.move_to(at(2026, 3, 19, 16))
    assert await service_for(desk, sender, reports).start()
    assert sender.calls == 0 and rows(desk)[0]["state"] == "missed"
    assert "may or may not have been posted" in rows(desk)[0]["error"] and len(reports) == 1


async def test_a_second_process_is_refused_and_says_why(desk: Desk, tmp_path: Path,
                                                       clock: time_machine.Coordinates) -> None:
    receives_reminders(desk)
    add(desk, offsets="1d")
    sender_a, sender_b, reports_b = RecordingSender(), RecordingSender(), []
    first = service_for(desk, sender_a, [])
    assert await first.start()
    other = Desk.open(tmp_path / "desk.db")  # a second connection, as an overlapping deploy would have
    second = service_for(other, sender_b, reports_b)
    assert not await second.start()
    assert second.refusal and "Another Coalition Desk process" in second.refusal
    assert f"process {os.getpid()}" in second.refusal and "will not send reminders" in second.refusal
    assert reports_b[0].kind == "lease"
    clock.move_to(at(2026, 3, 19, 9))
    assert (await second.dispatch_due()).sent == 0 and sender_b.posts == []
    assert (await first.dispatch_due()).sent == 1
    first.stop()
    assert await second.try_lead()  # once the first stops, the second takes over
    assert second.leader and not await first.try_lead()
    other.close()


async def test_a_lease_taken_over_stops_the_old_holder(desk: Desk, tmp_path: Path,
                                                       clock: time_machine.Coordinates) -> None:
    receives_reminders(desk)
    add(desk, offsets="1d")
    old_sender, new_sender = RecordingSender(), RecordingSender()
    old = service_for(desk, old_sender, [])
    await old.start()
    clock.move_to(at(2026, 3, 19, 9))  # days without a heartbeat (a frozen VM, say): the lease is stale
    new = service_for(Desk.open(tmp_path / "desk.db"), new_sender, [])
    assert await new.start()
    assert (await old.dispatch_due()).sent == 0 and not old.leader and "taken over" in (old.refusal or "")
    assert (await new.dispatch_due()).sent == 1 and old_sender.posts == []


# --- status and the console ----------------------------------------------------------------------------------------
async def test_status_counts_and_console_sender(desk: Desk, clock: time_machine.Coordinates) -> None:
    printed: list[str] = []
    run(desk, "reminders channel", channel_id="terminal")
    run(desk, "reminders network", state="on")
    add(desk, offsets="1d,2h")
    service = ReminderService(desk, ConsoleSender(printed.append))
    await service.start()
    clock.move_to(at(2026, 3, 19, 9) + LATE_AFTER / 2)
    await service.dispatch_due()
    assert len(printed) == 1 and "Deadline asp25" in printed[0] and "Late" not in printed[0]
    text = run(desk, "reminders status")
    assert "1 pending, 1 sent, 0 missed, 0 failed" in text and "Next: **Deadline asp25**" in text
    assert f"pid {os.getpid()}" in text
    member = Context(Actor(id="m", name="Member", guild_id="111"), "111", "c")
    assert not commands.run(desk, member, "reminders status", {}).ok
    assert not commands.run(desk, member, "reminders channel", {"channel_id": "x"}).ok
