"""French beside English: the French pipeline and language detection, French fields in the store (revisions,
import and export, the French index, review when the English changes), answers in the asker's language with
every word around them in that language; the blind sets' bars are in test_answer_classes."""

from __future__ import annotations

import datetime as dt
import sqlite3
import string
from pathlib import Path

import pytest

from bot.core import commands
from bot.core.datafiles import FRENCH_SYNONYMS, check_dataset, data_dir
from bot.core.db import Database
from bot.core.deadlines.model import deadline_from_record
from bot.core.desk import Desk
from bot.core.language import detect
from bot.core.messages import CATALOG, date_in, say
from bot.core.models import InputError
from bot.core.permissions import Actor
from bot.core.registry import REGISTRY, Context
from bot.core.reminders.notices import moved_text
from bot.core.reminders.texts import reminder_text
from bot.core.render import answer_text
from bot.core.scheduler import digest_text
from bot.core.schema import MIGRATIONS, _v7_french
from bot.core.text_fr import FRENCH, words
from tests.eval.score import load

BLIND = Path(__file__).resolve().parents[1] / "eval" / "blind"


def test_the_french_pipeline_folds_accents_splits_elisions_and_stems() -> None:
    assert FRENCH.stems("Les États parties") == FRENCH.stems("les etats partie")
    assert words("l'AEP24 du 1er au 6 déc") == ["aep", "24", "du", "1", "au", "6", "decembre"]  # a month shortened
    assert words("la 24e session, quatre États") == ["la", "24", "session", "4", "etats"]
    assert FRENCH.stem("sanctionnés") == FRENCH.stem("sanctionnes") == FRENCH.stem("sanctionné")
    # a verb in the third person plural, which the stemmer leaves whole, is read as its other forms; a noun
    # spelt like one is not ("président" is no form of "présider")
    assert FRENCH.stem("sanctionnent") == FRENCH.stem("sanctionner") == FRENCH.stem("sanctionné")
    assert FRENCH.stem("quittent") == FRENCH.stem("quitter")
    assert FRENCH.stem("président") == FRENCH.stem("présidence") != FRENCH.stem("présider")


@pytest.mark.parametrize(("question", "lang"), [
    ("budget 2026 de la CPI", "fr"),
    ("qui sont les juges sanctionnes par les americains", "fr"),  # no accents
    ("Où s'est tenue l'AEP24 ?", "fr"),
    ("ou a eu lieu l'ASP24", "fr"),
    ("who is withdrawing from the Rome Statute?", "en"),
    ("un experts statement in feb 2025 on the sanctions", "en"),
])
def test_a_question_is_read_as_english_or_french(question: str, lang: str) -> None:
    assert detect(question) == lang
    assert detect(question, hint="fr" if lang == "en" else "en-US") == lang, "a locale is a hint, not a rule"


def test_the_locale_settles_only_what_the_words_leave_open() -> None:
    assert detect("Duterte?", hint="fr") == "fr"
    assert detect("Duterte?", hint="en-GB") == "en"
    assert detect("Duterte?") == "en"
    assert detect("Duterte ?", hint="en-GB") == "fr", "a space before the question mark is French typography"
    assert detect("APIC = ?") == detect("pchr = ?") == "en", "'X = ?' is spaced so in any language"
    assert detect("AEP = ?") == "fr"


def test_every_message_has_both_languages_with_the_same_placeholders() -> None:
    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for key, entry in CATALOG.items():
        assert set(entry) == {"en", "fr"}, key
        assert fields(entry["en"]) == fields(entry["fr"]), key
    assert date_in("2025-12-01", "fr") == "1er décembre 2025" and date_in("2025-02", "fr") == "février 2025"
    assert say("missing_day", "fr") == "la date exacte"
    assert say("missing_count", "fr", thing="judges") == "combien de judges"


def test_every_shipped_fact_has_french_and_the_files_hold_the_french_synonyms() -> None:
    data, problems = check_dataset(data_dir())
    assert not problems
    for rec in data.facts:
        assert rec.get("title_fr") and rec.get("text_fr"), rec.where
        assert len(rec.get("questions_fr") or []) >= 5, rec.where
    assert all(t.name_fr and t.description_fr for t in data.topics)
    assert data.synonyms_fr and data.synonyms_fr[0][:2] == ["cpi", "icc"]
    assert FRENCH_SYNONYMS in (data_dir() / "synonyms.yaml").read_text(encoding="utf-8")


def test_export_writes_the_shipped_files_back_byte_for_byte(shipped_desk: Desk) -> None:
    root = data_dir()
    for name, text in shipped_desk.export_files().items():
        assert (root / name).read_text(encoding="utf-8") == text, name


