"""An import is parsed and planned once: the preview keeps its plan and the confirm writes it, unless the store
changed in between (then the file is planned again against what is there now)."""

from __future__ import annotations

import pytest

from bot.core import commands
from bot.core.commands import facts as fact_commands
from bot.core.desk import Desk
from bot.core.permissions import Actor
from bot.core.registry import Context

FILE = b"""- id: budget-arrears
  topic: budget
  title: Arrears of states
  text: Several states owe contributions to the Court.
  sources: [src-a]
  as_of: '2025-06-01'
"""


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The file names parse_import was called with (it still does the parsing)."""
    seen: list[str] = []
    real = fact_commands.parse_import

    def counting(content: bytes, filename: str):  # type: ignore[no-untyped-def]
        seen.append(filename)
        return real(content, filename)

    monkeypatch.setattr(fact_commands, "parse_import", counting)
    return seen


def ctx(actor: Actor) -> Context:
    return Context(actor, guild_id="g1", channel_id="c1")


def test_the_confirm_writes_the_plan_the_preview_made(mini_desk: Desk, moderator: Actor, parses: list[str]) -> None:
    args = {"filename": "new.yaml", "content": FILE}
    preview = commands.run(mini_desk, ctx(moderator), "facts import", args)
    assert preview.ok and "1 new" in preview.text and mini_desk.facts.get("budget-arrears") is None
    done = commands.run(mini_desk, ctx(moderator), "facts import", {**args, "confirm": True})
    assert done.ok and mini_desk.facts.require("budget-arrears").title == "Arrears of states"
    assert parses == ["new.yaml"], "parsed once, for the preview"
    again = commands.run(mini_desk, ctx(moderator), "facts import", {**args, "confirm": True})
    assert again.ok and "1 unchanged" in again.text and len(parses) == 2, "a plan is handed out once"


def test_a_change_after_the_preview_is_planned_again(mini_desk: Desk, moderator: Actor, parses: list[str]) -> None:
    args = {"filename": "new.yaml", "content": FILE}
    commands.run(mini_desk, ctx(moderator), "facts import", args)
    mini_desk.facts.edit("budget-2026", {"title": "Changed meanwhile"}, moderator, "test")
    done = commands.run(mini_desk, ctx(moderator), "facts import", {**args, "confirm": True})
    assert done.ok and len(parses) == 2, "the store changed, so the kept plan was not used"
    assert mini_desk.facts.require("budget-2026").title == "Changed meanwhile"


def test_another_moderator_or_file_does_not_take_the_plan(mini_desk: Desk, moderator: Actor,
                                                          parses: list[str]) -> None:
    other = Actor(id="u-other", name="Other", guild_id="g1", manage_server=True)
    commands.run(mini_desk, ctx(moderator), "facts import", {"filename": "new.yaml", "content": FILE})
    commands.run(mini_desk, ctx(other), "facts import", {"filename": "new.yaml", "content": FILE, "confirm": True})
    changed = FILE.replace(b"Arrears of states", b"Arrears")
    commands.run(mini_desk, ctx(moderator), "facts import", {"filename": "new.yaml", "content": changed,
                                                               "confirm": True})
    assert len(parses) == 3
    assert mini_desk.facts.require("budget-arrears").title == "Arrears"
