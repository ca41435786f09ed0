"""Shared pieces for the bot's end-to-end tests (this module holds no tests itself).

`running_bot` starts the real client from `bot.discord_bot.client.create_client` against the fake Discord, on a real
SQLite desk seeded from the shipped data/, and on the way out checks every request the bot sent in that test:
each message it created or edited carried `allowed_mentions` that parse nothing, and only reminder posts name a
role, the one a moderator configured. Every bot test goes through it, so the whole suite is covered.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import re
import shutil
import tempfile
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.core.desk import Desk
from bot.core.timeutil import utcnow
from bot.discord_bot.client import CoalitionDeskBot, create_client
from tests.fakediscord import DefaultWorld, FakeDiscord, InteractionRecord, RecordedRequest, StoredMessage
from tests.fakediscord import run_client as _run_client

TOKEN = "MTEz.test-token.NEVER-LOG-ME-7f3a"
CALLBACK_WITH_MESSAGE = (4, 7)  # interaction callbacks that create or edit a message
_template: dict[str, Path] = {}
CHECKED: list[int] = [0]  # message-bearing requests checked so far in this run (reported by the suite)


def seeded_desk(path: Path) -> Desk:
    """A desk on a real SQLite file holding the shipped data; seeded once, then copied per test."""
    if "db" not in _template:
        folder = Path(tempfile.mkdtemp(prefix="desk-template-"))
        atexit.register(shutil.rmtree, folder, True)
        template = Desk.open(folder / "desk.db")
        template.close()
        _template["db"] = folder / "desk.db"
    shutil.copyfile(_template["db"], path)
    return Desk.open(path)


class MovableClock:
    """The reminder dispatcher's clock: real time plus an offset the test moves forward."""

    def __init__(self) -> None:
        self.offset = dt.timedelta(0)

    def __call__(self) -> dt.datetime:
        return utcnow() + self.offset

    def advance(self, delta: dt.timedelta) -> None:
        self.offset += delta


@dataclass
class DeskBot:
    fake: FakeDiscord
    world: DefaultWorld
    desk: Desk
    bot: CoalitionDeskBot
    clock: MovableClock
    extra_role_ids: set[int] = field(default_factory=set)

    async def slash(self, name: str, options: dict[str, Any] | None = None, *, user: Any, **kwargs: Any
                    ) -> InteractionRecord:
        return await self.fake.slash_command(name, options or {}, user=user, **kwargs)

    async def shown(self, record: InteractionRecord) -> StoredMessage:
        """The message the user ends up seeing for an interaction (a deferred reply waits for its followup)."""
        body = await self.fake.wait_for_response(record)
        if body["type"] == 5:
            return await self.fake.wait_for_followup(record)
        if body["type"] == 6:  # deferred update: the clicked message is edited through the interaction's webhook
            await self.fake.wait_for_request("PATCH", rf"/webhooks/\d+/{re.escape(record.token)}/messages/.+")
        assert record.original is not None, f"no message for interaction response type {body['type']}"
        return record.original

    async def run(self, name: str, options: dict[str, Any] | None = None, *, user: Any, **kwargs: Any
                  ) -> StoredMessage:
        return await self.shown(await self.slash(name, options, user=user, **kwargs))

    async def configure(self, *, modlog: bool = False, reminders: bool = False, role: Any = None,
                        network: bool = False) -> None:
        """The owner sets the mod-log and reminder channel (and role) with the same commands moderators use;
        `network` opts the server in to reminders of the deadlines for every server."""
        w = self.world
        if modlog:
            await self.run("config modlog", {"channel": w.mod_log}, user=w.owner)
        if reminders:
            await self.run("reminders channel", {"channel": w.reminders}, user=w.owner)
        if role is not None:
            await self.run("reminders role", {"role": role}, user=w.owner)
        if network:
            await self.run("reminders network", {"state": "on"}, user=w.owner)


def message_body(request: RecordedRequest) -> dict[str, Any] | None:
    """The message payload of a request that creates or edits a message, else None."""
    path, method, body = request.path, request.method, request.json
    if not isinstance(body, dict):
        return None
    if path.startswith("/interactions/"):
        return body.get("data") if body.get("type") in CALLBACK_WITH_MESSAGE else None
    creates = method == "POST" and (path.startswith("/webhooks/") or path.endswith("/messages"))
    edits = method == "PATCH" and "/messages/" in path
    return body if creates or edits else None


def assert_nobody_pinged(fake: FakeDiscord, reminder_role_ids: set[int]) -> int:
    """Every message the bot sent parses no mentions; only reminder posts may name the configured role."""
    checked = 0
    for request in fake.requests:
        body = message_body(request)
        if body is None:
            continue
        checked += 1
        allowed = body.get("allowed_mentions")
        assert allowed is not None, f"{request!r} was sent without allowed_mentions: {body}"
        assert allowed.get("parse") == [], f"{request!r} parses mentions: {allowed}"
        assert not allowed.get("users") and not allowed.get("replied_user"), f"{request!r} may ping: {allowed}"
        roles = {int(r) for r in allowed.get("roles") or []}
        if roles:
            assert str(body.get("nonce", "")).startswith("cdr"), f"{request!r} names roles but is no reminder"
            assert roles <= reminder_role_ids, f"{request!r} names roles {roles} beyond {reminder_role_ids}"
    for message in fake.bot_messages(include_deleted=True):
        assert not message.mention_everyone, f"{message!r} pinged everyone"
        assert not message.pinged_user_ids, f"{message!r} pinged users {message.pinged_user_ids}"
        assert set(message.pinged_role_ids) <= reminder_role_ids, f"{message!r} pinged {message.pinged_role_ids}"
    return checked


@contextlib.asynccontextmanager
async def running_bot(fake: FakeDiscord, tmp_path: Path, *, desk: Desk | None = None, **factory: Any
                      ) -> AsyncIterator[DeskBot]:
    """The bot from the real factory, connected to `fake`, on a fresh seeded desk (or `desk`, which it closes);
    checks pings on the way out."""
    assert fake.world is not None
    desk = desk or seeded_desk(tmp_path / "desk.db")
    clock = MovableClock()
    options: dict[str, Any] = {"guild_ready_timeout": 0.05, "clock": clock, **factory}
    bot = create_client(desk, **options)
    env = DeskBot(fake, fake.world, desk, bot, clock)
    try:
        async with _run_client(bot, TOKEN):
            yield env
    finally:
        roles = {int(s.reminder_role_id) for s in desk.settings.all() if s.reminder_role_id}
        desk.close()
    CHECKED[0] += assert_nobody_pinged(fake, roles | env.extra_role_ids)
    fake.assert_no_unknown_requests()
