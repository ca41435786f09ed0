"""The effects of the sanctions, asked as members ask about them: why sanctions on a few judges reach the whole
Court, what they cut off access to, who else suffers the fallout. The curated fact says so in the words of its
sources (CICC's "severely hindering the Court's operations", "the fallout will extend far beyond the Court")."""

from __future__ import annotations

import pytest

from bot.core import intent, outcomes
from bot.core.desk import Desk
from bot.core.text import ENGLISH
from bot.core.text_fr import FRENCH
from tests.conftest import top


@pytest.mark.parametrize("question", [
    "why would sanctions on a few judges mess up the whole court? banks?",
    "hrw says us sanctions cut off access to what",
    "besides the court itself, who could get hit by the fallout of the judge sanctions according to the coalition",
])
def test_the_effects_of_the_sanctions(asking_desk: Desk, question: str) -> None:
    assert top(asking_desk, question) == "sanctions-effects-banking-services"


@pytest.mark.parametrize("question", [
    "how have the us sanctions actually hit people acc to hrw",
    "what have the US sanctions actually done to icc officials and the orgs supporting them, according to HRW",
    "Concrètement, les sanctions US font quoi aux personnes et organisations visées selon HRW ?",
    "Selon HRW, en quoi les sanctions US ont-elles concrètement gêné les responsables de la CPI et les ONG ?",
])
def test_what_the_sanctions_did_is_not_whom_they_targeted(asking_desk: Desk, question: str) -> None:
    # the fact on whom the US sanctioned shares every word, but says nothing of what the sanctions did to them
    assert intent.read(question, FRENCH if "sanctions US" in question else ENGLISH).kind == "effect"
    assert top(asking_desk, question) == "sanctions-effects-banking-services"


def test_whom_the_sanctions_hit_is_still_who_was_targeted(asking_desk: Desk) -> None:
    assert top(asking_desk, "who did the US sanctions hit?") == "us-sanctions-who-is-targeted"
    # what a fact must say to tell what a measure did: not whom it targeted
    assert not outcomes.reports_effect("since february 2025 the us has sanctioned the icc prosecutor and judges")
    assert outcomes.reports_effect("the sanctions have restricted access to banking services")
