"""Limits on what an import or a data file may hold: duplicate keys, nesting, YAML anchors, unreadable scalars and
dates outside a sane window are each refused as an input error naming the place, quickly, and nothing is written."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from bot.core import commands, parsing
from bot.core.datafiles import check_dataset, load_yaml, parse_import
from bot.core.deadlines.model import deadline_from_record
from bot.core.desk import Desk
from bot.core.models import InputError, validate_fact
from bot.core.permissions import Actor
from bot.core.registry import Context
from tests.conftest import MINI_FILES, write_dataset

MOD = Context(Actor(id="m", name="m", guild_id="g1", manage_server=True), guild_id="g1")
FACT = {"id": "new-fact", "topic": "budget", "title": "New", "text": "A new fact.", "sources": ["src-a"],
        "as_of": "2025-01-01"}


def fact_yaml(fact_id: str = "new-fact", as_of: str = "2025-01-01", extra: str = "") -> str:
    return (f"- id: {fact_id}\n  topic: budget\n  title: T\n  text: Text.\n  sources: [src-a]\n  as_of: '{as_of}'\n"
            f"{extra}")


def refused(desk: Desk, name: str, raw: bytes) -> str:
    """Import `raw` (confirmed) and return the refusal, checking it is an input error that wrote nothing."""
    before, generation = desk.export_files(), desk.facts.generation
    reply = commands.run(desk, MOD, "facts import", {"filename": name, "content": raw, "confirm": True})
    assert not reply.ok and reply.failure == "input", reply.text
    assert desk.facts.generation == generation and desk.export_files() == before
    return reply.text


@pytest.fixture(params=["libyaml", "python"])
def yaml_loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test with the C loader and again with the pure-Python fallback used when libyaml is missing."""
    if request.param == "python":
        monkeypatch.setattr(parsing, "YAML_LOADER", parsing.PythonLoader)
    elif parsing.YAML_LOADER is parsing.PythonLoader:
        pytest.skip("PyYAML was built without libyaml")
    return request.param


# --- duplicate keys ----------------------------------------------------------------------------------------------
def test_duplicate_yaml_key_in_an_import_is_refused_with_its_line(mini_desk: Desk, yaml_loader: str) -> None:
    raw = (fact_yaml("first-fact") + fact_yaml("second-fact", extra="  title: Again\n")).encode()
    text = refused(mini_desk, "f.yaml", raw)
    assert text.startswith("f.yaml:13: key `title` appears twice (first on line 9)"), text


def test_duplicate_json_key_in_an_import_is_refused(mini_desk: Desk) -> None:
    raw = b'{"facts": [' + json.dumps(FACT).encode() + b', {"id": "b", "id": "c"}]}'
    text = refused(mini_desk, "f.json", raw)
    assert text.startswith("f.json fact 2: key `id` appears twice"), text
    top = b'{"facts": [], "facts": [' + json.dumps(FACT).encode() + b"]}"
    assert refused(mini_desk, "f.json", top).startswith("f.json: key `facts` appears twice")


def test_duplicate_key_in_a_data_file_is_a_problem_with_its_line(tmp_path: Path, yaml_loader: str) -> None:
    root = write_dataset(tmp_path / "data", {**MINI_FILES, "facts/budget.yaml": fact_yaml(
        "budget-2026", extra="  as_of: '2025-02-01'\n")})
    problems = [str(p) for p in check_dataset(root)[1]]
    assert problems == ["facts/budget.yaml:7: key `as_of` appears twice (first on line 6); give each field once"]


# --- nesting, anchors, unreadable values --------------------------------------------------------------------------
DEEP = [
    ("f.json", b"[" * 1_000_000),
    ("f.json", b'{"facts": ' + b"[" * 2_000_000 + b"]" * 2_000_000 + b"}"),
    ("f.yaml", b"[" * 100_000),
    ("f.yaml", b"- " * 1_000_000 + b"x\n"),
    ("f.yaml", b"{a: " * 500_000 + b"1" + b"}" * 500_000),
]


# A hang guard, not a speed claim (speed is measured in bench/, never in tests): before the depth limit, YAML
# nested 100,000 deep took seconds and ended as an internal error.
@pytest.mark.timeout(20)
@pytest.mark.parametrize(("name", "raw"), DEEP, ids=["json-open", "json-2mb", "yaml-flow", "yaml-block", "yaml-map"])
def test_deep_nesting_is_refused_with_the_line(mini_desk: Desk, yaml_loader: str, name: str, raw: bytes) -> None:
    text = refused(mini_desk, name, raw)
    assert "is nested more than 20 levels deep" in text and text.startswith(f"{name}:1: "), text


