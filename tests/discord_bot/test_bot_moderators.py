"""Moderators on Discord: forms that add and edit facts, refusals for everyone else (by the core, with nothing
written), imports validated whole with a confirm step, exports, and the mod-log entry for every change."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import SHIPPED_FACTS
from tests.fakediscord import FakeAttachment, FakeDiscordError, StoredMessage

from .test_bot_kit import DeskBot

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(20)]

NEW_FACT = {
    "text": "The ASP24 Bureau met on 3 December 2025 to discuss the Court's cash position and arrears.",
    "sources": "hrw-2025-asp24",
    "questions": "When did the ASP24 Bureau discuss the cash position?\nDid the Bureau talk about arrears at ASP24?",
    "as_of": "2025-12-04",
    "review_by": "2026-06-01",
}


def modal_fields(modal: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """custom_id -> text input, from a modal built of Label (18) components."""
    out = {}
    for label in modal["components"]:
        inner = label.get("component") or label["components"][0]
        out[inner["custom_id"]] = inner
    return out


async def edit_through_form(env: DeskBot, args: dict[str, Any], user: Any,
                            changes: dict[str, str]) -> tuple[dict[str, dict[str, Any]], StoredMessage]:
    """/fact edit opens its form; the member types `changes` over the prefilled values and submits. The form's
    fields as opened (to check what was prefilled) and the reply to the submit."""
    opened = await env.slash("fact edit", args, user=user)
    fields = modal_fields((await env.fake.wait_for_response(opened))["data"])
    typed = {name: field.get("value", "") for name, field in fields.items()} | changes
    return fields, await env.shown(await env.fake.modal_submit(None, typed, user=user))


def writes(env: DeskBot) -> tuple[int, int, int]:
    db = env.desk.db
    return (db.query_one("SELECT count(*) FROM facts")[0], db.query_one("SELECT count(*) FROM fact_revisions")[0],
            db.query_one("SELECT count(*) FROM sources")[0])


async def test_moderator_adds_a_fact_through_the_form_and_a_member_finds_it(env: DeskBot) -> None:
    fake, w = env.fake, env.world
    await env.configure(modlog=True)
    opened = await env.slash("fact add", {"id": "asp24-bureau-cash", "topic": "asp24",
                                          "title": "ASP24 Bureau meeting on the cash position",
                                          "keywords": "bureau, cash, liquidity", "reason": "from the CSO call"},
                             user=w.owner)
    body = await fake.wait_for_response(opened)
    assert body["type"] == 9
    fields = modal_fields(body["data"])
    assert set(fields) == {"text", "sources", "questions", "as_of", "review_by"}
    assert fields["text"]["max_length"] == 1000 and fields["text"]["required"]
    assert fields["as_of"]["max_length"] == 10 and fields["as_of"]["min_length"] == 7  # YYYY-MM or YYYY-MM-DD
    assert not fields["review_by"]["required"]

    done = await env.shown(await fake.modal_submit(None, NEW_FACT, user=w.owner))
    assert not done.ephemeral and "Added `asp24-bureau-cash`" in done.content
    fact = env.desk.facts.require("asp24-bureau-cash")
    assert fact.keywords == ["bureau", "cash", "liquidity"] and len(fact.questions) == 2
    assert env.desk.facts.history(fact.id)[0].reason == "from the CSO call"

    logged = await fake.wait_for_message(lambda m: "added fact" in m.text(), channel=w.mod_log)
    fact_field = next(f["value"] for f in logged.embeds[0]["fields"] if f["name"] == "Fact")
    assert f"/channels/{w.guild.id}/{done.channel_id}/{done.id}" in fact_field, "the entry links to the fact"
    assert f"<@{w.owner.id}>" in logged.text()

    answer = await env.run("ask", {"question": "When did the ASP24 Bureau discuss the cash position?"},
                           user=w.member)
    assert any(f["value"] == "`asp24-bureau-cash`" for e in answer.embeds for f in e["fields"])


async def test_moderator_role_edits_through_a_prefilled_form_and_sees_the_history(env: DeskBot) -> None:
    w = env.world
    role_set = await env.run("config modrole", {"role": w.moderator_role}, user=w.owner)
    assert role_set.ephemeral and "can now moderate" in role_set.content
    fact_id = "arrears-74-million-feb-2025"
    before = env.desk.facts.require(fact_id)
    longer = before.text + " Opinio Juris repeated the figure in December 2025."
    fields, done = await edit_through_form(env, {"id": fact_id, "reason": "clearer wording"}, w.moderator,
                                           {"text": longer})
    assert fields["text"]["value"] == before.text and fields["as_of"]["value"] == before.as_of
    assert "Updated" in done.content and "(text)" in done.content
    after = env.desk.facts.require(fact_id)
    assert after.rev == before.rev + 1 and after.sources == before.sources and after.as_of == before.as_of
    history = await env.run("fact history", {"id": fact_id}, user=w.moderator)
    assert history.ephemeral and "clearer wording" in history.text()


async def test_non_moderators_are_refused_by_the_core_and_nothing_is_written(env: DeskBot) -> None:
    fake, w = env.fake, env.world
    before = writes(env)
    # /fact is visible to members (it holds /fact show), so the bot gets the call and the core refuses it
    for check in (True, False):
        refused = await env.run("fact add", {"id": "member-fact", "topic": "asp24", "title": "Mine"},
                                user=w.member, check_permissions=check)
        assert refused.ephemeral and "Only moderators" in refused.content
    retire = await env.run("fact retire", {"id": "arrears-74-million-feb-2025", "reason": "I disagree"},
                           user=w.member)
    assert retire.ephemeral and "Only moderators" in retire.content
    # /facts is registered for Manage Server: Discord hides it; past that, the core still refuses
    with pytest.raises(FakeDiscordError, match="default_member_permissions"):
        await env.slash("facts export", user=w.member)
    export = await env.run("facts export", user=w.member, check_permissions=False)
    assert export.ephemeral and "Only moderators" in export.content and not export.attachment_names
    config = await env.run("config modrole", {"role": w.moderator_role}, user=w.member, check_permissions=False)
    assert config.ephemeral and "Only" in config.content
    assert env.desk.settings.get(str(w.guild.id)).mod_role_id is None

    # a moderator whose role is taken away while the form is open is refused when submitting it
    await env.run("config modrole", {"role": w.moderator_role}, user=w.owner)
    opened = await env.slash("fact add", {"id": "late-fact", "topic": "asp24", "title": "Too late"},
                             user=w.moderator)
    assert (await fake.wait_for_response(opened))["type"] == 9
    await env.run("config modrole", user=w.owner)
    late = await env.shown(await fake.modal_submit(None, NEW_FACT, user=w.moderator))
    assert late.ephemeral and "Only moderators" in late.content
    assert writes(env) == before and env.desk.facts.get("late-fact") is None


async def test_a_refused_form_says_what_to_fix_and_reopens_with_what_was_typed(env: DeskBot) -> None:
    fake, w = env.fake, env.world
    opened = await env.slash("fact add", {"id": "bad-date-fact", "topic": "asp24", "title": "Bad date"}, user=w.owner)
    await fake.wait_for_response(opened)
    typed = {**NEW_FACT, "as_of": "2025-13-45"}
    refused = await env.shown(await fake.modal_submit(None, typed, user=w.owner))
    assert refused.ephemeral and "as_of" in refused.content and "YYYY-MM-DD" in refused.content
    assert env.desk.facts.get("bad-date-fact") is None
    retry = await fake.component_click(refused, "cd:retry", user=w.owner)
    fields = modal_fields((await fake.wait_for_response(retry))["data"])
    assert fields["text"]["value"] == NEW_FACT["text"] and fields["as_of"]["value"] == "2025-13-45"
    fixed = {name: f.get("value", "") for name, f in fields.items()} | {"as_of": "2025-12-04"}
    done = await env.shown(await fake.modal_submit(None, fixed, user=w.owner))
    assert "Added `bad-date-fact`" in done.content


def import_file(*rows: dict[str, Any]) -> FakeAttachment:
    return FakeAttachment("new-facts.yaml", yaml.safe_dump(list(rows), allow_unicode=True).encode())


GOOD_ROW = {"id": "import-one", "topic": "budget", "title": "Imported fact one",
            "text": "An imported fact about the budget.", "sources": ["hrw-2025-asp24"], "as_of": "2025-12-01"}


async def test_an_import_with_one_bad_row_is_rejected_whole(env: DeskBot) -> None:
    w = env.world
    before = writes(env)
    bad = {**GOOD_ROW, "id": "import-two", "as_of": "2025-02-30"}
    shown = await env.run("facts import", {"file": import_file(GOOD_ROW, bad)}, user=w.owner)
    assert shown.ephemeral and shown.content.startswith("new-facts.yaml:8: as_of"), "says which row, what to fix"
    assert not shown.components, "no confirm button for a broken file"
    assert writes(env) == before and env.desk.facts.get("import-one") is None


async def test_import_shows_what_will_change_and_writes_only_after_confirm(env: DeskBot) -> None:
    fake, w = env.fake, env.world
    await env.configure(modlog=True)
    before = writes(env)
    changed = {**env.desk.facts.require("arrears-74-million-feb-2025").content(), "as_of": "2026-01-15"}
    preview = await env.run("facts import", {"file": import_file(GOOD_ROW, changed)}, user=w.owner)
    assert preview.ephemeral and "1 new, 1 changed" in preview.content
    assert writes(env) == before, "nothing is written before the moderator confirms"
    stranger = await fake.component_click(preview, "cd:import:confirm", user=w.member)
    assert "Only the moderator" in (await env.shown(stranger)).content
    assert writes(env) == before

    confirmed = await env.shown(await fake.component_click(preview, "cd:import:confirm", user=w.owner))
    assert confirmed.id == preview.id and "Imported new-facts.yaml" in confirmed.content
    assert not confirmed.components, "the buttons go once the import is done"
    assert env.desk.facts.require("import-one").rev == 1
    assert env.desk.facts.require("arrears-74-million-feb-2025").as_of == "2026-01-15"
    await fake.wait_for_message(lambda m: "imported new-facts.yaml" in m.text(), channel=w.mod_log)


async def test_export_attaches_the_store_in_the_data_layout(env: DeskBot) -> None:
    shown: StoredMessage = await env.run("facts export", user=env.world.owner)
    assert shown.ephemeral and shown.attachment_names == ["coalition-desk-data.zip"]
    archive = zipfile.ZipFile(io.BytesIO(shown.files[0].content))
    names = set(archive.namelist())
    assert {"data/sources.yaml", "data/topics.yaml", "data/deadlines.yaml", "data/facts/asp24.yaml"} <= names
    shipped = {f"data/{p.relative_to(Path('data')).as_posix()}" for p in Path("data").rglob("*.yaml")}
    assert shipped <= names
    exported = sum(len(yaml.safe_load(archive.read(n)) or []) for n in names if n.startswith("data/facts/"))
    assert exported == SHIPPED_FACTS


async def test_status_and_settings_for_moderators(env: DeskBot) -> None:
    w = env.world
    await env.run("config modlog", {"channel": w.mod_log}, user=w.owner)
    await env.run("config cooldown", {"seconds": 5}, user=w.owner)
    settings = await env.run("config show", user=w.owner)
    assert settings.ephemeral and f"<#{w.mod_log.id}>" in settings.content and "5 s per member" in settings.content
    await env.run("ask", {"question": "what did ASP24 say about sanctions?"}, user=w.member)
    status = await env.run("status", user=w.owner)
    assert status.ephemeral and "Coalition Desk" in status.content
    assert f"Facts: {SHIPPED_FACTS} active" in status.content
    assert "Answer latency (last 1)" in status.content
    everyone = await env.run("reminders role", {"role": w.guild.everyone}, user=w.owner)
    assert everyone.ephemeral and "other than @everyone" in everyone.content
