"""Two servers on one bot: a server's own deadline does not exist for the other server or in direct messages,
deadlines for every server are published only by the bot's operators (the application's owner or team, or
BOT_OPERATORS), and they reach only the servers whose moderators opted in (`/reminders network`)."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.core.timeutil import from_iso, utcnow
from tests.fakediscord import FakeChannel, FakeDiscord, FakeGuild, FakeRole, FakeUser

from .test_bot_kit import DeskBot, running_bot

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(30)]
AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")
NETWORK_REFUSAL = ("Only the bot's operators can publish a deadline to every server; add it for this server only "
                   "(server_only: yes).")


@dataclass
class Other:
    """Server B, beside the standard server A: its owner (Manage Server: its strongest moderator), a member, a
    member the bot's runner named in BOT_OPERATORS, its channels and its own reminder role."""

    guild: FakeGuild
    owner: FakeUser
    member: FakeUser
    operator: FakeUser
    general: FakeChannel
    reminders: FakeChannel
    watchers: FakeRole


@pytest.fixture
def other(fake_discord: FakeDiscord) -> Other:
    owner = fake_discord.add_user("b-owner")
    guild = fake_discord.add_guild("Other Coalition", owner=owner)
    return Other(guild=guild, owner=owner, member=fake_discord.add_member(guild, "b-member").user,
                 operator=fake_discord.add_member(guild, "b-operator").user,
                 general=fake_discord.add_channel(guild, "b-general"),
                 reminders=fake_discord.add_channel(guild, "b-reminders"),
                 watchers=fake_discord.add_role(guild, "B watchers", mentionable=True))


@pytest.fixture
def a_watchers(fake_discord: FakeDiscord) -> FakeRole:
    return fake_discord.add_role(fake_discord.guild, "A watchers", mentionable=True)