def test_nesting_a_real_file_needs_is_accepted(yaml_loader: str) -> None:
    nested = "- id: x\n  questions: [[[[[[[[[[[[[[[[[[a]]]]]]]]]]]]]]]]]]\n"  # 20 levels: refused later, not here
    assert load_yaml(nested, "f.yaml")[0]["id"] == "x"
    assert parse_import(json.dumps([{**FACT, "keywords": [[[[[[[[[[[[[[[[[["a"]]]]]]]]]]]]]]]]]]}]).encode(),
                        "f.json")[0][0]["id"] == "new-fact"


@pytest.mark.timeout(20)  # a hang guard: the bomb expands to a billion values if anything builds it
def test_yaml_alias_bombs_are_refused_at_the_line_that_overflows(mini_desk: Desk, yaml_loader: str) -> None:
    laughs = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True))
    text = refused(mini_desk, "f.yaml", laughs.encode())
    assert text.startswith("f.yaml:6: aliases (*e) repeat more than 100,000 values in all"), text
    deep = "a: &a [[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]\nb: [[*a]]\n"  # 18 levels, then 2 more and the alias
    assert refused(mini_desk, "f.yaml", deep.encode()).startswith("f.yaml:2: the data is nested more than 20 levels")
    for loop in ("a: &a [*a]\n", "- *nowhere\n"):
        assert "not valid YAML (found undefined alias" in refused(mini_desk, "f.yaml", loop.encode())


def test_yaml_aliases_pyyaml_writes_for_shared_values_are_read(mini_desk: Desk, yaml_loader: str) -> None:
    shared = ["src-a"]
    raw = yaml.safe_dump([{**FACT, "sources": shared}, {**FACT, "id": "other-fact", "sources": shared}]).encode()
    assert b"&id001" in raw and b"*id001" in raw
    reply = commands.run(mini_desk, MOD, "facts import", {"filename": "f.yaml", "content": raw, "confirm": True})
    assert reply.ok, reply.text
    assert mini_desk.facts.get("other-fact").sources == ["src-a"]


@pytest.mark.parametrize(("name", "raw", "expected"), [
    ("f.yaml", fact_yaml(extra="  review_by: 0000-01-01\n").encode(), "f.yaml:7: cannot read '0000-01-01'"),
    ("f.yaml", fact_yaml(extra="  review_by: 2025-02-30\n").encode(), "f.yaml:7: cannot read '2025-02-30'"),
    ("f.yaml", fact_yaml(extra=f"  keywords: [{'1' * 5000}]\n").encode(), "f.yaml:7: cannot read '1111"),
    ("f.json", json.dumps([FACT]).encode()[:-2] + b', "keywords": [' + b"1" * 5000 + b"]}]",
     "f.json: a number 5,000 digits long"),
])
def test_values_python_cannot_hold_are_input_errors(mini_desk: Desk, yaml_loader: str, name: str, raw: bytes,
                                                    expected: str) -> None:
    text = refused(mini_desk, name, raw)
    assert text.startswith(expected), text


# --- dates in a sane window --------------------------------------------------------------------------------------
TODAY = dt.date(2026, 6, 15)


def fact(**changes: str) -> dict[str, str]:
    return {**FACT, **changes}


@pytest.mark.parametrize(("changes", "expected"), [
    ({"as_of": "9999-12-31"}, "as_of 9999-12-31 is in the future; a fact's as_of must be from 1998-01-01 to today"),
    ({"as_of": "2026-06-17"}, "as_of 2026-06-17 is in the future"),
    ({"as_of": "9999-12"}, "as_of 9999-12 is in the future"),
    ({"as_of": "2026-07"}, "as_of 2026-07 is in the future"),
    ({"as_of": "1997-12-31"}, "as_of 1997-12-31 is before 1998; a fact's as_of must be from 1998-01-01 to today"),
    ({"as_of": "1997-12"}, "as_of 1997-12 is before 1998"),
    ({"review_by": "9999-12-31"},
     "review_by 9999-12-31 is more than 10 years ahead; review_by must be from the fact's as_of to 2036-06-15"),
    ({"review_by": "2036-06-16"}, "review_by 2036-06-16 is more than 10 years ahead"),
])
def test_fact_dates_outside_the_window_are_refused(changes: dict[str, str], expected: str) -> None:
    with pytest.raises(InputError) as caught:
        validate_fact(fact(**changes), topics={"budget"}, sources={"src-a"}, today=TODAY)
    assert str(caught.value).startswith(expected), str(caught.value)


@pytest.mark.parametrize("changes", [
    {"as_of": "2026-06-16"},  # already today east of UTC
    {"as_of": "2026-06"}, {"as_of": "1998-01-01"}, {"as_of": "1998-01"}, {"review_by": "2036-06-15"},
])
def test_fact_dates_inside_the_window_are_accepted(changes: dict[str, str]) -> None:
    validate_fact(fact(**changes), topics={"budget"}, sources={"src-a"}, today=TODAY)