def test_a_french_question_is_answered_in_french(shipped_desk: Desk) -> None:
    answer = shipped_desk.answerer.ask("budget 2026 de la CPI")
    assert answer.lang == "fr" and answer.answered
    fact = answer.hits[0].fact
    assert fact.id == "budget-2026-193-million"
    text = answer_text(answer)
    assert text.startswith(f"**{fact.title_fr}**\n{fact.text_fr}")
    assert "À jour au 1er décembre 2025 · fait `budget-2026-193-million`" in text
    assert "Source : Opinio Juris" in text and "As of" not in text
    assert answer.to_json(text)["lang"] == "fr"


def test_a_french_decline_and_a_partial_reply_are_in_french(shipped_desk: Desk) -> None:
    declined = shipped_desk.answerer.ask("quel temps fera-t-il à La Haye demain ?")
    assert declined.lang == "fr" and not declined.answered
    text = answer_text(declined)
    assert text.startswith("Pas encore de fait vérifié sur ce sujet.") and "Sujets les plus proches :" in text
    assert "Résultats de l'AEP24" in text or "Société civile" in text
    partial = shipped_desk.answerer.ask("quel jour les Philippines ont remis Duterte à la CPI ?")
    assert partial.status == "partial" and partial.lang == "fr"
    assert answer_text(partial).startswith("Les faits vérifiés ne disent pas la date exacte. Voici ce qu'ils disent")


def test_lang_forces_the_reply_language(shipped_desk: Desk) -> None:
    answer = shipped_desk.answerer.ask("who is withdrawing from the Rome Statute?", lang="fr")
    assert answer.answered and answer.lang == "fr"
    assert answer_text(answer).startswith(f"**{answer.hits[0].fact.title_fr}**")
    english = shipped_desk.answerer.ask("budget 2026 de la CPI", lang="en")
    assert english.lang == "en" and answer_text(english).startswith(f"**{english.hits[0].fact.title}**")


@pytest.mark.parametrize(("question", "lang", "fact"), [
    ("what did the CICC say about blocking statutes? en français svp", "fr", "blocking-statute-calls"),
    ("les dates de l'AEP24 ? in English please", "en", "asp24-dates-and-venue"),
    ("budget 2026, in french please", "fr", "budget-2026-193-million"),
    # a name asked in a language is no request for the reply's language
    ("CICC c'est l'acronyme de quoi en anglais svp", "fr", "us-sanctions-four-judges-june-2025"),
])
def test_a_member_may_ask_for_the_reply_in_the_other_language(shipped_desk: Desk, question: str, lang: str,
                                                              fact: str) -> None:
    answer = shipped_desk.answerer.ask(question)
    assert (answer.status, answer.lang, answer.hits[0].fact.id) == ("answered", lang, fact)
    facts = shipped_desk.answerer.facts
    assert answer.related and all(title == (facts.get(fid).title_fr if lang == "fr" else facts.get(fid).title)
                                  for fid, title in answer.related)  # the related facts in that language too


def test_which_languages_a_text_exists_in_is_still_a_language_question(shipped_desk: Desk) -> None:
    answer = shipped_desk.answerer.ask("is the ICC statement available in French?")
    assert (answer.status, answer.reason_key) == ("declined", "language_question")


def test_a_fact_without_french_is_found_and_shown_in_english_with_a_french_note(
        shipped_desk: Desk, moderator: Actor) -> None:
    shipped_desk.facts.add({"id": "trust-fund-board-2025", "topic": "court-record",
                            "title": "Trust Fund for Victims board meets in Ulaanbaatar",
                            "text": "The Trust Fund for Victims board met in Ulaanbaatar.",
                            "sources": ["oj-2025-asp24"], "as_of": "2025-11-01"}, moderator, "test")
    answer = shipped_desk.answerer.ask("le Trust Fund for Victims à Ulaanbaatar ?")
    assert answer.lang == "fr" and answer.hits and answer.hits[0].fact.id == "trust-fund-board-2025"
    text = answer_text(answer)
    assert "The Trust Fund for Victims board met in Ulaanbaatar." in text
    assert "n'a pas encore de version française" in text


