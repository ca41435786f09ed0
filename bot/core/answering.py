"""From a member's question to the curated fact(s) that answer it, or an honest "no curated fact on that yet".

Search is FTS5 bm25 over stemmed text (example questions and keywords weighted above the body). bm25 ranks
but cannot say whether the best hit answers the question at all, so each candidate also gets a coverage score:
the share of the question's concepts (weighted by rarity) that the fact mentions. A question about the weather
in The Hague shares only "Hague" with an ASP24 fact; "weather" is unknown to the store and weighs most, so the
coverage stays low and the bot declines instead of stretching an unrelated fact into an answer.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

from bot.core import fact_dates, holds, intent, list_items, named, shortfalls
from bot.core.bodies import OtherBodies
from bot.core.candidate_rows import CandidateRows
from bot.core.errands import without_errand
from bot.core.facts import FactStore
from bot.core.language import detect, pipeline, reply_language
from bot.core.lexicon import correction
from bot.core.matching import AlternativeSets, Candidate, concept_weights, own_terms, phrase_pairs
from bot.core.messages import say
from bot.core.models import Fact, InputError, Source, Topic
from bot.core.outcomes import call_first
from bot.core.set_aside import Aside, unmarked
from bot.core.text import ENGLISH, Concept, Pipeline, Synonyms
from bot.core.vocabulary import Vocabulary

MAX_QUESTION = 500
CANDIDATES = 12
THRESHOLD = 0.55  # coverage the chosen facts together need to count as an answer; calibrated on tests/eval/
MIN_SHARE = 0.65  # coverage each chosen fact needs on its own
MIN_GAIN = 0.2  # coverage a second or third fact must add to be shown beside the first
HOLDER_SHARE = 0.75  # a fact holding the asked detail may replace the best one if it covers this share of it
MIN_EVIDENCE = 0.5  # matched weight (in idf units) below which a question is too general to answer
# Terms in more facts than this are left out of the MATCH (still counted for coverage): they barely change
# the ranking but make bm25 walk long posting lists. A store under a few hundred facts keeps every term.
MATCH_TERMS = 16  # at most this many (the rarest) in the MATCH of a long question; coverage still counts all
COMMON_SHARE = 0.05
COMMON_FLOOR = 50
TITLE_MIX = 0.5  # how much naming the question's words in its title (what a fact is about) adds to the order
EXAMPLE_MIX = 0.25  # how much the closest example question (asked the way this one is) adds to the order
MAX_GUESSES = 8  # typo guesses per question
MAX_MISSES = 4  # guesses that found no word of the store, after which the rest are not typos either
KIND_MIX = 0.25  # what a fact whose title asks the question's kind ("Why civil society matters ...") adds
BM25_MIX = 0.4  # how much bm25 (relative to the best hit) adds to coverage when ordering facts
BM25_WEIGHTS = (8.0, 6.0, 6.0, 1.0)  # title, questions, keywords, text


@dataclass
class FactHit:
    fact: Fact
    sources: list[Source]
    score: float


ANSWERED, PARTIAL, DECLINED = "answered", "partial", "declined"


@dataclass
class Answer:
    """`status` is answered, partial (related facts shown, but none holds what was asked: `missing` says what)
    or declined; `answered` is True only when answered."""

    question: str
    answered: bool
    hits: list[FactHit] = field(default_factory=list)
    related: list[tuple[str, str]] = field(default_factory=list)  # (fact id, title)
    suggestions: list[Topic] = field(default_factory=list)
    confidence: float = 0.0
    reason: str = ""  # why nothing was answered, in words a member understands (in the answer's language)
    reason_key: str = ""  # that reason as a messages.CATALOG key ("" for plain "no curated fact"), with its values
    reason_values: dict[str, str] = field(default_factory=dict)
    status: str = ""
    missing: str = ""  # for a partial reply: what was asked that the facts do not hold ("which banks")
    missing_key: str = ""  # that as a messages.CATALOG key, with its values, worded in the reply's language
    missing_values: dict[str, str] = field(default_factory=dict)
    lang: str = "en"  # the language of the question, and of the reply

    def __post_init__(self) -> None:
        if not self.status:
            self.status = ANSWERED if self.answered else DECLINED

    def to_json(self, text: str) -> dict[str, Any]:
        return {
            "question": self.question, "lang": self.lang, "status": self.status, "answered": self.answered,
            "missing": self.missing, "answer": text,
            "facts": [
                {
                    "id": h.fact.id,
                    "text": h.fact.text_fr if self.lang == "fr" and h.fact.has_french else h.fact.text,
                    "sources": [{"publisher": s.publisher, "title": s.title, "date": s.date, "url": s.url}
                                for s in h.sources],
                    "as_of": h.fact.as_of,
                    "score": round(h.score, 3),
                }
                for h in self.hits
            ],
            "suggestions": [t.label(self.lang) for t in self.suggestions],
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


class Answerer:
    def __init__(self, facts: FactStore, language: Pipeline = ENGLISH) -> None:
        self.facts = facts
        self.pipeline = language  # how questions are read, and which index they are matched against
        self._others: dict[str, Answerer] = {}  # the answerers for the other languages, made on first need
        self.bodies = OtherBodies()
        self._generation = -1
        self.synonyms = Synonyms()
        self._topics: dict[str, Topic] = {}
        self._publishers = named.Publishers((), language, facts.db)
        self._rows = CandidateRows(facts.db, language, self._publishers)
        self._total = 0
        self.vocabulary = Vocabulary(facts.db, language.vocab)

    def refresh(self) -> None:
        """Reload what is cached from the store; called automatically when the store has changed. Term counts
        and typo guesses are forgotten only for the terms that changed."""
        self.vocabulary.forget(self.facts.changes.since(self._generation))
        self._generation = self.facts.generation
        self.synonyms = Synonyms(self.facts.synonyms(self.pipeline.lang), self.pipeline)
        self.bodies = OtherBodies(self.facts.other_bodies())
        self._topics = {t.id: t for t in self.facts.topics()}
        self._publishers = named.Publishers(self.facts.sources().values(), self.pipeline, self.facts.db)
        self._rows = CandidateRows(self.facts.db, self.pipeline, self._publishers)
        row = self.facts.db.query_one(f"SELECT count(*) FROM {self.pipeline.index}")
        self._total = int(row[0]) if row else 0

    def _fresh(self) -> None:
        if self._generation != self.facts.generation:
            self.refresh()

    def concepts(self, question: str) -> tuple[list[Concept], dict[str, int]]:
        """The question as concepts (synonym groups it names, then its other content words, typos corrected),
        with the document frequency of every term they use."""
        found, rest = self.synonyms.concepts(question)
        typed = {self.pipeline.stem(w): w for w in self.pipeline.words(question)}
        seen = {alt for c in found for alt in c.alternatives}
        for term in rest:
            if (term,) not in seen:
                seen.add((term,))
                found.append(Concept(typed.get(term, term), [(term,)]))  # labelled as typed ("supposed")
        known = self.vocabulary.doc_freq({t for c in found for t in c.terms()})
        guesses, misses, stem = 0, 0, self.pipeline.stem
        for concept in found:
            term = concept.alternatives[0][0]
            if len(concept.alternatives) == 1 and len(term) >= 4 and term.isalpha() and term not in known:
                if self.pipeline.is_ordinary(typed.get(term, term)):  # a real word the store lacks is no typo
                    continue
                guesses += 1
                if guesses > MAX_GUESSES or misses >= MAX_MISSES:  # a dozen unknown words are not a few typos
                    break
                match = self.vocabulary.swapped(typed.get(term, term), stem) or self.vocabulary.guess(term)
                if not match and (fixed := correction(typed.get(term, term), self.pipeline.lang)):
                    match = next(iter(self.vocabulary.doc_freq({self.pipeline.stem(fixed)})), None)
                misses += not match
                if match in self.pipeline.stop_stems:  # "thier": a typo of a word that says nothing
                    concept.alternatives.clear()
                elif match:
                    concept.alternatives.append((match,))
                    concept.guessed = {(match,)}
                    known.update(self.vocabulary.doc_freq({match}))
        return [c for c in found if c.alternatives], known

    def ask(self, question: str, *, limit: int = 3, lang: str | None = None, hint: str | None = None) -> Answer:
        """The answer, in the question's language (read from its words; `hint`, the asker's locale, settles only
        a question they leave open) unless `lang` forces the reply's language."""
        text = check_question(question)
        searched, wanted = reply_language(text)  # "... ? en français svp": the reply's language, not a subject
        asked = detect(searched, lang or hint)
        answerer = self.in_language(asked)
        answer = answerer.answer_in_language(answerer.pipeline.plain(without_errand(searched)), limit=limit)
        answer.question = text
        answer.lang = lang = lang or wanted or asked
        if lang != asked:  # the related facts' titles in the reply's language, as its facts are
            answer.related = [(fid, fact.shown_in(lang)[0] if (fact := self.facts.get(fid)) else title)
                              for fid, title in answer.related]
        if answer.missing_key:
            answer.missing = say(answer.missing_key, lang, **answer.missing_values)
        if answer.reason_key:
            answer.reason = say(answer.reason_key, lang, **answer.reason_values)
        return answer

    def in_language(self, lang: str) -> Answerer:
        """The answerer reading questions in `lang`: this one for its own language."""
        if lang == self.pipeline.lang:
            return self
        if lang not in self._others:
            self._others[lang] = Answerer(self.facts, pipeline(lang))
        return self._others[lang]

    def answer_in_language(self, text: str, *, limit: int = 3) -> Answer:
        """The answer read with this answerer's pipeline, to a question `ask` has checked."""
        self._fresh()
        concepts, df = self.concepts(intent.searched(unmarked(text)))
        if not concepts:
            return self._decline(text, [], "no_words")
        wants = intent.corrected(intent.read(text, self.pipeline), concepts)
        if wants.language or wants.media:
            return self._decline(text, [], "language_question" if wants.language else "")
        other = self.bodies.named_in(text)
        n = max(self._total, 1)
        weights = concept_weights(concepts, df, n, named.ordinary_unless_named(text, df, self.pipeline), wants.kind)
        aside = Aside.read(text, self.pipeline, concepts)  # "besides Duterte, which other success"
        weights = aside.lighter(weights)
        candidates = self._search(concepts, df, n)
        if not candidates:
            return self._decline(text, [], "")
        total = sum(weights) or 1.0
        asked_pairs = phrase_pairs(text, self.pipeline)
        own = own_terms(concepts)
        named_only = self._publishers.only_in_names(concepts, df, text)
        alternatives = AlternativeSets(concepts)
        for cand in candidates:
            shared = cand.shared_pairs(asked_pairs, self.pipeline.stop_stems)
            cand.credit_concepts(concepts, weights, shared, own, total, named_only, alternatives.unions)
        best_rank = min(c.rank for c in candidates)
        for cand in candidates:
            # bm25 (negative; lower is better) breaks ties between facts that cover the question equally
            cand.order = (cand.coverage + BM25_MIX * (cand.rank / best_rank if best_rank else 0)
                          + TITLE_MIX * sum(weights[i] for i in sorted(cand.credit.keys() | named_only)
                                            if cand.titled(concepts[i])) / total  # a title's words are credited
                          + EXAMPLE_MIX * cand.closest_example(alternatives, weights, total, wants.kind)
                          + KIND_MIX * (wants.kind is not None and cand.readings.title_kind == wants.kind))
        ranked = sorted(candidates, key=lambda c: -c.order)
        if wants.kind not in ("date", "day"):  # the list and its item share their date; the list gives it whole
            ranked = list_items.item_first(ranked, concepts, self.pipeline, text, MIN_SHARE)
        ranked = aside.after_titled(ranked, concepts, weights, self.vocabulary.doc_freq, n)
        if wants.calls and not wants.kind:  # "what's the coalition's ask wrt banks": a fact reporting its call
            ranked = call_first(ranked, MIN_SHARE)
        if len(concepts) == 1:
            ranked = self._broad(concepts[0], ranked, general=not wants.checked)
        if other is not None and not (ranked and self.bodies.named_in(ranked[0].raw) is other):
            return self._decline(text, [], "other_body", name=other.name, name_fr=other.name_fr)
        other_years = []
        months = fact_dates.months_named(text)  # a year or month asked about must be one the fact is about
        if wants.years or wants.sessions or months:  # not one it dates from
            other_years = [c for c in ranked if not fact_dates.years_agree(wants.years, text, c.raw, self.pipeline,
                                                                      wants.focus, months)
                           or not fact_dates.sessions_agree(wants.sessions, c.raw)]
            ranked = [c for c in ranked if c not in other_years]
        chosen, credit = self._choose(ranked, limit, total)
        confidence = sum(credit.values()) / total
        if not chosen or confidence < THRESHOLD:
            near = [c for c in other_years if c.coverage >= THRESHOLD]
            if near:
                missing = ("missing_years", {"years": fact_dates.asked_period(text, wants.years)}) \
                    if wants.years or not wants.sessions else \
                    ("missing_session", {"n": "/".join(sorted(wants.sessions))})
                return self._partial(text, near[:1], ranked + other_years, missing, confidence)
            return self._decline(text, ranked or other_years, "")
        if sum(credit.values()) < MIN_EVIDENCE:
            return self._decline(text, ranked, "too_general")
        if wants.checked:
            pool = list_items.with_item_facts(ranked, concepts) if wants.kind == "outcome" else ranked
            holder = holds.first_holder(wants, pool, max(MIN_SHARE, chosen[0].coverage * HOLDER_SHARE),
                                        question=text, expand=self.synonyms.expand, language=self.pipeline)
            if holder is None:
                return self._partial(text, chosen, ranked, wants.missing, confidence)
            if holder is not chosen[0]:
                chosen = [holder, *[c for c in chosen if c is not holder]][:limit]
        lacking = shortfalls.first(wants, concepts, df, n, chosen[0], text, publishers=self._publishers.names,
                                   language=self.pipeline, bodies=self.bodies, other=other)
        if lacking:  # "did Germany condemn ...", "LRWC recs about money": not a fact that never names them
            return self._partial(text, chosen, ranked, lacking, confidence)
        chosen_ids = {c.fact_id for c in chosen}
        related = [(c.fact_id, c.title) for c in ranked if c.fact_id not in chosen_ids and c.coverage >= 0.3]
        more = 4 if len(concepts) == 1 else 3
        facts = self.facts.get_many([c.rowid for c in chosen])
        return Answer(
            question=text,
            answered=True,
            hits=[FactHit(facts[c.rowid], self.facts.sources_for(facts[c.rowid]), c.coverage) for c in chosen],
            related=related[:more],
            confidence=confidence,
        )

    def _broad(self, concept: Concept, ranked: list[Candidate], *, general: bool) -> list[Candidate]:
        """A one-word question ("budget?", "sanctions??") asks about a subject in general: prefer the facts of
        the topic it names, then (when nothing in particular is asked of it) the fact whose example is that word
        alone, the curator's lead for it, then facts that name it in their title, before bm25's order; the rest
        of the list is shown beside the answer for the member to choose from."""
        terms = concept.terms()
        stems, lang = self.pipeline.stems, self.pipeline.lang
        topics = {t.id for t in self._topics.values() if terms & set(stems(f"{t.id} {t.label(lang)}"))}

        def key(c: Candidate) -> tuple[bool, bool, bool, float]:
            return (c.topic not in topics, not (general and c.leads(concept)), not terms & set(stems(c.title)), c.rank)

        return sorted(ranked, key=key)

    def _choose(self, ranked: list[Candidate], limit: int, total: float) -> tuple[list[Candidate],
                                                                                   dict[int, float]]:
        """The best fact, then greedily the facts that cover most of what the chosen ones leave out."""
        if not ranked or ranked[0].coverage < MIN_SHARE:
            return [], {}
        chosen = [ranked[0]]
        credit = dict(ranked[0].credit)
        while len(chosen) < limit:
            def gain(c: Candidate) -> float:
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
        return chosen, credit

    def _partial(self, question: str, shown: list[Candidate], ranked: list[Candidate],
                 missing: tuple[str, dict[str, str]], confidence: float) -> Answer:
        """Related facts that do not hold what was asked: shown as what the facts do say, never as the answer."""
        facts = self.facts.get_many([c.rowid for c in shown])
        return Answer(
            question=question,
            answered=False,
            status=PARTIAL,
            missing=say(missing[0], "en", **missing[1]),
            missing_key=missing[0],
            missing_values=missing[1],
            hits=[FactHit(facts[c.rowid], self.facts.sources_for(facts[c.rowid]), c.coverage) for c in shown],
            suggestions=self._decline(question, ranked, "").suggestions,
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
        usable = sorted(usable, key=lambda alt: (rarity[alt], alt))[:MATCH_TERMS]  # a long question: its rarest
        return " OR ".join('"' + " ".join(alt) + '"' for alt in sorted(usable))

    def _search(self, concepts: list[Concept], df: dict[str, int], n: int) -> list[Candidate]:
        match = self.match_expression(concepts, df, n)
        if match is None:
            return []
        # Raw SQL: sqlite-utils' search() cannot weigh columns in bm25, and this is the hot path.
        fts = f"{self.pipeline.index}_fts"
        top = self.facts.db.query(
            f"SELECT rowid, bm25({fts}, ?, ?, ?, ?) AS rank FROM {fts} WHERE {fts} MATCH ? ORDER BY rank LIMIT ?",
            (*BM25_WEIGHTS, match, CANDIDATES),
        )
        return self._rows.candidates({r[0]: r[1] for r in top})

    def _decline(self, question: str, ranked: list[Candidate], reason_key: str, **values: str) -> Answer:
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
            reason=say(reason_key, "en", **values) if reason_key else "",
            reason_key=reason_key,
            reason_values=values,
        )
