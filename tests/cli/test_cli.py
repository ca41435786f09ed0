"""The command line and the local chat as a person runs them: real processes, a real database file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(args: list[str], db: Path, stdin: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    environ = {**os.environ, "BOT_DB": str(db), **(env or {})}
    environ.pop("DISCORD_TOKEN", None)
    return subprocess.run([sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, text=True,
                          cwd=db.parent, env=environ, timeout=60)


def test_ask_json_one_question(tmp_path: Path) -> None:
    out = run(["ask", "--json", "how much is the 2026 budget?"], tmp_path / "d.db")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["answered"] is True
    assert data["facts"][0]["id"] == "budget-2026-193-million"
    assert data["facts"][0]["sources"][0]["publisher"]
    assert data["facts"][0]["as_of"] == "2025-12-01"
    assert "As of 1 December 2025" in data["answer"]


def test_ask_batch_from_stdin_records_gaps(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    out = run(["ask", "--json"], db, stdin="who sanctioned the judges?\n\nbest pizza in the hague?\n🔥🔥\n")
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [line["answered"] for line in lines] == [True, False, False]
    assert lines[1]["suggestions"]
    from bot.core.desk import Desk

    desk = Desk.open(db)
    assert [g.question for g in desk.feedback.gaps()] == ["best pizza in the hague?"]
    desk.close()


def test_enormous_question_is_refused_cleanly(tmp_path: Path) -> None:
    out = run(["ask", "x" * 100_000], tmp_path / "d.db")
    assert out.returncode == 1
    assert "100,000 characters" in out.stderr and "Traceback" not in out.stderr


def test_chat_session_end_to_end(tmp_path: Path) -> None:
    script = (
        "which countries are leaving the rome statute?\n"
        "/fact edit withdrawals-four-states-2026 review_by=2026-12-31 reason=\"check effective dates\"\n"
        "/fact history withdrawals-four-states-2026\n"
        "/fact retire nope-not-here because\n"
        "/quit\n"
    )
    out = run(["run"], tmp_path / "d.db", stdin=script)
    assert out.returncode == 0, out.stderr
    assert "No DISCORD_TOKEN set" in out.stdout
    assert "Burkina Faso" in out.stdout
    assert "Updated `withdrawals-four-states-2026` (review_by)" in out.stdout
    assert "check effective dates" in out.stdout
    assert "No fact with id `nope-not-here`" in out.stdout
    assert "Traceback" not in out.stderr


def test_import_and_export_round_trip(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    export = tmp_path / "export"
    assert run(["facts", "export", str(export)], db).returncode == 0
    for rel in ("sources.yaml", "topics.yaml", "synonyms.yaml", "deadlines.yaml", "facts/sanctions.yaml"):
        assert (export / rel).read_text(encoding="utf-8") == (ROOT / "data" / rel).read_text(encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("id,topic,title,text,sources,as_of\nok,budget,T,Text.,hrw-2025-asp24,2025-01-01\n"
                   "bad,budget,T,Text.,hrw-2025-asp24,31/12/2025\n", encoding="utf-8")
    out = run(["facts", "import", str(bad)], db)
    assert out.returncode == 1 and "bad.csv:3: as_of" in out.stderr
    assert "`ok`" not in run(["facts", "list"], db).stdout


def test_backup_command(tmp_path: Path) -> None:
    out = run(["db", "backup", str(tmp_path / "copy.db")], tmp_path / "d.db")
    assert out.returncode == 0 and (tmp_path / "copy.db").stat().st_size > 0


def test_missing_file_and_bad_data_dir_are_one_clear_line(tmp_path: Path) -> None:
    out = run(["facts", "import", str(tmp_path / "missing.yaml")], tmp_path / "d.db")
    assert out.returncode == 1 and "cannot read" in out.stderr and "Traceback" not in out.stderr
    (tmp_path / "empty").mkdir()
    out = run(["--data", str(tmp_path / "empty"), "ask", "hello"], tmp_path / "e.db")
    assert out.returncode == 1 and "data files have problems" in out.stderr and "Traceback" not in out.stderr
