"""The command line and the local chat as a person runs them: real processes, a real database file."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(args: list[str], db: Path, stdin: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    environ = {**os.environ, "BOT_DB": str(db), "BOT_ENV_FILE": os.devnull, **(env or {})}  # no .env's token
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
    assert out.returncode == 2, "bad input"
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


def test_data_sync_prints_the_plan_and_writes_it_all_or_nothing(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    assert run(["facts", "export"], db).returncode == 0, "export/ in the current folder, as in the chat"
    export = tmp_path / "export"
    assert (export / "facts" / "budget.yaml").exists()
    budget = export / "facts" / "budget.yaml"
    budget.write_text(budget.read_text(encoding="utf-8").replace("€74 million", "€81 million"), encoding="utf-8")
    dry = run(["data", "sync", str(export), "--dry-run"], db)
    assert dry.returncode == 0 and "Facts: 1 changed (`arrears-74-million-feb-2025`)" in dry.stdout
    assert "Nothing written yet." in dry.stdout
    done = run(["data", "sync", str(export)], db)
    assert done.returncode == 0 and "1 change(s), each a revision by sync" in done.stdout
    history = run(["facts", "history", "arrears-74-million-feb-2025"], db).stdout
    assert "sync: import" in history and "~~€74~~ **€81**" in history
    budget.write_text(budget.read_text(encoding="utf-8").replace("as_of: 2025-02", "as_of: 2025-13", 1),
                      encoding="utf-8")
    bad = run(["data", "sync", str(export)], db)
    assert bad.returncode == 1 and "facts/budget.yaml:1: as_of" in bad.stderr and "nothing was changed" in bad.stderr
    assert "all or nothing" in run(["data", "--help"], db).stdout


def test_ask_exit_status_says_answered_not_answered_or_bad_input(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    assert run(["ask", "how much is the 2026 budget?"], db).returncode == 0
    declined = run(["ask", "what is the weather in Paris?"], db)
    assert declined.returncode == 1 and "No curated fact" in declined.stdout
    piped = run(["ask"], db, stdin="how much is the 2026 budget?\nwhat is the weather in Paris?\n")
    assert piped.returncode == 1
    lines = piped.stdout.splitlines()
    assert lines[0].startswith("how much is the 2026 budget?\t") and lines[1].endswith("\tno curated fact")
    help_text = run(["ask", "--help"], db).stdout
    assert "Exit status: 0 every question was answered" in help_text and "a tab, and the ids" in help_text


def test_backup_keeps_an_existing_file_unless_forced(tmp_path: Path) -> None:
    db, copy = tmp_path / "d.db", tmp_path / "copy.db"
    copy.write_bytes(b"precious")
    refused = run(["db", "backup", str(copy)], db)
    assert refused.returncode == 1 and "--force" in refused.stderr and copy.read_bytes() == b"precious"
    forced = run(["db", "backup", str(copy), "--force"], db)
    assert forced.returncode == 0 and copy.read_bytes().startswith(b"SQLite format 3")


@pytest.mark.parametrize("words", [["run"], ["chat"], ["facts", "list"], ["facts", "show"], ["facts", "history"],
                                   ["data", "sync"], ["db", "backup"]])
def test_every_subcommand_and_argument_is_described(tmp_path: Path, words: list[str]) -> None:
    from bot.cli.main import build_parser

    parser = build_parser()
    for word in words:
        parser = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices[word]
    assert parser.description or run([*words, "--help"], tmp_path / "d.db").stdout.count("\n") > 3
    for action in parser._actions:
        if not isinstance(action, argparse._HelpAction):
            assert action.help, f"{' '.join(words)}: {action.dest} has no description"


def test_the_token_is_read_from_bot_env_file_else_the_project_folder(tmp_path: Path, monkeypatch) -> None:
    from bot.cli import config

    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    monkeypatch.delenv("BOT_ENV_FILE", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("DISCORD_TOKEN=from-the-current-folder\n", encoding="utf-8")
    assert config.env_file() == ROOT / ".env", "the project folder's, not the current folder's"
    named = tmp_path / "desk.env"
    named.write_text("export DISCORD_TOKEN='from-bot-env-file'\n", encoding="utf-8")
    monkeypatch.setenv("BOT_ENV_FILE", str(named))
    assert config.env_file() == named and config.discord_token() == "from-bot-env-file"
