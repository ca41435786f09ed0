"""A fact that says it does not summarise a document (Amnesty's key recommendations for ASP24, which LRWC cites)
answers its title, who cites it and why, but not what the document says: that reply is partial."""

from __future__ import annotations

import pytest

from bot.core.desk import Desk


@pytest.mark.parametrize(("question", "missing"), [
    ("what did amnesty actually recommend to the assembly, in short?", "what Amnesty's recommendations say"),
    ("amnesty's key recs for the asp - what's in them", "what Amnesty's recommendations say"),
    ("les recos d'Amnesty pour l'AEP, ça dit quoi ?", "ce que disent les recommandations d'Amnesty"),
])
def test_what_an_unsummarised_document_says_is_partial(asking_desk: Desk, question: str, missing: str) -> None:
    answer = asking_desk.answerer.ask(question)
    assert (answer.status, answer.hits[0].fact.id) == ("partial", "civil-society-recommendations-assembly")
    assert answer.missing == missing


@pytest.mark.parametrize("question", [
    "what's the title of the amnesty recommendations lrwc relies on",
    "What does LRWC cite Amnesty's key recommendations for?",
    "Amnesty a fait des recommandations pour l'AEP24 ?",
])
def test_its_title_and_why_it_is_cited_are_still_answered(asking_desk: Desk, question: str) -> None:
    answer = asking_desk.answerer.ask(question)
    assert (answer.status, answer.hits[0].fact.id) == ("answered", "civil-society-recommendations-assembly")


@pytest.mark.parametrize(("question", "missing"), [
    ("what did the icc bar association report to asp24?", "what those reports say"),
    ("Did the ICC Bar Association present a report at ASP24 and what was in it?", "what those reports say"),
    ("What did the Board of the Trust Fund for Victims report to ASP24?", "what those reports say"),
    ("Le rapport du Greffier à l'AEP24, il dit quoi ?", "ce que disent ces rapports"),
])
def test_what_the_organs_reported_is_not_in_a_fact_that_only_names_their_reports(asking_desk: Desk, question: str,
                                                                               missing: str) -> None:
    answer = asking_desk.answerer.ask(question)
    assert (answer.status, answer.hits[0].fact.id) == ("partial", "asp24-general-debate-and-reports")
    assert answer.missing == missing


@pytest.mark.parametrize("question", [
    "Which organ reports does Jimenez say states should listen to carefully at the session?",
    "Quels rapports les États doivent-ils écouter à l'AEP24 ?",
])
def test_which_reports_are_named_is_still_answered(asking_desk: Desk, question: str) -> None:
    # "which reports" asks for the reports themselves, which the fact names
    answer = asking_desk.answerer.ask(question)
    assert (answer.status, answer.hits[0].fact.id) == ("answered", "asp24-general-debate-and-reports")
