"""From a member's question to the curated fact(s) that answer it, or an honest "no curated fact on that yet".

Search is FTS5 bm25 over stemmed text (example questions and keywords weighted above the body). bm25 ranks
but cannot say whether the best hit answers the question at all, so each candidate also gets a coverage score:
the share of the question's concepts (weighted by rarity) that the fact mentions. A question about the weather
in The Hague shares only "Hague" with an ASP24 fact; "weather" is unknown to the store and weighs most, so the
coverage stays low and the bot declines instead of stretching an unrelated fact into an answer.
"""

from __future__ import annotations

import bisect
import math
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from bot.core.facts import FactStore
from bot.core.models import Fact, InputError, Source, Topic
from bot.core.text import Concept, Synonyms

MAX_QUESTION = 500
CANDIDATES = 12
THRESHOLD = 0.55  # coverage the chosen facts together need to count as an answer; calibrated on tests/eval/
MIN_SHARE = 0.34  # coverage each chosen fact needs on its own
MIN_GAIN = 0.2  # coverage a second or third fact must add to be shown beside the first
MIN_EVIDENCE = 0.5  # matched weight (in idf units) below which a question is too general to answer
TYPO_CREDIT = 0.75  # a word matched only as a guessed typo ("sanctoins"); the guess may be wrong ("african")
PREFIX_CREDIT = 0.85  # a word matched only through a shared stem prefix (complying ~ compliance)
BODY_WEIGHT = 0.45  # a concept found only in a fact's body text counts for this share of a title/question hit
# Terms in more facts than this are left out of the MATCH (still counted for coverage): they barely change
# the ranking but make bm25 walk long posting lists. A store under a few hundred facts keeps every term.
COMMON_SHARE = 0.05
COMMON_FLOOR = 50
BM25_MIX = 0.2  # how much bm25 (relative to the best hit) adds to coverage when ordering facts
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
    fact_id: str
    title: str
    topic: str
    strong: set[str]  # stems in title, questions and keywords
    body: set[str]  # stems in the text
    strong_sorted: list[str] = field(default_factory=list)
    body_sorted: list[str] = field(default_factory=list)
    coverage: float = 0.0
    order: float = 0.0
    credit: dict[int, float] = field(default_factory=dict)  # concept index -> weight this fact earns


def _has(term: str, stems: set[str], ordered: list[str]) -> float:
    """1 when the stem is there; PREFIX_CREDIT when a fact's stem extends it (porter leaves "complying" as
    "compli" but "compliance" as "complianc"), or extends a fact's stem by at most two letters ("canadian",
    "canada"); else 0. Never further: "internship" must not match the "intern" of "international"."""
    if term in stems:
        return 1.0
    if len(term) >= 5:
        at = bisect.bisect_left(ordered, term)  # the stems that extend `term` sort right after it
        if at < len(ordered) and ordered[at].startswith(term):
            return PREFIX_CREDIT
        if any(term[:cut] in stems for cut in (len(term) - 1, len(term) - 2) if cut >= 5):
            return PREFIX_CREDIT
    return 0.0


def _presence(concept: Concept, cand: _Candidate) -> float:
    """How strongly a fact mentions a concept: its best alternative, title/questions/keywords above body."""
    best = 0.0
    for alt in concept.alternatives:
        strong = min(_has(t, cand.strong, cand.strong_sorted) for t in alt)
        either = min(max(_has(t, cand.strong, cand.strong_sorted), _has(t, cand.body, cand.body_sorted))
                     for t in alt)
        found = max(strong, either * BODY_WEIGHT)
        best = max(best, found * TYPO_CREDIT if alt in concept.guessed else found)
    return best


