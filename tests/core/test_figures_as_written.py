"""Figures as members write them: French numbers in words (Belgian and Swiss "septante", France's
"soixante-quatorze"), and sums given only roughly, which are the member's guess and not the subject."""

from __future__ import annotations

import pytest

from bot.core import intent
from bot.core.desk import Desk
from bot.core.number_words import figures_for_words, without_guesses
from bot.core.text import ENGLISH
from tests.conftest import top


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    desk = Desk.open(tmp_path_factory.mktemp("figures") / "figures.db")
    yield desk
    desk.close()


@pytest.mark.parametrize(("written", "read"), [
    ("septante-quatre millions", "74 millions"), ("soixante-quatorze millions", "74 millions"),
    ("cent nonante-trois millions", "193 millions"), ("cent quatre-vingt-treize millions", "193 millions"),
    ("quatre-vingts États", "80 États"), ("vingt et un", "21"), ("huitante", "80"), ("octante", "80"),
    ("mille neuf cent quatre-vingt-dix-huit", "1998"), ("deux cents", "200"),
])
def test_french_numbers_in_words_are_read_as_figures(written: str, read: str) -> None:
    assert figures_for_words(written) == read


@pytest.mark.parametrize("kept", ["quatre juges", "un juge", "dix pour cent", "les deux"])
def test_numbers_under_twenty_and_percent_words_are_left_to_the_word_lists(kept: str) -> None:
    assert figures_for_words(kept) == kept


@pytest.mark.parametrize(("asked", "read"), [
    ("around 190 million?", "  million?"), ("dans les 190 millions", "  millions"),
    ("70 millions et des", " millions"), ("190 million or so", " million"), ("environ 5%", " %"),
])
def test_a_sum_given_roughly_is_a_guess_not_a_subject(asked: str, read: str) -> None:
    assert without_guesses(asked) == read


@pytest.mark.parametrize("kept", ["about 16 weeks", "about 2026 budget", "which 4 judges", "190 million"])
def test_other_figures_stay(kept: str) -> None:
    assert without_guesses(kept) == kept


@pytest.mark.parametrize(("question", "fact"), [
    ("Les septante-quatre millions d'arriérés dont parle Opinio Juris, ça se répartit comment ?",
     "arrears-74-million-feb-2025"),
    ("Il manquait combien dans les caisses de la Cour en février 2025 ? septante millions et des, c'est ça ?",
     "arrears-74-million-feb-2025"),
    ("le budget 2026 de la cpi c'est environ cent nonante millions ?", "budget-2026-193-million"),
    ("what's the icc budget for 2026, around 190 million?", "budget-2026-193-million"),
])
def test_figures_as_members_write_them_find_the_fact(desk: Desk, question: str, fact: str) -> None:
    answer = desk.answerer.ask(question)
    assert (answer.status, answer.hits[0].fact.id) == ("answered", fact)


def test_a_figure_stated_outright_must_still_agree(desk: Desk) -> None:
    # the budget is EUR 193 million: a question that states 190 million outright is not answered as if it were
    assert desk.answerer.ask("what's the icc budget for 2026, 190 million?").status != "answered"
    assert desk.answerer.ask("Could you recommend a beginner marathon plan? I have about 16 weeks.").status \
        == "declined"


@pytest.mark.parametrize("question", [
    "how many FIDH members in Palestine got hit by the US sanctions?",
    "So how many FIDH members are sanctioned over there in Palestine?",
])
def test_an_organisations_members_are_counted_as_members(asking_desk: Desk, question: str) -> None:
    # "FIDH members": the fact counts "three of its member organisations", not a phrase "FIDH members"
    assert top(asking_desk, question) == "us-sanctions-palestinian-ngos"


def test_other_named_things_counted_keep_their_name() -> None:
    wants = intent.read("How many ICC officials were sanctioned in August?", ENGLISH)
    assert wants.focus == (ENGLISH.stem("icc"), ENGLISH.stem("officials"))


def test_neither_of_the_two_counts_nobody(desk: Desk) -> None:
    # "Aucune des deux ne nomme les responsables visés" (neither source names them) is no count of the officials
    answer = desk.answerer.ask("La Russie vise combien de responsables de la CPI avec ses mandats d'arrêt ?")
    assert (answer.status, answer.hits[0].fact.id) == ("partial", "russia-warrants-against-icc-officials")
