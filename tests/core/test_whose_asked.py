"""Whose office or which state a question asks about, read from members' words: "la présidente actuelle de la
CPI" is the Court's president, not FIDH's; "who heads REDRESS" asks for REDRESS's head, not for the paper it
launched on heads of state; "the French government" names France as "France" does (issue: answers that hold
up)."""

from __future__ import annotations

import pytest

from bot.core import countries, intent, persons_asked
from bot.core.desk import Desk
from bot.core.text import ENGLISH, STOP_WORDS


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

