"""A coalition that reviews data/ in git brings a merged change into the running desk: a plan of what is added,
changed, retired and cancelled; all or nothing; every change a revision by "sync"; every problem of every file
listed at once with file:line. Through the chat and the core command every adapter calls."""

from __future__ import annotations

import io
import shutil
import textwrap
import zipfile
from pathlib import Path

import pytest
import time_machine

from bot.chat.session import ChatSession
from bot.core import commands
from bot.core.desk import Desk
from bot.core.permissions import Actor
from bot.core.registry import Context
from tests.conftest import write_dataset

NOW = "2026-03-01 12:00Z"
NEW_FACT = """
    - id: eu-statement
      topic: sanctions
      title: The EU statement
      text: The European Union said it would protect the Court from sanctions.
      sources: [src-c]
      as_of: '2025-12-02'
      keywords: [eu, statement]
"""
NEW_SOURCE = """
    - id: src-c
      publisher: Council of the EU
      title: Statement on the Court
      date: '2025-12-02'
"""


@pytest.fixture
def reviewed(tmp_path: Path, mini_root: Path) -> Path:
    """The data folder as a reviewed branch has it: a copy of what the desk was seeded from."""
    return Path(shutil.copytree(mini_root, tmp_path / "reviewed"))


def change(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def append(root: Path, rel: str, text: str) -> None:
    with (root / rel).open("a", encoding="utf-8") as out:
        out.write(textwrap.dedent(text).lstrip())


def merged_change(root: Path) -> None:
    """A new source and fact, a changed figure, a fact and a deadline gone, a deadline moved, a synonym added."""
    append(root, "sources.yaml", NEW_SOURCE)
    append(root, "facts/sanctions.yaml", NEW_FACT)
    change(root, "facts/budget.yaml", "193 million euros, a 1.1% rise", "195 million euros, a 2.1% rise")
    path = root / "facts/sanctions.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("- id: blocking-statute")
    end = text.index("- id: eu-statement")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    change(root, "deadlines.yaml", "start: '2030-12-01'", "start: '2030-12-02'")
    append(root, "synonyms.yaml", "- [icc, international criminal court]\n")


def test_a_merged_change_is_planned_then_written_all_at_once_by_sync(mini_desk: Desk, reviewed: Path) -> None:
    merged_change(reviewed)
    chat = ChatSession(mini_desk, confirm=lambda prompt: False)
    plan = chat.handle(f"/data sync {reviewed}")
    assert "Sources: 1 new (`src-c`)" in plan
    assert "Synonyms: changed" in plan
    assert "Facts: 1 new (`eu-statement`); 1 changed (`budget-2026`); 1 to retire (`blocking-statute`)" in plan
    assert "Deadlines: 1 changed (`session-2030`)" in plan and "Nothing written yet." in plan
    assert mini_desk.facts.get("eu-statement") is None, "declined at the prompt: nothing written"

    chat.confirm = lambda prompt: "Write it?" in prompt
    done = chat.handle(f"/data sync {reviewed}")
    assert "Synced from" in done and "6 change(s), each a revision by sync" in done
    assert "[mod-log]" not in done
    facts = mini_desk.facts
    assert facts.require("eu-statement").sources == ["src-c"]
    assert "195 million" in facts.require("budget-2026").text
    assert facts.require("blocking-statute").status == "retired"
    assert mini_desk.deadlines.require("session-2030").start.day == 2
    assert ["icc", "international criminal court"] in facts.synonyms()
    for fact_id in ("eu-statement", "budget-2026", "blocking-statute"):
        assert facts.history(fact_id)[-1].actor_name == "sync"
    assert mini_desk.deadlines.history("session-2030")[-1].actor_name == "sync"
    assert "`eu-statement`" in chat.handle("/fact search eu statement"), "answers use the synced facts at once"
    assert "nothing to change" in chat.handle(f"/data sync {reviewed}")


def test_every_problem_of_every_file_is_listed_with_file_and_line_and_nothing_is_written(
        mini_desk: Desk, reviewed: Path) -> None:
    merged_change(reviewed)
    change(reviewed, "facts/budget.yaml", "as_of: '2025-12-01'", "as_of: '2025-13-01'")
    change(reviewed, "facts/budget.yaml", "sources: [src-b]", "sources: [src-z]")
    change(reviewed, "deadlines.yaml", "kind: session", "kind: party")
    change(reviewed, "sources.yaml", "date: '2025-11'", "date: 'November'")
    reply = commands.run(mini_desk, Context(Actor.local()), "data sync", {"folder": str(reviewed), "confirm": "yes"})
    assert not reply.ok and reply.failure == "input"
    lines = reply.text.splitlines()
    assert lines[0] == "The data files have 4 problem(s); nothing was changed:"
    assert any(line.startswith("- facts/budget.yaml:1: as_of") for line in lines)
    assert "- facts/budget.yaml:1: unknown source id(s): src-z" in lines, "a second problem of the same fact"
    assert any(line.startswith("- deadlines.yaml:1: kind 'party'") for line in lines)
    assert any(line.startswith("- sources.yaml:6: source date") for line in lines)
    assert mini_desk.facts.get("eu-statement") is None and "193 million" in mini_desk.facts.require("budget-2026").text


def test_an_import_reports_every_problem_of_every_row_at_once(mini_desk: Desk, moderator: Actor) -> None:
    csv = (b"id,topic,title,text,sources,as_of\n"
           b"ok,budget,T,Text.,src-a,2025-01-01\n"
           b"Bad Id,nope,T,Text.,src-z,31/12/2025\n"
           b"fine-too,budget,,Text.,src-a,2025-01-01\n")
    reply = commands.run(mini_desk, Context(moderator, guild_id="g1"), "facts import",
                         {"filename": "new.csv", "content": csv})
    assert not reply.ok
    lines = reply.text.splitlines()
    assert [line.split(": ")[0] for line in lines] == ["new.csv:3"] * 4 + ["new.csv:4"]
    assert any("as_of" in line for line in lines) and any("unknown source" in line for line in lines)
    assert any("topic 'nope'" in line for line in lines) and lines[-1] == "new.csv:4: title is required"


def test_a_deadline_gone_from_the_files_is_cancelled_and_a_moved_one_is_announced(mini_desk: Desk, reviewed: Path
                                                                                  ) -> None:
    (reviewed / "deadlines.yaml").write_text("[]\n", encoding="utf-8")
    chat = ChatSession(mini_desk, confirm=lambda prompt: True)
    with time_machine.travel(NOW, tick=False):
        out = chat.handle(f"/data sync {reviewed}")
    assert "Deadlines: 1 to cancel (`session-2030`)" in out
    d = mini_desk.deadlines.require("session-2030")
    assert d.status == "cancelled" and mini_desk.deadlines.history(d.id)[-1].reason.startswith("no longer in")


def test_moderators_sync_an_exported_zip_and_only_operators_name_a_folder(mini_desk: Desk, moderator: Actor,
                                                                          tmp_path: Path) -> None:
    reviewed = write_dataset(tmp_path / "zipped")
    merged_change(reviewed)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(reviewed.rglob("*.yaml")):
            archive.writestr(f"data/{path.relative_to(reviewed).as_posix()}", path.read_bytes())
        archive.writestr("data/../../escape.yaml", b"- id: x\n")
        archive.writestr("/etc/cron.yaml", b"- id: x\n")
    ctx = Context(moderator, guild_id="g1")
    plan = commands.run(mini_desk, ctx, "data sync", {"archive": buffer.getvalue(), "filename": "data.zip"})
    assert plan.ok and "Facts: 1 new (`eu-statement`)" in plan.text and "Nothing written yet." in plan.text
    done = commands.run(mini_desk, ctx, "data sync", {"archive": buffer.getvalue(), "filename": "data.zip",
                                                      "confirm": True})
    assert done.ok and done.change and "synced the data files from data.zip" in done.change
    assert mini_desk.facts.require("eu-statement").rev == 1
    assert not (tmp_path / "escape.yaml").exists()

    refused = commands.run(mini_desk, ctx, "data sync", {"folder": str(reviewed)})
    assert not refused.ok and "Only the bot's operators" in refused.text
    not_zip = commands.run(mini_desk, ctx, "data sync", {"archive": b"plain text", "filename": "x.zip"})
    assert not not_zip.ok and "not a zip archive" in not_zip.text


def test_exports_go_to_export_in_the_chat_and_the_help_says_so(mini_desk: Desk, tmp_path: Path) -> None:
    chat = ChatSession(mini_desk, files_dir=tmp_path)
    out = chat.handle("/facts export")
    assert f"wrote {tmp_path / 'export' / 'facts' / 'budget.yaml'}" in out
    assert (tmp_path / "export" / "sources.yaml").exists() and not (tmp_path / "sources.yaml").exists()
    assert "(the chat and command line: to export/)" in chat.handle("/help")
    gitignore = (Path(__file__).resolve().parents[2] / ".gitignore").read_text(encoding="utf-8").split()
    assert "export/" in gitignore and "*.ics" in gitignore


def test_a_database_knows_when_data_has_changed_since_it_was_filled(tmp_path: Path) -> None:
    from bot.core.sync import apply_sync, plan_sync

    data = tmp_path / "data"
    shutil.copytree(Path(__file__).resolve().parents[2] / "data", data)
    desk = Desk.open(tmp_path / "desk.db", data)
    assert not desk.data_behind(), "a database just seeded from data/ is up to date with it"
    topics = data / "topics.yaml"
    topics.write_text(topics.read_text(encoding="utf-8").replace("name: Budget and arrears",
                                                                 "name: Budget, arrears and contributions"),
                      encoding="utf-8")
    assert desk.data_behind(), "an edited file (a merged change, an upgrade's new texts) is noticed"
    apply_sync(desk, plan_sync(desk, data))
    assert not desk.data_behind(), "a sync brings it level"
    desk.close()
