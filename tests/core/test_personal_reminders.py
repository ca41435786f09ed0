"""A member asks for their own reminder: `/remind me deadline before:1d` sends them one direct message, exactly
once, through the same rows, claims and nonces as a server's reminders; it follows its deadline when it moves,
and a server's own deadline is reminded only to members who asked in that server."""

from __future__ import annotations

import time_machine

from bot.core import commands
from bot.core.desk import Desk
from bot.core.permissions import Actor
from bot.core.registry import Context
from bot.core.reminders.senders import RecordingSender

from .test_reminders import add, at, rows, run, service_for


def member(guild: str | None = "111", user: str = "u-ana") -> Context:
    return Context(Actor(id=user, name="Ana", guild_id=guild), guild, "c")


def remind(desk: Desk, ctx: Context, name: str, **args: object) -> str:
    reply = commands.run(desk, ctx, name, args)
    assert reply.ok, reply.text
    return reply.text


async def test_a_member_gets_one_direct_message_at_the_time_they_asked(desk: Desk,
                                                                      clock: time_machine.Coordinates) -> None:
    add(desk, offsets="1d")  # a deadline for every server; this server has no reminder channel at all
    text = remind(desk, member(), "remind me", deadline="asp25", before="2h")
    assert "I'll send you a direct message" in text and f"<t:{int(at(2026, 3, 20, 7).timestamp())}:F>" in text
    assert "asp25" in remind(desk, member(), "remind list")
    assert "no reminders" in remind(desk, member(user="u-ben"), "remind list"), "each member sees their own"

    sender = RecordingSender()
    service = service_for(desk, sender, [])
    await service.start()
    clock.move_to(at(2026, 3, 20, 7, 0, 5))
    assert (await service.dispatch_due()).sent == 1
    assert (await service.dispatch_due()).sent == 0, "exactly once"
    [post] = sender.posts
    assert post.channel_id == "user:u-ana" and "Deadline asp25" in post.text and post.ping_role_id is None


async def test_it_follows_a_moved_deadline_and_can_be_cancelled(desk: Desk, clock: time_machine.Coordinates) -> None:
    add(desk, offsets="1d")
    remind(desk, member(), "remind me", deadline="asp25")
    run(desk, "deadline edit", id="asp25", start="2026-03-27 10:00", reason="postponed")
    [row] = [r for r in rows(desk, "asp25") if r["guild_id"] == "user:u-ana"]
    assert row["due_utc"].startswith("2026-03-26T09:00") and row["state"] == "pending"
    assert "Cancelled 1 reminder(s)" in remind(desk, member(), "remind cancel", deadline="asp25")
    assert [r["state"] for r in rows(desk, "asp25") if r["guild_id"] == "user:u-ana"] == ["cancelled"]
    refused = commands.run(desk, member(), "remind cancel", {"deadline": "asp25"})
    assert not refused.ok and "no reminder of `asp25`" in refused.text


def test_a_servers_own_deadline_only_for_its_members_and_a_passed_time_is_said(desk: Desk,
                                                                               clock: time_machine.Coordinates
                                                                               ) -> None:
    add(desk, "local-call", "2026-03-05 10:00", server_only="yes")
    elsewhere = commands.run(desk, member(guild="222"), "remind me", {"deadline": "local-call"})
    assert not elsewhere.ok and "No deadline with id `local-call`" in elsewhere.text
    in_dm = commands.run(desk, member(guild=None), "remind me", {"deadline": "local-call"})
    assert not in_dm.ok
    assert "already passed" in remind(desk, member(), "remind me", deadline="local-call", before="7d")
    assert "one duration" in commands.run(desk, member(), "remind me", {"deadline": "local-call",
                                                                      "before": "1d,2h"}).text
