"""Questions that ask for people by a collective or plural noun ("which people", "which ICC staff", "which UN
experts") want their names: a fact that says they were designated or spoke, without naming them, is shown as
related, never as the answer; a month beside the thing asked is not a name (issue: answers that hold up, traps)."""

from __future__ import annotations

import pytest

from bot.core import intent
from bot.core.desk import Desk
from bot.core.text import ENGLISH
from tests.conftest import top


@pytest.mark.parametrize(("question", "shown", "missing"), [
    ("which people did the State Department designate on 9 July 2025?", "us-sanctions-timeline-2025", "missing_person"),
    ("Which people were designated under the 4 September 2025 release?", "us-sanctions-timeline-2025",
     "missing_person"),
    ("which ICC staff did washington designate on 20 August 2025?", "us-further-sanctions-august-2025",
     "missing_person"),
    ("Which UN experts put out the OHCHR release in february 2025?", "sanctions-violate-article-70", "missing_names"),
])
def test_people_asked_for_by_a_collective_noun_need_their_names(asking_desk: Desk, question: str, shown: str,
                                                               missing: str) -> None:
    answer = asking_desk.answerer.ask(question)
    assert (answer.status, answer.missing_key) == ("partial", missing)  # who they are, or which experts
    assert answer.hits[0].fact.id == shown


@pytest.mark.parametrize(("question", "expected"), [
    ("HRW calls the session a chance for member countries to do what?", "asp24-hrw-expectations"),
    ("hrw: asp24 a chance for what?", "asp24-hrw-expectations"),
])
def test_a_chance_is_an_opportunity(asking_desk: Desk, question: str, expected: str) -> None:
    assert top(asking_desk, question) == expected


@pytest.mark.parametrize(("question", "missing"), [
    ("qui est le coordinateur de la CCPI ? il a pris la parole à l'AEP24 ?", "missing_role_of"),
    ("Qui coordonne la CCPI, c'est qui le/la responsable qui a signé la déclaration de juin ?", "missing_role"),
])
def test_a_coordinator_asked_needs_a_name_beside_that_role(asking_desk: Desk, question: str, missing: str) -> None:
    # the Coalition's statements name no coordinator; any other name in them is no answer
    answer = asking_desk.answerer.ask(question)
    assert (answer.status, answer.missing_key) == ("partial", missing)


def test_which_specific_things_asks_for_their_names(asking_desk: Desk) -> None:
    # "specific" hedges the ask; the arrears fact says its source does not name the states
    answer = asking_desk.answerer.ask("Which specific states are among the 37 that are over a year behind on "
                                      "contributions?")
    assert (answer.status, answer.hits[0].fact.id) == ("partial", "arrears-states-lose-vote")


@pytest.mark.parametrize("question", ["Could you list everyone LRWC says the US has sanctioned since February 2025?",
                                      "pls list everyone the US has sanctioned acc to lrwc",
                                      "Could you list everyone and everything LRWC says the US has sanctioned?"])
def test_listing_everyone_asks_who_they_are(asking_desk: Desk, question: str) -> None:
    # the fact naming those sanctioned, not the order they were sanctioned under or LRWC's reading of them
    assert intent.read(question, ENGLISH).kind == "person"
    assert top(asking_desk, question) == "us-sanctions-who-is-targeted"
