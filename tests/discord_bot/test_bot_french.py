"""A French-speaking member on Discord: French command names and descriptions synced for French clients, and a
French question answered in French, with every label, button and note around the fact in French."""

from __future__ import annotations

import re

import pytest

from tests.fakediscord import StoredMessage

from .test_bot_kit import DeskBot
from .test_bot_moderators import edit_through_form

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(20)]


def fields_of(message: StoredMessage, index: int = 0) -> dict[str, str]:
    return {f["name"]: f["value"] for f in message.embeds[index].get("fields", [])}


def button_labels(message: StoredMessage) -> list[str]:
    return [c["label"] for row in message.components for c in row["components"]]


async def test_french_clients_see_french_command_names_and_descriptions(env: DeskBot) -> None:
    synced = {c["name"]: c for c in env.fake.commands()}
    ask = synced["ask"]
    assert ask["name_localizations"]["fr"] == "demander"
    assert ask["description_localizations"]["fr"].startswith("Poser une question")
    question = next(o for o in ask["options"] if o["name"] == "question")
    assert question["description_localizations"]["fr"] == "votre question"
    assert synced["topics"]["name_localizations"]["fr"] == "sujets"
    fact = synced["fact"]
    assert fact["name_localizations"]["fr"] == "fait"
    show = next(o for o in fact["options"] if o["name"] == "show")
    assert show["name_localizations"]["fr"] == "afficher"
    assert "name_localizations" not in ask or "de" not in ask["name_localizations"], "only French is added"

    def names(options: list[dict]) -> None:  # Discord refuses invalid or clashing localized names
        localized = [o.get("name_localizations", {}).get("fr", o["name"]) for o in options]
        assert len(localized) == len(set(localized)), localized
        for option in options:
            name = option.get("name_localizations", {}).get("fr")
            assert name is None or (re.fullmatch(r"[-_\w]{1,32}", name) and name == name.lower()), name
            names(option.get("options", []))

    names(list(synced.values()))


async def test_a_french_member_gets_a_fully_french_answer_around_a_french_fact(env: DeskBot) -> None:
    msg = await env.run("ask", {"question": "c'est quoi le budget 2026 de la CPI ?"}, user=env.world.member,
                        locale="fr")
    assert msg.embeds and not msg.content
    fact = env.desk.facts.require("budget-2026-193-million")
    first = msg.embeds[0]
    assert first["title"] == fact.title_fr and first["description"] == fact.text_fr
    fields = fields_of(msg)
    assert set(fields) >= {"Sources", "À jour au", "Identifiant du fait"}
    assert fields["À jour au"] == "1er décembre 2025" and fields["Identifiant du fait"] == f"`{fact.id}`"
    assert "(1er décembre 2025)" in fields["Sources"]
    assert fields["Relecture en retard"].startswith("⚠ Peut-être dépassé : sa relecture était prévue le ")
    last = msg.embeds[-1]
    assert last["footer"]["text"] == "Question : c'est quoi le budget 2026 de la CPI ?"
    related = {f["name"] for f in last.get("fields", [])}
    assert "Related facts" not in related and "As of" not in fields
    assert button_labels(msg) == ["Utile", "Dépassé ou faux"]


async def test_the_locale_is_a_hint_and_declines_are_french_too(env: DeskBot) -> None:
    english = await env.run("ask", {"question": "What is the €74 million in arrears?"}, user=env.world.member,
                            locale="fr")
    assert "Fact id" in fields_of(english), "an English question is answered in English whatever the locale"
    declined = await env.run("ask", {"question": "quel temps fera-t-il à La Haye demain ?"},
                             user=env.world.owner, locale="en-US")
    assert declined.content.startswith("Pas encore de fait vérifié sur ce sujet.")
    assert "Sujets les plus proches :" in declined.content and not declined.embeds
    waited = await env.run("ask", {"question": "Duterte ?"}, user=env.world.member, locale="fr")
    assert waited.ephemeral and waited.content.startswith("Ce serveur permet une question toutes les 20 s")


async def test_fact_show_and_help_are_french_for_a_french_client(env: DeskBot) -> None:
    fact = env.desk.facts.require("budget-2026-193-million")
    shown = await env.run("fact show", {"id": fact.id}, user=env.world.member, locale="fr")
    embed = shown.embeds[0]
    assert embed["title"] == fact.title_fr and embed["description"] == fact.text_fr
    fields = fields_of(shown)
    assert {"Sources", "À jour au", "Sujet", "Révision", "Statut"} <= set(fields)
    assert fields["Exemples de questions"].startswith(fact.questions_fr[0])
    english = await env.run("fact show", {"id": fact.id}, user=env.world.member, locale="en-US")
    assert english.embeds[0]["title"] == fact.title and "Topic" in fields_of(english)
    helped = await env.run("help", {}, user=env.world.member, locale="fr")
    text = helped.content + "\n".join(e.get("description", "") for e in helped.embeds)  # long: in embeds
    assert text.startswith("Posez une question en mots") and "/aide — Ce que le bot sait faire" in text


async def test_config_language_sets_the_language_of_reminders(env: DeskBot) -> None:
    guild = str(env.world.guild.id)
    assert env.desk.settings.get(guild).language == "en"
    msg = await env.run("config language", {"language": "fr"}, user=env.world.owner)
    assert msg.ephemeral and "en français" in msg.content
    assert env.desk.settings.get(guild).language == "fr"


async def test_a_moderator_edits_the_french_version_through_its_own_form(env: DeskBot) -> None:
    w = env.world
    fact_id = "arrears-74-million-feb-2025"
    before = env.desk.facts.require(fact_id)
    fields, done = await edit_through_form(
        env, {"id": fact_id, "reason": "traduction revue", "french": True}, w.owner,
        {"text_fr": before.text_fr + " Opinio Juris a répété ce chiffre en décembre 2025."})
    assert set(fields) == {"title_fr", "text_fr", "questions_fr"}
    assert fields["text_fr"]["value"] == before.text_fr and fields["title_fr"]["value"] == before.title_fr
    assert "Updated" in done.content and "(text_fr)" in done.content
    after = env.desk.facts.require(fact_id)
    assert after.text_fr.endswith("en décembre 2025.") and after.text == before.text
    assert env.desk.facts.history(fact_id)[-1].reason == "traduction revue"
