"""Commands through the one core path every adapter uses: permissions checked in the core, clear refusals,
nothing written on a bad call, and the chat's line syntax."""

from __future__ import annotations

import pytest

from bot.chat.session import ChatSession
from bot.core import commands
from bot.core.desk import Desk
from bot.core.models import InputError
from bot.core.permissions import Actor
from bot.core.registry import Context
from bot.core.schema import MIGRATIONS

NEW_FACT = {
    "id": "cooperation-duty",
    "topic": "sanctions",
    "title": "The duty to cooperate",
    "text": "States Parties must cooperate fully with the Court (Article 86).",
    "sources": "src-a",
    "as_of": "2025-12-04",
    "keywords": "article 86, cooperation",
}


def ctx(actor: Actor) -> Context:
    return Context(actor, guild_id="g1", channel_id="c1")


def test_member_cannot_curate_and_nothing_is_written(mini_desk: Desk, member: Actor) -> None:
    for name, args in [
        ("fact add", NEW_FACT),
        ("fact edit", {"id": "budget-2026", "text": "changed", "reason": "typo"}),
        ("fact retire", {"id": "budget-2026", "reason": "x"}),
        ("fact revert", {"id": "budget-2026", "revision": "1", "reason": "undo"}),
        ("facts export", {}),
        ("facts gaps", {}),
        ("status", {}),
    ]:
        reply = commands.run(mini_desk, ctx(member), name, args)
        assert not reply.ok and reply.ephemeral, name
        assert "Only moderators" in reply.text
    assert mini_desk.facts.get("cooperation-duty") is None
    assert mini_desk.facts.get("budget-2026").rev == 1


def test_configured_moderator_role_counts(mini_desk: Desk) -> None:
    mini_desk.settings.update("g1", mod_role_id="r-mods")
    with_role = Actor(id="u2", name="Helper", guild_id="g1", role_ids=frozenset({"r-mods"}))
    reply = commands.run(mini_desk, ctx(with_role), "fact add", NEW_FACT)
    assert reply.ok, reply.text
    assert reply.change and "added fact `cooperation-duty`" in reply.change
    assert mini_desk.facts.history("cooperation-duty")[0].actor_name == "Helper"


def test_calling_the_core_function_directly_still_checks(mini_desk: Desk, member: Actor) -> None:
    from bot.core.commands.facts import fact_retire
    from bot.core.permissions import PermissionDenied

    with pytest.raises(PermissionDenied):
        fact_retire(mini_desk, ctx(member), id="budget-2026", reason="sneaky")
    assert mini_desk.facts.get("budget-2026").status == "active"


def test_added_fact_is_found_by_the_next_question(mini_desk: Desk, moderator: Actor, member: Actor) -> None:
    assert not commands.run(mini_desk, ctx(member), "ask", {"question": "what does article 86 require?"}).data.answered
    assert commands.run(mini_desk, ctx(moderator), "fact add", NEW_FACT).ok
    answer = commands.run(mini_desk, ctx(member), "ask", {"question": "what does article 86 require?"}).data
    assert answer.answered and answer.hits[0].fact.id == "cooperation-duty"


def test_unanswered_questions_are_recorded_for_moderators(mini_desk: Desk, member: Actor, moderator: Actor) -> None:
    for _ in range(2):
        commands.run(mini_desk, ctx(member), "ask", {"question": "Who won the football match?"})
    commands.run(mini_desk, ctx(member), "ask", {"question": "who is the registrar"})
    gaps = commands.run(mini_desk, ctx(moderator), "facts gaps", {}).data
    assert [(g.times, g.question) for g in gaps] == [(2, "Who won the football match?"), (1, "who is the registrar")]


def test_feedback_reaches_moderators(mini_desk: Desk, member: Actor, moderator: Actor) -> None:
    reply = commands.run(mini_desk, ctx(member), "feedback",
                         {"id": "budget-2026", "kind": "outdated", "note": "ASP24 adopted it", "question": "budget?"})
    assert reply.ok and reply.change
    flags = commands.run(mini_desk, ctx(moderator), "facts feedback", {}).data
    assert [(f.fact_id, f.note, f.user_name) for f in flags] == [("budget-2026", "ASP24 adopted it", "Member")]


def test_stale_lists_facts_past_review_by(mini_desk: Desk, moderator: Actor, time_machine) -> None:
    time_machine.move_to("2026-07-01T12:00:00+00:00")
    reply = commands.run(mini_desk, ctx(moderator), "facts stale", {})
    assert [f.id for f in reply.data] == ["blocking-statute"]


