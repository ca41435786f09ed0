"""Finding facts by their words, for moderators curating the store: the answering engine's own pipeline (the same
stems, synonyms and typo guesses, the same FTS5 index for active facts), but returning every fact that matches,
ranked, instead of deciding whether one answers a question.

Retired facts are not in the search index (nothing retired may be an answer), so when they are asked for they are
matched on their stems here, by the same concepts; there are few of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.answering import Answerer
from bot.core.models import Fact
from bot.core.text import Concept, index_text

SEARCH_LIMIT = 15
_CANDIDATES = 200


@dataclass(frozen=True)
class Found:
    fact: Fact
    share: float  # the share of the searched words' concepts the fact holds


def _share(concepts: list[Concept], stems: set[str]) -> float:
    held = sum(1 for c in concepts if any(all(t in stems for t in alt) for alt in c.alternatives))
    return held / len(concepts) if concepts else 0.0


def _stems(fact: Fact) -> set[str]:
    return set(index_text(" ".join([fact.id.replace("-", " "), fact.title, *fact.questions, *fact.keywords,
                                    fact.text])).split())


def search_facts(answerer: Answerer, words: str, *, include_retired: bool = False,
                 limit: int = SEARCH_LIMIT) -> list[Found]:
    """Facts holding the words (an exact id comes first), most of the words first, then by bm25."""
    facts = answerer.facts
    exact = facts.get(words.strip())
    found: dict[str, Found] = {}
    if exact is not None and (include_retired or exact.status == "active"):
        found[exact.id] = Found(exact, 1.0)
    answerer._fresh()  # the synonyms and term counts of the store as it is now
    concepts, df = answerer.concepts(words)
    match = answerer.match_expression(concepts, df, max(facts.count(), 1)) if concepts else None
    if match is not None:
        rows = facts.db.query("SELECT rowid, bm25(fact_index_fts) AS rank FROM fact_index_fts "
                              "WHERE fact_index_fts MATCH ? ORDER BY rank LIMIT ?", (match, _CANDIDATES))
        by_row = facts.get_many([r[0] for r in rows])
        for row in rows:  # bm25 order: a stable sort by share below keeps it among equals
            fact = by_row.get(row[0])
            if fact is not None and fact.id not in found:
                found[fact.id] = Found(fact, _share(concepts, _stems(fact)))
    if include_retired and concepts:
        for fact in facts.list(include_retired=True):
            if fact.status != "active" and fact.id not in found:
                share = _share(concepts, _stems(fact))
                if share > 0:
                    found[fact.id] = Found(fact, share)
    ranked = sorted(found.values(), key=lambda f: (f.fact.id != (exact.id if exact else None), -f.share))
    return ranked[:limit]
