"""The curated files: `facts check` catches each kind of mistake with file:line; imports are all or nothing;
export writes the same layout so export-then-import changes nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.core import commands
from bot.core.datafiles import check_dataset, parse_import, write_files
from bot.core.desk import Desk
from bot.core.models import InputError
from bot.core.permissions import Actor
from bot.core.registry import Context
from tests.conftest import MINI_FILES, write_dataset

ROOT = Path(__file__).resolve().parents[2]


def row(fact_id: str = "x", topic: str = "budget", sources: str = "src-a", as_of: str = "2025-01-01") -> str:
    """One fact record in YAML, for building broken files line by line."""
    return (f"- id: {fact_id}\n  topic: {topic}\n  title: T\n  text: Text.\n  sources: [{sources}]\n"
            f"  as_of: '{as_of}'\n")


def test_shipped_data_is_valid() -> None:
    result = subprocess.run([sys.executable, "-m", "bot", "facts", "check"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    data, problems = check_dataset(ROOT / "data")
    assert problems == []
    assert len(data.facts) >= 60
    topics = {rec["topic"] for rec in data.facts}
    assert topics == {t.id for t in data.topics}


@pytest.mark.parametrize(
    ("rel", "bad", "expected"),
    [
        ("facts/budget.yaml", "- id: Bad Id\n  topic: budget\n", "facts/budget.yaml:1: id 'Bad Id'"),
        ("facts/budget.yaml", row(sources="nope"), "facts/budget.yaml:1: unknown source id(s): nope"),
        ("facts/budget.yaml", row(as_of="2025-02-30"), "facts/budget.yaml:1: as_of"),
        ("facts/budget.yaml", row("judges-sanctioned"),
         "sanctions.yaml:1: fact id `judges-sanctioned` already used at facts/budget.yaml:1"),
        ("facts/budget.yaml", row(topic="sanctions"), "but is in budget.yaml"),
        ("facts/budget.yaml", "- id: [unclosed\n", "facts/budget.yaml:2: not valid YAML"),
        ("sources.yaml", "- id: s\n  publisher: p\n  title: t\n  date: '2025-01-01'\n  url: http://insecure\n",
         "sources.yaml:1: source url"),
    ],
)
def test_check_reports_file_and_line(tmp_path: Path, rel: str, bad: str, expected: str) -> None:
    root = write_dataset(tmp_path / "data", {**MINI_FILES, rel: bad})
    result = subprocess.run(
        [sys.executable, "-m", "bot", "--data", str(root), "facts", "check"], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 1
    assert expected in result.stderr


def test_export_then_import_is_lossless(mini_desk: Desk, tmp_path: Path, moderator: Actor) -> None:
    mini_desk.facts.edit("budget-2026", {"questions": ["What does the Court cost?"]}, moderator)
    mini_desk.facts.retire("blocking-statute", moderator, "test")
    out = tmp_path / "export"
    write_files(out, mini_desk.export_files())
    assert check_dataset(out)[1] == []
    fresh = Desk.open(tmp_path / "fresh.db", out)
    before = {f.id: (f.content(), f.status) for f in mini_desk.facts.list(include_retired=True)}
    after = {f.id: (f.content(), f.status) for f in fresh.facts.list(include_retired=True)}
    assert after == before
    assert fresh.facts.synonyms() == mini_desk.facts.synonyms()
    assert fresh.export_files() == mini_desk.export_files()  # byte-identical: curation reviews as a diff
    fresh.close()


def test_shipped_files_are_in_export_form(shipped_desk: Desk, tmp_path: Path) -> None:
    files = shipped_desk.export_files()
    for rel, text in files.items():
        assert (ROOT / "data" / rel).read_text(encoding="utf-8") == text, f"data/{rel} differs from its export"


def _ctx(actor: Actor) -> Context:
    return Context(actor, guild_id="g1", channel_id="c1")


GOOD_ROW = {"id": "new-fact", "topic": "budget", "title": "New", "text": "A new fact.", "sources": ["src-a"],
            "as_of": "2025-01-01"}


@pytest.mark.parametrize("fmt", ["yaml", "json", "csv"])
def test_import_each_format(mini_desk: Desk, moderator: Actor, fmt: str) -> None:
    if fmt == "csv":
        raw = b"id,topic,title,text,sources,as_of,questions\nnew-fact,budget,New,A new fact.,src-a,2025-01-01,Q1?|Q2?\n"
    elif fmt == "json":
        raw = json.dumps({"facts": [GOOD_ROW]}).encode()
    else:
        raw = row("new-fact").encode()
    preview = commands.run(mini_desk, _ctx(moderator), "facts import", {"filename": f"f.{fmt}", "content": raw})
    assert preview.ok and "1 new" in preview.text and mini_desk.facts.get("new-fact") is None
    done = commands.run(mini_desk, _ctx(moderator), "facts import",
                        {"filename": f"f.{fmt}", "content": raw, "confirm": True})
    assert done.ok, done.text
    assert mini_desk.facts.get("new-fact").rev == 1
    assert mini_desk.facts.history("new-fact")[0].reason == f"imported from f.{fmt}"


@pytest.mark.parametrize(
    ("name", "raw", "expected"),
    [
        ("f.csv", b"id,topic,title,text,sources,as_of\nok-one,budget,T,Text.,src-a,2025-01-01\n"
                  b"bad-one,budget,T,Text.,src-a,2025-99-01\n", "f.csv:3: as_of"),
        ("f.yaml", (row("ok-one") + row("bad-two", topic="nowhere")).encode(), "f.yaml:7: topic 'nowhere'"),
        ("f.json", b'{"facts": [', "f.json:1: not valid JSON"),
        ("f.yaml", b"\x00\x01\x02binary", "not a text file"),
        ("f.yaml", b"\xff\xfe\xfa", "not UTF-8"),
        ("f.txt", b"hello", "use a .yaml"),
        ("f.yaml", b"just a string", "expected a list of facts"),
        ("f.csv", b"id,title\nx,y\n", "missing column"),
    ],
)
def test_broken_imports_are_rejected_whole(mini_desk: Desk, moderator: Actor, name: str, raw: bytes, expected: str):
    before = mini_desk.export_files()
    args = {"filename": name, "content": raw, "confirm": True}
    reply = commands.run(mini_desk, _ctx(moderator), "facts import", args)
    assert not reply.ok
    assert expected in reply.text
    assert mini_desk.export_files() == before


def test_import_is_for_moderators_only(mini_desk: Desk, member: Actor) -> None:
    raw = json.dumps([GOOD_ROW]).encode()
    args = {"filename": "f.json", "content": raw, "confirm": True}
    reply = commands.run(mini_desk, _ctx(member), "facts import", args)
    assert not reply.ok and "moderators" in reply.text
    assert mini_desk.facts.get("new-fact") is None


def test_parse_import_caps_size() -> None:
    with pytest.raises(InputError, match="limit"):
        parse_import(b"a" * (5 * 1024 * 1024 + 1), "big.yaml")
