"""A question naming a source ("according to HRW") is answered by a fact drawn from that source alone, whether or
not its text repeats the publisher's name; a fact drawing on several publishers earns no such credit."""

from __future__ import annotations

from bot.core import named
from bot.core.desk import Desk
from bot.core.models import Source
from bot.core.text import ENGLISH
from tests.conftest import top

SOURCES = [Source("hrw-a", "Human Rights Watch (HRW)", "A", "2025-11-01", ""),
           Source("hrw-b", "Human Rights Watch (HRW)", "B", "2025-12-01", ""),
           Source("fidh-a", "FIDH (International Federation for Human Rights)", "C", "2025-12-09", "")]



def test_the_sole_publisher_of_a_facts_sources() -> None:
    names = named.by_source(SOURCES, ENGLISH)
    assert ("hrw",) in named.sole_publisher(["hrw-a", "hrw-b"], names)
    assert ("human", "right", "watch") in named.sole_publisher(["hrw-a"], names)
    assert named.sole_publisher(["hrw-a", "fidh-a"], names) == frozenset()
    assert named.sole_publisher([], names) == frozenset()


def test_a_source_named_in_the_question_is_credited_to_its_facts(asking_desk: Desk) -> None:
    # the fact is HRW's summary; its text says "Human Rights Watch" once, in its body
    question = "hrw says which country gave up its ex president to the court?"
    assert top(asking_desk, question) == "duterte-surrendered-to-icc"