def test_french_fields_are_validated_revised_and_reviewed_when_the_english_changes(
        shipped_desk: Desk, moderator: Actor) -> None:
    store = shipped_desk.facts
    with pytest.raises(InputError, match="both title_fr and text_fr"):
        store.edit("budget-2026-193-million", {"title_fr": "", "text_fr": "Texte seul."}, moderator, "x")
    fact = store.require("budget-2026-193-million")
    assert not fact.french_outdated
    store.edit(fact.id, {"text": fact.text + " A figure was adopted later."}, moderator, "newer figure")
    fact = store.require(fact.id)
    assert fact.french_outdated, "the French text now predates the English"
    ctx = Context(moderator, guild_id="g1")
    stale = commands.run(shipped_desk, ctx, "facts stale")
    assert "French text older than the English" in stale.text and "`budget-2026-193-million`" in stale.text
    assert "la version française" not in answer_text(shipped_desk.answerer.ask("budget 2026 de la CPI"))
    assert "Le texte anglais a changé" in answer_text(shipped_desk.answerer.ask("budget 2026 de la CPI"))
    shown = commands.run(shipped_desk, ctx, "fact show", {"id": fact.id}).text
    assert f"French (older than the English text: review it): **{fact.title_fr}**" in shown
    reply = commands.run(shipped_desk, ctx, "fact edit", {"id": fact.id, "text_fr": fact.text_fr + " Un montant a "
                                                          "été adopté plus tard.", "reason": "traduction"})
    assert reply.ok, reply.text
    fact = store.require(fact.id)
    assert not fact.french_outdated and fact.text_fr.endswith("adopté plus tard.")
    assert store.history(fact.id)[-1].changed == ["text_fr"]
    french = shipped_desk.answerer.in_language("fr")
    assert french.vocabulary.doc_freq({FRENCH.stem("tard")}) == {"tard": 2}, "an edit reaches the French index"


def test_config_language_sets_the_reminders_language(shipped_desk: Desk, moderator: Actor) -> None:
    ctx = Context(moderator, guild_id="g1")
    reply = commands.run(shipped_desk, ctx, "config language", {"language": "fr"})
    assert reply.ok and shipped_desk.settings.get("g1").language == "fr"
    assert not commands.run(shipped_desk, ctx, "config language", {"language": "de"}).ok
    assert "Reminders and weekly digest in: French" in commands.run(shipped_desk, ctx, "config show").text
    deadline = shipped_desk.deadlines.list()[0]
    text = reminder_text(deadline, number=1, total=3, lang="fr")
    assert "Quand :" in text and text.endswith(f"Rappel 1 sur 3 · `{deadline.id}`")
    assert reminder_text(deadline, number=1, total=3).endswith(f"Reminder 1 of 3 · `{deadline.id}`")
    now = dt.datetime(2025, 11, 28, 9, tzinfo=dt.UTC)
    assert digest_text(shipped_desk, "g1", now).startswith("📅 **À venir cette semaine** (jusqu'au <t:")
    assert digest_text(shipped_desk, "g2", now).startswith("📅 **Coming up this week**"), "English by default"


def test_help_is_in_french_for_a_french_client(shipped_desk: Desk, moderator: Actor) -> None:
    french = commands.run(shipped_desk, Context(moderator, guild_id="g1", locale="fr"), "help").text.splitlines()
    english = commands.run(shipped_desk, Context(moderator, guild_id="g1", locale="en-US"), "help").text.splitlines()
    assert french[0].startswith("Posez une question en mots") and english[0].startswith("Ask a question in words")
    assert "/demander question [lang] — Poser une question ; la réponse cite ses sources" in french
    assert "/aide — Ce que le bot sait faire" in french and "/help — What the bot can do" in english
    summaries = {cmd.summary for cmd in REGISTRY.values()}
    assert not [line for line in french[1:] if line.split(" — ", 1)[1].removesuffix(" (modérateurs)") in summaries]


def test_fact_show_is_in_french_for_a_french_client_with_the_english_after(shipped_desk: Desk,
                                                                           moderator: Actor) -> None:
    fact = shipped_desk.facts.require("budget-2026-193-million")
    french = commands.run(shipped_desk, Context(moderator, guild_id="g1", locale="fr"), "fact show", {"id": fact.id})
    assert french.lang == "fr" and french.text.startswith(f"**{fact.title_fr}**\n{fact.text_fr}")
    assert f"Anglais : **{fact.title}** {fact.text}" in french.text and "Sujet : budget · Révision" in french.text
    english = commands.run(shipped_desk, Context(moderator, guild_id="g1"), "fact show", {"id": fact.id})
    assert english.lang == "en" and english.text.startswith(f"**{fact.title}**") and "Topic: budget" in english.text


