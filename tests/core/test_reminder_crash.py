"""Exactly once across a real crash: a bot process killed with SIGKILL between claiming a reminder and marking it
sent, then restarted, leaves exactly one post. And a second bot process on the same database refuses to send."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import time_machine

from bot.core import commands
from bot.core.desk import Desk
from bot.core.permissions import Actor
from bot.core.registry import Context

REPO = Path(__file__).resolve().parents[2]
CHILD = REPO / "tests" / "core" / "reminder_crash_child.py"
T0 = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)
DUE = dt.datetime(2026, 3, 19, 9, 0, tzinfo=dt.UTC)  # the 1d reminder of a deadline on 20 March, 10:00 Amsterdam


def prepare(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    (root / "facts").mkdir(parents=True)
    (root / "sources.yaml").write_text("- id: src-a\n  publisher: P\n  title: T\n  date: '2025-01-01'\n")
    (root / "topics.yaml").write_text("- id: court\n  name: The Court\n")
    (root / "facts" / "court.yaml").write_text(
        "- id: seat\n  topic: court\n  title: Seat\n  text: The Court sits in The Hague.\n  sources: [src-a]\n"
        "  as_of: '2025-01-01'\n")
    db = tmp_path / "desk.db"
    desk = Desk.open(db, data_root=root)
    ctx = Context(Actor(id="m", name="Mod", guild_id="111", manage_server=True, operator=True), "111", "c")
    with time_machine.travel(T0, tick=False):
        for name, args in [("reminders channel", {"channel_id": "c111"}), ("reminders network", {"state": "on"}),
                           ("deadline add", {"id": "asp25", "title": "Statements due", "start": "2026-03-20 10:00",
                                             "sources": "src-a", "offsets": "1d"})]:
            assert commands.run(desk, ctx, name, args).ok
    desk.close()
    return db


def child(db: Path, posts: Path, mode: str, now: dt.datetime) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, str(CHILD), str(db), str(posts), mode, now.isoformat()],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO, env=env)


def finish(proc: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=60)
    return proc.returncode, out, err


def kill(proc: subprocess.Popen[str]) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)  # reaped: its pid is gone, as after a real crash


def posts(path: Path) -> list[tuple[str, str, str]]:
    if not path.exists():
        return []
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT id, channel_id, nonce FROM posts ORDER BY id").fetchall()


def reminder(db: Path) -> dict:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return dict(conn.execute("SELECT * FROM reminders").fetchone())


@pytest.mark.parametrize("mode", ["hang-before-send", "hang-after-send"])
def test_killed_between_claim_and_mark_then_restarted_posts_exactly_once(tmp_path: Path, mode: str) -> None:
    db, sent = prepare(tmp_path), tmp_path / "posts.db"
    proc = child(db, sent, mode, DUE + dt.timedelta(seconds=5))
    line = proc.stdout.readline() if proc.stdout else ""
    assert line.startswith("IN-FLIGHT"), proc.stderr.read() if proc.stderr else line
    nonce = line.split()[1]
    kill(proc)
    assert reminder(db)["state"] == "claimed"
    assert len(posts(sent)) == (1 if mode == "hang-after-send" else 0)

    code, out, err = finish(child(db, sent, "run", DUE + dt.timedelta(minutes=2)))
    assert code == 0, err
    [(message_id, channel, posted_nonce)] = posts(sent)
    assert (channel, posted_nonce) == ("c111", nonce)
    row = reminder(db)
    assert (row["state"], row["message_id"]) == ("sent", str(message_id))
    assert json.loads(out.strip().splitlines()[-1])["states"] == {"sent": 1}

    code, _, err = finish(child(db, sent, "run", DUE + dt.timedelta(minutes=3)))  # and once more: nothing new
    assert code == 0, err
    assert len(posts(sent)) == 1


def test_a_second_process_refuses_and_says_why(tmp_path: Path) -> None:
    db, sent = prepare(tmp_path), tmp_path / "posts.db"
    holder = child(db, sent, "hold", DUE - dt.timedelta(seconds=10))
    try:
        line = holder.stdout.readline() if holder.stdout else ""
        assert line.startswith("LEADING"), holder.stderr.read() if holder.stderr else line
        code, out, _ = finish(child(db, sent, "run", DUE + dt.timedelta(seconds=1)))
        assert code == 3
        assert "REFUSED Another Coalition Desk process" in out and f"process {holder.pid}" in out
        assert "nothing is posted twice" in out
        assert posts(sent) == [] and reminder(db)["state"] == "pending"
    finally:
        kill(holder)
    code, out, err = finish(child(db, sent, "run", DUE + dt.timedelta(seconds=2)))  # the holder died: take over
    assert code == 0, err
    assert len(posts(sent)) == 1
