"""Reminders on Discord: posted in the configured channel with only the configured role pingable, exactly
once; a cancelled deadline's pending reminders never fire; problems reach the mod-log. The dispatcher's clock
is moved forward instead of waiting (the reminders table, not a timer, says what is due)."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import time_machine

from bot.core.deadlines.model import CALENDAR_FILE
from bot.core.timeutil import from_iso, utcnow
from tests.fakediscord import FakeDiscord, FakeRole

from .test_bot_kit import DeskBot, running_bot

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(20)]


@pytest.fixture
async def watchers(fake_discord: FakeDiscord) -> FakeRole:
    """An opt-in role for reminder pings, made before the bot connects."""
    return fake_discord.add_role(fake_discord.guild, "Deadline watchers", mentionable=True)


@pytest.fixture
async def env(fake_discord: FakeDiscord, watchers: FakeRole, tmp_path: Path) -> AsyncIterator[DeskBot]:
    fake_discord.add_member(fake_discord.guild, fake_discord.app_owner)  # the bot's operator publishes deadlines
    async with running_bot(fake_discord, tmp_path) as running:
        yield running


async def add_deadline(env: DeskBot, deadline_id: str, *, minutes: int, offsets: str, title: str) -> dt.datetime:
    """The bot's operator (the application's owner) adds a deadline for every server through /deadline add and
    its form; returns its start (UTC)."""
    start = (utcnow() + dt.timedelta(minutes=minutes)).astimezone(zoneinfo.ZoneInfo("Europe/Amsterdam"))
    start = start.replace(second=0, microsecond=0)
    opened = await env.slash("deadline add", {"id": deadline_id, "kind": "submission", "offsets": offsets,
                                              "zone": "Europe/Amsterdam"}, user=env.fake.app_owner)
    assert (await env.fake.wait_for_response(opened))["type"] == 9
    done = await env.shown(await env.fake.modal_submit(None, {
        "title": title, "start": start.strftime("%Y-%m-%d %H:%M"), "link": "https://example.org/call"},
        user=env.fake.app_owner))
    assert "Added" in done.content, done.content
    return start.astimezone(dt.UTC)


def rows(env: DeskBot, deadline_id: str) -> list[dict[str, str]]:
    return [dict(r) for r in env.desk.db.query(
        "SELECT * FROM reminders WHERE deadline_id = ? ORDER BY due_utc, id", (deadline_id,))]


def move_clock_past(env: DeskBot, due: str) -> None:
    env.clock.advance(from_iso(due) - env.clock() + dt.timedelta(seconds=1))


async def test_a_reminder_lands_in_the_channel_with_only_the_configured_role_pingable(
        env: DeskBot, watchers: FakeRole) -> None:
    fake, w = env.fake, env.world
    await env.configure(modlog=True, reminders=True, role=watchers, network=True)
    await add_deadline(env, "asp25-statements", minutes=30, offsets="5m",
                       title=f"ASP25 written statements due (@everyone <@&{w.moderator_role.id}>)")
    [pending] = rows(env, "asp25-statements")
    assert pending["state"] == "pending" and pending["offset"] == "5m"
    assert not fake.bot_messages(w.reminders), "nothing is posted before it is due"

    move_clock_past(env, pending["due_utc"])
    result = await env.bot.reminders.dispatch_now()  # type: ignore[union-attr]
    assert result.sent == 1
    post = await fake.wait_for_message(channel=w.reminders)
    assert post.content.startswith(f"<@&{watchers.id}>") and "ASP25 written statements due" in post.content
    assert "Reminder 1 of 1" in post.content and "<t:" in post.content
    assert post.allowed_mentions == {"parse": [], "roles": [watchers.id]}
    assert post.pinged_role_ids == [watchers.id] and not post.mention_everyone and not post.pinged_user_ids
    sent = rows(env, "asp25-statements")[0]
    assert sent["state"] == "sent" and sent["message_id"] == str(post.id) and post.nonce

    again = await env.bot.reminders.dispatch_now()  # type: ignore[union-attr]
    assert again.sent == 0 and len(fake.bot_messages(w.reminders)) == 1, "exactly once"


async def test_a_cancelled_deadlines_pending_reminders_never_fire(env: DeskBot) -> None:
    fake, w = env.fake, env.world
    await env.configure(modlog=True, reminders=True, network=True)
    await add_deadline(env, "side-event-signup", minutes=40, offsets="20m,10m", title="Side event registration")
    first, second = rows(env, "side-event-signup")
    move_clock_past(env, first["due_utc"])
    assert (await env.bot.reminders.dispatch_now()).sent == 1  # type: ignore[union-attr]
    await fake.wait_for_message(lambda m: "Reminder 1 of 2" in m.content, channel=w.reminders)

    cancelled = await env.run("deadline cancel", {"id": "side-event-signup", "reason": "the venue fell through"},
                              user=fake.app_owner)
    assert "Cancelled `side-event-signup`" in cancelled.content and "notice" in cancelled.content
    await fake.wait_for_message(lambda m: "cancelled deadline" in m.text(), channel=w.mod_log)
    states = {r["offset"]: r["state"] for r in rows(env, "side-event-signup")}
    assert states["20m"] == "sent" and states["10m"] == "cancelled"

    move_clock_past(env, second["due_utc"])
    await env.bot.reminders.dispatch_now()  # type: ignore[union-attr]
    await env.bot.reminders.dispatch_now()  # type: ignore[union-attr]
    posts = [m.content for m in fake.bot_messages(w.reminders)]
    assert len(posts) == 2 and "has been cancelled" in posts[1] and "the venue fell through" in posts[1]
    assert {r["offset"]: r["state"] for r in rows(env, "side-event-signup")}["10m"] == "cancelled"
    assert not any("Reminder 2 of 2" in p for p in posts), "the pending reminder never fired"


async def test_members_see_upcoming_deadlines_and_get_a_calendar_file(env: DeskBot) -> None:
    w = env.world
    start = await add_deadline(env, "asp25-side-events", minutes=60 * 24 * 3, offsets="1d",
                               title="ASP25 side-event applications close")
    listing = await env.run("deadlines", {"days": 7}, user=w.member)
    assert "ASP25 side-event applications close" in listing.content
    assert f"<t:{int(start.timestamp())}:F>" in listing.content
    calendar = await env.run("deadline calendar", user=w.member)
    assert calendar.ephemeral and calendar.attachment_names == [CALENDAR_FILE]
    ics = calendar.files[0].content.decode()
    assert "BEGIN:VCALENDAR" in ics and "ASP25 side-event applications close" in ics and "BEGIN:VALARM" in ics
    status = await env.run("reminders status", user=w.owner)
    assert status.ephemeral and "Channel: none" in status.content


async def test_a_lost_reminder_channel_is_reported_to_the_mod_log_once(env: DeskBot) -> None:
    fake, w = env.fake, env.world
    await env.configure(modlog=True, reminders=True, network=True)
    await add_deadline(env, "court-filing", minutes=30, offsets="10m,5m", title="Amicus filing due")
    fake.fail_channel(w.reminders, 403, code=50013, message="Missing Permissions")
    first, second = rows(env, "court-filing")
    move_clock_past(env, first["due_utc"])
    await env.bot.reminders.dispatch_now()  # type: ignore[union-attr]
    move_clock_past(env, second["due_utc"])
    await env.bot.reminders.dispatch_now()  # type: ignore[union-attr]
    reports = [m for m in fake.bot_messages(w.mod_log) if "Reminder channel problem" in m.text()]
    assert len(reports) == 1 and "Missing Permissions" in reports[0].text()
    assert {r["state"] for r in rows(env, "court-filing")} == {"failed"}


async def test_without_a_mod_log_the_server_owner_is_told_by_direct_message(env: DeskBot) -> None:
    fake, w = env.fake, env.world
    await env.configure(reminders=True, network=True)
    await add_deadline(env, "lost-channel", minutes=30, offsets="5m", title="Report due")
    fake.fail_channel(w.reminders, 404)
    move_clock_past(env, rows(env, "lost-channel")[0]["due_utc"])
    await env.bot.reminders.dispatch_now()  # type: ignore[union-attr]
    note = await fake.wait_for_message(channel=fake.dm_channel(w.owner))
    assert "no mod-log channel is set" in note.content and "no longer exists" in note.text()


async def test_after_a_crash_the_sender_finds_its_own_earlier_post_in_the_channel(env: DeskBot) -> None:
    fake, w = env.fake, env.world
    sender = env.bot.reminders.sender
    since = utcnow() - dt.timedelta(minutes=1)
    text = "**ASP25 statement due** — reminder 2 of 4"
    await fake.send_message(w.reminders, w.member, text)  # a member typing the same words is not our post
    message_id = await sender.send(str(w.reminders.id), text, "r1-test-nonce", None)
    await sender.send(str(w.reminders.id), "something else", "r2-test-nonce", None)
    assert await sender.find_posted(str(w.reminders.id), text, since) == message_id
    assert await sender.find_posted(str(w.reminders.id), "never posted", since) is None
    assert await sender.find_posted(str(w.reminders.id), text, utcnow() + dt.timedelta(minutes=1)) is None


async def test_a_postponed_deadline_posts_a_rescheduled_notice_where_members_were_reminded(env: DeskBot) -> None:
    fake, w = env.fake, env.world
    await env.configure(reminders=True, network=True)
    start = await add_deadline(env, "drafting-call", minutes=30, offsets="20m,5m", title="Drafting call")
    first = rows(env, "drafting-call")[0]
    move_clock_past(env, first["due_utc"])
    assert (await env.bot.reminders.dispatch_now()).sent == 1  # type: ignore[union-attr]
    await fake.wait_for_message(lambda m: "Drafting call" in m.content, channel=w.reminders)

    later = (start + dt.timedelta(days=2)).astimezone(zoneinfo.ZoneInfo("Europe/Amsterdam"))
    edited = await env.run("deadline edit", {"id": "drafting-call", "start": later.strftime("%Y-%m-%d %H:%M"),
                                             "reason": "moved to Thursday"}, user=fake.app_owner)
    assert "A rescheduled notice goes to 1 channel(s)" in edited.content
    assert (await env.bot.reminders.dispatch_now()).sent == 1  # type: ignore[union-attr]
    notice = await fake.wait_for_message(lambda m: "rescheduled" in m.content, channel=w.reminders)
    assert f"<t:{int(later.timestamp())}:F>" in notice.content and not notice.pinged_role_ids


async def test_members_look_back_at_past_deadlines(env: DeskBot) -> None:
    w = env.world
    await add_deadline(env, "quick-call", minutes=10, offsets="5m", title="A quick coordination call")
    assert "quick-call" not in (await env.run("deadlines", {"past": True}, user=w.member)).content
    call = env.desk.deadlines.require("quick-call")
    with time_machine.travel(call.ends_at + dt.timedelta(hours=1)):
        shown = await env.run("deadlines", {"past": True, "days": 3}, user=w.member)
        assert shown.content.startswith("Passed in the last 3 days:") and "`quick-call`" in shown.content
        assert "`quick-call`" not in (await env.run("deadlines", {}, user=w.member)).content


async def test_a_weekly_meeting_is_reminded_each_week_and_one_week_can_be_cancelled(env: DeskBot) -> None:
    fake, w = env.fake, env.world
    await env.configure(reminders=True)
    start = (utcnow() + dt.timedelta(minutes=30)).astimezone(zoneinfo.ZoneInfo("Europe/Amsterdam"))
    opened = await env.slash("deadline add", {"id": "drafting-weekly", "offsets": "10m", "zone": "Europe/Amsterdam",
                                              "repeat": "weekly x4", "server_only": True}, user=w.owner)
    assert (await fake.wait_for_response(opened))["type"] == 9
    done = await env.shown(await fake.modal_submit(None, {
        "title": "Weekly drafting meeting", "start": start.strftime("%Y-%m-%d %H:%M"),
        "link": "https://example.org/drafting"}, user=w.owner))
    assert "Repeats weekly, 4 times" in done.content, done.content
    assert len(rows(env, "drafting-weekly")) == 4

    second = (start + dt.timedelta(days=7)).date().isoformat()
    skipped = await env.run("deadline skip", {"id": "drafting-weekly", "date": second, "reason": "team retreat"},
                            user=w.owner)
    assert f"The {second} occurrence" in skipped.content
    shown = await env.run("deadline show", {"id": "drafting-weekly"}, user=w.member)
    assert f"Cancelled: {second}" in shown.content

    first = rows(env, "drafting-weekly")[0]
    move_clock_past(env, first["due_utc"])
    assert (await env.bot.reminders.dispatch_now()).sent == 1  # type: ignore[union-attr]
    post = await fake.wait_for_message(lambda m: "Weekly drafting meeting" in m.content, channel=w.reminders)
    assert "Reminder 1 of 1" in post.content
    env.clock.advance(dt.timedelta(days=7))
    assert (await env.bot.reminders.dispatch_now()).sent == 0, "the cancelled week is not reminded"
    assert {r["state"] for r in rows(env, "drafting-weekly") if r["offset"].endswith(second)} == {"cancelled"}


async def test_a_member_asks_for_their_own_reminder_and_gets_one_direct_message(env: DeskBot) -> None:
    fake, w = env.fake, env.world
    await add_deadline(env, "drafting-call", minutes=30, offsets="20m", title="Drafting call")
    asked = await env.run("remind me", {"deadline": "drafting-call", "before": "10m"}, user=w.member)
    assert asked.ephemeral and "I'll send you a direct message" in asked.content
    listed = await env.run("remind list", user=w.member)
    assert listed.ephemeral and "`drafting-call`" in listed.content
    [mine] = [r for r in rows(env, "drafting-call") if r["guild_id"] == f"user:{w.member.id}"]
    move_clock_past(env, mine["due_utc"])
    assert (await env.bot.reminders.dispatch_now()).sent == 1  # type: ignore[union-attr]
    dm = await fake.wait_for_message(channel=fake.dm_channel(w.member))
    assert "Drafting call" in dm.content and not dm.pinged_role_ids
    assert (await env.bot.reminders.dispatch_now()).sent == 0  # type: ignore[union-attr]
    assert not fake.bot_messages(w.reminders), "nobody else is told"
