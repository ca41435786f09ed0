"""Storage faults in the engine, on real SQLite files: a full disk (SQLite's own SQLITE_FULL through
`PRAGMA max_page_count`), a read-only database file or folder, and files written for people (backups, exports).
A write that cannot be made is refused in one sentence and changes nothing; reading goes on; nothing the bot
writes is left half-done or readable by others.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.core import commands
from bot.core.datafiles import write_files
from bot.core.desk import Desk
from bot.core.permissions import Actor
from bot.core.registry import Context
from tests.faultkit import fill_database, mode, read_only, snapshot

FULL = ("Nothing was changed: the bot's disk is full, so it cannot save anything right now; the moderators have "
        "been told.")
READ_ONLY = ("Nothing was changed: the bot's database is read-only right now, so it can answer questions but not "
             "save anything; the moderators have been told.")
LONG_TEXT = ("The Assembly of States Parties discussed the budget at length. " * 16)[:1000]
QUESTIONS = "|".join(f"Question {i} about the budget, asked at length " + "x" * 140 for i in range(10))
BIG_EDIT = {"id": "budget-2026", "text": LONG_TEXT, "questions": QUESTIONS, "reason": "longer"}  # needs new pages


@pytest.fixture
def mod() -> Context:
    return Context(Actor(id="u-mod", name="Mod", guild_id="g1", manage_server=True), "g1", "c1")


@pytest.fixture
def umask_zero() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def revisions(desk: Desk) -> int:
    return desk.db.query_one("SELECT count(*) AS n FROM fact_revisions")["n"]


def test_a_full_disk_refuses_a_change_in_one_sentence_and_changes_nothing(mini_desk: Desk, mod: Context) -> None:
    before_fact, before_revs = mini_desk.facts.require("budget-2026"), revisions(mini_desk)
    fill_database(mini_desk.db.conn)
    reply = commands.run(mini_desk, mod, "fact edit", BIG_EDIT)
    assert not reply.ok and reply.failure == "storage" and reply.text == FULL
    assert reply.fault is not None and reply.fault.kind == "full" and reply.fault.exit_code == 74
    assert mini_desk.facts.require("budget-2026") == before_fact and revisions(mini_desk) == before_revs
    assert not mini_desk.db.conn.in_transaction
    assert commands.run(mini_desk, mod, "ask", {"question": "how big is the 2026 budget?"}).data.answered
    mini_desk.db.conn.execute("PRAGMA max_page_count = 1073741823")  # space again: the same change now goes through
    again = commands.run(mini_desk, mod, "fact edit", BIG_EDIT)
    assert again.ok, again.text


def test_a_question_on_a_full_disk_is_still_answered(mini_desk: Desk, mod: Context) -> None:
    fill_database(mini_desk.db.conn)
    for i in range(40):  # an unanswered question is kept for moderators: that write fails, the reply does not
        question = f"what is the weather in Paris on day {i}? " + "and tomorrow " * 34
        reply = commands.run(mini_desk, mod, "ask", {"question": question})
    assert reply.ok and "No curated fact" in reply.text
    assert reply.fault is not None and reply.fault.kind == "full"


def test_an_import_on_a_full_disk_writes_nothing(mini_desk: Desk, mod: Context) -> None:
    rows = "".join(f"- id: filled-{i}\n  topic: budget\n  title: Filler {i}\n  text: {LONG_TEXT}\n"
                   f"  sources: [src-a]\n  as_of: '2025-01-01'\n" for i in range(20))
    fill_database(mini_desk.db.conn)
    reply = commands.run(mini_desk, mod, "facts import", {"filename": "f.yaml", "content": rows.encode(),
                                                          "confirm": True})
    assert reply.failure == "storage" and reply.text == FULL
    assert sorted(f.id for f in mini_desk.facts.list()) == ["blocking-statute", "budget-2026", "judges-sanctioned"]


def rollback_journal_database(tmp_path: Path, mini_root: Path) -> Path:
    """A seeded database in SQLite's default rollback-journal mode: opening it read-write switches it to WAL."""
    path = tmp_path / "store" / "desk.db"
    path.parent.mkdir()
    Desk.open(path, mini_root).close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
    return path


