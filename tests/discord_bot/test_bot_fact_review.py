"""Moderators on Discord looking before they change a fact: /fact search with autocomplete (retired facts for
moderators only), /fact show revision:N, /fact diff, old -> new in /fact history, and a reason Discord itself asks
for on /fact edit and /fact revert."""

from __future__ import annotations

import pytest

from tests.fakediscord import FakeDiscordError

from .test_bot_kit import DeskBot
from .test_bot_moderators import modal_fields

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(20)]

FACT = "arrears-74-million-feb-2025"


async def test_search_with_autocomplete_and_retired_facts_for_moderators_only(env: DeskBot) -> None:
    fake, w = env.fake, env.world
    typed = await fake.autocomplete("fact search", {"words": "arrears"}, "words", user=w.member)
    await fake.wait_for_response(typed)
    assert typed.choices and FACT in [c["value"] for c in typed.choices]
    found = await env.run("fact search", {"words": "arrears"}, user=w.member)
    assert found.ephemeral and f"`{FACT}`" in found.content

    retired = await env.run("fact retire", {"id": FACT, "reason": "superseded by the 2026 figure"}, user=w.owner)
    assert "Retired" in retired.content
    assert f"`{FACT}`" not in (await env.run("fact search", {"words": "arrears"}, user=w.owner)).content
    with_retired = await env.run("fact search", {"words": "arrears", "retired": True}, user=w.owner)
    assert f"`{FACT}`" in with_retired.content and "(retired)" in with_retired.content
    as_member = await env.run("fact search", {"words": "arrears", "retired": True}, user=w.member)
    assert "Only moderators can include retired facts" in as_member.content and f"`{FACT}`" not in as_member.content

    typed = await fake.autocomplete("fact search", {"words": "arrears"}, "words", user=w.owner)
    await fake.wait_for_response(typed)
    assert any(c["value"] == FACT and "(retired)" in c["name"] for c in typed.choices or [])
    typed = await fake.autocomplete("fact search", {"words": "arrears"}, "words", user=w.member)
    await fake.wait_for_response(typed)
    assert FACT not in [c["value"] for c in typed.choices or []]


async def test_edit_asks_for_a_reason_then_history_diff_and_old_revision_show_what_changed(env: DeskBot) -> None:
    fake, w = env.fake, env.world
    before = env.desk.facts.require(FACT)
    with pytest.raises(FakeDiscordError, match="missing required option"):
        await env.slash("fact edit", {"id": FACT}, user=w.owner)
    with pytest.raises(FakeDiscordError, match="missing required option"):
        await env.slash("fact revert", {"id": FACT, "revision": 1}, user=w.owner)

    opened = await env.slash("fact edit", {"id": FACT, "reason": "the Registry's new figure"}, user=w.owner)
    fields = modal_fields((await fake.wait_for_response(opened))["data"])
    typed = {name: field.get("value", "") for name, field in fields.items()}
    typed["text"] = before.text.replace("74", "81", 1)
    assert typed["text"] != before.text
    await env.shown(await fake.modal_submit(None, typed, user=w.owner))
    rev = env.desk.facts.require(FACT).rev
    assert rev == before.rev + 1

    history = await env.run("fact history", {"id": FACT}, user=w.owner)
    assert "the Registry's new figure" in history.content and "~~" in history.content
    diff = await env.run("fact diff", {"id": FACT, "from": before.rev, "to": rev}, user=w.owner)
    assert diff.ephemeral and f"from revision {before.rev} to revision {rev}" in diff.content
    assert "~~€74~~ **€81**" in diff.content

    old = await env.run("fact show", {"id": FACT, "revision": before.rev}, user=w.owner)
    assert old.ephemeral and f"as revision {before.rev} left it" in old.content
    assert old.embeds[0]["description"] == before.text
    assert any(f["name"] == "Keywords" for f in old.embeds[0]["fields"])
    refused = await env.run("fact show", {"id": FACT, "revision": before.rev}, user=w.member)
    assert refused.ephemeral and "Only moderators" in refused.content
    diff_refused = await env.run("fact diff", {"id": FACT}, user=w.member)
    assert "Only moderators" in diff_refused.content

    reverted = await env.run("fact revert", {"id": FACT, "revision": before.rev, "reason": "figure not confirmed"},
                             user=w.owner)
    assert "restored to revision" in reverted.content
    assert env.desk.facts.require(FACT).text == before.text
