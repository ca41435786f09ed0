"""Bad input never crashes the engine and never writes: empty, enormous, binary and emoji-only questions,
and random bytes thrown at the importers."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core import commands
from bot.core.datafiles import parse_import
from bot.core.desk import Desk
from bot.core.models import InputError
from bot.core.permissions import Actor
from bot.core.registry import Context

CTX = Context(Actor(id="u", name="u", guild_id="g1"), guild_id="g1")
MOD = Context(Actor(id="m", name="m", guild_id="g1", manage_server=True), guild_id="g1")


def _unanswered(desk: Desk) -> int:
    return desk.db.query_one("SELECT count(*) FROM unanswered")[0]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("", "needs question"),
        ("   \n\t ", "ask a question in words"),
        ("x" * 100_000, "100,000 characters"),
        ("abc\x00\x01def", "control characters"),
    ],
)
def test_bad_questions_get_a_clear_message_and_write_nothing(mini_desk: Desk, question: str, expected: str) -> None:
    reply = commands.run(mini_desk, CTX, "ask", {"question": question})
    assert not reply.ok and expected in reply.text
    assert _unanswered(mini_desk) == 0


def test_emoji_only_question_is_explained_not_logged(mini_desk: Desk) -> None:
    reply = commands.run(mini_desk, CTX, "ask", {"question": "🔥🔥🙏🇳🇱"})
    assert reply.ok and not reply.data.answered
    assert "couldn't find any words" in reply.text
    assert _unanswered(mini_desk) == 0


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=600))
def test_random_text_never_breaks_ask(mini_desk: Desk, text: str) -> None:
    reply = commands.run(mini_desk, CTX, "ask", {"question": text})
    assert reply.text
    assert reply.failure in (None, "input"), reply.text  # refusals explain what to fix; never an internal error


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=2000), st.sampled_from(["f.yaml", "f.json", "f.csv"]))
def test_random_bytes_never_break_the_importers(mini_desk: Desk, raw: bytes, name: str) -> None:
    before = mini_desk.facts.generation
    reply = commands.run(mini_desk, MOD, "facts import", {"filename": name, "content": raw, "confirm": True})
    assert reply.failure in (None, "input"), reply.text
    if not reply.ok:
        assert mini_desk.facts.generation == before


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=1500))
def test_random_text_import_raises_only_input_errors(text: str) -> None:
    for name in ("f.yaml", "f.json", "f.csv"):
        with contextlib.suppress(InputError):
            parse_import(text.encode("utf-8", "surrogatepass"), name)


_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
_FIELDS = st.sampled_from(["id", "topic", "title", "text", "sources", "as_of", "review_by", "questions",
                           "keywords", "status", "colour"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.dictionaries(_FIELDS | st.text(max_size=8), _VALUES, max_size=10), max_size=4),
       st.sampled_from(["json", "yaml"]))
def test_structured_but_wrong_records_are_refused_cleanly(mini_desk: Desk, records: list, fmt: str) -> None:
    import json

    import yaml

    raw = (json.dumps(records) if fmt == "json" else yaml.safe_dump(records)).encode()
    before = mini_desk.facts.generation
    reply = commands.run(mini_desk, MOD, "facts import", {"filename": f"f.{fmt}", "content": raw, "confirm": True})
    assert reply.failure != "internal", reply.text
    if not reply.ok:
        assert mini_desk.facts.generation == before


@settings(max_examples=120, deadline=None)
@given(st.integers(1, 45), st.sampled_from(["json", "yaml-flow", "yaml-block"]))
def test_nesting_is_refused_exactly_past_the_limit(depth: int, fmt: str) -> None:
    text = "- " * depth + "a\n" if fmt == "yaml-block" else "[" * depth + '"a"' + "]" * depth
    name = "f.json" if fmt == "json" else "f.yaml"
    with pytest.raises(InputError) as caught:
        parse_import(text.encode(), name)  # refused either way: a list of lists holds no fact
    assert ("nested more than 20 levels deep" in str(caught.value)) == (depth > 20), str(caught.value)


@settings(max_examples=120, deadline=None)
@given(st.lists(st.sampled_from(["id", "topic", "title", "text", "sources", "as_of", "x"]), min_size=2, max_size=9)
       .filter(lambda keys: len(set(keys)) < len(keys)), st.sampled_from(["json", "yaml"]))
def test_a_repeated_key_is_always_refused(keys: list[str], fmt: str) -> None:
    if fmt == "json":
        raw = ("[{" + ", ".join(f'"{k}": "v{i}"' for i, k in enumerate(keys)) + "}]").encode()
    else:
        raw = ("- " + "\n  ".join(f"{k}: v{i}" for i, k in enumerate(keys)) + "\n").encode()
    with pytest.raises(InputError, match="appears twice"):
        parse_import(raw, f"f.{fmt}")
