"""/facts stats: a server's moderators see how their members use the desk (questions per day, answered, partly
answered or declined, the most asked gaps, the most flagged facts), for their server only, with a chart."""

from __future__ import annotations

import datetime as dt

import time_machine

from bot.core import commands
from bot.core.desk import Desk
from bot.core.permissions import Actor
from bot.core.registry import Context

PNG = b"\x89PNG\r\n\x1a\n"


def ask(desk: Desk, guild: str, question: str) -> None:
    reply = commands.run(desk, Context(Actor(id=f"m-{guild}", name="Member", guild_id=guild), guild, "c"), "ask",
                         {"question": question})
    assert reply.ok, reply.text


def test_stats_count_a_servers_questions_by_day_and_outcome_with_a_chart(mini_desk: Desk) -> None:
    with time_machine.travel(dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC), tick=False) as clock:
        ask(mini_desk, "g1", "when were the judges sanctioned?")
        ask(mini_desk, "g1", "what is the weather in Paris?")
        clock.move_to(dt.datetime(2026, 3, 2, 12, tzinfo=dt.UTC))
        ask(mini_desk, "g1", "how big is the budget for 2026?")
        ask(mini_desk, "g1", "what is the weather in Paris?")
        ask(mini_desk, "g2", "how big is the budget for 2026?")
        flagger = Context(Actor(id="m-1", name="Member", guild_id="g1"), "g1", "c")
        commands.run(mini_desk, flagger, "feedback", {"id": "budget-2026", "kind": "outdated", "note": "adopted?"})
        mod = Context(Actor(id="mod", name="Mod", guild_id="g1", manage_server=True), "g1", "c")
        reply = commands.run(mini_desk, mod, "facts stats", {})
        other = commands.run(mini_desk, Context(Actor(id="mod2", name="Mod", guild_id="g2", manage_server=True),
                                                "g2", "c"), "facts stats", {})
    assert reply.ok and reply.ephemeral
    assert "Questions asked here in the last 30 days: 4" in reply.text
    assert "Answered 2 (50%) · partly answered 0 (0%) · declined 2 (50%)" in reply.text
    assert "2× “what is the weather in Paris?”" in reply.text
    assert "`budget-2026`: 1 member(s)" in reply.text
    assert "03-01 1/0/1, 03-02 1/0/1" in reply.text
    [(name, chart)] = reply.files
    assert name == "desk-usage.png" and chart.startswith(PNG) and len(chart) > 2000

    assert "last 30 days: 1" in other.text and "Paris" not in other.text and "budget-2026`" not in other.text
    member = commands.run(mini_desk, Context(Actor(id="m", name="M", guild_id="g1"), "g1", "c"), "facts stats", {})
    assert not member.ok and member.failure == "permission"


def test_no_questions_no_chart_and_a_dm_has_no_server(mini_desk: Desk, moderator: Actor) -> None:
    empty = commands.run(mini_desk, Context(moderator, guild_id="g1"), "facts stats", {})
    assert "last 30 days: 0" in empty.text and "No questions yet." in empty.text and not empty.files
    dm = commands.run(mini_desk, Context(moderator), "facts stats", {})
    assert "run this in that server" in dm.text