def test_a_rescheduled_notice_and_an_all_day_session_read_in_french() -> None:
    session = deadline_from_record({"id": "asp-session", "title": "ASP session", "kind": "session",
                                    "start": "2026-12-07", "end": "2026-12-08", "zone": "Europe/Amsterdam"})
    when = session.when_text("fr")
    assert when.startswith("du lundi 7 décembre 2026 (toute la journée, Europe/Amsterdam) au mardi 8 décembre "
                           "2026 (toute la journée, Europe/Amsterdam) — commence le <t:")
    assert "Quand : du lundi 7 décembre 2026" in reminder_text(session, number=1, total=1, lang="fr")
    assert moved_text(session, "fr").startswith("🔁 **ASP session** a été reporté : c'est désormais du lundi")
    assert moved_text(session).startswith("🔁 **ASP session** has been rescheduled: it is now Monday 7 December")
    meeting = deadline_from_record({"id": "call", "title": "Call", "kind": "event", "start": "2026-12-07 10:00",
                                    "end": "2026-12-07 11:00", "zone": "Europe/Amsterdam"})
    assert " jusqu’au <t:" in meeting.when_text("fr") and " until <t:" in meeting.when_text()


@pytest.mark.parametrize("name", ["round1/fr-tuning.yaml", "round1/fr-spent.yaml", "round2/fr-tuning.yaml",
                                  "round2/fr-spent.yaml"])
def test_no_french_question_of_a_tuning_set_is_read_as_english(name: str) -> None:
    assert [i["q"] for i in load(BLIND / name) if detect(i["q"]) != "fr"] == []


def test_a_database_from_before_french_is_upgraded_and_its_facts_indexed_for_french(
        tmp_path: Path, mini_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.db"
    with monkeypatch.context() as patch:  # the schema as it was before _v7_french
        patch.setattr("bot.core.db.MIGRATIONS", MIGRATIONS[:MIGRATIONS.index(_v7_french)])
        Database(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO facts (id, topic, title, text, sources, as_of, questions, keywords, status, rev,"
                     " created_at, updated_at) VALUES ('old-fact', 'budget', 'Budget of Ulaanbaatar', 'Ulaanbaatar"
                     " pays.', '[\"src-a\"]', '2025-01-01', '[]', '[]', 'active', 1, '2025-01-02T00:00:00+00:00',"
                     " '2025-01-02T00:00:00+00:00')")
        conn.execute("INSERT INTO fact_index (id, title, questions, keywords, text) SELECT rowid, 'budget of"
                     " ulaanbaatar', '', '', 'ulaanbaatar pay' FROM facts")
        conn.execute("INSERT INTO meta (key, value) VALUES ('seeded_at', '2025-01-02T00:00:00+00:00')")
    desk = Desk.open(path, mini_root)
    try:
        fact = desk.facts.require("old-fact")
        assert fact.text_changed_at == fact.updated_at and not fact.has_french and not fact.french_outdated
        answer = desk.answerer.ask("le budget d'Ulaanbaatar ?")
        assert answer.lang == "fr" and answer.hits and answer.hits[0].fact.id == "old-fact"
        assert desk.settings.get("g1").language == "en"
    finally:
        desk.close()


def test_an_import_carries_the_french_fields(mini_desk: Desk, moderator: Actor) -> None:
    csv = ("id,topic,title,text,sources,as_of,title_fr,text_fr,questions_fr\n"
           "new-fact,budget,New,New text.,src-a,2025-01-01,Nouveau,Nouveau texte.,Quoi de neuf ?|Du nouveau ?\n")
    reply = commands.run(mini_desk, Context(moderator, guild_id="g1"), "facts import",
                         {"filename": "new.csv", "content": csv.encode(), "confirm": True})
    assert reply.ok, reply.text
    fact = mini_desk.facts.require("new-fact")
    assert (fact.title_fr, fact.text_fr, fact.questions_fr) == ("Nouveau", "Nouveau texte.",
                                                                ["Quoi de neuf ?", "Du nouveau ?"])
    exported = mini_desk.export_files()["facts/budget.yaml"]
    assert "  title_fr: Nouveau\n  text_fr: Nouveau texte.\n  questions_fr: ['Quoi de neuf ?', 'Du nouveau ?']" \
        in exported
    assert "title_fr" not in exported.split("- id: new-fact")[0], "facts without French export as before"


def test_topics_in_the_asker_s_language(shipped_desk: Desk) -> None:
    member = Actor("m1", "member")
    french = commands.run(shipped_desk, Context(member, guild_id="g1", locale="fr"), "topics").text
    assert french.startswith("Sujets :") and "**Budget et arriérés** (`budget`" in french and " faits) : " in french
    english = commands.run(shipped_desk, Context(member, guild_id="g1", locale="en-GB"), "topics").text
    assert english.startswith("Topics:") and "**Budget and arrears** (`budget`" in english
    forced = commands.run(shipped_desk, Context(member, guild_id="g1", locale="en-GB"), "topics", {"lang": "fr"})
    assert forced.text.startswith("Sujets :")
    refused = commands.run(shipped_desk, Context(member, guild_id="g1"), "topics", {"lang": "de"})
    assert refused.failure == "input" and "lang must be en or fr" in refused.text