def check_read_only_desk(desk: Desk, mod: Context) -> None:
    assert desk.db.read_only
    assert commands.run(desk, mod, "ask", {"question": "how big is the 2026 budget?"}).data.answered
    unanswered = commands.run(desk, mod, "ask", {"question": "what is the weather in Paris?"})
    assert unanswered.ok and unanswered.fault is None, "an unanswered question is simply not kept"
    assert commands.run(desk, mod, "fact list", {}).ok and commands.run(desk, mod, "deadlines", {"days": "3650"}).ok
    for name, args in (("fact edit", {"id": "budget-2026", "title": "New", "reason": "r"}),
                       ("config cooldown", {"seconds": "5"})):
        reply = commands.run(desk, mod, name, args)
        assert reply.failure == "storage" and reply.text == READ_ONLY
        assert reply.fault.kind == "readonly" and reply.fault.exit_code == 77
    assert desk.facts.require("budget-2026").title == "The 2026 budget"


def test_a_read_only_database_file_is_opened_without_switching_journal_mode(tmp_path: Path, mini_root: Path,
                                                                            mod: Context) -> None:
    path = rollback_journal_database(tmp_path, mini_root)
    with read_only(path):
        before = path.read_bytes()
        desk = Desk.open(path, mini_root)
        try:
            check_read_only_desk(desk, mod)
        finally:
            desk.close()
        assert path.read_bytes() == before


def test_a_read_only_database_folder_is_read_and_nothing_is_created_in_it(tmp_path: Path, mini_root: Path,
                                                                          mod: Context) -> None:
    path = tmp_path / "store" / "desk.db"
    path.parent.mkdir()
    Desk.open(path, mini_root).close()  # WAL mode, closed cleanly: no -wal or -shm file left
    before = snapshot(path.parent)
    with read_only(path.parent):
        desk = Desk.open(path, mini_root)
        try:
            check_read_only_desk(desk, mod)
            copy = desk.db.backup(tmp_path / "copies" / "copy.db")  # a read-only database can still be backed up
        finally:
            desk.close()
    assert snapshot(path.parent) == before
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT count(*) FROM facts").fetchone()[0] == 3


def test_sqlite_read_only_mode_runs_as_root_too(tmp_path: Path, mini_root: Path, mod: Context) -> None:
    """`read_only=True` opens the file with SQLite's mode=ro: no permission trick needed, so this runs as root."""
    path = rollback_journal_database(tmp_path, mini_root)
    before = path.read_bytes()
    desk = Desk.open(path, mini_root, read_only=True)
    try:
        check_read_only_desk(desk, mod)
        assert desk.db.query_one("PRAGMA journal_mode")[0] == "delete"
    finally:
        desk.close()
    assert path.read_bytes() == before


def test_the_database_and_its_wal_files_are_private(tmp_path: Path, mini_root: Path, umask_zero: None) -> None:
    path = tmp_path / "new" / "desk.db"
    desk = Desk.open(path, mini_root)
    try:
        desk.feedback.record_unanswered("a question that keeps the log open")
        assert mode(path.parent) == 0o700
        for name in ("desk.db", "desk.db-wal", "desk.db-shm"):
            assert mode(path.parent / name) == 0o600, name
        copy = desk.db.backup(tmp_path / "backups" / "desk-2026-01-01.db")
        assert mode(copy) == 0o600 and mode(copy.parent) == 0o700
        assert sorted(p.name for p in copy.parent.iterdir()) == ["desk-2026-01-01.db"]
    finally:
        desk.close()


def test_exports_are_private_and_keep_the_mode_of_files_the_user_made(tmp_path: Path, mini_desk: Desk,
                                                                       umask_zero: None) -> None:
    target = tmp_path / "export"
    target.mkdir(mode=0o755)
    (target / "sources.yaml").write_text("old\n", encoding="utf-8")
    (target / "sources.yaml").chmod(0o644)
    write_files(target, mini_desk.export_files())
    assert mode(target) == 0o755 and mode(target / "sources.yaml") == 0o644
    assert mode(target / "topics.yaml") == 0o600 and mode(target / "facts") == 0o700
    assert mode(target / "facts" / "budget.yaml") == 0o600
    assert not [p for p in target.rglob("*") if p.name.endswith((".tmp", ".partial"))]


def test_an_export_that_fails_half_way_writes_nothing(tmp_path: Path, mini_desk: Desk) -> None:
    """A regular file where the export's facts/ folder should be: the facts files cannot be written, so none of
    the other files are replaced either, and no temporary file is left. No permission involved: runs as root."""
    target = tmp_path / "export"
    target.mkdir()
    (target / "sources.yaml").write_text("kept\n", encoding="utf-8")
    (target / "facts").write_text("not a folder\n", encoding="utf-8")
    before = snapshot(target)
    with pytest.raises(Exception) as raised:
        write_files(target, mini_desk.export_files())
    assert str(raised.value).startswith(f"Could not write the export to {target}/facts/")
    assert getattr(raised.value, "exit_code", None) == 73
    assert snapshot(target) == before
