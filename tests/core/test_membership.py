"""Whether a state is a State Party is answered only by a fact that says so of it: a fact naming the state for
something else (Russia's warrants over the Situation of Ukraine, the Philippines' surrender of Duterte) is shown as
related, with what it does not say."""

from __future__ import annotations

import pytest

from bot.core import membership
from bot.core.desk import Desk


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    desk = Desk.open(tmp_path_factory.mktemp("membership") / "membership.db")
    yield desk
    desk.close()


@pytest.mark.parametrize("question", ["has Ukraine ratified the Rome Statute yet?",
                                      "is ukraine an ICC state party these days",
                                      "L'Ukraine est-elle aujourd'hui État partie à la CPI ?"])
def test_a_state_named_for_something_else_is_not_said_to_be_a_state_party(desk: Desk, question: str) -> None:
    answer = desk.answerer.ask(question)
    assert answer.status != "answered"
    if answer.status == "partial":
        assert answer.missing_key == "missing_membership" and "Ukraine" in answer.missing


@pytest.mark.parametrize(("question", "fact"), [
    ("Is Burkina Faso still one of the States Parties?", "withdrawals-four-states-2026"),
    ("is the US even a member of the ICC?", "cicc-calls-on-us-to-join"),
])
def test_a_fact_naming_the_state_beside_its_membership_answers(desk: Desk, question: str, fact: str) -> None:
    answer = desk.answerer.ask(question)
    assert (answer.status, answer.hits[0].fact.id) == ("answered", fact)


def test_membership_is_read_near_the_state_not_anywhere_in_the_fact() -> None:
    fact = ("LRWC condemns Russia's arrest warrants against ICC officials as reprisals for the Court's investigation "
            "in the Situation of Ukraine, citing the speech of ICC Registrar Osvaldo Zavala Giler to the 23rd "
            "session of the Assembly in The Hague on 4 December 2024, and calls on States Parties to denounce them.")
    title = "Russian prosecutions and arrest warrants against ICC officials"
    assert membership.unstated("Is Ukraine a State Party?", title, fact, "en") == (
        "missing_membership", {"name": "Ukraine"})
    assert membership.unstated("What does LRWC say about Ukraine?", title, fact, "en") is None  # not asked
    leaving = "Opinio Juris reports Hungary is preparing to withdraw from the Rome Statute, with Mali and Niger."
    assert membership.unstated("Is Niger still a state party?", "Withdrawals", leaving, "en") is None
