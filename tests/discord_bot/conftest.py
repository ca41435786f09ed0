"""Fixtures for end-to-end tests: a fake Discord per test, with discord.py pointed at it.

Why per test: each test gets fresh in-memory state and a fresh port, so tests cannot leak
messages, sessions or synced commands into each other, and the cost is a few milliseconds.
"""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

try:
    from tests.fakediscord import DefaultWorld, FakeDiscord, RunClient, populate_default_guild
    from tests.fakediscord import run_client as _run_client
except ModuleNotFoundError:  # plain `pytest` (not `python -m pytest`) leaves the repo root off sys.path
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from tests.fakediscord import DefaultWorld, FakeDiscord, RunClient, populate_default_guild
    from tests.fakediscord import run_client as _run_client

from tests.discord_bot.test_bot_kit import DeskBot, running_bot


@pytest.fixture
async def fake_discord() -> AsyncIterator[FakeDiscord]:
    """A started FakeDiscord holding the standard guild, with discord.py redirected to it.

    Handles to the standard guild are on ``fake_discord.world`` (also the ``world`` fixture).
    Teardown fails the test if the fake itself hit an internal error.
    """
    fake = FakeDiscord()
    populate_default_guild(fake)
    await fake.start()
    try:
        with fake.redirect_discord_py():
            yield fake
    finally:
        await fake.stop()
    assert not fake.server_errors, f"the fake Discord server hit internal errors: {fake.server_errors}"


@pytest.fixture
def world(fake_discord: FakeDiscord) -> DefaultWorld:
    """The standard guild: owner, moderator, member, moderator_role, general, reminders, mod_log."""
    assert fake_discord.world is not None
    return fake_discord.world


@pytest.fixture
def run_client() -> RunClient:
    """``async with run_client(client[, token]) as client:`` runs it against the fake until the block ends."""
    return _run_client


@pytest.fixture
async def env(fake_discord: FakeDiscord, tmp_path: Path) -> AsyncIterator[DeskBot]:
    """The project's bot on a fresh database seeded from data/, connected to the fake server."""
    async with running_bot(fake_discord, tmp_path) as running:
        yield running
