"""The web site beside the real Discord client (as `run --web` runs it), with two servers on the fake Discord:
moderators get their server's feed address from /deadline calendar (a webcal:// link beside the file) and can
replace it; members get only the feed for every server; the site serves each server only its own deadlines;
answers link to the fact's page when BOT_PUBLIC_URL is set; /healthz sees the gateway and the dispatcher."""

from __future__ import annotations

import contextlib
import re
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import icalendar
import pytest

from bot.cli import web as web_cli
from bot.core import commands
from bot.core.feeds import feed_for
from tests.discord_bot.test_bot_kit import DeskBot, running_bot
from tests.fakediscord import FakeDiscord, FakeGuild, FakeUser
from tests.web.test_feeds import add, moderator, operator

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(30)]
PUBLIC = "https://desk.example.org"


@contextlib.asynccontextmanager
async def bot_and_site(fake: FakeDiscord, tmp_path: Path) -> AsyncIterator[tuple[DeskBot, str]]:
    async with running_bot(fake, tmp_path) as env, web_cli.beside(env.desk, "127.0.0.1", 0)(env.bot) as runner:
        host, port = runner.addresses[0][:2]
        yield env, f"http://{host}:{port}"


async def fetch(session: aiohttp.ClientSession, url: str) -> tuple[int, bytes]:
    async with session.get(url) as response:
        return response.status, await response.read()


def feed_links(content: str) -> list[str]:
    return re.findall(r"<((?:webcal|https)://[^>]+)>", content)


async def test_moderators_get_their_servers_secret_feed_and_can_replace_it(
        fake_discord: FakeDiscord, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOT_PUBLIC_URL", PUBLIC + "/")
    b_owner: FakeUser = fake_discord.add_user("b-owner")
    other: FakeGuild = fake_discord.add_guild("Other Coalition", owner=b_owner)
    fake_discord.add_channel(other, "b-general")
    async with bot_and_site(fake_discord, tmp_path) as (env, site), aiohttp.ClientSession() as session:
        w, a, b = env.world, str(fake_discord.guild.id), str(other.id)
        add(env.desk, operator(), "network-call", 10)
        add(env.desk, moderator(a), "a-private", 12, server_only="yes")
        add(env.desk, moderator(b), "b-private", 14, server_only="yes")
        await env.run("config modrole", {"role": w.moderator_role}, user=w.owner)

        shown = await env.run("deadline calendar", {}, user=w.moderator)
        assert shown.ephemeral and shown.attachment_names == ["coalition-desk.ics"]
        token = feed_for(env.desk.db, a).token  # type: ignore[union-attr]
        assert feed_links(shown.content) == ["webcal://desk.example.org/calendar.ics",
                                             f"webcal://desk.example.org/calendar/{token}.ics",
                                             f"{PUBLIC}/calendar/{token}.ics"]
        status, body = await fetch(session, site + f"/calendar/{token}.ics")
        uids = {str(e["uid"]) for e in icalendar.Calendar.from_ical(body).walk("VEVENT")}
        assert status == 200 and uids == {"network-call@coalition-desk", "a-private@coalition-desk"}

        in_b = await env.run("deadline calendar", {}, user=b_owner, guild=other)
        b_token = feed_for(env.desk.db, b).token  # type: ignore[union-attr]
        assert b_token != token and token not in in_b.content
        status, body = await fetch(session, site + f"/calendar/{b_token}.ics")
        assert b"b-private" in body and b"a-private" not in body

        member = await env.run("deadline calendar", {}, user=w.member)
        assert feed_links(member.content) == ["webcal://desk.example.org/calendar.ics"]
        refused = await env.run("deadline calendar", {"new_link": True}, user=w.member)
        assert refused.ephemeral and "Only moderators" in refused.content
        assert feed_for(env.desk.db, a).token == token  # type: ignore[union-attr]

        renewed = await env.run("deadline calendar", {"new_link": True}, user=w.moderator)
        new_token = feed_for(env.desk.db, a).token  # type: ignore[union-attr]
        assert new_token != token and f"/calendar/{new_token}.ics" in renewed.content
        assert "old one no longer works" in renewed.content
        assert (await fetch(session, site + f"/calendar/{token}.ics"))[0] == 404
        assert (await fetch(session, site + f"/calendar/{new_token}.ics"))[0] == 200


async def test_answers_link_to_the_fact_page_and_healthz_sees_the_client(
        fake_discord: FakeDiscord, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOT_PUBLIC_URL", PUBLIC)
    async with bot_and_site(fake_discord, tmp_path) as (env, site), aiohttp.ClientSession() as session:
        shown = await env.run("ask", {"question": "when did the us sanction four icc judges"},
                              user=env.world.member)
        url = shown.embeds[0]["url"]
        assert url == f"{PUBLIC}/facts/us-sanctions-four-judges-june-2025"
        status, page = await fetch(session, site + url.removeprefix(PUBLIC))
        assert status == 200 and b"Executive Order 14203" in page

        async with session.get(site + "/healthz") as response:
            body = await response.json()
        assert response.status == 200 and body["gateway"] == "connected" and body["dispatcher"] == "leading", body
        await env.bot.close()
        async with session.get(site + "/healthz") as response:
            body = await response.json()
        assert response.status == 503 and body["gateway"] == "disconnected", body


async def test_without_a_public_address_moderators_get_the_path(fake_discord: FakeDiscord, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BOT_PUBLIC_URL", raising=False)
    async with running_bot(fake_discord, tmp_path) as env:
        shown = await env.run("deadline calendar", {}, user=env.world.owner)
        token = feed_for(env.desk.db, str(fake_discord.guild.id)).token  # type: ignore[union-attr]
        assert f"`/calendar/{token}.ics`" in shown.content and "BOT_PUBLIC_URL" in shown.content
        answered = await env.run("ask", {"question": "when did the us sanction four icc judges"},
                                 user=env.world.member)
        assert "url" not in answered.embeds[0]
        dm = commands.run(env.desk, operator(), "deadline calendar", {"new_link": "yes"})
        assert not dm.ok and "made in that server" in dm.text