def test_unknown_command_and_options_are_explained(mini_desk: Desk, moderator: Actor) -> None:
    assert "unknown command" in commands.run(mini_desk, ctx(moderator), "fact delete", {}).text
    reply = commands.run(mini_desk, ctx(moderator), "fact retire", {"id": "budget-2026", "colour": "red"})
    assert not reply.ok and "no option colour" in reply.text
    reply = commands.run(mini_desk, ctx(moderator), "fact retire", {"id": "budget-2026"})
    assert not reply.ok and "needs reason" in reply.text


def test_a_command_that_raises_becomes_an_apology(mini_desk: Desk, moderator: Actor, monkeypatch, caplog) -> None:
    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(mini_desk.answerer, "ask", boom)
    reply = commands.run(mini_desk, ctx(moderator), "ask", {"question": "anything"})
    assert not reply.ok and reply.failure == "internal" and reply.text == commands.SORRY
    assert "disk on fire" in caplog.text


@pytest.mark.parametrize(
    ("line", "name", "args"),
    [
        ("/fact show budget-2026", "fact show", {"id": "budget-2026"}),
        ("/fact retire budget-2026 no longer true", "fact retire", {"id": "budget-2026", "reason": "no longer true"}),
        ('/fact edit budget-2026 text="New text here" reason=typo', "fact edit",
         {"id": "budget-2026", "text": "New text here", "reason": "typo"}),
        ("/fact revert budget-2026 1", "fact revert", {"id": "budget-2026", "revision": "1"}),
        ("/topics", "topics", {}),
    ],
)
def test_chat_line_parsing(line: str, name: str, args: dict) -> None:
    assert commands.parse_line(line) == (name, args)


def test_chat_line_errors() -> None:
    with pytest.raises(InputError, match="unknown command"):
        commands.parse_line("/launch rockets")
    with pytest.raises(InputError, match="could not read"):
        commands.parse_line('/fact edit x text="unclosed')


def test_chat_session_curates_and_answers(mini_desk: Desk, tmp_path) -> None:
    chat = ChatSession(mini_desk, files_dir=tmp_path)
    assert "Four judges sanctioned" in chat.handle("which judges did the US sanction?")
    out = chat.handle('/fact edit judges-sanctioned as_of=2025-06-06 reason="date check"')
    assert "Updated `judges-sanctioned` (as_of)" in out
    assert f"{Actor.local().name}: edit (as_of) — date check" in chat.handle("/fact history judges-sanctioned")
    out = chat.handle("/facts export")
    assert (tmp_path / "export" / "facts" / "sanctions.yaml").exists(), out
    assert "not a date" in chat.handle("/fact edit judges-sanctioned as_of=yesterday reason=check")


def test_chat_shows_discord_markup_as_plain_text() -> None:
    import datetime as dt

    from bot.core.render import for_terminal

    now = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)
    stamp = int(dt.datetime(2026, 11, 24, 12, 0, tzinfo=dt.UTC).timestamp())
    text = for_terminal(f"due <t:{stamp}:F> (<t:{stamp}:R>) in <#c1>, pinging <@&r2>", now)
    assert "<t:" not in text and "2026" in text and "(in 2 days)" in text
    assert text.endswith("in #c1, pinging @role:r2")


def test_status_reports_counts_and_latency(mini_desk: Desk, moderator: Actor, member: Actor) -> None:
    commands.run(mini_desk, ctx(member), "ask", {"question": "which judges were sanctioned?"})
    text = commands.run(mini_desk, ctx(moderator), "status", {}).text
    assert "Facts: 3 active; deadlines: 1" in text
    assert "Answer latency (last 1): p50" in text and f"schema {len(MIGRATIONS)}" in text


def test_edit_can_clear_review_by(mini_desk: Desk, moderator: Actor) -> None:
    reply = commands.run(mini_desk, ctx(moderator), "fact edit", {"id": "blocking-statute", "review_by": "none",
                                                                        "reason": "no review"})
    assert reply.ok, reply.text
    assert mini_desk.facts.get("blocking-statute").review_by is None


def test_failures_say_whose_fault(mini_desk: Desk, moderator: Actor, member: Actor, monkeypatch) -> None:
    assert commands.run(mini_desk, ctx(member), "fact retire", {"id": "x", "reason": "y"}).failure == "permission"
    assert commands.run(mini_desk, ctx(moderator), "fact show", {"id": "nope"}).failure == "input"
    monkeypatch.setattr(mini_desk.facts, "require", lambda *a, **k: 1 / 0)
    assert commands.run(mini_desk, ctx(moderator), "fact show", {"id": "x"}).failure == "internal"
