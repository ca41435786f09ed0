"""Storage faults on the command line, as a person meets them: a read-only database file or folder, an unreadable
or missing database folder, a full disk under a backup, an export or a calendar file. Each ends in one sentence on
stderr and a documented exit code, changes nothing and leaves nothing behind. Faults are real (see tests/faultkit.py).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.faultkit import fill_database, fsize_limit, mode, one_sentence, permission_prefix, snapshot

pytestmark = pytest.mark.timeout(120)

FACT = "budget-2026-193-million"
READ_COMMANDS = (["facts", "list"], ["facts", "show", FACT], ["deadlines", "list", "--days", "3650"],
                 ["ask", "how much is the 2026 budget?"], ["ask", "what will the weather be in The Hague tomorrow?"])
NEW_FACTS = """\
- id: storage-test-fact
  topic: budget
  title: A fact that cannot be saved
  text: The Assembly met to discuss a fact that a read-only database cannot hold.
  sources: [oj-2025-asp24]
  as_of: '2025-12-01'
"""


def run(args: list[str], db: Path, *, prefix: list[str] = (), preexec: Callable[[], None] | None = None,
        stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    environ = {**os.environ, "BOT_DB": str(db), "BOT_ENV_FILE": os.devnull}
    environ.pop("DISCORD_TOKEN", None)
    return subprocess.run([*prefix, sys.executable, "-m", "bot", *args], input=stdin, capture_output=True,
                          text=True, cwd=cwd or db.parent.parent, env=environ, timeout=60, preexec_fn=preexec)


_TEMPLATE: list[Path] = []


def seeded(tmp_path: Path) -> Path:
    """A database seeded from data/ by the command line (once per run, then copied), in tmp_path/store/."""
    if not _TEMPLATE:
        template = tmp_path.parent / "storage-faults-template" / "desk.db"
        template.parent.mkdir(exist_ok=True)
        out = run(["facts", "list"], template)
        assert out.returncode == 0, out.stderr
        _TEMPLATE.append(template)
    db = tmp_path / "store" / "desk.db"
    db.parent.mkdir()
    shutil.copyfile(_TEMPLATE[0], db)
    return db


@contextlib.contextmanager
def chmod(path: Path, new_mode: int) -> Iterator[None]:
    before = mode(path)
    path.chmod(new_mode)
    try:
        yield
    finally:
        path.chmod(before)


@contextlib.contextmanager
def held_open(db: Path) -> Iterator[None]:
    """Another process (this one) has the database open, as the running bot would: its -shm index file exists, so
    a child under a small file-size limit can still read the database and fails only where it writes files."""
    conn = sqlite3.connect(db)
    conn.execute("SELECT count(*) FROM facts").fetchone()
    try:
        yield
    finally:
        conn.close()


def refused_write(db: Path, prefix: list[str], tmp_path: Path) -> subprocess.CompletedProcess:
    new = tmp_path / "new-facts.yaml"
    new.write_text(NEW_FACTS, encoding="utf-8")
    return run(["facts", "import", str(new)], db, prefix=prefix)


def assert_no_room(out: subprocess.CompletedProcess, start: str) -> None:
    """One sentence, exit 74. The file-size limit reads as EFBIG or SQLite's I/O error where a full disk reads
    as ENOSPC or SQLITE_FULL, so the reason differs; the sentence, the code and what is left do not."""
    assert out.returncode == 74, out.stderr
    line = one_sentence(out.stderr)
    assert line.startswith(start) and line.endswith("; nothing was written."), line
    assert any(why in line for why in ("the disk is full", "file size limit", "is the disk full?")), line


def assert_reads_work(db: Path, prefix: list[str]) -> None:
    for args in READ_COMMANDS:
        out = run(args, db, prefix=prefix)
        declined = "weather" in args[-1]  # `ask` exits 1 for a question it does not answer, read-only or not
        assert out.returncode == (1 if declined else 0), f"{args}: {out.stderr}"
        assert "Traceback" not in out.stderr and out.stdout.strip()


def test_a_read_only_database_file_answers_and_refuses_writes_in_one_sentence(tmp_path: Path) -> None:
    db = seeded(tmp_path)
    prefix = permission_prefix()
    with chmod(db, 0o444):
        before = snapshot(db.parent)
        assert_reads_work(db, prefix)
        out = refused_write(db, prefix, tmp_path)
        after = snapshot(db.parent)
    assert out.returncode == 77, out.stderr
    assert one_sentence(out.stderr) == (f"The database {db} is read-only, so nothing was changed; commands that "
                                        "only read it still work.")
    assert after["desk.db"] == before["desk.db"], "the database was not written"
    # SQLite may make its shared-memory index next to a read-only database when the folder is writable; nothing else
    assert set(after) - set(before) <= {"desk.db-wal", "desk.db-shm"}


def test_a_read_only_database_folder_answers_and_refuses_writes_in_one_sentence(tmp_path: Path) -> None:
    db = seeded(tmp_path)
    prefix = permission_prefix()
    before = snapshot(db.parent)
    with chmod(db.parent, 0o555):
        assert_reads_work(db, prefix)
        out = refused_write(db, prefix, tmp_path)
    assert out.returncode == 77, out.stderr
    assert one_sentence(out.stderr) == (f"The database {db} is read-only, so nothing was changed; commands that "
                                        "only read it still work.")
    assert snapshot(db.parent) == before, "nothing was written or left in the folder"


def test_a_database_that_cannot_be_created_in_a_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    folder.mkdir()
    prefix = permission_prefix()
    with chmod(folder, 0o555):
        out = run(["facts", "list"], folder / "desk.db", prefix=prefix)
    assert out.returncode == 77, out.stderr
    assert one_sentence(out.stderr) == (f"The database {folder / 'desk.db'} does not exist and its folder is "
                                        "read-only, so it cannot be created.")
    assert list(folder.iterdir()) == []


def test_a_file_that_is_not_a_database_is_one_sentence_exit_65_and_left_as_it_was(tmp_path: Path) -> None:
    db = tmp_path / "desk.db"
    db.write_bytes(b"these are somebody's notes, not a database\n" * 200)
    before = db.read_bytes()
    for args in (["ask", "what is the 2026 budget?"], ["facts", "list"]):
        out = run(args, db)
        assert out.returncode == 65, out.stderr
        assert "Traceback" not in out.stderr
        assert one_sentence(out.stderr).startswith(f"The file {db} is not a SQLite database or is damaged")
    assert db.read_bytes() == before


def test_an_unreadable_database_folder_is_one_sentence_and_exit_66(tmp_path: Path) -> None:
    db = seeded(tmp_path)
    prefix = permission_prefix()
    with chmod(db.parent, 0o000):
        out = run(["facts", "list"], db, prefix=prefix)
    assert out.returncode == 66, out.stderr
    assert one_sentence(out.stderr) == f"The database folder {db.parent} cannot be read (permission denied)."


def test_a_database_folder_that_cannot_be_created_is_one_sentence_and_exit_66(tmp_path: Path) -> None:
    """Runs as root too: no permission can let a folder be made inside a regular file."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be\n", encoding="utf-8")
    db = blocker / "sub" / "desk.db"
    out = run(["facts", "list"], db, cwd=tmp_path)
    assert out.returncode == 66, out.stderr
    assert one_sentence(out.stderr) == (f"The database folder {db.parent} does not exist and cannot be created "
                                        "(Not a directory).")


