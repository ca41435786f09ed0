"""A question naming a source ("according to HRW") is answered by a fact drawn from that source alone, whether or
not its text repeats the publisher's name; a fact drawing on several publishers earns no such credit."""

from __future__ import annotations

import pytest

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


def test_a_word_of_a_publishers_name_asked_alone_is_not_that_publisher(asking_desk: Desk) -> None:
    """The store holds "watch" only in "Human Rights Watch" and "Lawyers' Rights Watch Canada"."""
    assert asking_desk.answerer.ask("recommend a good series to watch this weekend").status == "declined"


@pytest.mark.parametrize(("question", "alone"), [
    ("recommend a good series to watch this weekend", {"watch"}),
    ("what does human rights watch recommend for asp24", set()),  # the whole name
    ("what did le monde report about judge guillou", set()),
])
def test_which_words_are_read_only_inside_a_name(asking_desk: Desk, question: str, alone: set[str]) -> None:
    facts = asking_desk.answerer.facts
    concepts, df = asking_desk.answerer.concepts(question)
    publishers = named.Publishers(facts.sources().values(), ENGLISH, facts.db)
    assert {concepts[i].label for i in publishers.only_in_names(concepts, df, question)} == alone


def test_the_whole_name_still_names_the_publisher(asking_desk: Desk) -> None:
    question = "which french icc judge told le monde he was blacklisted by banks"
    assert top(asking_desk, question) == "judge-guillou-banking-le-monde"
