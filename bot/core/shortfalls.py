"""What the best fact lacks of what a question names or asks beyond the kind of detail it wants: a country or
source it never names, a turn of events it does not report (held, settled, done, litigated, heard, listed, voiced,
answered, sentenced), a membership it does not state, an act of another body, a source's own figure, a count that
differs from the one the question gives, a summary or a writer it does not name. When one is found the answerer
gives the fact as a partial reply and says what is missing; each check lives with what it reads, and this is their
order (the first found is the one the reply names)."""

from __future__ import annotations

from collections.abc import Mapping

from bot.core import doers, figures, membership, named, summaries, turns, writers
from bot.core.bodies import Body, OtherBodies
from bot.core.intent import Wants
from bot.core.matching import Candidate
from bot.core.text import Concept, Pipeline

Shortfall = tuple[str, dict[str, str]]  # a bot.core.messages key and its values


def first(wants: Wants, concepts: list[Concept], df: Mapping[str, int], n: int, best: Candidate, text: str, *,
          publishers: frozenset[tuple[str, ...]], language: Pipeline, bodies: OtherBodies,
          other: Body | None) -> Shortfall | None:
    """The first thing `best` lacks of what the question `text` names or asks, or None when it lacks none."""
    return ((wants.beyond, {}) if wants.beyond else None) \
        or named.unnamed(concepts, df, n, best.credit, publishers, language, question=text, fact=best.raw) \
        or turns.unheld(wants, concepts, best.credit, best.raw, text, language.lang) \
        or turns.unsettled(wants, best.raw, text) \
        or doers.undone(concepts, best.credit, text, language.lang) \
        or turns.unlitigated(text, best.raw) \
        or turns.unheard(text, best.raw) \
        or turns.unlisted(text, best.raw) \
        or turns.unvoiced(text, best.raw) \
        or turns.unanswered(text, best.raw) \
        or turns.unsentenced(text, best.raw) \
        or membership.unstated(text, best.title, best.text, language.lang) \
        or bodies.idle(other, text, best.raw) \
        or named.unattributed(wants, concepts, df, n, best.text, publishers, language) \
        or figures.count_differs(text, best.raw, language) \
        or summaries.unsummarised(wants, text, best.raw, language) \
        or writers.unwritten(text, best.raw)
