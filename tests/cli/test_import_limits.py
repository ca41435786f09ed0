"""The file limits as a person meets them on the command line: `facts import` and `facts check` refuse duplicate
keys, absurd nesting and dates outside the window with exit code 1 and one line naming the place, and write
nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_cli import run
from tests.conftest import MINI_FILES, write_dataset

FACT = ("- id: {id}\n  topic: budget\n  title: T\n  text: Text.\n  sources: [hrw-2025-asp24]\n  as_of: '{as_of}'\n"
        "{extra}")


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("dup.yaml", FACT.format(id="new-one", as_of="2025-01-01", extra="  title: Again\n").encode(),
     "dup.yaml:7: key `title` appears twice (first on line 3); give each field once"),
    ("dup.json", b'[{"id": "new-one", "id": "new-two"}]', "dup.json fact 1: key `id` appears twice"),
    ("deep.json", b"[" * 1_000_000, "deep.json:1: the data is nested more than 20 levels deep"),
    ("deep.yaml", b"[" * 100_000, "deep.yaml:1: the data is nested more than 20 levels deep"),
    ("bomb.yaml", b"- &a [x, x, x, x, x, x, x, x, x, x]\n" + b"".join(
        b"- &%c [%s]\n" % (c, b", ".join([b"*%c" % p] * 10)) for p, c in zip(b"abcde", b"bcdef", strict=True)),
     "bomb.yaml:5: aliases (*d) repeat more than 100,000 values in all; write the values out instead"),
    ("far.yaml", FACT.format(id="new-one", as_of="9999-12-31", extra="").encode(),
     "far.yaml:1: as_of 9999-12-31 is in the future; a fact's as_of must be from 1998-01-01 to today"),
])
def test_import_refuses_with_one_line_and_writes_nothing(tmp_path: Path, name: str, content: bytes,
                                                         expected: str) -> None:
    db = tmp_path / "d.db"
    before = run(["facts", "list"], db).stdout
    (tmp_path / name).write_bytes(content)
    out = run(["facts", "import", str(tmp_path / name)], db)
    assert out.returncode == 1
    assert out.stderr.startswith(expected) and out.stderr.count("\n") == 1, out.stderr
    assert run(["facts", "list"], db).stdout == before


@pytest.mark.parametrize(("rel", "text", "expected"), [
    ("facts/budget.yaml", FACT.format(id="budget-2026", as_of="2025-01-01", extra="  topic: budget\n"),
     "facts/budget.yaml:7: key `topic` appears twice (first on line 2); give each field once"),
    ("deadlines.yaml", MINI_FILES["deadlines.yaml"].replace("2030-12-0", "9999-12-0"),
     "deadlines.yaml:1: start '9999-12-01' is more than 5 years ahead; a deadline's dates must be from 1998-01-01"),
])
def test_check_reports_the_limits_with_file_and_line(tmp_path: Path, rel: str, text: str, expected: str) -> None:
    root = write_dataset(tmp_path / "data", {**MINI_FILES, rel: text})
    out = run(["--data", str(root), "facts", "check"], tmp_path / "d.db")
    assert out.returncode == 1
    assert out.stderr.splitlines()[0].startswith(f"{root}/{expected}"), out.stderr
    assert out.stderr.splitlines()[1:] == [f"1 problem(s) in {root}"]
