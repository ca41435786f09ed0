"""What someone asks states to do is answered by the fact reporting their call, not by one reporting their warning
about the same things; and "call" as naming, "wanted by the Court" or "the call" (a meeting) asks for no call
(issue: answers that hold up)."""

from __future__ import annotations

import pytest

from bot.core import holds, intent
from bot.core.desk import Desk
from tests.conftest import top


@pytest.mark.parametrize("question", [
    # "CICC warned that financial institutions and service providers might withdraw ..." shares the banks; the
    # call to action asks states to work with service providers
    "what does the coalition want governments to do about banks and service providers?",
    "coalition ask re banks and service providers?",
    "what should states do about banks and service providers, per the CICC statement?",
    "Selon la CICC, que doivent faire les États avec les banques et les prestataires de services ?",
])
def test_what_someone_wants_done_is_their_call_not_their_warning(asking_desk: Desk, question: str) -> None:
    assert top(asking_desk, question) == "cicc-call-to-action-june-2025"


@pytest.mark.parametrize("question", [
    "which countries failed to arrest people wanted by the ICC, per HRW?",
    "what does EO 14203 call itself?",
    "does CICC call the ICC a court of last resort?",
    "quick one before the call: which order were the judges sanctioned under?",
])
def test_naming_or_being_wanted_is_no_call(question: str) -> None:
    assert not intent.read(question, holds.ENGLISH).calls
    # "call on ... to adopt a ...": a call, though "a" follows as in "call the ICC a court"
    assert intent.read("does CICC call on states to adopt a blocking statute?", holds.ENGLISH).calls


@pytest.mark.parametrize(("question", "fact"), [
    # a fact reporting a call that covers too little of the question to be chosen is not put before the answer
    # (the reply would have nothing to show)
    ("LRWC says ratification is not enough - so what do they want instead?", "lrwc-words-are-not-enough"),
    ("what does HRW want the ASP to do on non-cooperation?", "non-cooperating-states-2025"),
])
def test_a_call_too_far_from_the_question_is_not_put_first(asking_desk: Desk, question: str, fact: str) -> None:
    assert top(asking_desk, question) == fact
