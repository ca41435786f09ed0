"""Fixtures for the web site: a desk on a real SQLite file seeded from the shipped data/, and the site served
by a real aiohttp server on 127.0.0.1 with a client that talks to it over HTTP. The Discord-side tests reuse the
fake Discord server's fixtures."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.core.desk import Desk
from bot.web.app import create_app
from bot.web.middleware import Probe, RateLimit
from tests.discord_bot.conftest import fake_discord, world  # noqa: F401  (fixtures for the Discord-side tests)


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    desk = Desk.open(tmp_path / "desk.db")
    yield desk
    desk.close()


async def serve(desk: Desk, probe: Probe | None = None, limit: RateLimit | None = None) -> TestClient:
    client = TestClient(TestServer(create_app(desk, probe=probe, limit=limit), host="127.0.0.1"))
    await client.start_server()
    return client


@pytest.fixture
async def web(desk: Desk) -> AsyncIterator[TestClient]:
    client = await serve(desk, limit=RateLimit(per_minute=60_000, burst=10_000))  # the limit has its own test
    try:
        yield client
    finally:
        await client.close()
