"""What a question asks without its usual question words: a sum in a currency ("the budget in US dollars"), whose
words behind a long name and a hedge ("what did Spain's foreign ministry actually say"), an address."""

from __future__ import annotations

import pytest

from bot.core import intent
from bot.core.desk import Desk


@pytest.mark.parametrize(("question", "missing"), [
    # the budget fact gives euros only
    ("and the ICC's 2026 budget in US dollars?", "missing_currency"),
    # the reactions' fact lists the Dutch ministry among those who reacted, but quotes none of them
    ("what did the Netherlands' foreign affairs ministry actually say about the judges' sanctions?", "missing_said"),
    ("what is the street address of LRWC?", "missing_contact"),
])
def test_asked_in_passing(asking_desk: Desk, question: str, missing: str) -> None:
    answer = asking_desk.answerer.ask(question)
    assert (answer.status, answer.missing_key) == ("partial", missing)


def test_an_address_is_contact_details() -> None:
    assert intent.read("do you have FIDH's office address?").kind == "contact"


def test_a_sum_in_the_facts_currency_is_answered(asking_desk: Desk) -> None:
    assert asking_desk.answerer.ask("the 2026 ICC budget in euros?").hits[0].fact.id == "budget-2026-193-million"
