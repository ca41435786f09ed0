""""Which EU member states have done X" asks for members of the Union: a fact that names only the United States
(as the sanctioner) does not say which of them did it."""

from __future__ import annotations

import pytest

from bot.core import countries, intent
from bot.core.desk import Desk


def test_member_states_of_the_union() -> None:
    assert countries.named("Hungary").in_eu and countries.named("l'Italie").in_eu
    assert not countries.named("United States").in_eu and not countries.named("Tajikistan").in_eu


@pytest.mark.parametrize("question", [
    "Which EU member states have blocked the US sanctions with their own national laws so far?",
    "which eu countries have actually used the blocking statute for the icc yet",
])
def test_which_eu_states_is_not_answered_by_the_sanctioner(asking_desk: Desk, question: str) -> None:
    assert intent.read(question).kind == "names"
    answer = asking_desk.answerer.ask(question)
    assert (answer.status, answer.missing_key) == ("partial", "missing_names")
