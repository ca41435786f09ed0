"""Whose office or which state a question asks about, read from members' words: "la présidente actuelle de la
CPI" is the Court's president, not FIDH's; "who heads REDRESS" asks for REDRESS's head, not for the paper it
launched on heads of state; "the French government" names France as "France" does; "what's Danya Chaikel's role"
asks for the office beside her name (issue: answers that hold up)."""

from __future__ import annotations

import pytest

from bot.core import countries, intent, persons_asked
from bot.core.desk import Desk
from bot.core.text import ENGLISH, STOP_WORDS
from bot.core.text_fr import FRENCH
from tests.conftest import top


@pytest.mark.parametrize(("text", "role", "org"), [
    ("qui est la presidente actuelle de la cpi", "president", "cpi"),  # "actuelle", not "actuel" + "le"
    ("qui est le president actuel de la cpi", "president", "cpi"),
    ("who is the icc s current president", "president", "icc"),
])
def test_the_organisation_is_read_after_a_role_said_to_be_current(text: str, role: str, org: str) -> None:
    assert persons_asked.role_of(text, STOP_WORDS) == (role, org)


def test_who_heads_an_organisation_asks_for_its_head_not_for_heads_of_state() -> None:
    wants = intent.read("who heads REDRESS, the org that co-launched the heads-of-state immunity paper w FIDH?",
                        ENGLISH)
    assert (wants.kind, wants.role, wants.org, wants.plural) == ("person", "head", ("redress",), False)


@pytest.mark.parametrize("question", [
    "who heads REDRESS, the org that co-launched the heads-of-state immunity paper w FIDH?",
    "Qui est la présidente actuelle de la CPI ?",  # the fact names FIDH's president
    "Comment s'appelle la présidente actuelle de la CPI ?",
])
def test_the_holder_of_another_organisation_s_office_is_no_answer(asking_desk: Desk, question: str) -> None:
    answer = asking_desk.answerer.ask(question)
    assert answer.status != "answered", [h.fact.id for h in answer.hits]


@pytest.mark.parametrize(("text", "organs", "named"), [
    ("What was the French government's reaction?", True, {"France"}),
    ("le ministre néerlandais des Affaires étrangères", True, {"Netherlands"}),
    ("south african govt response", True, {"South Africa"}),
    ("answer in French please", True, set()),  # a language, not a state
    ("answer in French please", False, {"France"}),
    ("French judge Nicolas Guillou", False, {"France"}),  # a fact names the state so too
    ("a German state-owned software solution", False, {"Germany"}),
])
def test_a_state_is_named_by_its_adjective(text: str, organs: bool, named: set[str]) -> None:
    assert {c.en for c in countries.by_adjective(text, organs=organs)} == named


@pytest.mark.parametrize("question", [
    "Quelle a été la réaction officielle du gouvernement français aux sanctions contre les juges ?",
    "Quelle est la position du gouvernement canadien sur les sanctions américaines contre la Cour ?",
    "What has the Canadian government done to protect ICC staff from the US sanctions?",
    "Est-ce que le ministère belge des Affaires étrangères a réagi aux sanctions du 5 juin ?",
    "Has the Israeli government responded to the omnibus resolution's condemnation of the sanctions?",
])
def test_a_state_named_by_its_adjective_must_be_named_by_the_fact(asking_desk: Desk, question: str) -> None:
    answer = asking_desk.answerer.ask(question)
    assert answer.status == "partial" and answer.missing_key == "missing_country", answer.missing_key


@pytest.mark.parametrize(("question", "fact"), [
    ("what did the Dutch foreign minister say about the sanctions", "reactions-june-2025-sanctions"),
    ("Which French ICC judge was cut off from his bank?", "judge-guillou-banking-le-monde"),
])
def test_a_fact_naming_the_state_or_its_adjective_still_answers(asking_desk: Desk, question: str,
                                                                fact: str) -> None:
    answer = asking_desk.answerer.ask(question)
    assert answer.hits and answer.hits[0].fact.id == fact
    assert answer.missing_key != "missing_country"


@pytest.mark.parametrize(("question", "language", "kind"), [
    ("what is danya chaikel's role", ENGLISH, "office"),
    ("pls remind me what danya chaikel's role is", ENGLISH, "office"),
    ("Danya Chaikel, elle occupe quel poste ?", FRENCH, "office"),
    ("what is civil society's role", ENGLISH, None),  # everyday words are no one's names
    ("what is the icc's role", ENGLISH, None),
])
def test_a_named_person_s_role_asks_for_their_office(question: str, language, kind: str | None) -> None:
    assert intent.read(question, language).kind == kind


@pytest.mark.parametrize("question", [
    "Danya Chaikel - what's her role?",  # not the fact on why civil society matters, which quotes her
    "what is danya chaikel's role",
    "Danya Chaikel, elle occupe quel poste ?",
])
def test_the_fact_giving_the_office_beside_the_name_answers(asking_desk: Desk, question: str) -> None:
    assert top(asking_desk, question) == "fidh-over-compliance-financial-channels"


def test_an_office_word_beside_the_name_may_be_a_plural_one(asking_desk: Desk) -> None:
    # "FIDH names Francesca Albanese among the UN independent experts targeted"
    assert top(asking_desk, "whats Francesca Albanese's role again") == "us-sanctions-un-special-rapporteur"


@pytest.mark.parametrize("question", [
    "who spoke at the fidh side event on russian speech crimes?",  # the Russian Federation is no speaker
    "Who spoke at the workplace culture side event at ASP24?",  # "Opinio Juris lists ...": a publication
    "le side event sur les crimes de discours russes en Ukraine, c'était qui les intervenants ?",
])
def test_who_spoke_needs_a_person_named_speaking(asking_desk: Desk, question: str) -> None:
    answer = asking_desk.answerer.ask(question)
    assert answer.status == "partial", [h.fact.id for h in answer.hits]


@pytest.mark.parametrize("question", [
    "who spoke at the cooperation plenary for CICC",  # "FIDH President Alexis Deswaef spoke for the Coalition"
    "qui a pris la parole pour la CICC à la plénière coopération ?",  # "Alexis Deswaef, s'est exprimé"
])
def test_a_person_named_speaking_answers_who_spoke(asking_desk: Desk, question: str) -> None:
    assert top(asking_desk, question) == "cicc-cooperation-plenary-statement"


def test_whose_president_is_read_through_inclusive_writing_and_a_chat_opening() -> None:
    wants = intent.read("qqn sait qui a présidé l'AEP24 ? genre le ou la président(e) de l'Assemblée cette année",
                        FRENCH)  # "qqn sait qui": asks who; "président(e)": one word
    assert (wants.kind, wants.role, wants.org) == ("person", "president", ("assembl",))


def test_a_role_named_of_one_organisation_is_not_another_s_just_before_it(asking_desk: Desk) -> None:
    # "lors de la « plénière coopération » de l'AEP24, le président de la FIDH, Alexis Deswaef": FIDH's president
    answer = asking_desk.answerer.ask("qqn sait qui a présidé l'AEP24 ? genre le ou la président(e) de l'Assemblée")
    assert answer.status == "partial", [h.fact.id for h in answer.hits]
    assert top(asking_desk, "qui est le président de la FIDH ?") == "fidh-president-on-impunity"