@pytest.fixture
async def env(fake_discord: FakeDiscord, other: Other, a_watchers: FakeRole, tmp_path: Path,
              monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[DeskBot]:
    fake_discord.add_member(fake_discord.guild, fake_discord.app_owner)  # the application's owner, a member of A
    monkeypatch.setenv("BOT_OPERATORS", f" {other.operator.id} ,")
    async with running_bot(fake_discord, tmp_path) as running:
        yield running


async def add_deadline(env: DeskBot, user: FakeUser, deadline_id: str, title: str, *, minutes: int = 60 * 24 * 3,
                       offsets: str | None = None, guild: FakeGuild | None = None, server_only: bool = False,
                       description: str = "") -> str:
    """/deadline add and its form; returns what the user is shown at the end."""
    start = (utcnow() + dt.timedelta(minutes=minutes)).astimezone(AMS).replace(second=0, microsecond=0)
    options: dict[str, object] = {"id": deadline_id, "kind": "event", "zone": "Europe/Amsterdam"}
    if offsets:
        options["offsets"] = offsets
    if server_only:
        options["server_only"] = True
    opened = await env.slash("deadline add", options, user=user, guild=guild)
    assert (await env.fake.wait_for_response(opened))["type"] == 9, "the form opens"
    done = await env.shown(await env.fake.modal_submit(None, {
        "title": title, "start": start.strftime("%Y-%m-%d %H:%M"), "link": "https://example.org/call",
        "description": description}, user=user))
    return done.content


def rows(env: DeskBot, deadline_id: str) -> list[dict[str, str]]:
    return [dict(r) for r in env.desk.db.query(
        "SELECT * FROM reminders WHERE deadline_id = ? ORDER BY due_utc, guild_id", (deadline_id,))]


async def dispatch_at(env: DeskBot, due: str) -> None:
    env.clock.advance(from_iso(due) - env.clock() + dt.timedelta(seconds=1))
    await env.bot.reminders.dispatch_now()  # type: ignore[union-attr]


async def test_another_servers_moderator_and_direct_messages_find_no_such_deadline(env: DeskBot, other: Other) -> None:
    fake, w = env.fake, env.world
    added = await add_deadline(env, w.owner, "a-strategy-call", "A's strategy call", server_only=True,
                               description="Dial-in 555-0100")
    assert "Added" in added and "this server only" in added
    before = env.desk.deadlines.get("a-strategy-call")
    nowhere = await env.run("deadline show", {"id": "never-existed"}, user=other.owner, guild=other.guild)
    assert nowhere.ephemeral and nowhere.content == "No deadline with id `never-existed`."

    attempts = [("deadline edit", {"title": "Hijacked by B", "reason": "ours now"}),
                ("deadline cancel", {"reason": "ours now"}), ("deadline show", {}), ("deadline history", {})]
    for name, more in attempts:
        shown = await env.run(name, {"id": "a-strategy-call", **more}, user=other.owner, guild=other.guild)
        assert shown.ephemeral and shown.content == "No deadline with id `a-strategy-call`.", (name, shown.content)
        assert not shown.embeds and not shown.files
    for name in ("deadline show", "deadline history"):  # a member of B, and anyone in a direct message
        shown = await env.run(name, {"id": "a-strategy-call"}, user=other.member, guild=other.guild)
        assert shown.content == "No deadline with id `a-strategy-call`.", (name, shown.content)
        shown = await env.run(name, {"id": "a-strategy-call"}, user=w.owner, dm=True)
        assert shown.content == "No deadline with id `a-strategy-call`.", (name, shown.content)
    typo = await env.run("deadline show", {"id": "a-strategy-cal"}, user=other.owner, guild=other.guild)
    assert typo.content == "No deadline with id `a-strategy-cal`.", "no 'did you mean' naming A's deadline"

    after = env.desk.deadlines.get("a-strategy-call")
    assert after is not None and before is not None
    assert (after.title, after.status, after.rev) == ("A's strategy call", "active", 1) and after == before

    listing = await env.run("deadlines", {"days": 7}, user=other.member, guild=other.guild)
    assert "strategy" not in listing.content
    calendar = await env.run("deadline calendar", user=other.member, guild=other.guild)
    assert b"strategy" not in calendar.files[0].content
    typed = await fake.autocomplete("deadline edit", {"id": "strategy"}, "id", user=other.owner, guild=other.guild)
    await fake.wait_for_response(typed)
    assert typed.choices == []
    typed = await fake.autocomplete("deadline edit", {"id": "strategy"}, "id", user=w.owner)
    await fake.wait_for_response(typed)
    assert [c["value"] for c in typed.choices or []] == ["a-strategy-call"]
    shown = await env.run("deadline show", {"id": "a-strategy-call"}, user=w.member)
    assert "Dial-in 555-0100" in shown.content, "its own server still sees it"
    elsewhere = [*fake.bot_messages(other.general), *fake.bot_messages(other.reminders),
                 *fake.bot_messages(fake.dm_channel(w.owner))]
    assert elsewhere and not any("A's strategy call" in m.text() or "555-0100" in m.text() for m in elsewhere)


async def test_a_moderator_adding_a_deadline_for_every_server_is_refused(env: DeskBot, other: Other) -> None:
    w = env.world
    before = env.desk.deadlines.count()
    for user, guild in ((w.owner, None), (other.owner, other.guild)):
        opened = await env.slash("deadline add", {"id": "everyone-ours", "kind": "event"}, user=user, guild=guild)
        body = await env.fake.wait_for_response(opened)
        assert body["type"] == 4, "refused before the form opens"
        refused = await env.shown(opened)
        assert refused.ephemeral and refused.content == NETWORK_REFUSAL
    assert env.desk.deadlines.count() == before
    added = await add_deadline(env, other.owner, "b-own", "B's own meeting", guild=other.guild, server_only=True)
    assert "Added" in added and "this server only" in added


async def test_an_operators_deadline_reaches_only_the_servers_that_opted_in(env: DeskBot, other: Other,
                                                                            a_watchers: FakeRole) -> None:
    fake, w = env.fake, env.world
    await env.configure(modlog=True, reminders=True, role=a_watchers, network=True)
    await env.run("reminders channel", {"channel": other.reminders}, user=other.owner, guild=other.guild)
    await env.run("reminders role", {"role": other.watchers}, user=other.owner, guild=other.guild)
    status_b = await env.run("reminders status", user=other.owner, guild=other.guild)
    assert "Network-wide deadlines: not received" in status_b.content
    assert "Network-wide deadlines: received" in (await env.run("reminders status", user=w.owner)).content
    config_b = await env.run("config show", user=other.owner, guild=other.guild)
    assert "network-wide deadlines not received" in config_b.content

    added = await add_deadline(env, fake.app_owner, "asp25-statements", "ASP25 statements due", minutes=40,
                               offsets="20m,10m")
    assert "Added" in added and "For every server" in added
    assert {r["guild_id"] for r in rows(env, "asp25-statements")} == {str(w.guild.id)}
    first = rows(env, "asp25-statements")[0]
    await dispatch_at(env, first["due_utc"])
    post = await fake.wait_for_message(channel=w.reminders)
    assert "ASP25 statements due" in post.content and post.pinged_role_ids == [a_watchers.id]
    assert not fake.bot_messages(other.reminders), "server B did not opt in: nothing is posted there"
    assert not any(other.watchers.id in m.pinged_role_ids for m in fake.bot_messages(include_deleted=True))

    turned_on = await env.run("reminders network", {"state": "on"}, user=other.owner, guild=other.guild)
    assert turned_on.ephemeral and f"<#{other.reminders.id}>" in turned_on.content
    second = [r for r in rows(env, "asp25-statements") if r["guild_id"] == str(other.guild.id)]
    assert second and {r["state"] for r in second} == {"pending"}
    await dispatch_at(env, second[-1]["due_utc"])
    post_b = await fake.wait_for_message(channel=other.reminders)
    assert "ASP25 statements due" in post_b.content and post_b.pinged_role_ids == [other.watchers.id]


async def test_an_operator_named_in_bot_operators_publishes_and_moderators_cannot_change_it(
        env: DeskBot, other: Other) -> None:
    w = env.world
    added = await add_deadline(env, other.operator, "asp25-side-events", "Side-event applications close",
                               guild=other.guild)
    assert "Added" in added and "For every server" in added
    for name, more in (("deadline edit", {"title": "Moved by A", "reason": "ours"}),
                       ("deadline cancel", {"reason": "ours"})):
        refused = await env.run(name, {"id": "asp25-side-events", **more}, user=w.owner)
        assert refused.ephemeral
        assert refused.content == "Only the bot's operators can change or cancel a deadline for every server."
    for kwargs in ({"user": w.member}, {"user": other.member, "guild": other.guild}, {"user": w.member, "dm": True}):
        shown = await env.run("deadline history", {"id": "asp25-side-events"}, **kwargs)  # type: ignore[arg-type]
        assert "add by b-operator" in shown.content, kwargs
    edited = await env.run("deadline edit", {"id": "asp25-side-events", "title": "Side-event applications close (2)"},
                           user=env.fake.app_owner)
    assert "Updated (title)" in edited.content
    assert env.desk.deadlines.get("asp25-side-events").title == "Side-event applications close (2)"  # type: ignore


async def test_the_application_teams_admins_and_developers_are_operators(fake_discord: FakeDiscord,
                                                                         tmp_path: Path) -> None:
    w = fake_discord.world
    assert w is not None
    developer = fake_discord.add_member(w.guild, "team-developer").user
    viewer = fake_discord.add_member(w.guild, "team-viewer").user
    fake_discord.app_team = [(fake_discord.app_owner, "admin"), (developer, "developer"), (viewer, "read_only")]
    async with running_bot(fake_discord, tmp_path) as env:
        added = await add_deadline(env, developer, "team-published", "Published by the team")
        assert "For every server" in added
        opened = await env.slash("deadline add", {"id": "viewer-published", "kind": "event"}, user=viewer)
        refused = await env.shown(opened)
        assert refused.content == NETWORK_REFUSAL
