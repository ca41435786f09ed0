"""A fact that says it does not summarise a document (Amnesty's key recommendations for ASP24, which LRWC cites; the
organs' reports Opinio Juris names) answers its title, which one it is, who cites it and why, but not what the
document says: that reply is partial."""

from __future__ import annotations

import pytest

from bot.core.desk import Desk

_AMNESTY = "civil-society-recommendations-assembly"
_REPORTS = "asp24-general-debate-and-reports"  # names the organs' reports to ASP24, without summarising them


@pytest.mark.parametrize(("question", "fact", "missing"), [
    ("what did amnesty actually recommend to the assembly, in short?", _AMNESTY, "what Amnesty's recommendations say"),
    ("amnesty's key recs for the asp - what's in them", _AMNESTY, "what Amnesty's recommendations say"),
    ("les recos d'Amnesty pour l'AEP, ça dit quoi ?", _AMNESTY, "ce que disent les recommandations d'Amnesty"),
    ("what did the icc bar association report to asp24?", _REPORTS, "what those reports say"),
    ("Did the ICC Bar Association present a report at ASP24 and what was in it?", _REPORTS, "what those reports say"),
    ("What did the Board of the Trust Fund for Victims report to ASP24?", _REPORTS, "what those reports say"),
    ("Le rapport du Greffier à l'AEP24, il dit quoi ?", _REPORTS, "ce que disent ces rapports"),
])
def test_what_an_unsummarised_document_says_is_partial(asking_desk: Desk, question: str, fact: str,
                                                       missing: str) -> None:
    answer = asking_desk.answerer.ask(question)
    assert (answer.status, answer.hits[0].fact.id) == ("partial", fact)
    assert answer.missing == missing


@pytest.mark.parametrize(("question", "fact"), [
    ("what's the title of the amnesty recommendations lrwc relies on", _AMNESTY),
    ("What does LRWC cite Amnesty's key recommendations for?", _AMNESTY),
    ("Amnesty a fait des recommandations pour l'AEP24 ?", _AMNESTY),
    # "which reports" asks for the reports themselves, which the fact names
    ("Which organ reports does Jimenez say states should listen to carefully at the session?", _REPORTS),
    ("Quels rapports les États doivent-ils écouter à l'AEP24 ?", _REPORTS),
])
def test_its_title_which_one_and_why_it_is_cited_are_still_answered(asking_desk: Desk, question: str,
                                                                     fact: str) -> None:
    answer = asking_desk.answerer.ask(question)
    assert (answer.status, answer.hits[0].fact.id) == ("answered", fact)
