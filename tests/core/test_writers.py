"""Who wrote a piece the question names by its outlet: a name beside that outlet in the fact, not another outlet's
author or the person a piece is about. Each question is in words no blind set used."""

from __future__ import annotations

import pytest

from bot.core.desk import Desk
from bot.core.writers import outlet_asked, writer_named
from tests.conftest import top


@pytest.mark.parametrize(("question", "missing"), [
    ("the Reuters report on sanctioning the entire ICC: who wrote that report?", "missing_person"),
    ("who penned the reuters article on a possible whole-court designation", "missing_person"),
    ("which reuters journalists broke the story that the whole court could be sanctioned?", "missing_names"),
    ("Qui a écrit l'article de Reuters sur des sanctions visant toute la Cour ?", "missing_person"),
    # the writer asked first, then a day the fact does hold: the reply says who is missing, not when
    ("who penned the Reuters piece on a whole-court designation, and on which day did it run?", "missing_person"),
])
def test_a_piece_whose_writer_no_fact_names_is_partial(asking_desk: Desk, question: str, missing: str) -> None:
    # the fact cites Reuters' report and names Opinio Juris's author, who did not write it
    answer = asking_desk.answerer.ask(question)
    assert (answer.status, answer.hits[0].fact.id, answer.missing_key) == (
        "partial", "us-possible-sanctions-whole-court", missing)


@pytest.mark.parametrize("question", [
    "Who is the author of the Opinio Juris blog post on ASP24, 'Time to Act'?",
    "Qui est l'auteur du papier d'Opinio Juris sur l'AEP24, « Time to Act » ?",
    "C'est qui, l'auteur du post Opinio Juris « Time to Act » ?",
])
def test_the_writer_named_beside_the_outlet_answers(asking_desk: Desk, question: str) -> None:
    # "In a 1 December 2025 Opinio Juris post, Ezequiel Jimenez ...": the author, though no word says "author"
    assert top(asking_desk, question) == "asp24-not-business-as-usual"


def test_the_person_a_piece_is_about_did_not_write_it() -> None:
    fact = "On 19 November 2025 Le Monde published an article on Nicolas Guillou, a French ICC judge."
    assert writer_named("who wrote the Le Monde piece about the French judge?", fact) is False
    assert writer_named("who wrote the Le Monde piece?", "Le Monde columnist Jeanne Martin wrote that ...") is True
    # no outlet asked, or one the fact never mentions: nothing to say either way
    assert writer_named("who is the Prosecutor?", fact) is None
    assert writer_named("who wrote the Reuters story?", fact) is None
    assert outlet_asked("when did reuters report it and who wrote the story?") is None  # when is asked first


def test_the_author_named_to_ask_something_else_is_no_writer_asked() -> None:
    assert outlet_asked("In the Opinio Juris post, what does the author want from the Bureau?") is None
    assert outlet_asked("Dans le billet d'Opinio Juris, l'auteur propose quoi pour le Bureau ?") is None
    assert outlet_asked("qui est l'auteur du billet d'Opinio Juris ?") == "opinio juris"
    assert outlet_asked("which Reuters reporters covered it?") == "reuters"
