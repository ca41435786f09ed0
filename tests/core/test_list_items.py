"""A fact that lists several asks (CICC's call to action: condemn the sanctions; adopt blocking statutes; cooperate
fully; protect human rights defenders; urge the US to halt its measures) shares every word of a question about one
of them. The fact about that one ask answers it: "what does CICC ask states to do for human rights defenders" is
the defenders' fact. A question about the list, asked after or beside its context, keeps the list."""

from __future__ import annotations

import pytest

from bot.core.desk import Desk
from bot.core.errands import without_errand
from tests.conftest import top

_LIST = "cicc-call-to-action-june-2025"
_DEFENDERS = "protecting-human-rights-defenders"
_COOPERATION = "cicc-cooperation-asks-june-2025"
_US = "cicc-calls-on-us-to-join"
_BLOCKING = "blocking-statute-calls"


@pytest.mark.parametrize(("question", "fact"), [
    ("what does cicc ask govts to do for human rights defenders", _DEFENDERS),
    ("wrt human rights defenders, what does CICC want states to do after the judge sanctions?", _DEFENDERS),
    ("wrt les défenseurs des droits humains, la CICC demande quoi aux États ?", _DEFENDERS),
    ("coalition recs on cooperation w the court - what specifically?", _COOPERATION),
    ("What cooperation steps did CICC want from states parties after the judges were sanctioned?", _COOPERATION),
    ("besides asking the us to stop the sanctions, what else does cicc ask washington to do?", _US),
    ("What exactly did the Coalition ask of the United States after the judges were sanctioned?", _US),
    ("Dans son communiqué de juin, que demande la Coalition aux États-Unis ?", _US),
    ("cicc recommendation on blocking statutes?", _BLOCKING),
])
def test_one_ask_of_the_list_is_answered_by_its_own_fact(asking_desk: Desk, question: str, fact: str) -> None:
    answer = asking_desk.answerer.ask(question)
    assert (answer.status, answer.hits[0].fact.id) == ("answered", fact)


@pytest.mark.parametrize("question", [
    "What did the Coalition ask states to do after the judges were sanctioned?",
    # the US named only in when the list came: "after the US sanctioned the judges", "the US sanctions"
    "What exactly did the CICC ask States Parties to do after the US sanctioned the four judges?",
    "I'm preparing a short briefing for our national coalition on the CICC's response to the US sanctions on judges. "
    "Could you set out everything the Coalition is asking States Parties to do?",
    # the whole list asked for
    "what exactly is the CICC asking states parties to do about the us sanctions? list pls",
    # one ask set aside: the rest of the list is what is asked
    "apart from cooperation, what does the CICC want states to say publicly about the sanctions on the judges?",
    # the list's own words, which no other fact details
    "what does the coalition want states to do with service providers",
])
def test_the_list_itself_is_still_answered(asking_desk: Desk, question: str) -> None:
    answer = asking_desk.answerer.ask(question)
    assert (answer.status, answer.hits[0].fact.id) == ("answered", _LIST)


def test_another_publishers_list_keeps_its_own_ask(asking_desk: Desk) -> None:
    """FIDH's asks name arrest warrants too; CICC's cooperation asks are not FIDH's."""
    answer = asking_desk.answerer.ask("fidh position on arrest warrants - any exceptions for nationality?")
    assert (answer.status, answer.hits[0].fact.id) == ("answered", "fidh-asks-at-asp24")


@pytest.mark.parametrize(("message", "searched"), [
    ("Pouvez-vous rappeler les mesures ? Merci d'avance.", "Pouvez-vous rappeler les mesures ?"),
    ("who chairs ASP24? thanks!", "who chairs ASP24?"),
    ("thanks", "thanks"),
    ("Merci beaucoup. Qui préside ?", "Merci beaucoup. Qui préside ?"),
])
def test_a_closing_thanks_is_no_part_of_the_question(message: str, searched: str) -> None:
    assert without_errand(message) == searched


@pytest.mark.parametrize(("question", "fact"), [
    ("what did the survivors ask for at FIDH's side events?", "survivors-messages-asp24"),
    ("les survivants ont demandé quoi lors des side events de la FIDH à l'AEP24 ?", "survivors-messages-asp24"),
    ("workplace culture at the court: what is needed according to the FIDH side event?",
     "workplace-culture-at-the-court"),
    ("which side events did FIDH co-sponsor at ASP24?", "asp24-fidh-side-events"),
])
def test_one_side_event_asked_is_answered_by_its_own_fact(asking_desk: Desk, question: str, fact: str) -> None:
    # the side-events fact lists the events; what was said at one of them is in that one's own fact
    assert top(asking_desk, question) == fact