class Answerer:
    def __init__(self, facts: FactStore) -> None:
        self.facts = facts
        self._generation = -1
        self.synonyms = Synonyms()
        self._topics: dict[str, Topic] = {}
        self._total = 0
        self._vocab: list[str] | None = None
        self._df: dict[str, int] = {}

    def refresh(self) -> None:
        """Reload what is cached from the store; called automatically when the store has changed."""
        self._generation = self.facts.generation
        self.synonyms = Synonyms(self.facts.synonyms())
        self._topics = {t.id: t for t in self.facts.topics()}
        row = self.facts.db.query_one("SELECT count(*) FROM fact_index")
        self._total = int(row[0]) if row else 0
        self._vocab = None
        self._df = {}

    def _fresh(self) -> None:
        if self._generation != self.facts.generation:
            self.refresh()

    def _vocabulary(self) -> list[str]:
        if self._vocab is None:
            rows = self.facts.db.query("SELECT term FROM fact_vocab WHERE term GLOB '[a-z]*'")
            self._vocab = [r[0] for r in rows]
        return self._vocab

    def _doc_freq(self, terms: set[str]) -> dict[str, int]:
        """How many facts hold each term (absent: not in the store). fts5vocab answers `term = ?` from the index
        but scans the whole vocabulary for `IN`; answers are cached until the store changes."""
        missing = sorted(t for t in terms if t not in self._df)
        if missing:
            if len(self._df) > 100_000:
                self._df.clear()
            sql = " UNION ALL ".join(["SELECT term, doc FROM fact_vocab WHERE term = ?"] * len(missing))
            found = {r[0]: int(r[1]) for r in self.facts.db.query(sql, tuple(missing))}
            for term in missing:
                self._df[term] = found.get(term, 0)
        return {t: self._df[t] for t in terms if self._df.get(t)}

    def concepts(self, question: str) -> tuple[list[Concept], dict[str, int]]:
        """The question as concepts (synonym groups it names, then its other content words, typos corrected),
        with the document frequency of every term they use."""
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
                    concept.guessed = {(match[0],)}
                    known.update(self._doc_freq({match[0]}))
        return found, known

    def ask(self, question: str, *, limit: int = 3) -> Answer:
        text = check_question(question)
        self._fresh()
        concepts, df = self.concepts(text)
        if not concepts:
            return self._decline(text, [], "I couldn't find any words to search for in that question.")
        n = max(self._total, 1)

        def concept_df(concept: Concept) -> int:
            return max(min(df.get(t, 0) for t in alt) for alt in concept.alternatives)

        def weight(concept: Concept) -> float:
            d = concept_df(concept)
            return math.log(1 + (n - d + 0.5) / (d + 0.5))  # a word the store never saw weighs most

        weights = [weight(c) for c in concepts]
        candidates = self._search(concepts, df, n)
        if not candidates:
            return self._decline(text, [], "")
        total = sum(weights) or 1.0
        for cand in candidates:
            for i, concept in enumerate(concepts):
                found = _presence(concept, cand)
                if found:
                    cand.credit[i] = weights[i] * found
            cand.coverage = sum(cand.credit.values()) / total
        best_rank = min(c.rank for c in candidates)
        for cand in candidates:
            # bm25 (negative; lower is better) breaks ties between facts that cover the question equally
            cand.order = cand.coverage + BM25_MIX * (cand.rank / best_rank if best_rank else 0)
        ranked = sorted(candidates, key=lambda c: -c.order)
        if ranked[0].coverage < MIN_SHARE:
            return self._decline(text, ranked, "")
        # Greedy: keep adding the fact that covers most of what the chosen ones leave out.
        chosen = [ranked[0]]
        credit = dict(ranked[0].credit)
        while len(chosen) < limit:
            def gain(c: _Candidate) -> float:
                return sum(max(0.0, w - credit.get(i, 0.0)) for i, w in c.credit.items()) / total

            rest = [c for c in ranked if c not in chosen and c.coverage >= MIN_SHARE]
            if not rest:
                break
            nxt = max(rest, key=gain)
            if gain(nxt) < MIN_GAIN:
                break
            chosen.append(nxt)
            for i, w in nxt.credit.items():
                credit[i] = max(credit.get(i, 0.0), w)
        confidence = sum(credit.values()) / total
        if confidence < THRESHOLD:
            return self._decline(text, ranked, "")
        if sum(credit.values()) < MIN_EVIDENCE:
            return self._decline(text, ranked, "That question is too general for one fact; try naming what you "
                                 "want to know about.")
        chosen_ids = {c.fact_id for c in chosen}
        related = [(c.fact_id, c.title) for c in ranked if c.fact_id not in chosen_ids and c.coverage >= 0.3]
        facts = self.facts.get_many([c.rowid for c in chosen])
        return Answer(
            question=text,
            answered=True,
            hits=[FactHit(facts[c.rowid], self.facts.sources_for(facts[c.rowid]), c.coverage) for c in chosen],
            related=related[:3],
            confidence=confidence,
        )

    @staticmethod
    def match_expression(concepts: list[Concept], df: dict[str, int], n: int) -> str | None:
        """The FTS5 MATCH for a question: every known alternative quoted (raw text would be FTS syntax), rare
        ones only when there are any; None when the store knows none of the question's words."""
        known = {alt for c in concepts for alt in c.alternatives if all(df.get(t, 0) for t in alt)}
        if not known:
            return None
        limit = max(COMMON_FLOOR, COMMON_SHARE * n)
        rarity = {alt: min(df[t] for t in alt) for alt in known}
        usable = [alt for alt in known if rarity[alt] <= limit] or [min(known, key=rarity.__getitem__)]
        return " OR ".join('"' + " ".join(alt) + '"' for alt in sorted(usable))

    def _search(self, concepts: list[Concept], df: dict[str, int], n: int) -> list[_Candidate]:
        match = self.match_expression(concepts, df, n)
        if match is None:
            return []
        # Raw SQL: sqlite-utils' search() cannot weigh columns in bm25, and this is the hot path.
        top = self.facts.db.query(
            "SELECT rowid, bm25(fact_index_fts, ?, ?, ?, ?) AS rank FROM fact_index_fts WHERE fact_index_fts MATCH ?"
            " ORDER BY rank LIMIT ?",
            (*BM25_WEIGHTS, match, CANDIDATES),
        )
        if not top:
            return []
        rank = {r[0]: r[1] for r in top}
        marks = ",".join("?" * len(rank))
        indexed = self.facts.db.query(
            "SELECT i.id, i.title, i.questions, i.keywords, i.text, facts.id, facts.title, facts.topic"
            f" FROM fact_index i JOIN facts ON facts.rowid = i.id WHERE i.id IN ({marks})",
            tuple(rank),
        )
        return [
            _Candidate(
                rowid=r[0],
                rank=rank[r[0]],
                fact_id=r[5],
                title=r[6],
                topic=r[7],
                strong=(strong := set(f"{r[1]} {r[2]} {r[3]}".split())),
                body=(body := set(r[4].split())),
                strong_sorted=sorted(strong),
                body_sorted=sorted(body),
            )
            for r in indexed
        ]

    def _decline(self, question: str, ranked: list[_Candidate], reason: str) -> Answer:
        seen: list[str] = []
        for cand in ranked:
            if cand.topic not in seen and cand.coverage > 0:
                seen.append(cand.topic)
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
