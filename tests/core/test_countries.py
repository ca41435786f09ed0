"""Country names as questions and facts use them: the names a reply shows, and the words that are not countries."""

from __future__ import annotations

import pytest

from bot.core.countries import Country, named, named_in
from bot.core.desk import Desk


def test_a_question_names_a_country_in_english_or_french() -> None:
    assert named("germany") == named("l'Allemagne") == Country("Germany", "Allemagne", in_eu=True)
    assert named("la Hongrie").name("fr") == "Hongrie" and named("la Hongrie").name("en") == "Hungary"
    assert named("Russia").en == "Russia" and named("Russian Federation").en == "Russia"  # shown as members say it
    assert named("us") is None and named("sanctions") is None  # "us" is a word; codes are not names


def test_a_fact_names_countries_but_not_in_lower_case_us() -> None:
    found = {c.en for c in named_in("HRW says Italy, Hungary and Tajikistan failed to arrest suspects.")}
    assert found == {"Italy", "Hungary", "Tajikistan"}
    assert {c.en for c in named_in("the US has decided; les Pays-Bas")} == {"United States", "Netherlands"}
    assert named_in("tell us what the court needs") == set()


@pytest.mark.parametrize(("question", "name"), [
    ("Did the United Kingdom sanction four ICC judges in June 2025?", "United Kingdom"),
    ("Le Royaume-Uni a-t-il réagi publiquement aux sanctions contre les juges en juin ?", "Royaume-Uni"),
    ("La Côte d'Ivoire a-t-elle publiquement condamné les sanctions du 5 juin contre les juges ?", "Côte d'Ivoire"),
])
def test_a_country_of_several_words_is_checked_too(asking_desk: Desk, question: str, name: str) -> None:
    answer = asking_desk.answerer.ask(question)
    assert (answer.status, answer.missing_key, answer.missing_values) == ("partial", "missing_country", {"name": name})


def test_a_country_s_words_apart_in_a_fact_do_not_name_it(asking_desk: Desk) -> None:
    # the omnibus fact holds "United Nations" and "statements", not "the United States"
    answer = asking_desk.answerer.ask("so the omnibus text, does it single out the united states?")
    assert (answer.status, answer.hits[0].fact.id) == ("partial", "asp24-omnibus-condemns-sanctions")
    assert answer.missing_values == {"name": "United States"}


def test_a_country_in_an_organisation_s_name_is_not_asked_about(asking_desk: Desk) -> None:
    answer = asking_desk.answerer.ask("Who exactly has the US sanctioned, according to Lawyers Rights Watch Canada?")
    assert answer.status == "answered"
