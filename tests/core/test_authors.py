"""Who issued a statement is its author: "which US official put out the State Department statements" is answered by
the fact naming the releases "by Secretary of State Marco Rubio", though that fact says it does not name whom the
releases designated; "who was sanctioned in Rubio's announcement" still is not."""

from __future__ import annotations

import pytest

from bot.core import intent
from bot.core.desk import Desk
from bot.core.text_fr import FRENCH


@pytest.mark.parametrize("question", [
    "which us official put out the state dept statements announcing the icc sanctions",
    "whose press statements announcing the sanctions does lrwc cite",
    "qui a signé les communiqués du département d'état annonçant les sanctions ?",
])
def test_the_author_of_a_release_is_named(asking_desk: Desk, question: str) -> None:
    answer = asking_desk.answerer.ask(question)
    assert answer.status == "answered"
    assert "Rubio" in answer.hits[0].fact.text


@pytest.mark.parametrize("question", [
    "who got sanctioned in rubio's 20 august announcement",
    "Qui a été visé par les sanctions US annoncées le 20 août 2025 ?",
])
def test_those_a_release_designated_are_not_its_author(asking_desk: Desk, question: str) -> None:
    answer = asking_desk.answerer.ask(question)
    assert (answer.status, answer.missing_key) == ("partial", "missing_person")


def test_a_role_after_the_verb_is_not_the_person_asked() -> None:
    wants = intent.read("who announced the sanctions on the judges?")
    assert (wants.kind, wants.role, wants.author) == ("person", None, True)
    assert intent.read("qui a été visé par l'annonce du 20 août ?", FRENCH).author is False


def test_whom_the_author_named_is_not_the_author(asking_desk: Desk) -> None:
    """"Who did Rubio announce sanctions against": those designated, which the August fact says it does not name;
    not Rubio, whom it names."""
    question = "who did secretary of state rubio announce the 20 august sanctions against?"
    assert not intent.read(question).author
    answer = asking_desk.answerer.ask(question)
    assert (answer.status, answer.missing_key) == ("partial", "missing_person")
