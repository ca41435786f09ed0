"""Connecting: the factory's client logs in, syncs its slash commands once, identifies with no privileged
intent, logs one clear line when ready, keeps the token out of every log and request body, and turns a
missing or rejected token into one sentence and a non-zero exit code."""

from __future__ import annotations

import asyncio
import json
import logging
from pathlib import Path

import pytest

from bot.core.registry import REGISTRY
from bot.discord_bot.client import create_client, default_intents, run_bot
from bot.discord_bot.commands import SLASH_COMMANDS
from tests.conftest import SHIPPED_FACTS
from tests.fakediscord import FakeDiscord, populate_default_guild, run_client

from .test_bot_kit import TOKEN, assert_nobody_pinged, running_bot, seeded_desk

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(20)]

PRIVILEGED = (1 << 1) | (1 << 8) | (1 << 15)  # GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT
MODERATOR_ONLY = {"status", "facts", "source", "reminders", "config", "data"}


def synced_paths(commands: list[dict]) -> set[str]:
    paths = set()
    for command in commands:
        subs = [o for o in command.get("options", []) if o["type"] in (1, 2)]
        paths |= {f"{command['name']} {s['name']}" for s in subs} if subs else {command["name"]}
    return paths


async def test_connects_syncs_commands_and_identifies_without_privileged_intents(
        fake_discord: FakeDiscord, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    async with running_bot(fake_discord, tmp_path) as env:
        assert env.bot.is_ready()
    assert len(fake_discord.requests_to("PUT", r"/applications/\d+/commands")) == 1
    commands = fake_discord.global_commands
    assert synced_paths(commands) == set(SLASH_COMMANDS)
    assert all(core in REGISTRY for core in SLASH_COMMANDS.values())
    for command in commands:
        perms = command.get("default_member_permissions")
        if command["name"] in MODERATOR_ONLY:
            assert str(perms) == "32" and command["contexts"] == [0], f"/{command['name']} is for moderators"
        else:
            assert perms is None and 1 in command["contexts"], f"/{command['name']} is for everyone, DMs too"
        assert len(command["description"]) <= 100
    intents = fake_discord.last_identify["intents"]
    assert intents == default_intents().value == (1 << 0) | (1 << 9) | (1 << 12)  # guilds, messages, DMs
    assert not intents & PRIVILEGED
    ready = [r.getMessage() for r in caplog.records if " ready: logged in as " in r.getMessage()]
    assert len(ready) == 1 and "Coalition Desk" in ready[0] and "commands synced" in ready[0]
    assert f"{SHIPPED_FACTS} facts" in ready[0]


async def test_a_restart_does_not_resync_unchanged_commands(fake_discord: FakeDiscord, tmp_path: Path) -> None:
    desk = seeded_desk(tmp_path / "desk.db")
    for _ in range(2):
        bot = create_client(desk, guild_ready_timeout=0.05)
        async with run_client(bot, TOKEN):
            pass
    assert len(fake_discord.requests_to("PUT", r"/applications/\d+/commands")) == 1
    assert "unchanged" in bot.sync_state
    desk.close()
    assert_nobody_pinged(fake_discord, set())


async def test_the_token_never_appears_in_logs_or_outside_the_authorization_header(
        fake_discord: FakeDiscord, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)  # discord.py's own debug logging included
    async with running_bot(fake_discord, tmp_path) as env:
        w = env.world
        await env.configure(modlog=True, reminders=True)
        await env.run("ask", {"question": "what did ASP24 say about sanctions?"}, user=w.member)
        await fake_discord.send_message(w.general, w.owner, f"{fake_discord.bot_mention} who pays the budget?")
        await fake_discord.send_message(None, w.moderator, "what about arrears?", dm=True)
        await fake_discord.wait_until(lambda: len(fake_discord.bot_messages()) >= 6)
    logged = caplog.text + "".join(str(r.args) for r in caplog.records)
    assert "discord.http" in caplog.text and "discord.gateway" in caplog.text, "debug logging was on"
    assert TOKEN not in logged
    assert fake_discord.tokens_seen == {TOKEN}
    for request in fake_discord.requests:
        outside = json.dumps([request.path, request.query, request.headers, request.json], default=str)
        assert TOKEN not in outside, f"the token leaked outside Authorization in {request!r}"
    rest = [r for r in fake_discord.requests if not r.path.startswith(("/interactions/", "/webhooks/"))]
    assert rest and all(r.auth_present and r.token == TOKEN for r in rest)
    assert TOKEN not in json.dumps([f.d for f in fake_discord.frames], default=str)


async def test_a_rejected_token_is_one_sentence_and_a_non_zero_exit(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fake = FakeDiscord(accepted_tokens={"the-right-token"})
    populate_default_guild(fake)
    await fake.start()
    desk = seeded_desk(tmp_path / "desk.db")
    try:
        with fake.redirect_discord_py():
            code = await asyncio.to_thread(run_bot, desk, "a-wrong-token")
    finally:
        await fake.stop()
        desk.close()
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "Discord rejected the token" in err and "Traceback" not in err
    assert "a-wrong-token" not in err
    assert not fake.live_connections and fake.requests_to("GET", "/users/@me")[0].status == 401


@pytest.mark.parametrize(("switch", "cpus", "apart"), [(None, 2, True), (None, 1, False), ("off", 2, False)])
async def test_python_m_bot_run_builds_its_client_answering_apart_where_there_is_a_cpu(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, switch: str | None, cpus: int, apart: bool) -> None:
    # run_bot is what `python -m bot run` calls; the token is refused, so the client stops before any child starts
    from bot.core import answer_process
    from bot.discord_bot import client as client_module

    if switch is None:
        monkeypatch.delenv(answer_process.SWITCH_ENV, raising=False)
    else:
        monkeypatch.setenv(answer_process.SWITCH_ENV, switch)
    monkeypatch.setattr(answer_process.os, "cpu_count", lambda: cpus)
    built: list[bool] = []

    def recording(desk, **options):  # the real create_client, noting what it was asked for
        built.append(options["answer_process"])
        return create_client(desk, **options)
    monkeypatch.setattr(client_module, "create_client", recording)
    fake = FakeDiscord(accepted_tokens={"the-right-token"})
    await fake.start()
    desk = seeded_desk(tmp_path / "desk.db")
    try:
        with fake.redirect_discord_py():
            assert await asyncio.to_thread(run_bot, desk, "a-wrong-token") == 1
    finally:
        await fake.stop()
        desk.close()
    assert built == [apart]
    script_desk = seeded_desk(tmp_path / "script.db")
    assert create_client(script_desk).answers_apart is False, "a script's own client keeps it off unless told"
    script_desk.close()


def test_a_missing_token_is_one_sentence_and_a_non_zero_exit(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    desk = seeded_desk(tmp_path / "desk.db")
    assert run_bot(desk, "  ") == 2
    desk.close()
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "DISCORD_TOKEN" in err
