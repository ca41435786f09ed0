"""Country names as questions and facts use them: the names a reply shows, and the words that are not countries."""

from __future__ import annotations

from bot.core.countries import Country, named, named_in


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
