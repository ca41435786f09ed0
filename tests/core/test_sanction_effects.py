"""The effects of the sanctions, asked as members ask about them: why sanctions on a few judges reach the whole
Court, what they cut off access to, who else suffers the fallout. The curated fact says so in the words of its
sources (CICC's "severely hindering the Court's operations", "the fallout will extend far beyond the Court")."""

from __future__ import annotations

import pytest

from bot.core.desk import Desk
from tests.conftest import top


@pytest.mark.parametrize("question", [
    "why would sanctions on a few judges mess up the whole court? banks?",
    "hrw says us sanctions cut off access to what",
    "besides the court itself, who could get hit by the fallout of the judge sanctions according to the coalition",
])
def test_the_effects_of_the_sanctions(asking_desk: Desk, question: str) -> None:
    assert top(asking_desk, question) == "sanctions-effects-banking-services"
