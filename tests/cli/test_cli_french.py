"""French on the command line and in the local chat: `ask --json` says each answer's language, `--lang` forces
one, the chat answers each question in its own language, and `facts check` lists facts without French."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli import run
from tests.conftest import write_dataset


def test_ask_json_says_the_language_and_lang_forces_one(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    out = run(["ask", "--json"], db, stdin="budget 2026 de la CPI\nhow much is the 2026 budget?\n")
    assert out.returncode == 0, out.stderr
    french, english = (json.loads(line) for line in out.stdout.splitlines())
    assert french["lang"] == "fr" and french["facts"][0]["id"] == "budget-2026-193-million"
    assert "À jour au 1er décembre 2025" in french["answer"] and french["facts"][0]["text"].startswith("Opinio Juris "
                                                                                                        "écrivait")
    assert english["lang"] == "en" and "As of 1 December 2025" in english["answer"]
    forced = json.loads(run(["ask", "--json", "--lang", "fr", "how much is the 2026 budget?"], db).stdout)
    assert forced["lang"] == "fr" and "À jour au" in forced["answer"]
    assert run(["ask", "--lang", "de", "budget"], db).returncode == 2


def test_the_chat_answers_each_question_in_its_language(tmp_path: Path) -> None:
    script = "qui quitte le Statut de Rome ?\nwhich countries are leaving the rome statute?\n/quit\n"
    out = run(["run"], tmp_path / "d.db", stdin=script)
    assert out.returncode == 0, out.stderr
    assert "Hongrie" in out.stdout and "À jour au" in out.stdout
    assert "Hungary" in out.stdout and "As of" in out.stdout


def test_facts_check_lists_facts_without_french(tmp_path: Path) -> None:
    root = write_dataset(tmp_path / "data")
    out = run(["facts", "check"], tmp_path / "d.db", env={"BOT_DATA": str(root)})
    assert out.returncode == 0, out.stderr
    assert "3 fact(s) without French text" in out.stdout and "`budget-2026`" in out.stdout
    shipped = run(["facts", "check"], tmp_path / "d.db")
    assert "without French" not in shipped.stdout