def test_the_database_and_the_folders_made_for_it_are_private_whatever_the_umask(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    mine.chmod(0o755)
    made = mine / "new" / "deeper" / "desk.db"
    out = run(["facts", "list"], made, preexec=lambda: os.umask(0), cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert mode(made) == 0o600
    assert mode(made.parent) == mode(made.parent.parent) == 0o700
    assert mode(mine) == 0o755, "a folder the user made keeps its mode"
    existing = mine / "kept.db"
    existing.touch()
    existing.chmod(0o640)
    assert run(["facts", "list"], existing, preexec=lambda: os.umask(0), cwd=tmp_path).returncode == 0
    assert mode(existing) == 0o640, "a database file the user made keeps its mode"


def test_backup_to_a_full_disk_is_one_sentence_and_leaves_nothing(tmp_path: Path) -> None:
    db = seeded(tmp_path)
    target_dir = tmp_path / "backups"
    target_dir.mkdir()
    older = target_dir / "desk-copy.db"
    older.write_bytes(b"yesterday's backup")
    before = snapshot(target_dir)
    with held_open(db):
        out = run(["db", "backup", str(older), "--force"], db, preexec=fsize_limit(64 * 1024))
    assert_no_room(out, f"Could not write the backup to {older}: ")
    assert snapshot(target_dir) == before, "no partial file, and the older backup is untouched"


def test_a_backup_is_private_and_needs_no_partial_file(tmp_path: Path) -> None:
    db = seeded(tmp_path)
    target = tmp_path / "made-for-it" / "copy.db"
    out = run(["db", "backup", str(target)], db, preexec=lambda: os.umask(0))
    assert out.returncode == 0, out.stderr
    assert mode(target) == 0o600 and mode(target.parent) == 0o700
    assert [p.name for p in target.parent.iterdir()] == ["copy.db"]
    with sqlite3.connect(target) as copy:
        assert copy.execute("SELECT count(*) FROM facts").fetchone()[0] > 50


def test_backup_into_a_read_only_folder_is_one_sentence_and_exit_73(tmp_path: Path) -> None:
    db = seeded(tmp_path)
    folder = tmp_path / "locked"
    folder.mkdir()
    prefix = permission_prefix()
    with chmod(folder, 0o555):
        out = run(["db", "backup", str(folder / "copy.db")], db, prefix=prefix)
    assert out.returncode == 73, out.stderr
    assert one_sentence(out.stderr) == (f"Could not write the backup to {folder / 'copy.db'}: permission denied; "
                                        "nothing was written.")
    assert list(folder.iterdir()) == []


def test_export_to_a_full_disk_is_all_or_nothing(tmp_path: Path) -> None:
    db = seeded(tmp_path)
    export = tmp_path / "export"
    assert run(["facts", "export", str(export)], db, preexec=lambda: os.umask(0)).returncode == 0
    assert mode(export) == 0o700 and mode(export / "facts") == 0o700
    assert all(mode(p) == 0o600 for p in export.rglob("*.yaml")), "new export files are private"
    (export / "sources.yaml").write_text("- id: edited-by-hand\n", encoding="utf-8")
    before = snapshot(export)
    with held_open(db):
        out = run(["facts", "export", str(export)], db, preexec=fsize_limit(4096))
    assert_no_room(out, f"Could not write the export to {export}/")
    assert snapshot(export) == before, "no file of the export was replaced and no temporary file was left"


def test_calendar_to_a_full_disk_is_one_sentence_and_leaves_nothing(tmp_path: Path) -> None:
    db = seeded(tmp_path)
    calendar = tmp_path / "cal" / "deadlines.ics"
    assert run(["deadlines", "ics", str(calendar)], db, preexec=lambda: os.umask(0)).returncode == 0
    assert mode(calendar) == 0o600
    before = snapshot(calendar.parent)
    with held_open(db):
        out = run(["deadlines", "ics", str(calendar)], db, preexec=fsize_limit(16))
    assert_no_room(out, f"Could not write the calendar to {calendar}: ")
    assert snapshot(calendar.parent) == before


def test_a_database_write_on_a_full_disk_is_one_sentence_and_changes_nothing(tmp_path: Path) -> None:
    db = seeded(tmp_path)
    new = tmp_path / "many.yaml"
    new.write_text("".join(NEW_FACTS.replace("storage-test-fact", f"storage-test-fact-{i}") for i in range(300)),
                   encoding="utf-8")
    with held_open(db):
        out = run(["facts", "import", str(new)], db, preexec=fsize_limit(48 * 1024))
    assert out.returncode == 74, out.stderr
    line = one_sentence(out.stderr)
    assert line.startswith(f"The disk holding the database {db} is full") or line.startswith(
        f"The database {db} could not be written"), line
    assert line.endswith("so nothing was changed."), line
    listed = run(["facts", "list"], db)
    assert listed.returncode == 0 and "storage-test-fact" not in listed.stdout


def test_the_local_chat_on_a_read_only_database_answers_and_tells_the_mod_log_once(tmp_path: Path) -> None:
    db = seeded(tmp_path)
    prefix = permission_prefix()
    script = (f"how much is the 2026 budget?\n/fact edit {FACT} review_by=2026-12-31 reason=check\n"
              f"/fact retire {FACT} reason=old\nwho is withdrawing from the rome statute?\n/quit\n")
    with chmod(db, 0o444), chmod(db.parent, 0o555):
        before = snapshot(db.parent)
        out = run(["run"], db, prefix=prefix, stdin=script, cwd=tmp_path)
        assert snapshot(db.parent) == before
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr and "Traceback" not in out.stdout
    refusal = ("Nothing was changed: the bot's database is read-only right now, so it can answer questions but not "
               "save anything; the moderators have been told.")
    assert out.stdout.count(refusal) == 2
    assert out.stdout.count("[mod-log]") == 1, out.stdout
    assert "193 million" in out.stdout and "Burkina Faso" in out.stdout, "questions are still answered"


def test_a_really_full_disk_names_it_for_the_database_and_for_a_backup(tmp_path: Path) -> None:
    """The real thing, where the machine allows it (root with CAP_SYS_ADMIN, as in CI): a 200 KiB-roomy tmpfs
    mounted in a private mount namespace, so writes fail with ENOSPC and SQLite says SQLITE_FULL."""
    db = seeded(tmp_path)
    disk = tmp_path / "small-disk"
    disk.mkdir()
    new = tmp_path / "many.yaml"
    new.write_text("".join(NEW_FACTS.replace("storage-test-fact", f"storage-test-fact-{i}") for i in range(300)),
                   encoding="utf-8")
    bot = f"{sys.executable} -m bot --db"
    size = db.stat().st_size + 200 * 1024
    script = (f"mount -t tmpfs -o size={size} tmpfs {disk} || exit 99\ncp {db} {disk}/desk.db\n"
              f"{bot} {disk}/desk.db facts import {new}; echo \"@@ $?\" >&2\n"
              f"{bot} {db} db backup {disk}/copy.db; echo \"@@ $?\" >&2\n"
              f"{bot} {disk}/desk.db facts list | grep -c storage-test-fact; ls -A {disk}\n")
    if not shutil.which("unshare"):
        pytest.skip("no unshare here to mount a small disk")
    out = subprocess.run(["unshare", "--mount", "--propagation", "private", "sh", "-c", script], capture_output=True,
                         text=True, timeout=120, cwd=tmp_path, env={**os.environ, "BOT_DB": ""})
    if out.returncode == 99 or "unshare:" in out.stderr:
        pytest.skip(f"cannot mount a small tmpfs here (needs CAP_SYS_ADMIN): {out.stderr.strip()}")
    imported, rest = out.stderr.split("@@ ", 1)  # stderr: message, "@@ code", message, "@@ code"
    import_code, rest = rest.split("\n", 1)
    backed_up, backup_code = rest.split("@@ ")
    assert one_sentence(imported) == f"The disk holding the database {disk}/desk.db is full, so nothing was changed."
    assert one_sentence(backed_up) == (f"Could not write the backup to {disk}/copy.db: the disk is full; nothing "
                                       "was written.")
    assert (import_code, backup_code.strip()) == ("74", "74")
    assert out.stdout.split() == ["0", "desk.db"], "nothing imported, no backup or temporary file left"


def test_the_local_chat_on_a_full_disk_refuses_tells_the_mod_log_once_and_keeps_answering(tmp_path: Path) -> None:
    """In process, so SQLite's own SQLITE_FULL can be had with `PRAGMA max_page_count` on the chat's connection."""
    from bot.chat.session import ChatSession
    from bot.core.desk import Desk

    desk = Desk.open(seeded(tmp_path))
    try:
        before = desk.facts.require(FACT)
        fill_database(desk.db.conn)
        session = ChatSession(desk, files_dir=tmp_path)
        text = ("The Assembly discussed the budget of the Court at length in The Hague this year. " * 13)[:1000]
        questions = "|".join(f"Question {i} about the budget, asked at length " + "x" * 140 for i in range(10))
        edit = f'/fact edit {FACT} text="{text}" questions="{questions}" reason="longer"'
        full = ("Nothing was changed: the bot's disk is full, so it cannot save anything right now; the moderators "
                "have been told.")
        first = session.handle(edit).splitlines()
        assert first[0] == full and len(first) == 2
        assert first[1].startswith("[mod-log] ") and "its disk is full" in first[1] and "/fact edit" in first[1]
        assert session.handle(edit) == full, "the mod-log is told once"
        assert "193 million" in session.handle("how much is the 2026 budget?"), "questions are still answered"
        assert desk.facts.require(FACT) == before
    finally:
        desk.close()
