"""Readers beside the writer, bounded queues, servers served in turn, and settings kept in memory: on real SQLite
files with real threads. Waits are bounded only so a deadlock fails the test instead of hanging it."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from bot.core import commands
from bot.core.desk import Desk
from bot.core.permissions import Actor
from bot.core.registry import Context
from bot.core.work import Busy, Workers

WAIT = 10  # seconds: only ever reached when something is stuck


def ctx(actor: Actor, guild: str = "g1") -> Context:
    return Context(actor, guild_id=guild, channel_id="c1")


@pytest.fixture
def workers(mini_desk: Desk):
    pool = Workers(mini_desk, readers=2)
    yield pool
    pool.shutdown()


def test_a_reader_answers_while_the_writer_holds_a_write_transaction(mini_desk: Desk, workers: Workers,
                                                                    member: Actor, moderator: Actor) -> None:
    before = mini_desk.facts.require("budget-2026").title
    with mini_desk.db.transaction():
        mini_desk.facts.edit("budget-2026", {"title": "Renamed inside an open transaction"}, moderator, "test")
        shown = workers.command(ctx(member), "fact show", {"id": "budget-2026"}).result(timeout=WAIT)
        answer = workers.command(ctx(member), "ask", {"question": "how big is the 2026 budget?"}).result(WAIT)
        assert mini_desk.db.writing, "the write transaction was still open while the readers answered"
    assert shown.ok and shown.data.title == before, "a reader sees what was committed, not a write in progress"
    assert answer.ok and answer.data.answered
    after = workers.command(ctx(member), "fact show", {"id": "budget-2026"}).result(timeout=WAIT)
    assert after.data.title == "Renamed inside an open transaction"


def test_an_unanswered_question_is_kept_once_the_writer_is_free(tmp_path, mini_root, member: Actor) -> None:
    desk = Desk.open(tmp_path / "desk.db", mini_root)
    workers = Workers(desk)
    with desk.db.transaction():  # a long write (an import) holds the writer
        reply = workers.command(ctx(member), "ask", {"question": "what is the weather in Paris?"}).result(WAIT)
        assert reply.ok and not reply.data.answered, "declined at once, without waiting for the writer"
    workers.shutdown()
    desk.close()  # what was deferred lands before the database closes
    desk = Desk.open(tmp_path / "desk.db", mini_root)
    gaps = commands.run(desk, ctx(Actor(id="m", name="Mod", guild_id="g1", manage_server=True)), "facts gaps", {})
    assert "weather in Paris" in gaps.text
    desk.close()


def test_the_answer_cache_sees_a_change_only_once_it_is_committed(mini_desk: Desk, moderator: Actor) -> None:
    generation = mini_desk.facts.generation
    with pytest.raises(RuntimeError), mini_desk.db.transaction():
        mini_desk.facts.edit("budget-2026", {"title": "Never committed"}, moderator, "test")
        assert mini_desk.facts.generation == generation, "readers on other connections cannot see it yet"
        raise RuntimeError("roll back")
    assert mini_desk.facts.generation == generation
    mini_desk.facts.edit("budget-2026", {"title": "Committed"}, moderator, "test")
    assert mini_desk.facts.generation == generation + 1


def blocker(workers: Workers, server: str) -> tuple[threading.Event, threading.Event]:
    """A read job for `server` that holds its reader until released; returns (started, release)."""
    started, release = threading.Event(), threading.Event()

    def hold() -> None:
        started.set()
        release.wait(WAIT)

    workers.read(hold, server=server)
    assert started.wait(WAIT)
    return started, release


def test_a_full_queue_refuses_at_once_and_nothing_is_lost(mini_desk: Desk, member: Actor) -> None:
    workers = Workers(mini_desk, readers=1, max_pending=3, per_server=3)
    try:
        _, release = blocker(workers, "g1")
        queued = [workers.command(ctx(member), "topics", {}) for _ in range(2)]
        with pytest.raises(Busy):
            workers.command(ctx(member), "topics", {})
        assert workers.refused == 1
        release.set()
        assert all(f.result(timeout=WAIT).ok for f in queued), "everything admitted is answered"
        assert workers.command(ctx(member), "topics", {}).result(timeout=WAIT).ok, "room again once drained"
    finally:
        workers.shutdown()


def test_one_busy_server_cannot_take_every_reader(mini_desk: Desk, member: Actor) -> None:
    workers = Workers(mini_desk, readers=2, running_per_server=1)
    try:
        _, release = blocker(workers, "busy")
        second = threading.Event()
        workers.read(second.set, server="busy")  # waits: "busy" already holds its one reader
        other = workers.command(ctx(member, "quiet"), "topics", {}).result(timeout=WAIT)
        assert other.ok, "the other server was answered on the free reader"
        assert not second.is_set(), "the busy server's second job waited for its first"
        release.set()
        assert second.wait(WAIT)
    finally:
        workers.shutdown()


def test_a_job_still_queued_at_its_start_by_time_is_not_run(mini_desk: Desk, member: Actor) -> None:
    now = [100.0]
    workers = Workers(mini_desk, readers=1, clock=lambda: now[0])
    try:
        _, release = blocker(workers, "g1")
        late = workers.command(ctx(member), "topics", {}, start_by=105.0)
        in_time = workers.command(ctx(member), "topics", {}, start_by=200.0)
        now[0] = 150.0
        release.set()
        with pytest.raises(Busy):
            late.result(timeout=WAIT)
        assert in_time.result(timeout=WAIT).ok
    finally:
        workers.shutdown()


def test_a_write_runs_on_the_writer_while_the_readers_are_all_taken(mini_desk: Desk, workers: Workers,
                                                                    moderator: Actor) -> None:
    releases = [blocker(workers, f"g{i}")[1] for i in range(2)]
    changed = workers.command(ctx(moderator), "config cooldown", {"seconds": "7"}).result(timeout=WAIT)
    assert changed.ok and mini_desk.settings.get("g1").cooldown_seconds == 7
    for release in releases:
        release.set()


def test_settings_are_kept_in_memory_and_refreshed_when_changed(mini_desk: Desk, moderator: Actor) -> None:
    assert mini_desk.settings.get("g1").cooldown_seconds == 20
    with mini_desk.db.transaction() as conn:  # behind the store's back: the cached value stays
        conn.execute("INSERT INTO guild_settings (guild_id, cooldown_seconds, updated_at) VALUES ('g1', 3, '')")
    assert mini_desk.settings.get("g1").cooldown_seconds == 20, "read from memory, not the database"
    reply = commands.run(mini_desk, ctx(moderator), "config cooldown", {"seconds": "5"})
    assert reply.ok and mini_desk.settings.get("g1").cooldown_seconds == 5, "a change through the store refreshes"
    copy = mini_desk.settings.get("g1")
    copy.cooldown_seconds = 99
    assert mini_desk.settings.get("g1").cooldown_seconds == 5, "callers get a copy"
    with pytest.raises(RuntimeError), mini_desk.db.transaction():
        mini_desk.settings.update("g1", cooldown_seconds=40)
        assert mini_desk.settings.get("g1").cooldown_seconds == 40, "the writer sees its own change"
        raise RuntimeError("roll back")
    assert mini_desk.settings.get("g1").cooldown_seconds == 5, "a rolled-back change never reaches the cache"


CLOSE_WHILE_READING = """
import sys, threading
from bot.core.db import Database
db = Database(sys.argv[1])
started, results = threading.Event(), []
def long_read():
    started.set()
    # a query that runs for a while on this thread's own reader connection
    results.append(db.query("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000)"
                            " SELECT count(*) FROM n")[0][0])
