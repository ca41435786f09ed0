"""A moderator looking before they change a fact: finding it by its words (retired ones too), seeing an old
revision as it was, what changed between two revisions word by word, old -> new values in the history, and a
reason asked for on every edit and revert. Through the chat, which runs the same core commands as Discord."""

from __future__ import annotations

from pathlib import Path

from bot.chat.session import ChatSession
from bot.core import commands
from bot.core.desk import Desk
from bot.core.permissions import Actor
from bot.core.registry import Context
from bot.core.revisions import word_diff

NEW_TEXT = "The Assembly of States Parties approved a 2026 budget of 195 million euros, a 1.9% rise."


def chat(desk: Desk, tmp_path: Path) -> ChatSession:
    return ChatSession(desk, files_dir=tmp_path)


def test_an_edit_without_a_reason_is_refused_and_nothing_is_written(mini_desk: Desk, tmp_path: Path) -> None:
    session = chat(mini_desk, tmp_path)
    out = session.handle(f'/fact edit budget-2026 text="{NEW_TEXT}"')
    assert "needs reason" in out
    assert "say in a few words why" in session.handle(f'/fact edit budget-2026 text="{NEW_TEXT}" reason="  "')
    assert "needs reason" in session.handle("/fact revert budget-2026 1")
    assert mini_desk.facts.require("budget-2026").rev == 1


def test_history_shows_old_and_new_values_and_the_reason(mini_desk: Desk, tmp_path: Path) -> None:
    session = chat(mini_desk, tmp_path)
    out = session.handle(f'/fact edit budget-2026 text="{NEW_TEXT}" keywords="budget, euros, adopted" '
                         f'as_of=2025-12-10 reason="the adopted figure"')
    assert "now revision 2" in out, out
    history = session.handle("/fact history budget-2026")
    assert "edit (text, as_of, keywords) — the adopted figure" in history
    assert "as_of: 2025-12-01 -> 2025-12-10" in history
    assert "keywords: + adopted; - money" in history
    assert "~~193~~ **195**" in history and "~~was asked to approve~~ **approved**" in history


def test_a_moderator_looks_at_an_old_revision_and_compares_before_reverting(mini_desk: Desk, tmp_path: Path
                                                                           ) -> None:
    session = chat(mini_desk, tmp_path)
    session.handle(f'/fact edit budget-2026 text="{NEW_TEXT}" reason="adopted"')
    session.handle('/fact edit budget-2026 review_by=2026-06-01 reason="check in June"')
    old = session.handle("/fact show budget-2026 revision=1")
    assert "as revision 1 left it" in old and "193 million" in old and "195" not in old
    assert "Example questions: How big is the budget for 2026?" in old and "Keywords: budget, money, euros" in old

    diff = session.handle("/fact diff budget-2026 1 3")
    assert "from revision 1 to revision 3" in diff
    assert "~~193~~ **195**" in diff and "review_by: (none) -> 2026-06-01" in diff
    assert "review_by" not in session.handle("/fact diff budget-2026 1 2")
    assert "review_by: (none) -> 2026-06-01" in session.handle("/fact diff budget-2026"), "default: the last change"
    assert "no revision 9" in session.handle("/fact diff budget-2026 1 9")

    out = session.handle('/fact revert budget-2026 1 reason="the vote was postponed"')
    assert "now revision 4" in out
    assert "193 million" in mini_desk.facts.require("budget-2026").text
    assert "the vote was postponed" in session.handle("/fact history budget-2026")


def test_search_finds_facts_by_their_words_and_retired_ones_only_for_moderators(
        mini_desk: Desk, tmp_path: Path, member: Actor) -> None:
    session = chat(mini_desk, tmp_path)
    found = session.handle("/fact search sanctioned judges")
    assert found.splitlines()[1].startswith("- `judges-sanctioned`"), found
    assert "`budget-2026`" not in found
    assert "`blocking-statute`" in session.handle("/fact search eu blocking statute")
    assert "`budget-2026`" in session.handle("/fact search money"), "keywords count, through the same stems"
    assert "`budget-2026`" in session.handle("/fact search budgets for 2026"), "stemmed like a question"

    session.handle('/fact retire blocking-statute reason="merged into another fact"')
    assert "No fact holds" in session.handle("/fact search blocking statute")
    with_retired = session.handle("/fact search blocking statute retired=yes")
    assert "`blocking-statute` Calls for a blocking statute (retired)" in with_retired

    as_member = commands.run(mini_desk, Context(member, guild_id="g1"), "fact search",
                             {"words": "blocking statute", "retired": "yes"})
    assert as_member.ok and "Only moderators can include retired facts" in as_member.text
    assert "blocking-statute" not in as_member.text.split("\n", 1)[1]
    old = commands.run(mini_desk, Context(member, guild_id="g1"), "fact show",
                       {"id": "budget-2026", "revision": "1"})
    assert not old.ok and old.failure == "permission"


def test_show_tells_moderators_everything_they_curate(mini_desk: Desk, tmp_path: Path) -> None:
    out = chat(mini_desk, tmp_path).handle("/fact show blocking-statute")
    assert "Example questions: What can the EU do against sanctions?" in out
    assert "Keywords: blocking statute, eu" in out and "status: active" in out and "review by 1 June 2026" in out


def test_word_diff_marks_only_what_changed() -> None:
    assert word_diff("a budget of 193 million", "a budget of 195 million") == "a budget of ~~193~~ **195** million"
    assert word_diff("", "new words") == "**new words**"
    assert word_diff("old words", "") == "~~old words~~"