@given(st.dates(), st.booleans())
def test_any_as_of_is_accepted_exactly_inside_the_window(day: dt.date, quoted: bool) -> None:
    value = day.isoformat() if quoted else day  # text, or the date YAML reads from an unquoted one
    inside = dt.date(1998, 1, 1) <= day <= TODAY + dt.timedelta(days=1)
    try:
        validate_fact(fact(as_of=value), topics={"budget"}, sources={"src-a"}, today=TODAY)
    except InputError as exc:
        assert not inside and str(exc).startswith(f"as_of {day.isoformat()} is "), str(exc)
    else:
        assert inside


@pytest.mark.parametrize("as_of", ["9999-12-31", "2999-01-01", "1066-10-14"])
def test_import_with_an_absurd_as_of_is_refused(mini_desk: Desk, as_of: str) -> None:
    text = refused(mini_desk, "f.yaml", fact_yaml(as_of=as_of).encode())
    assert text.startswith(f"f.yaml:1: as_of {as_of} is "), text
    unquoted = fact_yaml().replace("'2025-01-01'", as_of)  # read by YAML as a date, not text
    assert refused(mini_desk, "f.yaml", unquoted.encode()).startswith(f"f.yaml:1: as_of {as_of} is ")


NOW = dt.datetime(2026, 6, 15, 12, 0, tzinfo=dt.UTC)
DEADLINE = {"id": "d", "title": "D", "kind": "session", "zone": "America/New_York", "sources": ["src-a"]}


@pytest.mark.parametrize(("changes", "expected"), [
    ({"start": "9999-12-31 23:30"},
     "start '9999-12-31 23:30' is more than 5 years ahead; a deadline's dates must be from 1998-01-01 to 2031-06-15"),
    ({"start": "9999-12-31"}, "start '9999-12-31' is more than 5 years ahead"),
    ({"start": "2031-06-16"}, "start '2031-06-16' is more than 5 years ahead"),
    ({"start": "1997-12-31"},
     "start '1997-12-31' is before 1998; a deadline's dates must be from 1998-01-01 to 2031-06-15"),
    ({"start": "2026-07-01", "end": "9999-12-31"}, "end '9999-12-31' is more than 5 years ahead"),
    ({"start": dt.datetime(9999, 12, 31, 23, 0, tzinfo=dt.UTC)}, "start '9999-12-31 23:00:00+00:00' is more than"),
])
def test_deadline_dates_outside_the_window_are_refused(changes: dict, expected: str) -> None:
    with pytest.raises(InputError) as caught:
        deadline_from_record({**DEADLINE, **changes}, now=NOW)
    assert str(caught.value).startswith(expected), str(caught.value)


@pytest.mark.parametrize("start", ["9999-12-31 23:30", "9999-12-31", "1997-12-31"])
def test_deadline_files_are_held_to_the_window_by_the_clock(start: str) -> None:
    with pytest.raises(InputError, match=r"is more than 5 years ahead|is before 1998"):
        deadline_from_record({**DEADLINE, "start": start})  # as `facts check` and seeding read data/deadlines.yaml


@given(st.dates(), st.sampled_from(["", " 23:30", " 00:15"]), st.sampled_from(["America/New_York", "Asia/Tokyo",
                                                                          "Pacific/Kiritimati", "UTC"]))
def test_any_deadline_date_is_read_or_refused_as_input(day: dt.date, time_of_day: str, zone: str) -> None:
    inside = dt.date(1998, 1, 1) <= day <= dt.date(2031, 6, 15)
    try:
        deadline = deadline_from_record({**DEADLINE, "start": day.isoformat() + time_of_day, "zone": zone}, now=NOW)
    except InputError as exc:
        past = day <= NOW.date() + dt.timedelta(days=1)  # over already somewhere east or west of UTC
        assert not inside or past or "does not exist" in str(exc) or "happens twice" in str(exc), exc
    else:
        assert inside and deadline.ends_at > NOW


def test_deadline_window_edges_are_accepted() -> None:
    for start in ("2031-06-15", "1998-01-01 10:00"):
        deadline_from_record({**DEADLINE, "start": start})  # past dates stay allowed in files (no `now`)
    deadline_from_record({**DEADLINE, "start": "2031-06-15"}, now=NOW)


def test_data_file_with_a_year_9999_deadline_is_a_problem(tmp_path: Path) -> None:
    deadlines = MINI_FILES["deadlines.yaml"].replace("'2030-12-01'", "'9999-12-01'").replace("'2030-12-06'",
                                                                                           "'9999-12-06'")
    root = write_dataset(tmp_path / "data", {**MINI_FILES, "deadlines.yaml": deadlines})
    problems = [str(p) for p in check_dataset(root)[1]]
    assert len(problems) == 1 and problems[0].startswith("deadlines.yaml:1: start '9999-12-01' is more than 5 years")
