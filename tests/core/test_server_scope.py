"""One server never touches another's deadlines, and deadlines for every server are the operators' matter.

A deadline made for one server is invisible and untouchable from any other server and from direct messages: to
them it looks exactly like a deadline that does not exist. Network-wide deadlines stay readable by everyone, are
published only by operators, and reach only the servers whose moderators opted in (`/reminders network on`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import time_machine

from bot.chat.session import ChatSession
from bot.core import commands
from bot.core.desk import Desk
from bot.core.permissions import Actor
from bot.core.registry import Context, Reply
from bot.core.reminders.dispatch import ReminderService
from bot.core.reminders.senders import RecordingSender
from bot.core.scheduler import digest_text

UTC = dt.UTC
T0 = dt.datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
A, B = "111", "222"


def moderator(guild: str | None) -> Context:
    return Context(Actor(id=f"mod-{guild}", name=f"Mod {guild}", guild_id=guild, manage_server=bool(guild)),
                   guild, "c")


def member(guild: str | None) -> Context:
    return Context(Actor(id=f"member-{guild}", name=f"Member {guild}", guild_id=guild), guild, "c")


def operator(guild: str | None = None, *, manage_server: bool = False) -> Context:
    return Context(Actor(id="op", name="Operator", guild_id=guild, manage_server=manage_server, operator=True),
                   guild, "c")


def run(desk: Desk, ctx: Context, name: str, **args: object) -> Reply:
    return commands.run(desk, ctx, name, args)


def ok(desk: Desk, ctx: Context, name: str, **args: object) -> str:
    reply = run(desk, ctx, name, **args)
    assert reply.ok, reply.text
    return reply.text


def add(desk: Desk, ctx: Context, id: str, title: str, start: str = "2026-03-20 10:00", **more: object) -> str:
    return ok(desk, ctx, "deadline add", id=id, title=title, start=start, sources="src-a", **more)


def snapshot(desk: Desk, deadline_id: str) -> tuple:
    d = desk.deadlines.get(deadline_id)
    assert d is not None
    reminders = [tuple(r) for r in desk.db.query("SELECT * FROM reminders WHERE deadline_id = ? ORDER BY id",
                                                 (deadline_id,))]
    return d.record(), d.status, d.rev, len(desk.deadlines.history(deadline_id)), reminders


def reminder_keys(desk: Desk, deadline_id: str) -> set[tuple[str, str, str]]:
    return {(r["guild_id"], r["offset"], r["state"]) for r in desk.db.query(
        "SELECT guild_id, offset, state FROM reminders WHERE deadline_id = ?", (deadline_id,))}


# --- one server's deadline, seen from another ------------------------------------------------------------------
def test_another_servers_deadline_looks_exactly_like_one_that_does_not_exist(desk: Desk,
                                                                             clock: time_machine.Coordinates) -> None:
    ok(desk, moderator(A), "reminders channel", channel_id="ca")
    add(desk, moderator(A), "a-strategy-call", "A's private strategy call", server_only="yes",
        description="Dial-in 555-0100", link="https://example.org/a-private")
    before = snapshot(desk, "a-strategy-call")

    def absent(ctx: Context, name: str, deadline_id: str, **args: object) -> None:
        reply = run(desk, ctx, name, id=deadline_id, **args)
        assert not reply.ok and reply.failure == "input" and reply.data is None, (name, reply.text)
        assert reply.text == f"No deadline with id `{deadline_id}`.", (name, reply.text)

    for ctx in (moderator(B), member(B), moderator(None), member(None)):
        for name, args in (("deadline show", {}), ("deadline history", {})):
            absent(ctx, name, "a-strategy-call", **args)
            absent(ctx, name, "never-existed", **args)  # the very same words as for an id nobody ever used
    absent(moderator(B), "deadline edit", "a-strategy-call", title="Hijacked", reason="mine now")
    absent(moderator(B), "deadline edit", "never-existed", title="Hijacked", reason="mine now")
    absent(moderator(B), "deadline cancel", "a-strategy-call", reason="mine now")
    absent(moderator(B), "deadline cancel", "never-existed", reason="mine now")
    # an operator is no moderator of server A: from server B, A's own deadline is not there for them either
    absent(operator(B, manage_server=True), "deadline cancel", "a-strategy-call", reason="cleanup")
    # ids are shared by all servers, so B cannot take this one, but is told nothing about what holds it
    taken = run(desk, moderator(B), "deadline add", id="a-strategy-call", title="Ours", start="2026-03-21 10:00",
                sources="src-a", server_only="yes")
    assert not taken.ok and taken.text == "the id `a-strategy-call` cannot be used; pick another id"
    assert snapshot(desk, "a-strategy-call") == before, "nothing was written"

    # "did you mean" never names another server's deadline, while its own server is helped
    for ctx in (moderator(B), member(None)):
        reply = run(desk, ctx, "deadline show", id="a-strategy-cal")
        assert reply.text == "No deadline with id `a-strategy-cal`.", reply.text
    assert "Did you mean `a-strategy-call`?" in run(desk, member(A), "deadline show", id="a-strategy-cal").text

    # lists and the calendar file leave it out too; its own server sees it everywhere
    for ctx in (member(B), member(None)):
        assert "strategy" not in run(desk, ctx, "deadlines", days="60").text
        calendar = run(desk, ctx, "deadline calendar")
        assert calendar.ok and b"strategy" not in calendar.files[0][1]
        assert "strategy" not in ok(desk, ctx, "deadlines", days="3")  # "the next one is ..." names none
    assert "A's private strategy call" in ok(desk, member(A), "deadlines", days="60")
    assert "Dial-in 555-0100" in ok(desk, member(A), "deadline show", id="a-strategy-call")
    assert "add by Mod 111" in ok(desk, member(A), "deadline history", id="a-strategy-call")


def test_a_servers_own_moderators_manage_its_deadlines(desk: Desk, clock: time_machine.Coordinates) -> None:
    ok(desk, moderator(A), "reminders channel", channel_id="ca")
    add(desk, moderator(A), "a-side-event", "Side event", server_only="yes", offsets="1d")
    text = ok(desk, moderator(A), "deadline edit", id="a-side-event", title="Side event (moved)", reason="room")
    assert "Updated (title)" in text and "this server only" in text
    assert "Cancelled `a-side-event`" in ok(desk, moderator(A), "deadline cancel", id="a-side-event", reason="off")
    # an operator's rank reaches no further into a server than its moderators' rule: a member stays a member
    add(desk, moderator(A), "a-next", "Next one", server_only="yes")
    reply = run(desk, operator(A), "deadline cancel", id="a-next", reason="cleanup")
    assert not reply.ok and reply.failure == "permission" and "Only moderators" in reply.text


def test_moderator_and_member_counts_stay_within_their_server(desk: Desk, clock: time_machine.Coordinates) -> None:
    add(desk, moderator(A), "a-only-1", "One", server_only="yes")
    add(desk, moderator(A), "a-only-2", "Two", server_only="yes")
    add(desk, operator(), "everyone-1", "For all")
    assert "deadlines: 1" in ok(desk, moderator(B), "status")
    assert "deadlines: 3" in ok(desk, moderator(A), "status")


# --- deadlines for every server -------------------------------------------------------------------------------
def test_only_operators_publish_change_or_cancel_network_wide_deadlines(desk: Desk,
                                                                        clock: time_machine.Coordinates) -> None:
    before = desk.db.query_one("SELECT count(*) FROM deadlines")[0]
    for refused in ({}, {"server_only": "no"}):
        reply = run(desk, moderator(A), "deadline add", id="net-1", title="For all", start="2026-03-20 10:00",
                    sources="src-a", **refused)
        assert not reply.ok and reply.failure == "permission"
        assert reply.text == ("Only the bot's operators can publish a deadline to every server; add it for this "
                              "server only (server_only: yes).")
    assert desk.db.query_one("SELECT count(*) FROM deadlines")[0] == before

    assert "For every server" in add(desk, operator(), "net-1", "For all", offsets="1d")  # a DM, or the terminal
    assert "For every server" in add(desk, operator(B), "net-2", "Also for all")  # no moderator of B needed
    before = snapshot(desk, "net-1")
    for name, args in (("deadline edit", {"title": "Changed", "reason": "mine"}),
                       ("deadline cancel", {"reason": "mine"})):
        reply = run(desk, moderator(A), name, id="net-1", **args)
        assert not reply.ok and reply.failure == "permission", reply.text
        assert reply.text == "Only the bot's operators can change or cancel a deadline for every server."
    assert snapshot(desk, "net-1") == before
    # ... while everyone can read it, in any server and in a direct message
    for ctx in (member(A), member(B), member(None)):
        assert "For all" in ok(desk, ctx, "deadline show", id="net-1")
        assert "add by Operator" in ok(desk, ctx, "deadline history", id="net-1")
    assert "Updated (title)" in ok(desk, operator(), "deadline edit", id="net-1", title="For all (moved)")
    assert "Cancelled `net-1`" in ok(desk, operator(A), "deadline cancel", id="net-1", reason="called off")


def test_the_terminal_and_the_importer_are_operators_and_bot_operators_lists_user_ids(desk: Desk, tmp_path: Path,
                                                                                      clock) -> None:
    from bot.core.permissions import operators_from_env

    assert Actor.local().operator and Actor.importer().operator
    assert not Actor(id="1", name="x", manage_server=True).operator
    chat = ChatSession(desk, files_dir=tmp_path)
    text = chat.handle('/deadline add id=net-chat title="From the terminal" start="2026-03-20 10:00" sources=src-a')
    assert "For every server" in text, text
    assert "now receives reminders of the deadlines for every server" in chat.handle("/reminders network on")
    assert operators_from_env({"BOT_OPERATORS": " 123, 456 ,,789 "}) == frozenset({"123", "456", "789"})
    assert operators_from_env({}) == frozenset() == operators_from_env({"BOT_OPERATORS": " , "})


# --- opting in -------------------------------------------------------------------------------------------------
def test_network_wide_deadlines_reach_only_servers_that_opted_in(desk: Desk, clock: time_machine.Coordinates) -> None:
    ok(desk, moderator(A), "reminders channel", channel_id="ca")
    ok(desk, moderator(B), "reminders channel", channel_id="cb")
    assert not desk.settings.get(B).network_reminders, "off by default for a new server"
    on = ok(desk, moderator(A), "reminders network", state="on")
    assert "every server" in on and "<#ca>" in on
    add(desk, operator(), "net", "For all", offsets="1d")
    add(desk, moderator(B), "b-own", "B's own", server_only="yes", offsets="1d")
    assert reminder_keys(desk, "net") == {(A, "1d", "pending")}
    assert reminder_keys(desk, "b-own") == {(B, "1d", "pending")}, "a server's own deadlines need no opt-in"

    assert "Network-wide deadlines: not received" in ok(desk, moderator(B), "reminders status")
    assert "Network-wide deadlines: received" in ok(desk, moderator(A), "reminders status")
    assert "network-wide deadlines not received" in ok(desk, moderator(B), "config show")
    assert "network-wide deadlines received" in ok(desk, moderator(A), "config show")

    ok(desk, moderator(B), "reminders network", state="on")
    assert reminder_keys(desk, "net") == {(A, "1d", "pending"), (B, "1d", "pending")}
    off = ok(desk, moderator(A), "reminders network", state="off")
    assert "no longer" in off
    assert reminder_keys(desk, "net") == {(A, "1d", "cancelled"), (B, "1d", "pending")}
    assert reminder_keys(desk, "b-own") == {(B, "1d", "pending")}

    for bad in ("maybe", ""):
        assert not run(desk, moderator(A), "reminders network", state=bad).ok
    for refused in (member(A), moderator(None)):
        assert not run(desk, refused, "reminders network", state="on").ok
    assert not desk.settings.get(A).network_reminders


async def test_the_dispatcher_and_the_digest_honour_the_opt_in(desk: Desk, clock: time_machine.Coordinates) -> None:
    ok(desk, moderator(A), "reminders channel", channel_id="ca")
    add(desk, operator(), "net", "For all", offsets="1d")
    add(desk, moderator(A), "a-own", "A's own", offsets="1d", server_only="yes")
    assert "For all" not in digest_text(desk, A, T0 + dt.timedelta(days=15))
    assert "A's own" in digest_text(desk, A, T0 + dt.timedelta(days=15))
    # a row left pending by an older version (or written by another tool) is not posted to a server not opted in
    desk.db.conn.execute("INSERT INTO reminders (deadline_id, guild_id, offset, due_utc, state) "
                         "VALUES ('net', ?, '2d', '2026-03-18T09:00:00Z', 'pending')", (A,))
    sender = RecordingSender()
    service = ReminderService(desk, sender)
    await service.start()
    clock.move_to(dt.datetime(2026, 3, 19, 9, 30, tzinfo=UTC))
    await service.dispatch_due()
    assert [p.text for p in sender.posts if "For all" in p.text] == []
    assert any("A's own" in p.text for p in sender.posts)
    service.stop()


def test_servers_with_a_reminder_channel_are_migrated_as_opted_in(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.core import db as dbmod
    from bot.core.schema import MIGRATIONS

    assert MIGRATIONS[3].__name__ == "_v4_server_scope"
    monkeypatch.setattr(dbmod, "MIGRATIONS", MIGRATIONS[:3])  # a database as version 3 left it
    old = dbmod.Database(tmp_path / "old.db")
    assert old.schema_version == 3
    old.conn.execute("INSERT INTO guild_settings (guild_id, reminder_channel_id, zone, updated_at) "
                     "VALUES ('with-channel', 'c1', 'Europe/Amsterdam', 'x'), "
                     "('no-channel', NULL, 'Europe/Amsterdam', 'x')")
    old.close()
    monkeypatch.setattr(dbmod, "MIGRATIONS", MIGRATIONS)
    desk = Desk(dbmod.Database(tmp_path / "old.db"))
    assert desk.db.schema_version >= 4
    assert desk.settings.get("with-channel").network_reminders  # it was receiving them: nothing silently stops
    assert not desk.settings.get("no-channel").network_reminders
    assert not desk.settings.get("brand-new").network_reminders
    desk.close()