reader = threading.Thread(target=long_read)
reader.start()
started.wait()
db.close()
reader.join()
print(results)
"""


def test_closing_the_database_waits_for_a_query_in_flight(tmp_path) -> None:
    # closing a connection another thread is reading through can crash the process inside SQLite
    out = subprocess.run([sys.executable, "-c", CLOSE_WHILE_READING, str(tmp_path / "d.db")], capture_output=True,
                         text=True, timeout=60, cwd=Path(__file__).resolve().parents[2])
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "[3000000]"


@pytest.mark.parametrize(("apart", "share"), [(False, 2), (True, 6)])
def test_with_answers_in_a_child_process_one_server_may_hold_more_readers(mini_desk: Desk, apart: bool,
                                                                          share: int) -> None:
    # each reader asking mostly waits for the child, so a server's questions keep more of them busy at once
    workers = Workers.sized(mini_desk, answers_apart=apart)
    started, release = threading.Semaphore(0), threading.Event()

    def hold() -> None:
        started.release()
        release.wait(WAIT)
    try:
        for _ in range(share + 1):
            workers.read(hold, server="busy")
        assert all(started.acquire(timeout=WAIT) for _ in range(share)), f"{share} readers at once"
        assert not started.acquire(timeout=0.2), f"no more than {share} for one server"
        release.set()
        assert started.acquire(timeout=WAIT), "the last one ran once a reader was free"
    finally:
        release.set()
        workers.shutdown()
