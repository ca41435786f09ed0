"""From a member's question to the curated fact(s) that answer it, or an honest "no curated fact on that yet".

Search is FTS5 bm25 over stemmed text (example questions and keywords weighted above the body). bm25 ranks
but cannot say whether the best hit answers the question at all, so each candidate also gets a coverage score:
the share of the question's concepts (weighted by rarity) that the fact mentions. A question about the weather
in The Hague shares only "Hague" with an ASP24 fact; "weather" is unknown to the store and weighs most, so the
coverage stays low and the bot declines instead of stretching an unrelated fact into an answer.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from bot.facts import FactStore
from bot.models import Fact, InputError, Source, Topic
from bot.text import Concept, Synonyms

MAX_QUESTION = 500
CANDIDATES = 12
THRESHOLD = 0.6  # coverage a best fact needs to count as an answer; calibrated on tests/eval/questions.yaml
BODY_WEIGHT = 0.55  # a concept found only in a fact's body text counts for this share of a title/question hit
COMMON_SHARE = 0.5  # terms in more than this share of facts are left out of the MATCH (they only slow bm25)
BM25_WEIGHTS = (4.0, 6.0, 6.0, 1.0)  # title, questions, keywords, text


@dataclass
class FactHit:
    fact: Fact
    sources: list[Source]
    score: float


@dataclass
class Answer:
    question: str
    answered: bool
    hits: list[FactHit] = field(default_factory=list)
    related: list[tuple[str, str]] = field(default_factory=list)  # (fact id, title)
    suggestions: list[Topic] = field(default_factory=list)
    confidence: float = 0.0
    reason: str = ""  # why nothing was answered, in words a member understands

    def to_json(self, text: str) -> dict[str, Any]:
        return {
            "question": self.question,
            "answered": self.answered,
            "answer": text,
            "facts": [
                {
                    "id": h.fact.id,
                    "text": h.fact.text,
                    "sources": [
                        {"publisher": s.publisher, "title": s.title, "date": s.date, "url": s.url} for s in h.sources
                    ],
                    "as_of": h.fact.as_of,
                    "score": round(h.score, 3),
                }
                for h in self.hits
            ],
            "suggestions": [t.name for t in self.suggestions],
        }


def check_question(question: str) -> str:
    """The question cleaned up, or InputError for input that is no question at all."""
    if not isinstance(question, str):
        raise InputError("a question must be text")
    if len(question) > MAX_QUESTION:
        raise InputError(f"that question is {len(question):,} characters; please keep it under {MAX_QUESTION}")
    if any(unicodedata.category(ch) == "Cc" and ch not in "\t\n\r" for ch in question):
        raise InputError("that question contains control characters; please type it as plain text")
    text = " ".join(question.split())
    if not text:
        raise InputError("ask a question in words, for example: what did ASP24 say about sanctions?")
    return text


@dataclass
class _Candidate:
    rowid: int
    rank: float
    fact: Fact
    strong: set[str]  # stems in title, questions and keywords
    body: set[str]  # stems in the text
    coverage: float = 0.0
    order: float = 0.0
    covered: set[int] = field(default_factory=set)


class Answerer:
    def __init__(self, facts: FactStore) -> None:
        self.facts = facts
        self._generation = -1
        self.synonyms = Synonyms()
        self._topics: dict[str, Topic] = {}
        self._total = 0
        self._vocab: list[str] | None = None

    def refresh(self) -> None:
        """Reload what is cached from the store; called automatically when the store has changed."""
        self._generation = self.facts.generation
        self.synonyms = Synonyms(self.facts.synonyms())
        self._topics = {t.id: t for t in self.facts.topics()}
        row = self.facts.db.query_one("SELECT count(*) FROM facts_fts")
        self._total = int(row[0]) if row else 0
        self._vocab = None

    def _fresh(self) -> None:
        if self._generation != self.facts.generation:
            self.refresh()

    def _vocabulary(self) -> list[str]:
        if self._vocab is None:
            rows = self.facts.db.query("SELECT term FROM facts_vocab WHERE term GLOB '[a-z]*'")
            self._vocab = [r[0] for r in rows]
        return self._vocab

    def _doc_freq(self, terms: set[str]) -> dict[str, int]:
        if not terms:
            return {}
        marks = ",".join("?" * len(terms))
        rows = self.facts.db.query(f"SELECT term, doc FROM facts_vocab WHERE term IN ({marks})", tuple(terms))
        return {r[0]: int(r[1]) for r in rows}

    def concepts(self, question: str) -> list[Concept]:
        """The question as concepts: synonym groups it names, then its other content words (typos corrected)."""
        found, rest = self.synonyms.concepts(question)
        seen = {alt for c in found for alt in c.alternatives}
        for term in rest:
            if (term,) not in seen:
                seen.add((term,))
                found.append(Concept(term, [(term,)]))
        known = self._doc_freq({t for c in found for t in c.terms()})
        for concept in found:
            term = concept.alternatives[0][0]
            if len(concept.alternatives) == 1 and len(term) >= 4 and term.isalpha() and term not in known:
                match = process.extractOne(term, self._vocabulary(), scorer=fuzz.ratio, score_cutoff=80)
                if match:
                    concept.alternatives.append((match[0],))
        return found

    def ask(self, question: str, *, limit: int = 3) -> Answer:
        text = check_question(question)
        self._fresh()
        concepts = self.concepts(text)
        if not concepts:
            return self._decline(text, [], "I couldn't find any words to search for in that question.")
        df = self._doc_freq({t for c in concepts for t in c.terms()})
        n = max(self._total, 1)

        def concept_df(concept: Concept) -> int:
            return max(min(df.get(t, 0) for t in alt) for alt in concept.alternatives)

        weights = [math.log(1 + (n - concept_df(c) + 0.5) / (concept_df(c) + 0.5)) for c in concepts]
        candidates = self._search(concepts, df, n)
        if not candidates:
            return self._decline(text, [], "")
        total = sum(weights)
        for cand in candidates:
            got = 0.0
            for i, concept in enumerate(concepts):
                if any(all(t in cand.strong for t in alt) for alt in concept.alternatives):
                    got += weights[i]
                    cand.covered.add(i)
                elif any(all(t in cand.strong or t in cand.body for t in alt) for alt in concept.alternatives):
                    got += weights[i] * BODY_WEIGHT
                    cand.covered.add(i)
            cand.coverage = got / total if total else 0.0
        best_rank = min(c.rank for c in candidates)
        for cand in candidates:
            # bm25 (negative; lower is better) breaks ties between facts that cover the question equally
            cand.order = cand.coverage + 0.1 * (cand.rank / best_rank if best_rank else 0)
        ranked = sorted(candidates, key=lambda c: -c.order)
        best = ranked[0]
        if best.coverage < THRESHOLD:
            return self._decline(text, ranked, "")
        chosen = [best]
        covered = set(best.covered)
        for cand in ranked[1:]:
            if len(chosen) >= limit:
                break
            new = cand.covered - covered
            if cand.coverage >= THRESHOLD and any(weights[i] >= 1.0 for i in new):
                chosen.append(cand)
                covered |= cand.covered
        chosen_ids = {c.fact.id for c in chosen}
        related = [(c.fact.id, c.fact.title) for c in ranked if c.fact.id not in chosen_ids and c.coverage >= 0.3]
        return Answer(
            question=text,
            answered=True,
            hits=[FactHit(c.fact, self.facts.sources_for(c.fact), c.coverage) for c in chosen],
            related=related[:3],
            confidence=best.coverage,
        )

    def _search(self, concepts: list[Concept], df: dict[str, int], n: int) -> list[_Candidate]:
        alternatives = {alt for c in concepts for alt in c.alternatives}
        rare = {alt for alt in alternatives if min(df.get(t, 0) for t in alt) <= COMMON_SHARE * n}
        usable = [alt for alt in (rare or alternatives) if all(df.get(t, 0) for t in alt)]
        if not usable:
            return []
        match = " OR ".join('"' + " ".join(alt) + '"' for alt in sorted(usable))
        rows = self.facts.db.query(
            "SELECT facts_fts.rowid AS rid, bm25(facts_fts, ?, ?, ?, ?) AS rank, facts_fts.title AS st,"
            " facts_fts.questions AS sq, facts_fts.keywords AS sk, facts_fts.text AS sx"
            " FROM facts_fts JOIN facts ON facts.rowid = facts_fts.rowid"
            " WHERE facts_fts MATCH ? AND facts.status = 'active' ORDER BY rank LIMIT ?",
            (*BM25_WEIGHTS, match, CANDIDATES),
        )
        facts = self.facts.get_many([r["rid"] for r in rows])
        return [
            _Candidate(
                rowid=r["rid"],
                rank=r["rank"],
                fact=facts[r["rid"]],
                strong=set(f"{r['st']} {r['sq']} {r['sk']}".split()),
                body=set(r["sx"].split()),
            )
            for r in rows
            if r["rid"] in facts
        ]

    def _decline(self, question: str, ranked: list[_Candidate], reason: str) -> Answer:
        seen: list[str] = []
        for cand in ranked:
            if cand.fact.topic not in seen and cand.coverage > 0:
                seen.append(cand.fact.topic)
        topics = [self._topics[t] for t in seen if t in self._topics][:3]
        if not topics:
            topics = list(self._topics.values())
        return Answer(
            question=question,
            answered=False,
            suggestions=topics,
            confidence=ranked[0].coverage if ranked else 0.0,
            reason=reason,
        )
