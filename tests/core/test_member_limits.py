"""What members make the bot store belongs to their server and is bounded: unanswered questions and flags are
scoped to the server they came from, one vote per member per fact per server, outdated notes throttled, flags
handed to the mod-log in batches, repeated questions kept as one row, old ones dropped after the retention."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
import time_machine

from bot.core import commands
from bot.core.commands.facts import NOT_IN_A_SERVER
from bot.core.db import Database
from bot.core.desk import Desk
from bot.core.feedback import FLAG_BATCH_WINDOW, NOTE_LIMIT, RETENTION_DAYS
from bot.core.permissions import Actor
from bot.core.registry import Context
from bot.core.schema import MIGRATIONS
from bot.core.text import normalize_question

UTC = dt.UTC


def mod(guild: str) -> Context:
    return Context(Actor(id=f"mod-{guild}", name=f"Mod {guild}", guild_id=guild, manage_server=True), guild, "c")


def member(guild: str, user: str = "u1", name: str = "Ada") -> Context:
    return Context(Actor(id=user, name=name, guild_id=guild), guild, "c")


def run(desk: Desk, ctx: Context, name: str, **args: object):
    return commands.run(desk, ctx, name, args)


def rows(desk: Desk, table: str) -> int:
    return desk.db.query_one(f"SELECT count(*) FROM {table}")[0]


def test_gaps_and_feedback_show_only_the_callers_server(mini_desk: Desk) -> None:
    run(mini_desk, member("A"), "ask", question="Is our witness list for the Kony case safe?")
    run(mini_desk, member("A"), "feedback", id="budget-2026", kind="outdated", note="A's private note")
    run(mini_desk, member("B", "u2", "Bea"), "ask", question="who won the football?")
    gaps_b = run(mini_desk, mod("B"), "facts gaps")
    assert [g.question for g in gaps_b.data] == ["who won the football?"] and "witness" not in gaps_b.text
    feedback_b = run(mini_desk, mod("B"), "facts feedback")
    assert feedback_b.data == [] and "A's private note" not in feedback_b.text and "Ada" not in feedback_b.text
    assert [g.question for g in run(mini_desk, mod("A"), "facts gaps").data] == [
        "Is our witness list for the Kony case safe?"]
    assert [(f.note, f.user_name) for f in run(mini_desk, mod("A"), "facts feedback").data] == [
        ("A's private note", "Ada")]


def test_from_a_direct_message_nothing_server_owned_is_shown(mini_desk: Desk) -> None:
    run(mini_desk, member("A"), "ask", question="Is our witness list for the Kony case safe?")
    run(mini_desk, member("A"), "feedback", id="budget-2026", kind="outdated", note="A's private note")
    dm = Context(Actor(id="local", name="Operator", manage_server=True), None, "dm")
    for name in ("facts gaps", "facts feedback"):
        reply = run(mini_desk, dm, name)
        assert reply.ok and reply.text == NOT_IN_A_SERVER and reply.data == []
    refused = run(mini_desk, Context(Actor(id="u1", name="Ada"), None, "dm"), "feedback", id="budget-2026",
                  kind="outdated", note="sent from a DM")
    assert not refused.ok and "nothing was stored" in refused.text
    assert rows(mini_desk, "feedback") == 1


def test_one_vote_per_member_per_fact_per_server(mini_desk: Desk) -> None:
    first = run(mini_desk, member("A"), "feedback", id="budget-2026", kind="helpful")
    assert first.ok and "Thanks" in first.text
    for _ in range(49):
        again = run(mini_desk, member("A"), "feedback", id="budget-2026", kind="helpful")
    assert again.ok and "already" in again.text
    assert mini_desk.feedback.counts("budget-2026", "A") == {"helpful": 1}

    to_outdated = run(mini_desk, member("A"), "feedback", id="budget-2026", kind="outdated", note="adopted?")
    assert "Changed your vote" in to_outdated.text and "from helpful to outdated" in to_outdated.text
    assert mini_desk.feedback.counts("budget-2026", "A") == {"outdated": 1}
    back = run(mini_desk, member("A"), "feedback", id="budget-2026", kind="helpful")
    assert "Changed your vote" in back.text and "from outdated to helpful" in back.text
    assert mini_desk.feedback.counts("budget-2026", "A") == {"helpful": 1}
    assert run(mini_desk, mod("A"), "facts feedback").data == [], "the flag went with the changed vote"

    run(mini_desk, member("B"), "feedback", id="budget-2026", kind="helpful")  # the same user in another server
    run(mini_desk, member("A", "u2"), "feedback", id="budget-2026", kind="helpful")  # another member
    assert mini_desk.feedback.counts("budget-2026", "A") == {"helpful": 2}
    assert mini_desk.feedback.counts("budget-2026") == {"helpful": 3}
    assert rows(mini_desk, "feedback") == 3


def test_outdated_notes_are_throttled_per_member(mini_desk: Desk) -> None:
    facts = ["budget-2026", "judges-sanctioned", "blocking-statute"]
    with time_machine.travel(dt.datetime(2026, 5, 1, 12, tzinfo=UTC), tick=False) as clock:
        replies = [run(mini_desk, member("A"), "feedback", id=facts[i % 3], kind="outdated", note=f"note {i}")
                   for i in range(20)]
        assert [r.ok for r in replies] == [True] * NOTE_LIMIT + [False] * (20 - NOTE_LIMIT)
        refused = replies[-1]
        assert refused.failure == "input" and refused.change is None
        assert "in the last hour" in refused.text and refused.text.count(".") == 1
        notes = {f.note for f in mini_desk.feedback.flags(guild_id="A")}
        assert notes == {f"note {i}" for i in range(NOTE_LIMIT)}, "nothing of a refused note is stored"
        # another member, and the same member in another server, are not held back
        assert run(mini_desk, member("A", "u2"), "feedback", id="budget-2026", kind="outdated").ok
        assert run(mini_desk, member("B"), "feedback", id="budget-2026", kind="outdated").ok
        # helpful votes are not notes
        assert run(mini_desk, member("A"), "feedback", id="budget-2026", kind="helpful").ok
        clock.shift(dt.timedelta(hours=1, seconds=1))
        assert run(mini_desk, member("A"), "feedback", id="budget-2026", kind="outdated", note="an hour on").ok


def test_flags_are_handed_to_the_mod_log_in_batches(mini_desk: Desk) -> None:
    start = dt.datetime(2026, 5, 1, 12, tzinfo=UTC)
    store = mini_desk.feedback
    for user, fact in [("u1", "budget-2026"), ("u2", "budget-2026"), ("u3", "judges-sanctioned")]:
        store.record_flag(fact, "outdated", user_id=user, user_name=user, note=f"from {user}", guild_id="A",
                          now=start)
    store.record_flag("budget-2026", "outdated", user_id="u9", user_name="u9", guild_id="B", now=start)
    first = store.take_flag_batch("A", start)
    assert [f.note for f in first.flags] == ["from u1", "from u2", "from u3"] and first.due is None
    assert store.take_flag_batch("A", start).flags == [], "a batch is handed out once"

    later = start + dt.timedelta(seconds=30)
    for user in ("u4", "u5"):
        store.record_flag("blocking-statute", "outdated", user_id=user, user_name=user, guild_id="A", now=later)
    waiting = store.take_flag_batch("A", later)
    assert waiting.flags == [] and waiting.due == start + FLAG_BATCH_WINDOW
    assert store.guilds_with_waiting_flags() == ["A", "B"]
    assert store.take_flag_batch("A", start + FLAG_BATCH_WINDOW - dt.timedelta(seconds=1)).flags == []
    folded = store.take_flag_batch("A", start + FLAG_BATCH_WINDOW)
    assert [f.user_id for f in folded.flags] == ["u4", "u5"]
    assert [f.user_id for f in store.take_flag_batch("B", later).flags] == ["u9"], "servers batch apart"
    assert store.guilds_with_waiting_flags() == []


def test_a_repeated_question_is_one_row_with_a_count(mini_desk: Desk) -> None:
    for question in ["Who won the football match?", "who won the football match", "WHO WON THE FOOTBALL MATCH??"]:
        run(mini_desk, member("A"), "ask", question=question)
    run(mini_desk, member("B"), "ask", question="who won the football match")
    assert rows(mini_desk, "unanswered") == 2
    [gap] = run(mini_desk, mod("A"), "facts gaps").data
    assert gap.times == 3 and gap.question == "WHO WON THE FOOTBALL MATCH??"
    assert [g.times for g in run(mini_desk, mod("B"), "facts gaps").data] == [1]


def test_questions_older_than_the_retention_are_dropped(mini_desk: Desk) -> None:
    start = dt.datetime(2026, 1, 1, 12, tzinfo=UTC)
    with time_machine.travel(start, tick=False) as clock:
        run(mini_desk, member("A"), "ask", question="who won the football match")
        run(mini_desk, member("A"), "ask", question="where is the nearest pharmacy")
        clock.move_to(start + dt.timedelta(days=RETENTION_DAYS - 1))
        run(mini_desk, member("A"), "ask", question="where is the nearest pharmacy")  # asked again: kept longer
        clock.move_to(start + dt.timedelta(days=RETENTION_DAYS, hours=1))
        assert [g.question for g in run(mini_desk, mod("A"), "facts gaps").data] == ["where is the nearest pharmacy"]
        run(mini_desk, member("B"), "ask", question="who won the football match")  # any new question sweeps
        assert rows(mini_desk, "unanswered") == 2, "A's expired row is deleted, not only hidden"
        assert [g.question for g in mini_desk.feedback.gaps()] == ["where is the nearest pharmacy",
                                                                   "who won the football match"]
        # a server may keep them for a shorter time; /config show says how long
        assert f"{RETENTION_DAYS} days after last asked (default)" in run(mini_desk, mod("A"), "config show").text
        reply = run(mini_desk, mod("A"), "config retention", days="1")
        assert reply.ok and "1 days" in reply.text and "1 older ones were dropped" in reply.text
        assert rows(mini_desk, "unanswered") == 1, "B's question is B's: A's setting does not touch it"
        assert "kept: 1 days after last asked" in run(mini_desk, mod("A"), "config show").text
        assert not run(mini_desk, mod("A"), "config retention", days="0").ok
        assert not run(mini_desk, member("A"), "config retention", days="365").ok
        assert run(mini_desk, mod("A"), "config retention", days="default").ok
        assert f"{RETENTION_DAYS} days after last asked (default)" in run(mini_desk, mod("A"), "config show").text


def test_distinct_junk_questions_stop_at_the_cap(mini_desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bot.core.feedback.MAX_GAPS", 50)
    run(mini_desk, member("A"), "ask", question="who won the football match")
    run(mini_desk, member("A"), "ask", question="who won the football match")
    for n in range(300):
        mini_desk.feedback.record_unanswered(f"junk question number {n} zzz{n}", guild_id="A")
    assert rows(mini_desk, "unanswered") == 50
    assert "who won the football match" in [g.question for g in mini_desk.feedback.gaps(guild_id="A", limit=50)]


def test_migration_merges_existing_duplicates(tmp_path: Path, mini_root: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.db"
    with monkeypatch.context() as patch:  # a database's schema as it was before _v5_member_limits
        patch.setattr("bot.core.db.MIGRATIONS", MIGRATIONS[:4])
        Database(path).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 4
        for guild, day in [("A", 1), ("A", 2), ("A", 3), ("B", 4)]:
            conn.execute("INSERT INTO unanswered (question, normalized, asked_at, guild_id) VALUES (?, ?, ?, ?)",
                         (f"football won {day}?", normalize_question("football won?"),
                          f"2026-03-0{day}T10:00:00+00:00", guild))
        for n, (kind, note) in enumerate([("helpful", ""), ("outdated", "first"), ("outdated", "second")] * 2):
            conn.execute("INSERT INTO feedback (fact_id, kind, note, user_id, user_name, guild_id, at) VALUES"
                         " ('budget-2026', ?, ?, 'u1', 'Ada', 'A', ?)", (kind, note, f"2026-03-01T10:{n:02d}:00+00:00"))
        conn.execute("INSERT INTO feedback (fact_id, kind, note, user_id, user_name, guild_id, at) VALUES"
                     " ('budget-2026', 'helpful', '', 'u2', 'Bo', 'A', '2026-03-02T10:00:00+00:00')")
    with time_machine.travel(dt.datetime(2026, 3, 5, tzinfo=UTC), tick=False):
        desk = Desk.open(path, mini_root)
        try:
            assert desk.db.schema_version == len(MIGRATIONS)
            assert [(g.question, g.times, g.last_asked[:10]) for g in desk.feedback.gaps(guild_id="A")] == [
                ("football won 3?", 3, "2026-03-03")]
            assert [(g.question, g.times) for g in desk.feedback.gaps(guild_id="B")] == [("football won 4?", 1)]
            [flag] = desk.feedback.flags(guild_id="A")
            assert flag.note == "second / first" and rows(desk, "feedback") == 2
            assert desk.feedback.counts("budget-2026", "A") == {"outdated": 1, "helpful": 1}
            assert desk.feedback.take_flag_batch("A", dt.datetime(2026, 3, 5, tzinfo=UTC)).flags == [], \
                "flags from before were posted one by one already"
            desk.feedback.record_unanswered("football won?", guild_id="A")
            assert [g.times for g in desk.feedback.gaps(guild_id="A")] == [4]
        finally:
            desk.close()
