"""Where a member read something is not what they ask: "quoted in the LRWC footnotes", "the HRW director they quote"
weigh as the document words do ("statement", "footnotes"). And a date beside "Le Monde published" is the article's,
not the date a judge was put on the sanctions list; only "put out" asks when something came out."""

from __future__ import annotations

import pytest

from bot.core.desk import Desk
from tests.conftest import top


def test_the_words_of_citing_do_not_outweigh_the_subject(asking_desk: Desk) -> None:
    assert top(asking_desk, "the lrwc footnotes quote an icc registrar, who was he") == \
        "russia-warrants-against-icc-officials"
    assert top(asking_desk, "name of the ICC registrar that LRWC cites?") == "russia-warrants-against-icc-officials"
    assert top(asking_desk, "which HRW director gets quoted about the assembly") == "asp24-hrw-expectations"


@pytest.mark.parametrize("question", [
    "what day was judge Nicolas Guillou put on the US list",
    "when did guillou get put under the sanctions exactly",
])
def test_put_on_a_list_is_not_put_out(asking_desk: Desk, question: str) -> None:
    """The fact dates the Le Monde article (19 November 2025), not the designation."""
    assert asking_desk.answerer.ask(question).status != "answered"


def test_put_out_still_asks_when_a_piece_came_out(asking_desk: Desk) -> None:
    assert top(asking_desk, "when did Le Monde put out its piece on judge Guillou") == "judge-guillou-banking-le-monde"
