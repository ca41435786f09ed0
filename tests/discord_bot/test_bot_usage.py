"""/facts stats on Discord, with two servers on one bot: each server's moderators see their own members' questions
and flags, as text with a chart attached."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.fakediscord import FakeDiscord, FakeGuild, FakeUser

from .test_bot_kit import DeskBot, running_bot

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(30)]


@pytest.fixture
def other(fake_discord: FakeDiscord) -> tuple[FakeGuild, FakeUser, FakeUser]:
    """A second server on the same bot (made before it connects): the guild, its owner and a member."""
    owner = fake_discord.add_user("b-owner")
    guild = fake_discord.add_guild("Other Coalition", owner=owner)
    fake_discord.add_channel(guild, "b-general")
    return guild, owner, fake_discord.add_member(guild, "b-member").user


@pytest.fixture
async def env(fake_discord: FakeDiscord, other: tuple[FakeGuild, FakeUser, FakeUser], tmp_path: Path
              ) -> AsyncIterator[DeskBot]:
    async with running_bot(fake_discord, tmp_path) as running:
        yield running


async def test_each_server_sees_its_own_usage_with_a_chart(env: DeskBot,
                                                           other: tuple[FakeGuild, FakeUser, FakeUser]) -> None:
    w = env.world
    guild, other_owner, other_member = other
    await env.run("config cooldown", {"seconds": 0}, user=w.owner)  # a member asks three questions in a row
    for question in ("how much is the 2026 budget?", "what is the weather in Paris?",
                     "what is the weather in Paris?"):
        await env.run("ask", {"question": question}, user=w.member)
    await env.run("ask", {"question": "who is withdrawing from the Rome Statute?"}, user=other_member, guild=guild)

    shown = await env.run("facts stats", user=w.owner)
    assert shown.ephemeral and "Questions asked here in the last 30 days: 3" in shown.content
    assert "2× “what is the weather in Paris?”" in shown.content and "withdrawing" not in shown.content
    assert shown.attachment_names == ["desk-usage.png"]
    assert shown.files[0].content.startswith(b"\x89PNG")

    theirs = await env.run("facts stats", user=other_owner, guild=guild)
    assert "last 30 days: 1" in theirs.content and "Paris" not in theirs.content
    refused = await env.run("facts stats", user=w.member, check_permissions=False)
    assert refused.ephemeral and "Only moderators" in refused.content
